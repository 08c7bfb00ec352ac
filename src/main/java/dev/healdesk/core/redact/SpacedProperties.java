package dev.healdesk.core.redact;

/**
 * A Java {@code .properties} line whose key and value are parted by blanks alone, as the format allows and as
 * dumps of a configuration print it: {@code spring.datasource.password Hunter2Hunter2}. Only a whole line counts: its
 * first token a structured key (a dot, an underscore or a hyphen in it, so that prose stays: "password expired for
 * user bob") that names a secret ({@link KeyNames}), then exactly one value token to the end of the line, judged as
 * {@code key=value} would be ({@link KeyValues#judge}). Triggered by the line feed before the line, and called for
 * the text's first line by {@link Redactor}.
 */
final class SpacedProperties implements Detector {

    /** How many blanks may indent the line. */
    private static final int MAX_INDENT = 8;
    private static final int MAX_VALUE = 4096;

    private static final boolean[] LINE_START = Chars.set(Chars.LETTERS + " \t");

    /** The line's key starts with a letter, perhaps indented. */
    @Override
    public boolean[] seconds(char c) {
        return c == '\n' ? LINE_START : null;
    }

    @Override
    public int at(Scan scan, int i) {
        line(scan, i + 1);
        return i + 1;
    }

    /** Looks at the line that starts at {@code start}. */
    void line(Scan scan, int start) {
        String s = scan.text;
        int n = s.length();
        int k = start;
        while (k < n && k - start < MAX_INDENT && Chars.blank(s.charAt(k))) {
            k++;
        }
        if (k >= n || !Chars.letter(s.charAt(k))) {
            return;   // a time stamp, a bracket, an empty line: most lines of a log
        }
        int keyStart = k;
        boolean structured = false;
        while (k < n && k - keyStart <= KeyNames.MAX_LENGTH) {
            char c = s.charAt(k);
            if (c == '.' || c == '_' || c == '-') {
                structured |= k > keyStart;
            } else if (!Chars.alnum(c)) {
                break;
            }
            k++;
        }
        if (!structured || k >= n || !Chars.blank(s.charAt(k))) {
            return;
        }
        int keyEnd = k;
        while (k < n && Chars.blank(s.charAt(k))) {
            k++;
        }
        int v = k;
        while (k < n && k - v < MAX_VALUE && !Chars.space(s.charAt(k))) {
            k++;
        }
        int valueEnd = k;
        while (k < n && (Chars.blank(s.charAt(k)) || s.charAt(k) == '\r')) {
            k++;
        }
        if (valueEnd == v || k < n && s.charAt(k) != '\n') {
            return;   // no value, or more than one token: a sentence
        }
        KeyNames.Key key = KeyNames.classify(scan, keyStart, keyEnd);
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION) {
            return;
        }
        SecretKind kind = KeyValues.judge(key, s, v, valueEnd);
        if (kind != null) {
            scan.add(kind, v, valueEnd);
        }
    }
}
