package dev.healdesk.core.history;

import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a shared history (a real SQLite file, a real PostgreSQL database) a run whose machine never comes back does not
 * stay {@code running} for ever: its process beats every {@link HistoryStore#HEARTBEAT}; once it has been silent for
 * longer than {@link HistoryStore#SILENCE}, any store, another machine's, marks it interrupted and says why; a run that
 * beats is left alone; and a process that comes back after it was given up on stores its whole run, counted once.
 */
class SilentRunTest {

    @TempDir
    Path dir;

    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aRunWhoseMachineWentSilentIsInterruptedByAnotherMachinesStoreSayingSince(TestHistories.Backend backend)
            throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        RunSummary run = RunSummaries.withResults("run-on-laptop", START, 1, 1);
        try (HistoryStore laptop = open(histories, "laptop-a")) {
            begin(laptop, run);
            Instant lastSign = Instant.now().minus(Duration.ofMinutes(12)).truncatedTo(ChronoUnit.SECONDS);
            setHeartbeat(histories, run.runId(), lastSign);

            try (HistoryStore desk = open(histories, "desk-b")) {
                RunRow row = desk.findRun(run.runId()).orElseThrow();
                assertThat(row.state()).as("given up on when the desk's store opened").isEqualTo(RunRow.INTERRUPTED);
                assertThat(row.interruptedWhy()).isEqualTo("no sign of life from laptop-a since " + lastSign);
                assertThat(row.outcome().note()).startsWith("no sign of life from laptop-a since " + lastSign);
                assertThat(row.testsRun()).as("the results it kept").isEqualTo(2);
                assertThat(row.testsFailed()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aRunThatBeatsIsLeftRunningAndItsHeartbeatMovesOn(TestHistories.Backend backend) throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        RunSummary run = RunSummaries.withResults("run-going-on", START, 1, 1);
        try (HistoryStore laptop = open(histories, "laptop-a")) {
            begin(laptop, run);
            Instant recent = Instant.now().minus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MILLIS);
            setHeartbeat(histories, run.runId(), recent);
            try (HistoryStore desk = open(histories, "desk-b")) {
                assertThat(desk.heartbeat(Instant.now())).as("nothing silent for five minutes").isEmpty();
                assertThat(desk.findRun(run.runId()).orElseThrow().state()).isEqualTo(RunRow.RUNNING);

                Instant beat = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                laptop.heartbeat(beat);
                assertThat(desk.findRun(run.runId()).orElseThrow().heartbeatAt()).isEqualTo(beat);
                // ten minutes on, had it beaten no more, the desk would give up on it; it beat at `beat`
                assertThat(desk.heartbeat(beat.plus(Duration.ofMinutes(4)))).isEmpty();
                assertThat(desk.heartbeat(beat.plus(HistoryStore.SILENCE).plusSeconds(1)))
                        .containsExactly(run.runId());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestHistories.Backend.class)
    void aProcessThatComesBackAfterItWasGivenUpOnStoresItsWholeRunCountedOnce(TestHistories.Backend backend)
            throws Exception {
        TestHistories histories = new TestHistories(backend, dir);
        RunSummary run = RunSummaries.withResults("run-after-sleep", START, 3, 1);
        try (HistoryStore laptop = open(histories, "laptop-a"); HistoryStore desk = open(histories, "desk-b")) {
            begin(laptop, run);
            setHeartbeat(histories, run.runId(), Instant.now().minus(Duration.ofMinutes(30)));
            assertThat(desk.heartbeat(Instant.now())).containsExactly(run.runId());
            assertThat(desk.findRun(run.runId()).orElseThrow().interrupted()).isTrue();
            assertThat(dayRuns(desk)).as("the interrupted run counted in its day").isEqualTo(1);

            laptop.saveRun(run, null);   // the laptop wakes up and finishes

            RunRow row = desk.findRun(run.runId()).orElseThrow();
            assertThat(row.state()).isEqualTo(RunRow.FINISHED);
            assertThat(row.interruptedWhy()).isNull();
            assertThat(row.testsRun()).isEqualTo(4);
            assertThat(desk.testsOf(run.runId())).as("its results once each").hasSize(4);
            assertThat(desk.countRuns()).isEqualTo(1);
            assertThat(dayRuns(desk)).as("the whole run counted once in its day").isEqualTo(1);
        }
    }

    private static int dayRuns(HistoryStore store) {
        List<HistoryQueries.TrendPoint> trend = store.trend(null, START.truncatedTo(ChronoUnit.DAYS),
                START.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
        return trend.stream().mapToInt(HistoryQueries.TrendPoint::runs).sum();
    }

    private static HistoryStore open(TestHistories histories, String machine) {
        return HistoryStore.open(histories.location("shared"), new Provenance(machine, "ana", Provenance.Origin.CLI));
    }

    /** The run's row as a run begins it, and its results as they finish. */
    private static void begin(HistoryStore store, RunSummary run) {
        store.beginRun(run.runId(), run.target(), run.projects(), false, run.startedAt(), null);
        run.results().subList(0, 2).forEach(r -> store.appendResult(run.runId(), r));
    }

    /** What a machine that stopped beating at {@code at} leaves behind. */
    private static void setHeartbeat(TestHistories histories, String runId, Instant at) throws Exception {
        try (Connection c = histories.connect("shared");
             PreparedStatement ps = c.prepareStatement("UPDATE runs SET heartbeat_at = ? WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            ps.setString(2, runId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
