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
 * The business numbers {@link TwentyFirstIds} draws pass their checks, read here by checkers written apart from the
 * generators (the USCC's mod 31 read as "the weighted sum of all eighteen characters, the check weighted 1 after the
 * seventeen weights 3^i mod 31 computed here by repeated multiplication, is a multiple of 31", and its organisation
 * code's GB 11714 check read the same way, the check value weighted 1 and X read as 10; the NZBN's GS1 check read as
 * "the thirteen digits weighted 1, 3, 1, ... sum to a multiple of 10"), each itself checked on the specimen numbers the
 * public descriptions print; and a number with one digit changed fails, so the checkers can fail. Every placeholder the
 * collection's resource uses has a fake, so loading it cannot fail on a missing one.
 */
class TwentyFirstIdsTest {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** China's USCC: eighteen characters of the thirty-one, its ninth to seventeenth an organisation code. */
    static boolean usccCn(String s) {
        if (!s.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            return false;
        }
        int sum = 0;
        int w = 1;
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(s.charAt(i)) * w;
            w = w * 3 % 31;
        }
        sum += CHARS.indexOf(s.charAt(17));
        if (sum % 31 != 0) {
            return false;
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int org = 0;
        for (int i = 0; i < 8; i++) {
            org += Character.digit(s.charAt(8 + i), 36) * weights[i];
        }
        char c = s.charAt(16);
        int check = c == 'X' ? 10 : c - '0';
        return check >= 0 && check <= 10 && (org + check) % 11 == 0;
    }

    /** New Zealand's NZBN: thirteen digits starting 94 whose GS1 weighted sum is a multiple of 10. */
    static boolean nzbnNz(String s) {
        if (!s.matches("94\\d{11}")) {
            return false;
        }
        return gs1(s);
    }

    static boolean gs1(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            sum += (s.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    @Test
    void theCheckersAcceptThePublishedSpecimens() {
        assertTrue(usccCn("91350100M000100Y43"), "the USCC printed in descriptions of GB 32100-2015");
        assertTrue(gs1("4006381333931"), "the GTIN-13 printed in descriptions of the GS1 check digit");
    }

    @Test
    void theCheckersRejectAChangedSpecimen() {
        assertFalse(usccCn("91350100M000100Y44"));
        assertFalse(usccCn("91350100M000100Y4"), "seventeen characters");
        assertFalse(usccCn("91350100M000100I43"), "a letter the code does not use");
        assertFalse(usccCn("91350100M000010Y43"), "two characters swapped");
        assertFalse(gs1("4006381333932"));
        assertFalse(gs1("4006381339331"), "two digits swapped");
        assertFalse(nzbnNz("4006381333931"), "a GTIN outside the 94 prefix");
    }

    @Test
    void everyDrawnNumberPassesItsCheck() {
        ValidIdsTest.drawsPass(21, "USCC (CN)", TwentyFirstIds::usccCn, TwentyFirstIdsTest::usccCn);
        ValidIdsTest.drawsPass(21, "NZBN (NZ)", TwentyFirstIds::nzbnNz, TwentyFirstIdsTest::nzbnNz);
    }

    /** One digit moved by one breaks each check: 31 is prime and no weight a multiple of it; GS1 catches any one digit. */
    @Test
    void aChangedDigitFailsTheCheck() {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            String uscc = TwentyFirstIds.usccCn(r);
            assertFalse(usccCn(ValidIdsTest.changeOneDigit(uscc, r)), uscc);
            String nzbn = TwentyFirstIds.nzbnNz(r);
            assertFalse(nzbnNz(ValidIdsTest.changeOneDigit(nzbn, r, 2, 13)), nzbn);
        }
    }

    @Test
    void everyPlaceholderOfTheTwentyFirstCollectionHasAFake() throws IOException {
        String text;
        try (InputStream in = TwentyFirstIdsTest.class.getResourceAsStream(RedactionCorpus.TWENTY_FIRST)) {
            assertNotNull(in, RedactionCorpus.TWENTY_FIRST);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\{([A-Z0-9_]+)(?::\\d+)?\\}\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertTrue(names.containsAll(TwentyFirstIds.TWENTY_FIRST_PERSONAL.keySet()), names::toString);
        Fakes fakes = new Fakes(21);
        for (String name : names) {
            assertNotNull(fakes.make(name), name);
        }
        for (String name : TwentyFirstIds.TWENTY_FIRST_PERSONAL.keySet()) {
            Fakes.Fake f = fakes.make(name);
            assertTrue(f.personal(), name);
            assertFalse(f.value().contains("#"), name + ": " + f.value());
        }
        for (String name : new String[]{"USCC_CN", "NZBN_NZ"}) {
            assertTrue(names.contains(name), name);
            assertTrue(fakes.make(name).personal(), name);
        }
        assertTrue(fakes.make("PHONE_AR_INTL").value().matches("\\+54 9 11 \\d{4}-\\d{4}"));
        assertTrue(fakes.make("PHONE_KR_LANDLINE").value().matches("\\+82 2-\\d{4}-\\d{4}"));
    }
}
