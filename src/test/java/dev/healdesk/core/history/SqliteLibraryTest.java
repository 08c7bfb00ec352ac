package dev.healdesk.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQLite that sqlite-jdbc loads for a history file. Several Healdesk processes write one history at once (a
 * scheduled run, the console, CI shards: {@link SeveralWritersTest}), each with a write and a read connection in WAL
 * mode, and their commits checkpoint the WAL in turn. SQLite before 3.51.3 has a race there (its "WAL-reset bug",
 * present since 3.7.0): a checkpoint that starts right after another one completed, while a third connection's
 * commit resets the WAL, records frames as copied into the database file that are not, and readers then read stale
 * pages: "database disk image is malformed". The fix is only in SQLite's code, so the library must be that new.
 */
class SqliteLibraryTest {

    /** The first SQLite release with the WAL-reset fix. */
    private static final int[] WAL_RESET_FIXED = {3, 51, 3};

    @TempDir
    Path dir;

    @Test
    void theSqliteThatOpensAHistoryHasTheWalResetFix() throws Exception {
        TestHistories histories = new TestHistories(TestHistories.Backend.SQLITE, dir);
        histories.open("h").close();
        String version;
        try (Connection c = histories.connect("h"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            rs.next();
            version = rs.getString(1);
        }
        assertThat(atLeast(version, WAL_RESET_FIXED)).as("SQLite %s has the WAL-reset fix of 3.51.3", version).isTrue();
    }

    @Test
    void versionsCompareByTheirNumbersNotTheirText() {
        assertThat(atLeast("3.51.3", WAL_RESET_FIXED)).isTrue();
        assertThat(atLeast("3.53.0", WAL_RESET_FIXED)).isTrue();
        assertThat(atLeast("4.0.0", WAL_RESET_FIXED)).isTrue();
        assertThat(atLeast("3.51.2", WAL_RESET_FIXED)).isFalse();
        assertThat(atLeast("3.46.1", WAL_RESET_FIXED)).isFalse();
        assertThat(atLeast("3.9.0", WAL_RESET_FIXED)).as("9 < 51, though '9' > '5'").isFalse();
    }

    private static boolean atLeast(String version, int[] wanted) {
        String[] parts = version.split("\\.");
        for (int i = 0; i < wanted.length; i++) {
            int have = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            if (have != wanted[i]) {
                return have > wanted[i];
            }
        }
        return true;
    }
}
