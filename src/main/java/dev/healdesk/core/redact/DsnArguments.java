package dev.healdesk.core.redact;

/**
 * The password of a database connection made by a call that takes the data source, the user and the password by
 * position, as stack traces and debug logs print the call: PHP's {@code PDO->__construct('mysql:host=…;dbname=…',
 * 'app', '…', Array)} and {@code new PDO(…)}, Java's {@code DriverManager.getConnection("jdbc:postgresql://…", "app",
 * "…")}, ODBC's {@code odbc_connect('DSN=…', 'app', '…')}, and with a JDBC driver's class named first, doobie's
 * {@code Transactor.fromDriverManager[IO]("org.postgresql.Driver", "jdbc:…", "app", "…")}. The first argument must be a data source: a scheme with
 * a colon ({@code mysql:}, {@code odbc:}, {@code jdbc:…}) or a {@code KEY=value} string; the third, quoted, goes; the
 * user stays. So {@code printf('%s: %s', 'user', 'text')} and {@code f('a', 'b', 'c')} keep theirs. Triggered by the
 * {@code (} of a call with a quoted first argument.
 */
final class DsnArguments extends Detector {

    private static final boolean[] QUOTES = Chars.set("'\"");
    /** The longest data source read. */
    private static final int MAX_DSN = 512;
    private static final int MAX_USER = 128;

    @Override
    public boolean[] seconds(char c) {
        return QUOTES;
    }

    @Override
    public int at(Scan scan, int paren) {
        String s = scan.text;
        char before = paren == 0 ? 0 : s.charAt(paren - 1);
        if (paren == 0 || !Chars.word(before) && before != ' ' && before != ']' && before != '>') {
            // a call's name, or its type's arguments: Scala's fromDriverManager[IO](, C#'s Create<T>(
            return paren + 1;
        }
        char q = s.charAt(paren + 1);
        int dsn = paren + 2;
        int dsnEnd = quoted(s, dsn, q, MAX_DSN);
        if (dsnEnd > 0 && driverClass(s, dsn, dsnEnd)) {
            // a JDBC driver's class named before the data source: doobie's Transactor.fromDriverManager[IO](
            // "org.postgresql.Driver", "jdbc:…", "user", "…"), jaydebeapi's connect("org.h2.Driver", "jdbc:…", …)
            int second = next(s, dsnEnd + 1);
            if (second < 0) {
                return paren + 1;
            }
            dsn = second + 1;
            dsnEnd = quoted(s, dsn, s.charAt(second), MAX_DSN);
        }
        if (dsnEnd < 0 || !dataSource(s, dsn, dsnEnd)) {
            return paren + 1;
        }
        int user = next(s, dsnEnd + 1);
        if (user < 0) {
            return paren + 1;
        }
        int userEnd = quoted(s, user + 1, s.charAt(user), MAX_USER);
        if (userEnd < 0) {
            return paren + 1;
        }
        int password = next(s, userEnd + 1);
        if (password < 0) {
            return paren + 1;
        }
        int start = password + 1;
        int end = quoted(s, start, s.charAt(password), Integer.MAX_VALUE);
        if (end <= start || Values.placeholder(s, start, end)) {
            return paren + 1;
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return paren + 1;   // the data source is scanned too: its host's address, a password in it
    }

    /** Where the quote {@code q} that closes a string starting at {@code start} is, within {@code max}; -1 if not. */
    private static int quoted(String s, int start, char q, int max) {
        int limit = (int) Math.min(s.length(), (long) start + max);
        for (int k = start; k < limit; k++) {
            char c = s.charAt(k);
            if (c == q) {
                return k;
            }
            if (c == '\n' || c == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** After a closing quote at {@code i - 1}: the opening quote of the next argument (a comma, blanks), or -1. */
    private static int next(String s, int i) {
        int k = Chars.skipBlanks(s, i);
        if (k >= s.length() || s.charAt(k) != ',') {
            return -1;
        }
        k = Chars.skipBlanks(s, k + 1);
        return k < s.length() && (s.charAt(k) == '\'' || s.charAt(k) == '"') ? k : -1;
    }

    /**
     * Whether {@code s[start, end)} is a Java class's full name that names a driver: dotted words, the last one ending
     * in {@code Driver} or {@code DataSource} ({@code org.postgresql.Driver}, {@code com.mysql.cj.jdbc.Driver}).
     */
    private static boolean driverClass(String s, int start, int end) {
        int dot = s.lastIndexOf('.', end - 1);
        if (dot <= start || end - start > 128
                || !s.startsWith("Driver", end - 6) && !s.startsWith("DataSource", end - 10)) {
            return false;
        }
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (!Chars.word(c) && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code s[start, end)} is a data source: a scheme of letters then a colon and no
     * blank, or {@code KEY=value;…} pairs (ODBC, ADO.NET).
     */
    private static boolean dataSource(String s, int start, int end) {
        int k = start;
        while (k < end && (Chars.letter(s.charAt(k)) || k > start && (Chars.digit(s.charAt(k)) || s.charAt(k) == '+'))) {
            k++;
        }
        if (k - start < 3 || k >= end) {
            return false;
        }
        if (s.charAt(k) == ':') {
            return k + 1 < end && !Chars.space(s.charAt(k + 1));
        }
        return s.charAt(k) == '=' && Chars.indexOf(s, ';', k, end) > 0;
    }
}
