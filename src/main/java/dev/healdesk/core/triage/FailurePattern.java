package dev.healdesk.core.triage;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the pattern catalog: a case-insensitive regular expression and what a match means.
 *
 * @param id          stable id, e.g. {@code pg-too-many-clients}; the id {@code unknown} is the catch-all
 * @param name        short human name shown in the console
 * @param description one or two sentences for the operator
 * @param regex       compiled, always {@link Pattern#CASE_INSENSITIVE}
 * @param playbook    the playbook that fixes it, or null when none applies
 * @param priority    higher is tried first; ties keep catalog order
 * @param hints       lower-case literals of which at least one occurs in every text the regex matches; they only
 *                    decide whether the regex is worth running, so a wrong hint hides matches. Empty (the usual
 *                    case): the classifier derives them from the regex itself, per top-level alternative, and
 *                    always runs an alternative it cannot derive one for
 */
public record FailurePattern(String id, String name, String description, Pattern regex, Category category,
                             Severity severity, FixClass fixClass, String playbook, int priority,
                             List<String> hints, GroupBy groupBy) {

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

    public FailurePattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(regex, "regex");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(fixClass, "fixClass");
        description = description == null ? "" : description;
        if ((regex.flags() & Pattern.CASE_INSENSITIVE) == 0) {
            regex = Pattern.compile(regex.pattern(), regex.flags() | Pattern.CASE_INSENSITIVE);
        }
        groupBy = groupBy == null ? GroupBy.FAILURE : groupBy;
        // a loop, not a stream: every pattern of the catalog passes here at a `triage` process's start
        if (hints == null) {
            hints = List.of();
        } else {
            List<String> lower = new java.util.ArrayList<>(hints.size());
            for (String h : hints) {
                String l = h.toLowerCase(Locale.ROOT);
                if (!l.isEmpty()) {
                    lower.add(l);
                }
            }
            hints = java.util.Collections.unmodifiableList(lower);
        }
    }

    /** A pattern without explicit hints (they are derived from the regex). */
    public FailurePattern(String id, String name, String description, Pattern regex, Category category,
                          Severity severity, FixClass fixClass, String playbook, int priority) {
        this(id, name, description, regex, category, severity, fixClass, playbook, priority, List.of(), GroupBy.FAILURE);
    }

    /** Compiles {@code regex} case-insensitively; throws {@link java.util.regex.PatternSyntaxException}. */
    public static Pattern compile(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    /** The catch-all pattern is tried after every other one, whatever its priority. */
    public boolean isCatchAll() {
        return PatternCatalog.UNKNOWN_ID.equals(id);
    }

    public Classification classification() {
        return new Classification(id, name, category, severity, fixClass, playbook);
    }
}
