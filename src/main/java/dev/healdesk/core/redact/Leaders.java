package dev.healdesk.core.redact;

/**
 * A name, a dot leader and its value, the way configuration dumps align them: {@code php artisan config:show}
 * ({@code password ........ …}, {@code stripe ⇁ secret ..... …}), HikariCP's configuration log
 * ({@code password........................…}), Spring Boot's and Gradle's reports. The name is the word before the
 * leader, judged by {@link KeyNames}; the value, what follows the leader on its line up to a blank, as a value under
 * that name ({@link KeyValues#claim}). A leader is {@value #MIN_DOTS} dots or more, so that an ellipsis ("checking
 * password... done") is none. Triggered by the leader's first dot.
 */
final class Leaders extends Detector {

    static final int MIN_DOTS = 5;
    private static final boolean[] DOT = Chars.set(".");
    private static final boolean[] NOT_DOT = notDot();

    private static boolean[] notDot() {
        boolean[] b = new boolean[128];
        java.util.Arrays.fill(b, true);
        b['.'] = false;
        return b;
    }

    @Override
    public boolean[] seconds(char c) {
        return DOT;
    }

    /** Only the leader's first dot: the others follow a dot. */
    @Override
    public boolean[] befores(char c) {
        return NOT_DOT;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int j = i;
        while (j < s.length() && s.charAt(j) == '.') {
            j++;
        }
        if (j - i < MIN_DOTS) {
            return j;
        }
        int k = i - 1;
        while (k >= 0 && i - k <= 4 && Chars.blank(s.charAt(k))) {
            k--;
        }
        int keyEnd = k + 1;
        while (k >= 0 && keyEnd - k <= KeyNames.MAX_LENGTH && (Chars.word(s.charAt(k)) || s.charAt(k) == '-')) {
            k--;
        }
        int keyStart = k + 1;
        if (keyStart == keyEnd) {
            return j;
        }
        KeyNames.Key key = KeyNames.classify(scan, keyStart, keyEnd);
        if (key == KeyNames.Key.NONE) {
            return j;
        }
        int v = j;
        while (v < s.length() && v - j <= 8 && Chars.blank(s.charAt(v))) {
            v++;
        }
        int quote = Quotes.open(s, v);
        int start = v + quote;
        int end = Quotes.valueEnd(s, start, quote, "", Integer.MAX_VALUE);
        if (end == start) {
            return j;
        }
        return Math.max(j, KeyValues.claim(scan, key, start, end, quote > 0, j - 1));
    }
}
