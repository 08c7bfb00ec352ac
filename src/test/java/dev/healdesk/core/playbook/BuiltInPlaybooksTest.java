package dev.healdesk.core.playbook;

import com.sun.net.httpserver.HttpServer;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.healdesk.core.playbook.HealHarness.dryRun;
import static dev.healdesk.core.playbook.HealHarness.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The class-A built-ins' strategies for real targets, through the executor: configured commands (stand-in scripts
 * that record their arguments), a hanging command, failure text built to inject, a webhook and Railway's API
 * (stand-in HTTP servers that record what they got).
 */
class BuiltInPlaybooksTest {

    private static final Guardrails ONE_ATTEMPT = new Guardrails(3, 1, Duration.ZERO, Duration.ofMinutes(30), 5, 3,
            4, Guardrails.DEFAULT_PROTECTED, Duration.ZERO, Duration.ofSeconds(20));

    @TempDir
    Path dir;
    private HealHarness h;
    private Path scripts;

    @BeforeEach
    void setUp() throws IOException {
        h = new HealHarness(dir.resolve("run"));
        BuiltInPlaybooks.registry().all().forEach(h.registry::register);
        h.suite.test("health/api", "health").test("modules/list", "modules");
        scripts = Files.createDirectories(dir.resolve("bin"));
    }

    @AfterEach
    void close() {
        h.close();
    }

    private Path script(String name, String body) throws IOException {
        Path file = scripts.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /** A stand-in that writes each argument it got on its own line to {@code record}. */
    private Path recorder(Path record) throws IOException {
        return script("recorder", "printf '%s\\n' \"$@\" >> '" + record + "'");
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void theConfiguredCommandRunsAsItsArgumentVector() throws Exception {
        Path record = dir.resolve("args");
        h.suite.fail("health/api", "connect ECONNREFUSED api.internal:8080");
        h.control.settings.put("restart-backend", Map.of("command",
                List.of(recorder(record).toString(), "restart", "{service}", "--now")));

        RunSummary s = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));

        assertEquals(List.of("restart", "api.internal", "--now"), lines(record));
        List<String> plan = h.events(RunEvent.PlaybookPlanned.class).get(0).steps();
        assertEquals(List.of("Run the configured restart command (killed after 20 s): [\"" + scripts.resolve("recorder")
                + "\" \"restart\" \"api.internal\" \"--now\"]"), plan);
        assertTrue(s.actions().get(0).applied(), s.actions().toString());
    }

