package dev.healdesk.core.redact;

/**
 * A Java {@code .properties} line whose key and value are parted by blanks alone, as the format allows and as
 * dumps of a configuration print it: {@code spring.datasource.password Hunter2Hunter2}. Only a whole line counts: its
 * first token a structured key (a dot, an underscore or a hyphen in it, so that prose stays: "password expired for
 * user bob"; or camel case, {@code LicenseKey …} in GeoIP.conf, before a value that looks generated; or redis.conf's
 * {@code requirepass} and {@code masterauth} directives; or any key, aligned by two blanks or more, in a table under a
 * dashed rule, as Vault's CLI prints {@code password    …}) that names a secret ({@link KeyNames}), then exactly one value token to the end of the line, judged as
 * {@code key=value} would be ({@link Judge#value}). Triggered by the line feed before the line, and called for
 * the text's first line by {@link Redactor}.
 */
final class SpacedProperties extends Detector {

    /** How many blanks may indent the line. */
    private static final int MAX_INDENT = 8;
    private static final int MAX_VALUE = 4096;
    /** How many rows above a table row its dashed rule may stand. */
    private static final int TABLE_REACH = 24;

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
        boolean camel = false;
        while (k < n && k - keyStart <= KeyNames.MAX_LENGTH) {
            char c = s.charAt(k);
            if (c == '.' || c == '_' || c == '-') {
                structured |= k > keyStart;
            } else if (!Chars.alnum(c)) {
                break;
            }
            camel |= k > keyStart && Chars.upper(c) && Chars.lower(s.charAt(k - 1));
            k++;
        }
        boolean directive = !structured && !camel && (Chars.is(s, keyStart, k, "requirepass")
                || Chars.is(s, keyStart, k, "masterauth"));
        boolean aligned = !(structured || camel || directive) && k + 1 < n && Chars.blank(s.charAt(k))
                && Chars.blank(s.charAt(k + 1));   // a table row, if a dashed rule stands above (looked at last)
        if (!(structured || camel || directive || aligned) || k >= n || !Chars.blank(s.charAt(k))) {
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
        if (key == KeyNames.Key.NONE || key == KeyNames.Key.COOKIE || key == KeyNames.Key.AUTHORIZATION
                || aligned && !underRule(s, start)) {
            return;
        }
        SecretKind kind = Judge.value(key, s, v, valueEnd);
        if (camel && !structured && !Values.secretLike(s, v, valueEnd)
                && !(key == KeyNames.Key.PASSWORD && Chars.lettersAndDigits(s, v, valueEnd))) {
            return;   // "SetPassword failed": a camel-case word alone is a key only before a value that looks like one
        }
        if (kind != null) {
            scan.add(kind, v, valueEnd);
        }
    }

    /**
     * Whether the line at {@code start} is a row of a two-column table under a dashed rule, as Vault's CLI and other
     * Go tabwriter output print one ({@code Key  Value} / {@code ---  -----} / {@code password  …}): a line of two
     * runs of dashes stands above it in the same block (no empty line between, at most {@value #TABLE_REACH} rows).
     */
    private static boolean underRule(String s, int start) {
        int end = start - 1;   // the line feed before the row
        for (int rows = 0; rows < TABLE_REACH && end > 0; rows++) {
            int from = end;
            while (from > 0 && s.charAt(from - 1) != '\n') {
                from--;
            }
            int k = from;
            int runs = 0;
            boolean other = false;
            while (k < end) {
                char c = s.charAt(k);
                if (c == '-') {
                    if (k == from || s.charAt(k - 1) != '-') {
                        runs++;
                    }
                } else if (!Chars.blank(c) && c != '\r') {
                    other = true;
                }
                k++;
            }
            if (!other && runs == 2) {
                return true;
            }
            if (from == end || !other && runs == 0) {
                return false;   // an empty line ends the table
            }
            end = from - 1;
        }
        return false;
    }
}
