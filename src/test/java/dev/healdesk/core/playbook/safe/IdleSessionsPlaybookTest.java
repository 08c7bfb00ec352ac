package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.testing.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kill-idle-db-connections and terminate-idle-transactions against a real PostgreSQL with sessions this test
 * opens: exactly the idle ones of ordinary users in the target's database end; superusers', protected users', other
 * databases' and busy ones stay.
 */
class IdleSessionsPlaybookTest {
    private static final String HEALER_PASSWORD = "healer-secret";

    @TempDir
    static Path dir;
    private static PostgresServer server;
    private final List<Connection> sessions = new ArrayList<>();

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresServer.start(dir);
        try (Connection admin = server.superuser("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE ROLE healer LOGIN PASSWORD '" + HEALER_PASSWORD + "'");
            sql.execute("GRANT pg_signal_backend, pg_read_all_stats TO healer");
            sql.execute("CREATE ROLE blind LOGIN PASSWORD 'blind'");
            sql.execute("GRANT pg_signal_backend TO blind");
            sql.execute("CREATE ROLE app LOGIN PASSWORD 'app'");
            sql.execute("CREATE ROLE monitor LOGIN PASSWORD 'monitor'");
            sql.execute("CREATE ROLE dba LOGIN SUPERUSER PASSWORD 'dba'");
            sql.execute("CREATE DATABASE shop OWNER app");
            sql.execute("CREATE DATABASE other OWNER app");
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        server.close();
    }

    @AfterEach
    void closeSessions() {
        for (Connection session : sessions) {
            try {
                session.close();
            } catch (SQLException e) {
                // ended by the playbook: nothing to close
            }
        }
    }

    /** A session that has run a statement and now waits, idle; with {@code inTransaction} inside a transaction. */
    private int session(String database, String user, boolean inTransaction) throws SQLException {
        Connection session = user.equals(PostgresServer.SUPERUSER) ? server.superuser(database)
                : server.connect(database, user, user);
        sessions.add(session);
        session.setAutoCommit(!inTransaction);
        try (Statement sql = session.createStatement(); ResultSet pid = sql.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private static PlaybookContext context(Map<String, Object> settings, Map<String, String> env) {
        return StandIns.context("FATAL: sorry, too many clients already", settings, env, null, dir);
    }

    private static Map<String, Object> settings(Object... more) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("jdbcUrl", server.url("shop"),
                "user", "healer", "passwordEnv", "HEAL_PW", "protectedUsers", List.of("monitor")));
        for (int i = 0; i < more.length; i += 2) {
            settings.put((String) more[i], more[i + 1]);
        }
        return settings;
    }

