package dev.healdesk.app.playbooks;

import dev.healdesk.app.Fixtures;
import dev.healdesk.core.playbook.GuardrailCounters;
import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.playbook.Kind;
import dev.healdesk.core.playbook.OperatorDecision;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.Proposal;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue without a window: run events move each proposal through its states, the gate's questions make it
 * AWAITING, and the operator's answers reach the question the run waits on.
 */
class PlaybookQueueViewModelTest {
    static final String RUN = "run-9";
    private final FailureGroup db = Fixtures.dbPool(Fixtures.failed("contracts/customers", "FATAL: remaining slots"));
    private final FailureGroup ui = Fixtures.selector(Fixtures.failed("modules/login", "locator resolved to 0"));
    private final AtomicInteger counterReads = new AtomicInteger();
    private final PlaybookQueueViewModel vm = new PlaybookQueueViewModel(() -> {
        counterReads.incrementAndGet();
        return new GuardrailCounters(Guardrails.defaults(), 1, 0, 1, Map.of(db.fingerprint(), 1), 0, null);
    });
    private final List<PlaybookQueueViewModel.Notice> notices = new ArrayList<>();

    PlaybookQueueViewModelTest() {
        vm.onNotice(notices::add);
    }

    static Proposal proposal(FailureGroup group, String playbook, FixClass fixClass, Risk risk) {
        return new Proposal(RUN, group, playbook, "Ends idle sessions", fixClass, risk, Kind.DATABASE,
                List.of("postgres"), "sandbox", ApprovalPolicy.ASK);
    }

    static Plan plan(String playbook) {
        return new Plan(playbook, List.of(PlanStep.command("Terminate idle sessions", List.of("psql", "-c", "…"))),
                List.of(), true);
    }

    static List<RunEvent> proposedAndPlanned(FailureGroup group, String playbook, FixClass fixClass) {
        return List.of(new RunEvent.FailureTriaged(RUN, group),
                new RunEvent.PlaybookProposed(RUN, group.fingerprint(), playbook, fixClass),
                new RunEvent.PlaybookPlanned(RUN, group.fingerprint(), playbook,
                        List.of("Terminate idle sessions: [\"psql\" \"-c\" \"…\"]"), List.of(), true));
    }

    static RunEvent decided(FailureGroup group, String playbook, Decision decision, String by, String reason) {
        return new RunEvent.PlaybookDecided(RUN, group.fingerprint(), playbook, decision, by, Fixtures.T0, reason);
    }

    static ActionRecord action(FailureGroup group, String playbook, FixClass fixClass, boolean applied,
                               boolean success, boolean verified, String message) {
        return new ActionRecord(group.fingerprint(), playbook, fixClass, Decision.APPROVED, applied, success,
                verified, message, 42);
    }

    private Question ask(FailureGroup group, String playbook, FixClass fixClass, Risk risk) {
        Question q = new Question(proposal(group, playbook, fixClass, risk), "alice");
        vm.ask(q);
        return q;
    }

    private QueueRow only() {
        assertThat(vm.rows()).hasSize(1);
        return vm.rows().get(0);
    }

    @Test
    void aFailureWhoseFirstLineIsAWholeResponseBodyIsShownAsItsGist() {
        String body = "Expected status 200 but got 503 for GET /api/health: " + "{\"status\":\"error\"}".repeat(20);
        FailureGroup long503 = new FailureGroup("fp-503", db.classification(),
                List.of(Fixtures.failed("health/api", body)), body, "");
        vm.accept(List.of(new RunEvent.FailureTriaged(RUN, long503),
                new RunEvent.PlaybookProposed(RUN, long503.fingerprint(), "kill-idle", FixClass.A)));
        String text = only().groupText();
        assertThat(text).startsWith(long503.category().id() + " · Expected status 200 but got 503").endsWith("…");
        assertThat(text).hasSize(long503.category().id().length() + 3 + QueueRow.GIST + 1);
    }

    @Test
    void aProposalNoGateSawStillShowsItsTargetAndTheShippedPlaybooksRisk() {
        vm.accept(List.of(new RunEvent.RunStarted(RUN, "crm-staging", List.of("health"),
                        dev.healdesk.core.run.RunOptions.defaults(), Fixtures.T0, 3),
                new RunEvent.FailureTriaged(RUN, db),
                new RunEvent.PlaybookProposed(RUN, db.fingerprint(), "terminate-idle-transactions", FixClass.A),
                decided(db, "terminate-idle-transactions", Decision.DRY_RUN, "operator", "--dry-run")));
        QueueRow row = only();
        assertThat(row.state()).isEqualTo(ProposalState.DRY_RUN);
        assertThat(row.targetProperty().get()).isEqualTo("crm-staging");
        assertThat(row.riskProperty().get()).isEqualTo(Risk.HIGH);
    }

