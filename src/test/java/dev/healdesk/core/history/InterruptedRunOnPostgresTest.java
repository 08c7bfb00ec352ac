package dev.healdesk.core.history;

/** Every test of {@link InterruptedRunTest} on a real PostgreSQL server (Debian's binaries, a free loopback port). */
class InterruptedRunOnPostgresTest extends InterruptedRunTest {

    @Override
    TestHistories.Backend backend() {
        return TestHistories.Backend.POSTGRESQL;
    }
}
