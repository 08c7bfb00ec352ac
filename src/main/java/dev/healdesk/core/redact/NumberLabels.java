package dev.healdesk.core.redact;

/**
 * A person's number after its label in prose, with no colon or equals sign between, as messages, fixtures and
 * assertion failures write it: {@code no customer with SSN 078051120}, {@code SSN# 123456789}, {@code social security
 * number 123 45 6789}, {@code passport 123456789}, {@code national id 12345678}, {@code ssn is 123456789}, and
 * {@code SSN: 123 45 6789}, whose blanks end the value a key-value rule reads. The label is read back from the number
 * over blanks, {@code #}, {@code :} or {@code =} and one "is" or "was", and must end in a word that ends such a label
 * (a person's number's name, or "number", "no", "id" after a qualifier: {@link KeyNames#labelsNumber}); the words that
 * make it one are {@link KeyNames#classify}'s. A US social security number needs nine digits and its valid shape (no
 * area 000, 666 or 9xx), another person's number {@link Judge#personalNumber}'s shape. {@code order id 12345678},
 * {@code room number 123456} and {@code build 123456789} stay: their words say nothing of a person. Called by
 * {@link Numbers} for a number it found nothing else in (a phone number by its label is {@link Numbers}' own).
 */
final class NumberLabels {

    /** How far back the label's words may reach from the number. */
    private static final int MAX_LABEL = 48;
    /** How many words the label may have: "social security number", "national insurance no". */
    private static final int MAX_WORDS = 4;

    private NumberLabels() {
    }

    /** Claims the number {@code s[start, end)} (digits, perhaps in groups) when its label names a person's number. */
    static boolean claim(Scan scan, int start, int end) {
        SecretKind kind = kind(scan, start, end);
        if (kind != null) {
            scan.add(kind, start, end);
        }
        return kind != null;
    }

