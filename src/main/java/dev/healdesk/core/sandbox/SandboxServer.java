package dev.healdesk.core.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The built-in demo target: a small web app with a login page, a customers page and a JSON API on
 * 127.0.0.1, with fault switches that change its real behaviour (see {@link Fault}).
 *
 * <p>Everything is in memory. The demo user's password and the JWT signing key are drawn at random on
 * start; {@link #restart()} forgets the sessions and draws a new signing key, like a real backend restart.
 * Thread-safe: faults may be switched from any thread while requests are served.
 *
 * <p>Each class-A fault is cleared by the operation its real fix performs, so a healing run on the sandbox is a real
 * loop (the fault stays on until the right playbook runs, and the re-run shows whether it did):
 * <ul>
 *   <li>{@link Fault#BACKEND_DOWN} and {@link Fault#SLOW}: {@link #restart()} (restart-backend), as a restart brings
 *       a crashed backend back and drains the stuck work that made a live one slow;</li>
 *   <li>{@link Fault#SESSION_EXPIRED}: {@link #clearSessions()} (clear-session), as a fresh sign-in after the stale
 *       session state is gone gets a session the backend honours;</li>
 *   <li>{@link Fault#TOKEN_EXPIRED}: {@link #refreshTokens()} (refresh-tokens), as logging in again hands out
 *       tokens that have not expired;</li>
 *   <li>{@link Fault#DB_POOL_EXHAUSTED}: {@link #terminateIdleConnections()} (kill-idle-db-connections), as
 *       terminating the idle sessions that hold the pool frees its slots.</li>
 * </ul>
 * Any other operation leaves these faults on: a restart does not refresh an expired token, for instance. The
 * class-B and C faults ({@link Fault#SELECTOR_CHANGED}, {@link Fault#CONTRACT_BREAK}) are code changes and stay until
 * switched off.
 */
public final class SandboxServer implements AutoCloseable {

    public static final String USERNAME = "operator@example.com";
    public static final String SESSION_COOKIE = "HEALDESK_SESSION";
    public static final String VERSION = "1.4.2";
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    static final String PG_POOL_EXHAUSTED = "org.postgresql.util.PSQLException: FATAL: remaining connection slots"
            + " are reserved for non-replication superuser connections";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration REBIND_PATIENCE = Duration.ofSeconds(5);

    private final SandboxOptions options;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final SandboxJwt jwt;
    private final String password;
    private final Map<String, String> sessions = new ConcurrentHashMap<>();
    private final List<Consumer<Set<Fault>>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private final Object lifecycle = new Object();

    private volatile Set<Fault> faults;
    private volatile boolean closed;
    private HttpServer server; // guarded by lifecycle
    private int port;          // guarded by lifecycle after the first bind

    private SandboxServer(SandboxOptions options) {
        this.options = options;
        this.jwt = new SandboxJwt(json, random, Clock.systemUTC());
        this.password = randomPassword(random);
        this.faults = immutable(options.faults());
        this.executor = Executors.newFixedThreadPool(options.threads(), daemonThreads());
    }

    /** Starts a sandbox with {@link SandboxOptions#defaults()}. */
    public static SandboxServer start() {
        return start(SandboxOptions.defaults());
    }

    /**
     * Binds 127.0.0.1 on the options' port (0: a free one) and starts serving. With {@link Fault#BACKEND_DOWN}
     * among the initial faults the port is reserved first, then closed, so {@link #restart()} can bring it back.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static SandboxServer start(SandboxOptions options) {
        SandboxServer sandbox = new SandboxServer(options == null ? SandboxOptions.defaults() : options);
        try {
            synchronized (sandbox.lifecycle) {
                sandbox.bind(sandbox.options.port(), Duration.ZERO);
                if (sandbox.faults.contains(Fault.BACKEND_DOWN)) {
                    sandbox.stopServer();
                }
            }
        } catch (IOException e) {
            sandbox.executor.shutdownNow();
            throw new UncheckedIOException("The sandbox could not listen on 127.0.0.1:" + sandbox.options.port()
                    + ": " + e.getMessage() + (sandbox.options.port() != 0 ? " (choose another port or 0 for a free one)" : ""), e);
        }
        LOG.info("Sandbox listening on {} (faults: {})", sandbox.baseUrl(), sandbox.faults);
        return sandbox;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        synchronized (lifecycle) {
            return port;
        }
    }

    /** The demo user's email. */
    public String username() {
        return USERNAME;
    }

    /** The demo user's password, drawn at random on start. Never logged. */
    public String password() {
        return password;
    }

    public SandboxOptions options() {
        return options;
    }

    /** Whether the server accepts connections (false while {@link Fault#BACKEND_DOWN} is on and after close). */
    public boolean isUp() {
        synchronized (lifecycle) {
            return !closed && server != null;
        }
    }

    public boolean isOn(Fault fault) {
        return faults.contains(fault);
    }

    /** The faults now on, as an immutable set. */
    public Set<Fault> activeFaults() {
        return faults;
    }

    /**
     * Switches a fault. {@link Fault#BACKEND_DOWN} on closes the port at once; switching it off is the same as
     * {@link #restart()} (the backend comes back without its in-memory sessions).
     */
    public void setFault(Fault fault, boolean on) {
        if (fault == Fault.BACKEND_DOWN && !on) {
            if (isOn(Fault.BACKEND_DOWN)) {
                restart();
            }
            return;
        }
        boolean changed;
        synchronized (lifecycle) {
            ensureOpen();
            EnumSet<Fault> next = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
            changed = on ? next.add(fault) : next.remove(fault);
            faults = immutable(next);
            if (fault == Fault.BACKEND_DOWN && on) {
                stopServer();
            }
        }
        if (changed) {
            LOG.info("Sandbox fault {} {}", fault.id(), on ? "on" : "off");
            notifyListeners();
        }
    }

    /** Called with the new set of faults after every change (and after a restart), on the changing thread. */
    public void addFaultListener(Consumer<Set<Fault>> listener) {
        listeners.add(listener);
    }

    public void removeFaultListener(Consumer<Set<Fault>> listener) {
        listeners.remove(listener);
    }

    /**
     * Restarts the backend as a real one would: stops serving, forgets every session and draws a new token
     * signing key (existing cookies and tokens stop working), clears {@link Fault#BACKEND_DOWN} and
     * {@link Fault#SLOW} (other faults stay) and listens again on the same port.
     *
     * @throws UncheckedIOException when the port was taken by someone else in the meantime
     */
    public void restart() {
        synchronized (lifecycle) {
            ensureOpen();
            stopServer();
            sessions.clear();
            jwt.rotateKey();
            faults = without(faults, Fault.BACKEND_DOWN, Fault.SLOW);
            try {
                bind(port, REBIND_PATIENCE);
            } catch (IOException e) {
                throw new UncheckedIOException("The sandbox could not listen again on 127.0.0.1:" + port + ": "
                        + e.getMessage() + " (another program may have taken the port; start a new sandbox)", e);
            }
        }
        LOG.info("Sandbox restarted on {}", baseUrl());
        notifyListeners();
    }

    /**
     * Forgets every session (all session cookies stop working) and clears {@link Fault#SESSION_EXPIRED}: what the
     * clear-session playbook does to a backend it can reach.
     */
    public void clearSessions() {
        sessions.clear();
        setFault(Fault.SESSION_EXPIRED, false);
    }

    /**
     * Clears {@link Fault#TOKEN_EXPIRED}: tokens issued from now on are accepted again. The refresh-tokens playbook
     * calls it after logging in again.
     */
    public void refreshTokens() {
        setFault(Fault.TOKEN_EXPIRED, false);
    }

    /** Terminates the idle connections that hold the pool: clears {@link Fault#DB_POOL_EXHAUSTED}. */
    public void terminateIdleConnections() {
        setFault(Fault.DB_POOL_EXHAUSTED, false);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stopServer();
        }
        executor.shutdownNow();
        LOG.info("Sandbox on port {} closed", port());
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    private void bind(int wantedPort, Duration patience) throws IOException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                HttpServer fresh = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), wantedPort), 64);
                fresh.createContext("/", this::handle);
                fresh.setExecutor(executor);
                fresh.start();
                server = fresh;
                port = fresh.getAddress().getPort();
                return;
            } catch (BindException e) {
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("The sandbox is closed");
        }
    }

    private void notifyListeners() {
        Set<Fault> now = faults;
        for (Consumer<Set<Fault>> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("A sandbox fault listener failed", e);
            }
        }
    }

    private static Set<Fault> without(Set<Fault> set, Fault... gone) {
        EnumSet<Fault> next = set.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(set);
        List.of(gone).forEach(next::remove);
        return immutable(next);
    }

    private static Set<Fault> immutable(Set<Fault> set) {
        return set.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(set));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "sandbox-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static String randomPassword(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ------------------------------------------------------------------------------------------------ serving

    /** One answer. {@code headers} may repeat a name (Set-Cookie). */
    private record Reply(int status, String contentType, byte[] body, List<Map.Entry<String, String>> headers) {
        Reply header(String name, String value) {
            List<Map.Entry<String, String>> more = new java.util.ArrayList<>(headers);
            more.add(Map.entry(name, value));
            return new Reply(status, contentType, body, more);
        }
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status = 0;
        try {
            if (isOn(Fault.SLOW) && !options.slowDelay().isZero()) {
                try {
                    Thread.sleep(options.slowDelay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Reply reply;
            try {
                reply = route(exchange, method, path);
            } catch (RuntimeException e) {
                LOG.warn("Sandbox failed on {} {}", method, path, e);
                reply = apiError(500, "internal_error", e.toString());
            }
            status = reply.status();
            send(exchange, reply);
        } catch (IOException e) {
            LOG.debug("Sandbox could not answer {} {}: {}", method, path, e.toString());
        } finally {
            exchange.close();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {} ({} ms)", method, path, status, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private void send(HttpExchange exchange, Reply reply) throws IOException {
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Security-Policy", CSP);
        h.set("X-Frame-Options", "DENY");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "strict-origin-when-cross-origin");
        h.set("Cache-Control", "no-store");
        h.set("Server", "healdesk-sandbox/" + VERSION);
        if (reply.contentType() != null) {
            h.set("Content-Type", reply.contentType());
        }
        for (Map.Entry<String, String> e : reply.headers()) {
            h.add(e.getKey(), e.getValue());
        }
        byte[] body = reply.body();
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        if (body.length == 0 || head) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Reply route(HttpExchange ex, String method, String path) throws IOException {
        boolean get = "GET".equals(method) || "HEAD".equals(method);
        boolean post = "POST".equals(method);
        switch (path) {
            case "/":
                return get ? redirect("/login") : notAllowed("GET");
            case "/login":
                if (get) {
                    return loginPage(queryOf(ex));
                }
                return post ? formLogin(ex) : notAllowed("GET, POST");
            case "/app":
                return get ? appPage(ex) : notAllowed("GET");
            case "/logout":
                return get || post ? logout(ex) : notAllowed("GET, POST");
            case "/assets/app.css":
                return get ? stylesheet() : notAllowed("GET");
            case "/api/login":
                return post ? apiLogin(ex) : apiNotAllowed("POST");
            case "/api/health":
                return get ? health() : apiNotAllowed("GET");
            case "/api/customers":
                return get ? customers(ex, null) : apiNotAllowed("GET");
            default:
                if (path.startsWith("/api/customers/")) {
                    return get ? customers(ex, path.substring("/api/customers/".length())) : apiNotAllowed("GET");
                }
                if (path.startsWith("/api/")) {
                    return apiError(404, "not_found", "No route for " + method + " " + path);
                }
                return html(404, SandboxPages.error(404, "Not Found", "There is no page at " + path + "."));
        }
    }

    // --- pages

    private Reply loginPage(Map<String, String> query) {
        String notice = null;
        boolean error = false;
        if (query.containsKey("expired")) {
            notice = SandboxPages.SESSION_EXPIRED_TEXT;
        } else if (query.containsKey("error")) {
            notice = SandboxPages.BAD_CREDENTIALS_TEXT;
            error = true;
        } else if (query.containsKey("signed-out")) {
            notice = SandboxPages.SIGNED_OUT_TEXT;
        }
        return html(200, SandboxPages.login(notice, error, loginButtonId()));
    }

    private Reply formLogin(HttpExchange ex) throws IOException {
        Map<String, String> form = parseQuery(new String(readBody(ex), StandardCharsets.UTF_8));
        if (isOn(Fault.DB_POOL_EXHAUSTED)) {
            return html(500, SandboxPages.error(500, "Internal Server Error", PG_POOL_EXHAUSTED));
        }
        if (!credentialsMatch(form.get("email"), form.get("password"))) {
            return redirect("/login?error=1");
        }
        String id = newSessionId();
        sessions.put(id, USERNAME);
        return redirect("/app").header("Set-Cookie", SESSION_COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
    }

    private Reply appPage(HttpExchange ex) {
        Optional<String> user = sessionUser(ex);
        if (user.isEmpty()) {
            return redirect("/login?expired=1");
        }
        if (isOn(Fault.DB_POOL_EXHAUSTED)) {
            return html(500, SandboxPages.error(500, "Internal Server Error", PG_POOL_EXHAUSTED));
        }
        return html(200, SandboxPages.app(user.get(), SandboxCustomers.all(), tableId()));
    }

    private Reply logout(HttpExchange ex) {
        cookie(ex, SESSION_COOKIE).ifPresent(sessions::remove);
        return redirect("/login?signed-out=1")
                .header("Set-Cookie", SESSION_COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }

    private Reply stylesheet() throws IOException {
        try (InputStream in = SandboxServer.class.getResourceAsStream("app.css")) {
            byte[] css = in == null ? new byte[0] : in.readAllBytes();
            return new Reply(200, "text/css; charset=utf-8", css, List.of());
        }
    }

    private String loginButtonId() {
        return isOn(Fault.SELECTOR_CHANGED) ? "sign-in-button" : "login-button";
    }

    private String tableId() {
        return isOn(Fault.SELECTOR_CHANGED) ? "customer-list" : "customers-table";
    }

    /** The signed-in user of the request's session cookie; none when missing, unknown or expired. */
    private Optional<String> sessionUser(HttpExchange ex) {
        if (isOn(Fault.SESSION_EXPIRED)) {
            return Optional.empty();
        }
        return cookie(ex, SESSION_COOKIE).map(sessions::get);
    }

    // --- API

    private Reply apiLogin(HttpExchange ex) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(readBody(ex));
        } catch (JsonProcessingException e) {
            return apiError(400, "bad_request", "Request body must be JSON: {\"email\": ..., \"password\": ...}");
        }
        if (body == null || !body.isObject()) {
            return apiError(400, "bad_request", "Request body must be JSON: {\"email\": ..., \"password\": ...}");
        }
        if (isOn(Fault.DB_POOL_EXHAUSTED)) {
            return apiError(500, "internal_error", PG_POOL_EXHAUSTED);
        }
        if (!credentialsMatch(body.path("email").asText(null), body.path("password").asText(null))) {
            return apiError(401, "invalid_credentials", "Invalid email or password");
        }
        ObjectNode answer = json.createObjectNode()
                .put("token", jwt.issue(USERNAME, TOKEN_LIFETIME))
                .put("tokenType", "Bearer")
                .put("expiresIn", TOKEN_LIFETIME.toSeconds());
        return jsonReply(200, answer);
    }

    private Reply health() {
        if (isOn(Fault.DB_POOL_EXHAUSTED)) {
            ObjectNode down = json.createObjectNode()
                    .put("status", "error").put("database", "error").put("version", VERSION)
                    .put("error", "internal_error").put("message", PG_POOL_EXHAUSTED);
            return jsonReply(503, down);
        }
        return jsonReply(200, json.createObjectNode().put("status", "ok").put("database", "ok").put("version", VERSION));
    }

    private Reply customers(HttpExchange ex, String idText) {
        Optional<Reply> refused = authenticate(ex);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (isOn(Fault.DB_POOL_EXHAUSTED)) {
            return apiError(500, "internal_error", PG_POOL_EXHAUSTED);
        }
        if (idText == null) {
            ArrayNode list = json.createArrayNode();
            SandboxCustomers.all().forEach(c -> list.add(customerJson(c)));
            ObjectNode answer = json.createObjectNode();
            answer.set("customers", list);
            answer.put("total", list.size());
            return jsonReply(200, answer);
        }
        int id;
        try {
            id = Integer.parseInt(idText);
        } catch (NumberFormatException e) {
            return apiError(400, "bad_request", "Customer id must be a number, was '" + idText + "'");
        }
        return SandboxCustomers.byId(id)
                .map(c -> jsonReply(200, customerJson(c)))
                .orElseGet(() -> apiError(404, "not_found", "Customer " + id + " not found"));
    }

    private ObjectNode customerJson(SandboxCustomers.Customer c) {
        ObjectNode node = json.createObjectNode().put("id", c.id()).put("name", c.name());
        if (!isOn(Fault.CONTRACT_BREAK)) {
            node.put("email", c.email());
        }
        return node.put("status", c.status()).put("createdAt", c.createdAt());
    }

    /** Empty when the request is authenticated (bearer token, else session cookie); else the 401 to send. */
    private Optional<Reply> authenticate(HttpExchange ex) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (isOn(Fault.TOKEN_EXPIRED)) {
                return Optional.of(tokenRejected(SandboxJwt.Rejection.EXPIRED));
            }
            SandboxJwt.Verdict verdict = jwt.verify(authorization.substring(7).trim());
            return verdict.valid() ? Optional.empty() : Optional.of(tokenRejected(verdict.rejection()));
        }
        Optional<String> sessionId = cookie(ex, SESSION_COOKIE);
        if (sessionId.isPresent()) {
            if (sessionUser(ex).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(apiError(401, "session_expired", "Session expired"));
        }
        return Optional.of(apiError(401, "unauthorized", "missing bearer token")
                .header("WWW-Authenticate", "Bearer realm=\"healdesk\""));
    }

    private Reply tokenRejected(SandboxJwt.Rejection why) {
        boolean expired = why == SandboxJwt.Rejection.EXPIRED;
        String description = expired ? "The access token expired" : "The access token is invalid";
        return apiError(401, expired ? "token_expired" : "invalid_token", why.message)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
    }

    // --- helpers

    private boolean credentialsMatch(String email, String pass) {
        return email != null && pass != null && USERNAME.equalsIgnoreCase(email.trim())
                && java.security.MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                pass.getBytes(StandardCharsets.UTF_8));
    }

    private String newSessionId() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Reply jsonReply(int status, JsonNode node) {
        try {
            return new Reply(status, "application/json; charset=utf-8", json.writeValueAsBytes(node), List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply apiError(int status, String error, String message) {
        return jsonReply(status, json.createObjectNode().put("error", error).put("message", message));
    }

    private Reply apiNotAllowed(String allow) {
        return apiError(405, "method_not_allowed", "Allowed: " + allow).header("Allow", allow);
    }

    private static Reply html(int status, String page) {
        return new Reply(status, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8), List.of());
    }

    private static Reply redirect(String location) {
        return new Reply(location.equals("/app") ? 303 : 302, null, new byte[0], List.of(Map.entry("Location", location)));
    }

    private static Reply notAllowed(String allow) {
        return html(405, SandboxPages.error(405, "Method Not Allowed", "Allowed: " + allow)).header("Allow", allow);
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("request body over " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static Map<String, String> queryOf(HttpExchange ex) {
        return parseQuery(ex.getRequestURI().getRawQuery());
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Optional<String> cookie(HttpExchange ex, String name) {
        List<String> headers = ex.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return Optional.empty();
        }
        for (String header : headers) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(name + "=")) {
                    String value = p.substring(name.length() + 1);
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SandboxServer[" + baseUrl() + ", faults=" + faults + ", up=" + isUp() + "]";
    }
}
