package dev.healdesk.app.playbooks;

import dev.healdesk.app.failures.FailuresViewModel;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * One proposal in the Playbooks queue. What the table shows live (state, risk, target, the last word) are read-only
 * properties; the plan, the history and the open question are the view model's to keep and change (FX thread only).
 */
public final class QueueRow {

    /** A proposal is one playbook for one failure group in one run. */
    public record Key(String runId, String fingerprint, String playbook) {
    }

    private final Key key;
    private final FixClass fixClass;
    private final FailureGroup group;
    private final ReadOnlyObjectWrapper<ProposalState> state =
            new ReadOnlyObjectWrapper<>(this, "state", ProposalState.PROPOSED);
    private final ReadOnlyObjectWrapper<Risk> risk = new ReadOnlyObjectWrapper<>(this, "risk");
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper(this, "target", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    // The view model's, FX thread only.
    final List<String> steps = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final List<String> history = new ArrayList<>();
    boolean planned;
    boolean reversible;
    String description = "";
    Question question;
    /** A high-risk approval was clicked once; the next one confirms it. */
    boolean confirming;

    /** @param group the triaged group, or null when the queue never saw it triaged (the run started elsewhere) */
    QueueRow(Key key, FixClass fixClass, FailureGroup group) {
        this.key = key;
        this.fixClass = fixClass;
        this.group = group;
    }

    public Key key() {
        return key;
    }

    public String playbook() {
        return key.playbook();
    }

    public FixClass fixClass() {
        return fixClass;
    }

    /** "database · FATAL: remaining connection slots…": the category and the first line of the failure. */
    public String groupText() {
        if (group == null) {
            return key.fingerprint();
        }
        String first = FailuresViewModel.firstLine(group.message());
        // A first line can be a whole response body: a notification and a title need the gist, not all of it.
        return group.category().id() + " · " + (first.length() <= GIST ? first : first.substring(0, GIST) + "…");
    }

    /** The most of a failure's first line a row's group text shows. */
    static final int GIST = 120;

    public ReadOnlyObjectProperty<ProposalState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ProposalState state() {
        return state.get();
    }

    /** Null until the gate has seen the proposal (a playbook skipped before it is never rated here). */
    public ReadOnlyObjectProperty<Risk> riskProperty() {
        return risk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    /** The latest reason or message: why it was skipped, what the fix printed, what the verification found. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    void state(ProposalState s) {
        state.set(s);
    }

    void risk(Risk r) {
        risk.set(r);
    }

    void target(String t) {
        target.set(t == null ? "" : t);
    }

    /** Records {@code line} in the history and shows {@code word} as the row's latest note. */
    void log(String line, String word) {
        history.add(line);
        if (word != null && !word.isBlank()) {
            note.set(word);
        }
    }
}
