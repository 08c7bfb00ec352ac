package dev.healdesk.core.sandbox;

import dev.healdesk.core.suite.ProbeSettings;
import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.suite.Credentials;

import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.suite.probes.ProbeSuiteFiles;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in probes of the sandbox target, in the projects health, contracts, modules and security. They test the
 * sandbox the way a real suite tests a real app (a login page, a customers page, a JSON API with bearer tokens), so
 * each of the sandbox's faults makes the probes that depend on the broken part fail with the text the tools print.
 * They are probe suite files like the ones users write ({@code /dev/healdesk/core/sandbox/suites/*.yaml}, one per
 * project); the login they refer to ({@code ${TEST_EMAIL}}, {@code ${TEST_PASSWORD}}) is the sandbox's, from
 * {@link #settings}.
 */
public final class SandboxSuites {

    public static final String HEALTH = "health";
    public static final String CONTRACTS = "contracts";
    public static final String MODULES = "modules";
    public static final String SECURITY = "security";
    public static final List<String> PROJECTS = List.of(HEALTH, CONTRACTS, MODULES, SECURITY);

    private SandboxSuites() {
    }

    /** All sandbox probes, in project order. */
    public static List<Probe> probes() {
        return Loaded.PROBES;
    }

    /** The probes of the given projects (all when empty). */
    public static List<Probe> probes(Set<String> projects) {
        if (projects == null || projects.isEmpty()) {
            return probes();
        }
        return probes().stream().filter(p -> projects.contains(p.project())).collect(Collectors.toUnmodifiableList());
    }

    /** Settings for probing {@code sandbox}: its URL and demo login, the default timeout, screenshots into {@code artifactsDir}. */
    public static ProbeSettings settings(SandboxServer sandbox, Path artifactsDir) {
        URI base = sandbox.baseUrl();
        return ProbeSettings.of(base)
                .withCredentials(new Credentials(sandbox.username(), sandbox.password()))
                .withArtifactsDir(artifactsDir);
    }

    /** The runner the console and {@code healdesk run} use for the sandbox. */
    public static ProbeRunner runner(SandboxServer sandbox, Path artifactsDir) {
        return new ProbeRunner(probes(), settings(sandbox, artifactsDir));
    }

    /** The same with another per-step timeout (tests use a short one). */
    public static ProbeRunner runner(SandboxServer sandbox, Path artifactsDir, Duration timeout) {
        return new ProbeRunner(probes(), settings(sandbox, artifactsDir).withTimeout(timeout));
    }

    /** The suite files, read once: they are part of the program, so a mistake in them is a bug. */
    private static final class Loaded {
        static final List<Probe> PROBES = load();

        private static List<Probe> load() {
            List<Probe> probes = new ArrayList<>();
            for (String project : PROJECTS) {
                String resource = "/dev/healdesk/core/sandbox/suites/" + project + ".yaml";
                try {
                    probes.addAll(ProbeSuiteFiles.loadResource(resource, Map.of()).probes());
                } catch (SuiteException e) {
                    throw new IllegalStateException("The built-in sandbox suite is broken: " + e.getMessage(), e);
                }
            }
            return List.copyOf(probes);
        }
    }
}
