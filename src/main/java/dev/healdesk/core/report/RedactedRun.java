package dev.healdesk.core.report;

import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.util.ArrayList;
import java.util.Collections;
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
        Redactor redactor = Redactor.standard();
        return of(run, new UnaryOperator<>() {
            @Override
            public String apply(String text) {
                return redactor.redact(text);
            }
        });
    }

    /**
     * Plain loops and a named operator, no streams or lambdas: every report goes through here once, in a process that
     * would otherwise link each lambda's call site and the stream classes afresh (docs/benchmarks, CLI start, tenth
     * pass). Each list is unmodifiable, as the streams' were.
     */
    public static RunSummary of(RunSummary run, UnaryOperator<String> redact) {
        Map<TestResult, TestResult> same = new IdentityHashMap<>();
        List<TestResult> results = tests(run.results(), same, redact);
        List<FailureGroup> failures = new ArrayList<>(run.failures().size());
        for (FailureGroup g : run.failures()) {
            failures.add(group(g, same, redact));
        }
        List<ActionRecord> actions = new ArrayList<>(run.actions().size());
        for (ActionRecord a : run.actions()) {
            actions.add(new ActionRecord(a.fingerprint(), a.playbook(), a.fixClass(), a.decision(), a.applied(),
                    a.success(), a.verified(), redact.apply(a.message()), a.durationMs()));
        }
        Map<String, Diagnosis> diagnoses = new LinkedHashMap<>();
        for (Map.Entry<String, Diagnosis> e : run.diagnoses().entrySet()) {
            diagnoses.put(e.getKey(), diagnosis(e.getValue(), redact));
        }
        LlmUsage l = run.llm();
        LlmUsage llm = new LlmUsage(l.provider(), l.model(), l.calls(), l.cacheHits(), l.promptTokens(),
                l.completionTokens(), l.latencyMs(), l.errors(), redact.apply(l.note()));
        List<Incident> incidents = new ArrayList<>(run.incidents().size());
        for (Incident i : run.incidents()) {
            incidents.add(new Incident(i.id(), redact.apply(i.title()), i.category(), i.severity(), i.fixClass(),
                    i.patternIds(), i.playbook(), i.fingerprints(), i.tests(), texts(i.evidence(), redact),
                    redact.apply(i.classEvidence()), group(i.group(), same, redact)));
        }
        return new RunSummary(run.runId(), run.target(), run.projects(), run.dryRun(), run.startedAt(),
                run.finishedAt(), run.status(), run.initialStatus(), run.healthScore(), run.testsRun(),
                run.testsPassed(), run.testsFailed(), run.flaky(), results, unmodifiable(failures),
                unmodifiable(actions), llm, diagnoses, run.cancelled(), run.flipRates(), run.interrupted(),
                redact.apply(run.suiteError()), unmodifiable(incidents), run.faults(), run.provenance());
    }

    private static FailureGroup group(FailureGroup g, Map<TestResult, TestResult> same, UnaryOperator<String> redact) {
        return new FailureGroup(g.fingerprint(), g.classification(), tests(g.tests(), same, redact),
                redact.apply(g.message()), redact.apply(g.stackTop()));
    }

    /** Each of {@code tests} redacted once, however many lists hold it ({@code same}: the copy made of each). */
    private static List<TestResult> tests(List<TestResult> tests, Map<TestResult, TestResult> same,
                                          UnaryOperator<String> redact) {
        List<TestResult> out = new ArrayList<>(tests.size());
        for (TestResult t : tests) {
            TestResult copy = same.get(t);
            if (copy == null) {
                copy = test(t, redact);
                same.put(t, copy);
            }
            out.add(copy);
        }
        return unmodifiable(out);
    }

    private static List<String> texts(List<String> texts, UnaryOperator<String> redact) {
        List<String> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            out.add(redact.apply(text));
        }
        return unmodifiable(out);
    }

    private static <T> List<T> unmodifiable(List<T> list) {
        return Collections.unmodifiableList(list);
    }

    private static TestResult test(TestResult t, UnaryOperator<String> redact) {
        return t.withText(redact.apply(t.title()), redact.apply(t.errorMessage()), redact.apply(t.errorStack()));
    }

    private static Diagnosis diagnosis(Diagnosis d, UnaryOperator<String> redact) {
        return new Diagnosis(d.fingerprint(), d.provider(), d.model(), redact.apply(d.rootCause()), d.confidence(),
                d.category(), d.fixClass(), d.suggestedPlaybook(), redact.apply(d.explanation()),
                texts(d.evidence(), redact), d.malformed(), redact.apply(d.rawText()),
                redact.apply(d.note()), d.createdAt(), d.promptTokens(), d.completionTokens(), d.latencyMs(),
                d.cached());
    }
}
