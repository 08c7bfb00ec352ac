package dev.healdesk.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * healing-summary.json and test-output.json, written into a {@link Writer}. The field names are a
 * contract with the seeds' tooling and the operators' scripts: add fields, never rename them.
 */
public final class JsonSummary {

    /** Made when the first summary is written, not with the run-folder writer (the console makes one at start). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private static void putIfKnown(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    public ObjectNode summary(RunSummary run, String runFolder) {
        ObjectNode root = Mapper.INSTANCE.createObjectNode();
        root.put("runId", run.runId());
        root.put("target", run.target());
        ArrayNode projects = root.putArray("projects");
        run.projects().forEach(projects::add);
        root.put("dryRun", run.dryRun());
        root.put("startedAt", run.startedAt().toString());
        root.put("finishedAt", run.finishedAt().toString());
        root.put("durationMs", run.durationMs());
        root.put("status", run.status().id());
        root.put("initialStatus", run.initialStatus().id());
        root.put("healthScore", run.healthScore());
        root.put("testsRun", run.testsRun());
        root.put("testsPassed", run.testsPassed());
        root.put("testsFailed", run.testsFailed());
        root.put("flaky", run.flaky());
        root.put("cancelled", run.cancelled());
        // who recorded the run and where (a team's shared history); left out when not known
        if (run.provenance() != null) {
            putIfKnown(root, "machine", run.provenance().machine());
            putIfKnown(root, "operator", run.provenance().operator());
            putIfKnown(root, "origin", run.provenance().origin() == null ? null : run.provenance().origin().id());
        }
        // the sandbox faults the operator had switched on: a test failing in this run is not counted as a flake
        ArrayNode faults = root.putArray("faults");
        run.faults().forEach(faults::add);
        // The outcome, told as every screen and report tells it: the state, and which pass each count is of. The
        // counts above are the final pass's (each test's latest result), kept for the scripts that read them.
        RunOutcome outcome = run.outcome();
        root.put("state", outcome.state().id());
        root.put("skipped", outcome.finalPass().skipped());
        root.put("interrupted", run.interrupted());
        if (run.suiteError() != null) {
            root.put("suiteError", run.suiteError());
        }
        pass(root.putObject("firstPass"), outcome.firstPass());
        pass(root.putObject("finalPass"), outcome.finalPass());
        ObjectNode done = root.putObject("done");
        done.put("healed", outcome.done().healed());
        done.put("submitted", outcome.done().submitted());
        done.put("rejected", outcome.done().rejected());
        done.put("dryRun", outcome.done().dryRun());
        done.put("skipped", outcome.done().skipped());
        done.put("failed", outcome.done().failed());
        done.put("rolledBack", outcome.done().rolledBack());
        if (runFolder != null) {
            root.put("runFolder", runFolder);
        }
        ArrayNode incidents = root.putArray("incidents");
        for (Incident i : run.incidents()) {
            incident(incidents.addObject(), run, i);
            Diagnosis d = run.diagnoses().get(i.leadFingerprint());
            if (d != null) {
                diagnosis(((ObjectNode) incidents.get(incidents.size() - 1)).putObject("diagnosis"), d);
            }
        }
        ArrayNode failures = root.putArray("failures");
        for (FailureGroup g : run.failures()) {
            ObjectNode f = failures.addObject();
            f.put("fingerprint", g.fingerprint());
            f.put("incident", g.tests().isEmpty() ? run.incidentOf(g.fingerprint()).map(Incident::id).orElse(null)
                    : run.incidentOfTest(g.tests().get(0).id()).map(Incident::id).orElse(null));
            f.put("category", g.category().id());
            f.put("severity", g.severity().id());
            f.put("fixClass", g.fixClass().name());
            f.put("patternId", g.classification().patternId());
            playbook(f, PlaybookOnRecord.of(run, g));
            f.put("count", g.count());
            ArrayNode tests = f.putArray("tests");
            g.tests().forEach(t -> tests.add(t.id()));
            f.put("message", g.message());
            run.flipRate(g).ifPresent(rate -> flipRate(f.putObject("flipRate"), rate));
            ArrayNode testFlips = f.putArray("testFlipRates");
            g.tests().stream().map(t -> run.flipRates().get(t.id())).filter(java.util.Objects::nonNull)
                    .forEach(rate -> flipRate(testFlips.addObject().put("test", rate.testId()), rate));
            Diagnosis d = run.diagnoses().get(g.fingerprint());
            if (d != null) {
                diagnosis(f.putObject("diagnosis"), d);
            }
        }
        // Flaky tests (failed, then passed on a retry) are reported apart: they are never triaged into groups or healed.
        ArrayNode flaky = root.putArray("flakyTests");
        for (TestResult t : run.flakyTests()) {
            ObjectNode o = flaky.addObject();
            o.put("id", t.id());
            o.put("project", t.project());
            o.put("title", t.title());
            o.put("retry", t.retry());
            o.put("message", t.errorMessage());
            FlipRate rate = run.flipRates().get(t.id());
            if (rate != null) {
                flipRate(o.putObject("flipRate"), rate);
            }
        }
        // Skipped tests, listed like the flaky ones: they ran in no pass, and a report that drops them hides them.
        ArrayNode skipped = root.putArray("skippedTests");
        for (TestResult t : run.results()) {
            if (t.status() == dev.healdesk.core.suite.TestStatus.SKIPPED) {
                ObjectNode o = skipped.addObject();
                o.put("id", t.id());
                o.put("project", t.project());
                o.put("title", t.title());
                o.put("reason", t.errorMessage());
            }
        }
        ArrayNode actions = root.putArray("actions");
        for (ActionRecord a : run.actions()) {
            ObjectNode o = actions.addObject();
            o.put("fingerprint", a.fingerprint());
            o.put("incident", run.incidentOf(a.fingerprint()).map(Incident::id).orElse(null));
            o.put("playbook", a.playbook());
            o.put("fixClass", a.fixClass().name());
            o.put("decision", a.decision().id());
            o.put("applied", a.applied());
            o.put("success", a.success());
            o.put("verified", a.verified());
            o.put("outcome", a.kind().id());
            o.put("message", a.message());
            o.put("durationMs", a.durationMs());
        }
        ObjectNode llm = root.putObject("llm");
        llm.put("provider", run.llm().provider());
        llm.put("model", run.llm().model());
        llm.put("calls", run.llm().calls());
        llm.put("cacheHits", run.llm().cacheHits());
        llm.put("promptTokens", run.llm().promptTokens());
        llm.put("completionTokens", run.llm().completionTokens());
        llm.put("latencyMs", run.llm().latencyMs());
        llm.put("errors", run.llm().errors());
        if (run.llm().note() != null) {
            llm.put("note", run.llm().note());
        }
        return root;
    }

    private static void pass(ObjectNode o, RunOutcome.Pass pass) {
        o.put("passed", pass.passed());
        o.put("failed", pass.failed());
        o.put("flaky", pass.flaky());
        o.put("skipped", pass.skipped());
        o.put("total", pass.total());
    }

    /** An incident as JSON ({@code incidents[]} of healing-summary.json) without a run's decisions: its playbook is
     * triage's suggestion. */
    public static void incident(ObjectNode o, Incident i) {
        incident(o, null, i);
    }

