package dev.healdesk.core.triage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the pattern catalog: a case-insensitive regular expression and what a match means. A value: two
 * entries are equal when every field is, the regex by its source and flags.
 *
 * <p>An entry of the built-in catalog holds its regex's source and compiles it when it is first asked for
 * ({@link #regex()}): the classifier asks as it first tries the pattern, so that a process which triages a few
 * messages compiles only the patterns it tries, not all of the catalog's (docs/benchmarks, CLI start, eleventh pass).
 * A test compiles every built-in regex ({@code PatternCatalogTest}); a user's pattern file is compiled as it is
 * read, so that a bad regex is told with its line.
 *
 * <p>Fields: {@code id}, stable, e.g. {@code pg-too-many-clients} (the id {@code unknown} is the catch-all);
 * {@code name}, a short human name shown in the console; {@code description}, one or two sentences for the
 * operator; {@code regex}, always {@link Pattern#CASE_INSENSITIVE}; {@code playbook}, the playbook that fixes it, or
 * null when none applies; {@code priority}, higher is tried first, ties keep catalog order; {@code hints}, lower-case
 * literals of which at least one occurs in every text the regex matches: they only decide whether the regex is worth
 * running, so a wrong hint hides matches. Empty (the usual case): the classifier derives them from the regex itself,
 * per top-level alternative, and always runs an alternative it cannot derive one for.
 */
public final class FailurePattern {

    /**
     * How failures matching this pattern are grouped. {@code FAILURE} (default): by the normalised message and
     * stack, so one group per distinct failure. {@code PATTERN}: every match in a run is one group, for causes
     * that are one shared thing whichever test or endpoint meets them (an exhausted connection pool, an
     * expired token): one diagnosis and one playbook decision instead of one per test.
     */
    public enum GroupBy {
        FAILURE, PATTERN;

        public static GroupBy fromId(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        }
    }

    private final String id;
    private final String name;
    private final String description;
    private final String regexSource;
    private final int regexFlags;
    /** The compiled regex; null until first asked for where only the source was given (the built-in catalog). */
    private volatile Pattern regex;
    private final Category category;
    private final Severity severity;
    private final FixClass fixClass;
    private final String playbook;
    private final int priority;
    private final List<String> hints;
    private final GroupBy groupBy;

    public FailurePattern(String id, String name, String description, Pattern regex, Category category,
                          Severity severity, FixClass fixClass, String playbook, int priority,
                          List<String> hints, GroupBy groupBy) {
        this(id, name, description, caseInsensitive(Objects.requireNonNull(regex, "regex")), null, 0, category,
                severity, fixClass, playbook, priority, hints, groupBy);
    }

    /** A pattern without explicit hints (they are derived from the regex). */
    public FailurePattern(String id, String name, String description, Pattern regex, Category category,
                          Severity severity, FixClass fixClass, String playbook, int priority) {
        this(id, name, description, regex, category, severity, fixClass, playbook, priority, List.of(), GroupBy.FAILURE);
    }

    /**
     * A pattern whose regex {@code source} is compiled case-insensitively when it is first asked for; for regexes
     * known to compile (the built-in catalog's, which a test compiles).
     */
    static FailurePattern uncompiled(String id, String name, String description, String source, Category category,
                                     Severity severity, FixClass fixClass, String playbook, int priority,
                                     List<String> hints, GroupBy groupBy) {
        return new FailurePattern(id, name, description, null, Objects.requireNonNull(source, "regex"),
                Pattern.CASE_INSENSITIVE, category, severity, fixClass, playbook, priority, hints, groupBy);
    }

    private FailurePattern(String id, String name, String description, Pattern compiled, String source, int flags,
                           Category category, Severity severity, FixClass fixClass, String playbook, int priority,
                           List<String> hints, GroupBy groupBy) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.category = Objects.requireNonNull(category, "category");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.fixClass = Objects.requireNonNull(fixClass, "fixClass");
        this.description = description == null ? "" : description;
        this.regex = compiled;
        this.regexSource = compiled != null ? compiled.pattern() : source;
        this.regexFlags = compiled != null ? compiled.flags() : flags;
        this.playbook = playbook;
        this.priority = priority;
        this.groupBy = groupBy == null ? GroupBy.FAILURE : groupBy;
        // a loop, not a stream: every pattern of the catalog passes here at a `triage` process's start
        if (hints == null) {
            this.hints = List.of();
        } else {
            List<String> lower = new java.util.ArrayList<>(hints.size());
            for (String h : hints) {
                String l = h.toLowerCase(Locale.ROOT);
                if (!l.isEmpty()) {
                    lower.add(l);
                }
            }
            this.hints = java.util.Collections.unmodifiableList(lower);
        }
    }

    private static Pattern caseInsensitive(Pattern regex) {
        return (regex.flags() & Pattern.CASE_INSENSITIVE) != 0 ? regex
                : Pattern.compile(regex.pattern(), regex.flags() | Pattern.CASE_INSENSITIVE);
    }

    /** Compiles {@code regex} case-insensitively; throws {@link java.util.regex.PatternSyntaxException}. */
    public static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The regex, compiled (on the first call where it was given as source; two threads may both compile it). */
    public Pattern regex() {
        Pattern r = regex;
        if (r == null) {
            r = Pattern.compile(regexSource, regexFlags);
            regex = r;
        }
        return r;
    }

    /** The regex's source, without compiling it: {@code regex().pattern()}. */
    public String regexSource() {
        return regexSource;
    }

    /** The regex's flags, without compiling it: {@code regex().flags()}; always holds case-insensitive. */
    public int regexFlags() {
        return regexFlags;
    }

    public Category category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public FixClass fixClass() {
        return fixClass;
    }

    public String playbook() {
        return playbook;
    }

    public int priority() {
        return priority;
    }

    public List<String> hints() {
        return hints;
    }

    public GroupBy groupBy() {
        return groupBy;
    }

    /** The catch-all pattern is tried after every other one, whatever its priority. */
    public boolean isCatchAll() {
        return PatternCatalog.UNKNOWN_ID.equals(id);
    }

    public Classification classification() {
        return new Classification(id, name, category, severity, fixClass, playbook);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailurePattern p && id.equals(p.id) && name.equals(p.name)
                && description.equals(p.description) && regexSource.equals(p.regexSource)
                && regexFlags == p.regexFlags && category == p.category && severity == p.severity
                && fixClass == p.fixClass && Objects.equals(playbook, p.playbook) && priority == p.priority
                && hints.equals(p.hints) && groupBy == p.groupBy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, description, regexSource, regexFlags, category, severity, fixClass, playbook,
                priority, hints, groupBy);
    }

    @Override
    public String toString() {
        return "FailurePattern[id=" + id + ", name=" + name + ", description=" + description + ", regex="
                + regexSource + ", category=" + category + ", severity=" + severity + ", fixClass=" + fixClass
                + ", playbook=" + playbook + ", priority=" + priority + ", hints=" + hints + ", groupBy=" + groupBy
                + "]";
    }
}
