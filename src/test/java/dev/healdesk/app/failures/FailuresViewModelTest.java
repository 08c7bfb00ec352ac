package dev.healdesk.app.failures;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresViewModelTest {
    private final TestResult customers = Fixtures.failed("contracts/customers", "FATAL: remaining connection slots");
    private final TestResult orders = Fixtures.failed("modules/orders", "FATAL: remaining connection slots");
    private final TestResult login = Fixtures.failed("modules/login-page", "locator('#login-button') resolved to 0");
    private final FailureGroup db = Fixtures.dbPool(customers, orders);
    private final FailureGroup ui = Fixtures.selector(login);
    private final RunSummary run = Fixtures.summary("run-7",
            List.of(Fixtures.passed("health/api-health"), customers, orders, login),
            List.of(ui, db), List.of(Fixtures.skipped(db)));

    private final FailuresViewModel vm = new FailuresViewModel();

    @Test
    void eachRowNamesItsIncidentAndTheEvidenceForItsClass() {
        vm.show(run);
        for (var g : vm.groups()) {
            var incident = run.incidentOf(g.fingerprint()).orElseThrow();
            assertEquals(incident.title(), vm.incidentOf(g));
            assertEquals(incident.classEvidence(), vm.classEvidenceOf(g));
            assertTrue(vm.classEvidenceOf(g).startsWith("class " + g.fixClass()), vm.classEvidenceOf(g));
        }
    }

    @Test
    void whileARunGoesOnAGroupIsNamedByItsPatternUntilTheRunJoinsItsIncidents() {
        vm.accept(List.of(started("run-8", false), new RunEvent.FailureTriaged("run-8", db)));
        assertEquals("Connection pool exhausted — 2 tests (joined into incidents when the run ends)",
                vm.incidentOf(db));
    }

    @Test
    void beforeAnyRunTheScreenSaysWhereToGo() {
        assertTrue(vm.groups().isEmpty());
        assertNull(vm.detailProperty().get());
        assertTrue(vm.summaryTextProperty().get().contains("Run screen"));
    }

    @Test
    void showsOneRowPerFingerprintMostSevereFirstAndSelectsIt() {
        vm.show(run);
        assertEquals(List.of(db, ui), vm.groups());
        assertEquals(Category.DATABASE, vm.groups().get(0).category());
        assertEquals(FixClass.A, vm.groups().get(0).fixClass());
        assertEquals(FixClass.B, vm.groups().get(1).fixClass());
        assertEquals(db, vm.selectedProperty().get());
        assertEquals("run-7", vm.runIdProperty().get());
        assertEquals("Run run-7 · failing · first pass: 2 failure group(s), 3 failing test(s) of 4", vm.summaryTextProperty().get());
        assertEquals("contracts/customers, modules/orders", FailuresViewModel.testsOf(db));
        assertEquals("FATAL: remaining connection slots are reserved", FailuresViewModel.firstLine(db.message()));
    }

    @Test
    void theDetailHasTheFullMessageStackTestsAndTheRecordedDecision() {
        vm.show(run);
        FailureDetail d = vm.detailProperty().get();
        assertEquals("fp-db-1234", d.fingerprint());
        assertEquals(db.message(), d.message());
        assertEquals("at db.Pool.get\nat api.Customers", d.stackTop());
        assertEquals(List.of("contracts/customers", "modules/orders"), d.tests().stream().map(TestLine::id).toList());
        assertEquals(new TestLine("modules/orders", "—", "", false), d.tests().get(1), "no history: no rate");
        assertNull(d.flipNote());
        assertEquals("restart-db-pool", d.playbook());
        assertEquals(1, d.actions().size());
        assertTrue(d.actions().get(0).startsWith("restart-db-pool (class A): skipped"), d.actions().get(0));
        assertTrue(d.title().startsWith("database / high · class A"), d.title());
        assertEquals("skipped", vm.decisionOf(db));
        assertEquals("not proposed", vm.decisionOf(ui));

        vm.selectedProperty().set(ui);
        assertEquals("fp-ui-5678", vm.detailProperty().get().fingerprint());
        assertTrue(vm.detailProperty().get().actions().isEmpty());
    }

    @Test
    void whileARunGoesOnTheDecisionIsWhereItsProposalStandsInTheQueueAndAnotherRunsIsIgnored() {
        vm.accept(List.of(started("run-9", false), new RunEvent.FailureTriaged("run-9", db)));
        assertEquals(List.of(), vm.detailProperty().get().actions(), "nothing proposed yet");

        vm.liveProposals(List.of(new LiveProposal("run-8", db.fingerprint(), "old-playbook", "rejected"),
                new LiveProposal("run-9", db.fingerprint(), "restart-db-pool", "awaiting")));
        assertEquals(List.of("awaiting decision: restart-db-pool"), vm.detailProperty().get().actions());
        assertEquals("awaiting", vm.decisionOf(db));

        vm.liveProposals(List.of(new LiveProposal("run-9", db.fingerprint(), "restart-db-pool", "applying")));
        assertEquals(List.of("applying: restart-db-pool"), vm.detailProperty().get().actions());
        assertEquals("not proposed", vm.decisionOf(ui), "a group without a proposal");
    }

    @Test
    void aCleanRunEmptiesTheTable() {
        vm.show(run);
        vm.show(Fixtures.summary("run-8", List.of(Fixtures.passed("health/api-health")), List.of(), List.of()));
        assertTrue(vm.groups().isEmpty());
        assertNull(vm.selectedProperty().get());
        assertNull(vm.detailProperty().get());
        assertEquals("Run run-8 had no failures.", vm.summaryTextProperty().get());
    }

    // ---- Diagnoses ----------------------------------------------------------------------------

    private static RunEvent.RunStarted started(String runId, boolean skipLlm) {
        return new RunEvent.RunStarted(runId, "sandbox", List.of("contracts", "modules"),
                new RunOptions(Set.of("contracts", "modules"), false, skipLlm, 3, ApprovalPolicy.NONE, false),
                Fixtures.T0, 4);
    }

    private void runLive() {
        vm.accept(List.of(started("run-7", false), new RunEvent.FailureTriaged("run-7", ui),
                new RunEvent.FailureTriaged("run-7", db)));
    }

    @Test
    void groupsAppearAsTheRunTriagesThemMostSevereFirst() {
        vm.show(run);
        vm.accept(List.of(started("run-9", false)));
        assertTrue(vm.groups().isEmpty(), "a new run empties the screen");
        assertTrue(vm.summaryTextProperty().get().contains("run-9 is running"), vm.summaryTextProperty().get());

        vm.accept(List.of(new RunEvent.FailureTriaged("run-9", ui)));
        assertEquals(ui, vm.selectedProperty().get());
        vm.accept(List.of(new RunEvent.FailureTriaged("run-9", db)));
        assertEquals(List.of(db, ui), vm.groups());
        assertEquals(db, vm.selectedProperty().get(), "the most severe so far, while nobody picked one");
        assertEquals(DiagnosisDetail.State.NONE, vm.diagnosisProperty().get().state());
        assertTrue(vm.diagnosisProperty().get().reason().startsWith("Not diagnosed yet"));

        vm.selectedProperty().set(ui);
        FailureGroup critical = new FailureGroup("fp-net-1", new Classification("connection-refused",
                "Connection refused", Category.NETWORK, Severity.CRITICAL, FixClass.A, "restart-backend"),
                List.of(Fixtures.failed("health/api-health", "ECONNREFUSED")), "ECONNREFUSED", "");
        vm.accept(List.of(new RunEvent.FailureTriaged("run-9", critical)));
        assertEquals(List.of(critical, db, ui), vm.groups());
        assertEquals(ui, vm.selectedProperty().get(), "the operator's pick is kept");
    }

    @Test
    void aModelThatCannotBeReachedEndsTheAskingAndSaysWhyForEveryGroup() {
        runLive();
        vm.selectedProperty().set(db);
        vm.accept(List.of(new RunEvent.DiagnosisStarted("run-7", db.fingerprint(), "ollama", "llama3.2")));
        assertEquals(DiagnosisDetail.State.ASKING, vm.diagnosisProperty().get().state());

        vm.accept(List.of(new RunEvent.DiagnosisFailed("run-7", db.fingerprint(),
                "Ollama is not reachable at http://localhost:11434. Start it with 'ollama serve'.", true)));
        DiagnosisDetail none = vm.diagnosisProperty().get();
        assertEquals(DiagnosisDetail.State.NONE, none.state(), "no spinner while the run goes on without it");
        assertEquals("No diagnosis: Ollama is not reachable at http://localhost:11434. Start it with 'ollama serve'.",
                none.reason());
        vm.selectedProperty().set(ui);
        assertEquals(none.reason(), vm.diagnosisProperty().get().reason(), "the groups after it are not asked either");
    }

    @Test
    void theAnswerStreamsIntoTheGroupItIsAboutOnly() {
        runLive();
        vm.selectedProperty().set(db);
        vm.accept(List.of(new RunEvent.DiagnosisStarted("run-7", db.fingerprint(), "ollama", "llama3.2")));
        DiagnosisDetail asking = vm.diagnosisProperty().get();
        assertEquals(DiagnosisDetail.State.ASKING, asking.state());
        assertEquals("Asking llama3.2…", asking.heading());
        assertEquals("", asking.streamed());

        vm.accept(List.of(new RunEvent.DiagnosisToken("run-7", db.fingerprint(), "{\"root"),
                new RunEvent.DiagnosisToken("run-7", db.fingerprint(), "Cause\": \"The pool")));
        assertEquals("{\"rootCause\": \"The pool", vm.diagnosisProperty().get().streamed());

        vm.selectedProperty().set(ui);
        assertEquals(DiagnosisDetail.State.NONE, vm.diagnosisProperty().get().state(), "the other group has none");
        vm.accept(List.of(new RunEvent.DiagnosisToken("run-7", db.fingerprint(), " holds")));
        assertEquals("", vm.diagnosisProperty().get().streamed(), "tokens of another group do not show here");

        vm.selectedProperty().set(db);
        assertEquals("{\"rootCause\": \"The pool holds", vm.diagnosisProperty().get().streamed());
    }

    @Test
    void aFinishedDiagnosisShowsItsConfidenceWhereItDisagreesAndOffersItsPlaybook() {
        runLive();
        vm.selectedProperty().set(db);
        Diagnosis d = Fixtures.diagnosis(db.fingerprint(), 0.82, Category.NETWORK, FixClass.A,
                "terminate-idle-transactions");
        vm.accept(List.of(new RunEvent.DiagnosisStarted("run-7", db.fingerprint(), "ollama", "llama3.2"),
                new RunEvent.DiagnosisToken("run-7", db.fingerprint(), "{…}"), new RunEvent.Diagnosed("run-7", d)));

        DiagnosisDetail done = vm.diagnosisProperty().get();
        assertEquals(DiagnosisDetail.State.DONE, done.state());
        assertEquals(d, done.diagnosis());
        assertEquals("82 %", done.confidenceText());
        assertEquals("llama3.2 · ollama", done.heading());
        assertEquals("The model reads this as network / class A; triage said database / class A.",
                done.disagreement());
        assertTrue(vm.canUseSuggestedProperty().get());
        assertEquals("Use suggested playbook: terminate-idle-transactions", vm.useSuggestedTextProperty().get());
        assertEquals("restart-db-pool", vm.playbookProperty(db).get());
        assertFalse(vm.playbookChosen(db));

        vm.useSuggestedPlaybook();

        assertEquals("terminate-idle-transactions", vm.playbookOf(db));
        assertEquals("terminate-idle-transactions", vm.playbookProperty(db).get(), "the table's cell follows");
        assertTrue(vm.playbookChosen(db));
        assertEquals("terminate-idle-transactions — your choice, suggested by llama3.2 (triage proposed"
                + " restart-db-pool)", vm.detailProperty().get().playbook());
        assertFalse(vm.canUseSuggestedProperty().get(), "already the group's playbook");
        assertEquals("update-selector", vm.playbookOf(ui), "other groups keep theirs");

        vm.show(Fixtures.withDiagnoses(run, new LlmUsage("ollama", "llama3.2", 1, 0), Map.of(db.fingerprint(), d)));
        assertEquals(db, vm.selectedProperty().get(), "the end of the run keeps the selection");
        assertEquals("terminate-idle-transactions", vm.playbookOf(db), "and the choice made while it ran");
    }

    @Test
    void aSuggestionEqualToTriagesPlaybookOffersNothing() {
        runLive();
        vm.selectedProperty().set(db);
        vm.accept(List.of(new RunEvent.Diagnosed("run-7", Fixtures.diagnosis(db.fingerprint(), 0.9, Category.DATABASE,
                FixClass.A, "restart-db-pool").asCached())));

        DiagnosisDetail done = vm.diagnosisProperty().get();
        assertEquals(DiagnosisDetail.State.DONE, done.state(), "a cached diagnosis comes without DiagnosisStarted");
        assertTrue(done.diagnosis().cached());
        assertNull(done.disagreement());
        assertFalse(vm.canUseSuggestedProperty().get());
        vm.useSuggestedPlaybook();
        assertFalse(vm.playbookChosen(db));
    }

    @Test
    void aMalformedAnswerIsShownAsTextWithoutAConfidence() {
        runLive();
        vm.selectedProperty().set(db);
        Diagnosis bad = new Diagnosis(db.fingerprint(), "ollama", "llama3.2", null, 0, null, null, null, null,
                List.of(), true, "I think the database is unhappy.", "The answer was not a JSON object", Fixtures.T0,
                400, 12, 900, false);
        vm.accept(List.of(new RunEvent.Diagnosed("run-7", bad)));

        DiagnosisDetail done = vm.diagnosisProperty().get();
        assertTrue(done.diagnosis().malformed());
        assertEquals("", done.confidenceText());
        assertFalse(vm.canUseSuggestedProperty().get());
        assertEquals("No playbook suggested", vm.useSuggestedTextProperty().get());
    }

    @Test
    void aRunFromItsSummaryShowsItsDiagnosesOrWhyThereAreNone() {
        Diagnosis d = Fixtures.diagnosis(db.fingerprint(), 0.61, Category.DATABASE, FixClass.A, null);
        vm.show(Fixtures.withDiagnoses(run, new LlmUsage("ollama", "llama3.2", 1, 0), Map.of(db.fingerprint(), d)));
        assertEquals(DiagnosisDetail.State.DONE, vm.diagnosisProperty().get().state());
        assertEquals("61 %", vm.diagnosisProperty().get().confidenceText());
        vm.selectedProperty().set(ui);
        assertEquals("The model gave no diagnosis for this group.", vm.diagnosisProperty().get().reason());

        String down = "Ollama is not reachable at http://localhost:11434 (Connection refused). Start it with"
                + " 'ollama serve', or set OLLAMA_HOST to where it runs. Runs go on with pattern triage only.";
        vm.show(Fixtures.withDiagnoses(run, new LlmUsage("ollama", "llama3.2", 0, 0, 0, 0, 0, 1, down), Map.of()));
        assertEquals(down, vm.diagnosisProperty().get().reason());

        vm.show(run);
        assertEquals("This run skipped the LLM: pattern triage only.", vm.diagnosisProperty().get().reason());
        vm.accept(List.of(started("run-8", true), new RunEvent.FailureTriaged("run-8", db)));
        assertEquals("This run skips the LLM: pattern triage only.", vm.diagnosisProperty().get().reason());
    }

    // ---- Flip rates, flaky tests, artifacts ---------------------------------------------------

    /** {@link #run} with a flaky test, and the history's flip rates for the login test and one of the pool's. */
    private RunSummary withHistory(TestResult... flakyTests) {
        List<TestResult> results = new ArrayList<>(run.results());
        results.addAll(List.of(flakyTests));
        return Fixtures.summary("run-7", results, List.of(ui, db), List.of(Fixtures.skipped(db)))
                .withFlipRates(Map.of(login.id(), Fixtures.flipRate(login.id(), "PPFPF"),
                        customers.id(), Fixtures.flipRate(customers.id(), "PFFFF")));
    }

    @Test
    void theTableGivesEachFingerprintItsPooledFlipRateAndDashWhenTheHistoryKnowsNone() {
        vm.show(run);
        assertNull(vm.flipRateOf(db), "no history in this summary");
        assertEquals("—", FailuresViewModel.rateText(vm.flipRateOf(db)));

        vm.show(withHistory());
        FlipRate uiRate = vm.flipRateOf(ui);
        assertEquals("75 %", FailuresViewModel.rateText(uiRate), "3 flips over 4 changes of PPFPF");
        assertTrue(uiRate.flipping());
        assertEquals("3 flips in 5 runs", vm.flipsText(ui));
        FlipRate dbRate = vm.flipRateOf(db);
        assertEquals("25 %", FailuresViewModel.rateText(dbRate), "orders has no history; customers flipped once");
        assertFalse(dbRate.flipping());
        assertEquals("1 flip in 5 runs", vm.flipsText(db));

        vm.accept(List.of(started("run-8", false), new RunEvent.FailureTriaged("run-8", ui)));
        assertNull(vm.flipRateOf(ui), "a run in progress has no flip rates yet");
    }

    /**
     * Six stored runs in a real SQLite file, the login test failing in every second one, read back as the console
     * reads a stored run; with {@code fault} switched on by the operator in the failing runs.
     */
    private RunSummary loginFailingEverySecondRun(Path db, String fault) {
        try (var store = dev.healdesk.core.history.HistoryStore.open(db)) {
            for (int i = 0; i < 6; i++) {
                boolean failing = i % 2 == 1;
                RunSummary r = failing
                        ? Fixtures.summary("run-" + i, List.of(Fixtures.passed("health/api-health"), login),
                                List.of(ui), List.of())
                        : Fixtures.summary("run-" + i, List.of(Fixtures.passed("health/api-health"),
                                Fixtures.passed(login.id())), List.of(), List.of());
                store.saveRun(failing && fault != null ? r.withFaults(List.of(fault)) : r, null);
            }
            return dev.healdesk.core.report.StoredRuns.fromHistory(store, store.findRun("run-5").orElseThrow());
        }
    }

    @Test
    void aTestFailingOnlyWhileTheOperatorHadASandboxFaultOnIsNotBadgedAsFlipping(@TempDir Path dir) {
        vm.show(loginFailingEverySecondRun(dir.resolve("plain.db"), null));
        assertTrue(vm.flipRateOf(vm.groups().get(0)).flipping(), "without a fault on, failing every second run flips");

        vm.show(loginFailingEverySecondRun(dir.resolve("faults.db"), "selector-changed"));
        FailureGroup group = vm.groups().get(0);
        FlipRate rate = vm.flipRateOf(group);
        assertFalse(rate.flipping(), "each failure came with a fault the operator switched on");
        assertEquals(0, rate.flips());
        assertEquals("0 %", FailuresViewModel.rateText(rate));
        assertEquals(List.of(new TestLine(login.id(), "0 %", "PXPXPX", false)), vm.detailProperty().get().tests());
        assertNull(vm.detailProperty().get().flipNote());

        assertEquals("—", FailuresViewModel.rateText(Fixtures.flipRate(login.id(), "F")),
                "one run measures no rate: never a 0 % that nothing measured");
        assertEquals("—", FailuresViewModel.rateText(FlipRate.ofSeen(login.id(), List.of(
                new FlipRate.Seen(dev.healdesk.core.suite.TestStatus.FAILED, true)))), "only a run under a fault");
    }

    @Test
    void theDetailGivesEachTestItsRateAndRecentRunsAndWarnsWhenTheGroupFlips() {
        vm.show(withHistory());
        FailureDetail pool = vm.detailProperty().get();
        assertEquals(List.of(new TestLine(customers.id(), "25 %", "PFFFF", false),
                new TestLine(orders.id(), "—", "", false)), pool.tests());
        assertNull(pool.flipNote(), "the pool group does not flip often");

        vm.selectedProperty().set(ui);
        FailureDetail selector = vm.detailProperty().get();
        assertEquals(List.of(new TestLine(login.id(), "75 %", "PPFPF", true)), selector.tests());
        assertEquals("This failure flips: 3 flips in 5 runs — a fix may only look like it worked.",
                selector.flipNote());
    }

    @Test
    void flakyTestsAreListedApartAndCountedButNeverGrouped() {
        vm.show(run);
        assertTrue(vm.flaky().isEmpty());
        assertEquals("Run run-7 · failing · first pass: 2 failure group(s), 3 failing test(s) of 4", vm.summaryTextProperty().get());

        TestResult checkout = Fixtures.flaky("modules/checkout", "Timeout 5000ms exceeded\nwaiting for #pay", 2);
        vm.show(withHistory(checkout).withFlipRates(Map.of(checkout.id(), Fixtures.flipRate(checkout.id(), "PKPFP"))));
        assertEquals(List.of(new FlakyRow("modules/checkout", 2, "Timeout 5000ms exceeded", "75 %", true)),
                vm.flaky());
        assertEquals("2 retries", vm.flaky().get(0).retriesText());
        assertEquals("Run run-7 · failing · first pass: 2 failure group(s), 3 failing test(s) of 5 · 1 flaky (passed on a retry, not"
                + " healed)", vm.summaryTextProperty().get());
        assertTrue(vm.groups().stream().flatMap(g -> g.tests().stream()).noneMatch(t -> t.id().equals(checkout.id())),
                "a flaky test is in no failure group");

        vm.show(Fixtures.summary("run-8", List.of(Fixtures.passed("health/api-health"), checkout), List.of(),
                List.of()));
        assertEquals("Run run-8 had no failures · 1 flaky (passed on a retry, not healed)",
                vm.summaryTextProperty().get());
        assertEquals("—", vm.flaky().get(0).rateText());
        vm.accept(List.of(started("run-9", false)));
        assertTrue(vm.flaky().isEmpty(), "a new run starts without them");
    }

    @Test
    void theSelectedGroupsArtifactsAreSplitByKindAndCheckedOffTheCallingThread(@TempDir Path dir) throws Exception {
        Path shot = Files.writeString(dir.resolve("login-page.png"), "png");
        Path trace = Files.writeString(dir.resolve("trace.zip"), "zip");
        Path video = dir.resolve("video.webm");   // pruned: not there any more
        TestResult withFiles = Fixtures.withAttachments(login, video.toString(), trace.toString(), shot.toString());
        FailureGroup group = Fixtures.selector(withFiles);
        List<Runnable> queued = new ArrayList<>();
        RecordingOpener opener = new RecordingOpener();
        FailuresViewModel model = new FailuresViewModel(new PlaybookPicks(), opener, queued::add, FxBridge.direct());

        model.show(Fixtures.summary("run-7", List.of(withFiles), List.of(group), List.of()));
        assertEquals(List.of(), model.artifactsProperty().get(), "nothing until the worker has looked at the files");
        assertEquals(1, queued.size());
        queued.remove(0).run();

        List<Artifact> artifacts = model.artifactsProperty().get();
        assertEquals(List.of(new Artifact(login.id(), Artifact.Kind.SCREENSHOT, shot, true),
                new Artifact(login.id(), Artifact.Kind.TRACE, trace, true),
                new Artifact(login.id(), Artifact.Kind.VIDEO, video, false)), artifacts);

        model.openArtifact(artifacts.get(1));
        model.openArtifact(artifacts.get(0));
        assertEquals(List.of("trace " + trace, "show " + shot), opener.opened);

        model.selectedProperty().set(null);
        model.selectedProperty().set(group);
        model.selectedProperty().set(null);
        assertEquals(1, queued.size(), "only selecting the group asks the worker to look");
        queued.remove(0).run();
        assertEquals(List.of(), model.artifactsProperty().get(), "a check for a group no longer selected is dropped");
    }

    /** Records what would have been opened. */
    static final class RecordingOpener implements ArtifactOpener {
        final List<String> opened = new ArrayList<>();

        @Override
        public void show(Path file) {
            opened.add("show " + file);
        }

        @Override
        public void openTrace(Path trace) {
            opened.add("trace " + trace);
        }
    }
}
