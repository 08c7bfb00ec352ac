package dev.healdesk.core.suite.playwright;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Playwright Test project that a {@link PlaywrightTestRunner} runs with {@code npx playwright test}.
 *
 * @param projectDir  the folder holding the project's {@code playwright.config} and {@code node_modules}; the command
 *                    runs there
 * @param projects    the Playwright project names ({@code projects[].name} in the config) Healdesk may select, in
 *                    display order
 * @param env         variables added to Healdesk's own environment for the command, e.g. {@code BASE_URL} and
 *                    {@code API_URL}
 * @param timeout     how long one run may take before the command and everything it started are killed
 * @param browserPath the browser executable the project should launch, passed as {@code HEALDESK_BROWSER}; null
 *                    leaves the choice to the project's config
 * @param shards      how many shards ({@code --shard=i/N}) a run splits the suite into, run side by side on this machine
 *                    and merged into one list of results; 1 runs it whole. Targeted re-runs are never split.
 */
public record PlaywrightTestSuite(Path projectDir, List<String> projects, Map<String, String> env, Duration timeout,
                                  Path browserPath, int shards) {

    /** The variables the runner sets from {@link #baseUrl} and {@link #apiUrl}. */
    public static final String BASE_URL = "BASE_URL";
    public static final String API_URL = "API_URL";

    public PlaywrightTestSuite {
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(timeout, "timeout");
        projects = List.copyOf(projects);
        env = env == null ? Map.of() : Map.copyOf(env);
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("The Playwright suite in " + projectDir + " names no projects; list the"
                    + " `projects[].name`s of its playwright.config that Healdesk should run");
        }
        Set<String> seen = new HashSet<>();
        for (String project : projects) {
            if (project.isBlank() || project.startsWith("-") || project.contains(",")) {
                throw new IllegalArgumentException("The Playwright suite in " + projectDir + " has an unusable project"
                        + " name '" + project + "': it must be non-blank, not start with '-' and hold no comma");
            }
            if (!seen.add(project)) {
                throw new IllegalArgumentException("The Playwright suite in " + projectDir + " lists the project "
                        + project + " twice");
            }
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The Playwright suite in " + projectDir + " needs a positive timeout");
        }
        if (shards < 1 || shards > Shard.MAX) {
            throw new IllegalArgumentException("The Playwright suite in " + projectDir + " has shards: " + shards
                    + "; give a whole number from 1 to " + Shard.MAX);
        }
    }

    /** A suite run whole, in one process. */
    public PlaywrightTestSuite(Path projectDir, List<String> projects, Map<String, String> env, Duration timeout,
                               Path browserPath) {
        this(projectDir, projects, env, timeout, browserPath, 1);
    }

    /** The same suite split into {@code count} shards run side by side. */
    public PlaywrightTestSuite withShards(int count) {
        return new PlaywrightTestSuite(projectDir, projects, env, timeout, browserPath, count);
    }

    /** A suite whose tests reach the app at {@code baseUrl} and its API at {@code apiUrl} (null: the same). */
    public static PlaywrightTestSuite of(Path projectDir, List<String> projects, String baseUrl, String apiUrl,
                                         Map<String, String> env, Duration timeout, Path browserPath) {
        Map<String, String> all = new LinkedHashMap<>(env == null ? Map.of() : env);
        if (baseUrl != null) {
            all.put(BASE_URL, baseUrl);
        }
        if (apiUrl != null || baseUrl != null) {
            all.put(API_URL, apiUrl != null ? apiUrl : baseUrl);
        }
        return new PlaywrightTestSuite(projectDir, projects, all, timeout, browserPath);
    }

    /** {@code BASE_URL} as the suite sets it; null when unset. */
    public String baseUrl() {
        return env.get(BASE_URL);
    }

    /** {@code API_URL} as the suite sets it; null when unset. */
    public String apiUrl() {
        return env.get(API_URL);
    }
}
