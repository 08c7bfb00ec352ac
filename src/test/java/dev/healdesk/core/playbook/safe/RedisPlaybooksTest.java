package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** redis-clear-expired and redis-restart against a real Redis (and a stand-in systemctl). */
class RedisPlaybooksTest {

    @TempDir
    static Path serverDir;
    private static RedisServer redis;

    @TempDir
    Path dir;
    private StandIns standIns;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start(serverDir);
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    @BeforeEach
    void emptyRedis() throws Exception {
        assertEquals("OK", redis.cli("FLUSHALL"));
        standIns = new StandIns(dir).add("systemctl", "echo \"$@\" > /dev/null");
    }

    private PlaybookContext context(Map<String, Object> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", redis.port()));
        settings.putAll(extra);
        return StandIns.context("OOM command not allowed when used memory > 'maxmemory'", settings, Map.of(),
                standIns.runner(), dir);
    }

    @Test
    void clearExpiredMakesRedisDropEveryExpiredKeyAndNoLiveOne() throws Exception {
        assertEquals("OK", redis.cli("DEBUG", "SET-ACTIVE-EXPIRE", "0"));
        try {
            for (String key : List.of("user:1", "user:2")) {
                redis.cli("SET", key, "kept");
            }
            redis.cli("SET", "session:live", "kept", "EX", "600");
            for (int i = 0; i < 5; i++) {
                redis.cli("SET", "session:gone" + i, "expired", "PX", "1");
            }
            Thread.sleep(20);
            assertEquals("8", redis.cli("DBSIZE"), "expired keys stay until something meets them");
            RedisClearExpiredPlaybook playbook = new RedisClearExpiredPlaybook();
            PlaybookContext context = context(Map.of());

            Plan plan = playbook.plan(context);
            String port = Integer.toString(redis.port());
            assertEquals(List.of(List.of("redis-cli", "-h", "127.0.0.1", "-p", port, "INFO"),
                    List.of("redis-cli", "-h", "127.0.0.1", "-p", port, "--scan"),
                    List.of("redis-cli", "-h", "127.0.0.1", "-p", port, "INFO")),
                    plan.steps().stream().map(PlanStep::command).toList());
            Outcome outcome = playbook.apply(context, plan);

            assertTrue(outcome.success(), outcome.message());
            assertTrue(outcome.message().startsWith("Cleared 5 expired keys (memory "), outcome.message());
            assertTrue(outcome.output().contains("\n3 keys walked\n"), outcome.output());
            assertFalse(outcome.output().contains("session:"), "key names stay out of the record");
            assertEquals("3", redis.cli("DBSIZE"));
            assertEquals("kept", redis.cli("GET", "user:1"));
            assertEquals("kept", redis.cli("GET", "user:2"));
            assertTrue(Integer.parseInt(redis.cli("TTL", "session:live")) > 500);
        } finally {
            redis.cli("DEBUG", "SET-ACTIVE-EXPIRE", "1");
        }
    }

    @Test
    void restartRunsTheConfiguredCommandAndWaitsForPong() throws Exception {
        Path restart = dir.resolve("restart-redis");
        Files.writeString(restart, "#!/bin/bash\nredis-cli -p " + redis.port() + " SHUTDOWN NOSAVE\n"
                + "exec redis-server '" + redis.config() + "'\n");
        assertTrue(restart.toFile().setExecutable(true));
        String runIdBefore = runId();
        redis.cli("SET", "in-memory", "only");
        RedisRestartPlaybook playbook = new RedisRestartPlaybook();
        PlaybookContext context = context(Map.of("command", List.of(restart.toString()), "settleSeconds", 5));

        Plan plan = playbook.plan(context);
        assertEquals(List.of(), plan.missing());
        assertEquals(List.of(restart.toString()), plan.steps().get(0).command());
        assertEquals("Then wait up to 5 s for redis-cli -h 127.0.0.1 -p " + redis.port() + " PING to answer PONG",
                plan.steps().get(1).description());
        Outcome outcome = playbook.apply(context, plan);

        assertTrue(outcome.success(), outcome.message());
        assertTrue(playbook.verify(context, outcome));
        assertNotEquals(runIdBefore, runId(), "a new Redis process");
        assertEquals("", redis.cli("GET", "in-memory"), "what Redis held in memory only is gone, as the risk says");
        assertFalse(playbook.rollback(context, outcome).success());
    }

