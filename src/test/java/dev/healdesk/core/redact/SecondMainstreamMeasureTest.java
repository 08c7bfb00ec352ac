package dev.healdesk.core.redact;

import dev.healdesk.core.redact.Fakes.Fake;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second outside measure of issue #14 (redact34): failure output of about fifty mainstream tools written here in
 * the shapes those tools print ({@code /redaction/outside-mainstream-2.txt}, one case a line), with fake secrets and
 * personal data planted where the tools print them and the strings around them that must come through. Written and
 * measured before any rule was changed for it; the bounds below are that measure, lowered (leaks) and raised (kept) as
 * rules were written from its failures. This is tune data: its failures print on standard output.
 *
 * <p>Template language: {@code @@NAME@@} is a fake made at test time ({@link Fakes#make}, or one of this test's shapes
 * below), {@code @@NAME#k@@} the k-th such value of the line again; {@code ⟦text⟧} is a string that must come through;
 * {@code \n} is a line break ({@code \r\n} stays as the two-character escapes a repr prints, {@code \\} is one
 * backslash). A planted value counts as leaked when its random part (its core) is in the output; a value shorter than
 * eight characters (a card's code) only when it stands beside the characters it stood beside.
 */
class SecondMainstreamMeasureTest {

    private static final String FILE = "/redaction/outside-mainstream-2.txt";
    private static final java.util.regex.Pattern PLACEHOLDER =
            java.util.regex.Pattern.compile("@@[A-Z][A-Z0-9_]*(?:#[0-9]+)?@@");

    // Measured once with the rules of the branch point (c218a9f), before any rule was changed for this material and
    // with no line of it changed after the run: 639 lines (344 with planted values), standard 14 of 443 planted values
    // leaked (3.2%) and 902 of 909 must-keep strings kept; at rest 8 of 352 secrets leaked, 902 of 909 kept. Lower the
    // leak bounds and raise the kept floors as rules are written from its failures, never the other way.
    // After the forms of SecondMainstreamFormsTest (redact34): standard 8 of 443 leaked and 902 of 909 kept; at rest 6
    // of 352, 902 kept. Of the 8: a user and password as a tuple in unittest's "Tuples differ" (2), an SSN of nine
    // digits in an INSERT with no column list, and, judged after the measure as the material's own faults, a value
    // Sequelize would have quoted, a "Value:" NestJS does not print, MinIO's access key (the table takes its secret
    // key only), a service account's private_key_id (a key's id) and an EF Core command whose VALUES line was left
    // out. Of the 7 lost: Stripe's pk_test_/sk_test_ shapes, a Slack webhook's URL, an oauth_token, a cookie's value
    // in part, a Twilio SID under sid= and a _ga cookie, which RedactorTest holds must go.
    // After a key whose random part is a sample's word kept (redact47, Tokens; OutsideMeasureFormsTest): Stripe's
    // pk_test_placeholder and sk_test_placeholder and the Slack webhook ending in /placeholder: 905 and 905 kept, leaks
    // as before. The 4 still lost, judged the material's: a _ga cookie (Google Analytics' client id, a person's
    // pseudonymous id, rightly taken), a remember_token's value in part (42|… is one value), an OAuth 1.0 token of
    // eight characters and a Twilio SID cut to ten (sid= names a session; a whole SM… SID is kept, see the fourth).
    private static final int LEAKS_STANDARD = 8;
    private static final int LEAKS_AT_REST = 6;
    private static final int KEPT_STANDARD = 905;
    private static final int KEPT_AT_REST = 905;

    /** Shapes this measure needs that {@link Fakes} has not: national phone formats, url-safe passwords, lengths. */
    private static final Map<String, String[]> PHONES = Map.ofEntries(
            Map.entry("PH_IT", new String[] {"34#D1 #D3 #D4", "33#D1 #D3 #D4", "32#D1-#D7", "338 #D3 #D4"}),
            Map.entry("PH_FR", new String[] {"06 #D2 #D2 #D2 #D2", "07.#D2.#D2.#D2.#D2", "06#D8"}),
            Map.entry("PH_DE", new String[] {"0151 #D8", "0171/#D7", "030 #D8", "(089) #D3 #D4"}),
            Map.entry("PH_UK", new String[] {"07#D3 #D6", "020 7#D3 #D4", "(0161) 496 #D4"}),
            Map.entry("PH_US", new String[] {"(415) 8#D2-#D4", "646.7#D2.#D4", "312-9#D2-#D4", "415 6#D2 #D4"}),
            Map.entry("PH_ES", new String[] {"6#D2 #D3 #D3", "6#D2 #D2 #D2 #D2", "91 #D3 #D2 #D2"}),
            Map.entry("PH_NL", new String[] {"06-#D8", "06 #D8", "020-#D3 #D4"}),
            Map.entry("PH_AU", new String[] {"04#D2 #D3 #D3", "(02) #D4 #D4"}),
            Map.entry("PH_BR", new String[] {"(11) 9#D4-#D4", "(21) 9#D4-#D4"}),
            Map.entry("PH_IN", new String[] {"98#D3 #D5", "9#D4-#D5"}),
            Map.entry("PH_MX", new String[] {"55 #D4 #D4", "(33) #D4-#D4"}),
            Map.entry("PH_JP", new String[] {"090-#D4-#D4", "080-#D4-#D4", "03-#D4-#D4"}),
            Map.entry("PH_PL", new String[] {"5#D2 #D3 #D3", "6#D2-#D3-#D3"}),
            Map.entry("PH_SE", new String[] {"07#D1-#D3 #D2 #D2", "08-#D3 #D2 #D2"}),
            Map.entry("PH_CA", new String[] {"(604) 5#D2-#D4", "416-8#D2-#D4"}));

    private static final Map<String, String[]> SECRETS = Map.ofEntries(
            Map.entry("PWU", new String[] {"#A9-#A4", "#A6_#A7", "#A11.#A3", "#A12"}),
            Map.entry("CVV", new String[] {"#D3"}),
            Map.entry("ALNUM20", new String[] {"#A20"}),
            Map.entry("ALNUM32", new String[] {"#A32"}),
            Map.entry("ALNUM40", new String[] {"#A40"}),
            Map.entry("ALNUM52", new String[] {"#A52"}),
            Map.entry("HEX40", new String[] {"#H40"}),
            Map.entry("HEX128", new String[] {"#H128"}),
            Map.entry("BCRYPT", new String[] {"$2a$12$#A53"}),
            Map.entry("OKTA_TOKEN", new String[] {"00#W40"}),
            Map.entry("MAILGUN", new String[] {"key-#H32"}));

    /** One planted value: its name, what must not survive, and the text beside it for a short one. */
    record Planted(String name, Fake fake, String before, String after) {
        boolean leaked(String out) {
            String core = fake.core();
            if (core.length() >= 8) {
                return out.contains(core);
            }
            return out.contains(before + core) || out.contains(core + after);
        }
    }

    record Case(int line, String text, List<Planted> planted, List<String> keeps) {
    }

    record Figures(int planted, int leaked, int keeps, int kept, List<String> failures) {
    }

    @Test
    void theSecondOutsideMeasureStaysWithinItsFigures() throws IOException {
        List<Case> cases = load(FILE, new Fakes(34_2026L), new Random(34_2026L));
        holdsItsFigures(2, cases, 400, 600, LEAKS_STANDARD, LEAKS_AT_REST, KEPT_STANDARD, KEPT_AT_REST);
    }

    /**
     * Measures an outside measure's {@code cases} with both rule sets, prints its summary line and its failures as
     * {@code [outside measure N]}, and holds it to its bounds: at least {@code minPlanted} planted values and
     * {@code minKeeps} must-keep strings (the material is all there), no more leaks and no fewer kept strings than
     * measured. The second to fifth outside measures share it.
     */
    static void holdsItsFigures(int measure, List<Case> cases, int minPlanted, int minKeeps, int leaksStandard,
            int leaksAtRest, int keptStandard, int keptAtRest) {
        Figures standard = measure(Redactor.standard(), cases, false);
        Figures atRest = measure(Redactor.atRest(), cases, true);
        long formats = cases.stream().filter(c -> !c.planted().isEmpty()).count();
        String tag = "[outside measure " + measure + "] ";
        System.out.printf(tag + "%d lines, %d with planted values: standard %d of %d leaked, %d of %d"
                        + " kept; at rest %d of %d secrets leaked, %d of %d kept%n", cases.size(), formats,
                standard.leaked(), standard.planted(), standard.kept(), standard.keeps(), atRest.leaked(),
                atRest.planted(), atRest.kept(), atRest.keeps());
        standard.failures().forEach(f -> System.out.println(tag + "standard " + f));
        atRest.failures().forEach(f -> System.out.println(tag + "at rest " + f));
        assertTrue(standard.planted() >= minPlanted && standard.keeps() >= minKeeps, "the material is all there");
        assertTrue(standard.leaked() <= leaksStandard, () -> "standard leaks " + standard.leaked());
        assertTrue(atRest.leaked() <= leaksAtRest, () -> "at rest leaks " + atRest.leaked());
        assertTrue(standard.kept() >= keptStandard, () -> "standard keeps " + standard.kept());
        assertTrue(atRest.kept() >= keptAtRest, () -> "at rest keeps " + atRest.kept());
    }

    static Figures measure(Redactor redactor, List<Case> cases, boolean secretsOnly) {
        int planted = 0;
        int leaked = 0;
        int keeps = 0;
        int kept = 0;
        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            String out = redactor.redact(c.text());
            boolean failed = false;
            for (Planted p : c.planted()) {
                if (secretsOnly && p.fake().personal()) {
                    continue;
                }
                planted++;
                if (p.leaked(out)) {
                    leaked++;
                    failed = true;
                    failures.add("LEAK " + p.name() + " line " + c.line());
                }
            }
            for (String k : c.keeps()) {
                keeps++;
                if (out.contains(k)) {
                    kept++;
                } else {
                    failed = true;
                    failures.add("LOST \"" + k + "\" line " + c.line());
                }
            }
            if (failed) {
                failures.add("  out: " + out.replace("\n", "\\n"));
            }
        }
        return new Figures(planted, leaked, keeps, kept, failures);
    }

    /** The cases of one outside measure's file (this test's template language), its fakes drawn from {@code fakes}. */
    static List<Case> load(String file, Fakes fakes, Random random) throws IOException {
        return load(file, fakes, random, name -> null);
    }

    /**
     * The cases of one outside measure's file, with {@code own} asked first for each placeholder: a measure's own fakes
     * (null where a name is not one of them, which {@link Fakes} and this test's shapes then make).
     */
    static List<Case> load(String file, Fakes fakes, Random random, java.util.function.Function<String, Fake> own)
            throws IOException {
        String all;
        try (InputStream in = SecondMainstreamMeasureTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file);
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> cases = new ArrayList<>();
        String[] lines = all.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            cases.add(fill(i + 1, unescape(line), fakes, random, own));
        }
        return cases;
    }

    private static String unescape(String line) {
        return line.replace("\\\\", "\u0000").replace("\\r\\n", "\u0001").replace("\\n", "\n")
                .replace("\u0001", "\\r\\n").replace("\u0000", "\\");
    }

    private static Case fill(int lineNo, String line, Fakes fakes, Random random,
            java.util.function.Function<String, Fake> own) {
        StringBuilder text = new StringBuilder();
        List<Planted> planted = new ArrayList<>();
        List<String> keeps = new ArrayList<>();
        Map<String, Fake> again = new HashMap<>();
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            java.util.regex.Matcher m = PLACEHOLDER.matcher(line).region(i, line.length());
            if (m.lookingAt()) {
                int end = m.end() - 2;
                String spec = line.substring(i + 2, end);
                String name = spec.contains("#") ? spec.substring(0, spec.indexOf('#')) : spec;
                Fake fake;
                if (spec.contains("#")) {
                    int k = Integer.parseInt(spec.substring(spec.indexOf('#') + 1));
                    fake = again.get(name + "#" + k);
                    assertNotNull(fake, () -> "line " + lineNo + ": no earlier " + spec);
                } else {
                    Fake mine = own.apply(name);
                    fake = mine != null ? mine : make(name, fakes, random);
                    int k = 1;
                    while (again.containsKey(name + "#" + k)) {
                        k++;
                    }
                    again.put(name + "#" + k, fake);
                }
                int start = text.length();
                text.append(fake.value());
                spans.add(new int[] {planted.size(), start});
                planted.add(new Planted(name, fake, "", ""));
                i = end + 2;
            } else if (line.startsWith("⟦", i)) {
                int end = line.indexOf('⟧', i);
                String keep = line.substring(i + 1, end);
                keeps.add(keep);
                text.append(keep);
                i = end + 1;
            } else {
                text.append(line.charAt(i));
                i++;
            }
        }
        String t = text.toString();
        for (int[] s : spans) {
            Planted p = planted.get(s[0]);
            int start = t.indexOf(p.fake().value(), s[1]);
            int coreAt = start + p.fake().value().indexOf(p.fake().core());
            int coreEnd = coreAt + p.fake().core().length();
            planted.set(s[0], new Planted(p.name(), p.fake(), t.substring(Math.max(0, coreAt - 6), coreAt),
                    t.substring(coreEnd, Math.min(t.length(), coreEnd + 4))));
        }
        return new Case(lineNo, t, planted, keeps);
    }

    private static Fake make(String name, Fakes fakes, Random random) {
        if (name.equals("PW")) {
            return fakes.make("PASSWORD");
        }
        String[] phone = PHONES.get(name);
        if (phone != null) {
            return Fake.personal(fakes.shape(phone[random.nextInt(phone.length)]).value());
        }
        String[] secret = SECRETS.get(name);
        if (secret != null) {
            return fakes.shape(secret[random.nextInt(secret.length)]);
        }
        return fakes.make(name);
    }
}
