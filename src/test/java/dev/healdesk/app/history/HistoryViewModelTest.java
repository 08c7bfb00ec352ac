package dev.healdesk.app.history;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.failures.ArtifactOpener;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.AuditEntry;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.report.ReportWriter;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.run.RunSummaries;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history screen's models over a real history database: shop passes on day 0, fails on the pool on day 1 (healed
 * by restart-db-pool, verified), fails again on day 2 with the login button gone too, and is healthy on day 3; crm
 * runs once on day 3. Everything runs on the calling thread.
 */
class HistoryViewModelTest {
    static final Instant DAY0 = Fixtures.T0;

    @TempDir
    Path dir;
    HistoryStore store;
    final Fixtures.RecordingDialogs dialogs = new Fixtures.RecordingDialogs();
    final List<Path> revealed = new ArrayList<>();
    HistoryViewModel vm;

    final TestResult customersFailed = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
    final TestResult loginFailed = Fixtures.failed("modules/login-page", "locator('#login-button') resolved to 0");
    final FailureGroup pool = Fixtures.dbPool(customersFailed);

    @BeforeEach
    void history() {
        store = HistoryStore.open(dir.resolve("healdesk.db"));
        fill(store, dir, pool, customersFailed, loginFailed);
        vm = new HistoryViewModel(() -> store, Runnable::run, FxBridge.direct(), dialogs, opener(revealed),
                dir.resolve("results"), Clock.fixed(DAY0.plus(Duration.ofDays(3)).plusSeconds(600), ZoneOffset.UTC),
                ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        vm.dispose();
        store.close();
    }

    /** The five runs of the class comment, and a diagnosis and an audit trail for run-1. */
    static void fill(HistoryStore store, Path dir, FailureGroup pool, TestResult customersFailed,
                     TestResult loginFailed) {
        TestResult customers = Fixtures.passed("contracts/customers");
        TestResult login = Fixtures.passed("modules/login-page");
        FailureGroup ui = Fixtures.selector(loginFailed);
        ActionRecord healed = new ActionRecord(pool.fingerprint(), "restart-db-pool", FixClass.A, Decision.AUTO, true,
                true, true, "pool restarted; health green", 1_200);
        store.saveRun(at(Fixtures.summary("run-0", List.of(customers, login), List.of(), List.of()), "shop", 0),
                dir.resolve("run-0"));
        store.saveRun(at(Fixtures.summary("run-1", List.of(customersFailed, login), List.of(pool), List.of(healed)),
                "shop", 1), dir.resolve("run-1"));
        store.saveRun(at(Fixtures.summary("run-2", List.of(customersFailed, loginFailed), List.of(pool, ui),
                List.of(Fixtures.skipped(pool))), "shop", 2), dir.resolve("run-2"));
        store.saveRun(at(Fixtures.summary("run-3", List.of(customers, login), List.of(), List.of()), "shop", 3),
                dir.resolve("run-3"));
        store.saveRun(at(Fixtures.summary("run-crm", List.of(Fixtures.passed("health/api-health")), List.of(),
                List.of()), "crm", DAY0.plus(Duration.ofDays(3)).plusSeconds(60)), null);
        store.saveDiagnosis(Fixtures.diagnosis(pool.fingerprint(), 0.82, Category.DATABASE, FixClass.A,
                "restart-db-pool"), "db-pool-exhausted", "database");
        store.appendAudit(new AuditEntry("run-1", DAY0.plus(Duration.ofDays(1)), "decided", pool.fingerprint(),
                "restart-db-pool", "policy", "auto", "class A fixes run automatically"));
    }

    /** {@code run} on {@code target}, started {@code day} days after {@link #DAY0}. */
    static RunSummary at(RunSummary run, String target, int day) {
        return at(run, target, DAY0.plus(Duration.ofDays(day)));
    }

    static RunSummary at(RunSummary run, String target, Instant start) {
        return new RunSummary(run.runId(), target, run.projects(), run.dryRun(), start, start.plusSeconds(5),
                run.status(), run.status(), run.healthScore(), run.testsRun(), run.testsPassed(), run.testsFailed(),
                run.flaky(), run.results(), run.failures(), run.actions(), run.llm(), run.diagnoses(),
                run.cancelled());
    }

    static ArtifactOpener opener(List<Path> revealed) {
        return new ArtifactOpener() {
            @Override
            public void show(Path file) {
                revealed.add(file);
            }

            @Override
            public void openTrace(Path trace) {
                throw new AssertionError("no trace here");
            }
        };
    }

    private List<String> ids() {
        return vm.runs().stream().map(RunRow::runId).toList();
    }

    @Test
    void listsRunsNewestFirstWithTheSelectedRunsTestsGroupsDiagnosesAndDecisions() {
        vm.refresh();

        assertThat(ids()).containsExactly("run-crm", "run-3", "run-2", "run-1", "run-0");
        assertThat(vm.pageTextProperty().get()).isEqualTo("runs 1–5 of 5");
        assertThat(vm.latestProperty().get().runId()).isEqualTo("run-crm");
        assertThat(vm.targets()).containsExactly("all", "crm", "shop");
        assertThat(vm.projects()).containsExactly("all", "contracts", "health", "modules");
        assertThat(vm.selectedProperty().get().runId()).isEqualTo("run-crm");

        vm.selectedProperty().set(vm.runs().get(3));
        assertThat(vm.runTextProperty().get()).startsWith("run-1 · failing");
        assertThat(vm.tests()).extracting(t -> t.testId() + " " + t.status())
                .containsExactly("contracts/customers failed", "modules/login-page passed");
        assertThat(vm.failures()).hasSize(1).first().satisfies(f -> {
            assertThat(f.category()).isEqualTo("database");
            assertThat(vm.diagnosisOf(f).rootCause()).isEqualTo("The pool holds idle transactions");
            assertThat(vm.diagnosisOf(f).confidence()).isEqualTo(0.82);
        });
        assertThat(vm.actions()).hasSize(1).first().satisfies(a -> {
            assertThat(a.playbook()).isEqualTo("restart-db-pool");
            assertThat(a.decision()).isEqualTo("auto");
            assertThat(a.verified()).isTrue();
        });
        assertThat(vm.audit()).extracting(AuditEntry::stage).containsExactly("decided");

        vm.refresh();
        assertThat(vm.selectedProperty().get().runId()).as("a refresh keeps the selection").isEqualTo("run-1");
        assertThat(vm.tests()).as("and its detail").hasSize(2);
    }

    @Test
    void filtersByStatusDatesProjectTargetAndTextAndCountsWhatMatches() {
        vm.refresh();
        vm.statusFilterProperty().set("failing");
        assertThat(ids()).containsExactly("run-2", "run-1");
        assertThat(vm.pageTextProperty().get()).isEqualTo("runs 1–2 of 2");
        assertThat(vm.statusTextProperty().get()).isEqualTo("2 of 5 run(s) match the filters");
        assertThat(vm.selectedProperty().get().runId()).as("the selection follows the list").isEqualTo("run-2");

        vm.statusFilterProperty().set(HistoryViewModel.ALL);
        vm.fromProperty().set(LocalDate.ofInstant(DAY0, ZoneOffset.UTC).plusDays(1));
        vm.toProperty().set(LocalDate.ofInstant(DAY0, ZoneOffset.UTC).plusDays(2));
        assertThat(ids()).as("both days included").containsExactly("run-2", "run-1");

        vm.clearFilters();
        vm.targetFilterProperty().set("crm");
        assertThat(ids()).containsExactly("run-crm");
        vm.targetFilterProperty().set(HistoryViewModel.ALL);
        vm.projectFilterProperty().set("health");
        assertThat(ids()).containsExactly("run-crm");
        vm.projectFilterProperty().set(HistoryViewModel.ALL);

        vm.searchProperty().set("login-button");
        assertThat(ids()).as("a failure message").containsExactly("run-2");
        vm.searchProperty().set("nothing like this");
        assertThat(ids()).isEmpty();
        assertThat(vm.pageTextProperty().get()).isEqualTo("no runs");
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.tests()).isEmpty();
    }

