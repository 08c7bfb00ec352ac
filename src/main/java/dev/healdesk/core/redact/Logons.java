package dev.healdesk.core.redact;

import java.util.List;

/**
 * A logon given as one positional argument, {@code user/password@connect}, as Oracle's tools take it
 * ({@code sqlplus scott/tiger@//db.acme.net:1521/ORCL}, {@code rman target sys/…@prod catalog rcat/…@rcat},
 * {@code expdp userid=system/…@orcl}): only the password goes; user, host, port and service name stay. The
 * commands and keys are rows of {@link RuleTable} ({@code logons}). Triggered by the {@code /} after the user name;
 * such an argument counts only after one of the commands on the same line, or as the value of one of the keys
 * ({@code userid=}), or right after a prefix ({@code jdbc:oracle:thin:scott/…@host:1521:ORCL}), or before Easy Connect's
 * {@code @//host} or its {@code @host:port/service} anywhere ({@code utplsql run app/…@//db:1521/ORCLPDB1}, a {@code
 * dsn = "hr/…@dbhost:1521/orclpdb1"}), so {@code a/b@c} elsewhere stays. Without {@code @connect} the argument must follow the command
 * directly (flags, the row's keywords and other logons between), so that a path later on the line stays. Typed at
 * the tool's own prompt, it counts after {@code CONNECT} ({@code RMAN> CONNECT TARGET sys/…@prod}).
 */
final class Logons extends Detector {

    /**
     * One row: the commands that take a logon, the keys whose value is one, the words that may stand between, and the
     * texts right after which one stands (a JDBC URL's {@code jdbc:oracle:thin:}).
     */
    record Logon(String id, List<String> commands, List<String> keys, List<String> keywords, List<String> prefixes) {
    }

    /** Oracle's longest user name is 128 characters. */
    private static final int MAX_USER = 128;
    private static final int MAX_PASSWORD = 256;
    /** How many arguments back the command of a logon without {@code @connect} is looked for. */
    private static final int MAX_ARGUMENTS = 6;

    private final List<Logon> table;

    Logons(List<Logon> table) {
        this.table = table;
    }

