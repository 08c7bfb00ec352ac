package dev.healdesk.core.triage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Measures triage throughput (classify + fingerprint) on the calling thread over a corpus of distinct, realistic
 * failure messages generated from templates of real tools' error texts. Nothing is cached between messages:
 * every message is different, so the figure is honest.
 *
 * <p>Warm-up: at least {@code warmupRounds} untimed passes over the corpus and, when warm-up was asked for at all,
 * at least {@value #MIN_WARMUP_MILLIS} ms of them (at most {@value #MAX_WARMUP_ROUNDS} passes): the JIT compiler
 * needs that long for the regex engine and the scanners, markedly so on a machine with few busy cores, and a
 * console triages for hours. Then one timed pass over every message.
 */
public final class TriageBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TriageBenchmark.class);
    static final int MAX_WARMUP_ROUNDS = 200;
    static final int MIN_WARMUP_MILLIS = 2000;

    /**
     * @param byCategory how many messages fell into each category (category id → count), in category order
     * @param cpuNanos   the calling thread's CPU time over the timed pass; -1 where the JVM cannot measure it
     */
    public record Result(int messages, long nanos, double perSecond, Map<String, Integer> byCategory, long cpuNanos) {

        /** Messages per second of the thread's own CPU time: what other processes on the core cannot move. */
        public double cpuPerSecond() {
            return cpuNanos > 0 ? messages * 1e9 / cpuNanos : Double.NaN;
        }
    }

    /** One corpus entry; {@code stack} may be null. */
    public record Sample(String message, String stack) {
    }

    private TriageBenchmark() {
    }

    /** Runs with the built-in catalog. */
    public static Result run(int messages, int warmupRounds) {
        return run(PatternCatalog.builtIn(), messages, warmupRounds);
    }

    public static Result run(PatternCatalog catalog, int messages, int warmupRounds) {
        if (messages <= 0) {
            throw new IllegalArgumentException("messages must be positive: " + messages);
        }
        List<Sample> corpus = corpus(messages, 20240601L);
        Triage triage = new Triage(catalog);
        long sink = 0;
        long warmupEnd = System.nanoTime() + MIN_WARMUP_MILLIS * 1_000_000L;
        int rounds = 0;
        while (rounds < warmupRounds
                || (warmupRounds > 0 && rounds < MAX_WARMUP_ROUNDS && System.nanoTime() < warmupEnd)) {
            for (Sample s : corpus) {
                sink += triage.triage(s.message(), s.stack()).fingerprint().charAt(0);
            }
            rounds++;
        }
        LOG.debug("triage benchmark warm-up: {} passes", rounds);
        int[] counts = new int[Category.values().length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpu = threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        long cpuStart = cpu ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        for (Sample s : corpus) {
            TriagedFailure t = triage.triage(s.message(), s.stack());
            counts[t.classification().category().ordinal()]++;
            sink += t.fingerprint().charAt(15);
        }
        long nanos = Math.max(1, System.nanoTime() - start);
        long cpuNanos = cpu ? Math.max(1, threads.getCurrentThreadCpuTime() - cpuStart) : -1;
        LOG.debug("triage benchmark checksum {}", sink);
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            byCategory.put(c.id(), counts[c.ordinal()]);
        }
        return new Result(corpus.size(), nanos, corpus.size() * 1e9 / nanos, byCategory, cpuNanos);
    }

    /** At least {@code messages} distinct samples (exactly that many), deterministic for a seed. */
    public static List<Sample> corpus(int messages, long seed) {
        Random r = new Random(seed);
        List<Function<Random, Sample>> templates = templates();
        Set<String> seen = new LinkedHashSet<>();
        List<Sample> out = new ArrayList<>(messages);
        long attempts = 0;
        while (out.size() < messages) {
            if (++attempts > messages * 50L) {
                throw new IllegalStateException("templates cannot produce " + messages + " distinct messages");
            }
            Sample s = templates.get(r.nextInt(templates.size())).apply(r);
            if (seen.add(s.message())) {
                out.add(s);
            }
        }
        return out;
    }

    // ----------------------------------------------------------------------------------------------- values

    private static final String[] SELECTORS = {"#login", "#logout", "#customers-table", "[data-testid=\"submit\"]",
            ".btn-primary", "#email", "#password", "text=Sign in", "#cart-total", "button.checkout", "#search",
            "nav >> text=Orders", "#invoice-list tr", ".toast-success", "#profile-menu", "[aria-label=\"Close\"]"};
    private static final String[] TABLES = {"users", "orders", "invoices", "customers", "sessions", "products",
            "payments", "audit_log", "carts", "line_items", "accounts", "subscriptions"};
    private static final String[] COLUMNS = {"email", "created_at", "tenant_id", "status", "deleted_at", "sku",
            "display_name", "amount_cents", "last_login"};
    private static final String[] HOSTS = {"127.0.0.1", "localhost", "10.0.3.17", "api.staging.internal",
            "app.test.local", "192.168.49.2", "backend", "172.18.0.5"};
    private static final String[] ROUTES = {"/login", "/api/users", "/api/orders", "/dashboard", "/api/v2/invoices",
            "/checkout", "/api/auth/refresh", "/settings/profile", "/api/products/search", "/admin/reports"};
    private static final String[] SPECS = {"login", "checkout", "orders", "profile", "search", "admin", "invoices",
            "signup", "cart", "reports"};
    private static final String[] DEPLOYMENTS = {"api", "web", "worker", "billing", "auth-service", "gateway",
            "search-indexer", "notifications"};
    private static final String[] TEXTS = {"Welcome back", "Order confirmed", "3 items", "Total: $42.00",
            "Invoice #1042", "Signed in as alice", "No results", "Saved"};

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }

    private static int port(Random r) {
        return r.nextBoolean() ? 30000 + r.nextInt(35000) : new int[] {3000, 8080, 8000, 5173, 4200}[r.nextInt(5)];
    }

    private static int ms(Random r) {
        return (1 + r.nextInt(60)) * 500;
    }

    private static String hex(Random r, int len) {
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    private static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static String ts(Random r) {
        return String.format("2024-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
    }

    private static String email(Random r) {
        return "user" + r.nextInt(100000) + "@example.test";
    }

    private static String jsStack(Random r) {
        String spec = pick(r, SPECS);
        return "Error: failed\n    at " + (r.nextBoolean() ? "Context.<anonymous>" : "async Page.goto")
                + " (/home/runner/work/app/app/tests/" + spec + ".spec.ts:" + (10 + r.nextInt(200)) + ":"
                + (3 + r.nextInt(30)) + ")\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)"
                + "\n    at /home/runner/work/app/app/node_modules/@playwright/test/lib/worker/workerMain.js:"
                + (100 + r.nextInt(300)) + ":7";
    }

    private static String javaStack(Random r, String exception) {
        return exception + "\n\tat com.example.shop.repository.OrderRepository.find(OrderRepository.java:"
                + (20 + r.nextInt(100)) + ")\n\tat com.example.shop.service.OrderService.lambda$load$"
                + r.nextInt(5) + "(OrderService.java:" + (30 + r.nextInt(100)) + ")\n\tat com.example.shop.service."
                + "OrderService$$Lambda$" + (100 + r.nextInt(900)) + "/0x0000000800" + hex(r, 6)
                + ".apply(Unknown Source)\n\tat java.base/java.util.Optional.map(Optional.java:260)";
    }

    private static Sample m(String message) {
        return new Sample(message, null);
    }

    private static List<Function<Random, Sample>> templates() {
        List<Function<Random, Sample>> t = new ArrayList<>();
        // Playwright
        t.add(r -> new Sample("page.goto: net::ERR_CONNECTION_REFUSED at http://" + pick(r, HOSTS) + ":" + port(r)
                + pick(r, ROUTES) + "\nCall log:\n  - navigating to \"http://" + pick(r, HOSTS) + ":" + port(r)
                + pick(r, ROUTES) + "\", waiting until \"load\"", jsStack(r)));
        t.add(r -> new Sample("locator.click: Timeout " + ms(r) + "ms exceeded.\nCall log:\n  - waiting for locator('"
                + pick(r, SELECTORS) + "')", jsStack(r)));
        t.add(r -> m("locator.fill: Timeout " + ms(r) + "ms exceeded.\nCall log:\n  - waiting for getByLabel('"
                + pick(r, COLUMNS) + "')\n  - waiting " + (r.nextInt(5) * 100) + "ms"));
        t.add(r -> m("page.goto: Timeout " + ms(r) + "ms exceeded.\nCall log:\n  - navigating to \"http://"
                + pick(r, HOSTS) + ":" + port(r) + pick(r, ROUTES) + "\", waiting until \"load\""));
        t.add(r -> m("Error: expect(locator).toHaveText(expected) failed\n\nLocator: locator('" + pick(r, SELECTORS)
                + "')\nExpected string: \"" + pick(r, TEXTS) + "\"\nReceived string: \"" + pick(r, TEXTS) + " "
                + r.nextInt(1000) + "\"\nTimeout: " + ms(r) + "ms"));
        t.add(r -> m("Error: expect(locator).toBeVisible() failed\n\nLocator: locator('" + pick(r, SELECTORS)
                + "')\nExpected: visible\nReceived: <element(s) not found>\nTimeout: " + ms(r) + "ms"));
        t.add(r -> m("Error: strict mode violation: locator('" + pick(r, SELECTORS) + "') resolved to "
                + (2 + r.nextInt(9)) + " elements"));
        t.add(r -> m("Test timeout of " + ms(r) + "ms exceeded while running \"beforeEach\" hook."));
        t.add(r -> m("apiRequestContext.post: connect ECONNREFUSED " + pick(r, HOSTS) + ":" + port(r)));
        // Selenium
        t.add(r -> new Sample("org.openqa.selenium.NoSuchElementException: no such element: Unable to locate element:"
                + " {\"method\":\"css selector\",\"selector\":\"" + pick(r, SELECTORS) + "\"}\n  (Session info: chrome="
                + (110 + r.nextInt(20)) + ".0." + r.nextInt(6000) + "." + r.nextInt(200) + ")",
                javaStack(r, "org.openqa.selenium.NoSuchElementException")));
        t.add(r -> m("org.openqa.selenium.StaleElementReferenceException: stale element reference: stale element not"
                + " found\n  (Session info: chrome=" + (110 + r.nextInt(20)) + ".0." + r.nextInt(6000) + ")"));
        t.add(r -> m("org.openqa.selenium.ElementClickInterceptedException: element click intercepted: Element"
                + " <button id=\"" + pick(r, COLUMNS) + "\"> is not clickable at point (" + r.nextInt(1200) + ", "
                + r.nextInt(800) + "). Other element would receive the click: <div class=\"overlay\"></div>"));
        // HTTP clients
        t.add(r -> m("AxiosError: Request failed with status code " + new int[] {500, 502, 503, 504}[r.nextInt(4)]
                + " at " + pick(r, ROUTES) + "/" + r.nextInt(100000)));
        t.add(r -> m("Expected status 200 but got " + new int[] {500, 404, 401, 403, 409}[r.nextInt(5)] + " for GET http://"
                + pick(r, HOSTS) + ":" + port(r) + pick(r, ROUTES) + "/" + r.nextInt(100000)));
        t.add(r -> m("Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: "
                + new int[] {500, 503, 404, 401}[r.nextInt(4)] + "\n\n  at " + pick(r, SPECS) + ".spec.ts:"
                + r.nextInt(300) + ":" + r.nextInt(40)));
        t.add(r -> m("SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON (GET " + pick(r, ROUTES)
                + "?page=" + r.nextInt(50) + ")"));
        t.add(r -> m("$.items[" + r.nextInt(20) + "]." + pick(r, COLUMNS) + ": is missing but it is required"));
        // Node network errors
        t.add(r -> m("FetchError: request to http://" + pick(r, HOSTS) + ":" + port(r) + pick(r, ROUTES)
                + " failed, reason: connect ETIMEDOUT " + pick(r, HOSTS) + ":" + port(r)));
        t.add(r -> m("Error: getaddrinfo ENOTFOUND " + pick(r, DEPLOYMENTS) + "-" + hex(r, 4) + ".svc.cluster.local"));
        t.add(r -> m("Error: socket hang up (request " + uuid(r) + ")"));
        t.add(r -> m("Error: read ECONNRESET at " + ts(r)));
        // Java network errors
        t.add(r -> new Sample("java.net.SocketTimeoutException: Read timed out after " + ms(r) + " ms",
                javaStack(r, "java.net.SocketTimeoutException: Read timed out")));
        t.add(r -> m("java.net.http.HttpTimeoutException: request timed out (" + pick(r, ROUTES) + "/"
                + uuid(r) + ")"));
        t.add(r -> m("java.net.ConnectException: Connection refused: " + pick(r, HOSTS) + "/" + pick(r, HOSTS) + ":"
                + port(r)));
        t.add(r -> m("javax.net.ssl.SSLHandshakeException: PKIX path building failed: unable to find valid"
                + " certification path to requested target (" + pick(r, HOSTS) + ":" + (8443 + r.nextInt(3)) + ", "
                + ts(r) + ")"));
        // PostgreSQL
        t.add(r -> new Sample("Error: connect ECONNREFUSED " + pick(r, HOSTS) + ":5432 (attempt " + r.nextInt(10)
                + ", " + ts(r) + ")", jsStack(r)));
        t.add(r -> new Sample("org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved for"
                + " non-replication superuser connections (pid " + r.nextInt(99999) + ")",
                javaStack(r, "org.postgresql.util.PSQLException")));
        t.add(r -> m("error: duplicate key value violates unique constraint \"" + pick(r, TABLES) + "_"
                + pick(r, COLUMNS) + "_key\"\nDETAIL: Key (" + pick(r, COLUMNS) + ")=(" + email(r)
                + ") already exists."));
        t.add(r -> m("error: relation \"" + pick(r, TABLES) + "_" + r.nextInt(999) + "\" does not exist at character "
                + r.nextInt(300)));
        t.add(r -> m("HikariPool-" + (1 + r.nextInt(4)) + " - Connection is not available, request timed out after "
                + (30000 + r.nextInt(100)) + "ms."));
        // MySQL
        t.add(r -> m("ERROR 1062 (23000): Duplicate entry '" + email(r) + "' for key '" + pick(r, TABLES) + "."
                + pick(r, COLUMNS) + "'"));
        t.add(r -> m("ER_NO_SUCH_TABLE: Table 'shop_" + r.nextInt(500) + "." + pick(r, TABLES) + "' doesn't exist"));
        t.add(r -> m("Error: Can't connect to MySQL server on '" + pick(r, HOSTS) + ":3306' (" + (100 + r.nextInt(20))
                + ")"));
        // SQLite
        t.add(r -> m("SqliteError: UNIQUE constraint failed: " + pick(r, TABLES) + "." + pick(r, COLUMNS)
                + " (row " + r.nextInt(100000) + ")"));
        t.add(r -> m("SQLITE_ERROR: no such column: " + pick(r, COLUMNS) + "_" + r.nextInt(300)));
        // Redis
        t.add(r -> m("Error: Redis connection to " + pick(r, HOSTS) + ":6379 failed - connect ECONNREFUSED "
                + pick(r, HOSTS) + ":6379 (retry " + r.nextInt(40) + ")"));
        t.add(r -> m("ReplyError: OOM command not allowed when used memory > 'maxmemory'. script: "
                + hex(r, 40) + ", on @user_script:" + r.nextInt(80) + "."));
        t.add(r -> m("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk."
                + " (" + ts(r) + ")"));
        // Kubernetes
        t.add(r -> m("pod/" + pick(r, DEPLOYMENTS) + "-" + hex(r, 10) + "-" + hex(r, 5) + " status CrashLoopBackOff:"
                + " Back-off restarting failed container " + pick(r, DEPLOYMENTS) + " in pod " + pick(r, DEPLOYMENTS)
                + "-" + hex(r, 10) + "_default(" + uuid(r) + ")"));
        t.add(r -> m("0/" + (1 + r.nextInt(9)) + " nodes are available: " + (1 + r.nextInt(9))
                + " Insufficient memory. preemption: 0/" + (1 + r.nextInt(9)) + " nodes are available"));
        t.add(r -> m("Error from server (ServiceUnavailable): no endpoints available for service \""
                + pick(r, DEPLOYMENTS) + "-" + r.nextInt(100) + "\""));
        t.add(r -> m("Failed to pull image \"registry.example.test/" + pick(r, DEPLOYMENTS) + ":" + hex(r, 12)
                + "\": rpc error: code = NotFound desc = manifest unknown; ImagePullBackOff"));
        // Docker
        t.add(r -> m("Error response from daemon: No such container: " + pick(r, DEPLOYMENTS) + "-" + hex(r, 12)));
        t.add(r -> m("Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"
                + " (" + ts(r) + ")"));
        // JWT libraries
        t.add(r -> m("TokenExpiredError: jwt expired at " + ts(r) + " (sub " + uuid(r) + ")"));
        t.add(r -> new Sample("io.jsonwebtoken.ExpiredJwtException: JWT expired at " + ts(r) + ". Current time: "
                + ts(r) + ", a difference of " + r.nextInt(10000000) + " milliseconds.  Allowed clock skew: 0"
                + " milliseconds.", javaStack(r, "io.jsonwebtoken.ExpiredJwtException")));
        t.add(r -> m("JsonWebTokenError: invalid signature (kid " + hex(r, 16) + ")"));
        t.add(r -> m("Request failed with status code 401: {\"error\":\"Session expired\",\"requestId\":\"" + uuid(r)
                + "\"}"));
        // assertions and the rest
        t.add(r -> m("AssertionError: expected " + r.nextInt(100) + " to equal " + r.nextInt(100)));
        t.add(r -> m("org.opentest4j.AssertionFailedError: expected: <" + pick(r, TEXTS) + "> but was: <"
                + pick(r, TEXTS) + r.nextInt(1000) + ">"));
        t.add(r -> m("TypeError: Cannot read properties of undefined (reading '" + pick(r, COLUMNS) + "') at "
                + pick(r, SPECS) + ".spec.ts:" + r.nextInt(400) + ":" + r.nextInt(40)));
        t.add(r -> m("Worker " + r.nextInt(64) + " reported: something odd happened in batch " + uuid(r)));
        return t;
    }
}
