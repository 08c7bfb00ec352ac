package dev.healdesk.core.run;

import java.util.Locale;

/** What became of a proposed playbook. */
public enum Decision {
    APPROVED, AUTO, DRY_RUN, REJECTED, SKIPPED;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