    @Test
    void aSharedHistoryFiltersByOperatorAndMachine() {
        // another operator's workstation records two runs into the same history (as a team's PostgreSQL one)
        try (HistoryStore bob = HistoryStore.open(HistoryLocation.sqlite(dir.resolve("healdesk.db")),
                new Provenance("ws-bob", "bob", Provenance.Origin.CONSOLE))) {
            bob.saveRun(at(RunSummaries.withResults("run-bob-1", DAY0, 3, 0), "shop", DAY0.plusSeconds(60)), null);
            bob.saveRun(at(RunSummaries.withResults("run-bob-2", DAY0, 2, 1), "crm", DAY0.plusSeconds(120)), null);
        }
        vm.refresh();
        assertThat(vm.operators()).contains("all", "bob").hasSize(3);
        assertThat(vm.machines()).contains("all", "ws-bob").hasSize(3);

        vm.operatorFilterProperty().set("bob");
        assertThat(ids()).containsExactly("run-bob-2", "run-bob-1");
        assertThat(vm.runs()).allSatisfy(r -> assertThat(r.origin()).isEqualTo("console"));
        vm.targetFilterProperty().set("crm");
        assertThat(ids()).containsExactly("run-bob-2");

        vm.clearFilters();
        assertThat(vm.operatorFilterProperty().get()).isEqualTo(HistoryViewModel.ALL);
        String here = vm.machines().stream().filter(m -> !m.equals("all") && !m.equals("ws-bob")).findFirst()
                .orElseThrow();
        vm.machineFilterProperty().set(here);
        assertThat(ids()).containsExactly("run-crm", "run-3", "run-2", "run-1", "run-0");
        vm.machineFilterProperty().set("ws-bob");
        assertThat(ids()).containsExactly("run-bob-2", "run-bob-1");
    }

