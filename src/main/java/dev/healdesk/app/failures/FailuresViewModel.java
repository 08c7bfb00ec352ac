package dev.healdesk.app.failures;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The failures screen: the last run's failure groups (one per fingerprint), the selected one, and the
 * detail shown for it, including the playbook proposal and decision recorded in the run's actions.
 */
public final class FailuresViewModel {
    private final ObservableList<FailureGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<FailureGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final ObjectProperty<FailureGroup> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<FailureDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper(this, "runId", "");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText",
            "No run yet in this session. Start one on the Run screen; past runs are under History.");
    private final Map<String, List<ActionRecord>> actionsByFingerprint = new HashMap<>();
    private final Subscription selectionWatch;

    public FailuresViewModel() {
        selectionWatch = selected.subscribe(g -> detail.set(g == null ? null : detailOf(g)));
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

    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** Shows the failure groups of {@code run}, most severe first, and selects the first. */
    public void show(RunSummary run) {
        actionsByFingerprint.clear();
        for (ActionRecord a : run.actions()) {
            actionsByFingerprint.computeIfAbsent(a.fingerprint(), k -> new ArrayList<>()).add(a);
        }
        List<FailureGroup> sorted = new ArrayList<>(run.failures());
        sorted.sort((a, b) -> a.severity() != b.severity()
                ? a.severity().compareTo(b.severity()) : Integer.compare(b.count(), a.count()));
        selected.set(null);
        groups.setAll(sorted);
        runId.set(run.runId());
        int failing = run.failures().stream().mapToInt(FailureGroup::count).sum();
        summaryText.set(run.failures().isEmpty()
                ? "Run " + run.runId() + " had no failures."
                : String.format(Locale.ROOT, "Run %s · %d failure group(s) · %d failing test(s) of %d%s",
                run.runId(), run.failures().size(), failing, run.testsRun(), run.cancelled() ? " · cancelled" : ""));
        if (!groups.isEmpty()) {
            selected.set(groups.get(0));
        }
    }

    /** The decision recorded for {@code group}'s playbook ("skipped", "dry-run", …), or "—". */
    public String decisionOf(FailureGroup group) {
        List<ActionRecord> actions = actionsByFingerprint.get(group.fingerprint());
        if (actions == null || actions.isEmpty()) {
            return group.classification().playbook() == null ? "—" : "not proposed";
        }
        return actions.get(actions.size() - 1).decision().id();
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
        String playbook = g.classification().playbook();
        String title = g.category().id() + " / " + g.severity().id() + " · class " + g.fixClass() + " · "
                + g.count() + " test(s)";
        String pattern = g.classification().patternId()
                + (g.classification().patternName() == null ? "" : " — " + g.classification().patternName());
        return new FailureDetail(title, g.fingerprint(), pattern, playbook == null ? "none" : playbook,
                g.tests().stream().map(TestResult::id).toList(), g.message() == null ? "" : g.message(),
                g.stackTop() == null ? "" : g.stackTop(), actionLines);
    }
}
