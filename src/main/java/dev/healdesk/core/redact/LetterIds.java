package dev.healdesk.core.redact;

/**
 * National identity numbers written with letters among their digits, by a layout exact enough to stand without a name
 * beside them (in a table's cell under a column called {@code cf}, a CSV row, a fixture): Italy's codice fiscale
 * ({@code RSSMRA85T10A562S}: six letters of the name, the year, a month's letter of {@code ABCDEHLMPRST}, the day,
 * 41-71 for women, a place's letter and three digits, a check letter) and Mexico's CURP
 * ({@code GOMA850101HDFRRN09}: four letters, a date YYMMDD, the sex H, M or X, two letters of the state, three
 * consonants, a letter or digit and a check digit), and Spain's NIE ({@code Y1234567X}: X, Y or Z, seven digits and
 * a check letter, the number mod 23) and tax number of a legal person (NIF, formerly CIF: {@code B12345674}, the
 * kind's letter, seven digits and a Luhn control digit or letter), and India's GSTIN ({@code 27AAPFU0939F1ZV}: a state's two digits, the PAN's
 * five letters, four digits and a letter, the registration's count, Z and a mod-36 check character), and Austria's
 * UID ({@code ATU13585627}: the VAT number's ATU and eight digits, the last a check), and China's unified social credit
 * code ({@link #uscc}, two checks). Nine, eleven, fifteen, sixteen or
 * eighteen capitals and digits in exactly these places and a valid month and day or check are no word, hash or id of a
 * program's. And Germany's identity card number ({@code T220001293}: nine of its capitals and digits and an ICAO check
 * digit) after its label only ("Personalausweis", "ausweis", "idCard"). The whole word must stand alone, as
 * {@link NationalIds} asks. And a vehicle's VIN by its check digit ({@link #vin}). Triggered by a capital letter at a
 * word of 9, 10, 11, 16, 17 or 18 characters, or a digit at one of 15, 17 or 18.
 */
final class LetterIds extends Detector {

    private static final String MONTHS = "ABCDEHLMPRST";

    @Override
    public long wordLengths(char c) {
        return Chars.digit(c) ? 1L << 15 | 1L << 17 | 1L << 18
                : 1L << 9 | 1L << 10 | 1L << 11 | 1L << 16 | 1L << 17 | 1L << 18;
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        int end = scan.wordEnd(i);
        if (Chars.joinedBefore(s, i) || !alone(s, i, end)) {
            return end;
        }
        if (end - i == 16 && codiceFiscale(s, i) || end - i == 18 && (curp(s, i) || uscc(s, i))
                || end - i == 9 && (nie(s, i) || cif(s, i))
                || end - i == 15 && gstin(s, i) || end - i == 11 && austrianUid(s, i)
                || end - i == 10 && ausweis(s, i) && ausweisLabel(s, i)) {
            scan.add(SecretKind.NATIONAL_ID, i, end);
        } else if (end - i == 17 && vin(s, i)) {
            scan.add(SecretKind.NATIONAL_ID, i, end);   // as a VIN after its label goes (KeyNames)
        }
        return end;
    }

    private static boolean alone(String s, int start, int end) {
        char b = start > 0 ? s.charAt(start - 1) : ' ';
        char a = end < s.length() ? s.charAt(end) : ' ';
        // and JUnit's and AssertJ's expected: <…> but was: <…> around the value
        // and a JSON string's escaped quote after it (\"…\" in a JSON document held in another's string)
        return " \t\"',;|:=([{<>\n".indexOf(b) >= 0 && " \t\"',;|)]}<>\n\r\\".indexOf(a) >= 0;
    }

    /** LLLLLL DD L DD L DDD L, the month's letter one of {@link #MONTHS}, the day 1-31 or 41-71. */
    private static boolean codiceFiscale(String s, int i) {
        return upper(s, i, 6) && digits(s, i + 6, 2) && MONTHS.indexOf(s.charAt(i + 8)) >= 0 && digits(s, i + 9, 2)
                && day(number(s, i + 9, 2) % 40) && upper(s, i + 11, 1) && digits(s, i + 12, 3) && upper(s, i + 15, 1);
    }

