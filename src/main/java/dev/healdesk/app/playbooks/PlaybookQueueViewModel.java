package dev.healdesk.app.playbooks;

import dev.healdesk.core.playbook.BuiltInPlaybooks;
import dev.healdesk.core.playbook.GuardrailCounters;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.OperatorDecision;
import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.Proposal;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Playbooks queue: one row per proposal of this session's runs, moved through its {@link ProposalState}s by the
 * run's events, and the operator's answers to the proposals the {@link ConsoleGate} puts here. The selected row shows
 * its plan (every step, what is missing, whether it can be undone) and its history; Approve / Dry-run / Reject answer
 * it while it is {@link ProposalState#AWAITING}. A high-risk approval takes a second, explicit confirmation. FX thread
 * only: the gate hands its questions over through the {@code FxBridge}.
 */
public final class PlaybookQueueViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Something the operator should see wherever they are: a fix healed, or a proposal waits for them. */
    public record Notice(Kind kind, String title, String text) {
        public enum Kind { HEALED, AWAITING }
    }

    private final Supplier<GuardrailCounters> counters;
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Map<QueueRow.Key, QueueRow> byKey = new HashMap<>();
    /**
     * The shipped playbooks' risks, for rows no gate was asked about (a target's own playbook gets its risk then).
     * Made with the first row, not with this class: the registry builds every playbook, which the console's first
     * frame does not need.
     */
    private static final class BuiltInRisks {
        static final Map<String, Risk> BY_NAME = BuiltInPlaybooks.registry().all().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Playbook::name, Playbook::risk));
    }
    /** The target of each run, by run id, from its start event. */
    private final Map<String, String> targets = new HashMap<>();
    /** Triaged groups by fingerprint, so that a row can say what failed. */
    private final Map<String, FailureGroup> groups = new HashMap<>();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper canDecide = new ReadOnlyBooleanWrapper(this, "canDecide", false);
    private final ReadOnlyStringWrapper approveText = new ReadOnlyStringWrapper(this, "approveText", "Approve");
    private final ReadOnlyStringWrapper detailTitle = new ReadOnlyStringWrapper(this, "detailTitle", "");
    private final ReadOnlyStringWrapper detailFacts = new ReadOnlyStringWrapper(this, "detailFacts", "");
    private final ReadOnlyStringWrapper planNote = new ReadOnlyStringWrapper(this, "planNote", "");
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ObservableList<String> missing = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ObservableList<String> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<String> missingView = FXCollections.unmodifiableObservableList(missing);
    private final ObservableList<String> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyIntegerWrapper awaiting = new ReadOnlyIntegerWrapper(this, "awaiting", 0);
    private final ReadOnlyStringWrapper countersText = new ReadOnlyStringWrapper(this, "countersText", "");
    private final List<Consumer<Notice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final Subscription selectionWatch;

    /** @param counters the session executor's guardrail counters (thread-safe); null while the core is not open */
    public PlaybookQueueViewModel(Supplier<GuardrailCounters> counters) {
        this.counters = counters;
        selectionWatch = selected.subscribe((was, now) -> {
            if (was != null) {
                was.confirming = false;   // a confirmation is for the row it was asked on, while it stays in view
            }
            reason.set("");
            refreshDetail();
        });
        refreshCounters();
    }

    // ---- State --------------------------------------------------------------------------------

    /** Every proposal of this session, in the order they were made. */
    public ObservableList<QueueRow> rows() {
        return rowsView;
    }

    public ObjectProperty<QueueRow> selectedProperty() {
        return selected;
    }

    /** Why the operator answers as they do; recorded with the decision (a default is used when blank). */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** True while the selected proposal waits for the operator. */
    public ReadOnlyBooleanProperty canDecideProperty() {
        return canDecide.getReadOnlyProperty();
    }

    /** "Approve", or "Confirm high-risk" once a high-risk approval was clicked. */
    public ReadOnlyStringProperty approveTextProperty() {
        return approveText.getReadOnlyProperty();
    }

    /** "restart-backend · network · connect ECONNREFUSED 127.0.0.1:8080" */
    public ReadOnlyStringProperty detailTitleProperty() {
        return detailTitle.getReadOnlyProperty();
    }

    /** "awaiting · class A · risk low · target sandbox — Restart the backend process" */
    public ReadOnlyStringProperty detailFactsProperty() {
        return detailFacts.getReadOnlyProperty();
    }

    /** Whether the plan can be undone, or that it is not planned yet. */
    public ReadOnlyStringProperty planNoteProperty() {
        return planNote.getReadOnlyProperty();
    }

    /** The selected proposal's plan, one step per line, commands as their quoted argument vectors. */
    public ObservableList<String> planSteps() {
        return stepsView;
    }

    /** What the selected proposal's plan lacks to run here, each with what to do. */
    public ObservableList<String> planMissing() {
        return missingView;
    }

    /** The selected proposal's decisions and messages, oldest first. */
    public ObservableList<String> history() {
        return historyView;
    }

    /** Proposals waiting for the operator: the rail's badge. */
    public ReadOnlyIntegerProperty awaitingProperty() {
        return awaiting.getReadOnlyProperty();
    }

    /** The guardrail counters of this session, refreshed on every playbook event. */
    public ReadOnlyStringProperty countersTextProperty() {
        return countersText.getReadOnlyProperty();
    }

    /** Calls {@code listener} with every notice (FX thread) until unsubscribed. */
    public Subscription onNotice(Consumer<Notice> listener) {
        noticeListeners.add(listener);
        return () -> noticeListeners.remove(listener);
    }

    // ---- From the run and the gate (FX thread) ------------------------------------------------

    /** Follows a batch of run events, in order; events other than triage and playbooks are ignored. */
    public void accept(List<RunEvent> events) {
        boolean playbookEvent = false;
        for (RunEvent event : events) {
            playbookEvent |= apply(event);
        }
        if (playbookEvent) {
            refreshCounters();
            recount();
            refreshDetail();
        }
    }

    /** A proposal the gate let through by policy: the row learns its risk, target and description. */
    public void described(Proposal proposal) {
        QueueRow row = rowOf(proposal);
        if (row == selected.get()) {
            refreshDetail();
        }
    }

    /** The gate asks the operator about {@code question}; the run waits until it is answered or withdrawn. */
    public void ask(Question question) {
        Proposal p = question.proposal();
        QueueRow row = rowOf(p);
        if (!question.isOpen()) {
            return;   // withdrawn before it got here: the run moved on
        }
        row.question = question;
        row.state(ProposalState.AWAITING);
        row.log("asked " + (p.risk() == Risk.HIGH ? "(high risk: approving takes a confirmation)" : "the operator")
                + " under policy " + p.policy().name().toLowerCase(Locale.ROOT), "waits for your decision");
        QueueRow current = selected.get();
        if (current == null || current.question == null) {
            selected.set(row);   // the operator is not looking at another open question: show this one
        }
        recount();
        refreshDetail();
        notice(new Notice(Notice.Kind.AWAITING, "Playbook awaiting approval",
                p.playbook() + " for " + row.groupText()));
    }

    // ---- Commands -----------------------------------------------------------------------------

    /** Approves the selected proposal; a high-risk one on the second call, which confirms the first. */
    public void approve() {
        QueueRow row = decidable();
        if (row == null) {
            return;
        }
        if (row.riskProperty().get() == Risk.HIGH && !row.confirming) {
            row.confirming = true;
            refreshDetail();
            return;
        }
        answer(row, OperatorDecision.Verdict.APPROVE, "approved in the console", ProposalState.APPLYING);
    }

    /** Plans only: the proposal is recorded as a dry run and nothing changes. */
    public void dryRun() {
        QueueRow row = decidable();
        if (row != null) {
            answer(row, OperatorDecision.Verdict.DRY_RUN, "dry run chosen in the console", ProposalState.DRY_RUN);
        }
    }

    public void reject() {
        QueueRow row = decidable();
        if (row != null) {
            answer(row, OperatorDecision.Verdict.REJECT, "rejected in the console", ProposalState.REJECTED);
        }
    }

    public void dispose() {
        selectionWatch.unsubscribe();
        noticeListeners.clear();
    }

    // ---- Internals ----------------------------------------------------------------------------

    private QueueRow decidable() {
        QueueRow row = selected.get();
        return row != null && row.question != null && row.question.isOpen() ? row : null;
    }

    private void answer(QueueRow row, OperatorDecision.Verdict verdict, String fallback, ProposalState next) {
        String why = reason.get() == null || reason.get().isBlank() ? fallback : reason.get().strip();
        if (row.question.answer(verdict, why)) {
            row.state(next);
        }
        row.question = null;
        row.confirming = false;
        reason.set("");
        recount();
        refreshDetail();
    }

    /** Applies one event; true when it was about a playbook. */
    private boolean apply(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            targets.put(e.runId(), e.target());
            return false;
        } else if (event instanceof RunEvent.FailureTriaged e) {
            groups.put(e.group().fingerprint(), e.group());
            return false;
        } else if (event instanceof RunEvent.PlaybookProposed e) {
            QueueRow row = row(new QueueRow.Key(e.runId(), e.fingerprint(), e.playbook()), e.fixClass());
            // Known before any gate is asked, so that a proposal skipped or only planned shows them too.
            row.target(targets.getOrDefault(e.runId(), ""));
            if (row.riskProperty().get() == null) {
                row.risk(BuiltInRisks.BY_NAME.get(e.playbook()));
            }
            row.state(ProposalState.PROPOSED);
            row.log("proposed (class " + e.fixClass() + ")", null);
        } else if (event instanceof RunEvent.PlaybookPlanned e) {
            QueueRow row = row(new QueueRow.Key(e.runId(), e.fingerprint(), e.playbook()), null);
            row.steps.clear();
            row.steps.addAll(e.steps());
            row.missing.clear();
            row.missing.addAll(e.missing());
            row.planned = true;
            row.reversible = e.reversible();
            row.state(ProposalState.PLANNED);
            row.log("planned: " + e.steps().size() + " step(s)" + (e.missing().isEmpty() ? ""
                    : "; missing: " + String.join("; ", e.missing())), null);
        } else if (event instanceof RunEvent.PlaybookDecided e) {
            QueueRow row = row(new QueueRow.Key(e.runId(), e.fingerprint(), e.playbook()), null);
            row.question = null;
            row.confirming = false;
            row.state(switch (e.decision()) {
                case APPROVED, AUTO -> ProposalState.APPLYING;
                case DRY_RUN -> ProposalState.DRY_RUN;
                case REJECTED -> ProposalState.REJECTED;
                case SKIPPED -> ProposalState.SKIPPED;
            });
            row.log(CLOCK.format(e.at()) + " " + e.decision().id() + " by " + e.decidedBy() + ": " + e.reason(),
                    e.reason());
        } else if (event instanceof RunEvent.PlaybookApplied e) {
            ActionRecord a = e.action();
            QueueRow row = row(new QueueRow.Key(e.runId(), a.fingerprint(), a.playbook()), a.fixClass());
            row.state(a.applied() ? ProposalState.VERIFYING : ProposalState.FAILED);
            row.log((a.applied() ? "applied in " + a.durationMs() + " ms: " : "failed: ") + a.message(), a.message());
        } else if (event instanceof RunEvent.PlaybookVerified e) {
            verified(e);
        } else if (event instanceof RunEvent.PlaybookRolledBack e) {
            QueueRow row = row(new QueueRow.Key(e.runId(), e.fingerprint(), e.playbook()), null);
            row.state(e.success() ? ProposalState.ROLLED_BACK : ProposalState.FAILED);
            row.log((e.success() ? "rolled back: " : "could not be rolled back: ") + e.message(), e.message());
        } else {
            return false;
        }
        return true;
    }

    private void verified(RunEvent.PlaybookVerified e) {
        ActionRecord a = e.action();
        QueueRow row = row(new QueueRow.Key(e.runId(), a.fingerprint(), a.playbook()), a.fixClass());
        if (a.verified()) {
            row.state(ProposalState.HEALED);
            row.log("healed: " + a.message(), a.message());
            notice(new Notice(Notice.Kind.HEALED, "Healed by " + a.playbook(), row.groupText()));
        } else if (a.success()) {
            // Class B and C: made for review; the executor does not re-run the tests for them.
            row.state(ProposalState.SUBMITTED);
            row.log("submitted for review: " + a.message(), a.message());
        } else {
            row.state(ProposalState.FAILED);
            row.log(a.message(), a.message());   // the executor's message says what did not verify
        }
    }

    /** The row of {@code key}, made (at the end of the queue) when the queue has not seen it yet. */
    private QueueRow row(QueueRow.Key key, FixClass fixClass) {
        QueueRow row = byKey.get(key);
        if (row == null) {
            row = new QueueRow(key, fixClass, groups.get(key.fingerprint()));
            byKey.put(key, row);
            rows.add(row);
        }
        return row;
    }

    private QueueRow rowOf(Proposal p) {
        groups.putIfAbsent(p.fingerprint(), p.group());
        QueueRow row = row(new QueueRow.Key(p.runId(), p.fingerprint(), p.playbook()), p.fixClass());
        row.risk(p.risk());
        row.target(p.target());
        row.description = p.description() == null ? "" : p.description();
        return row;
    }

    private void notice(Notice notice) {
        noticeListeners.forEach(l -> l.accept(notice));
    }

    private void recount() {
        awaiting.set((int) rows.stream().filter(r -> r.question != null && r.question.isOpen()).count());
    }

    private void refreshDetail() {
        QueueRow row = selected.get();
        if (row == null) {
            detailTitle.set("");
            detailFacts.set("");
            planNote.set("Select a proposal to see its plan.");
            steps.clear();
            missing.clear();
            history.clear();
            canDecide.set(false);
            approveText.set("Approve");
            return;
        }
        detailTitle.set(row.playbook() + " · " + row.groupText());
        Risk risk = row.riskProperty().get();
        String facts = row.state().label() + " · class " + (row.fixClass() == null ? "?" : row.fixClass())
                + (risk == null ? "" : " · risk " + risk.name().toLowerCase(Locale.ROOT))
                + (row.targetProperty().get().isEmpty() ? "" : " · target " + row.targetProperty().get())
                + " · run " + row.key().runId();
        detailFacts.set(row.description.isEmpty() ? facts : facts + " — " + row.description);
        planNote.set(!row.planned ? "Not planned yet."
                : row.reversible ? "Reversible: if the fix does not verify, it is rolled back."
                : "Not reversible: nothing undoes it automatically.");
        steps.setAll(row.steps);
        missing.setAll(row.missing);
        history.setAll(row.history);
        canDecide.set(decidable() == row);
        approveText.set(row.confirming ? "Confirm high-risk" : "Approve");
    }

    private void refreshCounters() {
        GuardrailCounters c = counters == null ? null : counters.get();
        if (c == null) {
            countersText.set("Guardrails: not loaded yet");
            return;
        }
        Guardrails l = c.limits();
        int worst = c.attemptsByFingerprint().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        countersText.set(String.format(Locale.ROOT, "Guardrails · fixes this run %d/%d · attempts at one failure"
                        + " %d/%d · container restarts %d/%d · database operations %d/%d · refused %d%s",
                c.fixesLastRun(), l.maxFixesPerRun(), worst, l.maxAttemptsPerFailure(), c.containerRestarts(),
                l.maxContainerRestarts(), c.databaseOperations(), l.maxDatabaseOperations(), c.refusals(),
                c.lastFixAt() == null ? "" : " · last fix " + CLOCK.format(c.lastFixAt())));
    }
}
