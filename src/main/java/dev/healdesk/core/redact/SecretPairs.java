package dev.healdesk.core.redact;

/**
 * The second half of a credential pair given as two quoted arguments of a call, the first a key or an account id of
 * known shape (already claimed): {@code Client("AC…", "…")} (Twilio's SDKs), {@code Pusher("app", "key…", "…")},
 * {@code Credentials("AKIA…", "…")}. An SDK that takes an id and its secret takes them in that order; the id's shape
 * says what the pair is, and the second goes when it looks generated ({@link Values#generated}), so that {@code
 * f("AKIA…", "us-east-1")} stays. Triggered by the comma after the first argument's closing quote.
 */
final class SecretPairs extends Detector {

    private static final boolean[] QUOTES = Chars.set("'\"");
    private static final int MAX_VALUE = 512;

    @Override
    public boolean[] befores(char c) {
        return c == ',' ? QUOTES : null;
    }

    @Override
    public int at(Scan scan, int comma) {
        int spans = scan.spanCount();
        if (spans == 0 || scan.span(spans - 1, 1) != comma - 1
                || scan.span(spans - 1, 2) >= SecretKind.PASSWORD.ordinal()) {
            return comma + 1;   // the first argument is no key of known shape claimed just now
        }
        String s = scan.text;
        char close = s.charAt(comma - 1);
        int start = scan.span(spans - 1, 0);
        if (start == 0 || s.charAt(start - 1) != close) {
            return comma + 1;   // the key is not the whole quoted argument
        }
        int k = comma + 1;
        while (k < s.length() && k - comma <= 4 && s.charAt(k) == ' ') {
            k++;
        }
        if (k >= s.length() || s.charAt(k) != close) {
            return comma + 1;
        }
        int v = k + 1;
        int end = v;
        while (end < s.length() && end - v < MAX_VALUE && s.charAt(end) != close && s.charAt(end) != '\n') {
            end++;
        }
        if (end >= s.length() || s.charAt(end) != close || !Values.generated(s, v, end)) {
            return comma + 1;
        }
        scan.add(SecretKind.GENERIC_SECRET, v, end);
        return end;
    }
}