    @Test
    void withoutACommandRestartIsSystemctlOnTheUnit() throws Exception {
        RedisRestartPlaybook playbook = new RedisRestartPlaybook();
        PlaybookContext byDefault = context(Map.of());
        PlaybookContext named = context(Map.of("unit", "cache"));

        assertTrue(playbook.apply(byDefault, playbook.plan(byDefault)).success());
        assertTrue(playbook.apply(named, playbook.plan(named)).success());
        assertTrue(playbook.verify(named, Outcome.ok("", "")), "the real Redis answers PONG");

        assertEquals(List.of(List.of("systemctl", "restart", "redis-server"), List.of("systemctl", "restart",
                "cache")), standIns.calls());
    }

    @Test
    void aRedisThatDoesNotComeBackFailsVerificationWithinTheSettleTime() throws Exception {
        RedisRestartPlaybook playbook = new RedisRestartPlaybook();
        PlaybookContext context = context(Map.of("port", RedisServer.freePort(), "settleSeconds", 1));

        long t0 = System.nanoTime();
        assertFalse(playbook.verify(context, Outcome.ok("", "")));
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 3_000);
    }

    @Test
    void clearExpiredWithoutARedisIsAFailedOutcome() throws Exception {
        RedisClearExpiredPlaybook playbook = new RedisClearExpiredPlaybook();
        int nobodyListens = RedisServer.freePort();
        PlaybookContext context = context(Map.of("port", nobodyListens));

        Outcome outcome = playbook.apply(context, playbook.plan(context));

        assertFalse(outcome.success());
        assertTrue(outcome.message().startsWith("`redis-cli -h 127.0.0.1 -p " + nobodyListens + " INFO` failed"),
                outcome.message());
        assertEquals(1, context.commands().history().size(), "stops at the first failure");
    }

    @Test
    void missingToolsAndBadSettingsAreListedAndNothingRuns() throws Exception {
        CommandRunner bare = new CommandRunner(Duration.ofSeconds(5), s -> s,
                Map.of("PATH", Files.createDirectories(dir.resolve("empty")).toString()));
        RedisRestartPlaybook restart = new RedisRestartPlaybook();
        PlaybookContext noTools = StandIns.context("CLUSTERDOWN", Map.of(), Map.of(), bare, dir);
        PlaybookContext badSettings = context(Map.of("host", "cache;reboot", "command", "systemctl restart redis"));

        assertEquals(List.of("redis-cli is not on the PATH: install redis-tools (apt-get install -y redis-tools), or"
                        + " put redis-cli on Healdesk's PATH.",
                "systemctl is not on the PATH: configure 'command' under playbooks: redis-restart: instead."),
                restart.preflight(noTools));
        Plan plan = restart.plan(badSettings);
        assertEquals(2, plan.missing().size(), plan.missing().toString());
        assertTrue(plan.missing().get(0).startsWith("Refusing Redis host name 'cache;reboot'"));
        assertEquals("'command' under playbooks: redis-restart: must be a list (an argument vector, no shell), e.g."
                + " [systemctl, restart, my-service].", plan.missing().get(1));
        assertThrows(PlaybookException.class, () -> restart.apply(badSettings, plan));
        assertEquals(List.of(), standIns.calls());
        assertEquals(List.of(), bare.history());
    }

    private static String runId() throws Exception {
        return redis.cli("INFO", "server").lines().filter(l -> l.startsWith("run_id:")).findFirst().orElseThrow();
    }
}
