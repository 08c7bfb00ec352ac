package dev.healdesk.core.redact;

/**
 * The values of a field that Python's DeepDiff reports changed, under the path that names the field: {@code
 * "root['customer']['phone']": {'new_value': '5000 7668', 'old_value': '+372 5000 0000'}}. The path's last key
 * ({@code phone}) is read as a key's name and each quoted {@code new_value} and {@code old_value} judged as its value
 * ({@link Judge#value}), a phone's in any country's layout under a phone's name ({@link Numbers#phoneValue}); {@code
 * "root['order']['status']": {'new_value': 'paid', …}} keeps them. Triggered by the bracket after {@code root}.
 */
final class DeepDiffs extends Detector {

    private static final boolean[] QUOTES = Chars.set("'\"");
    private static final int MAX_PATH = 256;
    private static final int MAX_VALUE = 128;

    @Override
    boolean[] seconds(char c) {
        return QUOTES;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        if (i < 4 || !s.startsWith("root", i - 4) || i > 4 && Chars.word(s.charAt(i - 5))) {
            return i + 1;
        }
        int n = s.length();
        int k = i;
        int name = -1;
        int nameEnd = -1;
        while (k < n && s.charAt(k) == '[' && k - i < MAX_PATH) {
            int q = k + 1;
            if (q >= n || s.charAt(q) != '\'' && s.charAt(q) != '"') {
                return i + 1;
            }
            int close = s.indexOf(s.charAt(q), q + 1);
            if (close < 0 || close + 1 >= n || s.charAt(close + 1) != ']' || close - q > KeyNames.MAX_LENGTH) {
                return i + 1;
            }
            name = q + 1;
            nameEnd = close;
            k = close + 2;
        }
        if (name < 0 || nameEnd <= name || k + 1 >= n || s.charAt(k) != '"' && s.charAt(k) != '\'') {
            return i + 1;
        }
        int p = Chars.skipBlanks(s, k + 1);
        if (p >= n || s.charAt(p) != ':') {
            return i + 1;
        }
        p = Chars.skipBlanks(s, p + 1);
        if (p >= n || s.charAt(p) != '{') {
            return i + 1;
        }
        boolean phone = Numbers.phoneWords(s, name, nameEnd);
        KeyNames.Key key = phone ? KeyNames.Key.NONE : KeyNames.classify(scan, name, nameEnd);
        if (!phone && key == KeyNames.Key.NONE) {
            return k;
        }
        int close = s.indexOf('}', p);
        if (close < 0 || close - p > 4 * MAX_VALUE) {
            return k;
        }
        for (String side : new String[] {"'new_value': ", "'old_value': "}) {
            int at = s.indexOf(side, p);
            if (at < 0 || at > close) {
                continue;
            }
            int v = at + side.length();
            if (Quotes.open(s, v) != 1) {
                continue;
            }
            int start = v + 1;
            int end = Quotes.close(s, start, 1);
            if (end >= close || end == start || end - start > MAX_VALUE) {
                continue;
            }
            SecretKind kind = phone ? Numbers.phoneValue(s, start, end) ? SecretKind.PHONE : null
                    : Judge.value(key, s, start, end);
            if (kind != null) {
                scan.add(kind, start, end);
            }
        }
        return k;
    }
}
