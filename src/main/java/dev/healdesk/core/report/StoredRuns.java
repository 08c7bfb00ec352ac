package dev.healdesk.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.history.RunRow;
import dev.healdesk.core.history.StoredFailure;
import dev.healdesk.core.history.StoredTest;
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
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A past run rebuilt for a report. The run folder's own files come first: {@code healing-summary.json} and
 * {@code test-output.json} hold everything the run produced (stacks, attachments, diagnoses, flip rates). When the
 * folder is gone, the history database is the source: runs, test results, failure groups and actions, without
 * stacks, screenshots or diagnoses, which it does not keep per run.
 */
public final class StoredRuns {

    private StoredRuns() {
    }

    /**
     * The mapper that reads a run folder's files, made on first use: a report rebuilt from the history reads none,
     * and a short {@code report} process then neither makes one nor loads the types it makes.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Where a rebuilt run came from, for the operator. */
    public enum Source {
        RUN_FOLDER,
        /** The run folder is gone: rebuilt from the history database. */
        HISTORY,
        /** The run folder's files cannot be read as a run (cut, edited, damaged): rebuilt from the database. */
        DAMAGED
    }

    /** @param problem for {@link Source#DAMAGED}: which file is damaged and how; else null */
    public record Loaded(RunSummary run, Source source, Path runFolder, String problem) {
        public Loaded(RunSummary run, Source source, Path runFolder) {
            this(run, source, runFolder, null);
        }
    }

    /**
     * The run of {@code row}: from its run folder when that still holds its JSON files, else from {@code store}. The
     * folder is looked for where the run recorded it and, since that path may be relative to another working
     * folder, as {@code <resultsDir>/<run id>}.
     */
    public static Loaded load(HistoryStore store, RunRow row, Path resultsDir) throws IOException {
        Path recorded = row.runFolder() == null ? null : Path.of(row.runFolder());
        String problem = null;
        Path damaged = null;
        for (Path folder : Arrays.asList(recorded, resultsDir == null ? null : safeResolve(resultsDir, row.runId()))) {
            if (folder != null && Files.isRegularFile(folder.resolve(RunFolderWriter.SUMMARY_JSON))
                    && Files.isRegularFile(folder.resolve(RunFolderWriter.TEST_OUTPUT))) {
                try {
                    return new Loaded(fromRunFolder(folder), Source.RUN_FOLDER, folder);
                } catch (IOException | RuntimeException e) {
                    // The operator keeps a report: what the database holds of the run is still true.
                    problem = damage(folder, e);
                    damaged = folder;
                }
            }
        }
        if (problem != null) {
            return new Loaded(fromHistory(store, row), Source.DAMAGED, damaged, problem);
        }
        return new Loaded(fromHistory(store, row), Source.HISTORY, recorded);
    }

    private static Path safeResolve(Path dir, String child) {
        try {
            return dir.resolve(child);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** "healing-summary.json is not a run summary (line 3: ...)": what is wrong, without a Java class name. */
    private static String damage(Path folder, Exception e) {
        String what;
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            what = "is not valid JSON (line " + (j.getLocation() == null ? "?" : j.getLocation().getLineNr()) + ": "
                    + dev.healdesk.core.process.InputText.plain(j.getOriginalMessage()) + ")";
        } else if (e instanceof java.time.format.DateTimeParseException) {
            what = "holds a date that cannot be read";
        } else if (e instanceof IllegalArgumentException || e instanceof NullPointerException) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("No enum constant .*?\\.([^.]*)$")
                    .matcher(e.getMessage() == null ? "" : e.getMessage());
            what = "holds a value Healdesk does not know" + (m.find() ? " ('" + m.group(1) + "')" : "");
        } else {
            what = "cannot be read" + (e.getMessage() == null ? "" : " ("
                    + dev.healdesk.core.process.InputText.plain(e.getMessage()) + ")");
        }
        return "the run folder " + folder + " is damaged: " + RunFolderWriter.SUMMARY_JSON + " or "
                + RunFolderWriter.TEST_OUTPUT + " " + what;
    }

