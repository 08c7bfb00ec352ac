package dev.healdesk.core.redact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value found by its name goes wherever else the text prints it, however long the text and however many values it
 * names: a 1 MB log in a prompt or a run's report redacted at rest has hundreds of findings before the one whose echo
 * must go. Values are random letters and digits made here, so that no secret-shaped literal sits in the repository.
 */
class EchoesTest {

    private static final Redactor STANDARD = Redactor.standard();

    /** Before: only a text's first 64 findings were looked for again, so a password named after them leaked. */
    @ParameterizedTest(name = "{0} findings before the password's name")
    @ValueSource(ints = {0, 70, 400})
    void aValueNamedAfterManyFindingsGoesWhereItIsEchoedEarlier(int before) {
        Random random = new Random(before);
        String password = value(random);
        StringBuilder text = new StringBuilder("AssertionError: expected '" + password + "' to be null\n");
        for (int i = 0; i < before; i++) {
            text.append("GET /orders/").append(i).append(" token=").append(value(random)).append(" -> 401\n");
        }
        text.append("datasource: password=").append(password).append('\n');

        String out = STANDARD.redact(text.toString());

        assertFalse(out.contains(password), out.substring(0, Math.min(out.length(), 300)));
        assertTrue(out.startsWith("AssertionError: expected '[REDACTED_PASSWORD]' to be null\n"), out.substring(0, 80));
        assertTrue(out.contains("GET /orders/0 token=") || before == 0, "what is no secret stays");
    }

    /**
     * Few values are looked for one by one, many in one pass over the text ({@link Echoes#ONE_BY_ONE}); both find the
     * same: every whole repeat goes, a value inside a longer word stays, and a hex value stays where it is a path's
     * segment (a WebDriver session's id) but goes where it stands alone.
     */
    @ParameterizedTest(name = "{0} values")
    @ValueSource(ints = {1, Echoes.ONE_BY_ONE, Echoes.ONE_BY_ONE + 1, 300})
    void everyRepeatGoesAndWordsAndPathSegmentsStay(int values) {
        Random random = new Random(values);
        List<String> passwords = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values; i++) {
            String p = value(random);
            passwords.add(p);
            text.append("login ").append(i).append(": password=").append(p).append('\n');
        }
        String hex = hex(random);
        text.append("api_token=").append(hex).append('\n');
        for (int i = 0; i < values; i++) {
            String p = passwords.get(i);
            text.append("expected \"").append(p).append("\" but was null; not ").append(p).append("x9 nor z")
                    .append(p).append('\n');
        }
        text.append("POST /session/").append(hex).append("/url\n<arg>").append(hex).append("</arg>\n");

        String out = STANDARD.redact(text.toString());

        for (String p : passwords) {
            assertFalse(out.contains("\"" + p + "\""), "the repeat of " + p + " goes");
            assertTrue(out.contains(" " + p + "x9 nor z" + p + "\n"), "inside longer words " + p + " stays");
        }
        assertEquals(values, count(out, "expected \"[REDACTED_PASSWORD]\" but was null"));
        assertTrue(out.contains("POST /session/" + hex + "/url\n"), "a path's segment stays");
        assertTrue(out.contains("<arg>[REDACTED_GENERIC_SECRET]</arg>"), "the hex value alone goes");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** Twelve random letters and digits, upper and lower case and a digit among them: a password's shape. */
    private static String value(Random random) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        b.append(letters.charAt(random.nextInt(24)));
        for (int i = 0; i < 9; i++) {
            b.append(letters.charAt(random.nextInt(letters.length())));
        }
        return b.append(random.nextInt(10)).append(letters.charAt(24 + random.nextInt(24))).toString();
    }

    private static String hex(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
