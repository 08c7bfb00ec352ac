package dev.healdesk.core.redact;

/**
 * A secret that a rule found by its context (a password after its name, a session id in a cookie, a token under a
 * secret's key) goes wherever else it stands in the same text, where nothing names it: a test tool's assertion that
 * prints it back ({@code Found: …}, {@code Expected text: …}), a library's debug line that logs the value it just
 * read ({@code saving …}), a shell that echoes it as an unknown command. Run once per scan of the text itself, after
 * the detectors, over what they claimed; only for the kinds found by context ({@link #echoed}), since a token of known
 * shape is found by its shape wherever it stands. A repeat counts where it is a whole run: the characters on both sides
 * of it are no letters or digits, so a short value inside a longer word stays.
 */
final class Echoes {

    /** Shorter values repeat by chance (a word, a number), and are left where nothing names them. */
    static final int MIN_LENGTH = 8;
    /** At most this many values are looked for again in one text. */
    static final int MAX_VALUES = 32;
    private static final SecretKind[] KINDS = SecretKind.values();

    private Echoes() {
    }

    /** Claims, in {@code scan}, every other whole occurrence of each value found by context. */
    static void add(Scan scan) {
        int count = scan.spanCount();
        if (count == 0) {
            return;
        }
        String s = scan.text;
        SecretKind[] kinds = KINDS;
        int looked = 0;
        for (int k = 0; k < Math.min(count, 2 * MAX_VALUES) && looked < MAX_VALUES; k++) {
            int start = scan.span(k, 0);
            int end = scan.span(k, 1);
            SecretKind kind = kinds[scan.span(k, 2)];
            if (end - start < MIN_LENGTH || !echoed(kind) || uuid(s, start, end) || seenBefore(scan, k, s, start, end)) {
                continue;
            }
            looked++;
            boolean hex = hex(s, start, end);
            String value = s.substring(start, end);
            for (int at = s.indexOf(value); at >= 0; at = s.indexOf(value, at + 1)) {
                if (at != start && whole(s, at, at + value.length()) && !(hex && segment(s, at, at + value.length()))) {
                    scan.add(kind, at, at + value.length());
                }
            }
        }
    }

    /** The kinds a rule finds by what names them rather than by their shape. */
    static boolean echoed(SecretKind kind) {
        return switch (kind) {
            case PASSWORD, SESSION_ID, COOKIE, GENERIC_SECRET, BEARER_TOKEN, AWS_SECRET_KEY -> true;
            // a person's number found under its name ({@code On instance['aadhaar']: '…'}) is as often printed again
            // where nothing names it ({@code ValidationError: '…' does not match}, pandas' {@code first diff: …})
            case NATIONAL_ID, SSN, PHONE -> true;
            default -> false;
        };
    }

    /** Whether an earlier span of the scan has the same value (it was looked for then). */
    private static boolean seenBefore(Scan scan, int k, String s, int start, int end) {
        for (int j = 0; j < k; j++) {
            int a = scan.span(j, 0);
            if (scan.span(j, 1) - a == end - start && s.regionMatches(a, s, start, end - start)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the value is hex digits and dashes, a dash among them: a UUID, an id rather than a secret. */
    private static boolean uuid(String s, int start, int end) {
        return hex(s, start, end) && Chars.indexOf(s, '-', start, end) >= 0;
    }

    /**
     * Whether the value is hex digits and dashes only. A hex value that a rule took for a secret by its name (an API
     * token, {@code ${API_TOKEN} = …}) goes where it is repeated as a value of its own ({@code <arg>…</arg>}), but a
     * WebDriver session's or element's id stays where it is a path segment ({@code /session/…/element/…/value}), as ids
     * do elsewhere.
     */
    private static boolean hex(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.hex(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[start, end)} stands after or before a {@code /}: a path's or a URL's segment. */
    private static boolean segment(String s, int start, int end) {
        return start > 0 && s.charAt(start - 1) == '/' || end < s.length() && s.charAt(end) == '/';
    }

    private static boolean whole(String s, int start, int end) {
        return (start == 0 || !Chars.alnum(s.charAt(start - 1))) && (end >= s.length() || !Chars.alnum(s.charAt(end)));
    }
}
