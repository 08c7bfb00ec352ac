package dev.healdesk.core.redact;

/**
 * What a test tool types into a page, judged by its shape where nothing on its line names the field: a Playwright call
 * log's {@code elementHandle.fill("…")} lines after a {@code waiting for selector} line that named the field, or none at
 * all. Typed text is mostly a name, a search, an e-mail address or a number; a password is a run without blanks that
 * mixes letters with digits and signs or capitals, the shape sites ask for, and that shape is what goes.
 */
final class Typed {

    /** Shorter typed values are codes, counts and words. */
    static final int MIN_LENGTH = 8;

    private Typed() {
    }

    /**
     * Whether {@code s[start, end)} has a password's shape: {@value #MIN_LENGTH} characters or more, no blank, a small
     * letter and a digit, and a sign (not {@code - _ . ' @}) or a capital ({@link Values#passwordLike}, which also leaves
     * paths, URLs, e-mail addresses and error codes). So {@code Summer2024!} and {@code vdCQgmjmC9B1} go;
     * {@code john.doe}, {@code testuser1}, {@code New York}, {@code 12345678}, {@code SKU-1234} and {@code order 66} stay.
     */
    static boolean secretShaped(String s, int start, int end) {
        if (end - start < MIN_LENGTH || end > s.length()) {
            return false;
        }
        boolean digit = false;
        boolean lower = false;
        boolean upper = false;
        boolean sign = false;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Chars.space(c) || c == '\\') {
                return false;
            }
            digit |= Chars.digit(c);
            lower |= Chars.lower(c);
            upper |= Chars.upper(c);
            sign |= !Chars.alnum(c) && "-_.'@".indexOf(c) < 0;
        }
        return digit && lower && (sign || upper) && Values.passwordLike(s, start, end);
    }
}
