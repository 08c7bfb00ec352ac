package dev.healdesk.core.config;

import dev.healdesk.core.playbook.ControlledTarget;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.suite.Credentials;
import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.suite.ProbeSettings;
import dev.healdesk.core.suite.CompositeSuites;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.junit.JUnitSelector;
import dev.healdesk.core.suite.junit.JUnitXmlRunner;
import dev.healdesk.core.suite.junit.JUnitXmlSuite;
import dev.healdesk.core.suite.playwright.PlaywrightTestRunner;
import dev.healdesk.core.suite.playwright.PlaywrightTestSuite;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.BrowserLocator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target described by a target file: its inline probes run with Playwright for Java, like the sandbox's; its
 * {@code suites:} (Playwright Test projects, JUnit XML commands, probe files) run with their own runners, all of them
 * together as one {@link CompositeSuites}; its {@code playbooks:} section configures how playbooks act on it (there
 * are no in-process handles).
 */
public final class FileTarget implements ControlledTarget {

    private final TargetSpec spec;
    private final List<SuiteRunner> runners;
    private final SuiteRunner suites;

    /**
     * @throws IllegalArgumentException naming the project when two suites (of any kind) share a project name
     */
    public FileTarget(TargetSpec spec, Map<String, String> env) {
        this.spec = spec;
        List<SuiteRunner> runners = new ArrayList<>();
        List<Probe> probes;
        try {
            // the inline checks, then those of each probes suite file
            probes = TargetFiles.probes(spec, env);
        } catch (TargetFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (!probes.isEmpty()) {
            runners.add(new ProbeRunner(probes, probeSettings(spec, env)));
        }
        List<JUnitXmlSuite> junit = new ArrayList<>();
        for (TargetSpec.SuiteSpec s : spec.suites()) {
            if ("playwright".equals(s.kind())) {
                Map<String, String> suiteEnv = new LinkedHashMap<>(env);
                suiteEnv.putAll(spec.env());
                suiteEnv.putAll(s.env());
                runners.add(new PlaywrightTestRunner(PlaywrightTestSuite.of(Path.of(s.dir()), s.projects(),
                        spec.baseUrl(), spec.apiUrl(), suiteEnv, timeout(s, DEFAULT_PLAYWRIGHT_TIMEOUT),
                        playwrightBrowser(spec, env)).withShards(s.shards() == null ? 1 : s.shards())));
            } else if ("junit".equals(s.kind())) {
                junit.add(new JUnitXmlSuite(s.project(), s.command(), Path.of(s.dir()), suiteEnv(env, spec, s),
                        s.reports(), timeout(s, DEFAULT_JUNIT_TIMEOUT),
                        s.select() == null ? JUnitSelector.NONE : JUnitSelector.of(s.select())));
            }
        }
        if (!junit.isEmpty()) {
            runners.add(new JUnitXmlRunner(junit));
        }
        this.runners = List.copyOf(runners);
        this.suites = CompositeSuites.of(runners);
    }

    private FileTarget(TargetSpec spec, List<SuiteRunner> runners) {
        this.spec = spec;
        this.runners = List.copyOf(runners);
        this.suites = CompositeSuites.of(runners);
    }

    /**
     * The target's runners in the order they run: the probes (inline and from files), each Playwright suite in the
     * order the file lists them, then the JUnit XML commands together.
     */
    public List<SuiteRunner> runners() {
        return runners;
    }

    /**
     * The same target (name, playbooks, guardrails) whose tests run through {@code others} instead, each taking the
     * place of the runner at its index in {@link #runners()}: one shard of a CI matrix, or the merge of shards.
     */
    public FileTarget withRunners(List<SuiteRunner> others) {
        if (others.size() != runners.size()) {
            throw new IllegalArgumentException("target " + spec.name() + " has " + runners.size() + " runner(s), not "
                    + others.size());
        }
        return new FileTarget(spec, others);
    }

    /**
     * The browser a Playwright suite is given as {@code HEALDESK_BROWSER}: the target's {@code browser:} (or the
     * settings' HEALDESK_BROWSER, already folded into it), else the one Healdesk finds on the system, the same one
     * {@code healdesk doctor} reports. Without it a project that launches {@code process.env.HEALDESK_BROWSER} would
     * fall back to Playwright's own download and fail with "Executable doesn't exist" while the doctor says the
     * browser is fine. Null when none is found: the project's config then decides.
     */
    static Path playwrightBrowser(TargetSpec spec, Map<String, String> env) {
        if (spec.browser() != null) {
            return Path.of(spec.browser());
        }
        try {
            return new BrowserLocator(env, BrowserLocator.KNOWN_LOCATIONS).locate().executable().orElse(null);
        } catch (SuiteException e) {
            return null;
        }
    }

    private static final Duration DEFAULT_JUNIT_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration DEFAULT_PLAYWRIGHT_TIMEOUT = Duration.ofMinutes(30);

    private static ProbeSettings probeSettings(TargetSpec spec, Map<String, String> env) {
        // A target of only tcp, database and command checks has no URL; its probes never resolve one.
        ProbeSettings settings = ProbeSettings.of(baseUrl(spec).orElse(URI.create("http://127.0.0.1/")))
                .withApiUrl(spec.apiUrl() == null ? null : URI.create(spec.apiUrl()))
                // The test login comes from the environment or .env only, never from the target file.
                .withCredentials(new Credentials(env.getOrDefault("TEST_EMAIL", ""), env.getOrDefault("TEST_PASSWORD", "")))
                .withBrowser(spec.browser());
        if (spec.timeoutMs() != null) {
            settings = settings.withTimeout(Duration.ofMillis(spec.timeoutMs()));
        }
        return settings;
    }

    private static Optional<URI> baseUrl(TargetSpec spec) {
        String url = spec.baseUrl() != null ? spec.baseUrl() : spec.apiUrl();
        return Optional.ofNullable(url).map(URI::create);
    }

    /**
     * What a suite's command gets: Healdesk's own variables ({@code healdesk}: the environment with what the settings
     * file and {@code .env} add, e.g. TEST_PASSWORD from .env), the target's URLs as BASE_URL and API_URL, the target's
     * {@code env}, then the suite's own {@code env}.
     */
    static Map<String, String> suiteEnv(Map<String, String> healdesk, TargetSpec spec, TargetSpec.SuiteSpec suite) {
        Map<String, String> env = new LinkedHashMap<>(healdesk);
        if (spec.baseUrl() != null) {
            env.put("BASE_URL", spec.baseUrl());
        }
        if (spec.apiUrl() != null) {
            env.put("API_URL", spec.apiUrl());
        }
        env.putAll(spec.env());
        env.putAll(suite.env());
        return env;
    }

    private static Duration timeout(TargetSpec.SuiteSpec s, Duration fallback) {
        return s.timeoutSeconds() == null ? fallback : Duration.ofSeconds(s.timeoutSeconds());
    }

    public TargetSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public SuiteRunner suites() {
        return suites;
    }

    @Override
    public TargetControl control() {
        Optional<URI> base = baseUrl(spec);
        return new TargetControl() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public Optional<URI> baseUrl() {
                return base;
            }

            @Override
            public Optional<Path> repository() {
                return Optional.ofNullable(spec.repository()).map(Path::of);
            }

            @Override
            public Guardrails guardrails(Guardrails defaults) {
                return TargetFiles.guardrails(spec.guardrails(), defaults);
            }

            @Override
            public Map<String, Object> settings(String playbook) {
                Map<String, Object> settings = spec.playbooks().get(playbook);
                return settings == null ? Map.of() : settings;
            }
        };
    }
}