    private static SecretKind kind(Scan scan, int start, int end) {
        if (end - start < 6 || start < 3) {
            return null;   // most numbers: too short for a person's
        }
        String s = scan.text;
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Chars.digit(s.charAt(i))) {
                digits++;
            }
        }
        if (digits < 6 || digits > 20 || start < 3) {
            return null;
        }
        int wordEnd = separatorsBefore(s, start);
        if (digits == end - start && ogrn(s, wordEnd, start, end)) {
            return SecretKind.NATIONAL_ID;
        }
        if (wordEnd == start || wordEnd == 0 || !Chars.alnum(s.charAt(wordEnd - 1))) {
            return null;
        }
        int wordStart = wordStart(s, wordEnd);
        if (Chars.is(s, wordStart, wordEnd, "is") || Chars.is(s, wordStart, wordEnd, "was")) {
            wordEnd = separatorsBefore(s, wordStart);
            if (wordEnd == wordStart || wordEnd == 0 || !Chars.alnum(s.charAt(wordEnd - 1))) {
                return null;
            }
            wordStart = wordStart(s, wordEnd);
        }
        if (digits == 9 && israeliId(s, wordStart, wordEnd, start, end)
                || digits >= 8 && digits <= 12 && digits == end - start && vatNumber(s, wordStart, wordEnd)) {
            return SecretKind.NATIONAL_ID;
        }
        if (!KeyNames.labelsNumber(scan.chars, wordStart, wordEnd)) {
            return null;
        }
        int from = joinedStart(s, wordStart, wordEnd);
        for (int words = 1; words <= MAX_WORDS; words++) {
            KeyNames.Key key = KeyNames.classify(scan, from, wordEnd);
            if (Judge.personal(key)) {
                return Judge.labelled(key, s, start, end);
            }
            int b = from;
            if (b < 2 || s.charAt(b - 1) != ' ' || !Chars.alnum(s.charAt(b - 2)) || wordEnd - b > MAX_LABEL) {
                return null;
            }
            from = joinedStart(s, wordStart(s, b - 1), wordEnd);
        }
        return null;
    }

    /**
     * Whether the number {@code s[start, end)} is an Israeli identity number under its short name {@code tz} (teudat
     * zehut) {@code s[wordStart, wordEnd)}, a key of its own ({@code 'tz': '…'}, {@code tz=…}): nine digits whose check
     * digit is right (Luhn's weights 1 2 1 2 … from the left). "tz" is a time zone's key far more often, but no time
     * zone is nine digits, and a random nine pass the check once in ten.
     */
    private static boolean israeliId(String s, int wordStart, int wordEnd, int start, int end) {
        return end - start == 9 && wordEnd - wordStart == 2 && Chars.is(s, wordStart, wordEnd, "tz")
                && (wordStart == 0 || !Chars.word(s.charAt(wordStart - 1)) && s.charAt(wordStart - 1) != '.'
                    && s.charAt(wordStart - 1) != '-')
                && Values.luhn(s, start, end);
    }

    /**
     * Russia's state registration numbers' names, in Cyrillic capitals (the sole trader's in Russian, ОГРНИП, and as
     * Ukrainian spells it, ОГРНІП) and in Latin letters.
     */
    private static final String[] OGRN = {"ОГРН", "ОГРНИП", "ОГРНІП", "OGRN", "OGRNIP"};

    /**
     * Whether the number {@code s[start, end)} is a Russian state registration number after its name, which ends at
     * {@code wordEnd} ({@code ОГРН 1027700132195}, {@code ОГРНИП: 304500116000157}): a company's (ОГРН) 13 digits whose
     * last is the first twelve's number mod 11, then mod 10; a sole trader's (ОГРНИП) 15 whose last is the first
     * fourteen's mod 13, then mod 10. The name stands alone (no letter before it); a random number under it passes once
     * in ten.
     */
    private static boolean ogrn(String s, int wordEnd, int start, int end) {
        int n = end - start;
        if (n != 13 && n != 15 || wordEnd == start) {
            return false;
        }
        boolean named = false;
        for (String w : OGRN) {
            int from = wordEnd - w.length();
            if (from >= 0 && s.regionMatches(true, from, w, 0, w.length())
                    && (from == 0 || !Character.isLetterOrDigit(s.charAt(from - 1)))) {
                named = w.length() == 4 ? n == 13 : n == 15;
                break;
            }
        }
        if (!named) {
            return false;
        }
        long body = Long.parseLong(s.substring(start, end - 1));
        return body % (n == 13 ? 11 : 13) % 10 == s.charAt(end - 1) - '0';
    }

    /**
     * Whether the number {@code s[start, end)} is a VAT identification number under a key of its own named {@code vat}
     * ({@code 'vat': '…'}, {@code "VAT": …}, {@code vat=…}), the number 8 to 12 digits with nothing between them (its
     * caller's test), as an EU country's VAT number has after its two letters. A VAT amount or rate under that key is a decimal or a few
     * digits ({@code 'vat': 19.0}, {@code "vat": 2150}); {@code total_vat} and {@code vat.amount} are other keys.
     */
    private static boolean vatNumber(String s, int wordStart, int wordEnd) {
        return wordEnd - wordStart == 3 && Chars.is(s, wordStart, wordEnd, "vat")
                && (wordStart == 0 || !Chars.word(s.charAt(wordStart - 1)) && s.charAt(wordStart - 1) != '.'
                    && s.charAt(wordStart - 1) != '-');
    }

    /**
     * Where the key name whose last word starts at {@code start} begins, its words joined by {@code _} or {@code -}
     * ({@code customer_tax_id}): such a name is judged whole, as a key-value rule judges it, so that order_id_number
     * is not taken for its last words' "id number". Words parted by blanks (prose) are added one at a time.
     */
    private static int joinedStart(String s, int start, int end) {
        int p = start;
        while (p >= 2 && (s.charAt(p - 1) == '_' || s.charAt(p - 1) == '-') && Chars.alnum(s.charAt(p - 2))
                && end - p <= MAX_LABEL) {
            p = wordStart(s, p - 1);
        }
        return p;
    }

    /** Where the blanks, quotes, {@code #}, {@code :} and {@code =} (at most six) before {@code i} begin. */
    private static int separatorsBefore(String s, int i) {
        int p = i;
        while (p > 0 && i - p < 6) {
            char c = s.charAt(p - 1);
            if (c != ' ' && c != '#' && c != ':' && c != '=' && c != '\t' && c != '"' && c != '\'' && c != '\\') {
                break;
            }
            p--;
        }
        return p;
    }

    private static int wordStart(String s, int end) {
        int p = end;
        while (p > 0 && end - p < KeyNames.MAX_LENGTH && Chars.alnum(s.charAt(p - 1))) {
            p--;
        }
        return p;
    }
}
