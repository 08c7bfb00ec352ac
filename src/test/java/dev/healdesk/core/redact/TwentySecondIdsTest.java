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
 * The tax numbers {@link TwentySecondIds} draws pass their checks, read here by checkers written apart from the
 * generators (the UBN's read as "write out each product of digit and weight 1 2 1 2 1 2 4 1 and add up every digit
 * written; the total ends in 0, or in 9 where the seventh digit is 7"; the RNOKPP's with the weight -1 read as its
 * residue 10 mod 11), each itself checked on the specimen numbers public validators print; and a number with a digit
 * changed fails, so the checkers can fail. Every placeholder the collection's resource uses has a fake, so loading it
 * cannot fail on a missing one.
 */
class TwentySecondIdsTest {

    /** Taiwan's unified business number: eight digits. */
    static boolean ubnTw(String s) {
        if (!s.matches("\\d{8}")) {
            return false;
        }
        String weights = "12121241";
        StringBuilder written = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            written.append((s.charAt(i) - '0') * (weights.charAt(i) - '0'));
        }
        int total = written.chars().map(c -> c - '0').sum();
        return total % 10 == 0 || (s.charAt(6) == '7' && total % 10 == 9);
    }

    /** Ukraine's RNOKPP: ten digits, the last the weighted sum of the nine before it mod 11, then mod 10. */
    static boolean rnokppUa(String s) {
        if (!s.matches("\\d{10}")) {
            return false;
        }
        int[] weights = {10, 5, 7, 9, 4, 6, 10, 5, 7};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += Character.getNumericValue(s.charAt(i)) * weights[i];
        }
        return sum % 11 % 10 == Character.getNumericValue(s.charAt(9));
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(ubnTw("00501503"), "the UBN in python-stdnum's and stdnum-js's tests");
        assertTrue(ubnTw("22099131"), "a UBN the tw_ubn gem's README accepts");
        assertTrue(ubnTw("47217677"), "a UBN with a seventh digit 7 the tw_ubn gem's README accepts");
        assertTrue(rnokppUa("1759013776"), "the RNOKPP in python-stdnum's description");
        assertTrue(rnokppUa("3184710691"), "the RNOKPP in gov-validation-ua's README");
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(ubnTw("00501502"), "stdnum-js's changed check digit");
        assertFalse(ubnTw("22822280"), "the tw_ubn gem's rejected number");
        assertFalse(ubnTw("47217977"), "the tw_ubn gem's rejected number");
        assertFalse(ubnTw("0050150"), "seven digits");
        assertFalse(rnokppUa("1759013775"));
        assertFalse(rnokppUa("1759031776"), "two digits swapped");
        assertFalse(rnokppUa("175901377"), "nine digits");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(22, "UBN (TW)", TwentySecondIds::ubnTw, TwentySecondIdsTest::ubnTw);
        ValidIdsTest.drawsPass(22, "RNOKPP (UA)", TwentySecondIds::rnokppUa, TwentySecondIdsTest::rnokppUa);
    }

    /**
     * One digit moved by one breaks the UBN's check anywhere (each weight's digit sums move by a step that is never a
     * multiple of 10, and a seventh digit moved to 7 lands on neither allowed ending); the RNOKPP's check folds 10 onto
     * 0, so a digit of its body may move the sum from one to the other unseen, and the check digit itself is what is
     * moved there.
     */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String ubn = TwentySecondIds.ubnTw(r);
            assertFalse(ubnTw(ValidIdsTest.changeOneDigit(ubn, r)), ubn);
            String rnokpp = TwentySecondIds.rnokppUa(r);
            assertFalse(rnokppUa(ValidIdsTest.changeOneDigit(rnokpp, r, 9, 10)), rnokpp);
        }
    }

    @Test
    void everyPlaceholderOfTheTwentySecondCollectionHasAFake() throws IOException {
        String text;
        try (InputStream in = TwentySecondIdsTest.class.getResourceAsStream(RedactionCorpus.TWENTY_SECOND)) {
            assertNotNull(in, RedactionCorpus.TWENTY_SECOND);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.containsAll(TwentySecondIds.TWENTY_SECOND_PERSONAL.keySet()), names::toString);
        Fakes fakes = new Fakes(22);
        for (String name : names) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : TwentySecondIds.TWENTY_SECOND_PERSONAL.keySet()) {
            Fakes.Fake f = fakes.make(name);
            assertTrue(f.personal(), name);
            assertFalse(f.value().contains("#"), name + ": " + f.value());
        }
        for (String name : new String[]{"UBN_TW", "RNOKPP_UA"}) {
            assertTrue(names.contains(name), name);
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("PHONE_RU_MOSCOW").value().matches("\\+7 495 \\d{3}-\\d{2}-\\d{2}"));
        assertTrue(fakes.make("PHONE_BR_RIO_E164").value().matches("\\+55219\\d{8}"));
    }
}
