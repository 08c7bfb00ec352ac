package dev.healdesk.core.history;

import dev.healdesk.testing.PostgresServer;
import dev.healdesk.testing.SharedPostgres;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The histories of one test, by name, on the backend the test runs against: a SQLite file in the test's folder, or a
 * database of its own on the shared real PostgreSQL server ({@link SharedPostgres}). The same name gives the same
 * history again (a test that closes and reopens it).
 */
final class TestHistories {

    enum Backend { SQLITE, POSTGRESQL }

    private final Backend backend;
    private final Path dir;
    private final Map<String, HistoryLocation> byName = new HashMap<>();

    TestHistories(Backend backend, Path dir) {
        this.backend = backend;
        this.dir = dir;
    }

    /** The history called {@code name}: made (empty) on first use. */
    HistoryLocation location(String name) {
        return byName.computeIfAbsent(name, n -> backend == Backend.SQLITE ? HistoryLocation.sqlite(dir.resolve(n + ".db"))
                : HistoryLocation.parse(SharedPostgres.healdeskUrl(SharedPostgres.newDatabase()), "test",
                Map.of(HistoryLocation.PASSWORD_ENV, PostgresServer.SUPERUSER_PASSWORD)));
    }

    /** A plain JDBC connection to the history called {@code name}, to look at or change its rows behind the store. */
    java.sql.Connection connect(String name) throws java.sql.SQLException {
        HistoryLocation location = location(name);
        if (location instanceof HistoryLocation.Postgres pg) {
            return SharedPostgres.server().superuser(pg.database());
        }
        return java.sql.DriverManager.getConnection("jdbc:sqlite:" + ((HistoryLocation.SqliteFile) location).file());
    }

    HistoryStore open(String name) {
        return HistoryStore.open(location(name));
    }
}
