package dev.healdesk.core.history;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryLocationTest {

    @Test
    void aPathIsASqliteFileAndAPostgresqlUrlAServerDatabase() {
        assertThat(HistoryLocation.parse("healing-results/healdesk.db", "HEALDESK_DB", Map.of()))
                .isEqualTo(HistoryLocation.sqlite(Path.of("healing-results/healdesk.db")));
        HistoryLocation.Postgres pg = (HistoryLocation.Postgres) HistoryLocation.parse(
                "postgresql://ci@db.internal:6543/healdesk?sslmode=require", "HEALDESK_DB", Map.of());
        assertThat(pg.host()).isEqualTo("db.internal");
        assertThat(pg.port()).isEqualTo(6543);
        assertThat(pg.database()).isEqualTo("healdesk");
        assertThat(pg.user()).isEqualTo("ci");
        assertThat(pg.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/healdesk?sslmode=require");
    }

    @Test
    void theUserComesFromTheUrlElsePguserAndThePasswordOnlyFromPgpassword() {
        Map<String, String> env = Map.of("PGUSER", "team", "PGPASSWORD", "s3cret-from-env");
        HistoryLocation.Postgres pg = (HistoryLocation.Postgres) HistoryLocation.parse(
                "postgres://db:5432/history", "HEALDESK_DB", env);
        assertThat(pg.user()).isEqualTo("team");
        assertThat(pg.password()).isEqualTo("s3cret-from-env");
        assertThat(pg.toString()).as("a record's toString would show the password").doesNotContain("s3cret")
                .isEqualTo("postgresql://team@db:5432/history");
        HistoryLocation.Postgres defaultPort = (HistoryLocation.Postgres) HistoryLocation.parse(
                "postgresql://alice@db/history", "HEALDESK_DB", env);
        assertThat(defaultPort.user()).as("the URL's user wins over PGUSER").isEqualTo("alice");
        assertThat(defaultPort.port()).isEqualTo(5432);
    }

    @Test
    void aUrlWithAPasswordIsRefusedNamingTheVariableToUseAndNeverRepeatingIt() {
        for (String url : new String[] {"postgresql://alice:hunter2-pw@db:5432/history",
                "postgresql://db:5432/history?user=alice&password=hunter2-pw"}) {
            assertThatThrownBy(() -> HistoryLocation.parse(url, "HEALDESK_DB", Map.of()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HEALDESK_DB").hasMessageContaining("PGPASSWORD")
                    .hasMessageContaining(".env")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
    }

    @Test
    void aUrlWithoutHostOrDatabaseSaysHowToWriteOne() {
        assertThatThrownBy(() -> HistoryLocation.parse("postgresql://db:5432/", "--to", Map.of()))
                .hasMessageContaining("--to").hasMessageContaining("postgresql://host:port/database");
    }
}
