package dev.healdesk.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server ({@link PostgresServer}: Debian's binaries, a free loopback port, a temporary folder)
 * shared by the history tests of one test JVM, started on first use and stopped when the JVM ends; each test takes a
 * database of its own ({@link #newDatabase()}), so tests never see each other's rows.
 */
public final class SharedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresServer server;

    private SharedPostgres() {
    }

    /** The server, started on first use. */
    public static synchronized PostgresServer server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("healdesk-pg");
                PostgresServer started = PostgresServer.start(dir, "max_connections = 100");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException | InterruptedException e) {
                        // the JVM is ending; the folder goes below all the same
                    }
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException | RuntimeException e) {
                        // a temporary folder: the system clears it in the end
                    }
                }, "stop-test-postgres"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return server;
    }

    /** A new, empty database on the shared server; its name. */
    public static String newDatabase() {
        String name = "history_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server().superuser("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** The URL Healdesk is given for {@code database} (user in the URL, no password: that comes from PGPASSWORD). */
    public static String healdeskUrl(String database) {
        return "postgresql://" + PostgresServer.SUPERUSER + "@127.0.0.1:" + server().port() + "/" + database;
    }
}
