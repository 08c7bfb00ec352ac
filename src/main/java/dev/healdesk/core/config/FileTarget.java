package dev.healdesk.core.config;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.healdesk.core.playbook.ControlledTarget;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.suite.Checks;
import dev.healdesk.core.suite.Credentials;
import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.ProbeContext;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.suite.ProbeSettings;
import dev.healdesk.core.suite.SuiteRunner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A target described by a target file: its probes run with Playwright for Java, like the sandbox's, and its
 * {@code playbooks:} section configures how playbooks act on it (there are no in-process handles).
 */
public final class FileTarget implements ControlledTarget {

    private final TargetSpec spec;
    private final ProbeRunner suites;

    public FileTarget(TargetSpec spec, Map<String, String> env) {
        this.spec = spec;
        URI base = URI.create(spec.baseUrl() != null ? spec.baseUrl() : spec.apiUrl());
        ProbeSettings settings = ProbeSettings.of(base)
                .withApiUrl(spec.apiUrl() == null ? null : URI.create(spec.apiUrl()))
                // The test login comes from the environment or .env only, never from the target file.
                .withCredentials(new Credentials(env.getOrDefault("TEST_EMAIL", ""), env.getOrDefault("TEST_PASSWORD", "")))
                .withBrowser(spec.browser());
        if (spec.timeoutMs() != null) {
            settings = settings.withTimeout(Duration.ofMillis(spec.timeoutMs()));
        }
        List<Probe> probes = new ArrayList<>();
        for (TargetSpec.ProbeSpec p : spec.probes()) {
            probes.add(p.http() != null
                    ? Probe.api(p.project(), p.id(), p.title(), ctx -> http(ctx, p.http()))
                    : Probe.page(p.project(), p.id(), p.title(), ctx -> page(ctx, p.page())));
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
        URI base = URI.create(spec.baseUrl() != null ? spec.baseUrl() : spec.apiUrl());
        return new TargetControl() {
            @Override
            public String name() {
                return spec.name();
            }

            @Override
            public Optional<URI> baseUrl() {
                return Optional.of(base);
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

    private static void http(ProbeContext ctx, TargetSpec.HttpCheck check) {
        String method = check.method() == null ? "GET" : check.method().toUpperCase(Locale.ROOT);
        String url = ctx.apiUrl(check.url());
        APIResponse response = ctx.api().fetch(url, RequestOptions.create().setMethod(method));
        Checks.expectStatus(response, check.expectStatus() == null ? 200 : check.expectStatus(), method, url);
        if (check.expectBodyContains() != null) {
            Checks.expectBodyContains(response, check.expectBodyContains(), method, url);
        }
        if (check.expectHeaders() != null) {
            for (Map.Entry<String, String> h : check.expectHeaders().entrySet()) {
                if (h.getValue() == null || h.getValue().isEmpty()) {
                    Checks.expectHeader(response, h.getKey(), method, url);
                } else {
                    Checks.expectHeaderValue(response, h.getKey(), h.getValue(), method, url);
                }
            }
        }
    }

    private static void page(ProbeContext ctx, TargetSpec.PageCheck check) {
        Page page = ctx.page();
        Checks.open(page, ctx.url(check.url()));
        if (check.selector() != null) {
            Checks.expectVisible(ctx, page.locator(check.selector()));
        }
        if (check.text() != null) {
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("body")).containsText(
                    check.text(), new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                            .setTimeout(ctx.timeoutMs()));
        }
    }
}
