package dev.healdesk.core.suite.probes;

import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxServer;
import dev.healdesk.core.suite.ProbeSettings;
import dev.healdesk.core.sandbox.SandboxSuites;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** http and page checks written as suite files, against the real sandbox with a real headless Chromium. */
class SandboxProbesTest {

    @TempDir
    static Path shared;
    @TempDir
    Path dir;
    private static SandboxServer sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withSlowDelay(Duration.ofMillis(700)));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void healthy() {
        for (Fault f : Fault.values()) {
            sandbox.setFault(f, false);
        }
    }

    private Map<String, TestResult> run(String yaml) throws Exception {
        ProbeSettings settings = SandboxSuites.settings(sandbox, dir.resolve("artifacts"))
                .withTimeout(Duration.ofSeconds(3));
        return ProbeRuns.run(dir, yaml, Map.of(), settings);
    }

    private static void passed(TestResult r) {
        assertThat(r.status()).as(r.id() + ": " + r.errorMessage()).isEqualTo(TestStatus.PASSED);
    }

    @Test
    void statusHeadersJsonAndSchemaPassAndFailWithTheirOwnTexts() throws Exception {
        Files.writeString(dir.resolve("health.schema.json"), """
                {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}
                """);
        Files.writeString(dir.resolve("strict.schema.json"), """
                {"type": "object", "required": ["status", "uptimeCentury"]}
                """);
        String base = sandbox.baseUrl().toString();
        Map<String, TestResult> r = run("""
                defaults: {project: api}
                auth:
                  login: {url: /api/login, json: {email: "${TEST_EMAIL}", password: "${TEST_PASSWORD}"}}
                checks:
                  - id: health
                    http:
                      url: /api/health
                      expect:
                        status: 200
                        headers: {X-Frame-Options: [deny, sameorigin], Content-Security-Policy: present}
                        bodyContains: '"ok"'
                        json: {status: ok}
                        schema: health.schema.json
                  - id: strict
                    http: {url: /api/health, expect: {schema: strict.schema.json}}
                  - id: no-token
                    http: {url: /api/customers, expect: {status: [401, 403]}}
                  - id: customer
                    http: {url: /api/customers/1, auth: bearer, expect: {json: {/id: 1, name: present}}}
                  - id: wrong-status
                    http: {url: /api/customers}
                  - id: wrong-header
                    http: {url: /api/health, expect: {headers: {X-Content-Type-Options: sniff-away}}}
                """);
        passed(r.get("api/health"));
        passed(r.get("api/no-token"));
        passed(r.get("api/customer"));
        assertThat(r.get("api/strict").errorMessage()).isEqualTo("Response of GET " + base + "/api/health does not"
                + " match strict.schema.json (1 problem):\n  $: required property 'uptimeCentury' not found");
        assertThat(r.get("api/wrong-status").errorMessage()).startsWith("Expected status 200 but got 401 for GET "
                + base + "/api/customers: ").contains("missing bearer token");
        assertThat(r.get("api/wrong-header").errorMessage()).isEqualTo("Expected header X-Content-Type-Options:"
                + " sniff-away on GET " + base + "/api/health but got X-Content-Type-Options: nosniff");
    }

    @Test
    void aSlowAnswerFailsItsLatencyBudgetNamingBothTimes() throws Exception {
        String yaml = """
                checks:
                  - {id: fast, project: api, http: {url: /api/health, expect: {maxLatencyMs: 400}}}
                """;
        passed(run(yaml).get("api/fast"));
        sandbox.setFault(Fault.SLOW, true);
        String m = run(yaml).get("api/fast").errorMessage();
        assertThat(m).matches("Expected GET " + java.util.regex.Pattern.quote(sandbox.baseUrl().toString())
                + "/api/health to answer within 400 ms but it took \\d+ ms \\(latency budget exceeded\\)");
        long took = Long.parseLong(m.replaceAll(".*it took (\\d+) ms.*", "$1"));
        assertThat(took).isBetween(700L, 3000L);
    }

    @Test
    void pageStepsSignInAndTheirFailuresSayWhatThePageShows() throws Exception {
        String yaml = """
                defaults: {project: ui}
                checks:
                  - id: sign-in
                    page:
                      url: /login
                      steps:
                        - fill: {selector: "#email", value: "${TEST_EMAIL}"}
                        - fill: {selector: "#password", value: "${TEST_PASSWORD}"}
                        - click: "#login-button"
                          waitForNavigation: true
                          expectUrl: /app
                      visible: ["#customers-table"]
                      minCount: {selector: "#customers-table tbody tr", count: 2}
                      text: Customers
                  - id: too-many
                    page:
                      url: /login
                      steps:
                        - fill: {selector: "#email", value: "${TEST_EMAIL}"}
                        - fill: {selector: "#password", value: "${TEST_PASSWORD}"}
                        - click: "#login-button"
                        - expectUrl: /app
                      minCount: {selector: "#customers-table tbody tr", count: 500}
                  - id: login-form
                    page: {url: /login, visible: ["#login-form"], text: Sign in, textIn: "#login-form"}
                """;
        Map<String, TestResult> r = run(yaml);
        passed(r.get("ui/sign-in"));
        passed(r.get("ui/login-form"));
        assertThat(r.get("ui/too-many").errorMessage())
                .matches("Expected at least 500 elements matching #customers-table tbody tr but found \\d+");
        assertThat(r.get("ui/too-many").attachments()).hasSize(1);

        sandbox.setFault(Fault.SESSION_EXPIRED, true);
        String expired = run(yaml).get("ui/sign-in").errorMessage();
        assertThat(expired).startsWith("Expected page URL to be " + sandbox.baseUrl() + "/app after clicking"
                + " #login-button but was " + sandbox.baseUrl() + "/login?expired=1; the page says: ")
                .doesNotContain(sandbox.password());
    }

    @Test
    void aSecretTheServerEchoesIsMaskedInTheFailure() throws Exception {
        // The sandbox's API answers an unknown path with "No route for GET <path>": a token put into the URL comes
        // back in the URL and in the body that the failure quotes.
        String token = "sk-live-8d7f6e5a";
        Path file = dir.resolve("echo.yaml");
        Files.writeString(file, """
                checks:
                  - {id: echo, project: api, http: {url: "/api/v1/${API_TOKEN}/ping"}}
                """);
        var probes = ProbeSuiteFiles.load(file, Map.of("API_TOKEN", token)).probes();
        TestResult r = new dev.healdesk.core.suite.ProbeRunner(probes, SandboxSuites.settings(sandbox,
                dir.resolve("artifacts"))).run(java.util.Set.of(), x -> { },
                dev.healdesk.core.process.Cancellation.none()).get(0);
        assertThat(r.errorMessage()).startsWith("Expected status 200 but got 404 for GET " + sandbox.baseUrl()
                + "/api/v1/***/ping: ").contains("No route for GET /api/v1/***/ping");
        assertThat(r.errorMessage() + r.errorStack()).doesNotContain(token);
    }
}
