package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
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
 * The national and business numbers {@link EighteenthIds} draws pass their check, read here by checkers written apart
 * from the generators (the NPI's Luhn sum run by {@link ValidIdsTest#luhn} over the prefixed number, the identity card's
 * character values taken from {@link Character#getNumericValue} rather than from the alphabet's offset, the OGRNIP's
 * remainder taken with BigInteger) and themselves checked on the specimen numbers the public descriptions print; and a
 * number with one character changed fails, so the checkers can fail. Every placeholder the collection's resource uses
 * has a fake, so loading it cannot fail on a missing one.
 */
class EighteenthIdsTest {

    /** The US NPI: ten digits starting 1 or 2, valid by Luhn behind the prefix 80840. */
    static boolean npiUs(String s) {
        return s.matches("[12]\\d{9}") && ValidIdsTest.luhn("80840" + s);
    }

    /** Germany's identity card number: nine characters, a check digit of weights 7, 3, 1 over their values. */
    static boolean ausweisDe(String s) {
        if (!s.matches("[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\\d")) {
            return false;
        }
        int total = 0;
        for (int i = 0; i < 9; i++) {
            total += Character.getNumericValue(s.charAt(i)) * new int[]{7, 3, 1}[i % 3];
        }
        return total % 10 == s.charAt(9) - '0';
    }

    /** Russia's OGRNIP: fifteen digits starting 3, the last the first fourteen mod 13, a remainder of 10 or more mod 10. */
    static boolean ogrnipRu(String s) {
        if (!s.matches("3\\d{14}")) {
            return false;
        }
        int rest = new BigInteger(s.substring(0, 14)).mod(BigInteger.valueOf(13)).intValue();
        return rest % 10 == s.charAt(14) - '0';
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(npiUs("1234567893"), "the NPI in CMS' description of its check digit");
        assertTrue(ausweisDe("T220001293"), "the specimen identity card's number (Erika Mustermann)");
        assertTrue(ogrnipRu("304500116000157"), "the OGRNIP printed in descriptions of its check");
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(npiUs("1234567894"));
        assertFalse(npiUs("1234567839"), "two digits swapped");
        assertFalse(npiUs("3234567893"), "an NPI starts 1 or 2");
        assertFalse(ausweisDe("T220001294"));
        assertFalse(ausweisDe("T220001393"));
        assertFalse(ausweisDe("A220001293"), "no vowels in the card number's alphabet");
        assertFalse(ogrnipRu("304500116000158"));
        assertFalse(ogrnipRu("1027700132195"), "an OGRN of thirteen digits is not an OGRNIP");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(18, "NPI (US)", EighteenthIds::npiUs, EighteenthIdsTest::npiUs);
        ValidIdsTest.drawsPass(18, "Personalausweis (DE)", EighteenthIds::ausweisDe, EighteenthIdsTest::ausweisDe);
        ValidIdsTest.drawsPass(18, "OGRNIP (RU)", EighteenthIds::ogrnipRu, EighteenthIdsTest::ogrnipRu);
    }

    /**
     * One digit moved by one breaks the check, for the checks that catch every single-digit error (Luhn's and the
     * 7-3-1 weights, none of which is a multiple of 2 or 5 but Luhn's doubling, which still moves the sum); the OGRNIP's
     * writes a remainder of 10, 11 or 12 as 0, 1 or 2, so one change can pass it; it is not here.
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String npi = EighteenthIds.npiUs(r);
            assertFalse(npiUs(ValidIdsTest.changeOneDigit(npi, r, 1, npi.length())), npi);
            String card = EighteenthIds.ausweisDe(r);
            assertFalse(ausweisDe(ValidIdsTest.changeOneDigit(card, r)), card);
        }
    }

    @Test
    void theOgrnipsCheckComesFromBothKindsOfRemainder() {
        Random r = new Random(5);
        int wrapped = 0;
        for (int i = 0; i < 2000; i++) {
            String v = EighteenthIds.ogrnipRu(r);
            wrapped += new BigInteger(v.substring(0, 14)).mod(BigInteger.valueOf(13)).intValue() >= 10 ? 1 : 0;
        }
        assertTrue(wrapped > 200 && wrapped < 800, "remainders of 10 to 12: " + wrapped);
    }

    @Test
    void everyPlaceholderOfTheEighteenthCollectionHasAFake() throws IOException {
        String text;
        try (InputStream in = EighteenthIdsTest.class.getResourceAsStream(RedactionCorpus.EIGHTEENTH)) {
            assertNotNull(in, RedactionCorpus.EIGHTEENTH);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.containsAll(EighteenthIds.EIGHTEENTH_PERSONAL.keySet()), names::toString);
        Fakes fakes = new Fakes(18);
        for (String name : names) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : EighteenthIds.EIGHTEENTH_PERSONAL.keySet()) {
            Fakes.Fake f = fakes.make(name);
            assertTrue(f.personal(), name);
            assertFalse(f.value().contains("#"), name + ": " + f.value());
        }
        for (String name : new String[]{"NPI_US", "AUSWEIS_DE", "OGRNIP_RU"}) {
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("PHONE_CA").value().matches("\\+1 \\(604\\) 7\\d{2}-\\d{4}"));
        assertEquals(15, fakes.make("OGRNIP_RU").value().length());
    }
}