    @Test
    void pagesTwoHundredRunsAtATime(@TempDir Path other) {
        try (HistoryStore big = HistoryStore.open(other.resolve("big.db"))) {
            for (int i = 0; i < 205; i++) {
                big.saveRun(at(Fixtures.summary(String.format("run-%03d", i),
                        List.of(Fixtures.passed("health/api-health")), List.of(), List.of()), "shop",
                        DAY0.plusSeconds(i)), null);
            }
            HistoryViewModel paged = new HistoryViewModel(() -> big, Runnable::run, FxBridge.direct(), dialogs,
                    opener(revealed), other, Clock.systemUTC(), ZoneOffset.UTC);
            paged.refresh();
            assertThat(paged.runs()).hasSize(HistoryViewModel.PAGE);
            assertThat(paged.runs().get(0).runId()).isEqualTo("run-204");
            assertThat(paged.pageTextProperty().get()).isEqualTo("runs 1–200 of 205");
            assertThat(paged.hasPreviousProperty().get()).isFalse();
            assertThat(paged.hasNextProperty().get()).isTrue();

            paged.nextPage();
            assertThat(paged.runs()).extracting(RunRow::runId)
                    .containsExactly("run-004", "run-003", "run-002", "run-001", "run-000");
            assertThat(paged.pageTextProperty().get()).isEqualTo("runs 201–205 of 205");
            assertThat(paged.hasNextProperty().get()).isFalse();
            paged.nextPage();
            assertThat(paged.pageTextProperty().get()).as("no page past the end").isEqualTo("runs 201–205 of 205");

            paged.previousPage();
            assertThat(paged.runs().get(0).runId()).isEqualTo("run-204");
            paged.nextPage();
            paged.statusFilterProperty().set("healthy");
            assertThat(paged.pageTextProperty().get()).as("a filter starts at the first page")
                    .isEqualTo("runs 1–200 of 205");
            paged.dispose();
        }
    }

