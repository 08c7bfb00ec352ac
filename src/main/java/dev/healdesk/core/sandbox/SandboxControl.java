package dev.healdesk.core.sandbox;

import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's handles for the playbooks: it is its own backend, so restarting it, clearing its sessions, logging in
 * again and terminating its idle database connections are calls on the {@link SandboxServer} (see there for which
 * fault each one clears). Its database is simulated, so it carries its own {@code kill-idle-db-connections}; the
 * other playbooks are the built-in ones, which use these handles where a real target would use a command or a
 * request.
 */
final class SandboxControl implements TargetControl {

    static final String KILL_IDLE = "kill-idle-db-connections";
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

    private final SandboxServer server;
    private final Playbook killIdle = new IdleConnections();

    SandboxControl(SandboxServer server) {
        this.server = server;
    }

    @Override
    public String name() {
        return SandboxTarget.NAME;
    }

    @Override
    public Optional<URI> baseUrl() {
        return Optional.of(server.baseUrl());
    }

    /**
     * No settle time for any playbook: every handle returns once its work is done (the restart has bound the port
     * again), so the re-run may start at once.
     */
    @Override
    public Map<String, Object> settings(String playbook) {
        return Map.of("settleMs", 0);
    }

    @Override
    public Optional<Runnable> restartHandle() {
        return Optional.of(server::restart);
    }

    @Override
    public Optional<Runnable> clearSessionsHandle() {
        return Optional.of(server::clearSessions);
    }

    /** Logs in through the API with the demo user, as the suites' auth set-up does, then refreshes the tokens. */
    @Override
    public Optional<Runnable> reloginHandle() {
        return Optional.of(this::relogin);
    }

    @Override
    public Optional<Playbook> ownPlaybook(String name) {
        return KILL_IDLE.equals(name) ? Optional.of(killIdle) : Optional.empty();
    }

    private void relogin() {
        HttpRequest request = HttpRequest.newBuilder(server.baseUrl().resolve("/api/login"))
                .timeout(LOGIN_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + server.username() + "\",\"password\":\""
                        + server.password() + "\"}"))
                .build();
        HttpResponse<Void> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(LOGIN_TIMEOUT).build()
                    .send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox login could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while logging in to the sandbox", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the sandbox login answered " + response.statusCode());
        }
        server.refreshTokens();
    }

    /** The sandbox's own kill-idle-db-connections: its pool is simulated, so the fix is a call, not SQL. */
    private final class IdleConnections implements Playbook {
        @Override
        public String name() {
            return KILL_IDLE;
        }

        @Override
        public String description() {
            return "Terminate the sandbox database's idle connections so the pool has free slots again";
        }

        @Override
        public FixClass fixClass() {
            return FixClass.A;
        }

        @Override
        public Risk risk() {
            return Risk.LOW;
        }

        @Override
        public Set<Category> categories() {
            return Set.of(Category.DATABASE);
        }

        @Override
        public Plan plan(PlaybookContext context) {
            return new Plan(KILL_IDLE, List.of(PlanStep.action("Terminate the idle connections of the sandbox's"
                    + " database (in-process, on " + server.baseUrl() + ")", Kind.DATABASE)), List.of(), false);
        }

        @Override
        public Outcome apply(PlaybookContext context, Plan plan) {
            server.terminateIdleConnections();
            return Outcome.ok("the sandbox's idle database connections were terminated", "");
        }
    }
}
