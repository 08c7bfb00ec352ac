package dev.healdesk.core.triage;

import java.util.Locale;

public enum HealthStatus {
    HEALTHY, DEGRADED, FAILING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthStatus fromId(String id) {
        return valueOf(id.trim().toUpperCase(Locale.ROOT));
    }
}
