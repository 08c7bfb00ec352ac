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
 * What the redactor finds in a short text it finds in a long one: a 1 MB log in a prompt or a chunk of a run's report
 * redacted at rest has hundreds of findings and tables of hundreds of rows. A value found by its name goes wherever
 * else the text prints it, however many values come before it; a table's secret column is read to its last row.
 * Values are random letters and digits made here, so that no secret-shaped literal sits in the repository.
 */
class LongTextsTest {

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

    /**
     * A text too long for a thread's kept arrays ({@link Echoes#ONE_PASS_LENGTH}, a block of {@code healdesk redact}) is
     * searched in one pass however few values it names, with the values a {@link SecretMemory} remembers in the same
     * pass: the same repeats go as where each is looked for one by one, words and path segments stay, and a value named
     * in an earlier text goes too. Its filler holds a character past Latin-1 (a UTF-16 string), as real text does.
     */
    @ParameterizedTest(name = "{0} values")
    @ValueSource(ints = {1, Echoes.ONE_BY_ONE})
    void aLongTextsFewValuesAndTheRememberedOnesGoInOnePass(int values) {
        Random random = new Random(31L * values);
        String remembered = value(random);
        SecretMemory memory = new SecretMemory();
        STANDARD.redact("datasource: password=" + remembered + "\n", memory);
        StringBuilder text = new StringBuilder();
        for (int row = 0; text.length() <= Echoes.ONE_PASS_LENGTH; row++) {
            text.append("step ").append(row).append(" \u2010 done: ").append(row % 40).append(" of 40 passed\n");
        }
        List<String> passwords = new ArrayList<>();
        for (int i = 0; i < values; i++) {
            String p = value(random);
            passwords.add(p);
            text.append("login ").append(i).append(": password=").append(p).append('\n');
        }
        String hex = hex(random);
        text.append("api_token=").append(hex).append('\n');
        for (String p : passwords) {
            text.append("expected \"").append(p).append("\" but was null; not ").append(p).append("x9 nor z")
                    .append(p).append('\n');
        }
        text.append("POST /session/").append(hex).append("/url\n<arg>").append(hex).append("</arg>\n");
        text.append("expected '").append(remembered).append("' to be null\n");

        String out = STANDARD.redact(text.toString(), memory);

        for (String p : passwords) {
            assertFalse(out.contains("\"" + p + "\""), "the repeat of " + p + " goes");
            assertTrue(out.contains(" " + p + "x9 nor z" + p + "\n"), "inside longer words " + p + " stays");
        }
        assertEquals(values, count(out, "expected \"[REDACTED_PASSWORD]\" but was null"));
        assertTrue(out.contains("POST /session/" + hex + "/url\n"), "a path's segment stays");
        assertTrue(out.contains("<arg>[REDACTED_GENERIC_SECRET]</arg>"), "the hex value alone goes");
        assertTrue(out.endsWith("expected '[REDACTED_PASSWORD]' to be null\n"), "the remembered value goes");
        assertTrue(out.startsWith("step 0 \u2010 done: 0 of 40 passed\n"), "what is no secret stays");
    }

    /** Before: a table that blanks align was read for 50 rows only, so the 51st row's password leaked. */
    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {3, 51, 500})
    void everyRowOfAnAlignedTableLosesItsSecretColumn(int rows) {
        Random random = new Random(rows);
        List<String> passwords = new ArrayList<>();
        StringBuilder text = new StringBuilder("$ kubectl exec db-0 -- psql -c 'select * from service_users'\n")
                .append("USERNAME      PASSWORD            HOST\n");
        for (int i = 0; i < rows; i++) {
            String p = value(random);
            passwords.add(p);
            text.append(String.format("svc-%-8d  %-18s  10.0.%d.%d%n", i, p, i / 250, i % 250));
        }
        text.append("\nNAME   STATUS   RESTARTS\ndb-0   Running  0\n");

        String out = STANDARD.redact(text.toString());

        for (String p : passwords) {
            assertFalse(out.contains(p), "row of " + p);
        }
        assertEquals(rows, count(out, "[REDACTED_PASSWORD]"));
        String last = String.format("svc-%-8d  %-18s  10.0.%d.%d%n", rows - 1, passwords.get(rows - 1),
                (rows - 1) / 250, (rows - 1) % 250);
        assertTrue(out.contains(last.replace(passwords.get(rows - 1), "[REDACTED_PASSWORD]")), "the user and host stay");
        assertTrue(out.endsWith("NAME   STATUS   RESTARTS\ndb-0   Running  0\n"));
    }

    /** Before: rows printed as lists under a list of column names were read for 100 rows only. */
    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {2, 101, 1000})
    void everyRowUnderAListOfNamesLosesItsSecretItem(int rows) {
        Random random = new Random(rows);
        List<String> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder("[\"id\", \"login\", \"api_token\"]\n");
        for (int i = 0; i < rows; i++) {
            String t = value(random) + value(random);
            tokens.add(t);
            text.append('[').append(i).append(", \"user").append(i).append("\", \"").append(t).append("\"]\n");
        }

        String out = STANDARD.redact(text.toString());

        for (String t : tokens) {
            assertFalse(out.contains(t), "row of " + t);
        }
        assertTrue(out.contains("[" + (rows - 1) + ", \"user" + (rows - 1) + "\", \"[REDACTED_"), "id and login stay");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String value(Random random) {
        return SecretMemoryTest.value(random);
    }

    private static String hex(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
        }
        return b.toString();
    }
}
