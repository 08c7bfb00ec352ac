package dev.healdesk.core.redact;

import java.util.Map;

/**
 * International bank account numbers: a country code, two check digits and the national account number, written
 * whole ({@code DE89370400440532013000}) or in groups of four ({@code DE89 3704 0044 0532 0130 00}). The length must
 * be the country's (ISO 13616 registry) and the mod-97 check must hold, which keeps order numbers, SKUs and other
 * capitalised codes out. Triggered by a capital letter; two capitals and two digits are checked before anything else.
 */
final class Ibans extends Detector {

    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24),
            Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22),
            Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LI", 21),
            Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24),
            Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TN", 24),
            Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VG", 24), Map.entry("XK", 20),
            // the registry's later members
            Map.entry("BI", 27), Map.entry("BY", 28), Map.entry("DJ", 27), Map.entry("FK", 18), Map.entry("IQ", 23),
            Map.entry("LC", 32), Map.entry("LY", 25), Map.entry("MN", 20), Map.entry("NI", 28), Map.entry("OM", 23),
            Map.entry("RU", 33), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("VA", 22));
    static final int MAX_LENGTH = 34;
    private static final boolean[] CAPITALS = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            CAPITALS[c] = true;
        }
    }

    /** A country code is two capitals. */
    @Override
    public boolean[] seconds(char c) {
        return CAPITALS;
    }

    /** Two capitals and two check digits start the word: four characters at least. */
    @Override
    public long wordLengths(char c) {
        return -1L << 4;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        if (i + 4 >= s.length() || !Chars.upper(s.charAt(i + 1)) || !Chars.digit(s.charAt(i + 2))
                || !Chars.digit(s.charAt(i + 3)) || Chars.joinedBefore(s, i)) {
            return scan.wordEnd(i);   // an IBAN starts a word; nothing else in this one is ours
        }
        Integer length = LENGTHS.get(s.substring(i, i + 2));
        if (length == null) {
            return i + 1;
        }
        char[] iban = new char[MAX_LENGTH];
        int n = 0;
        int j = i;
        boolean grouped = false;
        while (j < s.length() && n < length) {
            char c = s.charAt(j);
            if (Chars.digit(c) || Chars.upper(c)) {
                iban[n++] = c;
                j++;
            } else if (c == ' ' && n % 4 == 0 && n > 0 && (grouped || n == 4) && j + 1 < s.length()
                    && Chars.alnum(s.charAt(j + 1))) {
                grouped = true;
                j++;
            } else {
                break;
            }
        }
        if (n != length || Chars.joinedAt(s, j) || !mod97(iban, n)) {
            // no IBAN: perhaps a person's number after its country's letters, a Bulgarian VAT number (BG + EGN)
            return n < length && NationalIds.claim(scan, i, j) ? j : i + 1;
        }
        scan.add(SecretKind.IBAN, i, j);
        return j;
    }

    /** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end: 1 for a valid one. */
    private static boolean mod97(char[] iban, int n) {
        int rest = 0;
        for (int k = 0; k < n; k++) {
            char c = iban[(k + 4) % n];
            if (Chars.digit(c)) {
                rest = (rest * 10 + (c - '0')) % 97;
            } else {
                rest = (rest * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return rest == 1;
    }
}
