package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys and tokens that announce themselves by a fixed part ({@code ghp_}, {@code AKIA}, {@code eyJ}, the {@code Q~}
 * of an Azure client secret...), from the table of rules kept as data ({@link RuleTable}). A rule's regex
 * runs only where a word starts with one of its prefixes (or where its anchor stands, a fixed number of characters
 * into the token), and only over a window there ({@link Matcher#region}), which is what keeps the redactor fast on
 * long logs. The table says where each shape was learnt (gitleaks, trufflehog, detect-secrets, secretlint).
 */
final class Tokens extends Detector {

    /**
     * One format: its kind, the literal prefixes that trigger it (or an anchor {@code back} characters into it, or, with
     * {@code backOver}, up to {@code back} characters of that set before it: the digits of a Telegram bot id before its
     * {@code :AA}), its regex (anchored where the token starts), how far the regex may look, whether what follows the
     * prefix must mix digits, capitals and small letters, and whether a {@code scheme://} before it goes too (webhook
     * URLs).
     */
    record Rule(String id, SecretKind kind, String[] prefixes, String anchor, int back, String backOver, Pattern regex,
                int window, boolean mixed, boolean withScheme) {

        /*
         * equals and hashCode written out, the same as the record's own (arrays and patterns by reference): those are
         * linked through method handles the first time they run (Java 17's ObjectMethods bootstrap spins a score of
         * classes the class-data archive cannot hold), and the table is built with rules in hash sets by every process
         * that redacts, a CLI command's report included.
         */
        @Override
        public boolean equals(Object o) {
            return o instanceof Rule r && r.id.equals(id) && r.kind == kind && r.prefixes == prefixes
                    && java.util.Objects.equals(r.anchor, anchor) && r.back == back
                    && java.util.Objects.equals(r.backOver, backOver) && r.regex == regex && r.window == window
                    && r.mixed == mixed && r.withScheme == withScheme;
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    private final Rule[][] byFirstChar = new Rule[128][];
    private final Rule[][] byAnchorChar = new Rule[128][];
    /**
     * By first character: the characters that can come second in a prefix starting with it (null: any), so that most
     * words that start like a token (every "s", "p", "d"...) are passed over without trying each rule's prefixes.
     */
    private final boolean[][] secondChars = new boolean[128][];
    /**
     * By the first two characters ({@code 128 * first + second}): the prefixes that start so, each with its rule, in the
     * table's order (a rule's prefixes in its own order); a word that passes the second-character filter tries only
     * these, not every prefix of every rule of its first character. Null where no prefix starts so.
     */
    private final Prefix[][] byFirstTwo = new Prefix[128 * 128][];
    /**
     * By the first two characters: the characters that can come third in a prefix starting so, or null where a prefix
     * is those two characters alone (or its third is not ASCII). Most words that start like a token ("ex" of "expected"
     * and "ext_", "pa" of "path" and "pat.") stop here.
     */
    private final boolean[][] thirdChars = new boolean[128 * 128][];

    private record Prefix(String text, Rule rule) {
    }

    Tokens(List<Rule> rules) {
        Map<Character, Set<Rule>> byChar = new LinkedHashMap<>();
        Map<Character, Set<Rule>> byAnchor = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (r.anchor() != null) {
                byAnchor.computeIfAbsent(r.anchor().charAt(0), c -> new LinkedHashSet<>()).add(r);
            }
            for (String p : r.prefixes()) {
                byChar.computeIfAbsent(p.charAt(0), c -> new LinkedHashSet<>()).add(r);
            }
        }
        byChar.forEach((c, set) -> byFirstChar[c] = set.toArray(new Rule[0]));
        byChar.forEach((c, set) -> {
            boolean[] second = new boolean[128];
            for (Rule r : set) {
                for (String p : r.prefixes()) {
                    if (p.charAt(0) != c) {
                        continue;
                    }
                    if (p.length() < 2 || p.charAt(1) >= 128) {
                        return;   // any second character: no filter for c
                    }
                    second[p.charAt(1)] = true;
                }
            }
            secondChars[c] = second;
        });
        byAnchor.forEach((c, set) -> byAnchorChar[c] = set.toArray(new Rule[0]));
        Map<Integer, List<Prefix>> byTwo = new LinkedHashMap<>();
        for (Rule r : rules) {   // in the table's order, so the first rule that matches still wins
            for (String p : r.prefixes()) {
                if (p.length() >= 2 && p.charAt(0) < 128 && p.charAt(1) < 128) {
                    byTwo.computeIfAbsent(128 * p.charAt(0) + p.charAt(1), k -> new ArrayList<>()).add(new Prefix(p, r));
                }
            }
        }
        byTwo.forEach((k, list) -> {
            byFirstTwo[k] = list.toArray(new Prefix[0]);
            boolean[] third = new boolean[128];
            for (Prefix p : list) {
                if (p.text().length() < 3 || p.text().charAt(2) >= 128) {
                    return;   // any third character: no filter for these two
                }
                third[p.text().charAt(2)] = true;
            }
            thirdChars[k] = third;
        });
    }

    /**
     * For a character that starts prefixes only (no anchor), the characters that can follow it in one; null otherwise.
     * Where a word's second character is not among them this detector finds nothing there, so {@link Redactor} checks
     * that itself before calling it.
     */
    boolean[] secondFilter(char c) {
        return c < 128 && byAnchorChar[c] == null && byFirstChar[c] != null ? secondChars[c] : null;
    }

    /**
     * Where a word character starts prefixes only, what can follow it in one ({@link #secondFilter}); where another
     * character starts anchors only, each of two characters or more, what can follow it in one.
     */
    @Override
    public boolean[] seconds(char c) {
        if (c >= 128) {
            return null;
        }
        if (Chars.word(c)) {
            return secondFilter(c);
        }
        if (byFirstChar[c] != null || byAnchorChar[c] == null) {
            return null;
        }
        boolean[] second = new boolean[128];
        for (Rule r : byAnchorChar[c]) {
            if (r.anchor().length() < 2 || r.anchor().charAt(1) >= 128) {
                return null;
            }
            second[r.anchor().charAt(1)] = true;
        }
        return second;
    }

    /** The characters that can start a token or its anchor, for {@link Redactor}'s trigger table. */
    String firstChars() {
        StringBuilder b = new StringBuilder();
        for (char c = 0; c < 128; c++) {
            if (byFirstChar[c] != null || byAnchorChar[c] != null) {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public int at(Scan scan, int i) {
        String s = scan.text;
        char c = s.charAt(i);
        Rule[] anchored = byAnchorChar[c];
        if (anchored != null) {
            for (Rule r : anchored) {
                if (!s.startsWith(r.anchor(), i)) {
                    continue;
                }
                int start = r.backOver() == null ? i - r.back() : backOver(s, i, r);
                // a run read back over may follow a word (Telegram's /bot123…:AA…), not more of the run
                boolean starts = r.backOver() == null ? start >= 0 && !Chars.joinedBefore(s, start)
                        : start < i && (start == 0 || r.backOver().indexOf(s.charAt(start - 1)) < 0);
                if (starts) {
                    int end = match(r, s, start);
                    if (end > 0) {
                        claim(scan, r, start, end);
                        return end;
                    }
                }
            }
        }
        Rule[] rules = byFirstChar[c];
        if (rules == null) {
            return i + 1;
        }
        boolean[] second = secondChars[c];
        if (second != null && (i + 1 >= s.length() || s.charAt(i + 1) >= 128 || !second[s.charAt(i + 1)])) {
            return anchored != null ? i + 1 : scan.wordEnd(i);   // no prefix goes on so: as if none matched
        }
        if (Chars.joinedBefore(s, i)) {
            return anchored != null ? i + 1 : scan.wordEnd(i);
        }
        if (second != null) {
            // the filter passed: both are ASCII, and some prefix starts so
            int two = 128 * c + s.charAt(i + 1);
            boolean[] third = thirdChars[two];
            if (third == null || i + 2 < s.length() && s.charAt(i + 2) < 128 && third[s.charAt(i + 2)]) {
                int end = byPrefix(scan, i, byFirstTwo[two]);
                if (end > 0) {
                    return end;
                }
            }
            return anchored != null ? i + 1 : scan.wordEnd(i);
        }
        for (Rule r : rules) {
            int prefix = prefixLength(s, i, r.prefixes());
            if (prefix < 0) {
                continue;
            }
            int end = match(r, s, i);
            if (end > 0 && (!r.mixed() || Values.mixedCase(s, i + prefix, end)) && !sample(s, i, end)) {
                claim(scan, r, i, end);
                return end;
            }
        }
        return anchored != null ? i + 1 : scan.wordEnd(i);
    }

    /**
     * Tries the rules of {@code prefixes} whose prefix {@code s} has at {@code i}, each once, with its first such prefix,
     * in the table's order (as trying every rule of the first character with {@link #prefixLength} would); the end of
     * the token found and claimed, or -1.
     */
    private static int byPrefix(Scan scan, int i, Prefix[] prefixes) {
        String s = scan.text;
        Rule tried = null;
        for (Prefix p : prefixes) {
            Rule r = p.rule();
            if (r == tried || !s.startsWith(p.text(), i)) {
                continue;
            }
            tried = r;
            int end = match(r, s, i);
            if (end > 0 && (!r.mixed() || Values.mixedCase(s, i + p.text().length(), end)) && !sample(s, i, end)) {
                claim(scan, r, i, end);
                return end;
            }
        }
        return -1;
    }

    /**
     * Claims the token {@code r} found at {@code [start, end)}: where its regex has a group named {@code secret}, that
     * group alone (a webhook URL's credential path, its host and the route that says which service it is left for the
     * operator: {@code https://hooks.slack.com/services/…}); else all of it, from its scheme on where the rule says
     * so.
     */
    private static void claim(Scan scan, Rule r, int start, int end) {
        String s = scan.text;
        if (r.regex().pattern().contains("(?<secret>")) {
            Matcher m = r.regex().matcher(s).region(start, Math.min(s.length(), start + r.window()))
                    .useTransparentBounds(true);
            if (m.lookingAt() && m.start("secret") >= 0) {
                scan.add(r.kind(), m.start("secret"), m.end("secret"));
                return;
            }
        }
        scan.add(r.kind(), r.withScheme() ? schemeStart(s, start) : start, end);
    }

    private static int match(Rule r, String s, int start) {
        Matcher m = r.regex().matcher(s).region(start, Math.min(s.length(), start + r.window()))
                .useTransparentBounds(true);
        return m.lookingAt() ? m.end() : -1;
    }

    /** Where the run of {@code r.backOver()} characters (at most {@code r.back()}) before the anchor at {@code i} starts. */
    private static int backOver(String s, int i, Rule r) {
        int start = i;
        while (start > 0 && i - start < r.back() && r.backOver().indexOf(s.charAt(start - 1)) >= 0) {
            start--;
        }
        return start;
    }

    /** Where {@code https://} before {@code i} starts, or {@code i} when there is none. */
    private static int schemeStart(String s, int i) {
        if (i < 3 || !s.startsWith("://", i - 3)) {
            return i;
        }
        int k = i - 3;
        while (k > 0 && i - k < 16 && Chars.letter(s.charAt(k - 1))) {
            k--;
        }
        return k < i - 3 ? k : i;
    }

    /** The length of the prefix that {@code s} has at {@code i}, or -1 for none. */
    private static int prefixLength(String s, int i, String[] prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p, i)) {
                return p.length();
            }
        }
        return -1;
    }

    /**
     * Whether the token {@code s[start, end)} is a sample's: its last part, after its last {@code _} or {@code /}, is a
     * word docs, fixtures and sample configs write where the key is to go ({@code sk_test_placeholder},
     * {@code hooks.slack.com/services/T00000000/B00000000/placeholder}, {@code pk_live_example}) or one letter repeated
     * ({@code sk_test_xxxxxxxxxxxx}). A token's random part is drawn from capitals, small letters and digits: it ends in
     * such a word, whole after a separator, next to never.
     */
    private static boolean sample(String s, int start, int end) {
        int k = end;
        while (k > start && Chars.lower(s.charAt(k - 1))) {
            k--;
        }
        if (end - k < 4 || k == start || s.charAt(k - 1) != '_' && s.charAt(k - 1) != '/') {
            return false;
        }
        boolean repeated = true;
        for (int i = k + 1; i < end && repeated; i++) {
            repeated = s.charAt(i) == s.charAt(k);
        }
        return repeated || Chars.isAnyExactly(s, k, end, SAMPLE_WORDS);
    }

    /** The words a sample writes for a key's random part. */
    private static final String[] SAMPLE_WORDS = {"placeholder", "example", "sample", "dummy", "fake", "changeme",
        "replaceme"};
}
