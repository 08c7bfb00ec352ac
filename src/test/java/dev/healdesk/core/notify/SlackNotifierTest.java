package dev.healdesk.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A stand-in Slack webhook on loopback receives what a run tells the team, redacted, once per run. */
class SlackNotifierTest {

    private HttpServer server;
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private volatile int answer = 200;
    private URI hook;

    @BeforeEach
    void webhook() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/services/T000/B000/XXXX", exchange -> {
            assertThat(exchange.getRequestMethod()).isEqualTo("POST");
            assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).isEqualTo("application/json");
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (answer == 200 ? "ok" : "invalid_token").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        hook = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/XXXX");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aCriticalFailureAndAHealedFixAreToldOnceRedacted() throws Exception {
        String password = "pw-" + Long.toHexString(System.nanoTime()) + "Xy9";
        SlackNotifier slack = new SlackNotifier(hook, false, Map.of("DB_PASSWORD", password));
        RunSummary run = run(HealthStatus.HEALTHY, HealthStatus.FAILING,
                "FATAL: password authentication failed; connect postgres://app:" + password
                        + "@db.internal:5432/shop as jane.doe@acme-corp.io", true);

        slack.onEvent(new RunEvent.Log("run-1", RunEvent.Log.Level.INFO, "ignored"));
        slack.onEvent(new RunEvent.RunFinished("run-1", run, null));

        assertThat(posts).hasSize(1);
        String text = new ObjectMapper().readTree(posts.get(0)).get("text").asText();
        assertThat(text).contains("shop · run `run-1` ended *healed* (first pass: 0 passed, 2 failed of 2)")
                .contains("*Critical failures* (1):\n• database · 2 test(s) · `FATAL: password authentication failed")
                .contains("*Healed automatically*:\n• `kill-idle-db-connections` (class A): `verified")
                .doesNotContain(password).doesNotContain("jane.doe@acme-corp.io");
    }

    @Test
    void failureTextCannotMentionLinkOrFormatInSlack() throws Exception {
        String hostile = "<!channel> <!here> <@U024BE7LH> please <http://evil.example/fix|Click to fix> & `rm` ```x```";
        SlackNotifier slack = new SlackNotifier(hook, false, Map.of());
        RunSummary run = run(HealthStatus.FAILING, HealthStatus.FAILING, hostile + "\n<!everyone>", false);

        slack.onEvent(new RunEvent.RunFinished("run-1", run, null));

        com.fasterxml.jackson.databind.JsonNode post = new ObjectMapper().readTree(posts.get(0));
        String text = post.get("text").asText();
        assertThat(text).doesNotContain("<!").doesNotContain("<@").doesNotContain("<http").doesNotContain("|Click>")
                .contains("`&lt;!channel&gt; &lt;!here&gt; &lt;@U024BE7LH&gt; please"
                        + " &lt;http://evil.example/fix|Click to fix&gt; &amp; ˋrmˋ ˋˋˋxˋˋˋ`");
        assertThat(text.chars().filter(c -> c == '<' || c == '>').count()).isZero();
        assertThat(post.get("unfurl_links").asBoolean(true)).isFalse();
        assertThat(post.get("unfurl_media").asBoolean(true)).isFalse();
    }

    @Test
    void quietRunsSayNothingButAScheduledRunThatFailedDoes() throws Exception {
        RunSummary degraded = run(HealthStatus.DEGRADED, HealthStatus.DEGRADED, null, false);
        new SlackNotifier(hook, false, Map.of()).onEvent(new RunEvent.RunFinished("run-1", degraded, null));
        assertThat(posts).as("the operator watched this console run; nothing critical, nothing healed").isEmpty();

        new SlackNotifier(hook, true, Map.of()).onEvent(new RunEvent.RunFinished("run-1", degraded, null));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0)).contains("Scheduled run did not end healthy");
    }

    @Test
    void aFailingWebhookNeverStopsTheRunAndItsUrlIsNeverShown() {
        answer = 404;
        RunSummary degraded = run(HealthStatus.DEGRADED, HealthStatus.DEGRADED, null, false);
        new SlackNotifier(hook, true, Map.of()).onEvent(new RunEvent.RunFinished("run-1", degraded, null));
        server.stop(0);
        new SlackNotifier(hook, true, Map.of()).onEvent(new RunEvent.RunFinished("run-1", degraded, null));
        assertThat(posts).hasSize(1);

        assertThat(SlackNotifier.fromEnv(Map.of(), true)).isEmpty();
        assertThatThrownBy(() -> SlackNotifier.fromEnv(Map.of("SLACK_WEBHOOK_URL", "hooks.slack.com/services/T/B/secret"),
                true)).hasMessageStartingWith("SLACK_WEBHOOK_URL is not a webhook URL").hasMessageNotContaining("secret");
    }

    private static RunSummary run(HealthStatus status, HealthStatus initial, String criticalMessage, boolean healed) {
        Instant t0 = Instant.parse("2026-11-23T06:00:00Z");
        List<TestResult> failed = List.of(TestResult.failed("db/a", "db", "a", 5, "x", null, List.of()),
                TestResult.failed("db/b", "db", "b", 5, "x", null, List.of()));
        List<FailureGroup> groups = criticalMessage == null ? List.of() : List.of(new FailureGroup("fp",
                new Classification("pg-auth", "auth", Category.DATABASE, Severity.CRITICAL, FixClass.A,
                        "kill-idle-db-connections"), failed, criticalMessage, null));
        List<ActionRecord> actions = healed ? List.of(new ActionRecord("fp", "kill-idle-db-connections", FixClass.A,
                Decision.AUTO, true, true, true, "verified: the 2 failing test(s) pass", 800)) : List.of();
        return new RunSummary("run-1", "shop", List.of("db"), false, t0, t0.plusSeconds(9), status, initial, 90, 20,
                18, 2, 0, failed, groups, actions, LlmUsage.none(), Map.of(), false);
    }
}
