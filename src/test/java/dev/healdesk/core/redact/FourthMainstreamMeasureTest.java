package dev.healdesk.core.redact;

import dev.healdesk.core.redact.Fakes.Fake;
import dev.healdesk.core.redact.SecondMainstreamMeasureTest.Case;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fourth outside measure of issue #14 (redact41), mixed as an outside measurer would mix it
 * ({@code /redaction/outside-mainstream-4.txt}): about half failing-test output of web, back-end and mobile stacks whose
 * tools none of the earlier measures' files nor the collections' have (node-tap, Behat, Reqnroll, Ginkgo, Kaspresso,
 * nox, Eloquent, Refit, tRPC, urql, PostGraphile, Medusa, Saleor, Solidus, WooCommerce, Shopware, PrestaShop, ERPNext,
 * Discourse, Rocket.Chat, Zulip, Gitea, Forgejo, Atlantis, Terragrunt, OpenTofu, cdktf, Molecule, Rancher, k9s,
 * Grype, Checkov, tfsec, Dependabot, Develocity, Tuist, Carthage, SwiftPM, Robolectric, Paparazzi, EarlGrey, Patrol,
 * OneSignal, AppsFlyer, Litestar, Falcon, Pyramid, Beego, Buffalo, AdonisJS, Feathers, Elysia, Blazor, MassTransit,
 * NServiceBus, GoodJob, Luigi, Paystack, Razorpay's test keys, Mercado Pago, Xendit, Midtrans, Checkout.com, Telnyx,
 * Plivo, Stytch...); a quarter structured application logs (winston, bunyan, zerolog, log4net, Logback's JSON encoder,
 * lograge, pino, zap, logrus, serilog, log4j2, structlog, Monolog) with request, user and configuration fields; a quarter
 * output localised in German, French, Spanish, Portuguese, Italian, Dutch, Polish, Japanese and Chinese, with those
 * languages' labels for a password, a token, a phone, an IBAN, a tax or national id. National ids pass their checks
 * (this class draws the ones {@link Fakes} has no valid maker for: PESEL, DNI, BSN, CPF, NIR, My Number). Same template
 * language and counting as {@link SecondMainstreamMeasureTest}, whose loader it uses. Written and measured before any
 * rule was changed for it; the bounds below are that measure, lowered (leaks) and raised (kept) as rules were written
 * from its failures. This is tune data: its failures print on standard output.
 */
class FourthMainstreamMeasureTest {

    private static final String FILE = "/redaction/outside-mainstream-4.txt";

