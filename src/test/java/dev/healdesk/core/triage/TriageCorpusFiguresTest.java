package dev.healdesk.core.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Triage measured on real failure messages from public issue threads (src/test/resources/triage-corpus, see its
 * README): category and fix-class accuracy, the share of class-C failures given class A, and, over all pairs, how
 * often two messages of one template share a fingerprint (merged) and two of different templates do not (kept
 * apart). The held-out fifth was set aside by template hash before any rule was changed and is never tuned on; the
 * issue's targets are asserted on it. Both parts' figures are printed.
 */
class TriageCorpusFiguresTest {

    record Entry(String id, String message, String stack, String category, String fixClass, String template,
                 String source) {
    }

    record Figures(int n, double category, double fixClass, double cGivenA, int cCount, double merged, long samePairs,
                   double keptApart, long differentPairs) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d category=%.3f fixClass=%.3f C-as-A=%.3f (of %d C) merged=%.3f"
                            + " (%d pairs) keptApart=%.4f (%d pairs)", n, category, fixClass, cGivenA, cCount, merged,
                    samePairs, keptApart, differentPairs);
        }
    }

    private static Triage triage;
    private static List<Entry> tune;
    private static List<Entry> heldOut;

    @BeforeAll
    static void load() throws IOException {
        triage = new Triage(PatternCatalog.builtIn());
        tune = read("/triage-corpus/tune.jsonl");
        heldOut = read("/triage-corpus/heldout.jsonl");
    }

    static List<Entry> read(String resource) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Entry> out = new ArrayList<>();
        try (InputStream in = TriageCorpusFiguresTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is missing");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                out.add(new Entry(n.get("id").asText(), n.get("message").asText(),
                        n.hasNonNull("stack") ? n.get("stack").asText() : null, n.get("category").asText(),
                        n.get("fixClass").asText(), n.get("template").asText(), n.get("source").asText()));
            }
        }
        return out;
    }

    static Figures figures(Triage triage, List<Entry> entries) {
        int category = 0;
        int fixClass = 0;
        int c = 0;
        int cAsA = 0;
        String[] fps = new String[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            TriagedFailure t = triage.triage(e.message(), e.stack());
            fps[i] = t.fingerprint();
            category += t.classification().category().id().equals(e.category()) ? 1 : 0;
            fixClass += t.classification().fixClass().name().equals(e.fixClass()) ? 1 : 0;
            if (e.fixClass().equals("C")) {
                c++;
                cAsA += t.classification().fixClass() == FixClass.A ? 1 : 0;
            }
        }
        long same = 0;
        long merged = 0;
        long different = 0;
        long apart = 0;
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                boolean sameTemplate = entries.get(i).template().equals(entries.get(j).template());
                boolean sameFingerprint = fps[i].equals(fps[j]);
                if (sameTemplate) {
                    same++;
                    merged += sameFingerprint ? 1 : 0;
                } else {
                    different++;
                    apart += sameFingerprint ? 0 : 1;
                }
            }
        }
        int n = entries.size();
        return new Figures(n, category / (double) n, fixClass / (double) n, c == 0 ? 0 : cAsA / (double) c, c,
                same == 0 ? 1 : merged / (double) same, same, different == 0 ? 1 : apart / (double) different,
                different);
    }

    @Test
    void theCorpusIsLargeRealAndSplitByTemplateBeforeTuning() {
        assertTrue(tune.size() + heldOut.size() >= 500, "corpus has " + (tune.size() + heldOut.size()) + " messages");
        Set<String> tuneTemplates = new HashSet<>();
        tune.forEach(e -> tuneTemplates.add(e.template()));
        for (Entry e : heldOut) {
            assertTrue(!tuneTemplates.contains(e.template()), e.id() + ": template " + e.template() + " on both sides");
        }
        for (Entry e : tune) {
            assertTrue(e.source().startsWith("https://github.com/"), e.id() + " has no issue thread as source");
        }
        // The split rule of split.py: held-out when the template's hash is 0 modulo 5.
        for (Entry e : heldOut) {
            assertEquals(0L, Long.parseLong(sha256(e.template()).substring(0, 8), 16) % 5, e.id());
        }
    }

    /**
     * The corpus as it stood when the floors below were set: ids up to {@value #FIRST_CORPUS_LAST_ID}. Lines added
     * later (the second collection, split by the same rule before any rule ran on them) are reported with it and
     * apart, so that a floor measured on one set of messages is never checked against another.
     */
    static final int FIRST_CORPUS_LAST_ID = 511;

    static boolean firstCorpus(Entry e) {
        return Integer.parseInt(e.id().substring(1)) <= FIRST_CORPUS_LAST_ID;
    }

    @Test
    void reportsTheTuningFiguresApart() {
        Figures first = figures(triage, tune.stream().filter(TriageCorpusFiguresTest::firstCorpus).toList());
        Figures all = figures(triage, tune);
        System.out.println("[triage corpus] tune, first collection " + first);
        System.out.println("[triage corpus] tune, all             " + all);
        // The tuning part is where the rules were fitted: a floor against regressions, not the claim.
        assertTrue(first.category() >= 0.9 && first.fixClass() >= 0.85 && first.cGivenA() <= 0.02, first.toString());
        assertTrue(first.merged() >= 0.95 && first.keptApart() >= 0.995, first.toString());
        assertTrue(all.category() >= 0.9 && all.fixClass() >= 0.85 && all.cGivenA() <= 0.02, all.toString());
        assertTrue(all.merged() >= TUNE_ALL_MERGED_FLOOR && all.keptApart() >= 0.995, all.toString());
    }

    /** Measured on the whole tune part once the second collection joined it: 0.863, 0.865 (may only rise). */
    private static final double TUNE_ALL_MERGED_FLOOR = 0.86;
    /**
     * Measured on the whole held-out part once the second collection joined it (0.904, 132 of 146 pairs), before
     * and after the perturbation-led masking rules; never tuned on (may only rise).
     */
    private static final double HELD_OUT_ALL_MERGED_FLOOR = 0.90;

    @Test
    void meetsTheIssueTargetsOnTheHeldOutFifth() {
        Figures f = figures(triage, heldOut.stream().filter(TriageCorpusFiguresTest::firstCorpus).toList());
        Figures all = figures(triage, heldOut);
        System.out.println("[triage corpus] held-out, first collection " + f);
        System.out.println("[triage corpus] held-out, all              " + all);
        assertTrue(f.category() >= 0.90, "category accuracy " + f);
        assertTrue(f.fixClass() >= 0.85, "fix-class accuracy " + f);
        assertTrue(f.cGivenA() <= 0.02, "C given as A " + f);
        // Issue target: merged >= 0.90. Held-out measured 0.737 (28 of 38 pairs) when first run, after tuning on the
        // other four fifths: the target is MISSED and reported as such, not hidden by moving items to tune. The
        // assertion holds that floor against regressions until the rules merge more without looking at this part.
        // Structure-based masking fitted on the tune part only (errno parentheses, dumped objects, count lists, tag
        // and event-row prefixes, location and timing tails, values between words) took tune from 0.799 to 0.954
        // and held-out to 0.763 (29 of 38): the floor rises to that, and may only rise.
        for (Figures part : List.of(f, all)) {
            String name = part == f ? "held-out, first collection" : "held-out, all";
            if (part.merged() < 0.90) {
                System.out.println("[triage corpus] " + name + " TARGET MISSED: same-template pairs merged "
                        + String.format(Locale.ROOT, "%.3f", part.merged()) + " < 0.90");
            }
            if (part.category() < 0.90 || part.fixClass() < 0.85 || part.cGivenA() > 0.02 || part.keptApart() < 0.995) {
                System.out.println("[triage corpus] " + name + " TARGET MISSED: " + part);
            }
        }
        assertTrue(f.merged() >= 0.76, "same-template pairs merged " + f);
        assertTrue(f.keptApart() >= 0.995, "different-template pairs kept apart " + f);
        assertTrue(all.merged() >= HELD_OUT_ALL_MERGED_FLOOR, "same-template pairs merged " + all);
    }

    private static String sha256(String s) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
