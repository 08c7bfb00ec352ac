package dev.healdesk.core.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One JDBC connection of the history database and the lock that guards it: the small query helper every part of the
 * store speaks through, so that none of them opens a statement, maps a row or commits by hand. Each call names what
 * it does ({@code what}, "read run x"); a failure becomes a {@link HistoryException} that says that and names the
 * file.
 * <p>
 * A call holds this object's lock while it runs; {@link #inTransaction} holds it for the whole transaction, so the
 * statements inside it (which may call the other methods) see no one else's.
 */
final class Sql {

    /** Sets the parameters of a statement. */
    @FunctionalInterface
    interface Binder {
        /** Binds nothing (a class, not a lambda: each lambda's call site is linked afresh in a short process). */
        Binder NONE = new Binder() {
            @Override
            public void bind(PreparedStatement ps) {
                // no parameters
            }
        };

        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Makes one value of the current row. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /** Binds one row of a batch. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** Hears each query before it runs (the plan test reads them back with EXPLAIN QUERY PLAN). */
    @FunctionalInterface
    interface QueryListener {
        void querying(String sql, Binder binder);
    }

    /** How many times a transaction is tried when PostgreSQL ends it for another writer's (deadlock, serialization). */
    static final int ATTEMPTS = 5;

    private final String where;
    private final Connection connection;
    private final Dialect dialect;
    private volatile QueryListener listener;

    Sql(Path file, Connection connection) {
        this(file.toString(), connection, Dialect.SQLITE);
    }

    /** @param where the database as messages name it (a file, or a server's URL without password) */
    Sql(String where, Connection connection, Dialect dialect) {
        this.where = where;
        this.connection = connection;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Lets {@code listener} hear every query from now on (null: none). */
    void listen(QueryListener listener) {
        this.listener = listener;
    }

    private void heard(String sql, Binder binder) {
        QueryListener l = listener;
        if (l != null) {
            l.querying(sql, binder);
        }
    }

    /** Every row {@code sql} answers, mapped. */
    synchronized <T> List<T> query(String what, String sql, Binder binder, RowMapper<T> mapper) {
        heard(sql, binder);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** The first row {@code sql} answers, mapped; empty when there is none. */
    synchronized <T> Optional<T> one(String what, String sql, Binder binder, RowMapper<T> mapper) {
        heard(sql, binder);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** The first column of the first row as a number (a count, a sum); 0 when there is no row or it is null. */
    long number(String what, String sql, Binder binder) {
        return one(what, sql, binder, FIRST_LONG).orElse(0L);
    }

    /** The first column as a number. */
    private static final RowMapper<Long> FIRST_LONG = new RowMapper<>() {
        @Override
        public Long map(ResultSet rs) throws SQLException {
            return rs.getLong(1);
        }
    };

    /**
     * Binds {@code value} as the statement's one parameter: what the reads of one run or one fingerprint bind. A named
     * class rather than a lambda at each of those call sites, which a short CLI process would link one by one
     * (docs/benchmarks, CLI start, tenth pass).
     */
    static Binder text(String value) {
        return new Text(value);
    }

    private static final class Text implements Binder {
        private final String value;

        Text(String value) {
            this.value = value;
        }

        @Override
        public void bind(PreparedStatement ps) throws SQLException {
            ps.setString(1, value);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    synchronized int update(String what, String sql, Binder binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** Runs {@code sql} once per row, as one batch. */
    synchronized <T> void batch(String what, String sql, Iterable<T> rows, RowBinder<T> binder) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            boolean any = false;
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
                any = true;
            }
            if (any) {
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** Runs a statement without parameters or answer (DDL, a pragma). */
    synchronized void execute(String what, String sql) {
        try (var s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. On a read
     * connection it is one snapshot: every query inside sees the same committed state. On PostgreSQL, where several
     * Healdesk processes write at once, a transaction the server ended to let another go on (a deadlock between two
     * runs' fingerprint counts, a serialization failure) is tried again from the start, up to {@link #ATTEMPTS} times:
     * nothing of it was kept, so trying again neither loses nor doubles a run.
     */
    synchronized <T> T inTransaction(String what, Work<T> work) {
        try {
            boolean auto = connection.getAutoCommit();
            if (!auto) {
                return work.run();   // already inside one: the outer transaction decides
            }
            for (int attempt = 1; ; attempt++) {
                connection.setAutoCommit(false);
                try {
                    T value = work.run();
                    connection.commit();
                    return value;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    if (attempt < ATTEMPTS && endedForAnother(e)) {
                        continue;
                    }
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** Whether PostgreSQL ended the transaction for another one's sake (40001 serialization, 40P01 deadlock). */
    private boolean endedForAnother(Throwable e) {
        if (dialect != Dialect.POSTGRESQL) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells the other Healdesk processes on this history that runs changed ({@code runId}: one of them, or null): on
     * PostgreSQL a {@code NOTIFY} on {@link HistoryChanges#CHANNEL}, which the server delivers to every listener when
     * the caller's transaction commits (and drops with it when it rolls back); on SQLite nothing: a reader learns of
     * another connection's commit from {@code PRAGMA data_version} ({@link HistoryChanges}).
     */
    void notifyRunsChanged(String what, String runId) {
        if (dialect == Dialect.POSTGRESQL) {
            one(what, "SELECT pg_notify('" + HistoryChanges.CHANNEL + "', ?)",
                    ps -> ps.setString(1, runId == null ? "" : runId), rs -> null);
        }
    }

    HistoryException fail(String what, SQLException e) {
        return new HistoryException("Cannot " + what + " in the history database " + where + ": " + e.getMessage(), e);
    }

    synchronized void close(String what) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw fail(what, e);
        }
    }

    /** A LIKE pattern that matches {@code text} literally (with {@code ESCAPE '\'}). */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
