package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * {@code kill-idle-db-connections} (the pool is exhausted: "too many clients already") and
 * {@code terminate-idle-transactions} (locks held by sessions idle in a transaction) end such PostgreSQL sessions
 * with {@code pg_terminate_backend}, over JDBC with bound values, in the target's database only.
 * <p>
 * Never touched: superusers' sessions (by {@code pg_roles.rolsuper}, not by name), the protected users (always
 * {@code postgres}, plus the {@code protectedUsers} setting: managed databases' admins are often no superusers),
 * replication and background processes (only {@code backend_type = 'client backend'}) and this connection itself.
 * The password comes from the environment variable named by {@code passwordEnv} (default {@code PGPASSWORD}), never
 * from the target file. The connecting user must see and may end other users' sessions: it needs
 * {@code pg_read_all_stats} (PostgreSQL hides other users' session states otherwise) and {@code pg_signal_backend},
 * or must be the user the sessions belong to; the outcome says how many sessions were hidden from it.
 * <p>
 * Not rolled back: a terminated session cannot be revived; its client reconnects.
 */
final class IdleSessionsPlaybook extends SafePlaybook {
    static final String SQL = """
            SELECT a.pid, a.usename, a.application_name, a.state, pg_terminate_backend(a.pid) AS terminated
              FROM pg_stat_activity a
             WHERE a.datname = current_database()
               AND a.pid <> pg_backend_pid()
               AND a.backend_type = 'client backend'
               AND a.state = ANY (?)
               AND a.state_change <= now() - make_interval(secs => ?)
               AND a.usename <> ALL (?)
               AND NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.oid = a.usesysid AND r.rolsuper)
             ORDER BY a.pid""";
    /** Sessions in this database whose state PostgreSQL hides from the connecting user. */
    static final String HIDDEN_SQL = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND backend_type IS NULL";
    private static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private final List<String> states;
    private final int defaultIdleSeconds;

    private IdleSessionsPlaybook(String name, String description, Risk risk, List<String> states,
                                 int defaultIdleSeconds) {
        super(name, description, risk, Set.of(Category.DATABASE));
        this.states = List.copyOf(states);
        this.defaultIdleSeconds = defaultIdleSeconds;
    }

    static IdleSessionsPlaybook idleConnections() {
        return new IdleSessionsPlaybook("kill-idle-db-connections",
                "Frees PostgreSQL connection slots by ending other users' idle sessions in the target's database.",
                Risk.MEDIUM, List.of("idle"), 0);
    }

    /** Ending a session in a transaction rolls its work back: high risk, so it is confirmed even where automatic. */
    static IdleSessionsPlaybook idleTransactions() {
        return new IdleSessionsPlaybook("terminate-idle-transactions",
                "Releases PostgreSQL locks by ending sessions left idle in a transaction (their work is rolled back).",
                Risk.HIGH, List.of("idle in transaction", "idle in transaction (aborted)"), 60);
    }

    /** What one run needs, as read from the settings and the environment. */
    private record Setup(String url, String user, String passwordEnv, String password, List<String> protectedUsers,
                         int idleSeconds, int timeoutSeconds) {
    }

    private Setup setup(PlaybookSettings settings, PlaybookContext context) {
        String url = settings.required("jdbcUrl", "JDBC URL (jdbc:postgresql://host:port/database)");
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            settings.missing("'jdbcUrl' under playbooks: " + name() + ": must start with jdbc:postgresql: (it is '"
                    + url + "').");
        } else if (url != null && url.toLowerCase(Locale.ROOT).contains("password")) {
            settings.missing("'jdbcUrl' under playbooks: " + name() + ": holds a password: remove it, and set the"
                    + " environment variable named by 'passwordEnv' (default PGPASSWORD) instead.");
        }
        String user = settings.required("user", "database user (one with pg_read_all_stats and pg_signal_backend)");
        String passwordEnv = context.setting("passwordEnv") == null ? "PGPASSWORD" : context.setting("passwordEnv");
        String password = context.env().get(passwordEnv);
        if (password == null) {
            settings.missing("The environment variable " + passwordEnv + " is not set: set it to the password of the"
                    + " database user before starting Healdesk (or name another in 'passwordEnv').");
        }
        Set<String> protectedUsers = new LinkedHashSet<>(List.of("postgres"));
        protectedUsers.addAll(settings.strings("protectedUsers"));
        int idleSeconds = settings.number("idleSeconds", defaultIdleSeconds, 0, 86_400);
        int timeoutSeconds = settings.number("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS, 1, 3600);
        return new Setup(url, user, passwordEnv, password, List.copyOf(protectedUsers), idleSeconds, timeoutSeconds);
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        Setup setup = setup(settings, context);
        List<PlanStep> steps = List.of(PlanStep.request(
                "End every session in the target's database that is " + String.join(" or ", states)
                        + " for at least " + setup.idleSeconds() + " s, except superusers', replication's, its own"
                        + " and those of " + String.join(", ", setup.protectedUsers()),
                "SQL on " + Objects.requireNonNullElse(setup.url(), "<jdbcUrl>") + " as "
                        + Objects.requireNonNullElse(setup.user(), "<user>") + " (password from $"
                        + setup.passwordEnv() + "):\n"
                        + SQL + "\n-- bound: " + states + ", " + setup.idleSeconds() + ", " + setup.protectedUsers()
                        + "\n-- then, to report sessions it could not see:\n" + HIDDEN_SQL, Kind.DATABASE));
        return new Plan(name(), steps, settings.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        refuseUnlessRunnable(plan);
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        Setup setup = setup(settings, context);
        refuseIfMissing(settings);

        Properties properties = new Properties();
        properties.setProperty("user", setup.user());
        properties.setProperty("password", setup.password());
        properties.setProperty("ApplicationName", "healdesk " + name());
        properties.setProperty("connectTimeout", Integer.toString(setup.timeoutSeconds()));
        properties.setProperty("socketTimeout", Integer.toString(setup.timeoutSeconds()));
        List<String> lines = new ArrayList<>();
        int terminated = 0;
        long hidden;
        try (Connection connection = DriverManager.getConnection(setup.url(), properties);
             PreparedStatement statement = connection.prepareStatement(SQL);
             PreparedStatement hiddenCount = connection.prepareStatement(HIDDEN_SQL)) {
            statement.setQueryTimeout(setup.timeoutSeconds());
            statement.setArray(1, connection.createArrayOf("text", states.toArray()));
            statement.setDouble(2, setup.idleSeconds());
            statement.setArray(3, connection.createArrayOf("text", setup.protectedUsers().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    boolean ended = rows.getBoolean("terminated");
                    terminated += ended ? 1 : 0;
                    lines.add((ended ? "terminated" : "already gone:") + " pid " + rows.getInt("pid") + " (user "
                            + rows.getString("usename") + ", application '" + rows.getString("application_name")
                            + "', " + rows.getString("state") + ")");
                }
            }
            hiddenCount.setQueryTimeout(setup.timeoutSeconds());
            try (ResultSet count = hiddenCount.executeQuery()) {
                count.next();
                hidden = count.getLong(1);
            }
        } catch (SQLException e) {
            return Outcome.failed("PostgreSQL at " + setup.url() + " refused: " + e.getMessage(),
                    String.join("\n", lines));
        }
        return Outcome.ok("Terminated " + terminated + " session" + (terminated == 1 ? "" : "s") + " ("
                + String.join(" or ", states) + ")" + (hidden == 0 ? "" : "; " + hidden + " other session"
                + (hidden == 1 ? " was" : "s were") + " hidden from " + setup.user() + ": grant it pg_read_all_stats"
                + " to see them"), String.join("\n", lines));
    }
}
