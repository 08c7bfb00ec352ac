package dev.healdesk.core.history;

/** Every test of {@link HistoryQueriesTest} on a real PostgreSQL server (Debian's binaries, a free loopback port). */
class HistoryQueriesOnPostgresTest extends HistoryQueriesTest {

    @Override
    TestHistories.Backend backend() {
        return TestHistories.Backend.POSTGRESQL;
    }
}
