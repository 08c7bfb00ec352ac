package dev.healdesk.core.doctor;

import java.util.Locale;

/** How a part of the setup stands: ready, usable with a caveat, or missing (what to do says how to get it). */
public enum CheckStatus {
    OK, WARNING, MISSING;

    /** {@code ok}, {@code warning}, {@code missing}: the id in JSON and the badge's text. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
