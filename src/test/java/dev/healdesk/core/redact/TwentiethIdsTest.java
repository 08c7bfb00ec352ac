package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tax numbers {@link TwentiethIds} draws pass their check, read here by checkers written apart from the generators
 * (the PIB's ISO 7064 MOD 11,10 in the standard's own form, P = 10 carried through S = (P + d) mod 10 and P = 2S mod 11,
 * rather than the generator's running checksum; the MST's check read as "the weighted sum with the check digit is 10 mod
 * 11" rather than computed; the NPWP's Luhn by {@link ValidIdsTest#luhn}), each itself checked on the specimen numbers the
 * public descriptions print; and a number with one digit changed fails, so the checkers can fail. Every placeholder the
 * collection's resource uses has a fake, so loading it cannot fail on a missing one.
 */
class TwentiethIdsTest {

    /** Serbia's PIB: nine digits, the last the ISO 7064 MOD 11,10 check of the eight before. */
    static boolean pibRs(String s) {
        if (!s.matches("\\d{9}")) {
            return false;
        }
        int p = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (p + s.charAt(i) - '0') % 10;
            p = 2 * (sum == 0 ? 10 : sum) % 11;
        }
        return (11 - p) % 10 == s.charAt(8) - '0';
    }

    /** Vietnam's MST: ten digits whose weighted sum (31 29 23 19 17 13 7 5 3, the check digit weighted 1) is 10 mod 11. */
    static boolean mstVn(String s) {
        if (!s.matches("\\d{10}")) {
            return false;
        }
        String weights = "31 29 23 19 17 13 7 5 3 1";
        String[] w = weights.split(" ");
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (s.charAt(i) - '0') * Integer.parseInt(w[i]);
        }
        return sum % 11 == 10;
    }

    /** Indonesia's NPWP as printed, 00.000.000.0-000.000, its first nine digits passing Luhn. */
    static boolean npwpId(String s) {
        if (!s.matches("\\d{2}\\.\\d{3}\\.\\d{3}\\.\\d-\\d{3}\\.\\d{3}")) {
            return false;
        }
        return ValidIdsTest.luhn(s.replaceAll("\\D", "").substring(0, 9));
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(pibRs("101134702"), "the PIB printed in descriptions of its check");
        assertTrue(mstVn("0100233488"), "the MST printed in descriptions of its check");
        assertTrue(npwpId("01.300.066.6-091.000"), "the NPWP printed in descriptions of its format");
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(pibRs("101134703"));
        assertFalse(pibRs("110134702"), "two digits swapped");
        assertFalse(pibRs("10113470"), "eight digits");
        assertFalse(mstVn("0100233489"));
        assertFalse(mstVn("0100234388"), "two digits swapped");
        assertFalse(npwpId("01.300.066.7-091.000"));
        assertFalse(npwpId("013000666091000"), "printed without its dots and dash");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(20, "PIB (RS)", TwentiethIds::pibRs, TwentiethIdsTest::pibRs);
        ValidIdsTest.drawsPass(20, "MST (VN)", TwentiethIds::mstVn, TwentiethIdsTest::mstVn);
        ValidIdsTest.drawsPass(20, "NPWP (ID)", TwentiethIds::npwpId, TwentiethIdsTest::npwpId);
    }

    /**
     * One digit moved by one breaks each check: MOD 11,10 and Luhn catch every single-digit error, and the MST's
     * weights (none a multiple of 11) move its sum off 10 mod 11. The NPWP is changed only within its checked nine digits.
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String pib = TwentiethIds.pibRs(r);
            assertFalse(pibRs(ValidIdsTest.changeOneDigit(pib, r)), pib);
            String mst = TwentiethIds.mstVn(r);
            assertFalse(mstVn(ValidIdsTest.changeOneDigit(mst, r)), mst);
            String npwp = TwentiethIds.npwpId(r);
            assertFalse(npwpId(ValidIdsTest.changeOneDigit(npwp, r, 0, 12)), npwp);
        }
    }

    @Test
    void everyPlaceholderOfTheTwentiethCollectionHasAFake() throws IOException {
        String text;
        try (InputStream in = TwentiethIdsTest.class.getResourceAsStream(RedactionCorpus.TWENTIETH)) {
            assertNotNull(in, RedactionCorpus.TWENTIETH);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.containsAll(TwentiethIds.TWENTIETH_PERSONAL.keySet()), names::toString);
        Fakes fakes = new Fakes(20);
        for (String name : names) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : TwentiethIds.TWENTIETH_PERSONAL.keySet()) {
            Fakes.Fake f = fakes.make(name);
            assertTrue(f.personal(), name);
            assertFalse(f.value().contains("#"), name + ": " + f.value());
        }
        for (String name : new String[]{"PIB_RS", "MST_VN", "NPWP_ID"}) {
            assertTrue(names.contains(name), name);
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("PHONE_RU_INTL").value().matches("\\+7 \\(9\\d{2}\\) \\d{3}-\\d{2}-\\d{2}"));
        assertTrue(fakes.make("PHONE_DE_SLASH").value().matches("0171/\\d{7}"));
    }
}
