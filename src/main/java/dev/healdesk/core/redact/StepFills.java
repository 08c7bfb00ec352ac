package dev.healdesk.core.redact;

/**
 * A value a test step fills into a form field, in the steps' own grammar: Behat's and Mink's {@code I fill in "cvc"
 * with "…"} and {@code I fill in "…" for "Password"}, Capybara's {@code fill_in "cvc", with: "…"} and {@code
 * fill_in('API token', with: '…')}. The field's name or label is judged as {@link Fills} judges a locator (a key name,
 * or a selector's last word) and the value as typed text ({@link Judge#typed}); a field that names no secret
 * ({@code I fill in "City" with "Lisbon"}) keeps its value. Triggered by the word "fill" or "fill_in".
 */
final class StepFills extends Detector {

    private static final boolean[] I = Chars.set("i");

    @Override
    boolean[] seconds(char c) {
        return I;
    }

    @Override
    long wordLengths(char c) {
        return 1L << 4 | 1L << 7;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int w = scan.wordEnd(i);
        if (i > 0 && Chars.word(s.charAt(i - 1))) {
            return w;
        }
        if (Chars.is(s, i, w, "fill") && s.startsWith(" in ", w)) {
            return mink(scan, w + 4, w);
        }
        if (Chars.is(s, i, w, "fill_in")) {
            return capybara(scan, w);
        }
        return w;
    }

    /** {@code "field" with "value"} or {@code "value" for "field"} at {@code a}. */
    private static int mink(Scan scan, int a, int w) {
        String s = scan.text;
        int[] first = quoted(s, a);
        if (first == null) {
            return w;
        }
        int after = first[1] + first[2];
        if (s.startsWith(" with ", after)) {
            int[] value = quoted(s, after + 6);
            return value == null ? w : judge(scan, first, value, w);
        }
        if (s.startsWith(" for ", after)) {
            int[] field = quoted(s, after + 5);
            return field == null ? w : judge(scan, field, first, w);
        }
        return w;
    }

    /** {@code "field", with: "value"}, perhaps in brackets, after the word at {@code w}. */
    private static int capybara(Scan scan, int w) {
        String s = scan.text;
        int a = w < s.length() && s.charAt(w) == '(' ? w + 1 : Chars.skipBlanks(s, w);
        int[] field = quoted(s, a);
        if (field == null) {
            return w;
        }
        int comma = Chars.skipBlanks(s, field[1] + field[2]);
        if (comma >= s.length() || s.charAt(comma) != ',') {
            return w;
        }
        int with = Chars.skipBlanks(s, comma + 1);
        if (!s.startsWith("with:", with)) {
            return w;
        }
        int[] value = quoted(s, Chars.skipBlanks(s, with + 5));
        return value == null ? w : judge(scan, field, value, w);
    }

    private static int judge(Scan scan, int[] field, int[] value, int w) {
        SecretKind kind = Judge.typed(Fills.classifyWords(scan, field[0], field[1]), scan.text, value[0], value[1]);
        if (kind == null || value[1] <= value[0]) {
            return w;
        }
        scan.add(kind, value[0], value[1]);
        return value[1];
    }

    /** The quoted string opening at {@code a}, closed on its line: its start, end and quote length; else null. */
    private static int[] quoted(String s, int a) {
        int q = Quotes.open(s, a);
        if (q == 0) {
            return null;
        }
        int start = a + q;
        int end = Quotes.close(s, start, q);
        if (end >= s.length() || s.charAt(end) == '\n' || s.charAt(end) == '\r') {
            return null;
        }
        return new int[] {start, end, q};
    }
}
