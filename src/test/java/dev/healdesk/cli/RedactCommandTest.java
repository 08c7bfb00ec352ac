package dev.healdesk.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code healdesk redact} as a pipe: standard input in, standard output out, exit codes. */
class RedactCommandTest {

    private record Result(int code, String out, String err) {
    }

    private static Result redact(String stdin, String... args) {
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] all = new String[args.length + 1];
            all[0] = "redact";
            System.arraycopy(args, 0, all, 1, args.length);
            int code = Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
            return new Result(code, out.toString().replace(System.lineSeparator(), "\n"), err.toString());
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void plainTextIsRedactedKeepingBlankLines() {
        Result r = redact("INFO connecting user=svc password=hunter2 client=52.14.7.9\n\n"
                + "Error: connect ECONNREFUSED 10.0.3.17:5432\nmail alice@acme-corp.io\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("INFO connecting user=svc password=[REDACTED_PASSWORD] client=[REDACTED_IP_ADDRESS]\n\n"
                + "Error: connect ECONNREFUSED 10.0.3.17:5432\nmail [REDACTED_EMAIL]\n", r.out());
    }

    @Test
    void aPrivateKeyBlockOverSeveralLinesGoesWhole() {
        Result r = redact("before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n"
                + "aFDrBz9vFqU4yQw3dNa5vDqR1b6XQkM7\n-----END RSA PRIVATE KEY-----\nafter\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("before\n[REDACTED_PRIVATE_KEY]\nafter\n", r.out());
    }

    @Test
    void plainTextMasksAValueOnTheLineBelowItsNameAsARunsTextDoes() {
        String yaml = "database:\n  password:\n    s3cr3tPassw0rd!xyz\napi_key: |\n  AbCdEf0123456789GhIjKlMnOpQrStUv\n"
                + "host: db.internal.acme.net\n";
        Result r = redact(yaml);
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("s3cr3tPassw0rd!xyz"), r.out());
        assertFalse(r.out().contains("AbCdEf0123456789GhIjKlMnOpQrStUv"), r.out());
        assertEquals(dev.healdesk.core.redact.Redactor.standard().redact(yaml.substring(0, yaml.length() - 1)) + "\n",
                r.out());
        assertTrue(r.out().contains("host: db.internal.acme.net\n"), r.out());
    }

    @Test
    void linesAreWrittenAsTheyArriveWhenTheInputWaits() throws Exception {
        String all = streamed((feed, out) -> {
            write(feed, "first token=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n");
            String early = waitFor(out, "first");
            assertTrue(early.startsWith("first token=[REDACTED"), "the first line is out before the input ends: " + early);
            assertFalse(early.contains("ghp_0123"), early);
            write(feed, "second line\n");
        });
        assertTrue(all.endsWith("\nsecond line\n"), all);
    }

    @Test
    void aCacheKeysHexStaysAndAnApiKeysGoesAsTheRedactorDoesOnTheSameText() {
        // redact44: the command masked a cache key's hex only where the same value was named as a credential's before
        // it (its memory, as Redactor.standard() on the whole text does by its echoes), not a lone line's
        String cache = "0123456789abcdef0123456789abcdef01234567";
        String api = "fedcba9876543210fedcba9876543210fedcba98";
        String distinct = "Cache key=" + cache + "\nAPI key=" + api + "\n";
        Result r = redact(distinct);
        assertEquals("Cache key=" + cache + "\nAPI key=[REDACTED_GENERIC_SECRET]\n", r.out());
        String echoed = "API key=" + api + "\nCache key=" + api;
        assertEquals(dev.healdesk.core.redact.Redactor.standard().redact(echoed) + "\n", redact(echoed + "\n").out());
        assertFalse(redact(echoed + "\n").out().contains(api));
    }

