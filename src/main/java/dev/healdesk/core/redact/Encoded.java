package dev.healdesk.core.redact;

/**
 * Secrets inside %-encoded text, once or more ({@code redirect=https%3A%2F%2Fx%3Ftoken%3D…},
 * {@code state=%257B%2522password%2522%253A…}): a URL-safe run of text with an encoded separator in it
 * ({@code %3D =}, {@code %3A :}, {@code %22 "}, {@code %27 '}, {@code %40 @}, or {@code %25}, an encoded
 * {@code %}) is decoded, up to {@value #MAX_DEPTH} times, and the decoded text goes through every rule; what they find
 * there is claimed back over the encoded characters it came from. So no rule needs an encoded twin, and an ordinary
 * encoded URL ({@code next=%2Fcart%3Fpage%3D2}) stays as it is. Triggered by {@code %}; each run is read once.
 */
final class Encoded extends Detector {

    static final int MAX_DEPTH = 3;
    /** Longer runs are data, not a URL: left alone. */
    private static final int MAX_RUN = 1 << 16;

    /** Scans decoded text with the rules of the redactor this detector belongs to. */
    interface Rules {
        Scan scan(String text, int depth);
    }

    private final Rules rules;

    Encoded(Rules rules) {
        this.rules = rules;
    }

    private static final boolean[] HEX = Chars.set(Chars.HEX);

    /** {@code %XX}. */
    @Override
    public boolean[] seconds(char c) {
        return HEX;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i < scan.encodedEnd || scan.depth >= MAX_DEPTH || !escape(s, i)) {
            return i + 1;
        }
        int start = i;
        while (start > 0 && i - start < MAX_RUN && runChar(s.charAt(start - 1))) {
            start--;
        }
        int end = i;
        while (end < s.length() && end - i < MAX_RUN && runChar(s.charAt(end))) {
            end++;
        }
        scan.encodedEnd = end;
        if (!telling(s, i, end)) {
            return i + 1;
        }
        int n = end - start;
        int[] from = new int[n];
        int[] to = new int[n];
        for (int k = 0; k < n; k++) {
            from[k] = start + k;
            to[k] = start + k + 1;
        }
        String text = s.substring(start, end);
        int levels = 0;
        do {
            int m = 0;
            StringBuilder decoded = new StringBuilder(text.length());
            for (int k = 0; k < text.length(); k++) {
                if (escape(text, k)) {
                    decoded.append((char) (Character.digit(text.charAt(k + 1), 16) * 16
                            + Character.digit(text.charAt(k + 2), 16)));
                    from[m] = from[k];
                    to[m] = to[k + 2];
                    k += 2;
                } else {
                    decoded.append(text.charAt(k));
                    from[m] = from[k];
                    to[m] = to[k];
                }
                m++;
            }
            text = decoded.toString();
            levels++;
        } while (levels < MAX_DEPTH && telling(text, 0, text.length()));
        Scan inner = rules.scan(text, scan.depth + 1);
        scan.addDecoded(inner, from, to);
        return i + 1;
    }

    /** Whether {@code %XX} (two hex digits) starts at {@code i}. */
    private static boolean escape(String s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && Chars.hex(s.charAt(i + 1)) && Chars.hex(s.charAt(i + 2));
    }

    /** Whether the run from {@code i} holds an encoded separator: {@code = : " ' @} or {@code %}. */
    private static boolean telling(String s, int i, int end) {
        for (int k = i; k + 2 < end; k++) {
            if (s.charAt(k) == '%' && escape(s, k) && tellingCode(s.charAt(k + 1), s.charAt(k + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean tellingCode(char hi, char lo) {
        char l = Character.toUpperCase(lo);
        return hi == '3' && (l == 'D' || l == 'A') || hi == '2' && (l == '2' || l == '7' || l == '5')
                || hi == '4' && l == '0';
    }

    /** Characters of a URL or a form body: no blank, quote, angle bracket, backtick or backslash. */
    private static boolean runChar(char c) {
        return c > ' ' && c < 127 && c != '"' && c != '\'' && c != '<' && c != '>' && c != '`' && c != '\\';
    }
}
