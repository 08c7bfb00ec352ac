package dev.healdesk.app;

import dev.healdesk.app.fx.DialogService;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthScore;
import dev.healdesk.core.triage.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Values for the console's tests: results, groups and summaries as the core would make them. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

    private Fixtures() {
    }

    public static TestResult passed(String id) {
        return TestResult.passed(id, id.substring(0, id.indexOf('/')), id, 12);
    }

    public static TestResult failed(String id, String message) {
        return TestResult.failed(id, id.substring(0, id.indexOf('/')), id, 34, message,
                "at probe(" + id + ")\nat runner", List.of());
    }

    /** A test that failed {@code retries} time(s) with {@code message}, then passed on a retry. */
    public static TestResult flaky(String id, String message, int retries) {
        return new TestResult(id, id.substring(0, id.indexOf('/')), id, id, TestStatus.FLAKY, 56, message,
                "at probe(" + id + ")", retries, List.of());
    }

    /** {@code result} with these attachments (paths of screenshots, traces, videos). */
    public static TestResult withAttachments(TestResult result, String... paths) {
        return new TestResult(result.id(), result.project(), result.title(), result.location(), result.status(),
                result.durationMs(), result.errorMessage(), result.errorStack(), result.retry(), List.of(paths));
    }

    /** The flip rate of {@code id} over {@code letters}, oldest first (P passed, F failed, K flaky, S skipped). */
    public static FlipRate flipRate(String id, String letters) {
        List<TestStatus> statuses = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            statuses.add(switch (c) {
                case 'P' -> TestStatus.PASSED;
                case 'F' -> TestStatus.FAILED;
                case 'K' -> TestStatus.FLAKY;
                case 'S' -> TestStatus.SKIPPED;
                default -> throw new IllegalArgumentException("outcome " + c);
            });
        }
        return FlipRate.of(id, statuses);
    }

    public static FailureGroup dbPool(TestResult... tests) {
        return new FailureGroup("fp-db-1234", new Classification("db-pool-exhausted", "Connection pool exhausted",
                Category.DATABASE, Severity.HIGH, FixClass.A, "restart-db-pool"), List.of(tests),
                "FATAL: remaining connection slots are reserved\nsecond line", "at db.Pool.get\nat api.Customers");
    }

    public static FailureGroup selector(TestResult... tests) {
        return new FailureGroup("fp-ui-5678", new Classification("selector-not-found", "Element not found",
                Category.UI, Severity.MEDIUM, FixClass.B, "update-selector"), List.of(tests),
                "locator('#login-button') resolved to 0 elements", "");
    }

    public static ActionRecord skipped(FailureGroup g) {
        return new ActionRecord(g.fingerprint(), g.classification().playbook(), g.fixClass(), Decision.SKIPPED,
                false, false, false, "not applied: no playbook executor is installed in this build", 0);
    }

    public static RunSummary summary(String runId, List<TestResult> results, List<FailureGroup> groups,
                                     List<ActionRecord> actions) {
        int failed = (int) results.stream().filter(r -> r.status().isFailure()).count();
        int passed = results.size() - failed;
        HealthScore score = HealthScore.of(passed, results.size(), false);
        List<String> projects = new ArrayList<>();
        results.forEach(r -> {
            if (!projects.contains(r.project())) {
                projects.add(r.project());
            }
        });
        return new RunSummary(runId, "sandbox", projects, false, T0, T0.plusSeconds(5), score.status(),
                score.status(), score.score(), results.size(), passed, failed, 0, results, groups, actions,
                LlmUsage.none(), java.util.Map.of(), false);
    }

    /** A well-formed diagnosis of {@code fingerprint}, as the parser makes it from a model's JSON. */
    public static Diagnosis diagnosis(String fingerprint, double confidence, Category category, FixClass fixClass,
                                      String suggestedPlaybook) {
        return new Diagnosis(fingerprint, "ollama", "llama3.2", "The pool holds idle transactions", confidence,
                category, fixClass, suggestedPlaybook, "Every failure carries the same PSQLException.",
                List.of("FATAL: remaining connection slots", "503 from /api/health"), false, "{…}", null,
                T0, 412, 96, 2_300, false);
    }

    /** {@code run} with these diagnoses and this LLM use, as a run that asked a model ends. */
    public static RunSummary withDiagnoses(RunSummary run, LlmUsage llm, Map<String, Diagnosis> diagnoses) {
        return new RunSummary(run.runId(), run.target(), run.projects(), run.dryRun(), run.startedAt(),
                run.finishedAt(), run.status(), run.initialStatus(), run.healthScore(), run.testsRun(),
                run.testsPassed(), run.testsFailed(), run.flaky(), run.results(), run.failures(), run.actions(), llm,
                diagnoses, run.cancelled());
    }

    /** Records what would have been shown. */
    public static final class RecordingDialogs implements DialogService {
        public final List<String> shown = new ArrayList<>();

        @Override
        public void showError(String title, String header, String message) {
            shown.add("error|" + header + "|" + message);
        }

        @Override
        public void showInfo(String title, String header, String message) {
            shown.add("info|" + header + "|" + message);
        }
    }

    /** The settings screen's model over an empty config folder in {@code dir} (nothing of the user's own). */
    public static dev.healdesk.app.settings.SettingsViewModel settings(java.nio.file.Path dir,
                                                                        dev.healdesk.app.fx.ThemeService theme) {
        dev.healdesk.core.config.Config config = dev.healdesk.core.config.Config.load(
                java.util.Map.of("HEALDESK_CONFIG_DIR", dir.resolve("config").toString()), dir);
        return new dev.healdesk.app.settings.SettingsViewModel(config, theme, Runnable::run,
                dev.healdesk.app.fx.FxBridge.direct());
    }
}
