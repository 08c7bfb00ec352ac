package dev.healdesk.core.triage;

import java.util.Locale;

public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
