package dev.healdesk.app.failures;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.Collectors;

/**
 * The failures screen: the failure groups of the run in progress or the last one (one per fingerprint), the
 * selected one, and the detail shown for it: the playbook proposal and decision recorded in the run's actions, and
 * the model's diagnosis, streamed in while the run asks for it.
 * <p>
 * The operator may take the playbook a diagnosis suggests instead of triage's; that choice is kept per
 * fingerprint for the run on screen and shown in the table and the detail.
 * <p>
 * A finished run also brings each test's flip rate from the history (shown per fingerprint in the table and per test
 * in the detail), its flaky tests (failed, then passed on a retry: listed apart, never healed), and the artifacts its
 * failing tests left (screenshots, traces, videos), whose files are checked on the worker.
 */
public final class FailuresViewModel {
    /** Most severe first, then the larger group. */
    private static final Comparator<FailureGroup> ORDER = Comparator.comparing(FailureGroup::severity)
            .thenComparing(Comparator.comparingInt(FailureGroup::count).reversed());

    private final ObservableList<FailureGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<FailureGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObjectProperty<FailureGroup> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<FailureDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyObjectWrapper<DiagnosisDetail> diagnosis = new ReadOnlyObjectWrapper<>(this, "diagnosis");
    private final ReadOnlyBooleanWrapper canUseSuggested = new ReadOnlyBooleanWrapper(this, "canUseSuggested");
    private final ReadOnlyStringWrapper useSuggestedText = new ReadOnlyStringWrapper(this, "useSuggestedText", "");
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId", "");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText",
            "No run yet in this session. Start one on the Run screen; past runs are under History.");
    private final Map<String, List<ActionRecord>> actionsByFingerprint = new HashMap<>();
    /** The Playbooks queue's proposals, any run's; only those of the run on screen are shown. */
    private List<LiveProposal> live = List.of();
    private final Map<String, Asked> asked = new HashMap<>();
    /** The playbooks the operator took from a diagnosis, which the run's executor proposes. */
    private final PlaybookPicks picks;
    private final Map<String, ReadOnlyStringWrapper> playbookCells = new HashMap<>();
    /** The run on screen's flip rates by test id, and pooled by fingerprint; empty while a run is in progress. */
    private final Map<String, FlipRate> flipRates = new HashMap<>();
    private final Map<String, FlipRate> groupFlipRates = new HashMap<>();
    /** Fingerprint → the incident (issue 13: one cause of the run's failures) it belongs to. */
    private final Map<String, dev.healdesk.core.triage.Incident> incidentByFingerprint = new HashMap<>();
    private final ObservableList<FlakyRow> flaky = FXCollections.observableArrayList();
    private final ObservableList<FlakyRow> flakyView = FXCollections.unmodifiableObservableList(flaky);
    private final ReadOnlyObjectWrapper<List<Artifact>> artifacts = new ReadOnlyObjectWrapper<>(this, "artifacts",
            List.of());
    private final ArtifactOpener opener;
    private final Executor worker;
    private final FxBridge bridge;
    /** Counts selections, so that a file check finishing after the selection moved on is dropped. */
    private long artifactCheck;
    private final Subscription selectionWatch;
    /** Why a group has no diagnosis, for the run on screen. */
    private String noDiagnosis = "";
    /** Why a group asked of the model got no diagnosis, by fingerprint, for the run on screen. */
    private final Map<String, String> failedDiagnoses = new HashMap<>();
    /** True while this view model moves the selection itself (to the most severe group). */
    private boolean selecting;
    /** The operator picked the selected group: new groups and the run's end leave it selected. */
    private boolean operatorChose;

    /** A group's diagnosis as it comes in: who is asked, the text so far, and the result once there. */
    private static final class Asked {
        final String provider;
        final String model;
        final StringBuilder text = new StringBuilder();
        Diagnosis result;

        Asked(String provider, String model) {
            this.provider = provider;
            this.model = model;
        }
    }

    /**
     * A failures screen whose picks nobody proposes from and whose artifacts open nowhere, checking files on the
     * calling thread (tests of the screen alone).
     */
    public FailuresViewModel() {
        this(new PlaybookPicks(), ArtifactOpener.NONE, Runnable::run, FxBridge.direct());
    }

    /**
     * @param picks  where "Use suggested playbook" records the operator's pick, for the executor to propose
     * @param opener opens a screenshot, video or trace outside the console
     * @param worker where the artifacts' files are checked (file system access stays off the FX thread)
     * @param bridge brings the check's answer back to the FX thread
     */
    public FailuresViewModel(PlaybookPicks picks, ArtifactOpener opener, Executor worker, FxBridge bridge) {
        this.picks = picks;
        this.opener = opener;
        this.worker = worker;
        this.bridge = bridge;
        selectionWatch = selected.subscribe(g -> {
            if (!selecting) {
                operatorChose = g != null;
            }
            refreshSelected();
            refreshArtifacts(g);
        });
    }

    public ObservableList<FailureGroup> groups() {
        return groupsView;
    }

    /** The selected group: the view binds the table's selection to it. */
    public ObjectProperty<FailureGroup> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<FailureDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The selected group's diagnosis: none yet, streaming in, or done; null when nothing is selected. */
    public ReadOnlyObjectProperty<DiagnosisDetail> diagnosisProperty() {
        return diagnosis.getReadOnlyProperty();
    }

    /** The selected group's diagnosis suggests a playbook other than the group's current one. */
    public ReadOnlyBooleanProperty canUseSuggestedProperty() {
        return canUseSuggested.getReadOnlyProperty();
    }

    /** "Use suggested playbook: restart-backend" */
    public ReadOnlyStringProperty useSuggestedTextProperty() {
        return useSuggestedText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** The run's flaky tests: failed, then passed on a retry; shown apart and never healed. */
    public ObservableList<FlakyRow> flaky() {
        return flakyView;
    }

    /**
     * The selected group's tests' artifacts, screenshots first, then traces, videos and other files, each marked
     * whether its file is still there; empty until the files are checked.
     */
    public ReadOnlyObjectProperty<List<Artifact>> artifactsProperty() {
        return artifacts.getReadOnlyProperty();
    }

    /** {@code group}'s flip rate, pooled over its tests' recent runs; null when the history does not know them. */
    public FlipRate flipRateOf(FailureGroup group) {
        return groupFlipRates.get(group.fingerprint());
    }

    /**
     * "40 %", or "—" for an unknown rate and for one over fewer than 2 counted runs (a rate needs 2; runs failed
     * under a sandbox fault the operator switched on are not counted), never a 0 % that nothing measured.
     */
    public static String rateText(FlipRate rate) {
        return rate == null || rate.runs() < 2 ? "—" : Math.round(rate.rate() * 100) + " %";
    }

    /**
     * How often {@code group}'s tests flipped: "4 flips in 10 runs" for one test, "6 flips in 20 runs of its 2 tests"
     * for more; empty when the history knows none of them.
     */
    public String flipsText(FailureGroup group) {
        List<FlipRate> known = group.tests().stream().map(t -> flipRates.get(t.id()))
                .filter(Objects::nonNull).toList();
        if (known.isEmpty()) {
            return "";
        }
        int flips = known.stream().mapToInt(FlipRate::flips).sum();
        int runs = known.stream().mapToInt(FlipRate::runs).sum();
        return flips + (flips == 1 ? " flip in " : " flips in ") + runs + (runs == 1 ? " run" : " runs")
                + (known.size() == 1 ? "" : " of its " + known.size() + " tests");
    }

    /** {@code group}'s current playbook (triage's, or the one the operator took from its diagnosis), for the table. */
    public ReadOnlyStringProperty playbookProperty(FailureGroup group) {
        return playbookCells.computeIfAbsent(group.fingerprint(),
                fp -> new ReadOnlyStringWrapper(this, "playbook", playbookText(group))).getReadOnlyProperty();
    }

    /** True when the operator replaced triage's playbook for {@code group} with its diagnosis's suggestion. */
    public boolean playbookChosen(FailureGroup group) {
        return picks.of(group.fingerprint()) != null;
    }

    /** The playbook {@code group} would get now: the operator's choice, else triage's; null when none. */
    public String playbookOf(FailureGroup group) {
        return picks.choose(group, Optional.empty());
    }

    // ---- The run in progress (FX thread) ------------------------------------------------------

    /**
     * Follows a run as its events arrive: a new run empties the screen, triaged groups appear one by one, and a
     * diagnosis streams into the group it is about. Other events are the run screen's.
     */
    public void accept(List<RunEvent> events) {
        Set<String> touched = new HashSet<>();
        for (RunEvent event : events) {
            if (event instanceof RunEvent.RunStarted e) {
                started(e);
            } else if (event instanceof RunEvent.FailureTriaged e) {
                triaged(e.group());
            } else if (event instanceof RunEvent.DiagnosisStarted e) {
                asked.put(e.fingerprint(), new Asked(e.provider(), e.model()));
                touched.add(e.fingerprint());
            } else if (event instanceof RunEvent.DiagnosisToken e) {
                asked.computeIfAbsent(e.fingerprint(), fp -> new Asked(null, null)).text.append(e.text());
                touched.add(e.fingerprint());
            } else if (event instanceof RunEvent.DiagnosisFailed e) {
                asked.remove(e.fingerprint());
                String why = "No diagnosis: " + e.reason();
                if (e.unavailable()) {
                    noDiagnosis = why;   // the groups after it are not asked either
                    touched.addAll(groups.stream().map(FailureGroup::fingerprint).toList());
                }
                failedDiagnoses.put(e.fingerprint(), why);
                touched.add(e.fingerprint());
            } else if (event instanceof RunEvent.Diagnosed e) {
                Diagnosis d = e.diagnosis();
                asked.computeIfAbsent(d.fingerprint(), fp -> new Asked(d.provider(), d.model())).result = d;
                touched.add(d.fingerprint());
            }
        }
        FailureGroup g = selected.get();
        if (g != null && touched.contains(g.fingerprint())) {
            refreshDiagnosis(g);
        }
    }

    private void started(RunEvent.RunStarted e) {
        clearRun();
        select(null);
        operatorChose = false;   // a new run: nobody has picked one of its groups yet
        groups.clear();
        flaky.clear();
        runId.set(e.runId());
        noDiagnosis = e.options().skipLlm() ? "This run skips the LLM: pattern triage only."
                : "Not diagnosed yet: each group is diagnosed in turn once triage is done.";
        summaryText.set("Run " + e.runId() + " is running · failure groups appear here as they are triaged");
    }

    private void triaged(FailureGroup group) {
        int at = 0;
        while (at < groups.size() && ORDER.compare(groups.get(at), group) <= 0) {
            at++;
        }
        groups.add(at, group);
        summaryText.set(String.format(Locale.ROOT, "Run %s is running · %d failure group(s) so far", runId.get(),
                groups.size()));
        if (!operatorChose) {
            select(groups.get(0));   // the most severe so far, until the operator picks one
        }
    }

    private void select(FailureGroup group) {
        selecting = true;
        try {
            selected.set(group);
        } finally {
            selecting = false;
        }
    }

    /**
     * The Playbooks queue as it stands (FX thread): while nothing is recorded for a group of the run on screen, its
     * decision line says where its proposal is ("awaiting decision: kill-idle-db-connections").
     */
    public void liveProposals(List<LiveProposal> proposals) {
        List<LiveProposal> now = List.copyOf(proposals);
        if (now.equals(live)) {
            return;
        }
        live = now;
        if (selected.get() != null) {
            detail.set(detailOf(selected.get()));
        }
    }

    /** The queue's proposals for {@code group} (or its incident's lead group) in the run on screen. */
    private List<LiveProposal> liveOf(FailureGroup group) {
        dev.healdesk.core.triage.Incident incident = incidentByFingerprint.get(group.fingerprint());
        String lead = incident == null ? group.fingerprint() : incident.leadFingerprint();
        return live.stream().filter(p -> p.runId().equals(runId.get())
                && (p.fingerprint().equals(group.fingerprint()) || p.fingerprint().equals(lead))).toList();
    }

    // ---- A finished run -----------------------------------------------------------------------

    /**
     * Shows the failure groups of {@code run}, most severe first, with their diagnoses, and selects the first;
     * when it is the run followed live, the playbooks chosen while it ran and a group the operator picked are kept.
     */
    public void show(RunSummary run) {
        boolean same = run.runId().equals(runId.get());
        String keep = same && operatorChose && selected.get() != null ? selected.get().fingerprint() : null;
        Map<String, String> chosen = same ? picks.snapshot() : Map.of();
        clearRun();
        picks.replaceAll(chosen);
        for (ActionRecord a : run.actions()) {
            actionsByFingerprint.computeIfAbsent(a.fingerprint(), k -> new ArrayList<>()).add(a);
        }
        run.diagnoses().forEach((fp, d) -> asked.computeIfAbsent(fp, k -> new Asked(d.provider(), d.model()))
                .result = d);
        noDiagnosis = noDiagnosisReason(run.llm());
        flipRates.putAll(run.flipRates());
        run.failures().forEach(g -> run.flipRate(g).ifPresent(r -> groupFlipRates.put(g.fingerprint(), r)));
        flaky.setAll(run.flakyTests().stream().map(this::flakyRow).toList());
        run.incidents().forEach(i -> i.fingerprints().forEach(fp -> incidentByFingerprint.put(fp, i)));
        List<FailureGroup> sorted = new ArrayList<>(run.failures());
        sorted.sort(ORDER);
        // Grouped by incident: each incident's fingerprints together, where its most severe one stands.
        Map<String, Integer> rank = new HashMap<>();
        for (FailureGroup g : sorted) {
            rank.putIfAbsent(incidentKey(g), rank.size());
        }
        sorted.sort(java.util.Comparator.comparing(g -> rank.get(incidentKey(g))));
        select(null);
        groups.setAll(sorted);
        runId.set(run.runId());
        int failing = run.failures().stream().mapToInt(FailureGroup::count).sum();
        String flakyText = flaky.isEmpty() ? ""
                : String.format(Locale.ROOT, " · %d flaky (passed on a retry, not healed)", flaky.size());
        summaryText.set(run.failures().isEmpty()
                ? "Run " + run.runId() + " had no failures" + (flakyText.isEmpty() ? "." : flakyText)
                : String.format(Locale.ROOT, "Run %s · %s · first pass: %d failure group(s), %d failing test(s) of"
                        + " %d%s", run.runId(), run.outcome().headline().replace(" (first pass: ", " (was: "),
                run.failures().size(), failing, run.results().size(), flakyText));
        if (!groups.isEmpty()) {
            FailureGroup kept = groups.stream().filter(g -> g.fingerprint().equals(keep)).findFirst().orElse(null);
            select(kept == null ? groups.get(0) : kept);
            operatorChose = kept != null;
        }
    }

    private static String noDiagnosisReason(LlmUsage llm) {
        if (llm == null || ("none".equals(llm.provider()) && llm.note() == null)) {
            return "This run skipped the LLM: pattern triage only.";
        }
        return llm.note() != null ? llm.note() : "The model gave no diagnosis for this group.";
    }

    /**
     * What joins {@code group} to the other groups of its incident in the tree: the incident's id, or the group's own
     * fingerprint while no incident holds it (a run in progress).
     */
    public String incidentKeyOf(FailureGroup group) {
        return incidentKey(group);
    }

    /** A test's flip rate over its recent runs; null when the history does not know it. */
    public FlipRate flipRateOfTest(String testId) {
        return flipRates.get(testId);
    }

    private String incidentKey(FailureGroup g) {
        dev.healdesk.core.triage.Incident i = incidentByFingerprint.get(g.fingerprint());
        return i == null ? "fp:" + g.fingerprint() : i.id();
    }

    /** The title of the incident {@code group} belongs to ("Backend at 127.0.0.1:41234 refuses connections — 11 tests"). */
    public String incidentOf(FailureGroup group) {
        dev.healdesk.core.triage.Incident i = incidentByFingerprint.get(group.fingerprint());
        if (i != null) {
            return i.title();
        }
        // A run in progress: its incidents are joined when it ends; until then the group is named by its pattern.
        int n = group.count();
        return group.classification().patternName() + " — " + n + (n == 1 ? " test" : " tests")
                + " (joined into incidents when the run ends)";
    }

    /** The evidence that decided the fix class of {@code group}'s incident ("class A: … refused 3 of 3 connections"). */
    public String classEvidenceOf(FailureGroup group) {
        dev.healdesk.core.triage.Incident i = incidentByFingerprint.get(group.fingerprint());
        return i == null ? "" : i.classEvidence();
    }

    private void clearRun() {
        incidentByFingerprint.clear();
        actionsByFingerprint.clear();
        asked.clear();
        failedDiagnoses.clear();
        picks.replaceAll(Map.of());
        playbookCells.clear();
        flipRates.clear();
        groupFlipRates.clear();
    }

    /** The decision recorded for {@code group}'s playbook ("skipped", "dry-run", …), or "—". */
    public String decisionOf(FailureGroup group) {
        List<ActionRecord> actions = actionsByFingerprint.get(group.fingerprint());
        dev.healdesk.core.triage.Incident incident = incidentByFingerprint.get(group.fingerprint());
        if ((actions == null || actions.isEmpty()) && incident != null) {
            actions = actionsByFingerprint.get(incident.leadFingerprint()); // one proposal per incident
        }
        if (actions == null || actions.isEmpty()) {
            List<LiveProposal> queued = liveOf(group);
            if (!queued.isEmpty()) {
                return queued.get(queued.size() - 1).state();
            }
            return group.classification().playbook() == null ? "—" : "not proposed";
        }
        return actions.get(actions.size() - 1).decision().id();
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Takes the selected group's suggested playbook instead of its current one. */
    public void useSuggestedPlaybook() {
        FailureGroup g = selected.get();
        if (g == null || !canUseSuggested.get()) {
            return;
        }
        picks.pick(g.fingerprint(), asked.get(g.fingerprint()).result.suggestedPlaybook());
        ReadOnlyStringWrapper cell = playbookCells.get(g.fingerprint());
        if (cell != null) {
            cell.set(playbookText(g));
        }
        refreshSelected();
    }

    /** Opens {@code artifact} outside the console: a trace in Playwright's trace viewer, any other file as is. */
    public void openArtifact(Artifact artifact) {
        if (artifact.kind() == Artifact.Kind.TRACE) {
            opener.openTrace(artifact.path());
        } else {
            opener.show(artifact.path());
        }
    }

    public void dispose() {
        selectionWatch.unsubscribe();
    }

    public static String testsOf(FailureGroup group) {
        return group.tests().stream().map(TestResult::id).collect(Collectors.joining(", "));
    }

    public static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    // ---- Detail -------------------------------------------------------------------------------

    private FlakyRow flakyRow(TestResult t) {
        FlipRate rate = flipRates.get(t.id());
        return new FlakyRow(t.id(), t.retry(), firstLine(t.errorMessage()), rateText(rate), flipping(rate));
    }

    private static boolean flipping(FlipRate rate) {
        return rate != null && rate.flipping();
    }

    /** Checks on the worker which of {@code g}'s artifacts are still there, then shows them (FX thread). */
    private void refreshArtifacts(FailureGroup g) {
        long check = ++artifactCheck;
        artifacts.set(List.of());
        if (g == null) {
            return;
        }
        List<Artifact> wanted = new ArrayList<>();
        for (TestResult t : g.tests()) {
            t.attachments().forEach(a -> Artifact.of(t.id(), a).ifPresent(wanted::add));
        }
        if (wanted.isEmpty()) {
            return;
        }
        wanted.sort(Comparator.comparing(Artifact::kind));
        try {
            worker.execute(() -> {
                List<Artifact> checked = wanted.stream().map(a -> a.checked(Files.isRegularFile(a.path()))).toList();
                bridge.post(() -> {
                    if (check == artifactCheck) {
                        artifacts.set(checked);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // The console is closing: nothing left to show them in.
        }
    }

    private void refreshSelected() {
        FailureGroup g = selected.get();
        detail.set(g == null ? null : detailOf(g));
        refreshDiagnosis(g);
    }

    private void refreshDiagnosis(FailureGroup g) {
        DiagnosisDetail d = g == null ? null : diagnosisOf(g);
        diagnosis.set(d);
        String suggested = d == null || d.diagnosis() == null ? null : d.diagnosis().suggestedPlaybook();
        canUseSuggested.set(suggested != null && !suggested.equals(playbookOf(g)));
        useSuggestedText.set(suggested == null ? "No playbook suggested" : "Use suggested playbook: " + suggested);
    }

    private DiagnosisDetail diagnosisOf(FailureGroup g) {
        Asked a = asked.get(g.fingerprint());
        if (a == null) {
            return new DiagnosisDetail(DiagnosisDetail.State.NONE, "No diagnosis", "", null, "", null,
                    failedDiagnoses.getOrDefault(g.fingerprint(), noDiagnosis));
        }
        Diagnosis d = a.result;
        if (d == null) {
            String who = a.model == null ? "the model" : a.model;
            return new DiagnosisDetail(DiagnosisDetail.State.ASKING, "Asking " + who + "…", a.text.toString(), null,
                    "", null, null);
        }
        String heading = d.model() + (d.provider() == null ? "" : " · " + d.provider());
        String confidence = d.malformed() ? "" : Math.round(d.confidence() * 100) + " %";
        return new DiagnosisDetail(DiagnosisDetail.State.DONE, heading, "", d, confidence, disagreement(g, d), null);
    }

    /** How the model's reading differs from triage's, or null when it agrees or says nothing. */
    private static String disagreement(FailureGroup g, Diagnosis d) {
        boolean category = d.category() != null && d.category() != g.category();
        boolean fix = d.fixClass() != null && d.fixClass() != g.fixClass();
        if (!category && !fix) {
            return null;
        }
        String model = (category ? d.category().id() : g.category().id()) + " / class "
                + (fix ? d.fixClass() : g.fixClass());
        return "The model reads this as " + model + "; triage said " + g.category().id() + " / class "
                + g.fixClass() + ".";
    }

    private String playbookText(FailureGroup g) {
        String p = playbookOf(g);
        return p == null ? "—" : p;
    }

    private FailureDetail detailOf(FailureGroup g) {
        List<String> actionLines = new ArrayList<>();
        for (ActionRecord a : actionsByFingerprint.getOrDefault(g.fingerprint(), List.of())) {
            StringBuilder line = new StringBuilder()
                    .append(a.playbook()).append(" (class ").append(a.fixClass()).append("): ")
                    .append(a.decision().id());
            if (a.applied()) {
                line.append(", applied ").append(a.success() ? "ok" : "failed")
                        .append(a.verified() ? ", verified" : ", not verified");
            }
            if (a.message() != null && !a.message().isBlank()) {
                line.append(" — ").append(a.message());
            }
            actionLines.add(line.toString());
        }
        if (actionLines.isEmpty()) {
            liveOf(g).forEach(p -> actionLines.add(p.describe()));
        }
        String triage = g.classification().playbook();
        String playbook = playbookOf(g);
        String playbookText;
        if (playbook == null) {
            playbookText = "none";
        } else if (playbookChosen(g)) {
            Asked a = asked.get(g.fingerprint());
            playbookText = playbook + " — your choice, suggested by " + (a == null ? "the diagnosis" : a.model)
                    + (triage == null ? "" : " (triage proposed " + triage + ")");
        } else {
            playbookText = playbook;
        }
        String title = g.category().id() + " / " + g.severity().id() + " · class " + g.fixClass() + " · "
                + g.count() + " test(s)";
        String pattern = g.classification().patternId()
                + (g.classification().patternName() == null ? "" : " — " + g.classification().patternName());
        List<TestLine> tests = g.tests().stream().map(t -> {
            FlipRate r = flipRates.get(t.id());
            return new TestLine(t.id(), rateText(r), r == null ? "" : r.recent(), flipping(r));
        }).toList();
        return new FailureDetail(title, g.fingerprint(), pattern, playbookText, tests, flipNote(g),
                g.message() == null ? "" : g.message(), g.stackTop() == null ? "" : g.stackTop(), actionLines);
    }

    /** A warning when {@code g} flips often: its failure may come and go whatever is done about it; else null. */
    private String flipNote(FailureGroup g) {
        FlipRate pooled = groupFlipRates.get(g.fingerprint());
        if (!flipping(pooled)) {
            return null;
        }
        return "This failure flips: " + flipsText(g) + " — a fix may only look like it worked.";
    }
}