    private static final boolean[] USER_END = new boolean[128];
    private static final boolean[] PASSWORD_START = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            USER_END[c] = userChar(c) || c == ' ' || c == '\t';
            PASSWORD_START[c] = passwordChar(c) || c == '"';
        }
    }

    /** The user's last character stands before the slash; or a blank, before {@code net use}'s {@code /user:}. */
    @Override
    public boolean[] befores(char c) {
        return USER_END;
    }

    /**
     * A blank before the slash is only {@code net use}'s {@code /user:}: the user's last character stands before the
     * slash, or {@code u} follows it.
     */
    @Override
    boolean[][] eitherSide(char c) {
        return EITHER_SIDE;
    }

    private static final boolean[][] EITHER_SIDE = eitherSide();

    private static boolean[][] eitherSide() {
        boolean[] before = new boolean[128];
        for (char c = 0; c < 128; c++) {
            before[c] = userChar(c);
        }
        return new boolean[][] {before, Chars.set("uU")};
    }

    /** The password's first character, or its opening quote, follows the slash. */
    @Override
    public boolean[] seconds(char c) {
        return PASSWORD_START;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i > 0 && i + 6 < s.length() && Chars.blank(s.charAt(i - 1)) && s.regionMatches(true, i + 1, "user:", 0, 5)) {
            return netUse(scan, i);
        }
        if (i == 0 || i + 1 >= s.length() || !userChar(s.charAt(i - 1))
                || !passwordChar(s.charAt(i + 1)) && s.charAt(i + 1) != '"') {
            return i + 1;
        }
        int user = i - 1;
        while (user > 0 && i - user < MAX_USER && userChar(s.charAt(user - 1))) {
            user--;
        }
        boolean prefixed = user > 0 && s.charAt(user - 1) == ':' && prefixed(s, user);
        if (!Chars.letter(s.charAt(user)) || user > 0 && !before(s.charAt(user - 1)) && !prefixed) {
            return i + 1;   // a path, a version, a fraction, a scoped package (@scope/name)
        }
        int start = i + 1;
        int end;
        boolean quoted = s.charAt(start) == '"';
        if (quoted) {
            start++;
            end = start;
            while (end < s.length() && end - start < MAX_PASSWORD && s.charAt(end) != '"' && s.charAt(end) != '\n') {
                end++;
            }
            if (end >= s.length() || s.charAt(end) != '"') {
                return i + 1;
            }
        } else {
            end = start;
            while (end < s.length() && end - start < MAX_PASSWORD && passwordChar(s.charAt(end))) {
                end++;
            }
            if (end < s.length() && s.charAt(end) == '/') {
                return i + 1;   // a path: a/b/c
            }
        }
        if (end == start) {
            return i + 1;
        }
        int after = quoted ? end + 1 : end;
        boolean connect = after + 1 < s.length() && s.charAt(after) == '@' && !Chars.space(s.charAt(after + 1));
        if (!connect && after < s.length() && !Chars.space(s.charAt(after)) && !quote(s.charAt(after))) {
            return i + 1;   // a/b:c, a/b.txt,… followed by more than a logon can be
        }
        if (!connect && !quoted && version(s, start, end)) {
            return i + 1;   // a product and its version: Mozilla/5.0, HTTP/1.1, Chrome/120.0.0.0
        }
        // Easy Connect's @//host[:port]/service is Oracle's alone: such a logon counts after any tool's name
        // (utplsql run app/…@//db:1521/ORCLPDB1, a wrapper script's, a CI step's), with no command of the table
        boolean easyConnect = connect && (s.startsWith("//", after + 1) && after + 3 < s.length()
                && Chars.alnum(s.charAt(after + 3)) || hostPortService(s, after + 1));
        if (!prefixed && !easyConnect && !keyed(s, user) && !(connect ? commandOnLine(s, user) : commandBefore(s, user))
                && !promptConnect(s, user) || Values.placeholder(s, start, end)) {
            return i + 1;   // the placeholder test last: it is the dearest (${ORACLE_PWD}, ****)
        }
        scan.add(SecretKind.PASSWORD, start, end);
        return end;
    }

    /**
     * Whether Easy Connect's {@code host:port/service} starts at {@code h}, its {@code //} left out, as python-oracledb's
     * and node-oracledb's {@code dsn}, a connect string in a config and most tutorials write it ({@code
     * hr/…@dbhost.example.com:1521/orclpdb1}, {@code app/…@10.20.0.7:1522/REPORTS}): a host name or address (letters,
     * digits, dots, dashes), a colon, a port of 2 to 5 digits, a slash and a service name's first letter. {@code
     * pkg/v1@1.2.3}, {@code lib/nginx@sha256:ab…} and {@code git@host:org/repo} (no slash before the {@code @}, or no
     * port) stay.
     */
    private static boolean hostPortService(String s, int h) {
        int k = h;
        while (k < s.length() && k - h <= 253 && (Chars.alnum(s.charAt(k)) || s.charAt(k) == '.' || s.charAt(k) == '-')) {
            k++;
        }
        if (k == h || !Chars.alnum(s.charAt(h)) || k >= s.length() || s.charAt(k) != ':') {
            return false;
        }
        int p = ++k;
        while (k < s.length() && k - p <= 5 && Chars.digit(s.charAt(k))) {
            k++;
        }
        return k - p >= 2 && k - p <= 5 && k + 1 < s.length() && s.charAt(k) == '/' && Chars.letter(s.charAt(k + 1));
    }

    /**
     * Windows' {@code net use [device] [\\computer\share] [password | *] [/user:[domain\]user]}: the password is the bare
     * argument after the share (before {@code /user:} or after its user). Called at the {@code /} of {@code /user:};
     * counts only after {@code net use} on the same line.
     */
    private static int netUse(Scan scan, int slash) {
        String s = scan.text;
        int lineStart = slash;
        while (lineStart > 0 && slash - lineStart < CommandLines.REACH && s.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int command = -1;
        for (int k = lineStart; k + 7 <= slash; k++) {
            if ((s.charAt(k) == 'n' || s.charAt(k) == 'N') && s.regionMatches(true, k, "net use", 0, 7)
                    && (k == 0 || !Chars.word(s.charAt(k - 1)))) {
                command = k + 7;
                break;
            }
        }
        if (command < 0) {
            return slash + 1;
        }
        int userEnd = slash;
        while (userEnd < s.length() && !Chars.space(s.charAt(userEnd))) {
            userEnd++;
        }
        int p = userEnd;   // after: /user:ACME\bob PASSWORD
        while (p < s.length() && Chars.blank(s.charAt(p))) {
            p++;
        }
        int e = p;
        while (e < s.length() && !Chars.space(s.charAt(e))) {
            e++;
        }
        if (e > p && s.charAt(p) != '/' && s.charAt(p) != '*' && !Values.placeholder(s, p, e)) {
            scan.add(SecretKind.PASSWORD, p, e);
            return e;
        }
        e = slash;   // before: \\host\share PASSWORD /user:…
        while (e > command && Chars.blank(s.charAt(e - 1))) {
            e--;
        }
        p = e;
        while (p > command && !Chars.space(s.charAt(p - 1))) {
            p--;
        }
        if (p < e && s.charAt(p) != '\\' && s.charAt(p) != '/' && s.charAt(p) != '*'
                && !(e - p == 2 && s.charAt(e - 1) == ':') && !Values.placeholder(s, p, e)) {
            scan.add(SecretKind.PASSWORD, p, e);
        }
        return slash + 1;
    }

    /**
     * Whether the logon is typed at a tool's own prompt: {@code RMAN> CONNECT TARGET sys/…@prod},
     * {@code DGMGRL> connect sys/…@prim}, {@code SQL> conn scott/…}: the line starts with a command of the table and
     * {@code >}, then {@code connect} (or SQL*Plus' {@code conn}) and only the rows' keywords up to the logon, so that
     * {@code SQL> select a/b@c from dual} stays.
     */
    private boolean promptConnect(String s, int user) {
        int lineStart = user;
        while (lineStart > 0 && user - lineStart < CommandLines.REACH && s.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int w = lineStart;
        while (w < user && Chars.blank(s.charAt(w))) {
            w++;
        }
        int e = w;
        while (e < user && Chars.alnum(s.charAt(e))) {
            e++;
        }
        if (e == w || e + 1 >= user || s.charAt(e) != '>' || !Chars.blank(s.charAt(e + 1)) || !command(s, w, e)) {
            return false;
        }
        boolean first = true;
        int p = e + 1;
        while (true) {
            while (p < user && Chars.blank(s.charAt(p))) {
                p++;
            }
            if (p >= user) {
                return !first;
            }
            int q = p;
            while (q < user && !Chars.blank(s.charAt(q))) {
                q++;
            }
            if (q == user) {
                return !first;   // the logon itself (a quote before the user is part of it)
            }
            boolean connect = Chars.is(s, p, q, "connect") || Chars.is(s, p, q, "conn");
            if (first ? !connect : !keyword(s, p, q)) {
                return false;
            }
            first = false;
            p = q;
        }
    }

    /** Whether one of the table's prefixes ends right before {@code user}. */
    private boolean prefixed(String s, int user) {
        for (Logon row : table) {
            for (String p : row.prefixes()) {
                if (user >= p.length() && s.regionMatches(true, user - p.length(), p, 0, p.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code key=} (one of the table's keys, perhaps with a quote after the {@code =}) stands before the user. */
    private boolean keyed(String s, int user) {
        int k = user;
        if (k > 0 && quote(s.charAt(k - 1))) {
            k--;
        }
        if (k == 0 || s.charAt(k - 1) != '=') {
            return false;
        }
        int keyEnd = k - 1;
        int keyStart = keyEnd;
        while (keyStart > 0 && Chars.alnum(s.charAt(keyStart - 1))) {
            keyStart--;
        }
        if (keyStart > 0 && Chars.word(s.charAt(keyStart - 1))) {
            return false;
        }
        for (Logon row : table) {
            for (String key : row.keys()) {
                if (Chars.is(s, keyStart, keyEnd, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether one of the commands stands as a word before {@code user} on its line. */
    private boolean commandOnLine(String s, int user) {
        int lineStart = user;
        while (lineStart > 0 && user - lineStart < CommandLines.REACH && s.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        int w = lineStart;
        while (w < user) {
            while (w < user && !Chars.alnum(s.charAt(w))) {
                w++;
            }
            int e = w;
            while (e < user && (Chars.alnum(s.charAt(e)) || s.charAt(e) == '.')) {
                e++;
            }
            if (e < user && Chars.blank(s.charAt(e)) && command(s, w, e)) {
                return true;
            }
            w = e;
        }
        return false;
    }

    /**
     * Whether the arguments before {@code user} are, back to a command, only flags ({@code -S}, {@code -L}), the
     * rows' keywords ({@code target}, {@code catalog}) and other logons.
     */
    private boolean commandBefore(String s, int user) {
        int p = user;
        while (p > 0 && (quote(s.charAt(p - 1)) || s.charAt(p - 1) == '\\')) {
            p--;
        }
        for (int n = 0; n < MAX_ARGUMENTS; n++) {
            int e = p;
            while (e > 0 && Chars.blank(s.charAt(e - 1))) {
                e--;
            }
            if (e == p || e == 0) {
                return false;
            }
            int b = e;
            while (b > 0 && !Chars.space(s.charAt(b - 1))) {
                b--;
            }
            int w = b;
            while (w < e && (s.charAt(w) == '/' ? false : !Chars.alnum(s.charAt(w)))) {
                w++;   // a prompt's "+ ", "$ ", a quote
            }
            int slash = Chars.lastIndexOf(s, '/', b, e);
            if (command(s, slash >= 0 ? slash + 1 : w, e)) {
                return true;
            }
            if (!(s.charAt(b) == '-' || keyword(s, b, e) || Chars.indexOf(s, '/', b, e) > b)) {
                return false;
            }
            p = b;
        }
        return false;
    }

    /** Whether {@code s[start, end)} is one of the commands, perhaps with {@code .exe}. */
    private boolean command(String s, int start, int end) {
        if (end - start > 4 && s.regionMatches(true, end - 4, ".exe", 0, 4)) {
            end -= 4;
        }
        for (Logon row : table) {
            for (String c : row.commands()) {
                if (Chars.is(s, start, end, c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean keyword(String s, int start, int end) {
        for (Logon row : table) {
            for (String k : row.keywords()) {
                if (Chars.is(s, start, end, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code s[start, end)} is digits and dots, starting with a digit. */
    private static boolean version(String s, int start, int end) {
        if (!Chars.digit(s.charAt(start))) {
            return false;
        }
        for (int k = start + 1; k < end; k++) {
            if (!Chars.digit(s.charAt(k)) && s.charAt(k) != '.') {
                return false;
            }
        }
        return true;
    }

    /** A character of an unquoted Oracle name: letters, digits, {@code _ $ #}. */
    private static boolean userChar(char c) {
        return Chars.word(c) || c == '$' || c == '#';
    }

    /** What may stand before a logon's user: the line's start, a blank, {@code =}, a quote. */
    private static boolean before(char c) {
        return Chars.space(c) || c == '=' || quote(c);
    }

    private static boolean passwordChar(char c) {
        return !Chars.space(c) && c != '@' && c != '/' && !quote(c);
    }

    private static boolean quote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }
}
