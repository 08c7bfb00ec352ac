package dev.healdesk.core.redact;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * National identity numbers by their printed layout and their country's checks, from the table {@value #RESOURCE}
 * (kept as data, like {@link RuleTable}'s): South Africa's id, Norway's fodselsnummer, Sweden's personnummer, Poland's
 * PESEL, Brazil's CPF, Belgium's national number, Turkey's T.C. Kimlik No, Korea's resident registration number,
 * France's NIR, Canada's SIN; Estonia's and Lithuania's personal codes, Latvia's personas kods, Iceland's kennitala,
 * the JMBG (EMŠO), the Czech and Slovak birth number, Uruguay's cédula, Pakistan's CNIC, Thailand's id (1-4-5-2-1 with
 * dashes), the NHS number (3 3 4 with blanks), Kazakhstan's IIN and a Bulgarian VAT number (BG + EGN, read by
 * {@link Ibans} at its letters); Switzerland's AHV number, Argentina's CUIT and Peru's RUC, Colombia's NIT, Australia's ABN,
 * Poland's NIP and France's SIRET; Belgium's enterprise number (4.3.3 with dots), Switzerland's UID ({@code CHE-} and
 * 3.3.3, found by {@link Numbers} behind its prefix), Italy's partita IVA and France's VAT number (after {@code IT} and
 * {@code FR}, read by {@link Ibans}) and Sweden's organisationsnummer (6-4, its third digit no month's); the VAT numbers of
 * Malta, Luxembourg, Slovakia, Latvia, Estonia, Bulgaria (BG + EIK) and Cyprus (eight digits and a check letter, the
 * layout's {@code L}), Germany (USt-IdNr.), the Netherlands (btw-id, the RSIN's and the 2020 one's), Romania (CUI)
 * and the United Kingdom (both schemes), after their country's letters, read by {@link Ibans}.
 * A number goes where it stands alone as a field's value ({@code
 * "id_no": "…"}, a CSV or table cell, a bound parameter, a fixture's quoted string) with no name that says what it is,
 * and passes every check of one entry; most ids, order numbers and timestamps of the same length fail them (the table
 * holds only numbers whose checks a random number passes about once in fifty or less, or whose printed layout ids do
 * not take). Called by {@link Numbers} for a number it found nothing else in.
 */
final class NationalIds {

    static final String RESOURCE = "national-ids.json";
    private static final Entry[][] BY_LENGTH = load();

    private NationalIds() {
    }

    /** One layout of an id with its checks; its first {@code literal} characters stand for themselves, D too. */
    private record Entry(String id, String layout, int literal, Check[] checks) {
    }

    /** One check over the id's digits (separators left out). */
    private record Check(String kind, String form, int at, int from, int mod, int[] weights, int[] offsets,
                         String values, int body, String[] prefixes, boolean dayOffsets, int[] retry, int target,
                         int[] odd) {
    }

    private static Entry[][] load() {
        JsonNode root = RuleTable.resource(RESOURCE);
        List<List<Entry>> byLength = new ArrayList<>();
        for (JsonNode id : root.get("ids")) {
            List<Check> checks = new ArrayList<>();
            for (JsonNode c : id.get("checks")) {
                checks.add(check(c));
            }
            // a prefix of letters the layout's D would misread, Germany's DE: the layout follows it
            String prefix = id.path("prefix").asText("");
            for (JsonNode layout : id.get("layouts")) {
                String l = prefix + layout.asText();
                while (byLength.size() <= l.length()) {
                    byLength.add(new ArrayList<>());
                }
                byLength.get(l.length()).add(new Entry(id.get("id").asText(), l, prefix.length(),
                        checks.toArray(new Check[0])));
            }
        }
        Entry[][] table = new Entry[byLength.size()][];
        for (int n = 0; n < table.length; n++) {
            table[n] = byLength.get(n).toArray(new Entry[0]);
        }
        return table;
    }

    private static Check check(JsonNode c) {
        String kind = c.get("check").asText();
        int[] weights = ints(c.get("weights"));
        boolean days = c.has("dayOffsets");
        int[] offsets = ints(days ? c.get("dayOffsets") : c.get("monthOffsets"));
        String[] prefixes = null;
        if (c.has("prefixes")) {
            prefixes = new String[c.get("prefixes").size()];
            for (int k = 0; k < prefixes.length; k++) {
                prefixes[k] = c.get("prefixes").get(k).asText();
            }
        }
        Check check = new Check(kind, c.path("form").asText(""), c.path("at").asInt(0), c.path("from").asInt(0),
                c.path("mod").asInt(0), weights, offsets == null ? new int[] {0} : offsets, c.path("values").asText(""),
                c.path("body").asInt(0), prefixes, days, ints(c.get("retry")), c.path("target").asInt(0),
                ints(c.get("odd")));
        switch (kind) {
            case "luhn", "weighted", "sum", "mod97", "key97", "date", "digit", "letter", "mod11-10", "iso7064-97" -> {
                return check;
            }
            default -> throw new IllegalStateException(RESOURCE + ": unknown check " + kind);
        }
    }

