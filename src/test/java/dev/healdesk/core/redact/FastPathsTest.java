package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The short cuts taken for speed answer what the long way answers: {@link Chars#is} and {@link Chars#isAny} compare
 * ASCII themselves and leave the rest to {@link String#regionMatches}, and {@link Numbers} calls its labelled-phone
 * rule only after a character a label can stand behind, and {@link LocalLabels#start} answers a last word of ASCII
 * letters that ends no label without folding what stands before it. Each is checked against the definition it replaces, on
 * words and texts made here, the letters outside ASCII whose case folds onto ASCII (the Kelvin sign, a dotted capital
 * I, a dotless small i, the long s) among them.
 */
class FastPathsTest {

    private static final List<String> WORDS = List.of("key", "secret", "password", "token", "auth", "phone", "x-api",
            "a_b", "k", "is", "ſecret", "@home", "[key]", "KEY", "Ke`y", "");
    private static final String ALPHABET = "keyKEYsecrtSECRTpaswordPASWORDtohn_-@`[]{}\u212a\u0130\u0131\u017f\u00e9\u00c9 1";

    /** What Chars.is answered before its ASCII loop: the length, then String.regionMatches ignoring case. */
    private static boolean byRegionMatches(String s, int start, int end, String word) {
        return end - start == word.length() && (word.isEmpty() || (s.charAt(start) | 0x20) == (word.charAt(0) | 0x20))
                && s.regionMatches(true, start, word, 0, word.length());
    }

    @Test
    void isAndIsAnyAnswerAsRegionMatchesDoes() {
        Random random = new Random(20261206L);
        int matched = 0;
        for (int round = 0; round < 4000; round++) {
            String word = WORDS.get(random.nextInt(WORDS.size()));
            StringBuilder b = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int k = 0; k < length; k++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (random.nextBoolean() && !word.isEmpty()) {
                // the word itself in a random case, now and then with a letter swapped for its non-ASCII fold
                StringBuilder w = new StringBuilder();
                for (char c : word.toCharArray()) {
                    char d = random.nextBoolean() ? Character.toUpperCase(c) : c;
                    d = d == 'K' && random.nextInt(4) == 0 ? '\u212a' : d == 'I' && random.nextInt(4) == 0 ? '\u0131' : d;
                    w.append(d);
                }
                b.insert(random.nextInt(b.length() + 1), w);
            }
            String s = b.toString();
            String[] words = WORDS.toArray(new String[0]);
            for (int start = 0; start <= s.length(); start++) {
                for (int end = start; end <= s.length(); end++) {
                    int from = start;
                    int to = end;
                    boolean expected = byRegionMatches(s, from, to, word);
                    assertEquals(expected, Chars.is(s, from, to, word), () -> s + " [" + from + ", " + to + ") " + word);
                    boolean any = WORDS.stream().anyMatch(w -> byRegionMatches(s, from, to, w));
                    assertEquals(any, Chars.isAny(s, from, to, words), () -> s + " [" + from + ", " + to + ")");
                    matched += expected && !word.isEmpty() ? 1 : 0;
                }
            }
        }
        // the random words must have met their text often enough for the comparison to say something
        assertEquals(true, matched > 1000, "matched " + matched);
    }

    @Test
    void aLabelledPhoneIsFoundAfterEachCharacterALabelCanStandBehind() {
        Redactor redactor = Redactor.standard();
        String phone = "0412 345 678";
        String plain = "0412345678";
        FormChecks.gone(redactor, "customer phone: " + phone + " rejected by the gateway", phone, "customer phone:");
        FormChecks.gone(redactor, "mobile=" + plain + " country=AU", plain, "mobile=", " country=AU");
        FormChecks.gone(redactor, "{\"phone\":\"" + plain + "\",\"id\":42}", plain, "{\"phone\":\"", "\",\"id\":42}");
        FormChecks.gone(redactor, "DETAIL:  Key (phone)=(" + plain + ") already exists.", plain, "Key (phone)=(");
        FormChecks.gone(redactor, "\"mobile\" => \"" + plain + "\",", plain, "\"mobile\" =>");
        FormChecks.gone(redactor, "phoneNumber: ['" + plain + "']", plain, "phoneNumber: ['");
        FormChecks.gone(redactor, "<string name=\"phone\">" + plain + "</string>", plain, "<string name=\"phone\">");
        FormChecks.gone(redactor, "phone:\t" + phone, phone, "phone:");
        FormChecks.gone(redactor, "The 'To' number 8123 4567 is not a valid phone number", "8123 4567",
                "The 'To' number", "is not a valid phone number");
    }

    @Test
    void aNumberAfterAnythingElseKeepsWhatItWas() {
        Redactor redactor = Redactor.standard();
        // after a slash, a dash, a letter, a line feed or at the text's start no label stands right before: these stay
        for (String text : List.of("GET /api/orders/0412345678/items phone lookup", "phone build-0412345678 failed",
                "phone v0412345678", "phone:\n0412345678x", "0412345678 is the phone", "order 0412345678 for phone")) {
            FormChecks.untouched(redactor, text);
        }
    }

    /**
     * What {@link LocalLabels#start} answers by its definition: every word start (or capital after a small letter, a
     * name in camel case: redact54) up to 48 characters back from a key's end whose text folds to one of the file's
     * labels, whole or parted at its capitals ({@link LocalLabels#key}), the furthest back; no look-up of the last word
     * first.
     */
    private static int byReadingEveryLabelBack(String s, int end) {
        if (end < 2 || end > s.length()) {
            return -1;
        }
        char last = s.charAt(end - 1);
        if (LocalLabels.cjk(last)) {
            return LocalLabels.start(s, end);   // a label in Japanese, Chinese or Korean: that way is not a short cut
        }
        if (!Character.isLetter(last)) {
            return -1;
        }
        int best = -1;
        int from = end;
        while (from > 0 && end - from < 48) {
            char c = s.charAt(from - 1);
            boolean inLabel = Character.isLetterOrDigit(c) && !LocalLabels.cjk(c) || c == '_' || c == '-' || c == '.'
                    || c == '\'' || c == ' ' && from >= 2 && s.charAt(from - 2) != ' ';
            if (!inLabel) {
                break;
            }
            from--;
            boolean wordStarts = from == 0 || !Character.isLetterOrDigit(s.charAt(from - 1)) || LocalLabels.hump(s, from);
            if (wordStarts && Character.isLetterOrDigit(c) && LocalLabels.key(s, from, end) != null) {
                best = from;
            }
        }
        return best;
    }

    @Test
    void aLocalLabelIsFoundWhereReadingEveryLabelBackFindsIt() {
        List<String> labels = new ArrayList<>();
        for (JsonNode kind : RuleTable.resource(LocalLabels.RESOURCE).get("labels")) {
            kind.forEach(l -> labels.add(l.asText()));
        }
        // keys' characters: ASCII, the separators a label has, letters a label folds from (é, ü, ß, ł), letters whose case
        // folds onto ASCII (the Kelvin sign, a dotted capital I, a dotless small i) and what ends a key
        String alphabet = "abdeiklnopstuvyzAIKST019_-.' \"=:\u00e9\u00c9\u00fc\u00df\u0142\u0141\u212a\u0130\u0131\u5bc6";
        Random random = new Random(20261207L);
        int found = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + random.nextInt(4);
            for (int p = 0; p < pieces; p++) {
                if (random.nextInt(3) > 0) {
                    // a label, or its last word, its ASCII letters in a random case, its blanks now and then written
                    // as _ - or . (a capital outside ASCII is left out: the last word's hash, which the short cut keeps,
                    // folds letter by letter; its one known difference from String.toLowerCase, a word-final capital
                    // sigma, is NoticedAtStopsTest's aGreekLabelInCapitalsIsALabelAsInSmallLetters)
                    String label = labels.get(random.nextInt(labels.size()));
                    if (random.nextInt(4) == 0) {
                        label = label.substring(label.lastIndexOf(' ') + 1);
                    }
                    for (char c : label.toCharArray()) {
                        char d = c < 128 && random.nextBoolean() ? Character.toUpperCase(c) : c;
                        d = d == ' ' && random.nextInt(3) == 0 ? "_-.".charAt(random.nextInt(3)) : d;
                        b.append(d);
                    }
                } else {
                    for (int k = random.nextInt(6); k >= 0; k--) {
                        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
            }
            String s = b.toString();
            for (int end = 0; end <= s.length(); end++) {
                int expected = byReadingEveryLabelBack(s, end);
                int at = end;
                assertEquals(expected, LocalLabels.start(s, end), () -> s + " ending at " + at);
                found += expected >= 0 ? 1 : 0;
            }
        }
        // the random texts must have held labels often enough for the comparison to say something
        assertEquals(true, found > 1000, "found " + found);
    }
}
