package dev.healdesk.core.playbook;

import dev.healdesk.core.history.AuditEntry;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunException;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.session.RunService;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.SuiteRunner;
import dev.healdesk.core.suite.SuiteSession;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole loop (RunService, the real triage, SQLite, the run folder) over a suite whose tests fail while the test
 * says so, with playbooks the tests write: what the executor decides and records is real, only the target is not.
 */
final class HealHarness implements AutoCloseable {

    final Path dir;
    final HistoryStore store;
    final Suite suite = new Suite();
    final Control control = new Control();
    final List<RunEvent> events = new CopyOnWriteArrayList<>();
    /** Which playbook to propose for the group whose first test has this id (else the pattern's): the choice hook. */
    final Map<String, String> choices = new HashMap<>();
    final PlaybookRegistry registry = new PlaybookRegistry();

    HealHarness(Path dir) {
        this.dir = dir;
        this.store = HistoryStore.open(dir.resolve("history.db"));
    }

    PlaybookExecutor executor(Guardrails limits, Map<String, String> env) {
        return new PlaybookExecutor(registry, new PolicyGate("tester"), limits, env,
                dev.healdesk.core.redact.Redactor.standard()::redact, Clock.systemUTC(),
                (group, diagnosis) -> choices.getOrDefault(group.tests().get(0).id(),
                        group.classification().playbook()));
    }

    RunSummary run(PlaybookExecutor executor, RunOptions options) throws RunException {
        return run(executor, options, suite);
    }

    /** The same over another runner's tests (a real Maven or pytest project, say). */
    RunSummary run(PlaybookExecutor executor, RunOptions options, SuiteRunner tests) throws RunException {
        RunService service = new RunService(store, new RunFolderWriter(dir.resolve("results")),
                new Triage(PatternCatalog.builtIn()), Diagnoser.none(), executor, Clock.systemUTC());
        return service.run(new ScriptedTarget(tests, control), options, events::add, Cancellation.none());
    }

    static RunOptions policy(ApprovalPolicy policy) {
        return new RunOptions(Set.of(), false, true, 3, policy, false);
    }

    static RunOptions dryRun() {
        return new RunOptions(Set.of(), true, true, 3, ApprovalPolicy.NONE, false);
    }

    String log(RunSummary s) throws IOException {
        return Files.readString(dir.resolve("results").resolve(s.runId()).resolve(RunFolderWriter.LOG));
    }

    List<AuditEntry> audit(RunSummary s) {
        return store.auditOf(s.runId());
    }