    private static int[] ints(JsonNode a) {
        if (a == null) {
            return null;
        }
        int[] v = new int[a.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = a.get(k).asInt();
        }
        return v;
    }

    /**
     * Claims {@code s[start, end)} when it stands alone as a field's value and is a national identity number of the
     * table, by layout and checks.
     */
    static boolean claim(Scan scan, int start, int end) {
        String s = scan.text;
        int length = end - start;
        if (length >= BY_LENGTH.length || BY_LENGTH[length].length == 0 || !alone(s, start, end)) {
            return false;
        }
        int[] digits = null;
        for (Entry e : BY_LENGTH[length]) {
            if (!fits(s, start, e.layout, e.literal)) {
                continue;
            }
            if (digits == null) {
                digits = digits(s, start, end);
            }
            if (passes(digits, s, start, end, e.checks)) {
                scan.add(SecretKind.NATIONAL_ID, start, end);
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the number stands alone as a value: after the start of a line, a blank, a quote (a backquote too), a
     * delimiter, a key's sign or an opening angle bracket, and before its end, a blank, a quote (escaped too), a
     * delimiter or a closing bracket; not in a path, a
     * URL's query, a version or a word.
     */
    private static boolean alone(String s, int start, int end) {
        if (start > 0) {
            char b = s.charAt(start - 1);
            if (!(b == ' ' || b == '\t' || b == '"' || b == '\'' || b == ',' || b == ';' || b == '|' || b == ':'
                    || b == '=' || b == '(' || b == '[' || b == '{' || b == '>' || b == '\n'
                    || b == '<'   // JUnit's and Hamcrest's expected: <…> but was: <…>
                    || b == '`')) {   // a backquoted value: Beego ORM's args, `wang.fang`, `…`; a Markdown code span
                return false;
            }
        }
        if (end < s.length()) {
            char a = s.charAt(end);
            return a == ' ' || a == '\t' || a == '"' || a == '\'' || a == ',' || a == ';' || a == '|' || a == ')'
                    || a == ']' || a == '}' || a == '<' || a == '>' || a == '\n' || a == '\r' || a == '`'
                    || a == '\\';   // a JSON string's escaped quote: \"…\" in a document held in another's string
        }
        return true;
    }

    private static boolean fits(String s, int start, String layout, int literal) {
        for (int k = 0; k < layout.length(); k++) {
            char l = layout.charAt(k);
            char c = s.charAt(start + k);
            if (k < literal ? c != l : l == 'D' ? !Chars.digit(c) : l == 'L' ? !Chars.upper(c) : c != l) {
                return false;
            }
        }
        return true;
    }

    private static int[] digits(String s, int start, int end) {
        int n = 0;
        for (int k = start; k < end; k++) {
            n += Chars.digit(s.charAt(k)) ? 1 : 0;
        }
        int[] d = new int[n];
        n = 0;
        for (int k = start; k < end; k++) {
            if (Chars.digit(s.charAt(k))) {
                d[n++] = s.charAt(k) - '0';
            }
        }
        return d;
    }

    /**
     * Whether the digits {@code d} of the id {@code s[start, end)} pass every check (its last character read where a
     * letter, its letters where the whole is checked).
     */
    private static boolean passes(int[] d, String s, int start, int end, Check[] checks) {
        char last = s.charAt(end - 1);
        for (Check c : checks) {
            boolean ok = switch (c.kind) {
                case "luhn" -> luhn(d, c.from < 0 ? d.length + c.from : c.from);
                case "weighted" -> weighted(d, c);
                case "sum" -> Math.floorMod(sum(d, c.weights), c.mod) == c.target;   // Australia's ABN
                case "mod97" -> mod97(d, c);
                case "key97" -> frenchKey(d);
                case "date" -> date(d, c);
                case "letter" -> letter(d, last, c);
                case "mod11-10" -> mod1110(d, c.at);   // Germany's USt-IdNr
                case "iso7064-97" -> iso706497(s, start, end);   // the Netherlands' btw-id since 2020
                default -> c.values.indexOf((char) ('0' + d[c.at])) >= 0;   // digit
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean luhn(int[] d, int from) {
        int sum = 0;
        boolean twice = false;
        for (int k = d.length - 1; k >= from; k--) {
            int v = d[k];
            if (twice) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static boolean weighted(int[] d, Check c) {
        int r = Math.floorMod(sum(d, c.weights), c.mod);
        if (r == 10 && c.retry != null) {
            r = Math.floorMod(sum(d, c.retry), c.mod) % 10;   // Estonia's and Lithuania's second pass, then 0
        }
        int expected = switch (c.form) {
            case "rest" -> r;
            case "rest-zero" -> r % 10;
            case "target" -> Math.floorMod(c.target - r, c.mod);
            case "complement" -> (c.mod - r) % c.mod;
            case "complement-zero" -> r < 2 ? 0 : c.mod - r;
            case "complement-keep" -> r < 2 ? r : c.mod - r;   // Colombia's NIT
            default -> (c.mod - r) % 10;   // complement10
        };
        return expected < 10 && d[c.at] == expected;
    }

    /**
     * A check letter after the digits: the digits at odd places (the first, third, …) through the {@code odd} table, the
     * others as they are, summed mod {@code mod}, name the letter ({@code 0} A, {@code 1} B, …): Cyprus's VAT number.
     */
    private static boolean letter(int[] d, char last, Check c) {
        int sum = 0;
        for (int k = 0; k < d.length; k++) {
            sum += k % 2 == 0 ? c.odd[d[k]] : d[k];
        }
        return last == (char) ('A' + sum % c.mod);
    }

    private static int sum(int[] d, int[] weights) {
        int sum = 0;
        for (int k = 0; k < weights.length; k++) {
            sum += weights[k] * d[k];
        }
        return sum;
    }

    private static boolean mod97(int[] d, Check c) {
        int check = d[c.body] * 10 + d[c.body + 1];
        for (String prefix : c.prefixes) {
            long v = 0;
            for (int k = 0; k < prefix.length(); k++) {
                v = v * 10 + prefix.charAt(k) - '0';
            }
            for (int k = 0; k < c.body; k++) {
                v = (v * 10 + d[k]) % 97;
            }
            if (97 - v % 97 == check) {
                return true;
            }
        }
        return false;
    }

    /** France's VAT key: the first two digits are (12 + 3 × (the SIREN after them mod 97)) mod 97. */
    private static boolean frenchKey(int[] d) {
        long siren = 0;
        for (int k = 2; k < d.length; k++) {
            siren = siren * 10 + d[k];
        }
        return (12 + 3 * (siren % 97)) % 97 == d[0] * 10 + d[1];
    }

    /**
     * ISO 7064 MOD 11,10 (a hybrid system, as Germany's USt-IdNr. takes it): over the digits before {@code at}, a product
     * of 10 and each digit's (sum mod 10, 0 read as 10) doubled mod 11; the check digit brings the last product to 1.
     */
    private static boolean mod1110(int[] d, int at) {
        int product = 10;
        for (int k = 0; k < at; k++) {
            int sum = (d[k] + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }
        return (11 - product) % 10 == d[at];
    }

    /**
     * ISO 7064 MOD 97-10 over the whole id, as an IBAN's check is read: each letter as two digits (A 10 to Z 35), each
     * digit as it is, the number 1 mod 97; what separates the groups is left out. The Netherlands' btw-id of 2020:
     * NL000099998B57 reads 2321000099998 11 57, 1 mod 97.
     */
    private static boolean iso706497(String s, int start, int end) {
        int r = 0;
        for (int k = start; k < end; k++) {
            char c = s.charAt(k);
            if (Chars.digit(c)) {
                r = (r * 10 + c - '0') % 97;
            } else if (Chars.upper(c)) {
                r = (r * 100 + c - 'A' + 10) % 97;
            }
        }
        return r == 1;
    }

    private static boolean date(int[] d, Check c) {
        int at = c.at < 0 ? d.length + c.at : c.at;
        boolean dayFirst = c.form.startsWith("DD");
        int day = dayFirst ? d[at] * 10 + d[at + 1] : d[at + 4] * 10 + d[at + 5];
        int month = d[at + 2] * 10 + d[at + 3];
        for (int offset : c.offsets) {
            int dd = c.dayOffsets ? day - offset : day;
            int mm = c.dayOffsets ? month : month - offset;
            if (mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) {
                return true;
            }
        }
        return false;
    }
}