    @Test
    void aValueAnEarlierBlockNamedGoesFromALaterBlockOfTheStream() throws Exception {
        String password = "Rw8" + "nTq4zLp2Vx";
        String all = streamed((feed, out) -> {
            write(feed, "seed: user=qa-bot password=" + password + "\n");
            assertTrue(waitFor(out, "seed").contains("password=[REDACTED_PASSWORD]"), "its own block: " + out);
            write(feed, "AssertionError: expected '" + password + "' to be null\n");
        });
        assertTrue(all.endsWith("\nAssertionError: expected '[REDACTED_PASSWORD]' to be null\n"), all);
    }

    /** What a test writes into {@code healdesk redact}'s standard input while it runs, reading what has come out. */
    private interface Feeding {
        void feed(PipedOutputStream feed, StringWriter out) throws Exception;
    }

    /** Runs {@code healdesk redact} on a pipe that {@code feeding} writes to and closes; all it wrote out. */
    private static String streamed(Feeding feeding) throws Exception {
        PipedOutputStream feed = new PipedOutputStream();
        InputStream original = System.in;
        System.setIn(new PipedInputStream(feed, 1 << 16));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> code = pool.submit(() -> Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    "redact"));
            feeding.feed(feed, out);
            feed.close();
            assertEquals(0, code.get(20, TimeUnit.SECONDS), err.toString());
            return out.toString().replace(System.lineSeparator(), "\n");
        } finally {
            pool.shutdownNow();
            System.setIn(original);
        }
    }

    private static void write(PipedOutputStream feed, String text) throws IOException {
        feed.write(text.getBytes(StandardCharsets.UTF_8));
        feed.flush();
    }

    /** What has come out once it contains {@code part}, or after 20 seconds. */
    private static String waitFor(StringWriter out, String part) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString().contains(part) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return out.toString();
    }

    @Test
    void jsonLinesRedactTextAndKeepTheOtherFieldsInOrder() {
        Result r = redact("{\"id\":\"t1\",\"text\":\"Authorization: Bearer abc.def\",\"ms\":1.50,\"tags\":[\"a\"]}\n"
                + "\n"
                + "{\"text\":null,\"id\":\"t2\"}\n"
                + "{\"id\":\"t3\",\"text\":\"nothing to hide\",\"n\":12345678901234567890}\n", "--jsonl");
        assertEquals(0, r.code(), r.err());
        assertEquals("{\"id\":\"t1\",\"text\":\"Authorization: Bearer [REDACTED_BEARER_TOKEN]\",\"ms\":1.50,"
                + "\"tags\":[\"a\"]}\n"
                + "{\"text\":null,\"id\":\"t2\"}\n"
                + "{\"id\":\"t3\",\"text\":\"nothing to hide\",\"n\":12345678901234567890}\n", r.out());
    }

    @Test
    void aLineThatIsNoJsonObjectExitsTwoNamingTheLine() {
        Result notObject = redact("{\"text\":\"ok\"}\n[\"text\"]\n", "--jsonl");
        assertEquals(2, notObject.code());
        assertTrue(notObject.err().contains("line 2: expected a JSON object"), notObject.err());
        assertTrue(notObject.err().contains("leave out --jsonl"), notObject.err());
        assertEquals("{\"text\":\"ok\"}\n", notObject.out(), "what came before is out already");

        Result broken = redact("{\"text\":\"password=hunter2\"\n", "--jsonl");
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("line 1: not valid JSON"), broken.err());
        assertFalse(broken.out().contains("hunter2"));

        Result trailing = redact("{\"text\":\"a\"} {\"text\":\"b\"}\n", "--jsonl");
        assertEquals(2, trailing.code());
        assertTrue(trailing.err().contains("line 1: not valid JSON"), trailing.err());

        Result noText = redact("{\"message\":\"password=hunter2\"}\n", "--jsonl");
        assertEquals(2, noText.code());
        assertTrue(noText.err().contains("line 1: no \"text\" field"), noText.err());

        Result number = redact("{\"text\":42}\n", "--jsonl");
        assertEquals(2, number.code());
        assertTrue(number.err().contains("\"text\" must be a string, not number"), number.err());
    }

    @Test
    void theMissingCommandMessageNamesRedact() {
        StringWriter err = new StringWriter();
        assertEquals(2, Cli.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("redact"), err.toString());
    }
}
