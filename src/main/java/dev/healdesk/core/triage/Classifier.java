package dev.healdesk.core.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds the first pattern, in catalog order, whose regex matches a failure: against the message first, then (when
 * nothing matched) against the message and the stack together. Never returns null: the catch-all pattern answers
 * when nothing else matches.
 *
 * <p>Speed without caching: a regex is split into its top-level alternatives ("units"), and each unit gets
 * pre-filter literals (derived by {@link RegexHints}; a pattern with explicit {@link FailurePattern#hints()} stays
 * one unit with those). One Aho-Corasick pass over the text tells which units can match; only their regexes run,
 * and a unit that is nothing but its literal matches without running at all. Units without literals always run.
 * Thread-safe.
 */
public final class Classifier {

    private final PatternCatalog catalog;
    private final Pattern[] unitRegex;       // per unit
    private final int[] unitPattern;         // unit -> pattern index
    private final long[] always;             // units without literals
    private final Classification[] classifications;
    private final LiteralMatcher literals;
    private final int words;
    private final Classification fallback;

    public Classifier(PatternCatalog catalog) {
        this(catalog, true);
    }

    /** {@code useHints = false} runs every whole regex (for tests proving the pre-filter changes nothing). */
    Classifier(PatternCatalog catalog, boolean useHints) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        FailurePattern catchAll = catalog.unknown();
        List<FailurePattern> ordered = catalog.patterns().stream().filter(p -> p != catchAll).toList();
        classifications = new Classification[ordered.size()];
        List<Pattern> regexes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<List<RegexHints.Hint>> hints = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            FailurePattern p = ordered.get(i);
            classifications[i] = p.classification();
            if (!useHints) {
                regexes.add(p.regex());
                owners.add(i);
                hints.add(null);
            } else if (!p.hints().isEmpty()) {
                regexes.add(p.regex());
                owners.add(i);
                hints.add(explicitHints(p));
            } else {
                List<RegexHints.Alternative> alternatives = RegexHints.split(p.regex().pattern());
                for (RegexHints.Alternative alt : alternatives) {
                    regexes.add(alternatives.size() == 1 ? p.regex() : Pattern.compile(alt.source(), p.regex().flags()));
                    owners.add(i);
                    hints.add(alt.hints());
                }
            }
        }
        int units = regexes.size();
        unitRegex = regexes.toArray(new Pattern[0]);
        unitPattern = owners.stream().mapToInt(Integer::intValue).toArray();
        words = Math.max(1, (units + 63) >>> 6);
        always = new long[words];
        for (int u = 0; u < units; u++) {
            if (hints.get(u) == null) {
                always[u >>> 6] |= 1L << u;
            }
        }
        literals = new LiteralMatcher(hints);
        fallback = catchAll.classification();
    }

    /** The hints the classifier uses for {@code p}, all units together; null when some part always runs. */
    static List<RegexHints.Hint> hintsOf(FailurePattern p) {
        if (!p.hints().isEmpty()) {
            return explicitHints(p);
        }
        List<RegexHints.Hint> out = new ArrayList<>();
        for (RegexHints.Alternative alt : RegexHints.split(p.regex().pattern())) {
            if (alt.hints() == null) {
                return null;
            }
            out.addAll(alt.hints());
        }
        return out;
    }

    /** Explicit hints (the ASCII part of each), or null (always run) when one has no ASCII at all. */
    private static List<RegexHints.Hint> explicitHints(FailurePattern p) {
        List<RegexHints.Hint> out = new ArrayList<>();
        for (String h : p.hints()) {
            String ascii = longestAsciiRun(h);
            if (ascii.isEmpty()) {
                return null;
            }
            out.add(new RegexHints.Hint(ascii, false));
        }
        return out;
    }

    private static String longestAsciiRun(String s) {
        String best = "";
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) >= 128) {
                if (i - start > best.length()) {
                    best = s.substring(start, i);
                }
                start = i + 1;
            }
        }
        return best;
    }

    public PatternCatalog catalog() {
        return catalog;
    }

    public Classification classify(String message, String stack) {
        String msg = message == null ? "" : message;
        long[] candidates = new long[words];
        long[] exact = new long[words];
        literals.scan(msg, candidates, exact);
        int hit = firstMatch(msg, candidates, exact);
        if (hit < 0 && stack != null && !stack.isBlank()) {
            literals.scan(stack, candidates, exact);
            hit = firstMatch(msg.isEmpty() ? stack : msg + "\n" + stack, candidates, exact);
        }
        return hit < 0 ? fallback : classifications[hit];
    }

    private int firstMatch(String text, long[] candidates, long[] exact) {
        for (int w = 0; w < words; w++) {
            long bits = candidates[w] | always[w];
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int u = (w << 6) + bit;
                if ((exact[w] & (1L << bit)) != 0 || unitRegex[u].matcher(text).find()) {
                    return unitPattern[u];
                }
            }
        }
        return -1;
    }
}
