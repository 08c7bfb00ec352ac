package dev.healdesk.core.redact;

/**
 * The values an assertion or a contract verifier prints under the name of the field they differ in, where the word
 * {@code expected} leads them, as matchers of many languages say it:
 * <ul>
 * <li>on one line, the field's name or path, then the expected value, then the actual one after "but received", "but
 *   was", "but got", "received", "actual" or "got": Pact's {@code $.rut Expected '…' (String) but received '…'
 *   (String)}, a JSON-path or schema matcher's {@code body.phone: expected "…" but got "…"}, Chai's and Jest's
 *   {@code expected '…' to equal '…'} after a field's name;</li>
 * <li>a recursive comparison's block, the field named on its own line and the two values below it: AssertJ's
 *   {@code field/property 'cnp' differ:} then {@code - actual value  : "…"} and {@code - expected value: "…"}.</li>
 * </ul>
 * The values must be quoted or bracketed, as matchers print strings; a bare word after "expected" is prose's
 * ({@code Invalid password: expected at least 12 characters}). Each value is judged as the named field's whole content ({@link FieldDiffs#judge}): a person's number by its shape
 * under {@code rut} or {@code cnp}, a phone under {@code phone}, a password whatever it is; {@code $.status Expected
 * 'paid' but received 'open'} keeps both. Triggered by the word {@code expected} (its {@code x}, its length), not by
 * the quotes of every line. And a JSON object's {@code "expected"} value beside an error that names a secret
 * ({@code {"error":"csrf token mismatch","expected":"…"}}; see {@code jsonExpected}).
 */
final class ExpectedValues extends Detector {

    private static final int MAX_VALUE = 128;
    /** How far back on its line the field's name may stand before "expected". */
    private static final int REACH = 160;
    private static final boolean[] X = Chars.set("x");
    /** The words that lead the actual value after the expected one, longest first. */
    private static final String[] ACTUAL = {"but received", "but was", "but got", "but is", "received", "actual",
            "to equal", "got"};

    @Override
    public boolean[] seconds(char c) {
        return X;
    }

    @Override
    public long wordLengths(char c) {
        return 1L << 8;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (end - i != 8 || !s.regionMatches(true, i, "expected", 0, 8) || Chars.joinedBefore(s, i)) {
            return end;
        }
        int lineStart = Chars.lastIndexOf(s, '\n', Math.max(0, i - REACH), i) + 1;
        if (s.startsWith("value", end + 1) && block(scan, i, end, lineStart)) {
            return end;
        }
        if (i > lineStart && s.charAt(i - 1) == '"' && s.startsWith("\":", end)) {
            jsonExpected(scan, lineStart, i, end);
            return end;
        }
        int[] name = name(s, lineStart, i);
        if (name == null) {
            return end;
        }
        int[] expected = value(s, end);
        if (expected == null) {
            return end;
        }
        FieldDiffs.judge(scan, name, expected[0], expected[1]);
        int lineEnd = Chars.indexOf(s, '\n', expected[2], Math.min(s.length(), expected[2] + REACH));
        lineEnd = lineEnd < 0 ? Math.min(s.length(), expected[2] + REACH) : lineEnd;
        for (int k = expected[2]; k < lineEnd; k++) {
            for (String w : ACTUAL) {
                if (s.regionMatches(true, k, w, 0, w.length()) && (k == 0 || !Chars.word(s.charAt(k - 1)))) {
                    int[] actual = value(s, k + w.length());
                    if (actual != null) {
                        FieldDiffs.judge(scan, name, actual[0], actual[1]);
                    }
                    return end;
                }
            }
        }
        return end;
    }

    /**
     * A JSON object's {@code "expected"} key, at {@code i}, beside the error it explains: {@code {"error":"csrf token
     * mismatch","expected":"…"}}, as a server's refusal or a gateway's check prints the value it wanted. The object's
     * text before the key (from its brace, on the line) names the secret ({@link ValuesBelow#secretNamed}: "csrf
     * token", "api key", "signature"), and the value goes when it looks like one ({@link Values#tokenLike}); {@code
     * "expected":"POST"} beside "method mismatch" or a token's word stays.
     */
    private static void jsonExpected(Scan scan, int lineStart, int i, int end) {
        String s = scan.text;
        int open = Chars.lastIndexOf(s, '{', lineStart, i);
        if (open < 0) {
            return;
        }
        int v = end + 2;
        while (v < s.length() && s.charAt(v) == ' ') {
            v++;
        }
        if (v >= s.length() || s.charAt(v) != '"') {
            return;
        }
        int close = Quotes.close(s, v + 1, 1);
        if (close >= s.length() || s.charAt(close) != '"' || close - v > MAX_VALUE || !Values.tokenLike(s, v + 1, close)) {
            return;
        }
        KeyNames.Key key = ValuesBelow.secretNamed(scan, open, i - 1);
        SecretKind kind = Judge.credential(key) ? Judge.value(key, s, v + 1, close) : null;
        if (kind != null) {
            scan.add(kind, v + 1, close);
        }
    }