    /** Reads {@code healing-summary.json} and {@code test-output.json} of a run folder. */
    public static RunSummary fromRunFolder(Path folder) throws IOException {
        JsonNode s = Json.MAPPER.readTree(folder.resolve(RunFolderWriter.SUMMARY_JSON).toFile());
        JsonNode out = Json.MAPPER.readTree(folder.resolve(RunFolderWriter.TEST_OUTPUT).toFile());
        Map<String, TestResult> byId = new LinkedHashMap<>();
        for (JsonNode t : out.path("tests")) {
            List<String> attachments = new ArrayList<>();
            t.path("attachments").forEach(a -> attachments.add(a.asText()));
            TestResult r = new TestResult(t.path("id").asText(), t.path("project").asText(), text(t, "title"),
                    text(t, "location"), status(t.path("status").asText()), t.path("durationMs").asLong(),
                    text(t, "errorMessage"), text(t, "errorStack"), t.path("retry").asInt(), attachments,
                    t.path("errored").asBoolean(false));
            byId.put(r.id(), r);
        }
        Map<String, FlipRate> flips = new HashMap<>();
        Map<String, Diagnosis> diagnoses = new LinkedHashMap<>();
        List<FailureGroup> groups = new ArrayList<>();
        for (JsonNode f : s.path("failures")) {
            String fp = f.path("fingerprint").asText();
            List<TestResult> tests = new ArrayList<>();
            f.path("tests").forEach(id -> Optional.ofNullable(byId.get(id.asText())).ifPresent(tests::add));
            groups.add(new FailureGroup(fp, classification(f), tests, text(f, "message"), null));
            for (JsonNode rate : f.path("testFlipRates")) {
                flips.put(rate.path("test").asText(), flipRate(rate.path("test").asText(), rate));
            }
            if (f.hasNonNull("diagnosis")) {
                diagnoses.put(fp, diagnosis(fp, f.get("diagnosis")));
            }
        }
        for (JsonNode k : s.path("flakyTests")) {
            if (k.hasNonNull("flipRate")) {
                flips.put(k.path("id").asText(), flipRate(k.path("id").asText(), k.get("flipRate")));
            }
        }
        List<ActionRecord> actions = new ArrayList<>();
        for (JsonNode a : s.path("actions")) {
            actions.add(new ActionRecord(text(a, "fingerprint"), a.path("playbook").asText(),
                    FixClass.valueOf(a.path("fixClass").asText("C")), decision(a.path("decision").asText()),
                    a.path("applied").asBoolean(), a.path("success").asBoolean(), a.path("verified").asBoolean(),
                    text(a, "message"), a.path("durationMs").asLong()));
        }
        JsonNode l = s.path("llm");
        LlmUsage llm = new LlmUsage(l.path("provider").asText("none"), text(l, "model"), l.path("calls").asInt(),
                l.path("cacheHits").asInt(), l.path("promptTokens").asInt(), l.path("completionTokens").asInt(),
                l.path("latencyMs").asLong(), l.path("errors").asInt(), text(l, "note"));
        List<String> projects = new ArrayList<>();
        s.path("projects").forEach(p -> projects.add(p.asText()));
        return new RunSummary(s.path("runId").asText(), s.path("target").asText(), projects,
                s.path("dryRun").asBoolean(), Instant.parse(s.path("startedAt").asText()),
                Instant.parse(s.path("finishedAt").asText()), HealthStatus.fromId(s.path("status").asText()),
                HealthStatus.fromId(s.path("initialStatus").asText()), s.path("healthScore").asDouble(),
                s.path("testsRun").asInt(), s.path("testsPassed").asInt(), s.path("testsFailed").asInt(),
                s.path("flaky").asInt(), List.copyOf(byId.values()), groups, actions, llm, diagnoses,
                s.path("cancelled").asBoolean(), flips, s.path("interrupted").asBoolean(), text(s, "suiteError"))
                .withFaults(faults(s))
                .withProvenance(dev.healdesk.core.run.Provenance.of(text(s, "machine"), text(s, "operator"),
                        text(s, "origin")));
    }

