package dev.healdesk.core.triage;

import java.util.HashSet;
import java.util.Set;

/**
 * Single-pass scanner that replaces the variable parts of a failure message with placeholders, so that two
 * occurrences of one failure read the same. See {@link Fingerprinter#normalize(String)} for the rules.
 * Stateless between calls; each call uses its own {@link Scan}.
 */
final class Normalizer {

    /** Ports from here up are ephemeral (Linux's range starts at 32768): they vary between runs and are dropped. */
    static final int EPHEMERAL_PORTS_FROM = 32768;

    private static final int MAX_QUOTE = 512;
    private static final int MAX_CALL = 512;

    String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        normalizeInto(s, out);
        return out.toString();
    }

    /** Appends the normalised form of {@code s} (null: nothing) to {@code out}. */
    void normalizeInto(String s, StringBuilder out) {
        if (s == null || s.isEmpty()) {
            return;
        }
        int start = out.length();
        boolean multiLine = s.indexOf('\n') >= 0;
        new Scan(s, out, start).run(0, s.length());
        int end = out.length();
        while (end > start && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\n')) {
            end--;
        }
        out.setLength(end);
        if (multiLine) {
            distinctLines(out, start);
        }
    }

    /** Keeps the first occurrence of each line: retry loops in call logs vary in length, not in content. */
    private static void distinctLines(StringBuilder out, int start) {
        int n = out.length();
        if (out.indexOf("\n", start) < 0) {
            return;
        }
        Set<String> seen = new HashSet<>();
        int write = start;
        int i = start;
        while (i < n) {
            int e = out.indexOf("\n", i);
            if (e < 0 || e > n) {
                e = n;
            }
            String line = out.substring(i, e);
            if (seen.add(line)) {
                if (write > start) {
                    out.setCharAt(write++, '\n');
                }
                for (int k = 0; k < line.length(); k++) {
                    out.setCharAt(write++, line.charAt(k));
                }
            }
            i = e + 1;
        }
        out.setLength(write);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    }

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN[c] = isAsciiLetter(c) || isDigit(c) || c == '_';
        }
    }

    private static boolean isTokenChar(char c) {
        return c < 128 ? TOKEN[c] : Character.isLetter(c);
    }

    private static boolean isHostChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '.' || c == '-' || c == '_' || c == '+';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Ends a URL, a path or a query value. */
    private static boolean isUrlEnd(char c) {
        return isSpace(c) || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == ')' || c == '('
                || c == ']' || c == '[' || c == '}' || c == '{' || c == '|' || c == ',' || c == ';' || c == '\\';
    }

    private static final class Scan {
        private final String s;
        private final StringBuilder out;
        private final int outStart;
        private int bracketDepth;
        private boolean keepNextQuote;
        private int hostScannedTo;

        Scan(String s, StringBuilder out, int outStart) {
            this.s = s;
            this.out = out;
            this.outStart = outStart;
        }

        void run(int from, int to) {
            int i = from;
            while (i < to) {
                char c = s.charAt(i);
                if (isTokenChar(c)) {
                    i = token(i, to);
                    continue;
                }
                switch (c) {
                    case ' ', '\t' -> {
                        space();
                        i++;
                    }
                    case '\n' -> {
                        newline();
                        i++;
                    }
                    case '\r' -> i++;
                    case '"', '\'', '`' -> i = quote(i, to);
                    case '/' -> i = slash(i, to);
                    case '\u001b' -> i = skipAnsi(i, to);
                    case '<' -> i = angle(i, to);
                    case '[' -> {
                        int e = expectedBracket(i, to);
                        if (e > 0) {
                            out.append("[<v>]");
                            i = e;
                        } else {
                            bracketDepth++;
                            out.append(c);
                            i++;
                        }
                    }
                    case ']' -> {
                        if (bracketDepth > 0) {
                            bracketDepth--;
                        }
                        out.append(c);
                        i++;
                    }
                    default -> {
                        if (c < 32) {
                            space();
                        } else {
                            out.append(c);
                        }
                        i++;
                    }
                }
            }
        }

        /**
         * {@code <...>} on one line is a value (JUnit's {@code expected: <..> but was: <..>}, an element's markup,
         * Hamcrest's {@code <2>}): {@code <v>}. A lone '<' stays.
         */
        private int angle(int i, int to) {
            int limit = Math.min(to, i + MAX_QUOTE);
            if (i + 1 >= limit || s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '=' || s.charAt(i + 1) == '<') {
                out.append('<');
                return i + 1;
            }
            for (int k = i + 1; k < limit; k++) {
                char c = s.charAt(k);
                if (c == '\n' || c == '<') {
                    break;
                }
                if (c == '>') {
                    out.append("<v>");
                    return k + 1;
                }
            }
            out.append('<');
            return i + 1;
        }

        /** {@code expected [400] but found [200]} (TestNG): the end of the bracket, or -1 when no value word leads. */
        private int expectedBracket(int i, int to) {
            if (!wordBeforeIn(i, VALUE_WORDS)) {
                return -1;
            }
            int limit = Math.min(to, i + MAX_QUOTE);
            for (int k = i + 1; k < limit; k++) {
                char c = s.charAt(k);
                if (c == '\n' || c == '[') {
                    return -1;
                }
                if (c == ']') {
                    return k + 1;
                }
            }
            return -1;
        }

        private void space() {
            int n = out.length();
            if (n > outStart && out.charAt(n - 1) != ' ' && out.charAt(n - 1) != '\n') {
                out.append(' ');
            }
        }

        private void newline() {
            int n = out.length();
            while (n > outStart && out.charAt(n - 1) == ' ') {
                n--;
            }
            out.setLength(n);
            if (n > outStart && out.charAt(n - 1) != '\n') {
                out.append('\n');
            }
        }

        private int skipAnsi(int i, int to) {
            int k = i + 1;
            if (k < to && s.charAt(k) == '[') {
                k++;
                while (k < to && !(s.charAt(k) >= '@' && s.charAt(k) <= '~')) {
                    k++;
                }
                return Math.min(k + 1, to);
            }
            return k;
        }

        // ------------------------------------------------------------------------------------------ tokens

        private int token(int i, int to) {
            int j = i;
            boolean digits = false;
            while (j < to) {
                char c = s.charAt(j);
                if (!isTokenChar(c)) {
                    break;
                }
                digits |= c >= '0' && c <= '9';
                j++;
            }
            if (j < to && s.charAt(j) == ':') { // an IPv6 address's hex digits run up to its first colon
                int v6 = ipv6End(i, to);
                if (v6 > 0) {
                    out.append("<host>");
                    keepNextQuote = false;
                    return v6;
                }
            }
            char c0 = s.charAt(i);
            if (j - i == 3 && c0 >= 'A' && c0 <= 'Z') {
                int e = namedDateEnd(i, to);
                if (e > 0) {
                    out.append("<ts>");
                    keepNextQuote = false;
                    return e;
                }
            }
            if (j < to && s.charAt(j) == '-' && c0 >= 'a' && c0 <= 'z') {
                int e = podNameEnd(i, to);
                if (e > 0) {
                    out.append("<id>");
                    keepNextQuote = false;
                    return e;
                }
            }
            if (j < to && s.charAt(j) == '-' && (j - i == 8 || (j - i > 9 && s.charAt(j - 9) == '_'))) {
                int u = uuidEnd(j - 8, to);
                if (u > 0) {
                    if (j - i > 8) {
                        appendToken(i, j - 8);
                    }
                    out.append("<uuid>");
                    keepNextQuote = false;
                    return u;
                }
            }
            if (isDigit(c0)) {
                int e = timestampEnd(i, to);
                if (e > 0) {
                    out.append("<ts>");
                    keepNextQuote = false;
                    return e;
                }
                if (allDigits(i, j)) {
                    keepNextQuote = false;
                    if (j + 1 < to && s.charAt(j) == '.' && isDigit(s.charAt(j + 1))) {
                        return dotted(i, to);
                    }
                    number(i, j, to);
                    return j;
                }
            }
            if (j < to) {
                char d = s.charAt(j);
                if (d == ':' && j + 2 < to && s.charAt(j + 1) == '/' && s.charAt(j + 2) == '/') {
                    keepNextQuote = false;
                    return url(i, j, to);
                }
                if (d == '(' && isSelectorCall(i, j)) {
                    int e = callEnd(j, to);
                    if (e > 0) {
                        out.append("<v>");
                        keepNextQuote = false;
                        return e;
                    }
                }
                if (d == ' ' && j - i == 3 && s.startsWith("Key", i) && j + 1 < to && s.charAt(j + 1) == '(') {
                    int e = callEnd(j + 1, to); // Key (email)=(a@b.c): the keys of a constraint are values
                    if (e > 0) {
                        out.append("Key (<v>)");
                        if (e + 1 < to && s.charAt(e) == '=' && s.charAt(e + 1) == '(') {
                            int e2 = callEnd(e + 1, to);
                            if (e2 > 0) {
                                out.append("=(<v>)");
                                e = e2;
                            }
                        }
                        keepNextQuote = false;
                        return e;
                    }
                }
                if (d == ':' && j - i == 1 && isAsciiLetter(c0) && j + 1 < to
                        && (s.charAt(j + 1) == '\\' || s.charAt(j + 1) == '/')
                        && (i == 0 || !isTokenChar(s.charAt(i - 1)))) {
                    keepNextQuote = false;
                    return windowsPath(i, to);
                }
                if (i >= hostScannedTo && (d == '.' || d == '-' || d == '@' || d == '+' || d == ':')) {
                    int r = j;
                    while (r < to && isHostChar(s.charAt(r))) {
                        r++;
                    }
                    hostScannedTo = r;
                    if (r + 1 < to) {
                        char stop = s.charAt(r);
                        if (stop == '@' && isTokenChar(s.charAt(r + 1))) {
                            int e = r + 1;
                            while (e < to && (isHostChar(s.charAt(e)))) {
                                e++;
                            }
                            while (e > r + 1 && s.charAt(e - 1) == '.') {
                                e--;
                            }
                            out.append("<email>");
                            keepNextQuote = false;
                            return e;
                        }
                        if (stop == ':' && isDigit(s.charAt(r + 1)) && looksLikeHost(i, r)) {
                            int e = hostPort(r, to);
                            if (e > 0) {
                                keepNextQuote = false;
                                return e;
                            }
                        }
                    }
                    int e = r;
                    while (e > j && s.charAt(e - 1) == '.') {
                        e--; // a sentence's full stop
                    }
                    if ((i == 0 || s.charAt(i - 1) != '.' && s.charAt(i - 1) != '@') && isDnsName(i, e)
                            && (e >= to || s.charAt(e) != '(')) {
                        out.append("<host>"); // api.example.com, db-1.internal: a host without its port
                        keepNextQuote = false;
                        return e;
                    }
                }
            }
            if (j - i == 9 && (c0 | 0x20) == 'l' && s.regionMatches(true, i, "localhost", 0, 9)
                    && (i == 0 || !isHostChar(s.charAt(i - 1)) && s.charAt(i - 1) != '@')
                    && (j >= to || !isHostChar(s.charAt(j)) || s.charAt(j) == '.' && (j + 1 >= to
                    || !isHostChar(s.charAt(j + 1))))) {
                out.append("<host>"); // localhost without a port: a host like any other
                keepNextQuote = false;
                return j;
            }
            if (digits) {
                appendToken(i, j);
            } else {
                out.append(s, i, j);
            }
            keepNextQuote = false;
            return j;
        }

        private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
        private static final String WEEKDAYS = "MonTueWedThuFriSatSun";

        /** A three-letter name of {@code names} at {@code k} that ends there (not the start of a longer word). */
        private boolean nameAt(int k, int to, String names) {
            if (k + 3 > to || k + 3 < to && isTokenChar(s.charAt(k + 3))) {
                return false;
            }
            for (int n = 0; n < names.length(); n += 3) {
                if (s.regionMatches(k, names, n, 3)) {
                    return true;
                }
            }
            return false;
        }

        private int spaces(int k, int to, int max) {
            int e = k;
            while (e < to && e - k < max && s.charAt(e) == ' ') {
                e++;
            }
            return e > k ? e : -1;
        }

        private int digitsEnd(int k, int to, int min, int max) {
            int e = k;
            while (e < to && e - k < max && isDigit(s.charAt(e))) {
                e++;
            }
            return e - k >= min && (e >= to || !isDigit(s.charAt(e))) ? e : -1;
        }

        /**
         * A date led by a month or weekday name, to the end of its time (and year): syslog's {@code Mar  5
         * 10:22:13}, Apache's {@code Thu Jul 28 20:17:37 2011}, an HTTP date {@code Wed, 14 Jul 2021 19:46:08}.
         * Its end, else -1.
         */
        private int namedDateEnd(int i, int to) {
            int k = i;
            if (nameAt(k, to, WEEKDAYS)) {
                k += 3;
                if (k < to && s.charAt(k) == ',') { // RFC 1123: Wed, 14 Jul 2021 19:46:08
                    k = spaces(k + 1, to, 1);
                    k = k < 0 ? -1 : digitsEnd(k, to, 1, 2);
                    k = k < 0 ? -1 : spaces(k, to, 1);
                    if (k < 0 || !nameAt(k, to, MONTHS)) {
                        return -1;
                    }
                    k = spaces(k + 3, to, 1);
                    k = k < 0 ? -1 : digitsEnd(k, to, 4, 4);
                    k = k < 0 ? -1 : spaces(k, to, 1);
                    return k < 0 ? -1 : timeEnd(k, to);
                }
                k = spaces(k, to, 1);
                if (k < 0) {
                    return -1;
                }
            }
            if (!nameAt(k, to, MONTHS)) {
                return -1;
            }
            k = spaces(k + 3, to, 2);
            k = k < 0 ? -1 : digitsEnd(k, to, 1, 2);
            k = k < 0 ? -1 : spaces(k, to, 1);
            int t = k < 0 ? -1 : timeEnd(k, to);
            if (t < 0) {
                return -1;
            }
            int y = t + 1 < to && s.charAt(t) == ' ' ? digitsEnd(t + 1, to, 4, 4) : -1;
            return y > 0 ? y : t;
        }

        /**
         * A Kubernetes pod of a Deployment ({@code web-7d9f8c6b5-x2k4q}): name, pod-template hash (8 to 10
         * characters with a digit) and a five-character suffix. Its end, else -1.
         */
        private int podNameEnd(int i, int to) {
            if (i > 0 && (isHostChar(s.charAt(i - 1)) || s.charAt(i - 1) == '/')) {
                return -1;
            }
            int r = i;
            int last = -1;
            int before = -1;
            while (r < to) {
                char c = s.charAt(r);
                if (c == '-') {
                    before = last;
                    last = r;
                } else if (!(c >= 'a' && c <= 'z' || isDigit(c))) {
                    break;
                }
                r++;
            }
            if (before <= i || r - last - 1 != 5 || last - before - 1 < 8 || last - before - 1 > 10
                    || r < to && (isTokenChar(s.charAt(r)) || s.charAt(r) == '-')) {
                return -1;
            }
            for (int k = before + 1; k < last; k++) {
                if (isDigit(s.charAt(k))) {
                    return r;
                }
            }
            return -1;
        }

        private static final java.util.Set<String> TOP_LEVEL_DOMAINS = java.util.Set.of("com", "net", "org", "io",
                "dev", "app", "local", "internal", "localdomain", "lan", "svc", "cloud", "test", "example", "invalid",
                "co", "ai", "me", "us", "uk", "de", "fr", "nl", "jp", "cn", "ru", "in", "br", "eu", "info", "biz",
                "xyz", "tv");

        /** Lower-case dotted labels ending in a top-level domain ({@code db-1.internal}, {@code api.example.com}). */
        private boolean isDnsName(int a, int b) {
            int dot = lastIndexOf('.', a, b);
            if (dot <= a || dot >= b - 1 || b - dot - 1 > 11) {
                return false;
            }
            for (int k = a; k < b; k++) {
                char c = s.charAt(k);
                if (!(c >= 'a' && c <= 'z' || isDigit(c) || c == '-' || c == '.') || c == '.' && s.charAt(k - 1) == '.') {
                    return false;
                }
            }
            return isTopLevelDomain(dot + 1, b);
        }

        /** {@link #TOP_LEVEL_DOMAINS} by length, compared in place. */
        private static final String[][] DOMAINS_BY_LENGTH = new String[12][];

        static {
            for (String d : TOP_LEVEL_DOMAINS) {
                String[] old = DOMAINS_BY_LENGTH[d.length()];
                String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
                now[now.length - 1] = d;
                DOMAINS_BY_LENGTH[d.length()] = now;
            }
        }

        /** Whether {@code [a, b)} is one of {@link #TOP_LEVEL_DOMAINS}, exactly. */
        private boolean isTopLevelDomain(int a, int b) {
            int len = b - a;
            String[] same = len < DOMAINS_BY_LENGTH.length ? DOMAINS_BY_LENGTH[len] : null;
            if (same == null) {
                return false;
            }
            for (String d : same) {
                if (s.startsWith(d, a)) {
                    return true;
                }
            }
            return false;
        }

        /** An IPv6 address ({@code 64:ff9b::b9c7:6e85}, {@code fe80::1}) starting at i: its end, else -1. */
        private int ipv6End(int i, int to) {
            if (i > 0 && (isTokenChar(s.charAt(i - 1)) || s.charAt(i - 1) == ':')) {
                return -1;
            }
            int k = i;
            int colons = 0;
            boolean doubleColon = false;
            while (k < to && (isHex(s.charAt(k)) || s.charAt(k) == ':')) {
                if (s.charAt(k) == ':') {
                    colons++;
                    doubleColon |= k + 1 < to && s.charAt(k + 1) == ':';
                }
                k++;
            }
            if (k < to && isTokenChar(s.charAt(k)) || !doubleColon || colons < 3 || k - i < 6) {
                return -1;
            }
            if (s.charAt(k - 1) == ':' && s.charAt(k - 2) != ':') {
                k--; // the address ends before a colon that ends its clause ("dial tcp fe80::1:8080: connect")
            }
            return k;
        }

        private boolean allDigits(int i, int j) {
            for (int k = i; k < j; k++) {
                if (!isDigit(s.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** Words after which a quoted value is a selector, the identity of a UI failure. */
        private boolean isSelectorWord(int i, int j) {
            int len = j - i;
            return (len == 8 && s.regionMatches(true, i, "selector", 0, 8))
                    || (len == 7 && s.regionMatches(true, i, "element", 0, 7))
                    || (len == 4 && s.regionMatches(true, i, "role", 0, 4));
        }

        private boolean isSelectorCall(int i, int j) {
            int len = j - i;
            if (len == 7 && s.startsWith("locator", i)) {
                return true;
            }
            if (len > 5 && s.startsWith("getBy", i)) {
                return true;
            }
            return (len == 12 && s.startsWith("frameLocator", i))
                    || (len == 15 && s.startsWith("waitForSelector", i))
                    || (len == 13 && s.startsWith("querySelector", i))
                    || (len == 16 && s.startsWith("querySelectorAll", i));
        }

        /** End of the call whose '(' is at {@code open}, or -1; quotes inside are honoured. */
        private int callEnd(int open, int to) {
            int depth = 0;
            int k = open;
            int limit = Math.min(to, open + MAX_CALL);
            while (k < limit) {
                char c = s.charAt(k);
                if (c == '\n') {
                    return -1;
                }
                if (c == '"' || c == '\'' || c == '`') {
                    int e = closingQuote(k, limit);
                    if (e < 0) {
                        return -1;
                    }
                    k = e + 1;
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        return k + 1;
                    }
                }
                k++;
            }
            return -1;
        }

        /** Index of the quote closing the one at {@code i}, or -1. */
        private int closingQuote(int i, int to) {
            char q = s.charAt(i);
            int limit = Math.min(to, i + MAX_QUOTE);
            int k = i + 1;
            while (k < limit) {
                char c = s.charAt(k);
                if (c == '\\') {
                    k += 2;
                    continue;
                }
                if (c == q) {
                    return k;
                }
                if (c == '\n') {
                    return -1;
                }
                k++;
            }
            return -1;
        }

        private int uuidEnd(int i, int to) {
            if (i + 36 > to) {
                return -1;
            }
            for (int k = 0; k < 36; k++) {
                char c = s.charAt(i + k);
                boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
                if (dash ? c != '-' : !isHex(c)) {
                    return -1;
                }
            }
            int e = i + 36;
            return e < to && isTokenChar(s.charAt(e)) ? -1 : e;
        }

        private boolean digitsAt(int i, int n, int to) {
            if (i + n > to) {
                return false;
            }
            for (int k = i; k < i + n; k++) {
                if (!isDigit(s.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** ISO-8601 date (with time and zone) or a clock time hh:mm:ss(.fff); end index or -1. */
        private int timestampEnd(int i, int to) {
            int k;
            if (digitsAt(i, 4, to) && i + 10 <= to && (s.charAt(i + 4) == '-' || s.charAt(i + 4) == '/')
                    && digitsAt(i + 5, 2, to) && s.charAt(i + 7) == s.charAt(i + 4) && digitsAt(i + 8, 2, to)) {
                k = i + 10;
                if (k + 1 < to && (s.charAt(k) == 'T' || s.charAt(k) == ' ') && isDigit(s.charAt(k + 1))) {
                    int t = timeEnd(k + 1, to);
                    if (t > 0) {
                        k = zoneEnd(t, to);
                    }
                }
            } else {
                if (i > 0 && s.charAt(i - 1) == ':') {
                    return -1;
                }
                k = timeEnd(i, to);
                if (k < 0) {
                    return -1;
                }
            }
            return k < to && isDigit(s.charAt(k)) ? -1 : k;
        }

        private int timeEnd(int i, int to) {
            int k = i;
            if (digitsAt(k, 2, to)) {
                k += 2;
            } else if (digitsAt(k, 1, to)) {
                k += 1;
            } else {
                return -1;
            }
            if (k + 6 > to || s.charAt(k) != ':' || !digitsAt(k + 1, 2, to) || s.charAt(k + 3) != ':'
                    || !digitsAt(k + 4, 2, to)) {
                return -1;
            }
            k += 6;
            if (k + 1 < to && (s.charAt(k) == '.' || s.charAt(k) == ',') && isDigit(s.charAt(k + 1))) {
                k++;
                while (k < to && isDigit(s.charAt(k))) {
                    k++;
                }
            }
            return k;
        }

        private int zoneEnd(int k, int to) {
            if (k < to && s.charAt(k) == 'Z') {
                return k + 1;
            }
            if (k + 2 < to && (s.charAt(k) == '+' || s.charAt(k) == '-') && digitsAt(k + 1, 2, to)) {
                int e = k + 3;
                if (e < to && s.charAt(e) == ':' && digitsAt(e + 1, 2, to)) {
                    e += 3;
                } else if (digitsAt(e, 2, to)) {
                    e += 2;
                }
                return e;
            }
            return k;
        }

        /** 1.5, 1.40.0, 10.0.0.12 and 10.0.0.12:5432. */
        private int dotted(int i, int to) {
            int k = i;
            int parts = 0;
            boolean shortParts = true;
            while (true) {
                int start = k;
                while (k < to && isDigit(s.charAt(k))) {
                    k++;
                }
                parts++;
                if (k - start > 3) {
                    shortParts = false;
                }
                if (k + 1 < to && s.charAt(k) == '.' && isDigit(s.charAt(k + 1))) {
                    k++;
                } else {
                    break;
                }
            }
            if (parts == 4 && shortParts) {
                if (k + 1 < to && s.charAt(k) == ':' && isDigit(s.charAt(k + 1))) {
                    int e = hostPort(k, to);
                    if (e > 0) {
                        return e;
                    }
                }
                out.append("<host>");
                return k;
            }
            out.append("<n>");
            return k;
        }

        /** Host name shapes: localhost, or dotted labels whose last label is not a source file extension. */
        private boolean looksLikeHost(int i, int r) {
            int len = r - i;
            if (len == 9 && s.regionMatches(true, i, "localhost", 0, 9)) {
                return true;
            }
            int dot = lastIndexOf('.', i, r);
            if (dot <= i || dot >= r - 1) {
                return false;
            }
            for (int k = i; k < r; k++) {
                char c = s.charAt(k);
                if (c == '_' || c == '+') {
                    return false;
                }
            }
            for (int k = dot + 1; k < r; k++) {
                if (!isAsciiLetter(s.charAt(k))) {
                    return false;
                }
            }
            return !isSourceExtension(dot + 1, r);
        }

        private boolean isSourceExtension(int a, int b) {
            String ext = s.substring(a, b).toLowerCase(java.util.Locale.ROOT);
            return switch (ext) {
                case "js", "mjs", "cjs", "jsx", "ts", "tsx", "mts", "java", "kt", "kts", "scala", "groovy", "py",
                     "rb", "go", "cs", "php", "vue", "svelte", "json", "yml", "yaml", "xml", "html", "css", "sql",
                     "txt", "log", "sh", "rs", "swift", "c", "cc", "cpp", "h", "properties", "feature" -> true;
                default -> false;
            };
        }

        /**
         * The ':' of host:port is at {@code colon}: writes {@code <host>} and keeps the port when it is a service
         * port (below the ephemeral range). Returns -1 for file:line:col shapes.
         */
        private int hostPort(int colon, int to) {
            int k = colon + 1;
            while (k < to && isDigit(s.charAt(k))) {
                k++;
            }
            if (k < to && (isTokenChar(s.charAt(k)) || (s.charAt(k) == ':' && k + 1 < to && isDigit(s.charAt(k + 1))))) {
                return -1;
            }
            out.append("<host>");
            appendPort(colon + 1, k);
            return k;
        }

        /** Ports are masked: which service failed is told by the pattern, not by its port (issue 13). */
        private void appendPort(int a, int b) {
            // deliberately nothing
        }

        /** A plain number: kept when it is an HTTP status or a service port in context, else {@code <n>}. */
        private void number(int i, int j, int to) {
            int len = j - i;
            if (len == 3) {
                int v = Integer.parseInt(s, i, j, 10);
                if (isCommonStatus(v) && (statusBefore(i) || reasonAfter(j, to))) {
                    out.append(s, i, j);
                    return;
                }
            }
            out.append("<n>");
        }

        private static final String[] VALUE_WORDS = {"expected", "found", "was", "actual", "but", "find"};
        private static final String[] STATUS_WORDS = {"status", "statuscode", "code", "http", "https", "expected",
            "received", "got", "was", "tobe", "returned", "responded", "response", "actual", "error"};

        /**
         * Whether the word before {@code i} (the last run of at most 12 ASCII letters within the 12 characters before,
         * on the same line) is one of {@code words} (lower case), ASCII case ignored; compared in place, not copied.
         */
        private boolean wordBeforeIn(int i, String[] words) {
            int k = i - 1;
            int stop = Math.max(0, i - 12);
            while (k >= stop && !isAsciiLetter(s.charAt(k))) {
                if (s.charAt(k) == '\n') {
                    return false;
                }
                k--;
            }
            if (k < stop) {
                return false;
            }
            int end = k + 1;
            while (k >= 0 && isAsciiLetter(s.charAt(k)) && end - k <= 12) {
                k--;
            }
            int len = end - (k + 1);
            for (String w : words) {
                if (w.length() == len && s.regionMatches(true, k + 1, w, 0, len)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isCommonStatus(int v) {
            return switch (v) {
                case 200, 201, 202, 204, 301, 302, 303, 304, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408,
                     409, 410, 411, 412, 413, 414, 415, 418, 422, 423, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503,
                     504, 505, 507, 508, 511 -> true;
                default -> false;
            };
        }

        private boolean statusBefore(int i) {
            return wordBeforeIn(i, STATUS_WORDS);
        }

        private boolean reasonAfter(int j, int to) {
            int k = j;
            int stop = Math.min(to, j + 3);
            while (k < stop && (s.charAt(k) == ' ' || s.charAt(k) == '(' || s.charAt(k) == '-' || s.charAt(k) == ':')) {
                k++;
            }
            int a = k;
            while (k < to && isAsciiLetter(s.charAt(k)) && k - a < 16) {
                k++;
            }
            if (k == a) {
                return false;
            }
            return switch (s.substring(a, k).toLowerCase(java.util.Locale.ROOT)) {
                case "internal", "bad", "service", "gateway", "not", "unauthorized", "forbidden", "too", "conflict",
                     "ok", "created", "accepted", "unprocessable", "method", "request", "payload", "precondition",
                     "found", "moved", "unavailable", "teapot", "locked", "gone" -> true;
                default -> false;
            };
        }

        /** Words with digits: hex and random ids become placeholders, other digit runs {@code <n>}; '_' splits. */
        private void appendToken(int i, int j) {
            int a = i;
            for (int k = i; k <= j; k++) {
                if (k == j || s.charAt(k) == '_') {
                    appendSegment(a, k);
                    if (k < j) {
                        out.append('_');
                    }
                    a = k + 1;
                }
            }
        }

        private void appendSegment(int a, int b) {
            int digits = 0;
            int transitions = 0;
            boolean allHex = true;
            boolean prevDigit = false;
            for (int k = a; k < b; k++) {
                char c = s.charAt(k);
                boolean d = isDigit(c);
                if (d) {
                    digits++;
                }
                if (k > a && d != prevDigit) {
                    transitions++;
                }
                prevDigit = d;
                if (!isHex(c)) {
                    allHex = false;
                }
            }
            int len = b - a;
            if (digits == 0) {
                out.append(s, a, b);
                return;
            }
            if (digits == len) {
                out.append("<n>");
                return;
            }
            if (len > 2 && s.charAt(a) == '0' && (s.charAt(a + 1) | 0x20) == 'x' && hexFrom(a + 2, b)) {
                out.append("<hex>");
                return;
            }
            if (allHex && len >= 6) {
                out.append("<hex>");
                return;
            }
            if (len >= 5 && transitions >= 2) {
                out.append("<id>");
                return;
            }
            int k = a;
            while (k < b) {
                if (isDigit(s.charAt(k))) {
                    while (k < b && isDigit(s.charAt(k))) {
                        k++;
                    }
                    out.append("<n>");
                } else {
                    out.append(s.charAt(k));
                    k++;
                }
            }
        }

        private boolean hexFrom(int a, int b) {
            for (int k = a; k < b; k++) {
                if (!isHex(s.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        // ------------------------------------------------------------------------------------------ quotes

        private int quote(int i, int to) {
            char q = s.charAt(i);
            if (q == '\'' && i > 0 && (isTokenChar(s.charAt(i - 1)))) {
                out.append(q); // an apostrophe: can't, doesn't, users'
                return i + 1;
            }
            int close = closingQuote(i, to);
            if (close < 0) {
                out.append(q);
                return i + 1;
            }
            int end = close + 1;
            boolean keep = false;
            keepNextQuote = false;
            char before = prevNonSpace(i);
            if (keyLike(i + 1, close) && nextNonSpace(end, to) == ':'
                    && (before == 0 || before == '{' || before == ',' || before == '[' || before == '\n')) {
                keep = true;
            }
            if (keep) {
                out.append(s, i, end);
            } else {
                out.append("<v>"); // '..', ".." and `..` alike: a quoted value, whatever the quotes
            }
            return end;
        }

        private boolean keyLike(int a, int b) {
            if (b <= a || b - a > 40 || !(isAsciiLetter(s.charAt(a)) || s.charAt(a) == '_' || s.charAt(a) == '$')) {
                return false;
            }
            for (int k = a; k < b; k++) {
                char c = s.charAt(k);
                if (!(isAsciiLetter(c) || isDigit(c) || c == '_' || c == '-' || c == '.' || c == '$')) {
                    return false;
                }
            }
            return true;
        }

        private char prevNonSpace(int i) {
            int k = i - 1;
            while (k >= 0 && s.charAt(k) == ' ') {
                k--;
            }
            return k >= 0 ? s.charAt(k) : 0;
        }

        private char nextNonSpace(int k, int to) {
            while (k < to && s.charAt(k) == ' ') {
                k++;
            }
            return k < to ? s.charAt(k) : 0;
        }

        // ------------------------------------------------------------------------------------------ URLs, paths

        /** {@code scheme://authority/path?query#fragment}, the scheme token at [i, colon): {@code <url>} (issue 13). */
        private int url(int i, int colon, int to) {
            out.append("<url>");
            int k = colon + 3;
            while (k < to && !isUrlEnd(s.charAt(k))) {
                k++;
            }
            while (k > colon + 3 && (s.charAt(k - 1) == '.' || s.charAt(k - 1) == ':')) {
                k--; // a sentence's full stop or colon after the URL
            }
            return k;
        }

        /** Path segments, query and fragment from {@code k}; words stay, variable segments become placeholders. */
        private int urlRest(int k, int to, boolean stopAtColon) {
            while (k < to) {
                char c = s.charAt(k);
                if (c == '/') {
                    out.append('/');
                    k++;
                    int e = k;
                    while (e < to && !isUrlEnd(s.charAt(e)) && s.charAt(e) != '/' && s.charAt(e) != '?'
                            && s.charAt(e) != '#' && !(stopAtColon && s.charAt(e) == ':')) {
                        e++;
                    }
                    segment(k, e);
                    k = e;
                } else if (c == '?') {
                    out.append('?');
                    k = query(k + 1, to);
                } else if (c == '#') {
                    out.append("#<v>");
                    k++;
                    while (k < to && !isUrlEnd(s.charAt(k))) {
                        k++;
                    }
                } else {
                    break;
                }
            }
            return k;
        }

        private void segment(int a, int b) {
            if (b - a == 36 && uuidEnd(a, b) == b) {
                out.append("<uuid>");
                return;
            }
            boolean saveKeep = keepNextQuote;
            run(a, b);
            keepNextQuote = saveKeep;
        }

        private int query(int k, int to) {
            while (k < to && !isUrlEnd(s.charAt(k)) && s.charAt(k) != '#') {
                int keyEnd = k;
                while (keyEnd < to && !isUrlEnd(s.charAt(keyEnd)) && s.charAt(keyEnd) != '='
                        && s.charAt(keyEnd) != '&' && s.charAt(keyEnd) != '#') {
                    keyEnd++;
                }
                run(k, keyEnd);
                k = keyEnd;
                if (k < to && s.charAt(k) == '=') {
                    out.append("=<v>");
                    k++;
                    while (k < to && !isUrlEnd(s.charAt(k)) && s.charAt(k) != '&' && s.charAt(k) != '#') {
                        k++;
                    }
                }
                if (k < to && s.charAt(k) == '&') {
                    out.append('&');
                    k++;
                }
            }
            return k;
        }

        /**
         * A '/' starting a path: a file path (last segment has an extension) keeps only its file name, as
         * {@code <path>/name.ext}; a route ({@code /api/users/42}) keeps its word segments.
         */
        private int slash(int i, int to) {
            boolean boundary = i == 0;
            if (!boundary) {
                char p = s.charAt(i - 1);
                boundary = isSpace(p) || p == '(' || p == '"' || p == '\'' || p == '`' || p == '=' || p == ','
                        || p == '[' || p == '{' || p == '<';
            }
            if (boundary && (i + 1 >= to || isSpace(s.charAt(i + 1)))) {
                out.append("<path>"); // the root path, a route like any other
                return i + 1;
            }
            if (!boundary || i + 1 >= to || !(isTokenChar(s.charAt(i + 1)) || s.charAt(i + 1) == '.'
                    || s.charAt(i + 1) == '@' || s.charAt(i + 1) == '~')) {
                out.append('/');
                return i + 1;
            }
            int e = i;
            while (e < to && !isUrlEnd(s.charAt(e)) && s.charAt(e) != ':') {
                e++;
            }
            while (e > i + 1 && s.charAt(e - 1) == '.') {
                e--; // sentence full stop
            }
            out.append("<path>");
            return e;
        }

        private int windowsPath(int i, int to) {
            int e = i + 2;
            while (e < to && !isSpace(s.charAt(e)) && s.charAt(e) != '"' && s.charAt(e) != '\''
                    && s.charAt(e) != '(' && s.charAt(e) != ')' && s.charAt(e) != ',' && s.charAt(e) != ';'
                    && !(s.charAt(e) == ':' && e + 1 < to && isDigit(s.charAt(e + 1)))) {
                e++;
            }
            out.append("<path>");
            return e;
        }

        /**
         * The last {@code c} in {@code [from, to)}, else {@code from - 1}. Bounded on purpose: String.lastIndexOf
         * searches back to the start of the text, which made every path in a megabyte log cost a megabyte.
         */
        private int lastIndexOf(char c, int from, int to) {
            for (int k = to - 1; k >= from; k--) {
                if (s.charAt(k) == c) {
                    return k;
                }
            }
            return from - 1;
        }

        private boolean hasExtension(int a, int b) {
            int dot = lastIndexOf('.', a, b);
            if (dot <= a || b - dot - 1 < 1 || b - dot - 1 > 10) {
                return false;
            }
            boolean letter = false;
            for (int k = dot + 1; k < b; k++) {
                char c = s.charAt(k);
                if (isAsciiLetter(c)) {
                    letter = true;
                } else if (!isDigit(c)) {
                    return false;
                }
            }
            return letter;
        }
    }
}
