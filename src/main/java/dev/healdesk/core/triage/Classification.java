package dev.healdesk.core.triage;

/** What the pattern catalog says about one failure message. {@code playbook} may be null. */
public record Classification(String patternId, String patternName, Category category, Severity severity,
                             FixClass fixClass, String playbook) {
}
