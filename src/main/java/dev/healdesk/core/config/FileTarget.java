package dev.healdesk.core.config;

import dev.healdesk.core.playbook.ControlledTarget;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.suite.Credentials;
import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.suite.ProbeSettings;
import dev.healdesk.core.suite.SuiteRunner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A target described by a target file: its probes run with Playwright for Java, like the sandbox's, and its
 * {@code playbooks:} section configures how playbooks act on it (there are no in-process handles).
 */
public final class FileTarget implements ControlledTarget {

    private final TargetSpec spec;
    private final ProbeRunner suites;

    /**
     * @throws IllegalArgumentException when a probe file changed since {@link TargetFiles#load} checked it and is
     *                                  no longer usable (the message says how)
     */
    public FileTarget(TargetSpec spec, Map<String, String> env) {
        this.spec = spec;
        // A target of only tcp, database and command checks has no URL; its probes never resolve one.
        ProbeSettings settings = ProbeSettings.of(baseUrl(spec).orElse(URI.create("http://127.0.0.1/")))
                .withApiUrl(spec.apiUrl() == null ? null : URI.create(spec.apiUrl()))
                // The test login comes from the environment or .env only, never from the target file.
                .withCredentials(new Credentials(env.getOrDefault("TEST_EMAIL", ""), env.getOrDefault("TEST_PASSWORD", "")))
                .withBrowser(spec.browser());
        if (spec.timeoutMs() != null) {
            settings = settings.withTimeout(Duration.ofMillis(spec.timeoutMs()));
        }
        List<Probe> probes;
        try {
            probes = TargetFiles.probes(spec, env);
        } catch (TargetFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        this.suites = new ProbeRunner(probes, settings);
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

    private static Optional<URI> baseUrl(TargetSpec spec) {
        String url = spec.baseUrl() != null ? spec.baseUrl() : spec.apiUrl();
        return Optional.ofNullable(url).map(URI::create);
    }
}
