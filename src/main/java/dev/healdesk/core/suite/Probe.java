package dev.healdesk.core.suite;

import java.time.Duration;
import java.util.Objects;

/**
 * One check of a target, in a project (health, contracts, modules, security...).
 *
 * @param id      stable id, {@code project/name}, e.g. {@code health/api-health}
 * @param project the project it belongs to
 * @param title   human title
 * @param kind    whether it needs a browser page ({@link Kind#PAGE}), only HTTP ({@link Kind#API}) or neither
 * @param check   the check itself
 * @param timeout its per-step timeout, or null for the run's
 */
public record Probe(String id, String project, String title, Kind kind, ProbeCheck check, Duration timeout) {

    /**
     * API probes use only HTTP requests; page probes use a headless Chromium page (and get a screenshot on failure);
     * other probes (a TCP port, a database, a command) need neither, so a run of only those starts no Playwright.
     */
    public enum Kind { API, PAGE, OTHER }

    public Probe {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A probe needs an id");
        }
        if (project == null || project.isBlank()) {
            throw new IllegalArgumentException("Probe " + id + " needs a project");
        }
        title = title == null || title.isBlank() ? id : title;
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(check, "check");
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            throw new IllegalArgumentException("Probe " + id + ": timeout must be positive, was " + timeout);
        }
    }

    /** A probe with the run's timeout. */
    public Probe(String id, String project, String title, Kind kind, ProbeCheck check) {
        this(id, project, title, kind, check, null);
    }

    /** An HTTP-only probe with id {@code project/name}. */
    public static Probe api(String project, String name, String title, ProbeCheck check) {
        return new Probe(project + "/" + name, project, title, Kind.API, check);
    }

    /** A browser page probe with id {@code project/name}. */
    public static Probe page(String project, String name, String title, ProbeCheck check) {
        return new Probe(project + "/" + name, project, title, Kind.PAGE, check);
    }

    /** The id without its project, e.g. {@code api-health}. */
    public String name() {
        int slash = id.lastIndexOf('/');
        return slash < 0 ? id : id.substring(slash + 1);
    }
}