    @Test
    void aTestFailingInBothRunsForAnotherReasonReadsFailingForANewReasonNotStillFailing() {
        // on "web": the login test fails on the exhausted pool, then on the changed page (another fingerprint); the
        // customers test fails on the pool both times
        TestResult loginOnPool = Fixtures.failed("modules/login-page", "FATAL: remaining connection slots");
        store.saveRun(at(Fixtures.summary("run-w1", List.of(customersFailed, loginOnPool),
                List.of(Fixtures.dbPool(customersFailed, loginOnPool)), List.of()), "web", 4), null);
        store.saveRun(at(Fixtures.summary("run-w2", List.of(customersFailed, loginFailed),
                List.of(pool, Fixtures.selector(loginFailed)), List.of()), "web", 5), null);
        vm.refresh();
        vm.selectedProperty().set(vm.runs().stream().filter(r -> r.runId().equals("run-w2")).findFirst()
                .orElseThrow());
        vm.compareWithPrevious();

        HistoryQueries.Comparison c = vm.comparisonProperty().get();
        assertThat(c.earlierRunId()).isEqualTo("run-w1");
        assertThat(c.newReason()).containsExactly("modules/login-page");
        assertThat(c.stillFailing()).containsExactly("contracts/customers");
        assertThat(c.newFailures()).isEmpty();
        assertThat(vm.comparisonTextProperty().get()).isEqualTo(
                "run-w1 → run-w2 (web): 0 new failure(s), 0 fixed, 1 still failing, 1 failing for a new reason");
    }

    @Test
    void comparesTwoPickedRunsEarlierFirstAndARunWithThePreviousOfItsTarget() {
        vm.refresh();
        RunRow run1 = vm.runs().get(3);
        RunRow run3 = vm.runs().get(1);
        vm.compare(run3, run1);
        assertThat(vm.comparisonProperty().get().earlierRunId()).isEqualTo("run-1");
        assertThat(vm.comparisonProperty().get().fixed()).containsExactly("contracts/customers");
        assertThat(vm.comparisonProperty().get().newFailures()).isEmpty();

        vm.selectedProperty().set(vm.runs().get(2));   // run-2
        vm.compareWithPrevious();
        assertThat(vm.comparisonProperty().get().earlierRunId()).isEqualTo("run-1");
        assertThat(vm.comparisonProperty().get().newFailures()).containsExactly("modules/login-page");
        assertThat(vm.comparisonProperty().get().stillFailing()).containsExactly("contracts/customers");
        assertThat(vm.comparisonTextProperty().get())
                .isEqualTo("run-1 → run-2 (shop): 1 new failure(s), 0 fixed, 1 still failing");

        vm.selectedProperty().set(vm.runs().get(0));   // run-crm, crm's only run
        vm.compareWithPrevious();
        assertThat(vm.comparisonProperty().get()).isNull();
        assertThat(vm.comparisonTextProperty().get()).contains("first recorded run of crm");
    }

    @Test
    void exportsTheSelectedRunsReportAndRevealsItsFolder() throws Exception {
        vm.refresh();
        vm.selectedProperty().set(vm.runs().get(2));   // run-2, whose folder is gone: written to the results folder
        vm.export(ReportWriter.Format.HTML);

        Path written = dir.resolve("results").resolve("run-2-report.html");
        assertThat(written).isRegularFile();
        assertThat(Files.readString(written)).contains("run-2").contains("modules/login-page");
        assertThat(vm.exportedProperty().get()).isEqualTo(written);
        assertThat(vm.exportTextProperty().get()).startsWith("Wrote " + written.toAbsolutePath())
                .contains("rebuilt from the history");
        assertThat(revealed).containsExactly(written.toAbsolutePath().getParent());
        assertThat(vm.exportingProperty().get()).isFalse();
        assertThat(dialogs.shown).isEmpty();

        vm.export(ReportWriter.Format.JUNIT);
        assertThat(dir.resolve("results").resolve("run-2-report-junit.xml")).isRegularFile();
        vm.selectedProperty().set(vm.runs().get(1));
        assertThat(vm.exportTextProperty().get()).as("another run: the old path goes").isEmpty();
    }

