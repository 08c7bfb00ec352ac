package dev.healdesk.core.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first pattern, in catalog order, whose regex matches a failure: against the message first, then (when
 * nothing matched) against the message and the stack together. Never returns null: the catch-all pattern answers
 * when nothing else matches.
 *
 * <p>Speed without caching: a regex is split into its top-level alternatives ("units"), and each unit gets
 * pre-filter literals (derived by {@link RegexHints}; a pattern with explicit {@link FailurePattern#hints()} stays
 * one unit with those). One pass of the {@link LiteralMatcher} over the text tells which units can match; only their
 * regexes run, from where the literal their matches start with first occurs, and a unit that is nothing but its
 * literal matches without running at all. Units without literals always run.
 * Each thread reuses one {@link Matcher} per unit, so a regex run allocates nothing. A unit's regex is compiled when
 * the classifier first tries it (a unit that is a whole pattern through {@link FailurePattern#regex()}), so that a
 * process which classifies a few messages compiles only what it tries: the answers are the same.
 *
 * <p>{@link #match} also tells where the pattern first matches in the message (what {@code find()} of the pattern's
 * whole regex would say), so that triage can take the failure's own clause without running the regex again.
 * Thread-safe.
 */
public final class Classifier {

    private final PatternCatalog catalog;
    private final UnitRegex[] unitRegex;     // per unit, compiled on first use
    private final String[] unitLiteral;      // per unit: its literal when the unit is nothing but it, else null
    private final String[] unitPrefix;       // per unit: the literal every match starts with (lower case), or null
    private final int[] unitLiteralId;       // per unit: the literal matcher's id of unitLiteral, or -1
    private final int[] unitPrefixId;        // per unit: the literal matcher's id of unitPrefix, or -1
    private final ThreadLocal<Scratch> scratch;
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
        // loops and a named ThreadLocal, no streams or lambdas: a short triage process builds this once and would link
        // each lambda's call site and the stream classes afresh (docs/benchmarks, CLI start, tenth pass)
        List<FailurePattern> ordered = new ArrayList<>(catalog.patterns().size());
        for (FailurePattern p : catalog.patterns()) {
            if (p != catchAll) {
                ordered.add(p);
            }
        }
        classifications = new Classification[ordered.size()];
        List<UnitRegex> regexes = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<List<RegexHints.Hint>> hints = new ArrayList<>();
        List<String> exactLiterals = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            FailurePattern p = ordered.get(i);
            classifications[i] = p.classification();
            if (!useHints) {
                regexes.add(new UnitRegex(p));
                owners.add(i);
                hints.add(null);
                exactLiterals.add(null);
            } else if (!p.hints().isEmpty()) {
                regexes.add(new UnitRegex(p));
                owners.add(i);
                hints.add(explicitHints(p));
                exactLiterals.add(null);
            } else {
                List<RegexHints.Alternative> alternatives = RegexHints.split(p.regexSource());
                for (RegexHints.Alternative alt : alternatives) {
                    regexes.add(alternatives.size() == 1 ? new UnitRegex(p) : new UnitRegex(alt.source(), p.regexFlags()));
                    owners.add(i);
                    hints.add(alt.hints());
                    exactLiterals.add(alt.exact() ? alt.hints().get(0).literal() : null);
                }
            }
        }
        int units = regexes.size();
        unitRegex = regexes.toArray(new UnitRegex[0]);
        unitLiteral = exactLiterals.toArray(new String[0]);
        unitPrefix = new String[units];
        for (int u = 0; u < units; u++) {
            unitPrefix[u] = useHints ? literalPrefix(unitRegex[u].source(), unitRegex[u].flags()) : null;
        }
        unitPattern = new int[units];
        for (int u = 0; u < units; u++) {
            unitPattern[u] = owners.get(u);
        }
        words = Math.max(1, (units + 63) >>> 6);
        always = new long[words];
        for (int u = 0; u < units; u++) {
            if (hints.get(u) == null) {
                always[u >>> 6] |= 1L << u;
            }
        }
        List<String> located = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            if (unitPrefix[u] != null) {
                located.add(unitPrefix[u]);
            }
        }
        literals = new LiteralMatcher(hints, located);
        unitLiteralId = new int[units];
        unitPrefixId = new int[units];
        for (int u = 0; u < units; u++) {
            unitLiteralId[u] = unitLiteral[u] == null ? -1 : literals.id(unitLiteral[u]);
            unitPrefixId[u] = unitPrefix[u] == null ? -1 : literals.id(unitPrefix[u]);
        }
        scratch = new ThreadLocal<>() {
            @Override
            protected Scratch initialValue() {
                return new Scratch(unitRegex.length, words, literals.newState());
            }
        };
        fallback = catchAll.classification();
    }

    /**
     * A unit's regex, compiled when it is first asked for: a whole pattern's by the pattern itself (its compiled form is
     * the one {@link FailurePattern#regex()} gives), an alternative's here. Two threads that ask at once may both
     * compile it; each gets an equal regex, and the field is volatile, so a thread sees a whole one.
     */
    private static final class UnitRegex {
        private final FailurePattern whole;
        private final String source;
        private final int flags;
        private volatile Pattern compiled;

        UnitRegex(FailurePattern whole) {
            this.whole = whole;
            this.source = whole.regexSource();
            this.flags = whole.regexFlags();
        }

        UnitRegex(String source, int flags) {
            this.whole = null;
            this.source = source;
            this.flags = flags;
        }

        String source() {
            return source;
        }

        int flags() {
            return flags;
        }

        Pattern get() {
            if (whole != null) {
                return whole.regex();
            }
            Pattern p = compiled;
            if (p == null) {
                p = Pattern.compile(source, flags);
                compiled = p;
            }
            return p;
        }
    }

    /**
     * One thread's working set, found with one thread-local look-up per classification: a {@link Matcher} per unit
     * (a regex run allocates nothing), the candidate bit sets and the scanner's state (its char buffer, and where
     * each literal first occurs in the message).
     */
    private static final class Scratch {
        final Matcher[] matchers;
        final long[] candidates;
        final long[] exact;
        final LiteralMatcher.State literals;

        Scratch(int units, int words, LiteralMatcher.State literals) {
            matchers = new Matcher[units];
            candidates = new long[words];
            exact = new long[words];
            this.literals = literals;
        }
    }

    /** The hints the classifier uses for {@code p}, all units together; null when some part always runs. */
    static List<RegexHints.Hint> hintsOf(FailurePattern p) {
        if (!p.hints().isEmpty()) {
            return explicitHints(p);
        }
        List<RegexHints.Hint> out = new ArrayList<>();
        for (RegexHints.Alternative alt : RegexHints.split(p.regexSource())) {
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

    /**
     * A classification and where its pattern first matched in the message: the start of the leftmost match of the
     * pattern's regex, or -1 when it matched only with the stack or nothing matched (the catch-all answered).
     */
    public record Match(Classification classification, int start) {
    }

    public Classification classify(String message, String stack) {
        return classify(message, stack, false).classification();
    }

    /** As {@link #classify}, and where the pattern first matched in {@code message} (see {@link Match}). */
    public Match match(String message, String stack) {
        return classify(message, stack, true);
    }

    private Match classify(String message, String stack, boolean wantStart) {
        String msg = message == null ? "" : message;
        Scratch mine0 = scratch.get();
        long[] candidates = mine0.candidates;
        long[] exact = mine0.exact;
        java.util.Arrays.fill(candidates, 0L);
        java.util.Arrays.fill(exact, 0L);
        Matcher[] mine = mine0.matchers;
        LiteralMatcher.State state = mine0.literals;
        literals.scan(msg, candidates, exact, state);
        long hit = firstMatch(msg, candidates, exact, mine, wantStart, state);
        int start = hit >= 0 ? (int) hit : -1;
        if (hit < 0 && stack != null && !stack.isBlank()) {
            literals.scan(stack, candidates, exact, state);
            hit = firstMatch(msg.isEmpty() ? stack : msg + "\n" + stack, candidates, exact, mine, false, null);
        }
        return new Match(hit >= 0 ? classifications[(int) (hit >>> 32)] : fallback, start);
    }

    /**
     * The first pattern (in catalog order) one of whose units matches {@code text}, in the high 32 bits, and (when
     * asked for) the start of its leftmost match in the low 32 bits: the earliest start over the pattern's units, as
     * the whole regex's {@code find()} would give (its units before the one that matched cannot match). -1: none.
     * {@code located}: the literal scan of exactly {@code text}, which tells where its literals first occur; null
     * when {@code text} is more than was scanned last (the message and the stack): then they are searched for.
     */
    private long firstMatch(String text, long[] candidates, long[] exact, Matcher[] mine, boolean wantStart,
                            LiteralMatcher.State located) {
        for (int w = 0; w < words; w++) {
            long bits = candidates[w] | always[w];
            while (bits != 0) {
                int bit = Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                int u = (w << 6) + bit;
                int at = start(u, text, candidates, exact, mine, located);
                if (at < 0) {
                    continue;
                }
                int pattern = unitPattern[u];
                if (wantStart) {
                    for (int v = u + 1; v < unitPattern.length && unitPattern[v] == pattern && at > 0; v++) {
                        int other = start(v, text, candidates, exact, mine, located);
                        if (other >= 0 && other < at) {
                            at = other;
                        }
                    }
                }
                return ((long) pattern << 32) | (wantStart ? at : 0);
            }
        }
        return -1;
    }

    /** Where unit {@code u} first matches {@code text}; -1 when it cannot (not a candidate) or does not. */
    private int start(int u, String text, long[] candidates, long[] exact, Matcher[] mine,
                      LiteralMatcher.State located) {
        long bit = 1L << u;
        int w = u >>> 6;
        if (((candidates[w] | always[w]) & bit) == 0) {
            return -1;
        }
        if ((exact[w] & bit) != 0 && unitLiteral[u] != null) {
            int at = located != null && unitLiteralId[u] >= 0 ? LiteralMatcher.first(located, unitLiteralId[u])
                    : indexOfAsciiIgnoreCase(text, unitLiteral[u]);
            if (at >= 0) {
                return at;
            }
        }
        int from = 0;
        String prefix = unitPrefix[u];
        if (prefix != null) {
            from = located != null && unitPrefixId[u] >= 0 ? LiteralMatcher.first(located, unitPrefixId[u])
                    : indexOfAsciiIgnoreCase(text, prefix);
            if (from < 0) {
                return -1; // every match starts with the prefix: none here
            }
        }
        Matcher m = mine[u];
        if (m == null) {
            m = unitRegex[u].get().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false); // a region changes nothing but where find starts
            mine[u] = m;
        } else {
            m.reset(text);
        }
        if (from > 0) {
            m.region(from, text.length());
        }
        return m.find() ? m.start() : -1;
    }

    /** Shortest prefix worth looking for before a regex runs. */
    static final int MIN_PREFIX = 3;

    /**
     * The plain text every match of {@code regex} starts with, in lower case: its leading characters up to the first
     * construct that is not a literal character (a group, a class, a quantifier takes the character before it out);
     * null when shorter than {@value #MIN_PREFIX}, or when case folding is not ASCII-only (then a look-up that folds
     * ASCII case could miss where a match starts). No match can start before the prefix's first occurrence, so the
     * regex may start looking there, with transparent bounds: look-behinds and word boundaries still see the text
     * before.
     */
    static String literalPrefix(Pattern regex) {
        return literalPrefix(regex.pattern(), regex.flags());
    }

    /** {@link #literalPrefix(Pattern)} of the regex {@code src} with {@code flags}, without compiling it. */
    static String literalPrefix(String src, int flags) {
        if ((flags & (Pattern.UNICODE_CASE | Pattern.LITERAL | Pattern.COMMENTS | Pattern.CANON_EQ)) != 0) {
            return null;
        }
        if (hasTopLevelAlternative(src)) {
            return null; // a|b: a match may start with either
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            char lit;
            int next;
            if (c == '\\') {
                if (i + 1 >= src.length()) {
                    break;
                }
                char e = src.charAt(i + 1);
                if (Character.isLetterOrDigit(e) || e >= 128) {
                    break; // \b, \d, \Q, a back reference...: not one plain character
                }
                lit = e;
                next = i + 2;
            } else if ("[](){}.*+?^$|".indexOf(c) >= 0 || c >= 128 || c < 32) {
                break;
            } else {
                lit = c;
                next = i + 1;
            }
            if (next < src.length() && "?*{".indexOf(src.charAt(next)) >= 0) {
                break; // optional or counted: not sure to be there
            }
            out.append(lit >= 'A' && lit <= 'Z' ? (char) (lit + 32) : lit);
            i = next;
            if (next < src.length() && src.charAt(next) == '+') {
                break; // once at least; what follows may repeat it
            }
        }
        return out.length() >= MIN_PREFIX ? out.toString() : null;
    }

    /** Whether {@code src} has a {@code |} outside every group and character class. */
    private static boolean hasTopLevelAlternative(String src) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                if (c == '[') {
                    return true; // a nested class: not worth reading, say yes
                }
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < src.length() && src.charAt(i + 1) == ']') {
                    i++; // []...] : a leading ] is a member
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** First index of the lower-case ASCII {@code literal} in {@code text}, ASCII case ignored (as the regex folds). */
    static int indexOfAsciiIgnoreCase(String text, String literal) {
        int n = literal.length();
        char first = literal.charAt(0);
        for (int i = 0, last = text.length() - n; i <= last; i++) {
            char c = text.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != first) {
                continue;
            }
            int k = 1;
            while (k < n) {
                char d = text.charAt(i + k);
                if ((d >= 'A' && d <= 'Z' ? (char) (d + 32) : d) != literal.charAt(k)) {
                    break;
                }
                k++;
            }
            if (k == n) {
                return i;
            }
        }
        return -1;
    }
}
