package dev.healdesk.app.playbooks;

import java.util.Locale;

/**
 * Where one proposal stands in the Playbooks queue, as the run's events and the operator's answer move it:
 * PROPOSED → PLANNED → AWAITING → APPLYING → VERIFYING → HEALED, or one of the ends beside it. The badge kind says
 * how it reads at a glance: waiting for someone, in progress, good, bad, or nothing happened.
 */
public enum ProposalState {
    PROPOSED("active"),
    PLANNED("active"),
    /** The operator is being asked; the run waits for the answer. */
    AWAITING("awaiting"),
    APPLYING("active"),
    /** Applied; the failing tests run again. */
    VERIFYING("active"),
    /** Class A, applied and verified: the tests pass again. */
    HEALED("healed"),
    /** Class B or C, made for review (a branch, a pull request, an issue): nothing running changed. */
    SUBMITTED("submitted"),
    FAILED("failed"),
    ROLLED_BACK("failed"),
    REJECTED("muted"),
    DRY_RUN("muted"),
    /** Not run: no playbook, nothing to do, something missing, or a guardrail (the reason is on the row). */
    SKIPPED("muted");

    private final String tone;

    ProposalState(String tone) {
        this.tone = tone;
    }

    /** The style class of its badge ({@code state-awaiting}, …), coloured in healdesk.css. */
    public String badgeKind() {
        return "state-" + tone;
    }

    /** "rolled back" */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
