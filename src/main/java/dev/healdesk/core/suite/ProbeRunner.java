package dev.healdesk.core.suite;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.healdesk.core.process.Cancellation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs probes with Playwright for Java, one after the other: one Playwright and (when a page probe is selected) one
 * headless Chromium for the whole run (its verification re-runs included, through {@link #open()}), a fresh request
 * context and browser context per probe. A failing page probe
 * leaves a screenshot in the artifacts folder. Results go to {@code onResult} as soon as each is known.
 *
 * <p>Cancelling stops between probes and closes the browser (its process is ended), so a page probe in progress ends
 * at once; an HTTP request in progress ends at the latest after the probe timeout. All Playwright calls happen on the
 * thread that called {@link #run}.
 */
public final class ProbeRunner implements SuiteRunner {

    /** Chromium switches for a headless run that stays off the network (works as root too). */
    public static final List<String> CHROMIUM_ARGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage");

    private static final Logger LOG = LoggerFactory.getLogger(ProbeRunner.class);
    private static final double LAUNCH_TIMEOUT_MS = 60_000;
    private static final double SCREENSHOT_TIMEOUT_MS = 3_000;

    private final List<Probe> probes;
    private final ProbeSettings settings;
    private final BrowserLocator locator;

    public ProbeRunner(List<Probe> probes, ProbeSettings settings) {
        this(probes, settings, new BrowserLocator());
    }

    public ProbeRunner(List<Probe> probes, ProbeSettings settings, BrowserLocator locator) {
        this.probes = List.copyOf(probes);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.locator = Objects.requireNonNull(locator, "locator");
        Set<String> ids = new java.util.HashSet<>();
        for (Probe p : this.probes) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("Two probes have the id " + p.id());
            }
        }
    }

    public List<Probe> probes() {
        return probes;
    }

    public ProbeSettings settings() {
        return settings;
    }

    @Override
    public List<String> projects() {
        return probes.stream().map(Probe::project).distinct().collect(Collectors.toUnmodifiableList());
    }

    @Override
    public int count(Set<String> projects) {
        try {
            return select(projects).size();
        } catch (SuiteException unknownProject) {
            return -1;
        }
    }

    /** The probes {@link #run} would run for {@code projects} (all when empty). */
    public List<Probe> select(Set<String> projects) throws SuiteException {
        if (projects == null || projects.isEmpty()) {
            return probes;
        }
        Set<String> unknown = new TreeSet<>(projects);
        projects().forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new SuiteException("Unknown project" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; this target has: " + String.join(", ", projects()));
        }
        return probes.stream().filter(p -> projects.contains(p.project())).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        return run(projects, settings.artifactsDir(), note -> { }, onResult, cancel);
    }

    @Override
    public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        try (Session session = new Session()) {
            return session.run(projects, artifactsDir, notes, onResult, cancel);
        }
    }

    /**
     * One Playwright and one browser for the whole session: a run's first pass and the re-runs that verify its fixes
     * share them, so a verification does not pay for starting the driver and Chromium again. Both start on the first
     * run that needs them, on the session's thread, and end with {@link Session#close()}.
     */
    @Override
    public SuiteSession open() {
        return new Session();
    }

    private final class Session implements SuiteSession {
        private final String marker = "--healdesk-probe-run=" + UUID.randomUUID();
        private Playwright playwright;
        private BrowserHolder browser;

        @Override
        public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                    Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
            return runProbes(select(projects), artifactsDir, notes, onResult, cancel);
        }

        /** Probes by id: exactly the given tests (ids this runner does not know are ignored). */
        @Override
        public List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                      Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
            Set<String> ids = tests.stream().map(TestResult::id).collect(Collectors.toSet());
            return runProbes(probes.stream().filter(p -> ids.contains(p.id())).toList(), artifactsDir, notes,
                    onResult, cancel);
        }

        private List<TestResult> runProbes(List<Probe> selected, Path artifactsDir, Consumer<String> notes,
                                           Consumer<TestResult> onResult, Cancellation cancel)
                throws SuiteException {
            Consumer<TestResult> sink = onResult == null ? r -> { } : onResult;
            Cancellation cancellation = cancel == null ? Cancellation.none() : cancel;
            List<TestResult> results = new ArrayList<>();
            if (selected.isEmpty() || cancellation.isCancelled()) {
                return results;
            }
            boolean pagesNeeded = selected.stream().anyMatch(p -> p.kind() == Probe.Kind.PAGE);
            // Only tcp, database and command probes: no Playwright driver, no browser.
            boolean playwrightNeeded = selected.stream().anyMatch(p -> p.kind() != Probe.Kind.OTHER);
            long started = System.nanoTime();
            if (playwrightNeeded) {
                BrowserChoice choice = locator.locate(settings.browser());
                if (pagesNeeded || choice.isPlaywrightBundled()) {
                    notes.accept("Browser: " + choice.description());
                }
                if (playwright == null) {
                    // Re-runs select from the first pass's projects, so the first run decides whether pages are
                    // needed.
                    playwright = createPlaywright(choice, pagesNeeded);
                    browser = new BrowserHolder(playwright, choice, marker);
                }
            }
            BrowserHolder held = browser;
            if (pagesNeeded) {
                held.get();
            }
            if (held != null) {
                cancellation.onCancel(held::kill);
            }
            ArtifactsDir artifacts = new ArtifactsDir(artifactsDir);
            ProbeContext.RunResources run = new ProbeContext.RunResources(playwright,
                    held == null ? ProbeRunner::noBrowser : held::launchForProbe, artifacts::get);
            for (Probe probe : selected) {
                if (cancellation.isCancelled()) {
                    LOG.info("Probe run cancelled after {} of {} probes", results.size(), selected.size());
                    break;
                }
                TestResult result = runProbe(probe, run, cancellation);
                results.add(result);
                try {
                    sink.accept(result);
                } catch (RuntimeException e) {
                    LOG.warn("A result listener failed on {}", probe.id(), e);
                }
            }
            LOG.debug("Ran {} probes in {} ms", results.size(), (System.nanoTime() - started) / 1_000_000);
            return results;
        }

        @Override
        public void close() {
            if (browser != null) {
                browser.disarm();
                browser.close();
            }
            if (playwright != null) {
                try {
                    playwright.close();
                } catch (RuntimeException e) {
                    LOG.debug("Closing Playwright failed: {}", e.toString());
                }
            }
            browser = null;
            playwright = null;
        }
    }

    private TestResult runProbe(Probe probe, ProbeContext.RunResources run, Cancellation cancel) {
        long t0 = System.nanoTime();
        ProbeContext context = new ProbeContext(probe, settings, run);
        Throwable failure = null;
        List<String> attachments = new ArrayList<>();
        try {
            probe.check().check(context);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            failure = t;
        }
        try {
            if (failure != null && context.hasPage() && !cancel.isCancelled()) {
                screenshot(probe, context).ifPresent(attachments::add);
            }
        } finally {
            context.close();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (failure == null) {
            LOG.debug("{} passed in {} ms", probe.id(), ms);
            return TestResult.passed(probe.id(), probe.project(), probe.title(), ms);
        }
        ErrorText error = PlaywrightErrors.describe(failure);
        if (cancel.isCancelled()) {
            return new TestResult(probe.id(), probe.project(), probe.title(), probe.id(), TestStatus.SKIPPED, ms,
                    "Cancelled while running (" + firstLine(error.message()) + ")", error.stack(), 0, attachments);
        }
        LOG.debug("{} failed in {} ms: {}", probe.id(), ms, firstLine(error.message()));
        return TestResult.failed(probe.id(), probe.project(), probe.title(), ms, error.message(), error.stack(),
                attachments);
    }

    private java.util.Optional<String> screenshot(Probe probe, ProbeContext context) {
        try {
            Page page = context.page();
            stopLoading(page);
            Path file = context.artifactsDir().resolve(probe.id().replaceAll("[^A-Za-z0-9._-]+", "-") + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true)
                    .setTimeout(Math.min(context.timeoutMs(), SCREENSHOT_TIMEOUT_MS)));
            return java.util.Optional.of(file.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            LOG.debug("No screenshot for {}: {}", probe.id(), firstLine(PlaywrightErrors.describe(e).message()));
            return java.util.Optional.empty();
        }
    }

    /**
     * A navigation still in flight (a slow server) holds a screenshot back until it times out; window.stop() cannot
     * reach a navigation that has not committed, Chromium's Page.stopLoading can.
     */
    private static void stopLoading(Page page) {
        try {
            CDPSession cdp = page.context().newCDPSession(page);
            try {
                cdp.send("Page.stopLoading");
            } finally {
                cdp.detach();
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not stop loading before the screenshot: {}", firstLine(PlaywrightErrors.describe(e).message()));
        }
    }

    private static Playwright createPlaywright(BrowserChoice choice, boolean pagesNeeded) throws SuiteException {
        // With a browser on the system (or no page probe) there is nothing to download; only Playwright's own
        // browser needs the network.
        boolean download = pagesNeeded && choice.isPlaywrightBundled();
        Map<String, String> env = download ? Map.of() : Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        try {
            return Playwright.create(new Playwright.CreateOptions().setEnv(env));
        } catch (RuntimeException e) {
            throw new SuiteException("Playwright could not start its driver: " + firstLine(PlaywrightErrors.describe(e).message())
                    + ". Check that the Playwright driver can be unpacked into the temporary folder (java.io.tmpdir)"
                    + (download ? ", and install Chromium (e.g. `sudo apt install chromium`) or set "
                    + BrowserLocator.ENV_VAR + " since no browser was found on the system" : "") + ".", e);
        }
    }

    private static Browser noBrowser() {
        throw new IllegalStateException("This run started no browser: only page probes get a page");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /**
     * The session's browser: launched once (at the start, or when an API probe first asks for a page), and again only
     * if it went away.
     */
    private static final class BrowserHolder {
        private final Playwright playwright;
        private final BrowserChoice choice;
        private final String marker;
        private volatile boolean armed = true;
        private Browser browser;
        private SuiteException launchFailure;

        BrowserHolder(Playwright playwright, BrowserChoice choice, String marker) {
            this.playwright = playwright;
            this.choice = choice;
            this.marker = marker;
        }

        Browser get() throws SuiteException {
            if (browser != null && browser.isConnected()) {
                return browser;
            }
            browser = null;   // never launched, or it went away between two runs of a session: launch it again
            if (launchFailure != null) {
                throw launchFailure;
            }
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                    .setHeadless(true)
                    .setTimeout(LAUNCH_TIMEOUT_MS)
                    .setArgs(withMarker());
            choice.executable().ifPresent(options::setExecutablePath);
            try {
                browser = playwright.chromium().launch(options);
                LOG.debug("Launched {} (version {})", choice.description(), browser.version());
                return browser;
            } catch (PlaywrightException e) {
                String tried = choice.executable().map(Path::toString)
                        .orElse("Playwright's own Chromium (none was found on the system)");
                launchFailure = new SuiteException("Could not launch the browser " + tried + " [" + choice.source()
                        + "]: " + firstLine(PlaywrightErrors.describe(e).message()) + ". To fix: install Chromium"
                        + " (e.g. `sudo apt install chromium`) or set " + BrowserLocator.ENV_VAR
                        + " to a working Chromium/Chrome executable.", e);
                throw launchFailure;
            }
        }

        /** For {@link ProbeContext#page()}: a launch failure becomes the probe's failure. */
        Browser launchForProbe() {
            try {
                return get();
            } catch (SuiteException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        private List<String> withMarker() {
            List<String> args = new ArrayList<>(CHROMIUM_ARGS);
            args.add(marker); // lets a cancel find this run's browser process among this JVM's descendants
            return args;
        }

        void disarm() {
            armed = false;
        }

        /**
         * Called from the cancelling thread. Playwright for Java must not be called from two threads, so this ends
         * the browser's process instead (found by this run's marker argument among this JVM's descendants); the
         * probe in progress then fails at once with "Target page, context or browser has been closed".
         */
        void kill() {
            if (!armed) {
                return;
            }
            ProcessHandle.current().descendants()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                    .forEach(p -> {
                        LOG.info("Cancel: closing the probe browser (pid {})", p.pid());
                        p.destroy();
                    });
        }

        void close() {
            if (browser != null) {
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    LOG.debug("Closing the browser failed: {}", e.toString());
                }
                browser = null;
            }
        }
    }

    /** The artifacts folder, made on first use (a temporary one when none was configured). */
    private static final class ArtifactsDir {
        private final Path configured;
        private Path dir;

        ArtifactsDir(Path configured) {
            this.configured = configured;
        }

        Path get() {
            if (dir == null) {
                try {
                    dir = configured == null ? Files.createTempDirectory("healdesk-probes-")
                            : Files.createDirectories(configured);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot create the artifacts folder " + configured, e);
                }
            }
            return dir;
        }
    }
}
