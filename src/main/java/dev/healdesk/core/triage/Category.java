package dev.healdesk.core.triage;

import java.util.Locale;

/** Failure categories: the seeds' five plus timeout, infra, data and unknown. */
public enum Category {
    AUTH, API, NETWORK, UI, DATABASE, TIMEOUT, INFRA, DATA, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
