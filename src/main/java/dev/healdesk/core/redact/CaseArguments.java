package dev.healdesk.core.redact;

/**
 * A parametrized test's arguments judged by the names of the parameters their places fill: NUnit and MSTest print a
 * test case by its method's name and its arguments ({@code Failed SendsSms("+52 1 55 2399 5224","2b7e…") [38 ms]}),
 * and the stack trace below names the method's parameters in order on a frame's line ({@code at
 * Acme.SmsTests.SendsSms(String to, String authToken) in /src/SmsTests.cs:line 9}). The argument at a place goes as a field of its parameter's name
 * ({@link Judge#field}, as {@link BindingParameters} judges a bound value by its column's): {@code authToken}'s when it
 * looks random, {@code password}'s whatever it is; the others ({@code to}, {@code locale}) are left to the other rules.
 * Only quoted arguments are read, and only where the frame's parameters are as many as the arguments. Triggered by a
 * {@code (} right after a word and before a quote.
 */
final class CaseArguments extends Detector {

    private static final boolean[] QUOTE = Chars.set("\"");
    /** How far below the test case its frame may stand. */
    private static final int REACH = 4000;
    private static final int MAX_ARGS = 16;
    private static final int MAX_NAME = 128;
    private static final int MAX_ARG = 512;

    @Override
    public boolean[] seconds(char c) {
        return QUOTE;
    }

    @Override
    int at(Scan scan, int open) {
        String s = scan.text;
        int nameStart = open;
        while (nameStart > 0 && open - nameStart < MAX_NAME && Chars.word(s.charAt(nameStart - 1))) {
            nameStart--;
        }
        if (nameStart == open || !Chars.letter(s.charAt(nameStart))) {
            return open + 1;
        }
        int[] args = new int[2 * MAX_ARGS];   // each argument's span, -1 for one not quoted
        int count = 0;
        int k = open + 1;
        while (true) {
            if (count == MAX_ARGS) {
                return open + 1;
            }
            k = Chars.skipBlanks(s, k);
            if (k < s.length() && s.charAt(k) == '"') {
                int end = k + 1;
                while (end < s.length() && end - k < MAX_ARG && s.charAt(end) != '"' && s.charAt(end) != '\n') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                if (end >= s.length() || s.charAt(end) != '"') {
                    return open + 1;
                }
                args[2 * count] = k + 1;
                args[2 * count + 1] = end;
                k = end + 1;
            } else {
                int end = k;
                while (end < s.length() && end - k < MAX_ARG && s.charAt(end) != ',' && s.charAt(end) != ')'
                        && s.charAt(end) != '\n') {
                    end++;
                }
                if (end == k) {
                    return open + 1;
                }
                args[2 * count] = -1;
                k = end;
            }
            count++;
            k = Chars.skipBlanks(s, k);
            if (k < s.length() && s.charAt(k) == ',') {
                k++;
            } else if (k < s.length() && s.charAt(k) == ')') {
                break;
            } else {
                return open + 1;
            }
        }
        int[] params = frame(s, nameStart, open, k, count);
        if (params == null) {
            return open + 1;
        }
        for (int a = 0; a < count; a++) {
            if (args[2 * a] < 0) {
                continue;
            }
            KeyNames.Key key = KeyNames.classify(scan, params[2 * a], params[2 * a + 1]);
            SecretKind kind = key == KeyNames.Key.NONE ? null : Judge.field(key, s, args[2 * a], args[2 * a + 1]);
            if (kind != null) {
                scan.add(kind, args[2 * a], args[2 * a + 1]);
            }
        }
        return open + 1;
    }

    /**
     * The parameters' names of the frame below {@code from} that calls the method {@code s[nameStart, open)} with
     * {@code count} parameters, each a type and a name ({@code .SendsSms(String to, String authToken)}): their spans, or
     * null where no such frame is near.
     */
    private static int[] frame(String s, int nameStart, int open, int from, int count) {
        int length = open + 1 - nameStart;
        int limit = Math.min(s.length(), from + REACH);
        // the frames below, line by line within the reach (a log holds many calls, most with no frame): a line that
        // starts "at " and whose first parenthesis closes ".Name("
        for (int nl = s.indexOf('\n', from); nl >= 0 && nl < limit; nl = s.indexOf('\n', nl + 1)) {
            int line = Chars.skipBlanks(s, nl + 1);
            if (!s.startsWith("at ", line)) {
                continue;
            }
            int lineEnd = s.indexOf('\n', line);
            int paren = Chars.indexOf(s, '(', line, lineEnd < 0 ? s.length() : lineEnd);
            int dot = paren - length;
            if (paren < 0 || dot <= line || s.charAt(dot) != '.' || !s.regionMatches(dot + 1, s, nameStart, length)) {
                continue;
            }
            int[] names = new int[2 * count];
            int n = 0;
            int k = paren + 1;
            boolean done = false;
            while (!done && n < count) {
                int end = k;
                while (end < s.length() && end - k < MAX_NAME && s.charAt(end) != ',' && s.charAt(end) != ')'
                        && s.charAt(end) != '\n') {
                    end++;
                }
                if (end >= s.length() || s.charAt(end) == '\n' || end - k >= MAX_NAME) {
                    break;
                }
                int nameEnd = end;
                while (nameEnd > k && Chars.blank(s.charAt(nameEnd - 1))) {
                    nameEnd--;
                }
                int w = nameEnd;
                while (w > k && Chars.word(s.charAt(w - 1))) {
                    w--;
                }
                // a type, a blank, then the name: String authToken, Int32 port, IEnumerable`1 items
                if (w == nameEnd || w == k || !Chars.blank(s.charAt(w - 1)) || !Chars.letter(s.charAt(w))) {
                    break;
                }
                names[2 * n] = w;
                names[2 * n + 1] = nameEnd;
                n++;
                done = s.charAt(end) == ')';
                k = end + 1;
            }
            if (done && n == count) {
                return names;
            }
        }
        return null;
    }
}
