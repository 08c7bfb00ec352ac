package dev.healdesk.core.redact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tax numbers {@link TwentyThirdIds} draws pass their checks, read here by checkers written apart from the
 * generators (the RIF's as "the remainder mod 11 of the weighted sum, 11 minus it, 10 and 11 read as 0"; the RNC's as
 * "the remainder s of the weighted sum, the check 11 - s, or 2 - s where s is 0 or 1"), each itself
 * checked on the specimen numbers public validators print; and a number with its check digit changed fails, so the
 * checkers can fail. Every placeholder the collection's resource uses has a fake, so loading it cannot fail on a
 * missing one.
 */
class TwentyThirdIdsTest {

    /** Venezuela's RIF: a type letter, eight digits and the check, with or without the dashes. */
    static boolean rifVe(String s) {
        String c = s.replace("-", "");
        if (!c.matches("[VEJPG]\\d{9}")) {
            return false;
        }
        int[] weights = {4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int v = i == 0 ? "VEJPG".indexOf(c.charAt(0)) + 1 : c.charAt(i) - '0';
            sum += v * weights[i];
        }
        int check = 11 - sum % 11;
        return (check >= 10 ? 0 : check) == c.charAt(9) - '0';
    }

    /** The Dominican RNC: nine digits, the last the check of the eight before it. */
    static boolean rncDo(String s) {
        String c = s.replace("-", "");
        if (!c.matches("\\d{9}")) {
            return false;
        }
        int[] weights = {7, 9, 8, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (c.charAt(i) - '0') * weights[i];
        }
        int rest = sum % 11;
        int check = rest >= 2 ? 11 - rest : 2 - rest;
        return check == c.charAt(8) - '0';
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(rifVe("V-11470283-4"), "the RIF in python-stdnum's description");
        assertTrue(rifVe("V114702834"), "the same RIF compact, as stdnum-js formats it");
        assertTrue(rncDo("1-01-85004-3"), "the RNC in python-stdnum's description and Odoo's expected format");
        assertTrue(rncDo("101850043"), "the same RNC compact");
        assertTrue(rncDo("401505967"), "an RNC stdnum-js's tests accept");
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(rifVe("V-11470283-3"), "python-stdnum's changed check digit");
        assertFalse(rifVe("O-11470283-4"), "no such type letter");
        assertFalse(rifVe("V-1147028-4"), "seven digits");
        assertFalse(rncDo("101850042"));
        assertFalse(rncDo("10185004"), "eight digits");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(23, "RIF (VE)", TwentyThirdIds::rifVe, TwentyThirdIdsTest::rifVe);
        ValidIdsTest.drawsPass(23, "RNC (DO)", TwentyThirdIds::rncDo, TwentyThirdIdsTest::rncDo);
    }

    /**
     * Both checks fold two remainders onto one check digit (the RIF's 0 and 1, the RNC's 1 and 10), so a digit of the
     * body may move the sum from one to the other unseen; the check digit itself is what is moved here.
     */
    @Test
    void aChangedCheckDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String rif = TwentyThirdIds.rifVe(r);
            assertFalse(rifVe(ValidIdsTest.changeOneDigit(rif, r, 11, 12)), rif);
            String rnc = TwentyThirdIds.rncDo(r);
            assertFalse(rncDo(ValidIdsTest.changeOneDigit(rnc, r, 8, 9)), rnc);
        }
    }

    @Test
    void everyPlaceholderOfTheTwentyThirdCollectionHasAFake() throws IOException {
        String text;
        try (InputStream in = TwentyThirdIdsTest.class.getResourceAsStream(RedactionCorpus.TWENTY_THIRD)) {
            assertNotNull(in, RedactionCorpus.TWENTY_THIRD);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.containsAll(TwentyThirdIds.TWENTY_THIRD_PERSONAL.keySet()), names::toString);
        Fakes fakes = new Fakes(23);
        for (String name : names) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : TwentyThirdIds.TWENTY_THIRD_PERSONAL.keySet()) {
            Fakes.Fake f = fakes.make(name);
            assertTrue(f.personal(), name);
            assertFalse(f.value().contains("#"), name + ": " + f.value());
        }
        for (String name : new String[]{"RIF_VE", "RNC_DO"}) {
            assertTrue(names.contains(name), name);
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("PHONE_PL_WARSAW").value().matches("\\+48 22 \\d{3} \\d{2} \\d{2}"));
        assertTrue(fakes.make("RIF_VE").value().matches("[VEJPG]-\\d{8}-\\d"));
    }
}