    /** LLLL YYMMDD [HMX] LL LLL [L or D] D, the month 1-12 and the day 1-31. */
    private static boolean curp(String s, int i) {
        char sex = s.charAt(i + 10);
        char sixteenth = s.charAt(i + 16);
        int month = digits(s, i + 4, 6) ? number(s, i + 6, 2) : 0;
        return upper(s, i, 4) && month >= 1 && month <= 12 && day(number(s, i + 8, 2))
                && (sex == 'H' || sex == 'M' || sex == 'X') && upper(s, i + 11, 5)
                && (Chars.upper(sixteenth) || Chars.digit(sixteenth)) && Chars.digit(s.charAt(i + 17));
    }

    /**
     * Spain's NIE (número de identidad de extranjero, Ministerio del Interior, Orden INT/2058/2008): X, Y or Z, seven
     * digits and a check letter, {@code TRWAGMYFPDXBNJZSQVHLCKE} at the number mod 23 read with X as 0, Y as 1 and Z as
     * 2; a word of nine so made is no id of a program's (one of 23 such words passes the letter).
     */
    private static boolean nie(String s, int i) {
        int lead = "XYZ".indexOf(s.charAt(i));
        if (lead < 0 || !digits(s, i + 1, 7) || !Chars.upper(s.charAt(i + 8))) {
            return false;
        }
        int n = lead * 10_000_000 + number(s, i + 1, 7);
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23) == s.charAt(i + 8);
    }

    /**
     * Spain's NIF of a legal person (the former CIF; Agencia Tributaria, Real Decreto 1065/2007 and Orden EHA/451/2008):
     * the kind of body's letter ({@code ABCDEFGHJNPQRSUVW}), seven digits (the first two the province's, never 00) and a
     * control, the Luhn complement over the seven (the odd places doubled), written as a digit after A, B, E and H, as a
     * letter of {@code JABCDEFGHI} after K, P, Q, S, N, W (and R), either after the others; one such word in ten
     * passes, in a word of nine that only this layout takes (a capital and eight digits, or seven and a capital).
     */
    private static boolean cif(String s, int i) {
        char kind = s.charAt(i);
        char control = s.charAt(i + 8);
        if ("ABCDEFGHJNPQRSUVW".indexOf(kind) < 0 || !digits(s, i + 1, 7) || number(s, i + 1, 2) == 0) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 7; k++) {
            int v = (s.charAt(i + 1 + k) - '0') * (k % 2 == 0 ? 2 : 1);
            sum += v / 10 + v % 10;
        }
        int c = (10 - sum % 10) % 10;
        boolean digit = control == (char) ('0' + c);
        boolean letter = control == "JABCDEFGHI".charAt(c);
        return "ABEH".indexOf(kind) >= 0 ? digit : "KPQSNWR".indexOf(kind) >= 0 ? letter : digit || letter;
    }

    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /**
     * India's GSTIN (CBIC, GST Rules 2017, rule 10): DD LLLLL DDDD L C Z K, the state's code (01-38, 97, 99), the
     * holder's PAN (five letters, four digits, a letter), the registration's count in the state (1-9, then A-Z), a
     * fixed Z, and K the Luhn mod 36 check over the fourteen before it (each character's place in 0-9A-Z, every second
     * doubled, the product's two base-36 digits summed); one in 36 such words passes the check.
     */
    private static boolean gstin(String s, int i) {
        int state = digits(s, i, 2) ? number(s, i, 2) : 0;
        if (!(state >= 1 && state <= 38 || state == 97 || state == 99) || !upper(s, i + 2, 5) || !digits(s, i + 7, 4)
                || !upper(s, i + 11, 1) || BASE36.indexOf(s.charAt(i + 12)) < 1 || s.charAt(i + 13) != 'Z') {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 14; k++) {
            int v = BASE36.indexOf(s.charAt(i + k)) * (k % 2 == 0 ? 1 : 2);
            sum += v / 36 + v % 36;
        }
        int check = BASE36.indexOf(s.charAt(i + 14));
        return check >= 0 && (36 - sum % 36) % 36 == check;
    }

    /**
     * Austria's UID (Umsatzsteuer-Identifikationsnummer, BMF): the VAT number's {@code ATU} and eight digits, the last
     * (10 - (4 + S) mod 10) mod 10, S the sum of the first, third, fifth and seventh digits and of the digit sums of the
     * second, fourth and sixth doubled. One in ten such words passes the check; the fixed ATU before eight digits is
     * what ids, SKUs and hashes do not take.
     */
    private static boolean austrianUid(String s, int i) {
        if (!s.startsWith("ATU", i) || !digits(s, i + 3, 8)) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 7; k++) {
            int d = s.charAt(i + 3 + k) - '0';
            sum += k % 2 == 0 ? d : 2 * d / 10 + 2 * d % 10;
        }
        return (10 - (4 + sum) % 10) % 10 == s.charAt(i + 10) - '0';
    }

    /** A VIN's characters (no I, O or Q: ISO 3779) and each one's value in its check (49 CFR 565.15). */
    /** The 31 characters of China's unified social credit code, I, O, S, V and Z left out, in their values' order. */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** The weights of the code's 17 characters before its check, 3 to the power of the place, mod 31. */
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** The weights of an organisation code's 8 characters before its check (GB 11714). */
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /**
     * China's unified social credit code (统一社会信用代码, GB 32100-2015), the id of every company, institution and
     * sole trader ({@code 91350100M000100Y43}): the registering authority's and the kind's characters, the six digits
     * of an administrative division (its province 11 to 82), the nine characters of the organisation code, whose last
     * is its own check (GB 11714: the weights {@link #ORG_WEIGHTS}, 11 - the sum mod 11, 10 written X and 11 as 0),
     * and a check character over the 17 before it: 31 - the weighted sum ({@link #USCC_WEIGHTS}) mod 31, as a value of
     * {@link #USCC_CHARS}. Two checks and a province pass about one in 700 of such words, so it stands without its
     * label ("uscc", "统一社会信用代码") as the other ids here do.
     */
    static boolean uscc(String s, int i) {
        int province = digits(s, i + 2, 6) ? number(s, i + 2, 2) : 0;
        if (province < 11 || province > 82 || USCC_CHARS.indexOf(s.charAt(i)) < 0
                || USCC_CHARS.indexOf(s.charAt(i + 1)) < 0) {
            return false;
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            int v = USCC_CHARS.indexOf(s.charAt(i + k));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[k];
        }
        if (USCC_CHARS.charAt((31 - sum % 31) % 31) != s.charAt(i + 17)) {
            return false;
        }
        int org = 0;
        for (int k = 0; k < 8; k++) {
            char c = s.charAt(i + 8 + k);
            org += (Chars.digit(c) ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[k];
        }
        int check = 11 - org % 11;
        char orgCheck = s.charAt(i + 16);
        return check == 10 ? orgCheck == 'X' : check == 11 ? orgCheck == '0' : orgCheck == (char) ('0' + check);
    }

    private static final String VIN_CHARS = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String VIN_VALUES = "012345678912345678123457923456789";
    private static final int[] VIN_WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

    /**
     * A vehicle's identification number (ISO 3779; the check of 49 CFR 565.15): seventeen capitals and digits with no
     * I, O or Q, the last four digits (the serial's), a letter among the first eleven (the maker's code, the model's
     * and the year's), and the ninth the check: the weighted sum of the letters' and digits' values mod 11, 10 written
     * X ({@code 1HGCM82633A004352}). It names one car and through it its owner, as a test's parameter or fixture prints
     * it ({@code test_vin_lookup[1HGCM82633A004352]}). One such word in eleven passes the check, and a program's ids
     * and hashes seldom have the layout (a digest is 16, 32 or 40 long; a key mixes small letters in). A VIN made
     * without the check (as some European makers' are) is left to its label ({@link KeyNames}).
     */
    static boolean vin(String s, int i) {
        if (!digits(s, i + 13, 4)) {
            return false;
        }
        int sum = 0;
        boolean letter = false;
        for (int k = 0; k < 17; k++) {
            int at = VIN_CHARS.indexOf(s.charAt(i + k));
            if (at < 0) {
                return false;
            }
            letter |= at >= 10 && k < 11;
            sum += (VIN_VALUES.charAt(at) - '0') * VIN_WEIGHTS[k];
        }
        char check = s.charAt(i + 8);
        return letter && (sum % 11 == 10 ? check == 'X' : check == (char) ('0' + sum % 11));
    }

    /** The characters of a German identity card's number: digits and the capitals no vowel or 0-like letter is. */
    private static final String AUSWEIS = "0123456789CFGHJKLMNPRTVWXYZ";
    /** How far before the number its label's last letter may stand: blanks, quotes, a colon or an equals sign. */
    private static final int LABEL_GAP = 6;

    /**
     * Germany's identity card number (Personalausweis, since 2010): a capital of {@link #AUSWEIS}, eight more of them,
     * and the ICAO 9303 check digit (weights 7, 3, 1 repeating, a letter worth 10 for A to 35 for Z, the sum mod 10):
     * {@code T220001293}. A random word of ten capitals and digits passes once in ten, so it goes only after its label
     * ({@link #ausweisLabel}).
     */
    private static boolean ausweis(String s, int i) {
        if (!Chars.upper(s.charAt(i)) || !Chars.digit(s.charAt(i + 9))) {
            return false;
        }
        int[] weights = {7, 3, 1};
        int sum = 0;
        for (int k = 0; k < 9; k++) {
            char c = s.charAt(i + k);
            if (AUSWEIS.indexOf(c) < 0) {
                return false;
            }
            sum += (Chars.digit(c) ? c - '0' : c - 'A' + 10) * weights[k % 3];
        }
        return sum % 10 == s.charAt(i + 9) - '0';
    }

    /**
     * Whether an identity card's name stands right before {@code i}, past blanks, quotes, a colon or an equals sign:
     * a word that ends in German's "ausweis" ({@code Personalausweis}, {@code Steuer-Ausweis}, {@code 'ausweis': '…'})
     * or is "Ausweisnummer" or "Ausweisnr", or English's "id card" joined or not ({@code idCard}, {@code id_card},
     * {@code "ID card": …}).
     */
    private static boolean ausweisLabel(String s, int i) {
        int e = i;
        while (e > 0 && i - e < LABEL_GAP && " \t\"':=#".indexOf(s.charAt(e - 1)) >= 0) {
            e--;
        }
        int w = e;
        while (w > 0 && e - w < 32 && Chars.letter(s.charAt(w - 1))) {
            w--;
        }
        if (e == i || e - w < 4 || w > 0 && Chars.digit(s.charAt(w - 1))) {
            return false;
        }
        String word = s.substring(w, e).toLowerCase(java.util.Locale.ROOT);
        if (word.endsWith("ausweis") || word.endsWith("ausweisnummer") || word.endsWith("ausweisnr")
                || word.equals("idcard")) {
            return true;
        }
        return word.equals("card") && w >= 3 && " _-".indexOf(s.charAt(w - 1)) >= 0
                && (s.charAt(w - 2) | 0x20) == 'd' && (s.charAt(w - 3) | 0x20) == 'i'
                && (w == 3 || !Chars.letter(s.charAt(w - 4)));
    }

    private static boolean day(int d) {
        return d >= 1 && d <= 31;
    }

    private static boolean upper(String s, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (!Chars.upper(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int from, int n) {
        for (int k = from; k < from + n; k++) {
            if (!Chars.digit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int n) {
        int v = 0;
        for (int k = from; k < from + n; k++) {
            v = v * 10 + s.charAt(k) - '0';
        }
        return v;
    }
}