    // Measured once with the rules of the branch point (f4471a3), before any rule was changed for this material and
    // with no line of it changed after the run: 283 lines (264 with planted values), standard 61 of 530 planted values
    // leaked (11.5%) and 1445 of 1455 must-keep strings kept; at rest 47 of 274 secrets leaked, 1449 of 1455 kept. Lower
    // the leak bounds and raise the kept floors as rules are written from its failures, never the other way.
    // After the forms of FourthMainstreamFormsTest (redact41: labels in other languages, a masked value after one,
    // China's resident identity number, Xendit's keys, Google's authorization codes): standard 23 of 530 leaked and
    // 1445 of 1455 kept; at rest 19 of 274, 1449 kept. Of the 10 lost, judged after the measure as the material's own
    // faults: a client's IP address after its label (4: the rules take it as a person's), a Twilio message SID (the
    // rules hold a SID goes) and a host inside Develocity's host=key access key (the value is the key). Left as general
    // gaps: a card's rule taking Luhn-valid ids (a Shopify order's gid, an order number), a cache key's hash, a Flutter
    // controller's #id. Of the 23 leaked, left as general gaps: a value by its position (Reqnroll's prose, an SQL
    // driver's args, a constructor's or a job's arguments, a Credentials tuple), a card's code typed or filled by its
    // field's name (Behat, userEvent.type), a three-digit code after a localised label (セキュリティコード=505, which
    // Judge's password refused: see below), an sms code's and a generic "code"'s label, a bcrypt hash unquoted in VALUES, a
    // backquoted resident id, ctr's --user user:secret, Pyramid's auth_tkt cookie, AFIP's sign=, a localised label's
    // spaced number (マイナンバー=1480 0520 5490), a label with a word after it (bsn_eigenaar) or a participle
    // (code de vérification saisi :), an "API key=" whose word before reads as a cache key's, altool's -p, a
    // Swedish landline in a Scala Some(…).
    // After a card's security code by its label in another language (redact41, CARD_CODE of local-labels.json):
    // standard 21 and at rest 17 leaked, kept as before; セキュリティコード=505 (2) no longer leaks.
    // After ctr's and crictl's --user/--creds user:password and altool's -p (redact41, commandLines of
    // token-rules.json): standard 19 and at rest 15 leaked, kept as before.
    // After a value filled or typed into a secret's field by a step's grammar or a label's query (redact43: Behat's and
    // Mink's I fill in "cvc" with, Capybara's fill_in … with:, Testing Library's type(getByLabelText('CVC'), …)), an
    // sms code's name (smsCode=) and a recipient's object as an escaped request body (\"code\":\"…\"): standard 15
    // and at rest 11 leaked, kept as before.
    // After a stored password's hash bare before a list's comma, hex after a credential's two-word "API key=" label, and
    // a Luhn-valid id in a gid://app/Model/id URI kept (redact43): standard 13 and at rest 9 leaked, 1446 and 1450 kept.
    // After the lost strings where the rule was wrong (redact44, FourthMeasureKeptFormsTest): a number starting 2 is a
    // card only in Mastercard's 2-series or Mir's range with 16 digits or more (a 14-digit yyyyMMddHHmmss order number
    // kept), Flutter's identity of an object (TextEditingController#1a2b3) no password's shape, a cache key of words and a
    // hash after a bare "key" kept: 1449 and 1453 kept, leaks as before. The 6 still lost are the material's (judged
    // above): 4 client IPs after their label, a Twilio message SID, a host inside Develocity's access key.
    // After a field or header named "authentication" as a credential's name (redact44, KeyNames; AppsFlyer's dev key in
    // headers={'authentication': …}): standard 12 and at rest 8 leaked, kept as before.
    // After a label in another language with its language's participle (redact44, Participles: code de vérification
    // saisi : …): standard 11 and at rest 7 leaked, kept as before.
    // After a Twilio resource's SID (two capitals and 32 hex digits, not the account's AC…) kept under a "sid" name and
    // Develocity's host=key keeping its host (redact47, Judge and KeyValues; OutsideMeasureFormsTest): 1451 and 1455
    // kept, leaks as before. Both had been judged the material's above; each is a documented form (Twilio's SIDs name
    // messages and calls, Develocity's access keys are written host=key), so the rule was wrong. The 4 still lost are
    // client IPs after their label, which the standard rules take by design (kept at rest).
    // After a national id in backquotes read as standing alone (redact47, NationalIds: Beego ORM's `…` args) and a
    // request's signature by its short name sign= (KeyNames: AFIP's token and sign): standard 9 and at rest 6 leaked,
    // kept as before.
    // After a person's number by its name with whose it is after it (redact50, KeyNames; OutsideGapsFormsTest: Dutch
    // bsn_eigenaar): standard 8 leaked, at rest and kept as before.
    // After a quoted generated value right after a bare "key" in prose (redact54, NamedValues;
    // ReleasedEighteenthFormsTest: Reqnroll's `authenticated with key "…"`): standard 7 and at rest 5 leaked, kept as
    // before.
    private static final int LEAKS_STANDARD = 7;
    private static final int LEAKS_AT_REST = 5;
    private static final int KEPT_STANDARD = 1451;
    private static final int KEPT_AT_REST = 1455;

