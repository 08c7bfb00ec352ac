package dev.healdesk.core.playbook;

import dev.healdesk.core.redact.KnownSecrets;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.HealRequest;
import dev.healdesk.core.run.Healer;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The one place playbooks run. For each failure group, most severe first: find the playbook (the target's own, else
 * the registry's), plan it (always: the plan with its real commands is logged even when nothing runs), let the
 * {@link DecisionGate} decide, keep the {@link Guardrails}, apply, wait for the target to settle, re-run the projects
 * of the tests that still fail, and count the fix as healed only when the group's tests pass and nothing that passed
 * before fails; otherwise roll it back where the playbook can and record it failed. A class-A fix is tried only
 * against a failure that came back (see {@code reproduce}): a flaky test's pass is never a fix's credit. Every proposal, plan, decision
 * (who, when, why), output, verification and rollback is a {@link RunEvent}, which the run loop writes to
 * healing-output.log and to the audit table.
 *
 * <p>Text from playbooks and failures is redacted before it becomes an event: by the redactor given (secrets by
 * their shape) and by the values of the secret environment variables (secrets Healdesk itself handed out).
 *
 * <p>One executor serves a whole session (a console, or one CLI run): the per-session limits and the attempts at
 * each failure count across its runs. Runs are healed one at a time; {@link #counters()} may be read from any
 * thread.
 */
public final class PlaybookExecutor implements Healer {

    /** Failures of these categories say a service is unreachable or broken; they are what the systemic stop counts. */
    private static final Set<Category> SERVICE_CATEGORIES = Set.of(Category.NETWORK, Category.INFRA,
            Category.DATABASE, Category.TIMEOUT);

    static final String GUARDRAILS = "guardrails";
    static final String EXECUTOR = "healdesk";
    static final String OPERATOR = "operator";

    private final PlaybookRegistry registry;
    private final DecisionGate gate;
    private final Guardrails defaults;
    /** The limits of the run healed last (a target may set its own), for {@link #counters()}; guarded by this. */
    private Guardrails current;
    private final Map<String, String> env;
    private final UnaryOperator<String> redact;
    private final Clock clock;
    private final PlaybookChoice choice;
    /** Playbooks the operator's settings say never to propose ({@value #DISABLED_ENV}, comma-separated). */
    private final Set<String> disabled;
    public static final String DISABLED_ENV = "HEALDESK_DISABLED_PLAYBOOKS";

    // Session state, guarded by this.
    private final Map<String, Integer> attempts = new HashMap<>();
    private final Map<String, Instant> lastRestart = new HashMap<>();
    private int containerRestarts;
    private int databaseOperations;
    private int refusals;
    private int fixesLastRun;
    private Instant lastFixAt;

    /**
     * @param env    where playbooks take credentials and settings from, and what their commands get on top of the
     *               inherited environment
     * @param redact the redactor, applied to every plan, output and message before it is recorded
     */
    public PlaybookExecutor(PlaybookRegistry registry, DecisionGate gate, Guardrails limits, Map<String, String> env,
                            UnaryOperator<String> redact, Clock clock) {
        this(registry, gate, limits, env, redact, clock, PlaybookChoice.PATTERN);
    }

    public PlaybookExecutor(PlaybookRegistry registry, DecisionGate gate, Guardrails limits, Map<String, String> env,
                            UnaryOperator<String> redact, Clock clock, PlaybookChoice choice) {
        this.registry = registry;
        this.gate = gate;
        this.defaults = limits;
        this.current = limits;
        this.env = Map.copyOf(env);
        KnownSecrets known = new KnownSecrets(this.env);
        // The values first: a shape found inside a secret value would leave the rest of the value behind.
        this.redact = text -> text == null ? null : redact.apply(known.apply(text));
        this.clock = clock;
        this.choice = choice;
        this.disabled = java.util.Arrays.stream(this.env.getOrDefault(DISABLED_ENV, "").split(","))
                .map(String::strip).filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** What this session has used of each limit. */
    public synchronized GuardrailCounters counters() {
        return new GuardrailCounters(current, fixesLastRun, containerRestarts, databaseOperations, attempts, refusals,
                lastFixAt);
    }

    @Override
    public List<ActionRecord> heal(HealRequest request) {
        TargetControl control = ControlledTarget.controlOf(request.target());
        Guardrails limits = control.guardrails(defaults);
        Run run = new Run(request, control, limits);
        synchronized (this) {
            fixesLastRun = 0;
            current = limits;
        }
        run.systemic = systemic(request.groups(), limits).orElse(null);
        if (run.systemic != null) {
            run.log(RunEvent.Log.Level.WARN, run.systemic);
        }
        List<FailureGroup> ordered = request.groups().stream()
                .sorted(Comparator.comparing(FailureGroup::severity)).toList();
        for (FailureGroup group : ordered) {
            if (request.cancel().isCancelled()) {
                break;
            }
            propose(run, group);
        }
        return List.copyOf(run.actions);
    }

    // ------------------------------------------------------------------------------------------------ one group

    private void propose(Run run, FailureGroup group) {
        Optional<Diagnosis> diagnosis = Optional.ofNullable(run.request.diagnoses().get(group.fingerprint()));
        String name = choice.choose(group, diagnosis);
        if (name == null) {
            return;
        }
        Optional<Playbook> found = run.control.ownPlaybook(name).or(() -> registry.find(name));
        FixClass fixClass = found.map(Playbook::fixClass).orElse(group.fixClass());
        run.emit(new RunEvent.PlaybookProposed(run.id(), group.fingerprint(), name, fixClass));
        boolean dryRun = run.request.options().dryRun();
        if (found.isEmpty()) {
            run.record(group, name, fixClass, dryRun ? Decision.DRY_RUN : Decision.SKIPPED, EXECUTOR,
                    "no playbook named " + name + " is installed in this build" + (dryRun ? "; nothing to plan" : ""));
            return;
        }
        if (disabled.contains(name)) {
            run.record(group, name, fixClass, Decision.SKIPPED, EXECUTOR, name + " is switched off in the settings"
                    + " (playbooks.disabled, " + DISABLED_ENV + "); the failure stays for a person");
            return;
        }
        Playbook playbook = found.get();
        if (run.healedBy != null && failureGone(run, group)) {
            List<String> seenOnce = group.tests().stream().map(TestResult::id).distinct()
                    .filter(id -> run.failures(id) < 2).toList();
            if (seenOnce.size() == group.tests().stream().map(TestResult::id).distinct().count()
                    && seenOnce.stream().allMatch(id -> run.latest.get(id) != null
                    && run.latest.get(id).status().isPassing())) {
                // It failed once and passed when run again: nothing says that another group's fix did it.
                run.record(group, name, fixClass, Decision.SKIPPED, EXECUTOR, mayHaveBeenFlaky(seenOnce, name));
                return;
            }
            String changed = failingForAnotherReason(run, group);
            run.record(group, name, fixClass, Decision.SKIPPED, EXECUTOR, changed.isEmpty()
                    ? "its tests pass again since " + run.healedBy + " was verified; nothing to do"
                    : "its failure is gone since " + run.healedBy + " was verified, so " + name + " has nothing to"
                    + " fix; " + redact.apply(changed));
            return;
        }
        if (!playbook.isApplicable(group)) {
            run.record(group, name, fixClass, Decision.SKIPPED, EXECUTOR,
                    name + " does not apply to " + group.category().id() + " failures");
            return;
        }
        PlaybookContext context = new PlaybookContext(run.id(), group, diagnosis, run.control.settings(name), env,
                run.commands, run.request.runFolder(), run.control, clock);
        Plan plan = plan(playbook, context);
        run.emit(new RunEvent.PlaybookPlanned(run.id(), group.fingerprint(), name,
                plan.steps().stream().map(s -> redact.apply(describe(s))).toList(),
                plan.missing().stream().map(redact).toList(), plan.reversible()));
        if (dryRun) {
            run.record(group, name, fixClass, Decision.DRY_RUN, OPERATOR, "--dry-run: planned, nothing changed"
                    + (plan.runnable() ? "" : "; it could not run here: " + redact.apply(String.join("; ",
                    plan.missing()))));
            return;
        }
        if (!plan.runnable()) {
            run.record(group, name, fixClass, Decision.SKIPPED, EXECUTOR,
                    "cannot run here: " + redact.apply(String.join("; ", plan.missing())));
            return;
        }
        Proposal proposal = new Proposal(run.id(), group, name, playbook.description(), fixClass, playbook.risk(),
                dominant(plan), subjects(playbook, context), run.control.name(), run.request.options().approve());
        if (fixClass == FixClass.A && refusal(run, proposal, plan).isEmpty()) {
            // A class-A fix is verified by the tests: only against a failure that comes back.
            Optional<String> notBack = reproduce(run, group, name);
            if (notBack.isPresent()) {
                run.record(group, name, fixClass, Decision.SKIPPED, EXECUTOR, notBack.get());
                return;
            }
        }
        OperatorDecision approval = null;
        for (int attempt = 1; !run.request.cancel().isCancelled(); attempt++) {
            Optional<String> refusal = refusal(run, proposal, plan);
            if (refusal.isPresent()) {
                synchronized (this) {
                    refusals++;
                }
                run.record(group, name, fixClass, Decision.SKIPPED, GUARDRAILS, refusal.get());
                return;
            }
            if (approval == null) {
                approval = decide(proposal, plan);
                if (approval.verdict() != OperatorDecision.Verdict.APPROVE) {
                    run.record(group, name, fixClass, approval.decision(), approval.decidedBy(),
                            redact.apply(approval.reason()));
                    return;
                }
            }
            run.emit(new RunEvent.PlaybookDecided(run.id(), group.fingerprint(), name, approval.decision(),
                    approval.decidedBy(), clock.instant(), redact.apply(approval.reason())
                    + (attempt > 1 ? " (attempt " + attempt + " of " + run.limits.maxAttemptsPerFailure() + ")" : "")));
            if (!awaitCooldown(run)) {
                run.actions.add(new ActionRecord(group.fingerprint(), name, fixClass, approval.decision(), false,
                        false, false, "cancelled before it ran", 0));
                return;
            }
            if (attempt(run, playbook, proposal, context, plan, approval.decision())) {
                return;
            }
            synchronized (this) {
                if (attempts.getOrDefault(group.fingerprint(), 0) >= run.limits.maxAttemptsPerFailure()) {
                    return;
                }
            }
            if (failureGone(run, group)) {
                // The fix took this failure away and the tests now fail for another reason: trying the same
                // playbook again would not help, and the new failure is not its to fix.
                String changed = failingForAnotherReason(run, group);
                run.log(RunEvent.Log.Level.INFO, "Not trying " + name + " again: " + (changed.isEmpty()
                        ? "the group's tests pass now" : redact.apply(changed)));
                return;
            }
        }
    }

    /** The gate's answer; a gate that fails (a closed console, say) rejects, so nothing runs undecided. */
    private OperatorDecision decide(Proposal proposal, Plan plan) {
        try {
            return gate.decide(proposal, plan);
        } catch (RuntimeException e) {
            return OperatorDecision.reject(EXECUTOR, "no decision could be taken: " + e.getMessage());
        }
    }

    /** Applies, verifies and, where that fails, rolls back. True when the fix healed the group. */
    private boolean attempt(Run run, Playbook playbook, Proposal proposal, PlaybookContext context, Plan plan,
                            Decision decision) {
        FailureGroup group = proposal.group();
        Application application = new Application(proposal);
        count(proposal, plan, application);
        run.application = application;
        try {
            return attempt(run, playbook, proposal, context, plan, decision, application);
        } finally {
            run.application = null;
        }
    }

    private boolean attempt(Run run, Playbook playbook, Proposal proposal, PlaybookContext context, Plan plan,
                            Decision decision, Application application) {
        FailureGroup group = proposal.group();
        run.fixes++;
        synchronized (this) {
            fixesLastRun = run.fixes;
        }
        long t0 = System.nanoTime();
        Outcome outcome;
        try {
            outcome = playbook.apply(context, plan);
        } catch (PlaybookException e) {
            outcome = Outcome.failed(e.getMessage(), "");
        } catch (RuntimeException e) {
            outcome = Outcome.failed(proposal.playbook() + " failed: " + e, "");
        }
        String message = redact.apply(outcome.message());
        if (application.refusal != null && !application.ranAny) {
            // The guardrails stopped its first counted command: nothing changed, so it is a refusal, not a failure.
            synchronized (this) {
                refusals++;
            }
            run.record(group, proposal.playbook(), proposal.fixClass(), Decision.SKIPPED, GUARDRAILS,
                    application.refusal);
            return false;
        }
        ActionRecord applied = new ActionRecord(group.fingerprint(), proposal.playbook(), proposal.fixClass(),
                decision, outcome.success(), false, false, message, ms(t0));
        run.emit(new RunEvent.PlaybookApplied(run.id(), applied, redact.apply(outcome.output())));
        if (!outcome.success()) {
            run.actions.add(applied);
            return false;
        }
        if (proposal.fixClass() != FixClass.A) {
            // A class-B or C change waits for review (a branch, a pull request, an issue): nothing running changed,
            // so the tests are not re-run and a still-failing test is no reason to undo it. It succeeded when the
            // playbook's own check finds what it made.
            boolean made = ownCheck(playbook, context, outcome);
            ActionRecord submitted = new ActionRecord(group.fingerprint(), proposal.playbook(), proposal.fixClass(),
                    decision, true, made, false, made ? message + "; waits for review, the tests were not re-run"
                    : message + "; not found afterwards: " + proposal.playbook() + "'s own check failed", ms(t0));
            run.emit(new RunEvent.PlaybookVerified(run.id(), submitted));
            run.actions.add(submitted);
            return made;
        }
        pause(settle(run, context), run);
        Verification v = verify(run, playbook, context, outcome);
        ActionRecord verified = new ActionRecord(group.fingerprint(), proposal.playbook(), proposal.fixClass(),
                decision, true, v.ok(), v.ok(), v.message(), ms(t0));
        run.emit(new RunEvent.PlaybookVerified(run.id(), verified));
        if (v.ok()) {
            run.healedBy = proposal.playbook();
            run.actions.add(verified);
            return true;
        }
        String undone = rollback(run, playbook, context, outcome, v.tests());
        run.actions.add(new ActionRecord(group.fingerprint(), proposal.playbook(), proposal.fixClass(), decision,
                true, false, false, v.message() + "; " + undone, ms(t0)));
        return false;
    }

    private record Verification(boolean ok, String message, List<TestResult> tests) {
    }

    /**
     * Makes sure the group's failure reproduced in this run before a fix is tried for it, so that a fix is never
     * credited with a flaky test's pass: a failure has reproduced when the test failed on every attempt of the first
     * pass (its runner retried it) or failed again on a re-run. The group's tests whose failure was seen only once
     * are run again now, with nothing changed. Empty when at least one of the group's tests fails again the group's
     * way; else why not (each passed on re-run, fails for another reason now, or was not re-run), and the fix is
     * not applied.
     */
    private Optional<String> reproduce(Run run, FailureGroup group, String name) {
        Set<String> mine = new LinkedHashSet<>();
        group.tests().forEach(t -> mine.add(t.id()));
        // Every failure seen once so far runs again, not only this group's: a later group's flaky test is then known
        // as flaky before any fix, and is never put down to this one.
        List<TestResult> once = run.latest.values().stream()
                .filter(r -> r.status().isFailure() && run.failures(r.id()) < 2).toList();
        String notApplied = "; " + name + " was not applied: a fix is verified only against a failure that comes back";
        Map<String, TestResult> now = new LinkedHashMap<>();
        if (once.stream().anyMatch(r -> mine.contains(r.id()))) {
            List<TestResult> again;
            try {
                again = run.request.rerun().reproduce(once, run.request.cancel());
            } catch (SuiteException | RuntimeException e) {
                return Optional.of("its failure was seen once and the tests could not be re-run to see it again: "
                        + redact.apply(e.getMessage()) + notApplied);
            }
            if (run.request.cancel().isCancelled()) {
                return Optional.of("the run was cancelled while its tests were re-run; " + name + " was not applied");
            }
            again.forEach(r -> now.put(r.id(), r));
            run.latest.putAll(now);
            run.observe(again);
        }
        boolean back = group.tests().stream().map(t -> run.latest.get(t.id())).anyMatch(r -> r != null
                && r.status().isFailure() && run.failures(r.id()) >= 2
                && group.fingerprint().equals(run.request.fingerprint().apply(r)));
        if (back) {
            return Optional.empty();
        }
        List<String> why = new ArrayList<>();
        List<String> passed = mine.stream().filter(id -> run.latest.get(id) != null
                && run.latest.get(id).status().isPassing()).toList();
        if (!passed.isEmpty()) {
            why.add("passed on re-run; the failure may have been flaky (" + String.join(", ", passed) + ")");
        }
        String changed = failingForAnotherReason(run, group);
        if (!changed.isEmpty()) {
            why.add(changed);
        }
        List<String> notRerun = once.stream().map(TestResult::id)
                .filter(id -> mine.contains(id) && !now.containsKey(id)).toList();
        if (!notRerun.isEmpty()) {
            why.add(notRerun(notRerun));
        }
        return Optional.of(redact.apply(String.join("; ", why)) + notApplied);
    }

    private String mayHaveBeenFlaky(List<String> ids, String name) {
        return redact.apply("passed on re-run; the failure may have been flaky (" + String.join(", ", ids) + ")")
                + "; " + name + " was not applied: a fix is verified only against a failure that comes back";
    }

    private static String notRerun(List<String> ids) {
        return "not re-run: " + String.join(", ", ids) + " (asked for, not in the re-run's results)";
    }

    /** Tests that passed, re-run with the failing ones so a fix that breaks what worked is seen: this many per project. */
    static final int REGRESSION_SAMPLE = 2;

    /**
     * Re-runs exactly the tests that still fail (so one fix that heals several groups is seen to) plus a small sample
     * of passing tests of the same projects, and compares with the latest results before the fix.
     */
    private Verification verify(Run run, Playbook playbook, PlaybookContext context, Outcome outcome) {
        FailureGroup group = context.group();
        Map<String, TestResult> failing = new LinkedHashMap<>();
        group.tests().forEach(t -> failing.put(t.id(), run.latest.getOrDefault(t.id(), t)));
        run.latest.values().stream().filter(r -> r.status().isFailure()).forEach(r -> failing.putIfAbsent(r.id(), r));
        Set<String> projects = new TreeSet<>();
        failing.values().forEach(r -> projects.add(r.project()));
        List<TestResult> tests = new ArrayList<>(failing.values());
        int sampled = 0;
        for (String project : projects) {
            List<TestResult> passing = run.latest.values().stream()
                    .filter(r -> r.project().equals(project) && r.status() == TestStatus.PASSED)
                    .limit(REGRESSION_SAMPLE).toList();
            tests.addAll(passing);
            sampled += passing.size();
        }
        List<TestResult> again;
        try {
            again = run.request.rerun().run(tests, run.request.cancel());
        } catch (SuiteException | RuntimeException e) {
            return new Verification(false, "not verified: the tests could not be re-run: "
                    + redact.apply(e.getMessage()), tests);
        }
        if (run.request.cancel().isCancelled()) {
            return new Verification(false, "not verified: the run was cancelled during the re-run", tests);
        }
        Map<String, TestResult> now = new LinkedHashMap<>();
        again.forEach(r -> now.put(r.id(), r));
        run.observe(again);
        // A test asked for and not reported was not re-run: neither verified nor still failing.
        List<String> notRerun = group.tests().stream().map(TestResult::id).filter(id -> now.get(id) == null)
                .distinct().toList();
        List<String> stillFailing = group.tests().stream().map(TestResult::id)
                .filter(id -> now.get(id) != null && !now.get(id).status().isPassing()).distinct().toList();
        List<String> broken = again.stream()
                .filter(r -> r.status().isFailure() && run.latest.containsKey(r.id())
                        && run.latest.get(r.id()).status().isPassing())
                .map(TestResult::id).toList();
        run.latest.putAll(now);
        boolean own = ownCheck(playbook, context, outcome);
        String where = "re-ran " + failing.size() + " failing test(s)" + (sampled == 0 ? "" : " and " + sampled
                + " that passed") + " in " + String.join(", ", projects);
        if (stillFailing.isEmpty() && notRerun.isEmpty() && broken.isEmpty() && own) {
            return new Verification(true, "verified: the " + group.count() + " failing test(s) pass and nothing that"
                    + " passed before fails (" + where + ")", tests);
        }
        List<String> why = new ArrayList<>();
        if (!stillFailing.isEmpty()) {
            why.add("still failing: " + String.join(", ", stillFailing));
        }
        if (!notRerun.isEmpty()) {
            why.add(notRerun(notRerun));
        }
        if (!broken.isEmpty()) {
            why.add("passed before, fail now: " + String.join(", ", broken));
        }
        if (!own) {
            why.add(playbook.name() + "'s own check failed");
        }
        return new Verification(false, "not verified: " + String.join("; ", why) + " (" + where + ")", tests);
    }

    private static boolean ownCheck(Playbook playbook, PlaybookContext context, Outcome outcome) {
        try {
            return playbook.verify(context, outcome);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Undoes a fix that did not verify; after a rollback the tests run once more so the final status is true. */
    private String rollback(Run run, Playbook playbook, PlaybookContext context, Outcome applied,
                            List<TestResult> tests) {
        Outcome back;
        Application application = run.application;
        if (application != null) {
            application.undoing = true;   // an undo is never refused by a limit: it is counted, and it runs
        }
        try {
            back = playbook.rollback(context, applied);
        } catch (PlaybookException e) {
            back = Outcome.failed(e.getMessage(), "");
        } catch (RuntimeException e) {
            back = Outcome.failed(playbook.name() + " rollback failed: " + e, "");
        }
        String message = redact.apply(back.message());
        run.emit(new RunEvent.PlaybookRolledBack(run.id(), context.group().fingerprint(), playbook.name(),
                back.success(), message));
        if (!back.success()) {
            return "not rolled back: " + message;
        }
        try {
            List<TestResult> again = run.request.rerun().run(tests, run.request.cancel());
            again.forEach(r -> run.latest.put(r.id(), r));
            run.observe(again);
        } catch (SuiteException | RuntimeException e) {
            run.log(RunEvent.Log.Level.WARN, "The tests could not be re-run after the rollback: "
                    + redact.apply(e.getMessage()));
        }
        return "rolled back: " + message;
    }

    // ------------------------------------------------------------------------------------------------ guardrails

    /** Why the guardrails refuse this proposal now, or empty. */
    private Optional<String> refusal(Run run, Proposal p, Plan plan) {
        if (run.systemic != null) {
            return Optional.of(run.systemic);
        }
        for (String subject : p.subjects()) {
            if (run.limits.isProtected(subject)) {
                return Optional.of("protected: " + subject + " is on the protected list and is never touched");
            }
        }
        Duration age = Duration.between(run.request.startedAt(), clock.instant());
        if (age.compareTo(run.limits.runBudget()) >= 0) {
            return Optional.of("run time: the run started " + age.toMinutes() + " min ago; no fix starts after "
                    + run.limits.runBudget().toMinutes() + " min");
        }
        if (run.fixes >= run.maxFixes) {
            return Optional.of("max fixes: " + run.fixes + " fix(es) applied in this run, the limit is "
                    + run.maxFixes);
        }
        synchronized (this) {
            int tried = attempts.getOrDefault(p.fingerprint(), 0);
            if (tried >= run.limits.maxAttemptsPerFailure()) {
                return Optional.of("attempts: " + tried + " attempt(s) at this failure in this session, the limit is "
                        + run.limits.maxAttemptsPerFailure());
            }
            long restarts = plan.steps().stream().filter(s -> s.effects().contains(Kind.CONTAINER_RESTART)).count();
            if (restarts > 0 && containerRestarts + restarts > run.limits.maxContainerRestarts()) {
                return Optional.of(containerLimit(run.limits) + (restarts > 1 ? "; this plan has " + restarts : ""));
            }
            if (effects(plan).contains(Kind.DATABASE) && databaseOperations >= run.limits.maxDatabaseOperations()) {
                return Optional.of(databaseLimit(run.limits));
            }
            if (effects(plan).stream().anyMatch(Kind::isRestart)) {
                Instant now = clock.instant();
                for (String subject : p.subjects()) {
                    Instant last = lastRestart.get(key(subject));
                    if (last != null && Duration.between(last, now).compareTo(run.limits.cooldown()) < 0) {
                        return Optional.of("restart cooldown: " + subject + " was restarted "
                                + Duration.between(last, now).toMillis() + " ms ago; not again within "
                                + run.limits.cooldown().toMillis() + " ms");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private synchronized String containerLimit(Guardrails limits) {
        return "container restarts: " + containerRestarts + " in this session, the limit is "
                + limits.maxContainerRestarts();
    }

    private synchronized String databaseLimit(Guardrails limits) {
        return "database operations: " + databaseOperations + " in this session, the limit is "
                + limits.maxDatabaseOperations();
    }

    /**
     * Counts one attempt against the session's limits, with what its plan's requests and actions say they change
     * (a command's effects are counted as it runs, by {@link Run#guard}).
     */
    private synchronized void count(Proposal p, Plan plan, Application application) {
        Instant now = clock.instant();
        attempts.merge(p.fingerprint(), 1, Integer::sum);
        lastFixAt = now;
        for (PlanStep step : plan.steps()) {
            if (!step.command().isEmpty()) {
                continue;
            }
            if (step.effects().contains(Kind.CONTAINER_RESTART)) {
                containerRestarts++;
            }
            if (step.effects().contains(Kind.DATABASE) && !application.databaseCounted) {
                databaseOperations++;
                application.databaseCounted = true;
            }
        }
        if (effects(plan).stream().anyMatch(Kind::isRestart)) {
            p.subjects().forEach(s -> lastRestart.put(key(s), now));
        }
    }

    /** What a plan's steps change, together. */
    private static Set<Kind> effects(Plan plan) {
        Set<Kind> all = java.util.EnumSet.noneOf(Kind.class);
        plan.steps().forEach(s -> all.addAll(s.effects()));
        return all;
    }

    /** The effect a proposal is shown with: the one the guardrails weigh most. */
    private static Kind dominant(Plan plan) {
        Set<Kind> all = effects(plan);
        for (Kind k : List.of(Kind.CONTAINER_RESTART, Kind.DATABASE, Kind.RESTART)) {
            if (all.contains(k)) {
                return k;
            }
        }
        return Kind.GENERAL;
    }

    /** One application of a playbook, as the guard sees the commands it runs. */
    private static final class Application {
        final Proposal proposal;
        boolean databaseCounted;
        volatile boolean undoing;
        /** Whether a command with a counted effect ran. */
        boolean ranAny;
        /** Why the guard refused a command of it, or null. */
        String refusal;

        Application(Proposal proposal) {
            this.proposal = proposal;
        }
    }

    /** Waits out the cooldown since the session's last fix; false when the run was cancelled meanwhile. */
    private boolean awaitCooldown(Run run) {
        Instant last;
        synchronized (this) {
            last = lastFixAt;
        }
        if (last != null) {
            Duration left = run.limits.cooldown().minus(Duration.between(last, clock.instant()));
            if (!left.isNegative() && !left.isZero()) {
                run.log(RunEvent.Log.Level.INFO, "Cooldown: waiting " + left.toMillis() + " ms before the next fix");
                pause(left, run);
            }
        }
        return !run.request.cancel().isCancelled();
    }

    /**
     * A systemic failure: the network, infrastructure, database and timeout groups name at least
     * {@link Guardrails#systemicServices()}
     * distinct services. Groups that name none are not counted, and one backend failing in many ways (many groups,
     * one host and port) is one service.
     */
    private Optional<String> systemic(List<FailureGroup> groups, Guardrails limits) {
        Set<String> services = new TreeSet<>();
        for (FailureGroup g : groups) {
            if (SERVICE_CATEGORIES.contains(g.category())) {
                // Each test's own message: failures that differ only by host (api-a … api-d, 127.0.0.1 … .4) share
                // a fingerprint and so one group, yet name different services.
                FailureServices.of(g.message()).ifPresent(s -> services.add(s.key()));
                g.tests().forEach(t -> FailureServices.of(t.errorMessage()).ifPresent(s -> services.add(s.key())));
            }
        }
        if (services.size() < limits.systemicServices()) {
            return Optional.empty();
        }
        return Optional.of(redact.apply("systemic: the failures name " + services.size() + " distinct services ("
                + String.join(", ", services) + "); a shared cause (network, DNS, the host) is not healed by"
                + " restarts, so no fix is tried in this run"));
    }

    private static String key(String subject) {
        return subject.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private Plan plan(Playbook playbook, PlaybookContext context) {
        try {
            Set<String> missing = new LinkedHashSet<>(playbook.preflight(context));
            Plan plan = playbook.plan(context);
            missing.addAll(plan.missing());
            return new Plan(plan.playbook(), plan.steps(), List.copyOf(missing), plan.reversible());
        } catch (RuntimeException e) {
            return new Plan(playbook.name(), List.of(), List.of("the plan could not be made: " + e.getMessage()),
                    false);
        }
    }

    private static List<String> subjects(Playbook playbook, PlaybookContext context) {
        try {
            return List.copyOf(playbook.subjects(context));
        } catch (RuntimeException e) {
            return List.of(context.target().name());
        }
    }

    private static Duration settle(Run run, PlaybookContext context) {
        String ms = context.setting("settleMs");
        if (ms != null && ms.matches("\\d{1,7}")) {
            return Duration.ofMillis(Long.parseLong(ms));
        }
        return run.limits.settle();
    }

    /**
     * True when none of the group's tests fails the group's way any more: each passes now, or fails with another
     * fingerprint (a fix cleared this failure and uncovered another one behind it).
     */
    private static boolean failureGone(Run run, FailureGroup group) {
        return group.tests().stream().allMatch(t -> {
            TestResult r = run.latest.get(t.id());
            return r != null && (r.status().isPassing() || r.status().isFailure()
                    && !group.fingerprint().equals(run.request.fingerprint().apply(r)));
        });
    }

    /** "modules/login-flow now fails for another reason: Timeout 5000ms exceeded.", or empty when none does. */
    private static String failingForAnotherReason(Run run, FailureGroup group) {
        return group.tests().stream()
                .map(t -> run.latest.get(t.id()))
                .filter(r -> r != null && r.status().isFailure())
                .map(r -> r.id() + " now fails for another reason: " + firstLine(r.errorMessage()))
                .collect(Collectors.joining("; "));
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    /** One step as the plan shows it: the argument vector with every argument quoted, or the request. */
    static String describe(PlanStep step) {
        if (!step.command().isEmpty()) {
            return step.description() + ": " + step.command().stream()
                    .map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                            .replace("\r", "\\r") + "\"")
                    .collect(Collectors.joining(" ", "[", "]"));
        }
        return step.request() == null ? step.description() : step.description() + ": " + step.request();
    }

    private static void pause(Duration d, Run run) {
        long until = System.nanoTime() + d.toNanos();
        while (!run.request.cancel().isCancelled()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(100, Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** What one run's healing keeps: its actions, the latest result of each test, the fixes so far. */
    private final class Run {
        final HealRequest request;
        final TargetControl control;
        final CommandRunner commands;
        final Map<String, TestResult> latest = new LinkedHashMap<>();
        /** How many times each test was seen failing in this run: every failed attempt of the first pass, each re-run. */
        final Map<String, Integer> failed = new HashMap<>();
        final List<ActionRecord> actions = new ArrayList<>();
        final Guardrails limits;
        final int maxFixes;
        String systemic;
        String healedBy;
        int fixes;

        /** The application in progress, whose commands {@link #guard} counts; null between applications. */
        volatile Application application;

        Run(HealRequest request, TargetControl control, Guardrails limits) {
            this.request = request;
            this.control = control;
            this.limits = limits;
            this.commands = new CommandRunner(limits.commandTimeout(), redact, env, this::guard);
            this.maxFixes = Math.min(limits.maxFixesPerRun(), request.options().maxFixes());
            request.results().forEach(r -> latest.put(r.id(), r));
            request.results().stream().filter(r -> r.status().isFailure())
                    .forEach(r -> failed.merge(r.id(), r.retry() + 1, Integer::sum));
        }

        /** Counts the failures among re-run results. */
        void observe(List<TestResult> results) {
            results.stream().filter(r -> r.status().isFailure()).forEach(r -> failed.merge(r.id(), 1, Integer::sum));
        }

        int failures(String id) {
            return failed.getOrDefault(id, 0);
        }

        String id() {
            return request.runId();
        }

        /**
         * Every command a playbook runs passes here before it starts: one that restarts a container counts one
         * container restart, and the first that touches a database or a cache counts the application's database
         * operation. Past a limit it is refused (never while undoing a fix), and the refusal is what the action
         * records.
         */
        void guard(List<String> argv) throws PlaybookException {
            Set<Kind> effects = Effects.of(argv);
            if (effects.isEmpty()) {
                return;
            }
            Application app = application;
            boolean undoing = app != null && app.undoing;
            synchronized (PlaybookExecutor.this) {
                String refused = null;
                if (effects.contains(Kind.CONTAINER_RESTART) && !undoing
                        && containerRestarts >= limits.maxContainerRestarts()) {
                    refused = containerLimit(limits);
                } else if (effects.contains(Kind.DATABASE) && !undoing && (app == null || !app.databaseCounted)
                        && databaseOperations >= limits.maxDatabaseOperations()) {
                    refused = databaseLimit(limits);
                }
                if (refused != null) {
                    String why = refused + "; not run: " + String.join(" ", argv);
                    if (app != null && app.refusal == null) {
                        app.refusal = redact.apply(why);
                    }
                    throw new PlaybookException("guardrails: " + why);
                }
                if (effects.contains(Kind.CONTAINER_RESTART)) {
                    containerRestarts++;
                }
                if (effects.contains(Kind.DATABASE) && (app == null || !app.databaseCounted)) {
                    databaseOperations++;
                    if (app != null) {
                        app.databaseCounted = true;
                    }
                }
                if (app != null) {
                    app.ranAny = true;
                }
            }
        }

        void emit(RunEvent event) {
            request.listener().onEvent(event);
        }

        void log(RunEvent.Log.Level level, String message) {
            emit(new RunEvent.Log(id(), level, message));
        }

        /** A decision that ends the proposal without running anything. */
        void record(FailureGroup group, String playbook, FixClass fixClass, Decision decision, String by,
                    String text) {
            String reason = redact.apply(text);
            emit(new RunEvent.PlaybookDecided(id(), group.fingerprint(), playbook, decision, by, clock.instant(),
                    reason));
            actions.add(new ActionRecord(group.fingerprint(), playbook, fixClass, decision, false, false, false,
                    reason, 0));
        }
    }
}
