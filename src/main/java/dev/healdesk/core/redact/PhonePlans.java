package dev.healdesk.core.redact;

/**
 * Telephone numbers written in their country's own layout, without a {@code +}, a trunk prefix 0 or a label, where
 * they stand beside a person's e-mail address in one record: {@code "4,Gudrun Jonsdottir,677 7541,gudrun@…"} (a CSV
 * row a COPY error quotes), {@code region ignored text "jana@… 7921 9921"}. The closed numbering plans that write no
 * trunk prefix (from the ITU-T's national numbering plans) give the lengths and leading digits a number must fit:
 * Iceland 7 digits from 4-8; Estonia 7 or 8 (mobiles 5…); Latvia 8 (2…, 6…); Lithuania 8 (3-6…) or 9 with its old
 * trunk 8 ({@code 8 627 12028}); Malta 8 (2…, 7…, 9…); Cyprus 8 (2…, 9…); Luxembourg's mobiles 9 (6…); Peru's mobiles
 * 9 (9…). The number must be grouped by blanks as people write one (groups of 2 to 5 digits, not the thousands of an
 * amount, {@code 1 234 567}, nor a year's {@code 2024 0514}), stand alone in its field, and an e-mail address stand
 * within {@link #REACH} characters of it on the same line; a count, a size or an id in a line with no address stays.
 * Called by {@link Numbers} for a blank-grouped number it found nothing else in.
 */
final class PhonePlans {

    /** How far from the number, on its line, the e-mail address may stand. */
    static final int REACH = 100;

    private PhonePlans() {
    }

    /** Whether the leading digit and the length fit a plan above; {@code trunk8}: Lithuania's old trunk 8 first. */
    private static boolean planned(String s, int[] g, int count) {
        int digits = 0;
        for (int k = 0; k < count; k++) {
            digits += g[2 * k + 1] - g[2 * k];
        }
        char first = s.charAt(g[0]);
        return switch (digits) {
            case 7 -> first >= '3' && first <= '8';   // Iceland 4-8, Estonia's fixed lines 3-8
            case 8 -> first >= '2' && first <= '7' || first == '9';   // the Baltic states, Malta, Cyprus
            case 9 -> first == '6' || first == '9'   // Luxembourg's and Peru's mobiles
                    || first == '8' && g[1] - g[0] == 1 && s.charAt(g[2]) == '6';   // Lithuania: 8 6xx xxxxx
            default -> false;
        };
    }

    /** Groups of 2 to 5 digits (Lithuania's trunk 8 alone first), not an amount's thousands. */
    private static boolean grouped(int[] g, int count) {
        if (count < 2 || count > 4) {
            return false;
        }
        boolean thousands = g[1] - g[0] < 3;   // 1 234 567, 12 345 678 (3-3-3 is how Peru and Luxembourg write mobiles)
        for (int k = 0; k < count; k++) {
            int len = g[2 * k + 1] - g[2 * k];
            if ((len < 2 || len > 5) && !(k == 0 && len == 1)) {
                return false;
            }
            thousands &= k == 0 || len == 3;
        }
        return !thousands;
    }

    /** Claims {@code s[i, end)} as a phone where it fits a plan and stands beside an e-mail address. */
    static boolean claim(Scan scan, int i, int end, int[] g, int count) {
        String s = scan.text;
        if (!grouped(g, count) || !planned(s, g, count) || !alone(s, i, end) || year(s, g)) {
            return false;
        }
        if (!addressNear(s, i, end)) {
            return false;
        }
        scan.add(SecretKind.PHONE, i, end);
        return true;
    }

    /** A first group of four digits 19xx or 20xx: a year and what follows it ({@code 2024 0514}), not a phone. */
    private static boolean year(String s, int[] g) {
        return g[1] - g[0] == 4 && (s.startsWith("19", g[0]) || s.startsWith("20", g[0]));
    }

    private static boolean alone(String s, int start, int end) {
        if (start > 0) {
            char b = s.charAt(start - 1);
            if (!(b == ' ' || b == '"' || b == '\'' || b == ',' || b == ';' || b == '|' || b == '\t')) {
                return false;
            }
        }
        if (end < s.length()) {
            char a = s.charAt(end);
            return a == ' ' || a == '"' || a == '\'' || a == ',' || a == ';' || a == '|' || a == '\t' || a == '\n'
                    || a == '\r';
        }
        return true;
    }

    /** An {@code @} between a letter or digit and a letter, on the number's line, within {@link #REACH} of it. */
    private static boolean addressNear(String s, int start, int end) {
        for (int k = start - 1; k > 0 && start - k <= REACH && s.charAt(k) != '\n'; k--) {
            if (s.charAt(k) == '@' && address(s, k)) {
                return true;
            }
        }
        for (int k = end; k + 1 < s.length() && k - end <= REACH && s.charAt(k) != '\n'; k++) {
            if (s.charAt(k) == '@' && address(s, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean address(String s, int at) {
        return at > 0 && at + 1 < s.length() && Chars.alnum(s.charAt(at - 1)) && Chars.letter(s.charAt(at + 1));
    }
}
