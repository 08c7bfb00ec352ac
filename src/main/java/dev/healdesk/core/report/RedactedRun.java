package dev.healdesk.core.report;

import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A run with every free text (titles, messages, stacks, diagnoses, action messages, the LLM note) passed through the
 * redactor, so that no report handed on (HTML, PDF, JUnit XML, a Markdown or JSON copy) can carry a secret that a
 * failing test printed. Ids, fingerprints and attachment paths are kept as they are: they link the parts together.
 */
public final class RedactedRun {

    private RedactedRun() {
    }

    /** {@code run} redacted by {@link Redactor#standard()}. */
    public static RunSummary of(RunSummary run) {
        return of(run, Redactor.standard()::redact);
    }

    public static RunSummary of(RunSummary run, UnaryOperator<String> redact) {
        Map<TestResult, TestResult> same = new IdentityHashMap<>();
        List<TestResult> results = run.results().stream().map(t -> same.computeIfAbsent(t, x -> test(x, redact)))
                .toList();
        List<FailureGroup> failures = run.failures().stream().map(g -> new FailureGroup(g.fingerprint(),
                g.classification(), g.tests().stream().map(t -> same.computeIfAbsent(t, x -> test(x, redact))).toList(),
                redact.apply(g.message()), redact.apply(g.stackTop()))).toList();
        List<ActionRecord> actions = run.actions().stream().map(a -> new ActionRecord(a.fingerprint(), a.playbook(),
                a.fixClass(), a.decision(), a.applied(), a.success(), a.verified(), redact.apply(a.message()),
                a.durationMs())).toList();
        Map<String, Diagnosis> diagnoses = new LinkedHashMap<>();
        run.diagnoses().forEach((fp, d) -> diagnoses.put(fp, diagnosis(d, redact)));
        LlmUsage l = run.llm();
        LlmUsage llm = new LlmUsage(l.provider(), l.model(), l.calls(), l.cacheHits(), l.promptTokens(),
                l.completionTokens(), l.latencyMs(), l.errors(), redact.apply(l.note()));
        List<Incident> incidents = run.incidents().stream().map(i -> {
            FailureGroup g = i.group();
            FailureGroup group = new FailureGroup(g.fingerprint(), g.classification(), g.tests().stream()
                    .map(t -> same.computeIfAbsent(t, x -> test(x, redact))).toList(), redact.apply(g.message()),
                    redact.apply(g.stackTop()));
            return new Incident(i.id(), redact.apply(i.title()), i.category(), i.severity(), i.fixClass(),
                    i.patternIds(), i.playbook(), i.fingerprints(), i.tests(),
                    i.evidence().stream().map(redact).toList(), redact.apply(i.classEvidence()), group);
        }).toList();
        return new RunSummary(run.runId(), run.target(), run.projects(), run.dryRun(), run.startedAt(),
                run.finishedAt(), run.status(), run.initialStatus(), run.healthScore(), run.testsRun(),
                run.testsPassed(), run.testsFailed(), run.flaky(), results, failures, actions, llm, diagnoses,
                run.cancelled(), run.flipRates(), run.interrupted(), redact.apply(run.suiteError()), incidents,
                run.faults(), run.provenance());
    }

    private static TestResult test(TestResult t, UnaryOperator<String> redact) {
        return t.withText(redact.apply(t.title()), redact.apply(t.errorMessage()), redact.apply(t.errorStack()));
    }

    private static Diagnosis diagnosis(Diagnosis d, UnaryOperator<String> redact) {
        return new Diagnosis(d.fingerprint(), d.provider(), d.model(), redact.apply(d.rootCause()), d.confidence(),
                d.category(), d.fixClass(), d.suggestedPlaybook(), redact.apply(d.explanation()),
                d.evidence().stream().map(redact).toList(), d.malformed(), redact.apply(d.rawText()),
                redact.apply(d.note()), d.createdAt(), d.promptTokens(), d.completionTokens(), d.latencyMs(),
                d.cached());
    }
}