    /** Secrets of services no earlier measure planted, as {@link Fakes#shape} specs (invented, in their printed shape). */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("PAYSTACK_SK", "sk_test_#H40"),
            Map.entry("RAZORPAY_SECRET", "#A24"),
            Map.entry("MERCADOPAGO", "APP_USR-#D16-#D6-#H32-#D9"),
            Map.entry("XENDIT", "xnd_development_#A60"),
            Map.entry("MIDTRANS", "SB-Mid-server-#W24"),
            Map.entry("CHECKOUT_SK", "sk_sbox_#L26"),
            Map.entry("POSTMARK", "#G"),
            Map.entry("SHOPIFY_PAT", "shpat_#H32"),
            Map.entry("MAPBOX_SK", "sk.eyJ1Ijoi#W60.#W22"),
            Map.entry("ONESIGNAL", "os_v2_app_#L110"),
            Map.entry("STYTCH", "secret-test-#W36"),
            Map.entry("TELNYX", "KEY#U32_#A22"),
            Map.entry("PLIVO_TOKEN", "#A40"),
            Map.entry("PAYPAL_SECRET", "E#W79"),
            Map.entry("SENTRY_DSN_KEY", "#H32"),
            Map.entry("B64_24", "#B32"),
            Map.entry("HEX24", "#H24"));

    private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    @Test
    void theFourthOutsideMeasureStaysWithinItsFigures() throws IOException {
        Fakes fakes = new Fakes(41_2026L);
        Random random = new Random(41_2026L);
        Random ids = new Random(41_2027L);
        List<Case> cases = SecondMainstreamMeasureTest.load(FILE, fakes, random, name -> own(name, fakes, ids));
        SecondMainstreamMeasureTest.holdsItsFigures(4, cases, 380, 850, LEAKS_STANDARD, LEAKS_AT_REST, KEPT_STANDARD,
                KEPT_AT_REST);
    }

    @Test
    void theIdsThisMeasureDrawsPassTheirChecksAndAChangedDigitFailsThem() {
        Random r = new Random(7L);
        for (int i = 0; i < 200; i++) {
            String pesel = pesel(r);
            assertTrue(peselOk(pesel), pesel);
            assertTrue(!peselOk(pesel.substring(0, 10) + (char) ('0' + (pesel.charAt(10) - '0' + 1) % 10)), pesel);
            String bsn = bsn(r);
            assertTrue(bsnOk(bsn), bsn);
            assertTrue(!bsnOk(bsn.substring(0, 8) + (char) ('0' + (bsn.charAt(8) - '0' + 1) % 10)), bsn);
            String dni = dni(r);
            assertEquals(DNI_LETTERS.charAt(Integer.parseInt(dni.substring(0, 8)) % 23), dni.charAt(8), dni);
            String cpf = cpf(r).replaceAll("[.-]", "");
            assertEquals(cpfDigit(cpf, 9), cpf.charAt(9) - '0', cpf);
            assertEquals(cpfDigit(cpf, 10), cpf.charAt(10) - '0', cpf);
            String nir = nir(r).replace(" ", "");
            assertEquals(97 - Long.parseLong(nir.substring(0, 13)) % 97, Long.parseLong(nir.substring(13)), nir);
            String myNumber = myNumber(r).replace(" ", "");
            assertEquals(myNumberDigit(myNumber.substring(0, 11)), myNumber.charAt(11) - '0', myNumber);
            String sin = sin(r).replace(" ", "");
            assertTrue(luhn(sin), sin);
            String pnr = pnr(r).replace("-", "");
            assertTrue(luhn(pnr.substring(2)), pnr);
            String rrn = rrn(r).replaceAll("[.-]", "");
            assertEquals(97 - Long.parseLong(rrn.substring(0, 9)) % 97, Long.parseLong(rrn.substring(9)), rrn);
            String tfn = tfn(r).replace(" ", "");
            assertEquals(0, weighted(tfn, new int[] {1, 4, 3, 7, 5, 8, 6, 9, 10}) % 11, tfn);
            String amka = amka(r);
            assertTrue(luhn(amka), amka);
            String rut = rut(r).replace(".", "");
            assertEquals(rutDigit(rut.substring(0, rut.indexOf('-'))), rut.charAt(rut.length() - 1), rut);
        }
        assertTrue(peselOk("44051401359"), "a PESEL worked by hand: 4+12+0+45+1+12+0+9+3+15 = 101, check 9");
        assertTrue(bsnOk("111222333"), "a BSN worked by hand: 9+8+7+12+10+8+9+6-3 = 66 = 6*11");
        assertTrue(luhn("046454286"), "Canada's specimen SIN passes Luhn");
        assertEquals('5', rutDigit("12345678"), "a RUT worked by hand: 8*2+7*3+6*4+5*5+4*6+3*7+2*2+1*3 = 138, 11 - 6");
    }

    private static Fake own(String name, Fakes fakes, Random r) {
        String spec = SHAPES.get(name);
        if (spec != null) {
            return fakes.shape(spec);
        }
        return switch (name) {
            case "PESEL" -> Fake.personal(pesel(r));
            case "DNI" -> Fake.personal(dni(r));
            case "BSN" -> Fake.personal(bsn(r));
            case "CPF" -> Fake.personal(cpf(r));
            case "NIR" -> Fake.personal(nir(r));
            case "MYNUMBER" -> Fake.personal(myNumber(r));
            case "SIN" -> Fake.personal(sin(r));
            case "PNR" -> Fake.personal(pnr(r));
            case "RRN" -> Fake.personal(rrn(r));
            case "TFN" -> Fake.personal(tfn(r));
            case "AMKA" -> Fake.personal(amka(r));
            case "RUT" -> Fake.personal(rut(r));
            default -> null;
        };
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** Poland's PESEL: YYMMDD (the month plus 20 after 1999), four digits, a check of weights 1,3,7,9 mod 10. */
    static String pesel(Random r) {
        int year = 1950 + r.nextInt(60);
        int month = 1 + r.nextInt(12) + (year >= 2000 ? 20 : 0);
        String body = String.format("%02d%02d%02d", year % 100, month, 1 + r.nextInt(28)) + digits(r, 4);
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += w[i] * (body.charAt(i) - '0');
        }
        return body + (10 - sum % 10) % 10;
    }

    static boolean peselOk(String p) {
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1};
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += w[i] * (p.charAt(i) - '0');
        }
        return sum % 10 == 0;
    }

    /** Spain's DNI: eight digits and the letter of their remainder mod 23. */
    static String dni(Random r) {
        String n = String.valueOf(10_000_000 + r.nextInt(89_999_999));
        return n + DNI_LETTERS.charAt(Integer.parseInt(n) % 23);
    }

    /** The Netherlands' BSN: nine digits, 9..2 times the first eight less the last a multiple of 11 (the 11-proof). */
    static String bsn(Random r) {
        while (true) {
            String body = (1 + r.nextInt(9)) + digits(r, 7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (body.charAt(i) - '0');
            }
            if (sum % 11 < 10) {
                return body + sum % 11;
            }
        }
    }

    static boolean bsnOk(String b) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (b.charAt(i) - '0');
        }
        return (sum - (b.charAt(8) - '0')) % 11 == 0;
    }

    /** Brazil's CPF: nine digits and two mod 11 check digits (weights 10..2, then 11..2), as 000.000.000-00. */
    static String cpf(Random r) {
        String d = digits(r, 9);
        d = d + cpfDigit(d, 9);
        d = d + cpfDigit(d, 10);
        return d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6, 9) + "-" + d.substring(9);
    }

    static int cpfDigit(String d, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (n + 1 - i) * (d.charAt(i) - '0');
        }
        return sum * 10 % 11 % 10;
    }

    /** France's NIR: sex, YY, MM, département, commune, order, and the key 97 less the thirteen digits mod 97. */
    static String nir(Random r) {
        String body = (1 + r.nextInt(2)) + String.format("%02d%02d%02d", r.nextInt(100), 1 + r.nextInt(12),
                1 + r.nextInt(95)) + digits(r, 6);
        long key = 97 - Long.parseLong(body) % 97;
        return body.charAt(0) + " " + body.substring(1, 3) + " " + body.substring(3, 5) + " " + body.substring(5, 7)
                + " " + body.substring(7, 10) + " " + body.substring(10, 13) + " " + String.format("%02d", key);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** The Luhn digit that completes {@code body}. */
    static int luhnDigit(String body) {
        for (int c = 0; c < 10; c++) {
            if (luhn(body + c)) {
                return c;
            }
        }
        throw new IllegalStateException(body);
    }

    static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return sum;
    }

    private static String birth(Random r, boolean dayFirst) {
        int yy = r.nextInt(100);
        int mm = 1 + r.nextInt(12);
        int dd = 1 + r.nextInt(28);
        return dayFirst ? String.format("%02d%02d%02d", dd, mm, yy) : String.format("%02d%02d%02d", yy, mm, dd);
    }

    /** Canada's SIN: nine digits (not starting 0 or 8) passing Luhn, as 000 000 000. */
    static String sin(Random r) {
        String body = (1 + r.nextInt(7)) + digits(r, 7);
        String n = body + luhnDigit(body);
        return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
    }

    /** Sweden's personnummer with its century: 19YYMMDD-NNNC, Luhn over the ten digits after the century. */
    static String pnr(Random r) {
        String body = birth(r, false) + digits(r, 3);
        return "19" + body.substring(0, 6) + "-" + body.substring(6) + luhnDigit(body);
    }

    /** Belgium's national number of one born before 2000: YY.MM.DD-NNN.CC, CC 97 less the nine digits mod 97. */
    static String rrn(Random r) {
        String body = birth(r, false) + digits(r, 3);
        long check = 97 - Long.parseLong(body) % 97;
        return body.substring(0, 2) + "." + body.substring(2, 4) + "." + body.substring(4, 6) + "-"
                + body.substring(6, 9) + "." + String.format("%02d", check);
    }

    /** Australia's TFN: nine digits whose sum with weights 1,4,3,7,5,8,6,9,10 is a multiple of 11, as 000 000 000. */
    static String tfn(Random r) {
        int[] w = {1, 4, 3, 7, 5, 8, 6, 9, 10};
        while (true) {
            String n = digits(r, 9);
            if (n.charAt(0) != '0' && weighted(n, w) % 11 == 0) {
                return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
            }
        }
    }

    /** Greece's AMKA: the birth date DDMMYY, four digits and a Luhn digit. */
    static String amka(Random r) {
        String body = birth(r, true) + digits(r, 4);
        return body + luhnDigit(body);
    }

    /** Chile's RUT: seven or eight digits and a mod 11 check (weights 2..7 from the right, 10 written K). */
    static String rut(Random r) {
        String body = String.valueOf(5_000_000 + r.nextInt(20_000_000));
        String dotted = body.length() == 8 ? body.substring(0, 2) + "." + body.substring(2, 5) + "." + body.substring(5)
                : body.charAt(0) + "." + body.substring(1, 4) + "." + body.substring(4);
        return dotted + "-" + rutDigit(body);
    }

    static char rutDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(body.length() - 1 - i) - '0') * (2 + i % 6);
        }
        int d = 11 - sum % 11;
        return d == 11 ? '0' : d == 10 ? 'K' : (char) ('0' + d);
    }

    /** Japan's My Number: eleven digits and a check from weights 2..7, 2..6 from the right, 0 where the rest is < 2. */
    static String myNumber(Random r) {
        String body = digits(r, 11);
        String n = body + myNumberDigit(body);
        return n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8);
    }

    static int myNumberDigit(String body) {
        int sum = 0;
        for (int k = 1; k <= 11; k++) {
            int p = body.charAt(11 - k) - '0';
            int q = k <= 6 ? k + 1 : k - 5;
            sum += p * q;
        }
        int rest = sum % 11;
        return rest <= 1 ? 0 : 11 - rest;
    }
}
