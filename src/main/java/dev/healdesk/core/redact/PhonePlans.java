package dev.healdesk.core.redact;

/**
 * Telephone numbers written in their country's own layout, without a {@code +}, a trunk prefix 0 or a label, where
 * they stand beside a person's e-mail address in one record: {@code "4,Gudrun Jonsdottir,677 7541,gudrun@…"} (a CSV
 * row a COPY error quotes), {@code region ignored text "jana@… 7921 9921"}. The closed numbering plans that write no
 * trunk prefix (from the ITU-T's national numbering plans) give the lengths and leading digits a number must fit:
 * Iceland 7 digits from 4-8; the Maldives 7 (3…, 6…, 7…, 9… as far as the plan's 3-8 reach); Bhutan's mobiles 8 (17…,
 * 77…); Estonia 7 or 8 (mobiles 5…); Latvia 8 (2…, 6…); Lithuania 8 (3-6…) or 9 with its old
 * trunk 8 ({@code 8 627 12028}); Malta 8 (2…, 7…, 9…); Cyprus 8 (2…, 9…); Singapore 8 (3…, 6…, 8…, 9…); Hong Kong 8
 * (2-9…); Luxembourg's mobiles 9 (6…); Peru's and Guinea-Bissau's mobiles 9 (9…); Equatorial Guinea 9 (2…, 3…, 5…,
 * written 3-3-3); Mozambique's mobiles 9 (82-87, {@code 84 232 5157});
 * France's mobiles without their 0 ({@code 6 64 84 53 98}); Mexico 10 since 2019, its two-digit metropolitan codes
 * written 2-4-4 ({@code 55 1870 6154}); and six digits, 3-3 or 2-2-2, as the closed plans of Andorra, the Faroe
 * Islands or Greenland write them, only as an address's contact pair ({@code jane@… / 317 282}).
 * Beside an address, or after a phone's word a few lines up (an assertion's field or message: {@code $got->{phone} =
 * '3606 2661'}, {@code customer.phone.should eq "5307 9471"}, {@code SmsGateway.send(9520 6631, …)}), where a number
 * grouped by dashes ({@code 7037-5255}) is read too. The number must be grouped by blanks as people write one (groups of 2 to 5 digits, not the thousands of an
 * amount, {@code 1 234 567}, nor a year's {@code 2024 0514}), stand alone in its field, and an e-mail address stand
 * within {@link #REACH} characters of it on the same line (or a phone's word stand before it, above); a count, a size or
 * an id with neither stays.
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
            case 7 -> first >= '3' && first <= '8';   // Iceland 4-8, Estonia's fixed lines 3-8, the Maldives 3, 6, 7
            // the Baltic states, Malta, Cyprus; Singapore 3, 6, 8, 9; Hong Kong 2-9; Bhutan's mobiles 17 and 77
            case 8 -> first >= '2' || first == '1' && s.charAt(g[0] + 1) == '7';
            case 9 -> first == '6' || first == '9'   // Luxembourg's and Peru's mobiles, Guinea-Bissau's 95/96
                    // Equatorial Guinea's closed plan, nine digits from 2, 3 or 5 (222, 333, 350, 551, 555…) written
                    // 3-3-3, as its operators print them
                    || (first == '2' || first == '3' || first == '5') && count == 3 && g[1] - g[0] == 3
                            && g[3] - g[2] == 3 && g[5] - g[4] == 3
                    || first == '8' && g[1] - g[0] == 1 && s.charAt(g[2]) == '6'   // Lithuania: 8 6xx xxxxx
                    // Mozambique's mobiles, 82 to 87 and seven digits, written 8X XXX XXXX
                    || first == '8' && g[1] - g[0] == 2 && s.charAt(g[0] + 1) >= '2' && s.charAt(g[0] + 1) <= '7';
            // Mexico's closed plan since 2019, ten digits and no trunk prefix: Mexico City's, Guadalajara's and
            // Monterrey's two-digit codes (55, 56, 33, 81) then 4-4, 55 1870 6154
            case 10 -> count == 3 && g[1] - g[0] == 2 && g[3] - g[2] == 4 && g[5] - g[4] == 4 && mexicoCity(s, g[0]);
            default -> false;
        };
    }

    /** Whether the two digits at {@code i} are one of Mexico's two-digit area codes: 55, 56, 33, 81. */
    private static boolean mexicoCity(String s, int i) {
        char a = s.charAt(i);
        char b = s.charAt(i + 1);
        return a == '5' && (b == '5' || b == '6') || a == '3' && b == '3' || a == '8' && b == '1';
    }

    /**
     * Two to five groups of 2 to 5 digits (a lone first digit: Lithuania's trunk 8, a French number's 6 without its
     * 0, {@code 6 64 84 53 98}), not an amount's thousands.
     */
    private static boolean grouped(int[] g, int count) {
        if (count < 2 || count > 5) {
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

    /**
     * Claims {@code s[i, end)} as a phone where it fits a plan and stands beside an e-mail address or after a phone's
     * word; {@code dashed}: grouped by dashes ({@code 7037-5255}), which ids and codes take too, so only after the word.
     */
    static boolean claim(Scan scan, int i, int end, int[] g, int count, boolean dashed) {
        String s = scan.text;
        if (!dashed && sixDigits(s, g, count) && alone(s, i, end) && contactPair(s, i, end)) {
            scan.add(SecretKind.PHONE, i, end);
            return true;
        }
        if (!grouped(g, count) || !planned(s, g, count) || !alone(s, i, end) || year(s, g)) {
            return false;
        }
        if ((dashed || !addressNear(s, i, end)) && (fraction(s, i) || !wordNear(scan, i))) {
            return false;
        }
        scan.add(SecretKind.PHONE, i, end);
        return true;
    }

    /** How far before the number a phone's word may stand, over a few lines: an assertion's message or field. */
    static final int WORD_REACH = 320;
    private static final String[] WORDS = {"phone", "mobile", "msisdn", "sms",
            // a receipt's or a signature's prose: "Call us: 952 256 870", "call us on", "call us at"
            "call us",
            // the word in the languages a localised validation message or fixture prints it in
            "telefon", "tel\u00e9fono", "t\u00e9l\u00e9phone", "telefoon", "cellulare", "celular", "m\u00f3vil", "handy",
            // Vietnamese: "điện thoại", "so_dien_thoai" as a form's field names it without its accents
            "thoai", "tho\u1ea1i"};

    /**
     * A phone's word ({@code phone}, {@code mobile}, {@code msisdn}, {@code sms}, prose's {@code call us}, in any case and inside a longer
     * name: {@code $got->{phone}}, {@code customer.phone.should eq}, {@code SmsGateway.send(}, a test named "normalises
     * phones", a table's column) within {@link #WORD_REACH} characters before the number (a name after it, {@code 302 4812
     * … SET "phone" =}, is another field's).
     */
    private static boolean wordNear(Scan scan, int start) {
        char[] c = scan.chars;
        int from = start - WORD_REACH;
        if (start < scan.phoneWordsTo) {
            // behind what was read already (a decoded scan, a detector that went back): read the reach alone
            for (int k = start - 1; k >= 0 && k >= from; k--) {
                if (word(scan.text, c, k)) {
                    return true;
                }
            }
            return false;
        }
        // candidates come in order along the text: the words between the last one and this one are read once
        for (int k = Math.max(0, Math.max(scan.phoneWordsTo, from)); k < start; k++) {
            if (word(scan.text, c, k)) {
                scan.phoneWordAt = k;
            }
        }
        scan.phoneWordsTo = start;
        return scan.phoneWordAt >= 0 && start - scan.phoneWordAt <= WORD_REACH;
    }

    /**
     * Whether a phone's word stands within {@link #WORD_REACH} characters before {@code i} ({@link #wordNear}), for a
     * number that {@link Numbers} reads as a phone only so.
     */
    static boolean afterWord(Scan scan, int i) {
        return !fraction(scan.text, i) && wordNear(scan, i);
    }

    /** A digit and a comma before the number: a time's fraction and what follows it ({@code 12:04:11,302 4812}). */
    private static boolean fraction(String s, int i) {
        return i > 1 && s.charAt(i - 1) == ',' && Chars.digit(s.charAt(i - 2));
    }

    private static boolean word(String s, char[] chars, int k) {
        char c = (char) (chars[k] | 0x20);
        if (c != 'p' && c != 'm' && c != 's' && c != 't' && c != 'c' && c != 'h' || k + 1 >= s.length()) {
            return false;
        }
        char d = (char) (chars[k + 1] | 0x20);
        if (!(c == 'p' && d == 'h' || c == 'm' && (d == 'o' || d == 's' || d == '\u00f3') || c == 's' && d == 'm'
                || c == 't' && (d == 'e' || d == '\u00e9' || d == 'h') || c == 'c' && (d == 'e' || d == 'a')
                || c == 'h' && d == 'a')) {
            return false;
        }
        if (c == 't' || c == 'c' || c == 'h') {
            // tel…, cel…, cal…, han…, tho…: a third letter first, as "test", "text", "case" and "has" are most of these
            // places
            char e = k + 2 < s.length() ? (char) (chars[k + 2] | 0x20) : 0;
            if (e != (c == 'h' ? 'n' : c == 't' && d == 'h' ? 'o' : 'l')) {
                return false;
            }
        }
        for (String w : WORDS) {
            if (w.charAt(0) == c && s.regionMatches(true, k, w, 0, w.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Six digits written 3-3 or 2-2-2, the first 2-9: the closed six-digit plans of small countries and territories
     * (Andorra's 3…, 6…, 7…, 8…, the Faroe Islands', Greenland's, New Caledonia's), read only as one half of a contact
     * pair ({@link #contactPair}), since counts and sizes are written so too.
     */
    private static boolean sixDigits(String s, int[] g, int count) {
        if (s.charAt(g[0]) < '2') {
            return false;
        }
        if (count == 2) {
            return g[1] - g[0] == 3 && g[3] - g[2] == 3;
        }
        return count == 3 && g[1] - g[0] == 2 && g[3] - g[2] == 2 && g[5] - g[4] == 2;
    }

    /**
     * Whether the number and an e-mail address are written as one contact, next to each other with one separator
     * between them ({@code jane@acme.ad / 317 282}, {@code 317 282, jane@acme.ad}, {@code | } or {@code ; }): a
     * person's address and phone, as a fixture, a log line or a table row lists them.
     */
    private static boolean contactPair(String s, int start, int end) {
        int k = start - 1;
        while (k >= 0 && s.charAt(k) == ' ') {
            k--;
        }
        if (k > 0 && "/,|;".indexOf(s.charAt(k)) >= 0) {
            int b = k - 1;
            while (b >= 0 && s.charAt(b) == ' ') {
                b--;
            }
            int w = b;
            while (w >= 0 && !Chars.space(s.charAt(w)) && b - w < 254) {
                if (s.charAt(w) == '@' && address(s, w)) {
                    return true;
                }
                w--;
            }
        }
        int a = end;
        while (a < s.length() && s.charAt(a) == ' ') {
            a++;
        }
        if (a < s.length() && "/,|;".indexOf(s.charAt(a)) >= 0) {
            int f = a + 1;
            while (f < s.length() && s.charAt(f) == ' ') {
                f++;
            }
            for (int w = f; w < s.length() && !Chars.space(s.charAt(w)) && w - f < 254; w++) {
                if (s.charAt(w) == '@' && address(s, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A first group of four digits 19xx or 20xx: a year and what follows it ({@code 2024 0514}), not a phone. */
    private static boolean year(String s, int[] g) {
        return g[1] - g[0] == 4 && (s.startsWith("19", g[0]) || s.startsWith("20", g[0]));
    }

    private static boolean alone(String s, int start, int end) {
        if (start > 0) {
            char b = s.charAt(start - 1);
            // and JUnit's expected: <…> but was: <…> around the value
            if (!(b == ' ' || b == '"' || b == '\'' || b == ',' || b == ';' || b == '|' || b == '\t' || b == '('
                    || b == '<')) {
                return false;
            }
        }
        if (end < s.length()) {
            char a = s.charAt(end);
            return a == ' ' || a == '"' || a == '\'' || a == ',' || a == ';' || a == '|' || a == '\t' || a == '\n'
                    || a == '\r' || a == ')' || a == '>'
                    || a == '<';   // an HTML element's text: <p>Call us: 952 256 870</p>
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
