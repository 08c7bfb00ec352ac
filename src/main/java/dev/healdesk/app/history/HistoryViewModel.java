package dev.healdesk.app.history;

import dev.healdesk.app.failures.ArtifactOpener;
import dev.healdesk.app.fx.DialogService;
import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.AuditEntry;
import dev.healdesk.core.history.HistoryQueries;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.history.StoredFailure;
import dev.healdesk.core.history.StoredTest;
import dev.healdesk.core.report.ReportWriter;
import dev.healdesk.core.report.StoredRuns;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.RunOutcome;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The history screen: the recorded runs, a page at a time, through the operator's filters; the selected run's tests,
 * failure groups (with their stored diagnoses) and playbook decisions; a comparison of two runs; and the export of a
 * run's report. The trends and the recurring failures have their own models, owned here. Queries run on the worker
 * executor; results come back through the bridge, and a result that a newer query has overtaken is dropped.
 */
public final class HistoryViewModel {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(HistoryViewModel.class);
    }
    /** Runs per page: the table is virtualized, so a page is cheap to show; paging keeps the query small. */
    public static final int PAGE = 200;
    /** The status filter's "no restriction" choice. */
    public static final String ALL = "all";
    public static final List<String> STATUSES = List.of(ALL, "healthy", "healed", "degraded", "failing", "cancelled",
            RunRow.INTERRUPTED, RunRow.RUNNING, "suite-error");

    /** The screen's tabs. */
    public enum Tab { RUNS, TRENDS, RECURRING }

    /** The selected run's details, loaded together. */
    private record Detail(String runId, List<StoredTest> tests, List<StoredFailure> failures,
                          Map<String, Diagnosis> diagnoses, List<HistoryStore.ActionRecordRow> actions,
                          List<AuditEntry> audit) {
    }

    private final Supplier<HistoryStore> store;
    private final Executor worker;
    private final FxBridge bridge;
    private final DialogService dialogs;
    private final ArtifactOpener opener;
    private final Path resultsDir;
    private final ZoneId zone;
    private final TrendsViewModel trends;
    private final RecurringViewModel recurring;

    private final ObservableList<RunRow> runs = FXCollections.observableArrayList();
    private final ObservableList<RunRow> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ObservableList<StoredTest> tests = FXCollections.observableArrayList();
    private final ObservableList<StoredFailure> failures = FXCollections.observableArrayList();
    private final ObservableList<HistoryStore.ActionRecordRow> actions = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> audit = FXCollections.observableArrayList();
    private final ObservableList<StoredTest> testsView = FXCollections.unmodifiableObservableList(tests);
    private final ObservableList<StoredFailure> failuresView = FXCollections.unmodifiableObservableList(failures);
    private final ObservableList<HistoryStore.ActionRecordRow> actionsView =
            FXCollections.unmodifiableObservableList(actions);
    private final ObservableList<AuditEntry> auditView = FXCollections.unmodifiableObservableList(audit);
    private final ObservableList<String> targets = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> projects = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> targetsView = FXCollections.unmodifiableObservableList(targets);
    private final ObservableList<String> projectsView = FXCollections.unmodifiableObservableList(projects);
    private final ObservableList<String> operators = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> machines = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> operatorsView = FXCollections.unmodifiableObservableList(operators);
    private final ObservableList<String> machinesView = FXCollections.unmodifiableObservableList(machines);
    private Map<String, Diagnosis> diagnoses = Map.of();

    private final StringProperty status = new SimpleStringProperty(this, "status", ALL);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty project = new SimpleStringProperty(this, "project", ALL);
    private final StringProperty target = new SimpleStringProperty(this, "target", ALL);
    private final StringProperty operator = new SimpleStringProperty(this, "operator", ALL);
    private final StringProperty machine = new SimpleStringProperty(this, "machine", ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Integer> offset = new ReadOnlyObjectWrapper<>(this, "offset", 0);
    private final ReadOnlyObjectWrapper<Integer> total = new ReadOnlyObjectWrapper<>(this, "total", 0);
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyObjectWrapper<RunRow> latest = new ReadOnlyObjectWrapper<>(this, "latest");

    private final ObjectProperty<RunRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(this, "tab", Tab.RUNS);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "Loading…");
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper(this, "pageText", "");
    private final ReadOnlyStringWrapper runText = new ReadOnlyStringWrapper(this, "runText", "");
    private final ReadOnlyObjectWrapper<HistoryQueries.Comparison> comparison =
            new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyStringWrapper comparisonText = new ReadOnlyStringWrapper(this, "comparisonText",
            "Select two runs (Ctrl+click) and press Compare, or compare the selected run with the previous run of its"
                    + " target.");
    private final ReadOnlyStringWrapper exportText = new ReadOnlyStringWrapper(this, "exportText", "");
    private final ReadOnlyObjectWrapper<Path> exported = new ReadOnlyObjectWrapper<>(this, "exported");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final Subscription watching;
    /** Counts the list's queries; only the newest one's answer is shown. */
    private long listQuery;
    /** The store's watch while this screen follows other writers ({@link #follow}); null before and after. */
    private HistoryStore.Watch watch;
    private boolean following;
    private boolean disposed;

    /**
     * @param store      the history store; called on the worker only (it may wait for the database to open)
     * @param opener     reveals an exported report's folder with the desktop
     * @param resultsDir where the runs went: an export whose run folder is gone is written here
     * @param clock      "now" for the trends' ranges
     * @param zone       the operator's time zone, in which the date filters' days begin
     */
    public HistoryViewModel(Supplier<HistoryStore> store, Executor worker, FxBridge bridge, DialogService dialogs,
                            ArtifactOpener opener, Path resultsDir, Clock clock, ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.resultsDir = Objects.requireNonNull(resultsDir, "resultsDir");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.trends = new TrendsViewModel(store, worker, bridge, clock);
        this.recurring = new RecurringViewModel(store, worker, bridge);
        // A filter that changes shows the first page of what it lets through (changes only: no query on creation).
        java.util.function.BiConsumer<Object, Object> firstPage = (was, now) -> {
            offset.set(0);
            loadRuns();
        };
        watching = Subscription.combine(selected.subscribe(this::loadDetail),
                status.subscribe(firstPage), from.subscribe(firstPage), to.subscribe(firstPage),
                project.subscribe(firstPage), target.subscribe(firstPage), search.subscribe(firstPage),
                operator.subscribe(firstPage), machine.subscribe(firstPage));
    }

    // ---------------------------------------------------------------------------------------------------- properties

    public TrendsViewModel trends() {
        return trends;
    }

    public RecurringViewModel recurring() {
        return recurring;
    }

    /** The current page of runs, newest first. */
    public ObservableList<RunRow> runs() {
        return runsView;
    }

    public ObservableList<StoredTest> tests() {
        return testsView;
    }

    public ObservableList<StoredFailure> failures() {
        return failuresView;
    }

    /** The stored diagnosis of a failure group of the selected run, or null. */
    public Diagnosis diagnosisOf(StoredFailure failure) {
        return diagnoses.get(failure.fingerprint());
    }

    /** Every playbook decision of the selected run and what came of it. */
    public ObservableList<HistoryStore.ActionRecordRow> actions() {
        return actionsView;
    }

    /** The selected run's audit trail: each proposal's steps, who took them and how they ended. */
    public ObservableList<AuditEntry> audit() {
        return auditView;
    }

    /** The target filter's choices: {@link #ALL} and every recorded target. */
    public ObservableList<String> targets() {
        return targetsView;
    }

    public ObservableList<String> projects() {
        return projectsView;
    }

    /** The operator filter's choices: {@link #ALL} and everyone who recorded a run (a team's shared history). */
    public ObservableList<String> operators() {
        return operatorsView;
    }

    /** The machine filter's choices: {@link #ALL} and every machine that recorded a run. */
    public ObservableList<String> machines() {
        return machinesView;
    }

    /** One of {@link #STATUSES}. */
    public StringProperty statusFilterProperty() {
        return status;
    }

    /** Runs started on this day or later (the operator's zone), or null. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Runs started on this day or earlier, or null. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty projectFilterProperty() {
        return project;
    }

    public StringProperty targetFilterProperty() {
        return target;
    }

    public StringProperty operatorFilterProperty() {
        return operator;
    }

    public StringProperty machineFilterProperty() {
        return machine;
    }

    /** A test id or failure message; the view writes it after the operator pauses typing. */
    public StringProperty searchProperty() {
        return search;
    }

    public ReadOnlyObjectProperty<Integer> totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    /** The newest recorded run whatever the filters say: the status bar's "last run" before this session's. */
    public ReadOnlyObjectProperty<RunRow> latestProperty() {
        return latest.getReadOnlyProperty();
    }

    public ObjectProperty<RunRow> selectedProperty() {
        return selected;
    }

    /** The tab on show; kept here so that it survives leaving the screen and coming back. */
    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    /** Where the database is, or why it cannot be read. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** "runs 1–200 of 731" */
    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    /** The selected run in one line: status, counts, folder. */
    public ReadOnlyStringProperty runTextProperty() {
        return runText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HistoryQueries.Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty comparisonTextProperty() {
        return comparisonText.getReadOnlyProperty();
    }

    /** "Wrote /…/report.html" after an export. */
    public ReadOnlyStringProperty exportTextProperty() {
        return exportText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------------------------------------------ commands

    /** Reloads the filters' choices, the page of runs (keeping the selection when still listed) and the trends. */
    public void refresh() {
        refresh(false);
    }

    /**
     * Follows the history from now on: when any writer (another workstation, a scheduled run, the CLI, this console)
     * records, finishes or removes a run, the choices, the page of runs, the trends and the recurring failures are
     * read again, without the operator pressing anything. The page, the filters, the selection and the list's place
     * stay: new rows come in above, changed rows are replaced where they are. The store says so from a thread of its
     * own (SQLite's data version read every 2 s, PostgreSQL's LISTEN); the refresh is handed to the FX thread through
     * the bridge, and its queries go to the worker. Asked once, by the console; later calls do nothing.
     */
    public void follow() {
        if (following || disposed) {
            return;
        }
        following = true;
        submit(() -> {
            HistoryStore.Watch w = store.get().watch(() -> bridge.post(this::changedElsewhere));
            bridge.post(() -> {
                if (disposed) {
                    w.close();
                } else {
                    watch = w;
                }
            });
        }, "follow the history");
    }

    /** The history changed (FX thread). */
    private void changedElsewhere() {
        if (!disposed) {
            refresh(true);
        }
    }

    /** @param live a change heard from the store: the selected run's details are read again only if its row changed */
    private void refresh(boolean live) {
        submit(() -> {
            HistoryStore s = store.get();
            HistoryQueries.Choices choices = s.choices();
            RunRow newest = s.listRuns(1, 0).stream().findFirst().orElse(null);
            bridge.post(() -> {
                keepChoices(targets, choices.targets(), target);
                keepChoices(projects, choices.projects(), project);
                keepChoices(operators, choices.operators(), operator);
                keepChoices(machines, choices.machines(), machine);
                latest.set(newest);
            });
        }, "read the targets and projects");
        loadRuns(live);
        trends.refresh();
        recurring.refresh();
    }

    public void nextPage() {
        if (hasNext.get()) {
            offset.set(offset.get() + PAGE);
            loadRuns();
        }
    }

    public void previousPage() {
        if (hasPrevious.get()) {
            offset.set(Math.max(0, offset.get() - PAGE));
            loadRuns();
        }
    }

    /** Clears every filter: the newest runs again. */
    public void clearFilters() {
        status.set(ALL);
        from.set(null);
        to.set(null);
        project.set(ALL);
        target.set(ALL);
        operator.set(ALL);
        machine.set(ALL);
        search.set("");
    }

    /** Compares two runs, the earlier one first whichever was picked first. */
    public void compare(RunRow a, RunRow b) {
        if (a == null || b == null || a.runId().equals(b.runId())) {
            comparisonText.set("Pick two different runs to compare.");
            return;
        }
        RunRow earlier = a.startedAt().isAfter(b.startedAt()) ? b : a;
        RunRow later = earlier == a ? b : a;
        submit(() -> {
            HistoryQueries.Comparison c = store.get().compare(earlier.runId(), later.runId());
            bridge.post(() -> showComparison(c, later));
        }, "compare " + earlier.runId() + " with " + later.runId());
    }

    /** Compares the selected run with the run of its target just before it. */
    public void compareWithPrevious() {
        RunRow run = selected.get();
        if (run == null) {
            return;
        }
        submit(() -> {
            HistoryStore s = store.get();
            List<RunRow> before = s.listRuns(new HistoryQueries.RunFilter(null, null, run.startedAt(), null,
                    run.target(), null), 1, 0);
            if (before.isEmpty()) {
                bridge.post(() -> {
                    comparison.set(null);
                    comparisonText.set(run.runId() + " is the first recorded run of " + run.target()
                            + ": nothing to compare it with.");
                });
                return;
            }
            HistoryQueries.Comparison c = s.compare(before.get(0).runId(), run.runId());
            bridge.post(() -> showComparison(c, run));
        }, "compare " + run.runId() + " with the previous run");
    }

    /**
     * Writes the selected run's report in {@code format} into its run folder (as {@code healdesk report} does), then
     * shows the path and reveals the folder; a failure is reported in a dialog.
     */
    public void export(ReportWriter.Format format) {
        RunRow run = selected.get();
        if (run == null || exporting.get()) {
            return;
        }
        exporting.set(true);
        exportText.set("Writing the " + format.id() + " report of " + run.runId() + "…");
        submit(() -> {
            try {
                ReportWriter.Written written = new ReportWriter(store.get(), resultsDir).write(run, format, null);
                bridge.post(() -> exported(written));
            } catch (IOException | RuntimeException e) {
                log().warn("Cannot write the {} report of {}", format.id(), run.runId(), e);
                bridge.post(() -> {
                    exporting.set(false);
                    exportText.set("The " + format.id() + " report was not written.");
                    dialogs.showError("Healdesk", "Cannot write the report of " + run.runId(),
                            String.valueOf(e.getMessage()));
                });
            }
        }, "export " + run.runId());
    }

    /** Opens the exported report's folder again. */
    public void revealExport() {
        Path file = exported.get();
        if (file != null) {
            reveal(file);
        }
    }

    public void dispose() {
        disposed = true;
        if (watch != null) {
            watch.close();
            watch = null;
        }
        watching.unsubscribe();
        trends.dispose();
        recurring.dispose();
    }

    // ------------------------------------------------------------------------------------------------------ internals

    private void exported(ReportWriter.Written written) {
        exporting.set(false);
        exported.set(written.file());
        exportText.set("Wrote " + written.file().toAbsolutePath()
                + (written.source() == StoredRuns.Source.HISTORY
                ? " (the run folder is gone: rebuilt from the history, without stacks, screenshots or diagnoses)"
                : ""));
        reveal(written.file());
    }

    private void reveal(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        opener.show(folder == null ? file : folder);
    }

    private void showComparison(HistoryQueries.Comparison c, RunRow later) {
        comparison.set(c);
        comparisonText.set(String.format(Locale.ROOT, "%s → %s (%s): %d new failure(s), %d fixed, %d still failing",
                c.earlierRunId(), c.laterRunId(), later.target(), c.newFailures().size(), c.fixed().size(),
                c.stillFailing().size()) + (c.newReason().isEmpty() ? ""
                : String.format(Locale.ROOT, ", %d failing for a new reason", c.newReason().size())));
    }

    private HistoryQueries.RunFilter filter() {
        return new HistoryQueries.RunFilter(ALL.equals(status.get()) ? null : status.get(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(),
                ALL.equals(project.get()) ? null : project.get(), ALL.equals(target.get()) ? null : target.get(),
                search.get() == null || search.get().isBlank() ? null : search.get().trim(),
                ALL.equals(operator.get()) ? null : operator.get(), ALL.equals(machine.get()) ? null : machine.get());
    }

    private void loadRuns() {
        loadRuns(false);
    }

    private void loadRuns(boolean live) {
        long query = ++listQuery;
        HistoryQueries.RunFilter filter = filter();
        int at = offset.get();
        submit(() -> {
            HistoryStore s = store.get();
            List<RunRow> rows = s.listRuns(filter, PAGE, at);
            int count = s.countRuns(filter);
            int all = filter.equals(HistoryQueries.RunFilter.ALL) ? count : s.countRuns();
            String file = s.location().describe();
            bridge.post(() -> {
                if (query == listQuery) {
                    showRuns(rows, at, count, all, file, live);
                }
            });
        }, "list the runs");
    }

    private void showRuns(List<RunRow> rows, int at, int count, int all, String file, boolean live) {
        String keep = selected.get() == null ? null : selected.get().runId();
        patch(runs, rows);
        total.set(count);
        hasPrevious.set(at > 0);
        hasNext.set(at + rows.size() < count);
        pageText.set(count == 0 ? "no runs" : rows.isEmpty() ? "runs past the end of " + count
                : String.format(Locale.ROOT, "runs %d–%d of %d", at + 1, at + rows.size(), count));
        statusText.set(all == 0 ? "No runs recorded yet in " + file
                : count == all ? all + " run(s) in " + file : count + " of " + all + " run(s) match the filters");
        RunRow again = rows.stream().filter(r -> r.runId().equals(keep)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0));
        if (again != null && again.equals(selected.get())) {
            if (!live || again.running()) {
                loadDetail(again);   // the same row again: the property would not fire, but a running run's tests grow
            }
        } else {
            selected.set(again);
        }
    }

    private void loadDetail(RunRow run) {
        if (run == null) {
            runText.set("");
            clearDetail();
            return;
        }
        runText.set(runText(run, run.outcome()));
        String id = run.runId();
        if (exported.get() != null) {
            exported.set(null);
            exportText.set("");
        }
        submit(() -> {
            HistoryStore s = store.get();
            Detail d = new Detail(id, s.testsOf(id), s.failuresOf(id), s.diagnosesOf(id), s.actionsOf(id),
                    s.auditOf(id));
            String told = runText(run, s.outcomeOf(run));
            bridge.post(() -> {
                RunRow now = selected.get();
                if (now != null && now.runId().equals(d.runId())) {
                    runText.set(told);   // with the first pass and what was done, read from the store
                    showDetail(d);
                }
            });
        }, "read run " + id);
    }

    private void clearDetail() {
        diagnoses = Map.of();
        tests.clear();
        failures.clear();
        actions.clear();
        audit.clear();
    }

    /**
     * "run-… · healed (first pass: 0 passed, 11 failed of 11), health 100.0 · final pass: 11 passed, 0 failed of 11 ·
     * done: 1 healed · folder": the run as every screen tells it.
     */
    static String runText(RunRow run, RunOutcome o) {
        return String.format(Locale.ROOT, "%s · %s, health %.1f · final pass: %s%s%s · %s", run.runId(), o.headline(),
                run.healthScore(), o.finalPass().describe(), o.done().total() == 0 ? "" : " · done: "
                        + o.done().describe(), run.dryRun() ? " · dry run" : "",
                run.runFolder() == null ? "no folder" : run.runFolder());
    }

    private void showDetail(Detail d) {
        diagnoses = d.diagnoses();   // before the groups, whose cells look their diagnoses up
        tests.setAll(d.tests());
        failures.setAll(d.failures());
        actions.setAll(d.actions());
        audit.setAll(d.audit());
    }

    /**
     * Makes {@code list} hold {@code rows} by the fewest changes: rows no longer listed removed, new rows inserted
     * where they come, changed rows replaced in place, rows that did not change left alone. A table over the list
     * then keeps its selection and its place (a full replacement would clear both), which a refresh heard from another
     * writer must not disturb. Rows are matched by run id; the list's order is the query's (newest first), so the
     * rows kept keep their order; if they did not, the list is replaced whole.
     */
    static void patch(ObservableList<RunRow> list, List<RunRow> rows) {
        java.util.Set<String> wanted = new java.util.HashSet<>();
        rows.forEach(r -> wanted.add(r.runId()));
        for (int i = list.size() - 1; i >= 0; i--) {
            if (!wanted.contains(list.get(i).runId())) {
                list.remove(i);
            }
        }
        java.util.Set<String> present = new java.util.HashSet<>();
        list.forEach(r -> present.add(r.runId()));
        for (int i = 0; i < rows.size(); i++) {
            RunRow row = rows.get(i);
            if (i < list.size() && list.get(i).runId().equals(row.runId())) {
                if (!list.get(i).equals(row)) {
                    list.set(i, row);
                }
            } else if (!present.contains(row.runId())) {
                list.add(i, row);
            } else {
                list.setAll(rows);   // a kept row moved: not a list order queries give, but never show a wrong one
                return;
            }
        }
        if (list.size() > rows.size()) {
            list.remove(rows.size(), list.size());
        }
    }

    /**
     * Brings a filter's choices up to {@code recorded}, keeping its value (and {@link #ALL} first) by the fewest
     * changes: the chosen entry is never taken out of the list, since a combo box whose chosen item leaves its list
     * forgets its value (it showed empty after every refresh, the filter read as none); unchanged choices are left be.
     */
    static void keepChoices(ObservableList<String> choices, List<String> recorded, StringProperty value) {
        String keep = value.get();
        List<String> wanted = new java.util.ArrayList<>();
        wanted.add(ALL);
        recorded.stream().filter(r -> !ALL.equals(r)).forEach(wanted::add);
        if (keep != null && !wanted.contains(keep)) {
            wanted.add(keep);
        }
        if (choices.equals(wanted)) {
            return;
        }
        choices.removeIf(c -> !wanted.contains(c));
        for (int i = 0; i < wanted.size(); i++) {
            if (i >= choices.size() || !choices.get(i).equals(wanted.get(i))) {
                choices.remove(wanted.get(i));   // further down, out of order: in its place below
                choices.add(Math.min(i, choices.size()), wanted.get(i));
            }
        }
        if (!Objects.equals(value.get(), keep)) {
            value.set(keep);   // the chosen entry had to move after all: choose it again
        }
    }

    private void submit(Runnable job, String what) {
        submit(worker, bridge, job, what, statusText::set);
    }

    /** Runs {@code job} on the worker; a failure is logged in full and reported in one line through {@code report}. */
    static void submit(Executor worker, FxBridge bridge, Runnable job, String what,
                       java.util.function.Consumer<String> report) {
        try {
            worker.execute(() -> {
                try {
                    job.run();
                } catch (RuntimeException e) {
                    // A HistoryException names the file and what to do; anything else is logged in full.
                    log().warn("Cannot {}", what, e);
                    bridge.post(() -> report.accept("Cannot " + what + ": " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            log().debug("History query after shutdown dropped", e);
        }
    }
}
