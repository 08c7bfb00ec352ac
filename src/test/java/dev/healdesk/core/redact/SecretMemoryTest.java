package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value one text names goes from the texts after it that print it alone, through the memory they share; what no
 * memory holds stays where nothing names it. Values are random letters and digits made here.
 */
class SecretMemoryTest {

    private static final Redactor STANDARD = Redactor.standard();

    @Test
    void aValueNamedInOneTextGoesFromALaterOneThatPrintsItAlone() {
        String password = value(new Random(1));
        String named = "datasource: url=jdbc:postgresql://10.0.4.12:5432/orders user=app password=" + password;
        String echo = "AssertionError: expected '" + password + "' to be null";
        SecretMemory memory = new SecretMemory();

        assertEquals(echo, STANDARD.redact(echo), "alone and with no memory, nothing names it");
        assertEquals("datasource: url=jdbc:postgresql://10.0.4.12:5432/orders user=app password=[REDACTED_PASSWORD]",
                STANDARD.redact(named, memory));
        assertEquals(1, memory.size());
        assertEquals("AssertionError: expected '[REDACTED_PASSWORD]' to be null", STANDARD.redact(echo, memory));
        assertEquals("not " + password + "x9 nor z" + password, STANDARD.redact("not " + password + "x9 nor z"
                + password, memory), "inside longer words it stays");
    }

    @Test
    void aTokenFoundByItsShapeAloneIsNotKeptSinceItsShapeFindsItAnywhere() {
        SecretMemory memory = new SecretMemory();
        String token = "ghp_" + value(new Random(3)) + value(new Random(4)) + "abcdefghijklmn";
        assertEquals("git push with [REDACTED_GITHUB_TOKEN] failed", STANDARD.redact("git push with " + token
                + " failed", memory));
        assertEquals(0, memory.size());
        assertEquals("saw [REDACTED_GITHUB_TOKEN]", STANDARD.redact("saw " + token, memory));
    }

    @Test
    void itHoldsTheFirstValuesUpToItsBound() {
        Random random = new Random(2);
        SecretMemory memory = new SecretMemory();
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < SecretMemory.MAX_VALUES + 50; i++) {
            String p = value(random);
            passwords.add(p);
            STANDARD.redact("login " + i + " password=" + p, memory);
        }
        assertEquals(SecretMemory.MAX_VALUES, memory.size());
        String first = passwords.get(0);
        String last = passwords.get(passwords.size() - 1);
        assertEquals("was [REDACTED_PASSWORD]", STANDARD.redact("was " + first, memory));
        assertEquals("was " + last, STANDARD.redact("was " + last, memory), "past the bound, not kept");
        String many = String.join(" | ", passwords.subList(0, SecretMemory.MAX_VALUES));
        assertFalse(STANDARD.redact(many, memory).matches(".*[a-z]{3}.*"), "every held value goes in one text");
    }

    @Test
    void threadsSharingAMemoryEachAddWhatTheyFind() throws Exception {
        SecretMemory memory = new SecretMemory();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = 100 + t;
                done.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        String p = value(random);
                        mine.add(p);
                        STANDARD.redact("worker " + seed + " password=" + p, memory);
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : done) {
                all.addAll(f.get());
            }
            assertEquals(all.size(), memory.size());
            for (String p : all) {
                assertTrue(STANDARD.redact("saw " + p, memory).equals("saw [REDACTED_PASSWORD]"), p);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Twelve random letters and digits, a capital first and a digit near the end: a password's shape. */
    static String value(Random random) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        b.append(letters.charAt(random.nextInt(24)));
        for (int i = 0; i < 9; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.append(random.nextInt(10)).append(letters.charAt(24 + random.nextInt(24))).toString();
    }
}
