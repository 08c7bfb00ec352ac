package dev.healdesk.core.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The sandbox's fault switches, each named as on the command line ({@code --fault=NAME}). */
public enum Fault {
    BACKEND_DOWN("backend-down", "The server stops answering (connections refused) until it is restarted"),
    SESSION_EXPIRED("session-expired", "Every session cookie is treated as expired"),
    TOKEN_EXPIRED("token-expired", "Every bearer token is rejected as an expired JWT"),
    DB_POOL_EXHAUSTED("db-pool-exhausted", "The API answers 500 with PostgreSQL's connection-slots error"),
    SLOW("slow", "Answers arrive after the tests' timeout"),
    SELECTOR_CHANGED("selector-changed", "The page renames an element the tests use"),
    CONTRACT_BREAK("contract-break", "A field disappears from the customers API");

    private final String id;
    private final String description;

    Fault(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public static Optional<Fault> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
    }
}
