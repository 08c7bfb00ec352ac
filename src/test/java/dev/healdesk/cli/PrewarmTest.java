package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short commands' early set-up on a second thread ({@link Prewarm}): which steps a command starts, and that they
 * end without leaving anything behind or anything the main thread would then find otherwise.
 */
class PrewarmTest {

    @TempDir
    Path dir;

    @Test
    void aSqliteHistoryStartsItsDriverFirstOnBothThreadsAndAServerHistoryDoesNot() {
        StoredHistory file = new StoredHistory();
        file.db = dir.resolve("h.db").toString();
        assertArrayEquals(new Prewarm.Step[] {Prewarm.Step.SQLITE, Prewarm.Step.REDACTOR},
                file.prewarm(Prewarm.Step.REDACTOR));
        assertArrayEquals(new Prewarm.Step[] {Prewarm.Step.SQLITE}, file.prewarm());
        assertArrayEquals(new Prewarm.Step[] {Prewarm.Step.SQLITE_SETTINGS, Prewarm.Step.DIGEST},
                file.prewarmSettings(Prewarm.Step.DIGEST));
        assertArrayEquals(new Prewarm.Step[] {Prewarm.Step.SQLITE_SETTINGS}, file.prewarmSettings());

        StoredHistory server = new StoredHistory();
        server.db = "postgresql://db.example:5432/healdesk";
        assertArrayEquals(new Prewarm.Step[] {Prewarm.Step.REDACTOR}, server.prewarm(Prewarm.Step.REDACTOR));
        assertEquals(0, server.prewarm().length);
        assertArrayEquals(new Prewarm.Step[] {Prewarm.Step.DIGEST}, server.prewarmSettings(Prewarm.Step.DIGEST));
        assertEquals(0, server.prewarmSettings().length);
    }

    @Test
    void everyStepEndsOnItsDaemonThreadAndTheHistoryOpensAfter() throws Exception {
        Thread t = Prewarm.start(Prewarm.Step.values());
        assertTrue(t.isDaemon(), "a command that ends first must not wait for it");
        t.join(60_000);
        assertFalse(t.isAlive(), "the steps did not end within a minute");

        Path db = dir.resolve("healdesk.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(0, store.listRuns(10, 0).size());
        }
        assertTrue(Files.isRegularFile(db));
    }

    @Test
    void theDriversTwoThreadsEndSideBySideAndTheHistoryOpensAfter() throws Exception {
        // what history and report start: the library on one thread, the connection settings on the other, at once
        Thread library = Prewarm.start(Prewarm.Step.SQLITE);
        Thread settings = Prewarm.start(Prewarm.Step.SQLITE_SETTINGS, Prewarm.Step.DIGEST);
        library.join(60_000);
        settings.join(60_000);
        assertFalse(library.isAlive() || settings.isAlive(), "the steps did not end within a minute");

        Path db = dir.resolve("both.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            assertEquals(0, store.listRuns(10, 0).size());
        }
    }

    @Test
    void theDriversWarmUpWritesNoFile() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        HistoryStore.prepareSqliteSettings();
        HistoryStore.prepareSqlite();
        HistoryStore.prepareSqlite();
        assertFalse(Files.exists(cwd.resolve(":memory:")), "the warm-up's database must be in memory, not a file");
    }
}
