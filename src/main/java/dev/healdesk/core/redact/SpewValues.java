package dev.healdesk.core.redact;

/**
 * A field's value as go-spew prints it, and with it testify's diffs: {@code Password: (string) (len=13) "…"}, the type
 * and the length between the name and the value, where the key-value rules read the type as the value. The name is
 * judged as a key name ({@link KeyNames}); the quoted value goes when it is a password's and not a placeholder, or
 * looks like a secret ({@link Values#secretLike}). So {@code User: (string) (len=9) "healdesk_ci"} stays. Triggered by
 * the parenthesis of {@code (len=}.
 */
final class SpewValues extends Detector {

    private static final boolean[] SECOND = Chars.set("l");

    @Override
    public boolean[] seconds(char c) {
        return SECOND;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (!s.startsWith("(len=", i)) {
            return i + 1;
        }
        int d = i + 5;
        while (d < s.length() && Chars.digit(s.charAt(d))) {
            d++;
        }
        if (d == i + 5 || d + 2 >= s.length() || s.charAt(d) != ')' || s.charAt(d + 1) != ' ' || s.charAt(d + 2) != '"') {
            return i + 1;
        }
        // back over " (type) " to the colon after the field's name
        int k = i - 1;
        if (k < 2 || s.charAt(k) != ' ' || s.charAt(k - 1) != ')') {
            return i + 1;
        }
        k -= 2;
        while (k > 0 && i - k < 40 && s.charAt(k) != '(' && s.charAt(k) != '\n') {
            k--;
        }
        if (k <= 2 || s.charAt(k) != '(' || s.charAt(k - 1) != ' ' || s.charAt(k - 2) != ':') {
            return i + 1;
        }
        int e = k - 2;
        int b = e;
        while (b > 0 && e - b <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(b - 1)) || s.charAt(b - 1) == '-')) {
            b--;
        }
        KeyNames.Key key = KeyNames.classify(scan, b, e);
        if (key != KeyNames.Key.PASSWORD && key != KeyNames.Key.SECRET && key != KeyNames.Key.AWS_SECRET) {
            return i + 1;
        }
        int start = d + 3;
        int end = Quotes.close(s, start, 1);
        if (end >= s.length() || end <= start || s.charAt(end) != '"' || Values.placeholder(s, start, end)) {
            return i + 1;
        }
        if (key != KeyNames.Key.PASSWORD && !Values.secretLike(s, start, end)) {
            return i + 1;
        }
        scan.add(key == KeyNames.Key.PASSWORD ? SecretKind.PASSWORD : SecretKind.GENERIC_SECRET, start, end);
        return start;
    }
}
