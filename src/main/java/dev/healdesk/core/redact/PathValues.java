package dev.healdesk.core.redact;

/**
 * A value that Mongoose's validation and cast errors print beside the path of the field it was found in, each judged
 * as that field's whole content ({@link FieldDiffs#judge}: a password whatever it is, a person's number by its shape,
 * a phone under a phone's name):
 * <ul>
 * <li>{@code Validator failed for path `taxId` with value `…`} (a custom validator's default message);</li>
 * <li>{@code Path `phone` is invalid (…).} (a match validator's), {@code Path `pin` (…) is shorter than …} and
 *   {@code Path `ssn` (`…`) is longer than …} (min, max and length validators');</li>
 * <li>{@code Cast to Number failed for value "…" (type string) at path "nationalId"} (a CastError's, the value before
 *   the path).</li>
 * </ul>
 * The same words are how other schema tools phrase a rejected field ("for path", "at path"), so the forms are read
 * whatever tool printed them. Triggered by the word "path" (a {@code p} at a word of four letters).
 */
final class PathValues extends Detector {

    private static final int MAX_NAME = 64;
    private static final int MAX_VALUE = 256;

    @Override
    public long wordLengths(char c) {
        return 1L << 4;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i > 0 && s.charAt(i - 1) == '"' && s.startsWith("path\":", i)) {
            return errorObject(scan, i);
        }
        if (i + 6 > s.length() || !s.regionMatches(true, i, "path", 0, 4) || s.charAt(i + 4) != ' ') {
            return i + 1;
        }
        char q = s.charAt(i + 5);
        if (q != '`' && q != '"' && q != '\'') {
            return i + 1;
        }
        int nameStart = i + 6;
        int nameEnd = Chars.indexOf(s, q, nameStart, Math.min(s.length(), nameStart + MAX_NAME));
        if (nameEnd <= nameStart) {
            return i + 1;
        }
        int last = nameStart;   // the path's last word: customer.taxId's taxId, items.0.pin's pin
        for (int k = nameStart; k < nameEnd; k++) {
            char c = s.charAt(k);
            if (c == '.') {
                last = k + 1;
            } else if (!Chars.word(c) && c != '-') {
                return i + 1;
            }
        }
        if (last >= nameEnd) {
            return i + 1;
        }
        int[] name = {last, nameEnd};
        int k = nameEnd + 1;
        if (s.startsWith(" with value ", k)) {
            quoted(scan, name, k + 12);
        } else if (s.startsWith(" is invalid (", k)) {
            bracketed(scan, name, k + 12);
        } else if (s.startsWith(" (", k)) {
            bracketed(scan, name, k + 1);
        }
        castValue(scan, name, i);
        return nameEnd + 1;
    }

    /** How far an error object may reach on either side of its {@code "path"} key. */
    private static final int OBJECT_REACH = 600;

    /**
     * express-validator's field error as JSON ({@code validationResult(req).array()}, v7): {@code {"type":"field",
     * "value":"…","msg":"…","path":"password","location":"body"}}, the value before the path that names its field. The
     * object around the {@code "path"} key at {@code i} (its braces within reach, no other brace between) must have a
     * {@code "msg"} key too; its {@code "value"} string is judged as the path's last word's whole content
     * ({@link FieldDiffs#judge}). A value under {@code "path":"email"} or {@code "quantity"} stays, and so does a
     * {@code "path"} in an object with no message ({@code {"path":"/api/login","value":…}}).
     */
    private static int errorObject(Scan scan, int i) {
        String s = scan.text;
        int q = i + 6;
        while (q < s.length() && s.charAt(q) == ' ') {
            q++;
        }
        if (q >= s.length() || s.charAt(q) != '"') {
            return i + 1;
        }
        int nameStart = q + 1;
        int nameEnd = Chars.indexOf(s, '"', nameStart, Math.min(s.length(), nameStart + MAX_NAME));
        if (nameEnd <= nameStart) {
            return i + 1;
        }
        int last = nameStart;
        for (int k = nameStart; k < nameEnd; k++) {
            char c = s.charAt(k);
            if (c == '.' || c == ']') {
                last = k + 1;
            } else if (!Chars.word(c) && c != '-' && c != '[') {
                return i + 1;
            }
        }
        if (last >= nameEnd) {
            return i + 1;
        }
        int open = i - 1;
        while (open >= 0 && i - open < OBJECT_REACH && s.charAt(open) != '{' && s.charAt(open) != '}') {
            open--;
        }
        int close = nameEnd;
        while (close < s.length() && close - nameEnd < OBJECT_REACH && s.charAt(close) != '}'
                && s.charAt(close) != '{') {
            close++;
        }
        if (open < 0 || s.charAt(open) != '{' || close >= s.length() || s.charAt(close) != '}') {
            return nameEnd + 1;
        }
        int msg = s.indexOf("\"msg\":", open);
        int value = s.indexOf("\"value\":", open);
        if (msg < 0 || msg > close || value < 0 || value > i) {
            return nameEnd + 1;
        }
        int v = value + 8;
        while (v < i && s.charAt(v) == ' ') {
            v++;
        }
        if (v >= i || s.charAt(v) != '"') {
            return nameEnd + 1;
        }
        int end = v + 1;
        while (end < i && s.charAt(end) != '"') {
            end += s.charAt(end) == '\\' ? 2 : 1;
        }
        if (end < i && end > v + 1) {
            FieldDiffs.judge(scan, new int[] {last, nameEnd}, v + 1, end);
        }
        return nameEnd + 1;
    }

    /** The value in back quotes or quotes at {@code v}. */
    private static void quoted(Scan scan, int[] name, int v) {
        String s = scan.text;
        if (v >= s.length()) {
            return;
        }
        char q = s.charAt(v);
        if (q != '`' && q != '"' && q != '\'') {
            return;
        }
        int end = Chars.indexOf(s, q, v + 1, Math.min(s.length(), v + 1 + MAX_VALUE));
        if (end > v + 1 && Chars.indexOf(s, '\n', v + 1, end) < 0) {
            FieldDiffs.judge(scan, name, v + 1, end);
        }
    }

    /** The value in brackets at {@code open}, or in back quotes inside them: {@code (…)}, {@code (`…`)}. */
    private static void bracketed(Scan scan, int[] name, int open) {
        String s = scan.text;
        if (open + 1 < s.length() && s.charAt(open + 1) == '`') {
            quoted(scan, name, open + 1);
            return;
        }
        int end = Chars.indexOf(s, ')', open + 1, Math.min(s.length(), open + 1 + MAX_VALUE));
        if (end > open + 1 && Chars.indexOf(s, '\n', open + 1, end) < 0 && Chars.indexOf(s, '(', open + 1, end) < 0) {
            FieldDiffs.judge(scan, name, open + 1, end);
        }
    }

    /** A CastError's {@code for value "…" (type string) at path}, the value before the path on its line. */
    private static void castValue(Scan scan, int[] name, int path) {
        String s = scan.text;
        if (path < 4 || !s.startsWith("at ", path - 3)) {
            return;
        }
        int lineStart = s.lastIndexOf('\n', path) + 1;
        int v = s.lastIndexOf("for value ", path);
        if (v < lineStart || path - v > MAX_VALUE + 48) {
            return;
        }
        quoted(scan, name, v + 10);
    }
}