    @Test
    void aClassAFixGoesFromProposedToHealedAndTheOperatorsApprovalReachesTheRun() {
        vm.accept(List.of(new RunEvent.FailureTriaged(RUN, db),
                new RunEvent.PlaybookProposed(RUN, db.fingerprint(), "kill-idle", FixClass.A)));
        QueueRow row = only();
        assertThat(row.state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(row.groupText()).isEqualTo("database · FATAL: remaining connection slots are reserved");
        vm.accept(proposedAndPlanned(db, "kill-idle", FixClass.A).subList(2, 3));
        assertThat(row.state()).isEqualTo(ProposalState.PLANNED);
        assertThat(vm.canDecideProperty().get()).isFalse();

        Question q = ask(db, "kill-idle", FixClass.A, Risk.MEDIUM);
        assertThat(row.state()).isEqualTo(ProposalState.AWAITING);
        assertThat(vm.selectedProperty().get()).as("the question is shown").isSameAs(row);
        assertThat(vm.awaitingProperty().get()).isEqualTo(1);
        assertThat(vm.canDecideProperty().get()).isTrue();
        assertThat(vm.planSteps()).containsExactly("Terminate idle sessions: [\"psql\" \"-c\" \"…\"]");
        assertThat(vm.planNoteProperty().get()).startsWith("Reversible");
        assertThat(vm.detailFactsProperty().get()).contains("class A", "risk medium", "target sandbox");
        assertThat(notices).extracting(PlaybookQueueViewModel.Notice::kind)
                .containsExactly(PlaybookQueueViewModel.Notice.Kind.AWAITING);

        vm.reasonProperty().set("pool is full of idle sessions");
        vm.approve();
        assertThat(q.answer()).isCompletedWithValue(OperatorDecision.approve("alice", "pool is full of idle sessions"));
        assertThat(row.state()).isEqualTo(ProposalState.APPLYING);
        assertThat(vm.awaitingProperty().get()).isZero();
        assertThat(vm.canDecideProperty().get()).isFalse();
        assertThat(vm.reasonProperty().get()).isEmpty();

        int reads = counterReads.get();
        vm.accept(List.of(decided(db, "kill-idle", Decision.APPROVED, "alice", "pool is full of idle sessions")));
        assertThat(row.state()).isEqualTo(ProposalState.APPLYING);
        vm.accept(List.of(new RunEvent.PlaybookApplied(RUN,
                action(db, "kill-idle", FixClass.A, true, false, false, "terminated 4 sessions"), "4")));
        assertThat(row.state()).isEqualTo(ProposalState.VERIFYING);
        vm.accept(List.of(new RunEvent.PlaybookVerified(RUN,
                action(db, "kill-idle", FixClass.A, true, true, true, "verified: the 1 failing test(s) pass"))));
        assertThat(row.state()).isEqualTo(ProposalState.HEALED);
        assertThat(row.noteProperty().get()).isEqualTo("verified: the 1 failing test(s) pass");
        assertThat(counterReads.get()).as("counters refreshed on each playbook event").isEqualTo(reads + 3);
        assertThat(vm.countersTextProperty().get()).contains("fixes this run 1/3", "attempts at one failure 1/2",
                "database operations 1/3");
        assertThat(notices).extracting(PlaybookQueueViewModel.Notice::kind)
                .containsExactly(PlaybookQueueViewModel.Notice.Kind.AWAITING, PlaybookQueueViewModel.Notice.Kind.HEALED);
        assertThat(vm.history()).anyMatch(l -> l.contains("approved by alice: pool is full of idle sessions"))
                .anyMatch(l -> l.startsWith("healed: verified"));
    }

    @Test
    void aClassBChangeIsSubmittedForReviewNotHealed() {
        vm.accept(proposedAndPlanned(ui, "propose-selector-fix", FixClass.B));
        Question q = ask(ui, "propose-selector-fix", FixClass.B, Risk.LOW);
        vm.approve();
        assertThat(q.answer().join().verdict()).isEqualTo(OperatorDecision.Verdict.APPROVE);
        vm.accept(List.of(decided(ui, "propose-selector-fix", Decision.APPROVED, "alice", "approved in the console"),
                new RunEvent.PlaybookApplied(RUN, action(ui, "propose-selector-fix", FixClass.B, true, false, false,
                        "branch healdesk/fix-selector pushed"), ""),
                new RunEvent.PlaybookVerified(RUN, action(ui, "propose-selector-fix", FixClass.B, true, true, false,
                        "branch healdesk/fix-selector pushed; waits for review, the tests were not re-run"))));
        assertThat(only().state()).isEqualTo(ProposalState.SUBMITTED);
        assertThat(notices).extracting(PlaybookQueueViewModel.Notice::kind)
                .doesNotContain(PlaybookQueueViewModel.Notice.Kind.HEALED);
    }

    @Test
    void aFixThatDoesNotVerifyFailsAndIsRolledBack() {
        vm.accept(proposedAndPlanned(db, "kill-idle", FixClass.A));
        vm.accept(List.of(decided(db, "kill-idle", Decision.AUTO, "policy", "class A fixes run automatically"),
                new RunEvent.PlaybookApplied(RUN, action(db, "kill-idle", FixClass.A, true, false, false, "done"), ""),
                new RunEvent.PlaybookVerified(RUN, action(db, "kill-idle", FixClass.A, true, false, false,
                        "not verified: still failing: contracts/customers"))));
        QueueRow row = only();
        assertThat(row.state()).isEqualTo(ProposalState.FAILED);
        assertThat(row.noteProperty().get()).startsWith("not verified: still failing");
        vm.accept(List.of(new RunEvent.PlaybookRolledBack(RUN, db.fingerprint(), "kill-idle", true, "restored")));
        assertThat(row.state()).isEqualTo(ProposalState.ROLLED_BACK);
        vm.selectedProperty().set(row);
        assertThat(vm.history()).hasSize(6).startsWith("proposed (class A)", "planned: 1 step(s)")
                .endsWith("applied in 42 ms: done", "not verified: still failing: contracts/customers",
                        "rolled back: restored");
        assertThat(vm.history().get(2)).endsWith(" auto by policy: class A fixes run automatically");
    }

    @Test
    void aFailedApplyRejectionsDryRunsAndSkipsShowTheirReason() {
        vm.accept(proposedAndPlanned(db, "kill-idle", FixClass.A));
        vm.accept(List.of(decided(db, "kill-idle", Decision.APPROVED, "alice", "ok"),
                new RunEvent.PlaybookApplied(RUN, action(db, "kill-idle", FixClass.A, false, false, false,
                        "psql: connection refused"), "")));
        assertThat(only().state()).isEqualTo(ProposalState.FAILED);

        vm.accept(proposedAndPlanned(ui, "propose-selector-fix", FixClass.B));
        vm.accept(List.of(decided(ui, "propose-selector-fix", Decision.SKIPPED, "guardrails",
                "max fixes: 3 fix(es) applied in this run, the limit is 3")));
        QueueRow skipped = vm.rows().get(1);
        assertThat(skipped.state()).isEqualTo(ProposalState.SKIPPED);
        assertThat(skipped.noteProperty().get()).startsWith("max fixes");

        Question q = ask(ui, "propose-selector-fix", FixClass.B, Risk.LOW);
        vm.dryRun();
        assertThat(q.answer().join()).isEqualTo(OperatorDecision.dryRun("alice", "dry run chosen in the console"));
        assertThat(skipped.state()).isEqualTo(ProposalState.DRY_RUN);
        Question again = ask(ui, "propose-selector-fix", FixClass.B, Risk.LOW);
        vm.reject();
        assertThat(again.answer().join()).isEqualTo(OperatorDecision.reject("alice", "rejected in the console"));
        assertThat(skipped.state()).isEqualTo(ProposalState.REJECTED);
    }

    @Test
    void aHighRiskApprovalTakesASecondConfirmingClick() {
        vm.accept(proposedAndPlanned(db, "drop-pool", FixClass.A));
        Question q = ask(db, "drop-pool", FixClass.A, Risk.HIGH);
        vm.approve();
        assertThat(q.answer()).as("one click is not a confirmation").isNotDone();
        assertThat(vm.approveTextProperty().get()).isEqualTo("Confirm high-risk");
        vm.approve();
        assertThat(q.answer().join().verdict()).isEqualTo(OperatorDecision.Verdict.APPROVE);
        assertThat(vm.approveTextProperty().get()).isEqualTo("Approve");
    }

    @Test
    void onlyAnAwaitingRowCanBeAnsweredAndAWithdrawnQuestionIsNotChangedByALateClick() {
        vm.accept(proposedAndPlanned(db, "kill-idle", FixClass.A));
        vm.selectedProperty().set(only());
        vm.approve();
        assertThat(only().state()).isEqualTo(ProposalState.PLANNED);

        Question q = ask(db, "kill-idle", FixClass.A, Risk.LOW);
        assertThat(q.withdraw(ConsoleGate.NOBODY, "the run was cancelled")).isTrue();
        vm.approve();
        assertThat(q.answer().join().verdict()).isEqualTo(OperatorDecision.Verdict.REJECT);
        vm.accept(List.of(decided(db, "kill-idle", Decision.REJECTED, ConsoleGate.NOBODY, "the run was cancelled")));
        assertThat(only().state()).isEqualTo(ProposalState.REJECTED);
        assertThat(vm.awaitingProperty().get()).isZero();
    }
}
