package dev.healdesk.core.suite;

import java.util.Objects;

/**
 * One check of a target, in a project (health, contracts, modules, security...).
 *
 * @param id      stable id, {@code project/name}, e.g. {@code health/api-health}
 * @param project the project it belongs to
 * @param title   human title
 * @param kind    whether it needs a browser page ({@link Kind#PAGE}) or only HTTP ({@link Kind#API})
 * @param check   the check itself
 */
public record Probe(String id, String project, String title, Kind kind, ProbeCheck check) {

    /** API probes use only HTTP requests; page probes use a headless Chromium page (and get a screenshot on failure). */
    public enum Kind { API, PAGE }

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
