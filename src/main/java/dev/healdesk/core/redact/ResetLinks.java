package dev.healdesk.core.redact;

/**
 * The token of a password-reset link, which logs a user in to whoever has it, as a web framework routes it and a
 * test's mail, log or assertion prints it: Django's {@code /reset/<uidb64>/<token>/} (the user's id in base64 first,
 * then the token, {@code <base36 time>-<hash>} or a random one), Laravel's {@code /password/reset/<token>}, Symfony's
 * ResetPasswordBundle's {@code /reset-password/reset/<token>}, and {@code /password-reset/…}, {@code /reset_password/…}.
 * The first segment after such a name goes when it looks generated ({@link Values#generated}, no dash) or is Django's
 * time-and-hash form (up to 8 letters and digits, a dash, at least 20 hex digits); a short first segment (a uidb64,
 * {@code MQ}) is passed over for the one after it. A UUID stays, as everywhere (an id as often as a token), and so do
 * the routes' fixed words ({@code /reset/done/},
 * {@code /reset/MQ/set-password/}, {@code /reset-password/request}) and ids stay. On such a route's query
 * ({@code /reset-password?email=…&code=286354}) the code or token parameter's value goes ({@link #query}). Triggered by
 * the {@code /} or {@code ?} after a word ending in {@code t} or {@code d}.
 */
final class ResetLinks extends Detector {

    private static final boolean[] WORD_END = Chars.set("tTdD");
    private static final String[] NAMES = {"reset", "password-reset", "password_reset", "reset-password",
            "reset_password", "passwordreset", "resetpassword"};
    private static final int MIN = 20;
    private static final int MAX = 256;
    /** A uidb64 or a user's id before the token: Django's base64 of the primary key. */
    private static final int MAX_UID = 12;

    @Override
    boolean[] befores(char c) {
        return WORD_END;
    }

    @Override
    int at(Scan scan, int slash) {
        String s = scan.text;
        if (!Chars.routeWord(s, slash, 14, NAMES)) {
            return slash + 1;
        }
        if (s.charAt(slash) == '?') {
            return query(scan, slash);
        }
        int start = slash + 1;
        int end = segmentEnd(s, start);
        if (end - start < MIN && end - start <= MAX_UID && end > start && end < s.length() && s.charAt(end) == '/') {
            start = end + 1;   // the user's id before the token
            end = segmentEnd(s, start);
        }
        if (end - start < MIN || end - start > MAX) {
            return slash + 1;
        }
        boolean dashed = Chars.indexOf(s, '-', start, end) >= 0;
        if (dashed ? timeAndHash(s, start, end) : Values.generated(s, start, end)) {
            scan.add(SecretKind.GENERIC_SECRET, start, end);
            return end;
        }
        return slash + 1;
    }

    /** The query's parameters that carry a reset link's secret: {@code ?email=…&code=286354}, {@code ?token=…}. */
    private static final String[] CODES = {"code", "token", "otp", "key"};

    /**
     * A reset route's query ({@code /reset-password?email=…&code=286354}, as an access log prints the link a mail sent):
     * the value of a parameter of {@link #CODES} goes, a one-time code's four to ten digits or a generated token; the
     * address beside it is the e-mail rules'. Returns where scanning goes on.
     */
    private static int query(Scan scan, int question) {
        String s = scan.text;
        int k = question + 1;
        while (k < s.length() && k - question <= MAX) {
            int eq = k;
            while (eq < s.length() && (Chars.alnum(s.charAt(eq)) || s.charAt(eq) == '_')) {
                eq++;
            }
            if (eq >= s.length() || s.charAt(eq) != '=') {
                break;
            }
            int end = eq + 1;
            while (end < s.length() && end - eq <= MAX && s.charAt(end) != '&' && s.charAt(end) != '#'
                    && !Chars.space(s.charAt(end)) && s.charAt(end) != '"' && s.charAt(end) != '\'') {
                end++;
            }
            if (Chars.isAny(s, k, eq, CODES) && (code(s, eq + 1, end) || Values.generated(s, eq + 1, end))) {
                scan.add(SecretKind.GENERIC_SECRET, eq + 1, end);
            }
            if (end >= s.length() || s.charAt(end) != '&') {
                break;
            }
            k = end + 1;
        }
        return question + 1;
    }

    /** Four to ten digits: a one-time code. */
    private static boolean code(String s, int start, int end) {
        if (end - start < 4 || end - start > 10) {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (!Chars.digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int segmentEnd(String s, int start) {
        int end = start;
        while (end < s.length() && end - start <= MAX && (Chars.alnum(s.charAt(end)) || s.charAt(end) == '-'
                || s.charAt(end) == '_')) {
            end++;
        }
        return end;
    }

    /** Django's PasswordResetTokenGenerator token: the time in base 36, a dash, and 20 or more hex digits of an HMAC. */
    private static boolean timeAndHash(String s, int start, int end) {
        int dash = Chars.indexOf(s, '-', start, end);
        if (dash <= start || dash - start > 8 || end - dash - 1 < MIN) {
            return false;
        }
        for (int k = start; k < dash; k++) {
            if (!Chars.alnum(s.charAt(k))) {
                return false;
            }
        }
        for (int k = dash + 1; k < end; k++) {
            if (!Chars.hex(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
