package dev.healdesk.core.suite;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how probes run.
 *
 * @param baseUrl      the app's pages; page URLs resolve against it
 * @param apiUrl       the API; request URLs resolve against it (the base URL when null)
 * @param credentials  the login probes use
 * @param timeout      per step of a probe (a request, a navigation, a click, an assertion); default 5 s
 * @param artifactsDir where failure screenshots go; a temporary folder is made when null
 * @param browser      an explicitly configured Chromium/Chrome path, or null to let {@link BrowserLocator} decide
 */
public record ProbeSettings(URI baseUrl, URI apiUrl, Credentials credentials, Duration timeout, Path artifactsDir,
                            String browser) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public ProbeSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiUrl = apiUrl == null ? baseUrl : apiUrl;
        credentials = credentials == null ? Credentials.none() : credentials;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        browser = browser == null || browser.isBlank() ? null : browser.trim();
    }

    public static ProbeSettings of(URI baseUrl) {
        return new ProbeSettings(baseUrl, null, null, null, null, null);
    }

    public ProbeSettings withApiUrl(URI url) {
        return new ProbeSettings(baseUrl, url, credentials, timeout, artifactsDir, browser);
    }

    public ProbeSettings withCredentials(Credentials login) {
        return new ProbeSettings(baseUrl, apiUrl, login, timeout, artifactsDir, browser);
    }

    public ProbeSettings withTimeout(Duration perStep) {
        return new ProbeSettings(baseUrl, apiUrl, credentials, perStep, artifactsDir, browser);
    }

    public ProbeSettings withArtifactsDir(Path dir) {
        return new ProbeSettings(baseUrl, apiUrl, credentials, timeout, dir, browser);
    }

    public ProbeSettings withBrowser(String path) {
        return new ProbeSettings(baseUrl, apiUrl, credentials, timeout, artifactsDir, path);
    }
}
