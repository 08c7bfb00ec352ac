package dev.healdesk.core.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.redact.KnownSecrets;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Tells a Slack channel, through an incoming webhook ({@value #ENV}), what the team should know about a run, as the
 * seeds do: critical failures, a scheduled (headless) run that did not end healthy, and fixes that healed. One
 * message per run, sent when it finishes, and none when there is nothing to say. Every text goes through the
 * redactor and the known secrets first, like a prompt. The webhook's URL is itself a secret: it is never logged or
 * put in a message. A webhook that fails is logged; the run is never affected.
 */
public final class SlackNotifier implements RunListener {

    public static final String ENV = "SLACK_WEBHOOK_URL";
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(SlackNotifier.class);
    }
    /** Loaded on the first message, not with the class: the console asks for a notifier before its first frame. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final int MAX_GROUPS = 5;
    private static final int MAX_MESSAGE = 300;

    private final URI webhook;
    private final boolean scheduled;
    private final UnaryOperator<String> redact;
    private final HttpClient http;

    /**
     * @param scheduled true for headless runs (the CLI, a timer): one that ends degraded or failing is reported;
     *                  the console's runs are watched by the operator and only report critical failures and fixes
     */
    public SlackNotifier(URI webhook, boolean scheduled, Map<String, String> env) {
        this.webhook = webhook;
        this.scheduled = scheduled;
        KnownSecrets known = new KnownSecrets(env);
        Redactor redactor = Redactor.standard();
        this.redact = text -> text == null ? null : redactor.redact(known.apply(text));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * A notifier when {@value #ENV} is set, else empty.
     *
     * @throws IllegalArgumentException naming the variable (not its value) when it is not an https URL
     */
    public static Optional<SlackNotifier> fromEnv(Map<String, String> env, boolean scheduled) {
        String url = env.get(ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException(ENV + " is not a webhook URL: give the https://hooks.slack.com/... URL of"
                    + " a Slack incoming webhook, or unset it.");
        }
        return Optional.of(new SlackNotifier(uri, scheduled, env));
    }

    @Override
    public void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunFinished finished) {
            message(finished.summary()).ifPresent(this::post);
        }
    }

    /** What the run is worth telling, or empty. */
    Optional<String> message(RunSummary run) {
        List<FailureGroup> critical = run.failures().stream().filter(g -> g.severity() == Severity.CRITICAL).toList();
        List<ActionRecord> healed = run.actions().stream().filter(a -> a.applied() && a.success() && a.verified())
                .toList();
        boolean failedScheduled = scheduled && run.status() != HealthStatus.HEALTHY;
        if (critical.isEmpty() && healed.isEmpty() && !failedScheduled) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        text.append(emoji(run)).append(" *Healdesk* ").append(escape(redact.apply(run.target()))).append(" · run ")
                .append(code(run.runId())).append(" ended *").append(run.outcome().state().id()).append("*");
        if (run.outcome().firstPassDiffers()) {
            text.append(" (first pass: ").append(run.outcome().firstPass().describe()).append(")");
        }
        text.append(String.format(Locale.ROOT, " · health %.1f · %s", run.healthScore(),
                run.outcome().finalPass().describe()));
        if (failedScheduled) {
            text.append("\nScheduled run did not end healthy").append(run.cancelled() ? " (cancelled)" : "").append('.');
        }
        if (!critical.isEmpty()) {
            text.append("\n*Critical failures* (").append(critical.size()).append("):");
            critical.stream().limit(MAX_GROUPS).forEach(g -> text.append("\n• ").append(g.category().id()).append(" · ")
                    .append(g.count()).append(" test(s) · ").append(code(cut(firstLine(g.message())))));
        }
        if (!healed.isEmpty()) {
            text.append("\n*Healed automatically*:");
            healed.forEach(a -> text.append("\n• ").append(code(a.playbook())).append(" (class ").append(a.fixClass())
                    .append("): ").append(code(cut(a.message()))));
        }
        return Optional.of(redact.apply(text.toString()));
    }

    private void post(String text) {
        try {
            // No unfurling: a URL that reaches the message (escaped, inside code) must not fetch a preview either.
            String body = Json.MAPPER.writeValueAsString(Map.of("text", text, "unfurl_links", false,
                    "unfurl_media", false));
            HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                log().warn("The Slack webhook ({}) answered {}: {}", ENV, response.statusCode(),
                        cut(redact.apply(response.body())));
            }
        } catch (IOException e) {
            log().warn("The Slack webhook ({}) could not be reached: {}", ENV, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Text from a run (a failure message, a test title, a playbook's output) made inert for Slack: redacted, then
     * {@code & < >} escaped as Slack asks (so no {@code <!channel>}, {@code <!here>}, {@code <@U…>} mention and no
     * {@code <url|label>} link can come from it), on one line, inside an inline code span (so Slack neither formats
     * nor links it; a backquote in it cannot close the span).
     */
    String code(String untrusted) {
        String text = escape(redact.apply(untrusted == null ? "" : untrusted)).replace('`', '\u02cb')
                .replace('\n', ' ').replace('\r', ' ');
        return text.isBlank() ? "" : "`" + text + "`";
    }

    /** Slack's own escaping of its control characters in message text. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String emoji(RunSummary run) {
        return switch (run.status()) {
            case HEALTHY -> ":white_check_mark:";
            case DEGRADED -> ":warning:";
            default -> ":red_circle:";
        };
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String cut(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }
}
