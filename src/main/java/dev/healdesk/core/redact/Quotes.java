package dev.healdesk.core.redact;

/**
 * Quoted values as logs spell them: {@code "…"}, {@code '…'} and {@code \"…\"} (JSON inside a JSON string,
 * common in structured logs), read without a JSON parser because a log line is seldom valid JSON.
 */
final class Quotes {

    private Quotes() {
    }

    /**
     * Whether {@code s[start, end)} is a value in one pair of quotes, {@code "…"} or {@code '…'}, with something
     * between them: a table's cell as Symfony's {@code debug:container --env-vars} and Python's repr print it, whose
     * quotes are the printer's, not the value's, and stay when the value goes (redact63).
     */
    static boolean around(String s, int start, int end) {
        if (end - start < 3) {
            return false;
        }
        char c = s.charAt(start);
        return (c == '"' || c == '\'') && s.charAt(end - 1) == c && s.indexOf(c, start + 1) == end - 1;
    }

    /** How many characters open a quote at {@code i}: 1 for {@code "} or {@code '}, 2 for {@code \"}, else 0. */
    static int open(String s, int i) {
        if (i >= s.length()) {
            return 0;
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return 1;
        }
        return c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '"' ? 2 : 0;
    }

    /**
     * The length of a quote of a JSON string held in a string held in another ({@code \\\"}, 3 backslashes, or 7 one
     * level deeper, then {@code "}) at {@code i}, or 0: mochawesome's {@code "context"} and a logged request body
     * quoted twice.
     */
    static int nested(String s, int i) {
        int run = i;
        while (run < s.length() && run - i < 16 && s.charAt(run) == '\\') {
            run++;
        }
        int n = run - i;
        return n >= 3 && n % 2 == 1 && run < s.length() && s.charAt(run) == '"' ? n + 1 : 0;
    }

    /**
     * Where the value that {@link #nested} opened with {@code backslashes} backslashes and a quote ends: at the same
     * run and a quote (a longer run is a quote inside the value), else at the line's end.
     */
    static int closeNested(String s, int start, int backslashes) {
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (c == '\\') {
                int run = i;
                while (run < s.length() && s.charAt(run) == '\\') {
                    run++;
                }
                if (run - i == backslashes && run < s.length() && s.charAt(run) == '"') {
                    return i;
                }
                i = run < s.length() && s.charAt(run) == '"' ? run : run - 1;
            }
        }
        return s.length();
    }

    /**
     * Where the value that a quote of {@code quote} characters opened just before {@code start} ends: at its
     * closing quote, else (a cut-off line) at the line's end. No length limit: a long secret must go whole.
     */
    static int close(String s, int start, int quote) {
        char q = s.charAt(start - 1);
        int limit = s.length();
        for (int i = start; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
            if (quote == 2) {
                if (c == '\\') {
                    // JSON inside a JSON string: \" closes, but \\\" is a quote inside the value (an escaped
                    // backslash, then an escaped quote) and \\\\ a backslash in it
                    int run = i;
                    while (run < limit && s.charAt(run) == '\\') {
                        run++;
                    }
                    if (run < limit && s.charAt(run) == '"' && (run - i) % 4 == 1) {
                        return i + (run - i) - 1;
                    }
                    i = run < limit && s.charAt(run) == '"' ? run : run - 1;
                }
            } else if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return limit;
    }

    /**
     * Where a value that starts at {@code start} ends, {@code quote} being what {@link #open} counted before it: a
     * quoted one at its closing quote ({@link #close}); a bare one at a space, at any of {@code stops}, or after
     * {@code max} characters. The readers of a flag's argument, a literal and a typed secret differ only in these.
     */
    static int valueEnd(String s, int start, int quote, String stops, int max) {
        if (quote > 0) {
            return close(s, start, quote);
        }
        int end = start;
        while (end < s.length() && end - start < max && !Chars.space(s.charAt(end))
                && stops.indexOf(s.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /** Where unquoted free text (a header's value) ends: at the line's end or at a quote. */
    static int textEnd(String s, int start) {
        int limit = s.length();
        for (int i = start; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '"' || c == '\'' || c == '\\' || c == '`') {
                return i;
            }
        }
        return limit;
    }
}
