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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The national numbers and VINs {@link NineteenthIds} draws pass their check, read here by checkers written apart from
 * the generators (the NHI's letter values counted from the character code less the skipped I and O rather than looked
 * up in the alphabet, the PIS' sum taken digit by digit over its printed form, the VIN's transliteration taken from the
 * three runs A-H, J-R and S-Z rather than from a table), each itself checked on the specimen numbers the public
 * descriptions print; and a number with one character changed fails, so the checkers can fail. Every placeholder the
 * collection's resource uses has a fake, so loading it cannot fail on a missing one.
 */
class NineteenthIdsTest {

    /** A letter's NHI value: A = 1, skipping I and O, Z = 24. */
    private static int nhiValue(char c) {
        return c - 'A' + 1 - (c > 'I' ? 1 : 0) - (c > 'O' ? 1 : 0);
    }

    /** New Zealand's NHI (first layout): three letters (no I, O), three digits, eleven less the weighted sum mod 11. */
    static boolean nhiNz(String s) {
        if (!s.matches("[A-HJ-NP-Z]{3}\\d{4}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            sum += (i < 3 ? nhiValue(c) : c - '0') * (7 - i);
        }
        if (sum % 11 == 0) {
            return false;
        }
        return (11 - sum % 11) % 10 == s.charAt(6) - '0';
    }

    /** Brazil's PIS/PASEP as printed, 000.00000.00-0, its eleventh digit the mod 11 check of weights 3298765432. */
    static boolean pisBr(String s) {
        if (!s.matches("\\d{3}\\.\\d{5}\\.\\d{2}-\\d")) {
            return false;
        }
        String d = s.replaceAll("\\D", "");
        String weights = "3298765432";
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (d.charAt(i) - '0') * (weights.charAt(i) - '0');
        }
        int rest = sum % 11;
        int check = rest < 2 ? 0 : 11 - rest;
        return check == d.charAt(10) - '0';
    }

    /** A character's VIN value: digits themselves, A-H 1-8, J-R 1-9 (no O or Q), S-Z 2-9. */
    private static int vinValue(char c) {
        if (Character.isDigit(c)) {
            return c - '0';
        }
        if (c <= 'H') {
            return c - 'A' + 1;
        }
        if (c <= 'R') {
            return c - 'J' + 1;
        }
        return c - 'S' + 2;
    }

    /** A VIN: seventeen characters without I, O, Q, the ninth the weighted sum mod 11 (10 as X). */
    static boolean vin(String s) {
        if (!s.matches("[A-HJ-NPR-Z0-9]{8}[0-9X][A-HJ-NPR-Z0-9]{8}")) {
            return false;
        }
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += vinValue(s.charAt(i)) * weights[i];
        }
        int rest = sum % 11;
        return s.charAt(8) == (rest == 10 ? 'X' : (char) ('0' + rest));
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(nhiNz("WLD9413"), "the NHI in the Ministry of Health's validation routine examples");
        assertTrue(nhiNz("ZAC5361"), "a test-range NHI printed in the same examples");
        assertTrue(pisBr("469.52280.63-7"), "the PIS printed in descriptions of its check");
        assertTrue(vin("1M8GDM9AXKP042788"), "the VIN of the check digit's worked example (check X)");
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(nhiNz("WLD9414"));
        assertFalse(nhiNz("WLD9143"), "two digits swapped");
        assertFalse(nhiNz("WID9413"), "no I in the NHI's alphabet");
        assertFalse(pisBr("469.52280.63-8"));
        assertFalse(pisBr("46952280637"), "printed without its dots and dash");
        assertFalse(vin("1M8GDM9A1KP042788"));
        assertFalse(vin("1M8GDM9AXKP042789"));
        assertFalse(vin("1M8GDM9AXKO042788"), "no O in a VIN");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(19, "NHI (NZ)", NineteenthIds::nhiNz, NineteenthIdsTest::nhiNz);
        ValidIdsTest.drawsPass(19, "PIS/PASEP (BR)", NineteenthIds::pisBr, NineteenthIdsTest::pisBr);
        ValidIdsTest.drawsPass(19, "VIN", NineteenthIds::vin, NineteenthIdsTest::vin);
    }

    /**
     * One digit moved by one breaks the NHI's check (weights 2 to 4 on the digits, none a multiple of 11) and the VIN's
     * (the weights 6 to 2 on its five-digit serial, none a multiple of 11); the PIS writes remainders of 0 and 1 both as 0, so one
     * change can pass it: it is checked only on draws whose check is not 0.
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String nhi = NineteenthIds.nhiNz(r);
            assertFalse(nhiNz(ValidIdsTest.changeOneDigit(nhi, r, 3, 6)), nhi);
            String v = NineteenthIds.vin(r);
            assertFalse(vin(ValidIdsTest.changeOneDigit(v, r, 12, 17)), v);
            String pis = NineteenthIds.pisBr(r);
            if (!pis.endsWith("-0")) {
                assertFalse(pisBr(ValidIdsTest.changeOneDigit(pis, r, 0, 12)), pis);
            }
        }
    }

    @Test
    void everyPlaceholderOfTheNineteenthCollectionHasAFake() throws IOException {
        String text;
        try (InputStream in = NineteenthIdsTest.class.getResourceAsStream(RedactionCorpus.NINETEENTH)) {
            assertNotNull(in, RedactionCorpus.NINETEENTH);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.containsAll(NineteenthIds.NINETEENTH_PERSONAL.keySet()), names::toString);
        Fakes fakes = new Fakes(19);
        for (String name : names) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : NineteenthIds.NINETEENTH_PERSONAL.keySet()) {
            Fakes.Fake f = fakes.make(name);
            assertTrue(f.personal(), name);
            assertFalse(f.value().contains("#"), name + ": " + f.value());
        }
        for (String name : new String[]{"NHI_NZ", "PIS_BR", "VIN"}) {
            assertTrue(fakes.make(name).personal(), name);
        }
        assertFalse(fakes.make("HEX24").personal());
        assertTrue(fakes.make("HEX24").value().matches("[0-9a-f]{24}"));
        assertTrue(fakes.make("PHONE_SE_INTL").value().matches("\\+46 \\(0\\)70-\\d{3} \\d{2} \\d{2}"));
        assertEquals(17, fakes.make("VIN").value().length());
    }
}