    @Test
    void failureTextNeverReachesACommandExceptAsInertData() throws Exception {
        Path record = dir.resolve("args");
        Path pwned = dir.resolve("pwned");
        // (not etc/passwd:8080: "passwd:8080" reads as a password, and failure text is redacted where it enters)
        String nasty = "connect ECONNREFUSED $(touch " + pwned + ") `touch " + pwned + "`; touch " + pwned
                + " && touch " + pwned + "\n../../etc/shadow:8080";
        h.suite.fail("health/api", nasty);
        h.control.settings.put("restart-backend", Map.of("command",
                List.of(recorder(record).toString(), "restart", "{service}")));

        RunSummary refused = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));

        ActionRecord a = refused.actions().get(0);
        assertEquals(Decision.SKIPPED, a.decision());
        assertTrue(a.message().startsWith("cannot run here: Refusing service name '../../etc/shadow'"), a.message());
        assertEquals(List.of(), lines(record), "the command never ran");

        h.control.settings.put("restart-backend", Map.of("command",
                List.of(recorder(record).toString(), "restart", "api")));
        RunSummary ran = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));

        assertTrue(ran.actions().get(0).applied(), ran.actions().toString());
        assertEquals(List.of("restart", "api"), lines(record), "exactly the configured arguments");
        assertFalse(Files.exists(pwned), "no shell ever saw the failure text");
        assertTrue(h.log(ran).contains("$(touch " + pwned + ")"), "the text is kept as data in the log");
    }

    @Test
    void aHangingCommandIsKilledAtItsTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path hang = script("hang", "echo $$ > '" + pidFile + "'\nsleep 60\necho finished");
        h.suite.fail("health/api", "connect ECONNREFUSED api.internal:8080");
        h.control.settings.put("restart-backend", Map.of("command", List.of(hang.toString()), "timeoutSeconds", 1));

        long t0 = System.nanoTime();
        RunSummary s = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000;

        ActionRecord a = s.actions().get(0);
        assertFalse(a.applied() || a.success(), a.toString());
        assertEquals(hang + " did not finish within 1 s and was stopped", a.message());
        assertTrue(seconds < 10, "the run went on after " + seconds + " s");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the script was killed");
        assertTrue(h.log(s).contains("APPLIED restart-backend: failed"), h.log(s));
    }

    @Test
    void aStringCommandIsRefusedAsItWouldNeedAShell() throws Exception {
        h.suite.fail("health/api", "connect ECONNREFUSED api.internal:8080");
        h.control.settings.put("restart-backend", Map.of("command", "systemctl restart api; rm -rf /"));

        RunSummary s = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));

        assertTrue(s.actions().get(0).message().contains("must be a list of arguments"), s.actions().toString());
    }

    /** A stand-in HTTP server answering each POST with the next of {@code answers}, recording what it got. */
    private record StandIn(HttpServer server, List<String> bodies, List<String> authorizations) {
        static StandIn start(Runnable onLastCall, String... answers) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            List<String> bodies = new CopyOnWriteArrayList<>();
            List<String> auth = new CopyOnWriteArrayList<>();
            server.createContext("/", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                auth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                int i = Math.min(bodies.size(), answers.length) - 1;
                if (bodies.size() == answers.length) {
                    onLastCall.run();
                }
                byte[] answer = answers[i].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return new StandIn(server, bodies, auth);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }
    }

    @Test
    void railwayRedeploysWithTheTokenOnlyInTheAuthorizationHeader() throws Exception {
        String token = "rw-" + java.util.UUID.randomUUID();
        h.suite.fail("health/api", "connect ECONNREFUSED api.internal:8080");
        StandIn railway = StandIn.start(() -> h.suite.heal("health/api"),
                "{\"data\":{\"deployments\":{\"edges\":[{\"node\":{\"id\":\"dep-41\"}}]}}}",
                "{\"data\":{\"deploymentRedeploy\":{\"id\":\"dep-42\"}}}");
        try {
            h.control.settings.put("restart-backend", Map.of("railwayEndpoint", railway.url("/graphql/v2")));
            Map<String, String> env = Map.of("RAILWAY_TOKEN", token, "RAILWAY_PROJECT_ID", "proj-7",
                    "RAILWAY_SERVICE_ID", "svc-9");

            RunSummary s = h.run(h.executor(ONE_ATTEMPT, env), policy(ApprovalPolicy.A));

            ActionRecord a = s.actions().get(0);
            assertTrue(a.applied() && a.success() && a.verified(), a.toString());
            assertEquals(List.of("Bearer " + token, "Bearer " + token), railway.authorizations());
            assertTrue(railway.bodies().get(0).contains("\"projectId\":\"proj-7\"")
                    && railway.bodies().get(0).contains("\"serviceId\":\"svc-9\""), railway.bodies().get(0));
            assertTrue(railway.bodies().get(1).contains("deploymentRedeploy")
                    && railway.bodies().get(1).contains("\"id\":\"dep-41\""), railway.bodies().get(1));
            String plan = String.join("\n", h.events(RunEvent.PlaybookPlanned.class).get(0).steps());
            assertTrue(plan.contains("Authorization: Bearer $RAILWAY_TOKEN") && plan.contains(railway.url("/graphql/v2")),
                    plan);
            assertFalse(plan.contains(token));
            String written = h.everythingWritten();
            assertTrue(written.contains("Railway redeployed deployment dep-41 as dep-42"));
            assertFalse(written.contains(token), "the token is in no log, no database row, no plan");
        } finally {
            railway.server().stop(0);
        }
    }

    @Test
    void railwayWithoutItsIdsSaysWhichAreMissing() throws Exception {
        h.suite.fail("health/api", "connect ECONNREFUSED api.internal:8080");

        RunSummary s = h.run(h.executor(ONE_ATTEMPT, Map.of("RAILWAY_TOKEN", "rw-abcdefgh")), dryRun());

        List<String> missing = h.events(RunEvent.PlaybookPlanned.class).get(0).missing();
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.get(0).startsWith("RAILWAY_PROJECT_ID is not set") && missing.get(1).startsWith(
                "RAILWAY_SERVICE_ID is not set"), missing.toString());
        assertTrue(s.actions().get(0).message().contains("it could not run here: RAILWAY_PROJECT_ID is not set"),
                s.actions().toString());
    }

    @Test
    void theWebhookGetsAPostNamingTheRunNotTheFailureText() throws Exception {
        h.suite.fail("health/api", "connect ECONNREFUSED api.internal:8080 $(reboot)");
        StandIn hook = StandIn.start(() -> h.suite.heal("health/api"), "{\"ok\":true}");
        try {
            h.control.settings.put("restart-backend", Map.of("webhook", hook.url("/deploy?key=abc")));

            RunSummary s = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));

            assertTrue(s.actions().get(0).success(), s.actions().toString());
            String body = hook.bodies().get(0);
            assertTrue(body.contains("\"runId\":\"" + s.runId() + "\"") && body.contains("\"playbook\":\"restart-backend\""),
                    body);
            assertFalse(body.contains("reboot"), body);
        } finally {
            hook.server().stop(0);
        }
    }

    @Test
    void refreshTokensRunsTheAuthSetUpAndClearSessionDeletesTheStoredState() throws Exception {
        Path state = Files.writeString(dir.resolve("user.json"), "{\"cookies\":[]}");
        Path fresh = dir.resolve("fresh-token");
        Path setup = script("auth-setup", "touch '" + fresh + "'");
        h.suite.fail("health/api", "TokenExpiredError: jwt expired")
                .fail("modules/list", "Your session has expired. Please sign in again.")
                .healWhen("health/api", () -> Files.exists(fresh))
                .healWhen("modules/list", () -> !Files.exists(state));
        h.choices.put("health/api", "refresh-tokens");
        h.choices.put("modules/list", "clear-session");
        h.control.settings.put("refresh-tokens", Map.of("command", List.of(setup.toString())));
        h.control.settings.put("clear-session", Map.of("storageState", state.toString()));

        RunSummary s = h.run(h.executor(ONE_ATTEMPT, Map.of()), policy(ApprovalPolicy.A));

        List<String> healed = new ArrayList<>();
        s.actions().stream().filter(ActionRecord::success).forEach(a -> healed.add(a.playbook()));
        assertEquals(Set.of("refresh-tokens", "clear-session"), Set.copyOf(healed), s.actions().toString());
        assertFalse(Files.exists(state));
        assertTrue(h.log(s).contains("Delete the stored browser state " + state), h.log(s));
    }
}