    /** The pids of the client sessions still there, asked until the terminated ones are gone (at most 5 s). */
    private static Set<Integer> alive(Set<Integer> expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<Integer> alive;
        do {
            alive = new HashSet<>();
            try (Connection admin = server.superuser("postgres"); Statement sql = admin.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type ="
                         + " 'client backend' AND pid <> pg_backend_pid()")) {
                while (rows.next()) {
                    alive.add(rows.getInt(1));
                }
            }
        } while (!alive.equals(expected) && System.nanoTime() < deadline && sleep());
        return alive;
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(50);
        return true;
    }

    @Test
    void endsExactlyTheIdleSessionsOfOrdinaryUsersInTheTargetsDatabase() throws Exception {
        int idle1 = session("shop", "app", false);
        int idle2 = session("shop", "app", false);
        Set<Integer> kept = Set.of(
                session("shop", "app", true),
                session("shop", "monitor", false),
                session("shop", "dba", false),
                session("shop", PostgresServer.SUPERUSER, false),
                session("other", "app", false));
        IdleSessionsPlaybook playbook = IdleSessionsPlaybook.idleConnections();
        PlaybookContext context = context(settings(), Map.of("HEAL_PW", HEALER_PASSWORD));

        Plan plan = playbook.plan(context);
        assertEquals(List.of(), plan.missing());
        String request = plan.steps().get(0).request();
        assertTrue(request.startsWith("SQL on " + server.url("shop") + " as healer (password from $HEAL_PW):\n"
                + IdleSessionsPlaybook.SQL + "\n-- bound: [idle], 0, [postgres, monitor]\n"), request);
        assertFalse(request.contains(HEALER_PASSWORD));
        assertEquals("End every session in the target's database that is idle for at least 0 s, except"
                + " superusers', replication's, its own and those of postgres, monitor",
                plan.steps().get(0).description());

        Outcome outcome = playbook.apply(context, plan);

        assertTrue(outcome.success(), outcome.message());
        assertEquals("Terminated 2 sessions (idle)", outcome.message());
        assertEquals("terminated pid " + Math.min(idle1, idle2) + " (user app, application 'PostgreSQL JDBC Driver',"
                + " idle)\nterminated pid " + Math.max(idle1, idle2) + " (user app, application 'PostgreSQL JDBC"
                + " Driver', idle)", outcome.output());
        assertEquals(kept, alive(kept));
    }

    @Test
    void endsOnlyTransactionsIdleLongerThanTheThreshold() throws Exception {
        int old = session("shop", "app", true);
        int aborted = session("shop", "app", true);
        Connection abortedSession = sessions.get(sessions.size() - 1);
        assertThrows(SQLException.class, () -> abortedSession.createStatement().execute("SELECT 1/0"));
        Thread.sleep(1_200);
        Set<Integer> kept = Set.of(
                session("shop", "app", true),
                session("shop", "app", false),
                session("shop", "dba", true));
        IdleSessionsPlaybook playbook = IdleSessionsPlaybook.idleTransactions();
        PlaybookContext context = context(settings("idleSeconds", 1), Map.of("HEAL_PW", HEALER_PASSWORD));

        Outcome outcome = playbook.apply(context, playbook.plan(context));

        assertEquals("Terminated 2 sessions (idle in transaction or idle in transaction (aborted))",
                outcome.message());
        assertTrue(outcome.output().contains("terminated pid " + old + " (user app, application 'PostgreSQL JDBC"
                + " Driver', idle in transaction)"), outcome.output());
        assertTrue(outcome.output().contains("terminated pid " + aborted + " (user app, application 'PostgreSQL"
                + " JDBC Driver', idle in transaction (aborted))"), outcome.output());
        assertEquals(kept, alive(kept));
    }

    @Test
    void sessionsHiddenFromTheUserAreReportedNotSilentlySpared() throws Exception {
        Set<Integer> kept = Set.of(session("shop", "app", false), session("shop", "app", false));
        IdleSessionsPlaybook playbook = IdleSessionsPlaybook.idleConnections();
        PlaybookContext context = context(settings("user", "blind"), Map.of("HEAL_PW", "blind"));

        Outcome outcome = playbook.apply(context, playbook.plan(context));

        assertEquals("Terminated 0 sessions (idle); 2 other sessions were hidden from blind: grant it"
                + " pg_read_all_stats to see them", outcome.message());
        assertEquals(kept, alive(kept));
    }

    @Test
    void aWrongPasswordIsAFailedOutcomeThatDoesNotRepeatIt() throws Exception {
        IdleSessionsPlaybook playbook = IdleSessionsPlaybook.idleConnections();
        PlaybookContext context = context(settings(), Map.of("HEAL_PW", "not-the-password"));

        Outcome outcome = playbook.apply(context, playbook.plan(context));

        assertFalse(outcome.success());
        assertTrue(outcome.message().startsWith("PostgreSQL at " + server.url("shop") + " refused: FATAL: password"
                + " authentication failed for user \"healer\""), outcome.message());
        assertFalse(outcome.message().contains("not-the-password"));
    }

    @Test
    void withoutUrlUserOrPasswordThePlanSaysWhatIsMissing() {
        IdleSessionsPlaybook playbook = IdleSessionsPlaybook.idleTransactions();
        PlaybookContext context = context(Map.of(), Map.of());

        Plan plan = playbook.plan(context);

        assertTrue(plan.steps().get(0).request().startsWith("SQL on <jdbcUrl> as <user> (password from"
                + " $PGPASSWORD):\n"), plan.steps().get(0).request());
        assertEquals(List.of(
                "No JDBC URL (jdbc:postgresql://host:port/database) given: set 'jdbcUrl' under playbooks:"
                        + " terminate-idle-transactions: in the target file.",
                "No database user (one with pg_read_all_stats and pg_signal_backend) given: set 'user' under playbooks:"
                        + " terminate-idle-transactions: in the target file.",
                "The environment variable PGPASSWORD is not set: set it to the password of the database user before"
                        + " starting Healdesk (or name another in 'passwordEnv')."), plan.missing());
        assertThrows(PlaybookException.class, () -> playbook.apply(context, plan));
    }

    @Test
    void aPasswordInTheTargetFileIsRefused() {
        IdleSessionsPlaybook playbook = IdleSessionsPlaybook.idleConnections();
        PlaybookContext inUrl = context(settings("jdbcUrl", server.url("shop") + "?password=x"),
                Map.of("HEAL_PW", HEALER_PASSWORD));
        PlaybookContext notPostgres = context(settings("jdbcUrl", "jdbc:mysql://127.0.0.1/shop"),
                Map.of("HEAL_PW", HEALER_PASSWORD));

        assertEquals(List.of("'jdbcUrl' under playbooks: kill-idle-db-connections: holds a password: remove it, and"
                + " set the environment variable named by 'passwordEnv' (default PGPASSWORD) instead."),
                playbook.preflight(inUrl));
        assertEquals(List.of("'jdbcUrl' under playbooks: kill-idle-db-connections: must start with"
                + " jdbc:postgresql: (it is 'jdbc:mysql://127.0.0.1/shop')."), playbook.preflight(notPostgres));
    }
}
