package dev.healdesk.core.redact;

/**
 * A secret's value one level down in YAML, under a key that only says how it is held: AppVeyor's and Travis CI's
 * {@code NUGET_API_KEY:} above {@code   secure: …} (an encrypted variable), a chart's {@code password:} above {@code
 * value: …}, {@code encrypted:}, {@code ciphertext:}. The parent line is a key alone with its colon, less indented
 * than the child's, and its name names the secret ({@link KeyNames}); the child's value is judged under the parent's
 * name ({@link Judge#value}), so {@code password:} above {@code value: ${DB_PASSWORD}} and {@code retry:} above {@code
 * value: 3} stay. Triggered by the child's word at the start of its line.
 */
final class WrappedValues extends Detector {

    private static final String[] WRAPPERS = {"secure", "value", "encrypted", "ciphertext"};
    private static final int MAX_VALUE = 512;

    private static final boolean[] E = Chars.set("e");
    private static final boolean[] A = Chars.set("a");
    private static final boolean[] N = Chars.set("n");
    private static final boolean[] I = Chars.set("i");

    /** The wrappers' second letters. */
    @Override
    boolean[] seconds(char c) {
        return c == 's' ? E : c == 'v' ? A : c == 'e' ? N : I;
    }

    /** {@code value}, {@code secure}, {@code encrypted}, {@code ciphertext}: words of 5, 6, 9 and 10 characters. */
    @Override
    long wordLengths(char c) {
        return 1L << 5 | 1L << 6 | 1L << 9 | 1L << 10;
    }

    @Override
    int at(Scan scan, int i) {
        String s = scan.text;
        int w = scan.wordEnd(i);
        if (w + 2 >= s.length() || s.charAt(w) != ':' || s.charAt(w + 1) != ' ' || !Chars.isAny(s, i, w, WRAPPERS)) {
            return w;
        }
        int lineStart = i;
        while (lineStart > 0 && s.charAt(lineStart - 1) == ' ') {
            lineStart--;
        }
        if (lineStart == i || lineStart == 0 || s.charAt(lineStart - 1) != '\n') {
            return w;   // not the first word of an indented line
        }
        int indent = i - lineStart;
        // the parent: the line above, "<less indent><name>:" and nothing after the colon
        int above = lineStart - 1;
        if (above > 0 && s.charAt(above - 1) == '\r') {
            above--;
        }
        int colon = above - 1;
        if (colon < 1 || s.charAt(colon) != ':') {
            return w;
        }
        int nameEnd = colon;
        int nameStart = nameEnd;
        while (nameStart > 0 && nameEnd - nameStart <= KeyNames.MAX_LENGTH
                && (Chars.word(s.charAt(nameStart - 1)) || s.charAt(nameStart - 1) == '-' || s.charAt(nameStart - 1) == '.')) {
            nameStart--;
        }
        int parentLine = nameStart;
        while (parentLine > 0 && s.charAt(parentLine - 1) == ' ') {
            parentLine--;
        }
        if (nameStart == nameEnd || parentLine > 0 && s.charAt(parentLine - 1) != '\n'
                || nameStart - parentLine >= indent) {
            return w;
        }
        int start = w + 2;
        int end = start;
        while (end < s.length() && s.charAt(end) != '\n' && s.charAt(end) != '\r' && end - start < MAX_VALUE) {
            end++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == start) {
            return w;
        }
        KeyNames.Key key = KeyNames.classify(scan, nameStart, nameEnd);
        if (key == KeyNames.Key.NONE) {
            return w;
        }
        SecretKind kind = Judge.value(key, s, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
            return end;
        }
        return w;
    }
}
