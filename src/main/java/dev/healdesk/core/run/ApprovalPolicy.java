package dev.healdesk.core.run;

import java.util.Locale;

/**
 * Which fixes may run without an operator's explicit approval. NONE: none (the console asks for each; a headless run
 * only plans them). A: class A fixes of low and medium risk. ALL: every class (only from {@code --approve=all} typed on
 * a command line). ASK: the console asks the operator for each. Class B, C and high-risk fixes always wait for a
 * person under A. One definition and one default for the CLI and the console: {@link #resolve}.
 */
public enum ApprovalPolicy {
    NONE, A, ALL, ASK;

    /** The default of {@code playbooks.approve} (HEAL_APPROVE) in every front end, except for a dry run (NONE). */
    public static final ApprovalPolicy DEFAULT = A;

    /** The rule in one sentence, for the settings screen, {@code --help} and the docs. */
    public static final String RULE = "none: no fix runs without a person (the console asks for each, a headless run"
            + " plans them only); A (the default, except for a dry run): class A fixes of low and medium risk run by"
            + " policy. Class B, C and high-risk fixes always wait for a person, or for --approve=all typed on a"
            + " command line.";

    /**
     * The policy that {@code value} (a flag or the setting; null or blank when unset) names.
     *
     * @throws IllegalArgumentException for anything but none, A or all (case does not matter)
     */
    public static ApprovalPolicy resolve(String value, boolean dryRun) {
        if (value == null || value.isBlank()) {
            return dryRun ? NONE : DEFAULT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "a" -> A;
            case "all" -> ALL;
            default -> throw new IllegalArgumentException("must be none, A or all, got '" + value.strip() + "'");
        };
    }
}
