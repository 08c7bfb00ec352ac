package dev.healdesk.core.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.healdesk.core.sandbox.SandboxServer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The built-in probes of the sandbox target, in the projects health, contracts, modules and security. They test the
 * sandbox the way a real suite tests a real app (a login page, a customers page, a JSON API with bearer tokens), so
 * each of the sandbox's faults makes the probes that depend on the broken part fail with the text the tools print.
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
        return List.of(
                Probe.api(HEALTH, "api-health", "API health endpoint answers ok", SandboxSuites::apiHealth),
                Probe.page(HEALTH, "login-page-loads", "Login page shows the sign-in form", SandboxSuites::loginPageLoads),
                Probe.api(CONTRACTS, "customers-schema", "GET /api/customers matches customers.schema.json",
                        SandboxSuites::customersSchema),
                Probe.api(CONTRACTS, "health-schema", "GET /api/health matches health.schema.json",
                        SandboxSuites::healthSchema),
                Probe.page(MODULES, "login-flow", "Operator signs in and sees the customers page", SandboxSuites::loginFlow),
                Probe.page(MODULES, "customers-list", "Customers page lists customers", SandboxSuites::customersList),
                Probe.api(MODULES, "customer-detail", "GET /api/customers/1 returns customer 1", SandboxSuites::customerDetail),
                Probe.api(SECURITY, "api-requires-auth", "API refuses requests without a token", SandboxSuites::apiRequiresAuth),
                Probe.api(SECURITY, "login-rejects-bad-password", "API login refuses a wrong password",
                        SandboxSuites::loginRejectsBadPassword),
                Probe.api(SECURITY, "security-headers", "Pages send CSP, X-Frame-Options and X-Content-Type-Options",
                        SandboxSuites::securityHeaders),
                Probe.api(SECURITY, "session-cookie-httponly", "Session cookie is HttpOnly",
                        SandboxSuites::sessionCookieHttpOnly));
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

    // ------------------------------------------------------------------------------------------------ health

    static void apiHealth(ProbeContext ctx) {
        String url = ctx.apiUrl("/api/health");
        APIResponse response = ctx.api().get(url);
        Checks.expectStatus(response, 200, "GET", url);
        Checks.expectField(Checks.json(ctx, response, "GET", url), "status", "ok", "GET", url);
    }

    static void loginPageLoads(ProbeContext ctx) {
        Page page = ctx.page();
        Checks.open(page, ctx.url("/login"));
        Checks.expectVisible(ctx, page.locator("#email"));
        Checks.expectVisible(ctx, page.locator("#password"));
    }

    // ------------------------------------------------------------------------------------------------ contracts

    static void customersSchema(ProbeContext ctx) {
        String token = apiToken(ctx);
        String url = ctx.apiUrl("/api/customers");
        APIResponse response = ctx.api().get(url, bearer(token));
        Checks.expectStatus(response, 200, "GET", url);
        Checks.expectSchema(ctx, Checks.json(ctx, response, "GET", url), "customers.schema.json", "GET", url);
    }

    static void healthSchema(ProbeContext ctx) {
        String url = ctx.apiUrl("/api/health");
        APIResponse response = ctx.api().get(url);
        Checks.expectStatus(response, 200, "GET", url);
        Checks.expectSchema(ctx, Checks.json(ctx, response, "GET", url), "health.schema.json", "GET", url);
    }

    // ------------------------------------------------------------------------------------------------ modules

    static void loginFlow(ProbeContext ctx) {
        Page page = signIn(ctx);
        Checks.expectVisible(ctx, page.locator("#customers-table"));
    }

    static void customersList(ProbeContext ctx) {
        Page page = signIn(ctx);
        Locator rows = page.locator("#customers-table tbody tr");
        Checks.expectVisible(ctx, rows.first());
        int count = rows.count();
        if (count < 1) {
            throw new AssertionError("Expected at least 1 row in #customers-table but found " + count);
        }
    }

    static void customerDetail(ProbeContext ctx) {
        String token = apiToken(ctx);
        String url = ctx.apiUrl("/api/customers/1");
        APIResponse response = ctx.api().get(url, bearer(token));
        Checks.expectStatus(response, 200, "GET", url);
        JsonNode body = Checks.json(ctx, response, "GET", url);
        Checks.expectField(body, "id", "1", "GET", url);
        if (body.path("name").asText("").isBlank()) {
            throw new AssertionError("Expected customer 1 to have a name in the response of GET " + url + ": "
                    + Checks.truncate(body.toString(), Checks.MAX_BODY));
        }
    }

    // ------------------------------------------------------------------------------------------------ security

    static void apiRequiresAuth(ProbeContext ctx) {
        String url = ctx.apiUrl("/api/customers");
        Checks.expectStatus(ctx.api().get(url), 401, "GET", url);
    }

    static void loginRejectsBadPassword(ProbeContext ctx) {
        String url = ctx.apiUrl("/api/login");
        Map<String, String> wrong = Map.of("email", ctx.credentials().username(),
                "password", ctx.credentials().password() + "-wrong");
        Checks.expectStatus(ctx.api().post(url, RequestOptions.create().setData(wrong)), 401, "POST", url);
    }

    static void securityHeaders(ProbeContext ctx) {
        String url = ctx.url("/login");
        APIResponse response = ctx.api().get(url);
        Checks.expectStatus(response, 200, "GET", url);
        Checks.expectHeader(response, "Content-Security-Policy", "GET", url);
        String frames = Checks.expectHeader(response, "X-Frame-Options", "GET", url).trim().toUpperCase(Locale.ROOT);
        if (!frames.equals("DENY") && !frames.equals("SAMEORIGIN")) {
            throw new AssertionError("Expected header X-Frame-Options: DENY or SAMEORIGIN on GET " + url
                    + " but got X-Frame-Options: " + frames);
        }
        Checks.expectHeaderValue(response, "X-Content-Type-Options", "nosniff", "GET", url);
    }

    static void sessionCookieHttpOnly(ProbeContext ctx) {
        String url = ctx.url("/login");
        APIResponse response = ctx.api().post(url, RequestOptions.create()
                .setForm(FormData.create()
                        .set("email", ctx.credentials().username())
                        .set("password", ctx.credentials().password()))
                .setMaxRedirects(0));
        Checks.expectRedirect(response, "POST", url);
        List<String> cookies = response.headersArray().stream()
                .filter(h -> h.name.equalsIgnoreCase("set-cookie"))
                .map(h -> h.value)
                .collect(Collectors.toList());
        if (cookies.isEmpty()) {
            throw new AssertionError("Expected POST " + url + " to set a session cookie but it set none");
        }
        for (String cookie : cookies) {
            boolean httpOnly = List.of(cookie.split(";")).stream().map(String::trim)
                    .anyMatch(attr -> attr.equalsIgnoreCase("HttpOnly"));
            if (!httpOnly) {
                throw new AssertionError("Expected the cookie set by POST " + url + " to be HttpOnly but got: Set-Cookie: "
                        + redactValue(cookie));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ steps

    /** POST /api/login with the demo credentials; returns the bearer token. */
    static String apiToken(ProbeContext ctx) {
        String url = ctx.apiUrl("/api/login");
        APIResponse response = ctx.api().post(url, RequestOptions.create().setData(Map.of(
                "email", ctx.credentials().username(), "password", ctx.credentials().password())));
        Checks.expectStatus(response, 200, "POST", url);
        String token = Checks.json(ctx, response, "POST", url).path("token").asText("");
        if (token.isBlank()) {
            throw new AssertionError("Expected a \"token\" in the response of POST " + url + " but there was none");
        }
        return token;
    }

    /** Signs in through the login page and expects to land on /app; returns the page. */
    static Page signIn(ProbeContext ctx) {
        Page page = ctx.page();
        Checks.open(page, ctx.url("/login"));
        page.locator("#email").fill(ctx.credentials().username());
        page.locator("#password").fill(ctx.credentials().password());
        // The document the sign-in ends on (after redirects): /app, or whatever the app answered instead.
        Response landed = page.waitForResponse(
                r -> r.request().isNavigationRequest() && r.frame() == page.mainFrame()
                        && (r.status() < 300 || r.status() > 399),
                () -> page.locator("#login-button").click());
        page.waitForLoadState();
        String appUrl = ctx.url("/app");
        if (landed.status() >= 400) {
            throw new AssertionError("Expected signing in to open " + appUrl + " but " + landed.request().method() + " "
                    + landed.url() + " answered " + landed.status() + ": " + Checks.pageSays(page));
        }
        if (!URI.create(page.url()).getPath().equals(URI.create(appUrl).getPath())) {
            throw new AssertionError("Expected page URL to be " + appUrl + " after signing in but was " + page.url()
                    + "; the page says: " + Checks.pageSays(page));
        }
        return page;
    }

    private static RequestOptions bearer(String token) {
        return RequestOptions.create().setHeader("Authorization", "Bearer " + token);
    }

    private static String redactValue(String cookie) {
        int eq = cookie.indexOf('=');
        int semi = cookie.indexOf(';');
        if (eq < 0) {
            return cookie;
        }
        return cookie.substring(0, eq + 1) + "<redacted>" + (semi > eq ? cookie.substring(semi) : "");
    }
}