    /** Every byte Healdesk wrote under the test's folder (run folders, the database and its WAL), as text. */
    String everythingWritten() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return all.toString();
    }

    <T extends RunEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        store.close();
    }

    /** Tests by id and project; each fails with its message while it is broken. */
    static final class Suite implements SuiteRunner {
        private final Map<String, String> projectOf = new LinkedHashMap<>();
        private final Map<String, String> broken = new ConcurrentHashMap<>();
        private final Map<String, java.util.function.BooleanSupplier> conditions = new ConcurrentHashMap<>();
        final List<Set<String>> reruns = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> runsLeft = new ConcurrentHashMap<>();
        private final Map<String, Integer> retries = new ConcurrentHashMap<>();
        private final Set<String> unreported = ConcurrentHashMap.newKeySet();

        Suite test(String id, String project) {
            projectOf.put(id, project);
            return this;
        }

        Suite fail(String id, String message) {
            broken.put(id, message);
            return this;
        }

        /** Fails with {@code message} on its next {@code times} runs only, then passes: a flaky test. */
        Suite failTimes(String id, String message, int times) {
            broken.put(id, message);
            runsLeft.put(id, times);
            return this;
        }

        /** Runs when re-run but is left out of the re-run's results, as a tool that cannot select it would. */
        Suite unreported(String id) {
            unreported.add(id);
            return this;
        }

        /** Reported as failing on each of {@code retries + 1} attempts: its runner retried it. */
        Suite retried(String id, int retries) {
            this.retries.put(id, retries);
            return this;
        }

        void heal(String id) {
            broken.remove(id);
        }

        /** Heals {@code id} as soon as {@code condition} holds (a file a command writes, say). */
        Suite healWhen(String id, java.util.function.BooleanSupplier condition) {
            conditions.put(id, condition);
            return this;
        }

        boolean isBroken(String id) {
            return broken.containsKey(id);
        }

        @Override
        public List<String> projects() {
            return projectOf.values().stream().distinct().toList();
        }

        @Override
        public synchronized List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult,
                                                 Cancellation cancel) {
            return runTests(id -> projects.isEmpty() || projects.contains(projectOf.get(id)), onResult);
        }

        /** Targeted re-runs: exactly the tests asked for, each re-run's ids recorded in {@link #reruns}. */
        @Override
        public SuiteSession open() {
            Suite suite = this;
            return new SuiteSession() {
                @Override
                public List<TestResult> run(Set<String> projects, java.nio.file.Path artifactsDir,
                                            Consumer<String> notes, Consumer<TestResult> onResult, Cancellation cancel) {
                    return suite.run(projects, onResult, cancel);
                }

                @Override
                public List<TestResult> rerun(List<TestResult> tests, java.nio.file.Path artifactsDir,
                                              Consumer<String> notes, Consumer<TestResult> onResult,
                                              Cancellation cancel) {
                    synchronized (suite) {
                        Set<String> ids = new java.util.TreeSet<>();
                        tests.forEach(t -> ids.add(t.id()));
                        reruns.add(ids);
                        return runTests(ids::contains, onResult).stream()
                                .filter(r -> !unreported.contains(r.id())).toList();
                    }
                }

                @Override
                public void close() {
                }
            };
        }

        private List<TestResult> runTests(java.util.function.Predicate<String> selected, Consumer<TestResult> onResult) {
            conditions.forEach((id, condition) -> {
                if (condition.getAsBoolean()) {
                    heal(id);
                }
            });
            List<TestResult> out = new ArrayList<>();
            projectOf.forEach((id, project) -> {
                if (selected.test(id)) {
                    String message = broken.get(id);
                    TestResult r = message == null ? TestResult.passed(id, project, id, 3)
                            : new TestResult(id, project, id, id, dev.healdesk.core.suite.TestStatus.FAILED, 3,
                            message, null, retries.getOrDefault(id, 0), List.of());
                    Integer left = message == null ? null : runsLeft.computeIfPresent(id, (k, n) -> n - 1);
                    if (left != null && left <= 0) {
                        runsLeft.remove(id);
                        heal(id);
                    }
                    out.add(r);
                    onResult.accept(r);
                }
            });
            return out;
        }
    }

    /** A target's control with settings per playbook and no handles. */
    static final class Control implements TargetControl {
        final Map<String, Map<String, Object>> settings = new HashMap<>();

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Optional<URI> baseUrl() {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> settings(String playbook) {
            return settings.getOrDefault(playbook, Map.of());
        }
    }

    record ScriptedTarget(SuiteRunner suites, Control control) implements ControlledTarget {
        @Override
        public String name() {
            return "scripted";
        }
    }

    /** A playbook whose effect and undo the test gives; it remembers when it was applied. */
    static final class Fake implements Playbook {
        final String name;
        FixClass fixClass = FixClass.A;
        Risk risk = Risk.LOW;
        Kind kind = Kind.GENERAL;
        List<String> subjects;
        List<PlanStep> steps = List.of(PlanStep.command("Restart the api", List.of("/bin/true", "restart", "api")));
        Consumer<PlaybookContext> effect = context -> { };
        Runnable undo;
        final List<Instant> applied = new CopyOnWriteArrayList<>();
        int rollbacks;

        Fake(String name) {
            this.name = name;
        }

        Fake heals(Suite suite, String... ids) {
            effect = context -> List.of(ids).forEach(suite::heal);
            return this;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "fake " + name;
        }

        @Override
        public FixClass fixClass() {
            return fixClass;
        }

        @Override
        public Risk risk() {
            return risk;
        }

        @Override
        public List<String> subjects(PlaybookContext context) {
            return subjects == null ? Playbook.super.subjects(context) : subjects;
        }

        @Override
        public Set<Category> categories() {
            return Set.of(Category.values());
        }

        @Override
        public Plan plan(PlaybookContext context) {
            // A fake says what it changes the way a real in-process playbook must: by the effect of a step.
            List<PlanStep> shown = new java.util.ArrayList<>(steps);
            if (kind != Kind.GENERAL) {
                shown.add(PlanStep.action("fake " + kind, kind));
            }
            return new Plan(name, shown, List.of(), undo != null);
        }

        @Override
        public Outcome apply(PlaybookContext context, Plan plan) {
            applied.add(Instant.now());
            effect.accept(context);
            return Outcome.ok(name + " done", "");
        }

        @Override
        public Outcome rollback(PlaybookContext context, Outcome done) throws PlaybookException {
            if (undo == null) {
                return Playbook.super.rollback(context, done);
            }
            undo.run();
            rollbacks++;
            return Outcome.ok(name + " undone", "");
        }
    }

    static String stages(List<AuditEntry> audit) {
        return audit.stream().map(a -> a.stage() + ":" + a.playbook() + ":" + a.actor() + ":" + a.outcome())
                .collect(Collectors.joining("\n"));
    }
}
