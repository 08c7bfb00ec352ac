package dev.healdesk.core.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives pre-filter literals from a regular expression: lower-case ASCII strings of which at least one occurs in
 * every text the (case-insensitive) regex can match. A literal is <em>exact</em> when it is a whole top-level
 * alternative, so that finding it proves the regex matches without running it.
 *
 * <p>The derivation is conservative: each top-level alternative must yield a literal of at least
 * {@value #MIN_LENGTH} characters (its longest run of plain characters that is not optional, or else the literals
 * of a mandatory group), otherwise no hints are returned and the regex always runs. Regexes using the COMMENTS or
 * UNICODE_CASE flags never get hints.
 */
final class RegexHints {

    static final int MIN_LENGTH = 3;

    record Hint(String literal, boolean exact) {
    }

    /**
     * One top-level alternative of a regex, with its hints (null: none, the alternative always runs). A regex
     * matches somewhere in a text exactly when one of its top-level alternatives does, so each can be tried alone.
     */
    record Alternative(String source, List<Hint> hints) {
        boolean exact() {
            return hints != null && hints.size() == 1 && hints.get(0).exact();
        }
    }

    private RegexHints() {
    }

    /** The hints, or null when none can be derived safely. */
    static List<Hint> derive(String regex) {
        if (regex == null || regex.isEmpty() || hasUnsafeFlags(regex)) {
            return null;
        }
        try {
            return new RegexHints.Parser(regex).alternation(0, regex.length(), true);
        } catch (RuntimeException e) {
            return null; // something this small parser does not understand: no hints, the regex always runs
        }
    }

    /**
     * The regex's top-level alternatives with their hints, or a single alternative (the whole regex, with the hints
     * of {@link #derive}) when splitting is unsafe: inline flags that reach past their group ({@code (?m)x|y}) or
     * back-references.
     */
    static List<Alternative> split(String regex) {
        List<Alternative> whole = List.of(new Alternative(regex, derive(regex)));
        if (regex == null || regex.isEmpty() || hasUnsafeFlags(regex) || hasGlobalFlagsOrBackReferences(regex)) {
            return whole;
        }
        try {
            Parser parser = new Parser(regex);
            List<int[]> ranges = parser.topLevelAlternatives();
            if (ranges.size() < 2) {
                return whole;
            }
            List<Alternative> out = new ArrayList<>(ranges.size());
            for (int[] r : ranges) {
                out.add(new Alternative(regex.substring(r[0], r[1]), parser.sequence(r[0], r[1], true)));
            }
            return out;
        } catch (RuntimeException e) {
            return whole;
        }
    }

