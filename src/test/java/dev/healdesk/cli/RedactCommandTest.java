package dev.healdesk.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

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
    void plainTextIsRedactedLineByLineKeepingBlankLines() {
        Result r = redact("INFO connecting user=svc password=hunter2 host=10.0.3.17\n\n"
                + "Error: connect ECONNREFUSED 127.0.0.1:5432\nmail alice@acme-corp.io\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("INFO connecting user=svc password=[REDACTED_PASSWORD] host=[REDACTED_IP_ADDRESS]\n\n"
                + "Error: connect ECONNREFUSED 127.0.0.1:5432\nmail [REDACTED_EMAIL]\n", r.out());
    }

    @Test
    void aPrivateKeyBlockOverSeveralLinesGoesWhole() {
        Result r = redact("before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n"
                + "aFDrBz9vFqU4yQw3dNa5vDqR1b6XQkM7\n-----END RSA PRIVATE KEY-----\nafter\n");
        assertEquals(0, r.code(), r.err());
        assertEquals("before\n[REDACTED_PRIVATE_KEY]\nafter\n", r.out());
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
