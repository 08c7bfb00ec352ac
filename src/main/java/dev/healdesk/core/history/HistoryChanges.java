package dev.healdesk.core.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hears that the history changed: a run recorded, finished, interrupted or removed by any writer (another
 * workstation, a scheduled run, the CLI, this process), so that a screen showing the history can refresh without
 * the operator asking. One thread of its own per store, started by the first {@link #watch}, never the caller's:
 * <ul>
 *   <li>SQLite: every {@link #POLL} it reads {@code PRAGMA data_version} on the store's read connection, a number
 *       that changes only when another connection (another process's, or this store's writer) has committed to the
 *       file since; a cheap read of the file's header, no table touched;</li>
 *   <li>PostgreSQL: a connection of its own {@code LISTEN}s on {@link #CHANNEL}, on which every transaction that
 *       writes a run says so ({@link Sql#notifyRunsChanged}); it waits for notifications, and when the connection
 *       breaks (the server restarted, the network went) it connects again, backing off up to
 *       {@link #MAX_BACKOFF}, and reports a change once it is back, since what happened meanwhile went unheard.</li>
 * </ul>
 * A burst of changes (a run's results coming in one by one) is reported at most once per {@link #POLL}.
 */
final class HistoryChanges implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryChanges.class);

    /** The PostgreSQL notification channel of run writes. */
    static final String CHANNEL = "healdesk_runs";
    /** How often SQLite's data version is read, and the shortest time between two reports. */
    static final Duration POLL = Duration.ofSeconds(2);
    /** The longest wait between two attempts to reach a PostgreSQL server that went away. */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Where changes are learned. */
    interface Source {
        /**
         * Waits up to {@code millis} (or until {@code stop} opens) and says whether the history changed since the
         * last call.
         */
        boolean changed(long millis, CountDownLatch stop) throws InterruptedException;

        /** Lets go of what it holds (on the watching thread, after the last {@link #changed}). */
        void close();
    }

    private final String where;
    private final Source source;
    private final long pollMillis;
    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private Thread thread;

    HistoryChanges(String where, Source source, Duration poll) {
        this.where = where;
        this.source = Objects.requireNonNull(source, "source");
        this.pollMillis = poll.toMillis();
    }

    /** Calls {@code onChange} on the watching thread after each change from now on, until the handle is closed. */
    synchronized HistoryStore.Watch watch(Runnable onChange) {
        Objects.requireNonNull(onChange, "onChange");
        if (stop.getCount() == 0) {
            throw new IllegalStateException("The history " + where + " is closed");
        }
        listeners.add(onChange);
        if (thread == null) {
            thread = new Thread(this::follow, "healdesk-history-changes");
            thread.setDaemon(true);
            thread.start();
        }
        return () -> listeners.remove(onChange);
    }

    private void follow() {
        long lastReport = 0;
        boolean pending = false;
        try {
            while (stop.getCount() > 0) {
                long wait = pending ? Math.max(1, lastReport + pollMillis - System.currentTimeMillis()) : pollMillis;
                pending |= source.changed(wait, stop);
                if (pending && stop.getCount() > 0 && System.currentTimeMillis() - lastReport >= pollMillis) {
                    pending = false;
                    lastReport = System.currentTimeMillis();
                    for (Runnable l : listeners) {
                        try {
                            l.run();
                        } catch (RuntimeException e) {
                            LOG.warn("A listener of the history {} failed", where, e);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Stopped following the changes of the history {}", where, e);
        } finally {
            source.close();
        }
    }

    /** Stops the watching thread (waiting briefly for it: it must be done with the read connection). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            stop.countDown();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------ sources

    /** SQLite: {@code PRAGMA data_version} on the store's read connection, read once per poll. */
    static Source dataVersion(Sql reader) {
        long[] seen = {reader.number("read the data version", "PRAGMA data_version", Sql.Binder.NONE)};
        return new Source() {
            @Override
            public boolean changed(long millis, CountDownLatch stop) throws InterruptedException {
                if (stop.await(millis, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                long now = reader.number("read the data version", "PRAGMA data_version", Sql.Binder.NONE);
                boolean changed = now != seen[0];
                seen[0] = now;
                return changed;
            }

            @Override
            public void close() {
                // the read connection is the store's
            }
        };
    }

    /** Opens a new connection to the server (for {@link #listen}). */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /**
     * PostgreSQL: a connection of its own that {@code LISTEN}s on {@link #CHANNEL}, made at once (so that no change
     * after {@link HistoryStore#watch} goes unheard) and again whenever it breaks.
     */
    static Source listen(String where, Connector connector) throws SQLException {
        return new Source() {
            private Connection connection = open();
            private long backoff = 500;

            private Connection open() throws SQLException {
                Connection c = connector.connect();
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                } catch (SQLException e) {
                    closeQuietly(c);
                    throw e;
                }
                return c;
            }

            @Override
            public boolean changed(long millis, CountDownLatch stop) throws InterruptedException {
                if (connection == null) {
                    if (stop.await(backoff, TimeUnit.MILLISECONDS)) {
                        return false;
                    }
                    try {
                        connection = open();
                        LOG.info("Following the history {} again", where);
                        backoff = 500;
                        return true;   // what was written while the connection was down went unheard
                    } catch (SQLException e) {
                        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
                        LOG.debug("Cannot reach the history {} to follow it: {}", where, e.getMessage());
                        return false;
                    }
                }
                try {
                    org.postgresql.PGNotification[] notes = connection.unwrap(org.postgresql.PGConnection.class)
                            .getNotifications((int) Math.max(1, Math.min(millis, 500)));
                    return notes != null && notes.length > 0;
                } catch (SQLException e) {
                    LOG.warn("Lost the connection that follows the history {} ({}); connecting again",
                            where, e.getMessage());
                    closeQuietly(connection);
                    connection = null;
                    return false;
                }
            }

            @Override
            public void close() {
                closeQuietly(connection);
                connection = null;
            }
        };
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // it is going anyway
            }
        }
    }
}