    private static boolean hasGlobalFlagsOrBackReferences(String re) {
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                char d = re.charAt(i + 1);
                if ((d >= '1' && d <= '9') || d == 'k') {
                    return true;
                }
                i++;
            } else if (c == '(' && i + 2 < re.length() && re.charAt(i + 1) == '?') {
                int k = i + 2;
                while (k < re.length() && (Character.isLetter(re.charAt(k)) || re.charAt(k) == '-')) {
                    k++;
                }
                if (k > i + 2 && k < re.length() && re.charAt(k) == ')') {
                    return true; // (?i) or (?m): applies to the rest of the regex, across alternatives
                }
            }
        }
        return false;
    }

    private static boolean hasUnsafeFlags(String re) {
        for (int i = re.indexOf("(?"); i >= 0; i = re.indexOf("(?", i + 2)) {
            if (i > 0 && re.charAt(i - 1) == '\\') {
                continue;
            }
            for (int k = i + 2; k < re.length(); k++) {
                char c = re.charAt(k);
                if (c == 'x' || c == 'u' || c == 'U') {
                    return true;
                }
                if (!(Character.isLetter(c) || c == '-')) {
                    break;
                }
            }
        }
        return false;
    }

    private static final class Parser {
        private final String re;

        Parser(String re) {
            this.re = re;
        }

        /** [start, end) of each top-level alternative. */
        List<int[]> topLevelAlternatives() {
            return alternatives(0, re.length());
        }

        /** [start, end) of each alternative of {@code re[from, to)} at its own nesting level. */
        List<int[]> alternatives(int from, int to) {
            List<int[]> out = new ArrayList<>();
            int start = from;
            int depth = 0;
            int i = from;
            while (i <= to) {
                if (i == to || (depth == 0 && re.charAt(i) == '|')) {
                    out.add(new int[] {start, i});
                    start = i + 1;
                    i++;
                    continue;
                }
                char c = re.charAt(i);
                if (c == '\\') {
                    i = escapeEnd(i);
                    continue;
                }
                if (c == '[') {
                    i = classEnd(i);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                }
                i++;
            }
            return out;
        }

        List<Hint> alternation(int from, int to, boolean topLevel) {
            List<Hint> all = new ArrayList<>();
            for (int[] range : alternatives(from, to)) {
                List<Hint> alt = sequence(range[0], range[1], topLevel);
                if (alt == null) {
                    return null;
                }
                all.addAll(alt);
            }
            return all;
        }

        List<Hint> sequence(int from, int to, boolean topLevel) {
            StringBuilder run = new StringBuilder();
            String best = "";
            boolean pureLiteral = true;
            List<Hint> groupHints = null;
            int i = from;
            while (i < to) {
                char c = re.charAt(i);
                int atomEnd;
                int literal = -1; // the literal char of this atom, or -1
                int groupFrom = -1;
                int groupTo = -1;
                if (c == '\\') {
                    atomEnd = escapeEnd(i);
                    char d = re.charAt(i + 1);
                    if (atomEnd == i + 2 && !Character.isLetterOrDigit(d) && d >= 32 && d < 127) {
                        literal = d;
                    }
                } else if (c == '[') {
                    atomEnd = classEnd(i);
                } else if (c == '(') {
                    atomEnd = groupEnd(i);
                    int inner = i + 1;
                    boolean plainGroup = true;
                    if (inner < atomEnd && re.charAt(inner) == '?') {
                        char k = re.charAt(inner + 1);
                        int f = inner + 1;
                        while (f < atomEnd && (Character.isLetter(re.charAt(f)) || re.charAt(f) == '-')) {
                            f++;
                        }
                        if (k == ':' || k == '>') {
                            inner += 2;
                        } else if (k == '<' && Character.isLetter(re.charAt(inner + 2))) {
                            inner = re.indexOf('>', inner) + 1;
                        } else if (f > inner + 1 && re.charAt(f) == ':') {
                            inner = f + 1; // (?m:...) scoped flags
                        } else {
                            plainGroup = false; // lookaround or (?i) flags
                        }
                    }
                    if (plainGroup) {
                        groupFrom = inner;
                        groupTo = atomEnd - 1;
                    }
                } else if (c == '.' || c == '^' || c == '$' || c == ')' || c == '|'
                        || c == '*' || c == '+' || c == '?' || c == '{') {
                    atomEnd = i + 1;
                    if (c == ')' || c == '*' || c == '+' || c == '?' || c == '{') {
                        throw new IllegalStateException("unexpected " + c);
                    }
                } else {
                    atomEnd = i + 1;
                    if (c >= 32 && c < 127) {
                        literal = c;
                    }
                }
                // quantifier
                int q = atomEnd;
                int min = 1;
                boolean quantified = false;
                if (q < to) {
                    char qc = re.charAt(q);
                    if (qc == '?' || qc == '*') {
                        min = 0;
                        quantified = true;
                        q++;
                    } else if (qc == '+') {
                        quantified = true;
                        q++;
                    } else if (qc == '{') {
                        int close = re.indexOf('}', q);
                        String body = re.substring(q + 1, close);
                        int comma = body.indexOf(',');
                        min = Integer.parseInt((comma < 0 ? body : body.substring(0, comma)).trim());
                        quantified = true;
                        q = close + 1;
                    }
                    if (quantified && q < to && (re.charAt(q) == '?' || re.charAt(q) == '+')) {
                        q++;
                    }
                }
                if (literal >= 0) {
                    if (!quantified) {
                        run.append((char) literal);
                    } else {
                        pureLiteral = false;
                        if (min > 0) {
                            run.append((char) literal);
                        }
                        best = longer(best, run);
                        run.setLength(0);
                    }
                } else {
                    pureLiteral = false;
                    best = longer(best, run);
                    run.setLength(0);
                    if (groupFrom >= 0 && min > 0 && groupHints == null) {
                        groupHints = alternation(groupFrom, groupTo, false);
                    }
                }
                i = q;
            }
            best = longer(best, run);
            String lower = best.toLowerCase(Locale.ROOT);
            if (best.length() >= MIN_LENGTH) {
                boolean exact = topLevel && pureLiteral && best.length() == to - from;
                return List.of(new Hint(lower, exact));
            }
            if (groupHints != null) {
                return groupHints.stream().map(h -> new Hint(h.literal(), false)).toList();
            }
            return null;
        }

        private static String longer(String best, StringBuilder run) {
            return run.length() > best.length() ? run.toString() : best;
        }

        /** Index just after the escape sequence starting at {@code i}. */
        private int escapeEnd(int i) {
            char d = re.charAt(i + 1);
            switch (d) {
                case 'Q' -> {
                    int e = re.indexOf("\\E", i + 2);
                    return e < 0 ? re.length() : e + 2;
                }
                case 'p', 'P' -> {
                    return re.charAt(i + 2) == '{' ? re.indexOf('}', i + 2) + 1 : i + 3;
                }
                case 'x' -> {
                    return re.charAt(i + 2) == '{' ? re.indexOf('}', i + 2) + 1 : i + 4;
                }
                case 'N' -> {
                    return re.indexOf('}', i + 2) + 1;
                }
                case 'u' -> {
                    return i + 6;
                }
                case 'c' -> {
                    return i + 3;
                }
                case 'k' -> {
                    return re.indexOf('>', i + 2) + 1;
                }
                case '0' -> {
                    int k = i + 2;
                    while (k < re.length() && k < i + 5 && re.charAt(k) >= '0' && re.charAt(k) <= '7') {
                        k++;
                    }
                    return k;
                }
                default -> {
                    return i + 2;
                }
            }
        }

        /** Index just after the character class starting at {@code i}. */
        private int classEnd(int i) {
            int depth = 0;
            int k = i;
            while (k < re.length()) {
                char c = re.charAt(k);
                if (c == '\\') {
                    k = escapeEnd(k);
                    continue;
                }
                if (c == '[') {
                    depth++;
                    if (k + 1 < re.length() && re.charAt(k + 1) == '^') {
                        k++;
                    }
                    if (k + 1 < re.length() && re.charAt(k + 1) == ']') {
                        k++; // a ']' first in a class is a literal
                    }
                } else if (c == ']') {
                    depth--;
                    if (depth == 0) {
                        return k + 1;
                    }
                }
                k++;
            }
            throw new IllegalStateException("unclosed class");
        }

        /** Index just after the group starting at {@code i}. */
        private int groupEnd(int i) {
            int depth = 0;
            int k = i;
            while (k < re.length()) {
                char c = re.charAt(k);
                if (c == '\\') {
                    k = escapeEnd(k);
                    continue;
                }
                if (c == '[') {
                    k = classEnd(k);
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                    if (depth == 0) {
                        return k + 1;
                    }
                }
                k++;
            }
            throw new IllegalStateException("unclosed group");
        }
    }
}