    @Test
    void aReportThatCannotBeWrittenIsADialog() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("results-file"), "x");
        HistoryViewModel broken = new HistoryViewModel(() -> store, Runnable::run, FxBridge.direct(), dialogs,
                opener(revealed), notAFolder, Clock.systemUTC(), ZoneOffset.UTC);
        broken.refresh();
        broken.export(ReportWriter.Format.MD);
        assertThat(dialogs.shown).hasSize(1).first().asString().contains("Cannot write the report of run-crm");
        assertThat(revealed).isEmpty();
        assertThat(broken.exportedProperty().get()).isNull();
        assertThat(broken.exportingProperty().get()).as("the button comes back").isFalse();
        broken.dispose();
    }

    @Test
    void trendsAndMetricsCoverTheChosenRange() {
        vm.refresh();
        TrendsViewModel trends = vm.trends();
        assertThat(trends.points()).extracting(p -> p.day().toString())
                .containsExactly("2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05");
        assertThat(trends.points().get(1).passRate()).isEqualTo(50.0);
        assertThat(trends.points().get(3).timeToHealthyMs()).as("failing from day 1 to healthy on day 3")
                .isEqualTo(Duration.ofDays(2).toMillis());
        assertThat(trends.metricsProperty().get().runs()).isEqualTo(5);
        assertThat(trends.metricsProperty().get().autoFixSuccessRate()).isEqualTo(100.0);
        assertThat(trends.firstDayProperty().get()).isEqualTo(LocalDate.parse("2024-12-07"));
        assertThat(trends.statusTextProperty().get()).isEqualTo("5 run(s) on 4 of the last 30 days");
        assertThat(TrendsViewModel.duration(Duration.ofDays(2).toMillis())).isEqualTo("2.0 days");
        assertThat(TrendsViewModel.duration(Duration.ofMinutes(210).toMillis())).isEqualTo("3.5 h");
        assertThat(TrendsViewModel.duration(14_000)).isEqualTo("14 s");
        assertThat(TrendsViewModel.duration(-1)).isEqualTo("—");

        trends.rangeProperty().set(TrendsViewModel.Range.DAYS_365);
        assertThat(trends.firstDayProperty().get()).isEqualTo(LocalDate.parse("2024-01-07"));
        assertThat(trends.points()).hasSize(4);
    }

    @Test
    void recurringFingerprintsListTheirRunsAndTheLastFixThatWorked() {
        vm.refresh();
        RecurringViewModel recurring = vm.recurring();
        assertThat(recurring.rows()).extracting(r -> r.fingerprint().fingerprint())
                .containsExactly(pool.fingerprint(), "fp-ui-5678");
        assertThat(recurring.rows().get(0).fingerprint().occurrences()).isEqualTo(2);
        assertThat(recurring.rows().get(0).lastWorkingFix()).isEqualTo("restart-db-pool");
        assertThat(recurring.selectedProperty().get()).isEqualTo(recurring.rows().get(0));
        assertThat(recurring.occurrences()).extracting(o -> o.runId() + " " + o.playbook() + " " + o.verified())
                .containsExactly("run-2 restart-db-pool false", "run-1 restart-db-pool true");
        recurring.selectedProperty().set(recurring.rows().get(1));
        assertThat(recurring.occurrences()).extracting(o -> o.runId()).containsExactly("run-2");
    }
}
