package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code restart-backend}: brings a down, crashed or stuck backend back. The way depends on where it runs, chosen by
 * {@code playbooks: restart-backend: {strategy: ...}} in the target file or else the first that is configured:
 * <ol>
 *   <li>{@code command}: a configured argument vector ({@code command: [systemctl, restart, api]});</li>
 *   <li>{@code webhook}: a POST to the configured URL (a deploy hook), with a JSON body naming the run;</li>
 *   <li>{@code handle}: the target's in-process restart (the sandbox);</li>
 *   <li>{@code railway}: Railway's API redeploy, when any of {@code RAILWAY_TOKEN}, {@code RAILWAY_PROJECT_ID},
 *       {@code RAILWAY_SERVICE_ID} is set (the plan says which are missing).</li>
 * </ol>
 * After a command, webhook or redeploy the playbook waits (up to {@code readySeconds}, default 120) until the
 * target's base URL answers without a 5xx, since those return before the backend is up. A restart cannot be undone.
 */
public final class RestartBackendPlaybook extends SafePlaybook {

    public static final String NAME = "restart-backend";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_READY = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(250);

    private enum Strategy { COMMAND, WEBHOOK, HANDLE, RAILWAY, NONE }

    private final Supplier<HttpClient> http;

    public RestartBackendPlaybook(HttpClient http) {
        this(() -> http);
    }

    /** With the client made on first use (see {@code BuiltInPlaybooks}). */
    public RestartBackendPlaybook(Supplier<HttpClient> http) {
        super(NAME, "Restart the backend (configured command, deploy webhook, Railway redeploy, or the sandbox)",
                Risk.MEDIUM, Set.of(Category.NETWORK, Category.API, Category.TIMEOUT, Category.INFRA));
        this.http = http;
    }







    @Override
    public Plan plan(PlaybookContext context) {
        return switch (strategy(context)) {
            case COMMAND -> ConfiguredCommand.of(context, NAME)
                    .map(c -> new Plan(NAME, List.of(c.step("Run the configured restart command")), c.missing(),
                            false))
                    .orElseGet(() -> new Plan(NAME, List.of(), List.of("strategy command needs playbooks." + NAME
                            + ".command (an argument list)"), false));
            case WEBHOOK -> {
                String url = context.setting("webhook");
                List<String> missing = webhookUri(url).isPresent() ? List.of()
                        : List.of("playbooks." + NAME + ".webhook must be an http(s) URL, was '" + url + "'");
                yield new Plan(NAME, List.of(PlanStep.request("Call the deploy webhook", "POST " + url
                        + " {\"target\", \"runId\", \"fingerprint\", \"playbook\"}", Kind.RESTART)), missing, false);
            }
            case HANDLE -> new Plan(NAME, List.of(PlanStep.action("Restart " + context.target().name()
                    + " in-process on the same port (its sessions and tokens are forgotten)", Kind.RESTART)),
                    context.target().restartHandle().isPresent() ? List.of()
                            : List.of(context.target().name() + " has no in-process restart (strategy handle)"),
                    false);
            case RAILWAY -> {
                RailwayRedeploy railway = railway(context);
                yield new Plan(NAME, railway.steps(), railway.missing(), false);
            }
            case NONE -> new Plan(NAME, List.of(), List.of(context.setting("strategy") != null
                    ? "playbooks." + NAME + ".strategy '" + context.setting("strategy") + "' is not one of command,"
                    + " webhook, handle, railway"
                    : "no way to restart the backend of " + context.target().name() + " is configured: give"
                    + " playbooks." + NAME + ".command (an argument list) or .webhook (a URL) in the target file,"
                    + " or set RAILWAY_TOKEN, RAILWAY_PROJECT_ID and RAILWAY_SERVICE_ID"), false);
        };
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        Outcome done = switch (strategy(context)) {
            case COMMAND -> ConfiguredCommand.of(context, NAME).orElseThrow(() -> new PlaybookException(
                    "no restart command is configured")).run(context.commands(), "the restart command ran");
            case WEBHOOK -> webhook(context);
            case HANDLE -> {
                context.target().restartHandle().orElseThrow(() -> new PlaybookException(
                        context.target().name() + " has no in-process restart")).run();
                yield Outcome.ok(context.target().name() + " restarted in-process", "");
            }
            case RAILWAY -> railway(context).redeploy(http.get());
            case NONE -> throw new PlaybookException("no way to restart the backend is configured");
        };
        if (!done.success() || strategy(context) == Strategy.HANDLE) {
            return done;
        }
        return awaitReady(context, done);
    }

    private Strategy strategy(PlaybookContext context) {
        String chosen = context.setting("strategy");
        if (chosen != null) {
            try {
                return Strategy.valueOf(chosen.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Strategy.NONE;
            }
        }
        if (context.settings().containsKey("command")) {
            return Strategy.COMMAND;
        }
        if (context.settings().containsKey("webhook")) {
            return Strategy.WEBHOOK;
        }
        if (context.target().restartHandle().isPresent()) {
            return Strategy.HANDLE;
        }
        return RailwayRedeploy.wanted(context.env()) ? Strategy.RAILWAY : Strategy.NONE;
    }

    private static RailwayRedeploy railway(PlaybookContext context) {
        String endpoint = context.setting("railwayEndpoint");
        return new RailwayRedeploy(endpoint == null ? RailwayRedeploy.DEFAULT_ENDPOINT : URI.create(endpoint),
                context.env());
    }

    private static Optional<URI> webhookUri(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(url.trim());
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme())
                    ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Outcome webhook(PlaybookContext context) throws PlaybookException {
        URI uri = webhookUri(context.setting("webhook")).orElseThrow(() ->
                new PlaybookException("playbooks." + NAME + ".webhook is not an http(s) URL"));
        String body = "{\"target\":\"" + json(context.target().name()) + "\",\"runId\":\"" + json(context.runId())
                + "\",\"fingerprint\":\"" + json(context.group().fingerprint()) + "\",\"playbook\":\"" + NAME + "\"}";
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.get().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return Outcome.failed("the webhook answered " + response.statusCode(), response.body());
            }
            return Outcome.ok("the webhook answered " + response.statusCode(), response.body());
        } catch (IOException e) {
            throw new PlaybookException("the webhook " + uri.getHost() + " could not be reached: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlaybookException("interrupted while calling the webhook", e);
        }
    }

    /** Waits until the target's base URL answers below 500; the restart's outcome when it does or has none. */
    private Outcome awaitReady(PlaybookContext context, Outcome done) {
        Optional<URI> base = context.target().baseUrl();
        if (base.isEmpty()) {
            return done;
        }
        String seconds = context.setting("readySeconds");
        Duration ready = seconds != null && seconds.matches("\\d{1,5}") ? Duration.ofSeconds(Long.parseLong(seconds))
                : DEFAULT_READY;
        long deadline = System.nanoTime() + ready.toNanos();
        String last = "no answer";
        while (true) {
            try {
                HttpResponse<Void> r = http.get().send(HttpRequest.newBuilder(base.get()).timeout(POLL.multipliedBy(8))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() < 500) {
                    return done;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("interrupted while waiting for " + base.get(), done.output());
            }
            if (System.nanoTime() >= deadline) {
                return Outcome.failed(done.message() + ", but " + base.get() + " did not answer within "
                        + ready.toSeconds() + " s (last: " + last + ")", done.output());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.failed("interrupted while waiting for " + base.get(), done.output());
            }
        }
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