    /**
     * The field's name before "expected" at {@code i}: the last word of the run right before it (after blanks and a
     * colon), a path's last step ({@code $.rut}, {@code body.phone}, {@code ['cnp']}); null where none stands there or
     * the run is a word of prose (small letters only, no path, no colon after it).
     */
    private static int[] name(String s, int lineStart, int i) {
        int k = i;
        while (k > lineStart && s.charAt(k - 1) == ' ') {
            k--;
        }
        boolean colon = k > lineStart && s.charAt(k - 1) == ':';
        if (colon) {
            k--;
        }
        while (k > lineStart && (s.charAt(k - 1) == '\'' || s.charAt(k - 1) == '"' || s.charAt(k - 1) == ']')) {
            k--;
        }
        int nameEnd = k;
        while (k > lineStart && nameEnd - k < KeyNames.MAX_LENGTH && (Chars.word(s.charAt(k - 1)) || s.charAt(k - 1) == '-')) {
            k--;
        }
        if (k == nameEnd) {
            return null;
        }
        char before = k > lineStart ? s.charAt(k - 1) : ' ';
        boolean path = before == '.' || before == '\'' || before == '"' || before == '[' || before == '/';
        return colon || path ? new int[] {k, nameEnd} : null;
    }

    /**
     * The value after {@code k} (blanks and a colon first), quoted in {@code '} or {@code "} or in {@code <…>}:
     * {start, end, where reading goes on}; null for a bare word, which prose has after "expected".
     */
    private static int[] value(String s, int k) {
        while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == ':')) {
            k++;
        }
        if (k >= s.length()) {
            return null;
        }
        char c = s.charAt(k);
        if (c == '\'' || c == '"' || c == '<') {
            char close = c == '<' ? '>' : c;
            int end = Chars.indexOf(s, close, k + 1, Math.min(s.length(), k + 2 + MAX_VALUE));
            return end <= k + 1 ? null : new int[] {k + 1, end, end + 1};
        }
        return null;   // a bare word: "Invalid password: expected at least 12 characters" is prose
    }

    /**
     * AssertJ's block: "expected value:" at {@code i} on a line that starts with {@code -}, the field named on a line
     * above as {@code field/property 'NAME' differ:}, the actual value on a line beside it; judges both. Whether it was
     * that block.
     */
    private static boolean block(Scan scan, int i, int end, int lineStart) {
        String s = scan.text;
        int k = lineStart;
        while (k < i && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= i || s.charAt(k) != '-') {
            return false;
        }
        int from = Math.max(0, lineStart - 3 * REACH);
        int differ = -1;
        for (int j = lineStart - 7; j >= from; j--) {
            if (s.startsWith("differ", j)) {
                differ = j;
                break;
            }
        }
        if (differ < 0) {
            return false;
        }
        int q = differ - 1;
        while (q > from && s.charAt(q) == ' ') {
            q--;
        }
        if (q <= from || s.charAt(q) != '\'' && s.charAt(q) != '"') {
            return false;
        }
        int open = Chars.lastIndexOf(s, s.charAt(q), Math.max(from, q - KeyNames.MAX_LENGTH), q);
        if (open < 0) {
            return false;
        }
        int nameStart = open + 1;
        int dot = Chars.lastIndexOf(s, '.', nameStart, q);
        int[] name = {dot < 0 ? nameStart : dot + 1, q};
        int[] expected = value(s, end + 6);
        if (expected != null) {
            FieldDiffs.judge(scan, name, expected[0], expected[1]);
        }
        int blockEnd = Math.min(s.length(), end + 2 * REACH);
        for (int j = Chars.lastIndexOf(s, '\n', from, lineStart - 1) + 1; j < blockEnd; j++) {
            if (s.startsWith("actual value", j)) {
                int[] actual = value(s, j + 12);
                if (actual != null) {
                    FieldDiffs.judge(scan, name, actual[0], actual[1]);
                }
                break;
            }
        }
        return true;
    }
}
