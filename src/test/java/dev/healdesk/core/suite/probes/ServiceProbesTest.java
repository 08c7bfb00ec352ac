package dev.healdesk.core.suite.probes;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** tcp, postgres and redis checks against a real port, a real PostgreSQL and a real Redis; no browser is started. */
class ServiceProbesTest {

    private static final String DB_PASSWORD = "shop-pass-4711";
    private static final String REDIS_PASSWORD = "redis-pass-0815";

    @TempDir
    static Path pgDir;
    @TempDir
    static Path redisDir;
    @TempDir
    Path dir;
    private static PostgresServer postgres;
    private static RedisServer redis;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.start(pgDir, "max_connections = 20");
        try (Connection admin = postgres.superuser("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE shop LOGIN PASSWORD '" + DB_PASSWORD + "'");
            sql.execute("CREATE DATABASE shop OWNER shop");
        }
        redis = RedisServer.start(redisDir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private Map<String, TestResult> run(String yaml, Map<String, String> env) throws Exception {
        return ProbeRuns.run(dir, yaml, env, ProbeRuns.noBrowser(dir));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void tcpPassesOnAnOpenPortAndFailsWithTheJdksTextOnAClosedOne() throws Exception {
        int closed = closedPort();
        try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, TestResult> r = run("""
                    defaults: {project: net}
                    checks:
                      - {id: open, tcp: {host: 127.0.0.1, port: %d}}
                      - {id: closed, tcp: {host: 127.0.0.1, port: %d, timeoutMs: 1000}}
                    """.formatted(open.getLocalPort(), closed), Map.of());
            assertThat(r.get("net/open").status()).isEqualTo(TestStatus.PASSED);
            assertThat(r.get("net/closed").status()).isEqualTo(TestStatus.FAILED);
            assertThat(r.get("net/closed").errorMessage())
                    .isEqualTo("Expected 127.0.0.1:" + closed + " to accept a TCP connection but: Connection refused");
        }
    }

    @Test
    void postgresConnectsAndReportsTheDriversTextWithoutThePassword() throws Exception {
        String yaml = """
                checks:
                  - id: db
                    project: data
                    postgres: {host: 127.0.0.1, port: %d, database: shop, user: shop, passwordEnv: SHOP_DB_PASSWORD}
                  - id: down
                    project: data
                    postgres: {host: 127.0.0.1, port: %d, database: shop, user: shop}
                """.formatted(postgres.port(), closedPort());
        Map<String, TestResult> ok = run(yaml, Map.of("SHOP_DB_PASSWORD", DB_PASSWORD));
        assertThat(ok.get("data/db").status()).as(String.valueOf(ok.get("data/db").errorMessage()))
                .isEqualTo(TestStatus.PASSED);
        assertThat(ok.get("data/down").errorMessage()).contains("Could not use PostgreSQL at 127.0.0.1:",
                "refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP"
                        + " connections");

        String wrong = "wrong-" + DB_PASSWORD;
        TestResult denied = run(yaml, Map.of("SHOP_DB_PASSWORD", wrong)).get("data/db");
        assertThat(denied.errorMessage()).contains("FATAL: password authentication failed for user \"shop\"",
                "SQLSTATE 28P01");
        assertThat(denied.errorMessage() + denied.errorStack()).doesNotContain(wrong).doesNotContain(DB_PASSWORD);
    }

    @Test
    void postgresPoolUseOverTheBudgetNamesUsedAndMax() throws Exception {
        String yaml = """
                checks:
                  - id: pool
                    project: data
                    postgres: {host: 127.0.0.1, port: %d, database: shop, user: shop, passwordEnv: PW,
                               maxPoolUsePercent: 50}
                """.formatted(postgres.port());
        assertThat(run(yaml, Map.of("PW", DB_PASSWORD)).get("data/pool").status()).isEqualTo(TestStatus.PASSED);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 11; i++) {
                held.add(postgres.connect("shop", "shop", DB_PASSWORD));
            }
            TestResult r = run(yaml, Map.of("PW", DB_PASSWORD)).get("data/pool");
            assertThat(r.status()).isEqualTo(TestStatus.FAILED);
            // 11 held + the probe's own = 12 of 20.
            assertThat(r.errorMessage()).isEqualTo("PostgreSQL at 127.0.0.1:" + postgres.port() + "/shop has 12"
                    + " client connections of max_connections 20 in use (60%), over the budget of 50%");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void redisPingAuthAndClientBudget() throws Exception {
        String yaml = """
                checks:
                  - {id: ping, project: cache, redis: {host: 127.0.0.1, port: %1$d}}
                  - {id: auth, project: cache, redis: {host: 127.0.0.1, port: %1$d, passwordEnv: REDIS_PASSWORD}}
                  - {id: clients, project: cache, redis: {host: 127.0.0.1, port: %1$d, maxClients: 3}}
                  - {id: memory, project: cache, redis: {host: 127.0.0.1, port: %1$d, maxMemoryPercent: 90}}
                  - {id: down, project: cache, redis: {host: 127.0.0.1, port: %2$d}}
                """.formatted(redis.port(), closedPort());
        redis.cli("CONFIG", "SET", "maxmemory", "0");
        Map<String, TestResult> r = run(yaml, Map.of("REDIS_PASSWORD", "unused-but-set"));
        assertThat(r.get("cache/ping").status()).isEqualTo(TestStatus.PASSED);
        // Without requirepass, AUTH with a password is refused: the check says so in Redis's words.
        assertThat(r.get("cache/auth").errorMessage()).startsWith("Redis at 127.0.0.1:" + redis.port()
                + " refused AUTH: ERR").doesNotContain("unused-but-set");
        assertThat(r.get("cache/clients").status()).isEqualTo(TestStatus.PASSED);
        assertThat(r.get("cache/memory").errorMessage()).contains("has no maxmemory set");
        assertThat(r.get("cache/down").errorMessage()).startsWith("Could not connect to Redis at 127.0.0.1:")
                .endsWith(": Connection refused");

        redis.cli("CONFIG", "SET", "requirepass", REDIS_PASSWORD);
        try {
            Map<String, TestResult> locked = run(yaml, Map.of("REDIS_PASSWORD", REDIS_PASSWORD));
            assertThat(locked.get("cache/auth").status()).isEqualTo(TestStatus.PASSED);
            assertThat(locked.get("cache/ping").errorMessage()).isEqualTo("Expected Redis at 127.0.0.1:"
                    + redis.port() + " to answer PING with PONG but it answered NOAUTH Authentication required.");
        } finally {
            redis.cli("-a", REDIS_PASSWORD, "--no-auth-warning", "CONFIG", "SET", "requirepass", "");
        }

        List<java.net.Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(new java.net.Socket("127.0.0.1", redis.port()));
            }
            Thread.sleep(100);
            assertThat(run(yaml, Map.of("REDIS_PASSWORD", "x-x-x")).get("cache/clients").errorMessage())
                    .isEqualTo("Redis at 127.0.0.1:" + redis.port() + " has 5 connected clients, over the budget of 3");
        } finally {
            for (java.net.Socket s : clients) {
                s.close();
            }
        }
    }
}
