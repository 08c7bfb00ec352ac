package dev.healdesk.core.redact;

/**
 * Passwords in SQL that creates or logs on users, as database logs and query logs keep the statement:
 * {@code IDENTIFIED BY '…'} and {@code IDENTIFIED WITH <plugin> BY '…'} (MySQL, MariaDB, ClickHouse, Oracle), and
 * {@code USER <name> USING <password>} (Db2's and Informix's {@code CONNECT}), and {@code SET PASSWORD [FOR <user>] =
 * '…'} or {@code = PASSWORD('…')} (MySQL, MariaDB). The literal goes, the statement stays. Triggered by the first letter
 * of IDENTIFIED, USING or SET, in either case.
 */
final class SqlCredentials extends Detector {

    private static final long LENGTHS = 1L << "identified".length() | 1L << "using".length() | 1L << "set".length();
    private static final boolean[] AFTER_I = Chars.set("dD");
    private static final boolean[] AFTER_U = Chars.set("sS");
    private static final boolean[] AFTER_S = Chars.set("eE");
    /** How far a {@code SET PASSWORD FOR}'s account may run before its {@code =}. */
    private static final int ACCOUNT = 160;

    @Override
    public boolean[] seconds(char c) {
        return c == 'i' || c == 'I' ? AFTER_I : c == 's' || c == 'S' ? AFTER_S : AFTER_U;
    }

    @Override
    public long wordLengths(char c) {
        return LENGTHS;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (Chars.joinedBefore(s, i)) {
            return end;
        }
        if (end - i == 10 && s.regionMatches(true, i, "identified", 0, 10)) {
            int v = Chars.skipBlanks(s, end);
            if (word(s, v, "with")) {
                v = Chars.skipBlanks(s, v + 4);
                int plugin = v;
                while (v < s.length() && (Chars.word(s.charAt(v)) || s.charAt(v) == '\'' || s.charAt(v) == '"')) {
                    v++;
                }
                if (v == plugin) {
                    return end;
                }
                v = Chars.skipBlanks(s, v);
            }
            if (!word(s, v, "by")) {
                return end;
            }
            v = Chars.skipBlanks(s, v + 2);
            if (word(s, v, "password")) {
                v = Chars.skipBlanks(s, v + 8);   // MySQL 5's IDENTIFIED BY PASSWORD '<hash>'
            }
            if (v < s.length() && Quotes.open(s, v) == 0 && !statement(s, i)) {
                return end;   // "the class identified by CLASSID", "Identified by Coverity": prose, no statement
            }
            return literal(scan, v, end);
        }
        if (end - i == 3 && s.regionMatches(true, i, "set", 0, 3)) {
            return setPassword(scan, end);
        }
        if (end - i == 5 && s.regionMatches(true, i, "using", 0, 5) && afterUser(s, i)) {
            int v = Chars.skipBlanks(s, end);
            if (v < s.length() && Quotes.open(s, v) == 0 && !Chars.upper(s.charAt(i)) && !connectBefore(s, i)) {
                return end;   // "the user is using to connect": prose, no CONNECT … USER … USING
            }
            return literal(scan, v, end);
        }
        return end;
    }

    /**
     * {@code SET PASSWORD = '…'}, {@code SET PASSWORD FOR 'bob'@'%' = '…'} or {@code = PASSWORD('…')}, the word SET
     * ending at {@code end}: claims the literal. {@code SET password_policy = …} and {@code SET PASSWORD FOR x} without
     * an {@code =} on the line stay.
     */
    private static int setPassword(Scan scan, int end) {
        String s = scan.text;
        int v = Chars.skipBlanks(s, end);
        if (!word(s, v, "password")) {
            return end;
        }
        v = Chars.skipBlanks(s, v + 8);
        if (word(s, v, "for")) {
            int limit = Math.min(s.length(), v + ACCOUNT);
            while (v < limit && s.charAt(v) != '=' && s.charAt(v) != '\n' && s.charAt(v) != ';') {
                v++;
            }
        }
        if (v >= s.length() || s.charAt(v) != '=') {
            return end;
        }
        v = Chars.skipBlanks(s, v + 1);
        int function = word(s, v, "password") ? 8 : word(s, v, "old_password") ? 12 : 0;
        if (function > 0) {
            int paren = Chars.skipBlanks(s, v + function);
            if (paren >= s.length() || s.charAt(paren) != '(') {
                return end;
            }
            v = Chars.skipBlanks(s, paren + 1);
        }
        literal(scan, v, end);
        return end;   // the account is scanned too: its host's address
    }

    /**
     * Whether the IDENTIFIED at {@code i} is a statement's keyword rather than a word of prose, for a literal given
     * unquoted (Oracle's {@code IDENTIFIED BY tiger}): written in capitals, as SQL keywords are in logs and docs, or
     * right after the account it names ({@code create user scott identified by …}, {@code alter role app identified
     * by …}). A quoted literal goes after any spelling.
     */
    private static boolean statement(String s, int i) {
        if (Chars.upper(s.charAt(i)) && Chars.upper(s.charAt(i + 1))) {
            return true;
        }
        return afterWord(s, i, "user") || afterWord(s, i, "role");
    }

    /** Whether {@code WORD <name>} stands before the word at {@code i}, {@code word} in any case. */
    private static boolean afterWord(String s, int i, String word) {
        int k = i - 1;
        if (k < 0 || !Chars.blank(s.charAt(k))) {
            return false;
        }
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        int nameEnd = k + 1;
        while (k >= 0 && !Chars.space(s.charAt(k)) && nameEnd - k <= KeyNames.MAX_LENGTH) {
            k--;
        }
        if (k == nameEnd - 1 || k < 0 || !Chars.blank(s.charAt(k))) {
            return false;
        }
        while (k >= 0 && Chars.blank(s.charAt(k))) {
            k--;
        }
        int n = word.length();
        return k >= n - 1 && s.regionMatches(true, k - n + 1, word, 0, n) && (k < n || !Chars.word(s.charAt(k - n)));
    }

    /** Whether the word CONNECT, in any case, stands earlier on the line of {@code i}. */
    private static boolean connectBefore(String s, int i) {
        for (int k = i - 1; k >= 6 && i - k < ACCOUNT && s.charAt(k) != '\n'; k--) {
            if ((s.charAt(k - 6) | 0x20) == 'c' && word(s, k - 6, "connect")
                    && (k == 6 || !Chars.word(s.charAt(k - 7)))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code USER <name>} stands before the USING at {@code i}. */
    private static boolean afterUser(String s, int i) {
        return afterWord(s, i, "user");
    }

    /** Claims the literal at {@code v}, quoted or up to a blank, quote or semicolon, as a password. */
    private static int literal(Scan scan, int v, int otherwise) {
        String s = scan.text;
        if (v >= s.length()) {
            return otherwise;
        }
        int quote = Quotes.open(s, v);
        int start = v + quote;
        int end = Quotes.valueEnd(s, start, quote, ";\"')", Integer.MAX_VALUE);
        SecretKind kind = Judge.field(KeyNames.Key.PASSWORD, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
            return end;
        }
        return otherwise;
    }

    /** Whether the word {@code w} (any case) stands at {@code i}, whole. */
    private static boolean word(String s, int i, String w) {
        return s.regionMatches(true, i, w, 0, w.length())
                && (i + w.length() >= s.length() || !Chars.word(s.charAt(i + w.length())));
    }
}