    /** An incident of {@code run}, its playbook the one on record (see {@link #playbook}). */
    static void incident(ObjectNode o, RunSummary run, Incident i) {
        o.put("id", i.id());
        o.put("title", i.title());
        o.put("category", i.category().id());
        o.put("severity", i.severity().id());
        o.put("fixClass", i.fixClass().name());
        o.put("classEvidence", i.classEvidence());
        o.put("patternId", i.patternId());
        ArrayNode patterns = o.putArray("patternIds");
        i.patternIds().forEach(patterns::add);
        playbook(o, run == null ? new PlaybookOnRecord(i.playbook(), null, i.playbook())
                : PlaybookOnRecord.of(run, i));
        o.put("leadFingerprint", i.leadFingerprint());
        ArrayNode fingerprints = o.putArray("fingerprints");
        i.fingerprints().forEach(fingerprints::add);
        ArrayNode tests = o.putArray("tests");
        i.tests().forEach(tests::add);
        ArrayNode evidence = o.putArray("evidence");
        i.evidence().forEach(evidence::add);
    }

    /**
     * {@code playbook}: the one whose decision is on record (the operator's choice where it replaced triage's), or
     * triage's suggestion when none was proposed; {@code decision} then; {@code suggestedPlaybook}: triage's.
     */
    private static void playbook(ObjectNode o, PlaybookOnRecord p) {
        o.put("playbook", p.playbook());
        if (p.decided()) {
            o.put("decision", p.decision());
        }
        o.put("suggestedPlaybook", p.suggested());
    }

    private static void flipRate(ObjectNode o, FlipRate rate) {
        o.put("rate", Math.round(rate.rate() * 1000) / 1000.0);
        o.put("runs", rate.runs());
        o.put("flips", rate.flips());
        o.put("flipping", rate.flipping());
        if (!rate.recent().isEmpty()) {
            o.put("recent", rate.recent());
        }
    }

    /** A diagnosis as JSON: the run summary's {@code failures[].diagnosis} and {@code healdesk triage --diagnose}. */
    public static void diagnosis(ObjectNode o, Diagnosis d) {
        o.put("provider", d.provider());
        o.put("model", d.model());
        o.put("cached", d.cached());
        o.put("malformed", d.malformed());
        if (d.malformed()) {
            o.put("text", d.rawText());
        } else {
            o.put("rootCause", d.rootCause());
            o.put("confidence", d.confidence());
            o.put("category", d.category() == null ? null : d.category().id());
            o.put("fixClass", d.fixClass() == null ? null : d.fixClass().name());
            o.put("suggestedPlaybook", d.suggestedPlaybook());
            o.put("explanation", d.explanation());
            ArrayNode evidence = o.putArray("evidence");
            d.evidence().forEach(evidence::add);
        }
        if (d.note() != null) {
            o.put("note", d.note());
        }
    }

    public void writeSummary(RunSummary run, String runFolder, Writer out) throws IOException {
        Mapper.INSTANCE.writeValue(out, summary(run, runFolder));
    }

    /** A test result's own fields (not its attachments), as results.json and a shard's result file write them. */
    public static void result(ObjectNode t, TestResult r) {
        t.put("id", r.id());
        t.put("project", r.project());
        t.put("title", r.title());
        t.put("location", r.location());
        t.put("status", r.status().id());
        t.put("durationMs", r.durationMs());
        t.put("retry", r.retry());
        if (r.errored()) {
            t.put("errored", true);
        }
        t.put("errorMessage", r.errorMessage());
        t.put("errorStack", r.errorStack());
    }

    /** Every test result of the run, in the order they finished. */
    public void writeResults(String runId, List<TestResult> results, Writer out) throws IOException {
        ObjectNode root = Mapper.INSTANCE.createObjectNode();
        root.put("runId", runId);
        ArrayNode tests = root.putArray("tests");
        for (TestResult r : results) {
            ObjectNode t = tests.addObject();
            result(t, r);
            ArrayNode att = t.putArray("attachments");
            r.attachments().forEach(att::add);
        }
        Mapper.INSTANCE.writeValue(out, root);
    }
}