    /** What the history database keeps of a run: no stacks, attachments or diagnoses. */
    public static RunSummary fromHistory(HistoryStore store, RunRow row) {
        Map<String, TestResult> byId = new LinkedHashMap<>();
        Map<String, List<TestResult>> byFingerprint = new HashMap<>();
        for (StoredTest t : store.testsOf(row.runId())) {
            TestStatus status = status(t.status());
            TestResult r = new TestResult(t.testId(), t.project(), t.title(), t.testId(), status, t.durationMs(),
                    t.errorMessage(), null, 0, List.of());
            byId.put(r.id(), r);
            if (t.fingerprint() != null) {
                List<TestResult> same = byFingerprint.get(t.fingerprint());
                if (same == null) {
                    same = new ArrayList<>();
                    byFingerprint.put(t.fingerprint(), same);
                }
                same.add(r);
            }
        }
        List<FailureGroup> groups = new ArrayList<>();
        for (StoredFailure f : store.failuresOf(row.runId())) {
            groups.add(new FailureGroup(f.fingerprint(), new Classification(f.patternId(), f.patternId(),
                    Category.fromId(f.category()), Severity.fromId(f.severity()), FixClass.valueOf(f.fixClass()),
                    f.playbook()), byFingerprint.getOrDefault(f.fingerprint(), List.of()), f.message(), null));
        }
        // loops, not streams: a short `report` process links each pipeline's classes and lambdas afresh
        List<ActionRecord> actions = new ArrayList<>();
        for (var a : store.actionsOf(row.runId())) {
            actions.add(new ActionRecord(a.fingerprint(), a.playbook(), FixClass.valueOf(a.fixClass()),
                    decision(a.decision()), a.applied(), a.success(), a.verified(), a.message(), a.durationMs()));
        }
        List<String> projects = new ArrayList<>();
        if (row.projects() != null && !row.projects().isBlank()) {
            for (String p : row.projects().split(",")) {
                projects.add(p.strip());
            }
        }
        List<String> notPassed = new ArrayList<>();
        for (TestResult t : byId.values()) {
            if (t.status() != TestStatus.PASSED) {
                notPassed.add(t.id());
            }
        }
        Map<String, FlipRate> flips = store.flipRates(row.target(), notPassed);
        return new RunSummary(row.runId(), row.target(), java.util.Collections.unmodifiableList(projects), row.dryRun(), row.startedAt(), row.finishedAt(),
                row.status(), row.initialStatus(), row.healthScore(), row.testsRun(), row.testsPassed(),
                row.testsFailed(), row.flaky(), List.copyOf(byId.values()), groups,
                java.util.Collections.unmodifiableList(actions),
                LlmUsage.none("not kept in the history database"), Map.of(), row.cancelled(), flips,
                row.interrupted(), row.suiteError()).withFaults(row.faults())
                .withProvenance(dev.healdesk.core.run.Provenance.of(row.machine(), row.operator(), row.origin()));
    }

    /** The summary's {@code faults} (none in a summary written before they were recorded). */
    private static List<String> faults(JsonNode s) {
        List<String> ids = new ArrayList<>();
        s.path("faults").forEach(f -> ids.add(f.asText()));
        return ids;
    }

    static TestStatus status(String id) {
        return TestStatus.valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static Decision decision(String id) {
        return Decision.valueOf(id.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static Classification classification(JsonNode f) {
        String pattern = f.path("patternId").asText("unknown");
        return new Classification(pattern, pattern, Category.fromId(f.path("category").asText("unknown")),
                Severity.fromId(f.path("severity").asText("medium")), FixClass.valueOf(f.path("fixClass").asText("C")),
                text(f, "playbook"));
    }

    private static FlipRate flipRate(String testId, JsonNode rate) {
        return new FlipRate(testId, rate.path("runs").asInt(), rate.path("flips").asInt(), rate.path("recent").asText(""));
    }

    private static Diagnosis diagnosis(String fp, JsonNode d) {
        List<String> evidence = new ArrayList<>();
        d.path("evidence").forEach(e -> evidence.add(e.asText()));
        String category = text(d, "category");
        String fixClass = text(d, "fixClass");
        return new Diagnosis(fp, d.path("provider").asText(), text(d, "model"), text(d, "rootCause"),
                d.path("confidence").asDouble(), category == null ? null : Category.fromId(category),
                fixClass == null ? null : FixClass.valueOf(fixClass), text(d, "suggestedPlaybook"),
                text(d, "explanation"), evidence, d.path("malformed").asBoolean(), text(d, "text"), text(d, "note"),
                null, 0, 0, 0, d.path("cached").asBoolean());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
