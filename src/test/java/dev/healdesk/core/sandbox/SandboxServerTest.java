package dev.healdesk.core.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox over plain HTTP (no browser): pages, API, auth and every fault's real behaviour. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxServerTest {

    private static final Duration SLOW = Duration.ofMillis(700);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SandboxServer sandbox;

    @BeforeAll
    void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withSlowDelay(SLOW));
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        if (sandbox.isOn(Fault.BACKEND_DOWN)) {
            sandbox.restart();
        }
        for (Fault f : Fault.values()) {
            sandbox.setFault(f, false);
        }
    }

    @Test
    void listensOnLoopbackWithRandomPassword() {
        assertTrue(sandbox.isUp());
        assertTrue(sandbox.port() > 0);
        assertEquals(URI.create("http://127.0.0.1:" + sandbox.port()), sandbox.baseUrl());
        assertEquals("operator@example.com", sandbox.username());
        assertTrue(sandbox.password().length() >= 16);
        try (SandboxServer other = SandboxServer.start(SandboxOptions.defaults())) {
            assertNotEquals(sandbox.password(), other.password());
            assertNotEquals(sandbox.port(), other.port());
        }
        assertFalse(sandbox.toString().contains(sandbox.password()));
    }

    @Test
    void rootRedirectsToLoginAndPagesCarrySecurityHeaders() throws Exception {
        HttpResponse<String> root = get("/", null, null);
        assertEquals(302, root.statusCode());
        assertEquals("/login", root.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> login = get("/login", null, null);
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("id=\"email\""));
        assertTrue(login.body().contains("id=\"password\""));
        assertTrue(login.body().contains("id=\"login-button\""));
        for (HttpResponse<String> r : List.of(root, login, get("/api/health", null, null), get("/nope", null, null))) {
            assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent(), r.uri().toString());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent());
        }
    }

    @Test
    void formLoginSetsHttpOnlyCookieAndAppListsCustomers() throws Exception {
        HttpResponse<String> bad = postForm("/login", sandbox.username(), "wrong");
        assertEquals(302, bad.statusCode());
        assertEquals("/login?error=1", bad.headers().firstValue("Location").orElseThrow());

        String cookie = formLogin();
        HttpResponse<String> app = get("/app", cookie, null);
        assertEquals(200, app.statusCode());
        assertTrue(app.body().contains("<table id=\"customers-table\">"));
        assertTrue(app.body().contains("ada.lovelace@example.com"));
        assertTrue(app.body().contains("id=\"logout-link\""));

        HttpResponse<String> noCookie = get("/app", null, null);
        assertEquals(302, noCookie.statusCode());
        assertEquals("/login?expired=1", noCookie.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> logout = get("/logout", cookie, null);
        assertEquals(302, logout.statusCode());
        assertEquals(302, get("/app", cookie, null).statusCode(), "the session ends at logout");
    }

    @Test
    void apiLoginIssuesSignedJwtValidForAnHour() throws Exception {
        HttpResponse<String> r = postJson("/api/login",
                "{\"email\":\"" + sandbox.username() + "\",\"password\":\"" + sandbox.password() + "\"}");
        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals(3600, body.path("expiresIn").asInt());
        String[] parts = body.path("token").asText().split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("HS256", header.path("alg").asText());
        assertEquals("operator@example.com", claims.path("sub").asText());
        long lifetime = claims.path("exp").asLong() - claims.path("iat").asLong();
        assertEquals(3600, lifetime);

        assertEquals(401, postJson("/api/login", "{\"email\":\"operator@example.com\",\"password\":\"x\"}").statusCode());
        assertEquals(400, postJson("/api/login", "not json").statusCode());

        // a token with a forged signature is refused
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        HttpResponse<String> refused = get("/api/customers", null, forged);
        assertEquals(401, refused.statusCode());
        assertTrue(refused.body().contains("invalid signature"), refused.body());
    }

    @Test
    void apiServesHealthAndCustomers() throws Exception {
        HttpResponse<String> health = get("/api/health", null, null);
        assertEquals(200, health.statusCode());
        assertEquals(json.readTree("{\"status\":\"ok\",\"database\":\"ok\",\"version\":\"1.4.2\"}"), json.readTree(health.body()));

        HttpResponse<String> anonymous = get("/api/customers", null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals(json.readTree("{\"error\":\"unauthorized\",\"message\":\"missing bearer token\"}"),
                json.readTree(anonymous.body()));

        String token = token();
        JsonNode list = json.readTree(get("/api/customers", null, token).body()).path("customers");
        assertEquals(8, list.size());
        for (JsonNode c : list) {
            assertTrue(c.path("id").isInt());
            assertFalse(c.path("name").asText().isBlank());
            assertTrue(c.path("email").asText().endsWith("@example.com"));
            assertFalse(c.path("status").asText().isBlank());
            assertFalse(c.path("createdAt").asText().isBlank());
        }
        JsonNode one = json.readTree(get("/api/customers/1", null, token).body());
        assertEquals(1, one.path("id").asInt());
        assertEquals(404, get("/api/customers/99", null, token).statusCode());
        // the session cookie works for the API too
        assertEquals(200, get("/api/customers", formLogin(), null).statusCode());
    }

    @Test
    void backendDownRefusesConnectionsUntilRestart() throws Exception {
        String token = token();
        String cookie = formLogin();
        List<Set<Fault>> seen = new CopyOnWriteArrayList<>();
        Consumer<Set<Fault>> listener = seen::add;
        sandbox.addFaultListener(listener);
        try {
            sandbox.setFault(Fault.BACKEND_DOWN, true);
            assertFalse(sandbox.isUp());
            assertEquals(Set.of(Fault.BACKEND_DOWN), sandbox.activeFaults());
            assertThrows(ConnectException.class, () -> get("/api/health", null, null));

            int port = sandbox.port();
            sandbox.restart();
            assertTrue(sandbox.isUp());
            assertEquals(port, sandbox.port(), "a restart keeps the port");
            assertEquals(Set.of(), sandbox.activeFaults());
            assertEquals(200, get("/api/health", null, null).statusCode());
            assertEquals(List.of(Set.of(Fault.BACKEND_DOWN), Set.of()), seen);
        } finally {
            sandbox.removeFaultListener(listener);
        }
        // a restart forgets sessions and rotates the token key
        assertEquals(302, get("/app", cookie, null).statusCode());
        HttpResponse<String> oldToken = get("/api/customers", null, token);
        assertEquals(401, oldToken.statusCode());
        assertTrue(oldToken.body().contains("invalid signature"), oldToken.body());
    }

    @Test
    void restartKeepsOtherFaultsAndSwitchingBackendDownOffRestarts() throws Exception {
        sandbox.setFault(Fault.CONTRACT_BREAK, true);
        sandbox.setFault(Fault.BACKEND_DOWN, true);
        sandbox.restart();
        assertEquals(Set.of(Fault.CONTRACT_BREAK), sandbox.activeFaults());

        sandbox.setFault(Fault.BACKEND_DOWN, true);
        sandbox.setFault(Fault.BACKEND_DOWN, false);
        assertTrue(sandbox.isUp());
        assertEquals(200, get("/api/health", null, null).statusCode());
    }

    @Test
    void eachClassAFaultIsClearedByItsFixAndByNoOther() {
        EnumSet<Fault> classA = EnumSet.of(Fault.SLOW, Fault.SESSION_EXPIRED, Fault.TOKEN_EXPIRED,
                Fault.DB_POOL_EXHAUSTED);
        classA.forEach(f -> sandbox.setFault(f, true));

        sandbox.clearSessions();
        assertEquals(EnumSet.of(Fault.SLOW, Fault.TOKEN_EXPIRED, Fault.DB_POOL_EXHAUSTED), sandbox.activeFaults());
        sandbox.refreshTokens();
        assertEquals(EnumSet.of(Fault.SLOW, Fault.DB_POOL_EXHAUSTED), sandbox.activeFaults());
        sandbox.terminateIdleConnections();
        assertEquals(Set.of(Fault.SLOW), sandbox.activeFaults());

        sandbox.setFault(Fault.TOKEN_EXPIRED, true);
        sandbox.restart();
        assertEquals(Set.of(Fault.TOKEN_EXPIRED), sandbox.activeFaults(), "a restart drains slowness, not tokens");
    }

    @Test
    void startsWithBackendDownWhenAsked() throws Exception {
        try (SandboxServer down = SandboxServer.start(SandboxOptions.defaults().withFaults(EnumSet.of(Fault.BACKEND_DOWN)))) {
            assertFalse(down.isUp());
            assertTrue(down.port() > 0);
            down.restart();
            assertTrue(down.isUp());
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(down.baseUrl().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
        }
    }

    @Test
    void sessionExpiredRedirectsPagesAndRefusesCookieAuth() throws Exception {
        String cookie = formLogin();
        sandbox.setFault(Fault.SESSION_EXPIRED, true);
        HttpResponse<String> app = get("/app", cookie, null);
        assertEquals(302, app.statusCode());
        assertEquals("/login?expired=1", app.headers().firstValue("Location").orElseThrow());
        assertTrue(get("/login?expired=1", null, null).body()
                .contains("Your session has expired. Please sign in again."));
        HttpResponse<String> api = get("/api/customers", cookie, null);
        assertEquals(401, api.statusCode());
        assertEquals(json.readTree("{\"error\":\"session_expired\",\"message\":\"Session expired\"}"), json.readTree(api.body()));
        assertEquals(200, get("/api/customers", null, token()).statusCode(), "bearer tokens still work");
    }

    @Test
    void tokenExpiredRejectsEveryBearerToken() throws Exception {
        String token = token();
        sandbox.setFault(Fault.TOKEN_EXPIRED, true);
        HttpResponse<String> r = get("/api/customers", null, token);
        assertEquals(401, r.statusCode());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"The access token expired\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals(json.readTree("{\"error\":\"token_expired\",\"message\":\"TokenExpiredError: jwt expired\"}"),
                json.readTree(r.body()));
    }

    @Test
    void dbPoolExhaustedFailsApiWithPostgresError() throws Exception {
        String token = token();
        sandbox.setFault(Fault.DB_POOL_EXHAUSTED, true);
        String pg = "org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved for"
                + " non-replication superuser connections";
        HttpResponse<String> customers = get("/api/customers", null, token);
        assertEquals(500, customers.statusCode());
        assertEquals(json.readTree("{\"error\":\"internal_error\",\"message\":\"" + pg + "\"}"), json.readTree(customers.body()));
        HttpResponse<String> health = get("/api/health", null, null);
        assertEquals(503, health.statusCode());
        JsonNode h = json.readTree(health.body());
        assertEquals("error", h.path("database").asText());
        assertEquals(pg, h.path("message").asText());
        assertEquals(500, postJson("/api/login",
                "{\"email\":\"" + sandbox.username() + "\",\"password\":\"" + sandbox.password() + "\"}").statusCode());
    }

    @Test
    void slowDelaysEveryAnswerWithoutBlockingOthers() throws Exception {
        sandbox.setFault(Fault.SLOW, true);
        long t0 = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(http.sendAsync(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> c : calls) {
            assertEquals(200, c.get().statusCode());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= SLOW.toMillis(), "answers wait for the slow delay, took " + ms);
        assertTrue(ms < 2 * SLOW.toMillis() + 500, "slow answers are served in parallel, took " + ms);
    }

    @Test
    void selectorChangedRenamesTableAndLoginButton() throws Exception {
        String cookie = formLogin();
        sandbox.setFault(Fault.SELECTOR_CHANGED, true);
        String app = get("/app", cookie, null).body();
        assertTrue(app.contains("id=\"customer-list\""));
        assertFalse(app.contains("customers-table"));
        String login = get("/login", null, null).body();
        assertTrue(login.contains("id=\"sign-in-button\""));
        assertFalse(login.contains("login-button"));
    }

    @Test
    void contractBreakDropsEmail() throws Exception {
        sandbox.setFault(Fault.CONTRACT_BREAK, true);
        String token = token();
        for (JsonNode c : json.readTree(get("/api/customers", null, token).body()).path("customers")) {
            assertFalse(c.has("email"), c.toString());
            assertTrue(c.has("name"));
        }
        assertFalse(json.readTree(get("/api/customers/2", null, token).body()).has("email"));
    }

    @Test
    void listenersHearEveryChangeOnly() {
        List<Set<Fault>> seen = new CopyOnWriteArrayList<>();
        Consumer<Set<Fault>> listener = seen::add;
        sandbox.addFaultListener(listener);
        sandbox.setFault(Fault.SLOW, true);
        sandbox.setFault(Fault.SLOW, true);
        sandbox.setFault(Fault.TOKEN_EXPIRED, true);
        sandbox.setFault(Fault.SLOW, false);
        sandbox.removeFaultListener(listener);
        sandbox.setFault(Fault.TOKEN_EXPIRED, false);
        assertEquals(List.of(Set.of(Fault.SLOW), Set.of(Fault.SLOW, Fault.TOKEN_EXPIRED), Set.of(Fault.TOKEN_EXPIRED)),
                seen);
    }

    @Test
    void closedSandboxRefusesConnections() throws Exception {
        SandboxServer s = SandboxServer.start();
        URI url = s.baseUrl().resolve("/api/health");
        s.close();
        assertFalse(s.isUp());
        assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()));
        assertThrows(IllegalStateException.class, s::restart);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private HttpResponse<String> get(String path, String cookie, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(sandbox.baseUrl().resolve(path)).timeout(Duration.ofSeconds(5));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String email, String password) throws IOException, InterruptedException {
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the form; returns the Cookie header value. */
    private String formLogin() throws IOException, InterruptedException {
        HttpResponse<String> r = postForm("/login", sandbox.username(), sandbox.password());
        assertEquals(303, r.statusCode());
        assertEquals("/app", r.headers().firstValue("Location").orElseThrow());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith("HEALDESK_SESSION="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private String token() throws IOException, InterruptedException {
        HttpResponse<String> r = postJson("/api/login",
                "{\"email\":\"" + sandbox.username() + "\",\"password\":\"" + sandbox.password() + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        String token = json.readTree(r.body()).path("token").asText();
        assertNotNull(token);
        return token;
    }
}
