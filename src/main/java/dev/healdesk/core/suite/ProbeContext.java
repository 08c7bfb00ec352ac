package dev.healdesk.core.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a probe gets: where the target is, the login, an HTTP client and (on first use) a browser page of its own,
 * the per-step timeout and where artifacts go. One per probe; the runner closes what it opened after the probe.
 * Like everything Playwright, use it only on the thread that runs the probe.
 */
public final class ProbeContext {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeContext.class);

    /** Things shared by all probes of one run. */
    static final class RunResources {
        final Playwright playwright;
        final Supplier<Browser> browser;
        final Supplier<Path> artifactsDir;
        final ObjectMapper json = new ObjectMapper();

        RunResources(Playwright playwright, Supplier<Browser> browser, Supplier<Path> artifactsDir) {
            this.playwright = playwright;
            this.browser = browser;
            this.artifactsDir = artifactsDir;
        }
    }

    private final Probe probe;
    private final ProbeSettings settings;
    private final RunResources run;
    private APIRequestContext api;
    private BrowserContext browserContext;
    private Page page;

    ProbeContext(Probe probe, ProbeSettings settings, RunResources run) {
        this.probe = probe;
        this.settings = settings;
        this.run = run;
    }

    public Probe probe() {
        return probe;
    }

    public URI baseUrl() {
        return settings.baseUrl();
    }

    public URI apiUrl() {
        return settings.apiUrl();
    }

    /** A page URL: absolute as given, else resolved against the base URL ("/login" → http://host:port/login). */
    public String url(String pathOrUrl) {
        return resolve(settings.baseUrl(), pathOrUrl);
    }

    /** An API URL: absolute as given, else resolved against the API URL. */
    public String apiUrl(String pathOrUrl) {
        return resolve(settings.apiUrl(), pathOrUrl);
    }

    public Credentials credentials() {
        return settings.credentials();
    }

    /** The probe's own timeout when it has one, else the run's. */
    public Duration timeout() {
        return probe.timeout() != null ? probe.timeout() : settings.timeout();
    }

    /** The timeout in milliseconds, as Playwright's options take it. */
    public double timeoutMs() {
        return timeout().toMillis();
    }

    /** Where screenshots and other files of this run go (made on first call). */
    public Path artifactsDir() {
        return run.artifactsDir.get();
    }

    /** JSON for checks. */
    public ObjectMapper json() {
        return run.json;
    }

    /** An HTTP client with no cookies of other probes, its timeout the probe's timeout. */
    public APIRequestContext api() {
        if (run.playwright == null) {
            throw new IllegalStateException(probe.id() + " is a " + probe.kind() + " probe: it has no HTTP client");
        }
        if (api == null) {
            api = run.playwright.request().newContext(new APIRequest.NewContextOptions().setTimeout(timeoutMs()));
        }
        return api;
    }

    /** A page in a fresh browser context (no cookies of other probes); default timeouts are the probe's timeout. */
    public Page page() {
        if (page == null) {
            browserContext = run.browser.get().newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
            browserContext.setDefaultTimeout(timeoutMs());
            browserContext.setDefaultNavigationTimeout(timeoutMs());
            page = browserContext.newPage();
        }
        return page;
    }

    /** Whether {@link #page()} was opened. */
    public boolean hasPage() {
        return page != null;
    }

    /** Closes what this probe opened; never throws. */
    void close() {
        if (api != null) {
            try {
                api.dispose();
            } catch (RuntimeException e) {
                LOG.debug("Disposing the request context of {} failed: {}", probe.id(), e.toString());
            }
            api = null;
        }
        if (browserContext != null) {
            try {
                browserContext.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the browser context of {} failed: {}", probe.id(), e.toString());
            }
            browserContext = null;
            page = null;
        }
    }

    static String resolve(URI base, String pathOrUrl) {
        if (pathOrUrl == null || pathOrUrl.isEmpty()) {
            return base.toString();
        }
        URI given = URI.create(pathOrUrl);
        if (given.isAbsolute()) {
            return given.toString();
        }
        URI root = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
        return root.resolve(given).toString();
    }
}
