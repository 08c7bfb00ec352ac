package dev.healdesk.core.history;

/** Every test of {@link FlipRateHistoryTest} on a real PostgreSQL server (Debian's binaries, a free loopback port). */
class FlipRateHistoryOnPostgresTest extends FlipRateHistoryTest {

    @Override
    TestHistories.Backend backend() {
        return TestHistories.Backend.POSTGRESQL;
    }
}
