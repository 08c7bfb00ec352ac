package dev.healdesk.core.suite.playwright;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the report of Playwright Test's {@code json} reporter into {@link TestResult}s: suites (a file, then its
 * describe blocks, nested) hold specs, a spec holds one test per project, a test holds one result per attempt.
 *
 * <p>The report is read as a stream, one spec at a time, so that a report cut short (a runner killed while writing
 * it) gives every spec before the cut, and {@link Report#problem()} says where it ends. Files are made relative to the
 * project folder, so {@link TestResult#location()} is the {@code file:line} that {@code npx playwright test} takes
 * there, and ids match those of the live reporter's lines.
 */
public final class PlaywrightJsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /**
     * What a report holds.
     *
     * @param results the tests' results, in report order
     * @param errors  errors outside the tests that Playwright reported (a spec file that does not load, say), without
     *                ANSI colours
     * @param problem null for a whole report; else why and where the report stops being readable
     * @param complete whether the report was read to its end
     */
    public record Report(List<TestResult> results, List<String> errors, String problem, boolean complete) {
        public Report {
            results = List.copyOf(results);
            errors = List.copyOf(errors);
        }
    }

    private PlaywrightJsonReport() {
    }

    /**
     * Reads {@code report}; files in it are made relative to {@code projectDir} (null: left relative to the report's
     * {@code rootDir}).
     *
     * @throws SuiteException when the file cannot be read or is not a Playwright JSON report at all
     */
    public static Report parse(Path report, Path projectDir) throws SuiteException {
        try (InputStream in = Files.newInputStream(report)) {
            return parse(in, report.toString(), projectDir);
        } catch (IOException e) {
            throw new SuiteException("Could not read the Playwright JSON report " + report + ": " + e.getMessage()
                    + ". Check that the file is readable by Healdesk.", e);
        }
    }

    static Report parse(InputStream in, String name, Path projectDir) throws SuiteException, IOException {
        Reader reader = new Reader(projectDir);
        try (JsonParser parser = FACTORY.createParser(in)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw new SuiteException(name + " is not a Playwright JSON report: it does not hold a JSON object."
                            + " Check that the json reporter wrote it.");
                }
                reader.report(parser);
                return reader.done(null, true);
            } catch (JsonProcessingException e) {
                if (!reader.sawReport) {
                    throw new SuiteException(name + " is not a Playwright JSON report (" + dev.healdesk.core.process.InputText.plain(e.getOriginalMessage())
                            + "). Check that the json reporter wrote it.", e);
                }
                JsonLocation at = e.getLocation();
                String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
                return reader.done("The Playwright JSON report " + name + " ends early" + where + " after "
                        + reader.specs.size() + " spec(s) (" + dev.healdesk.core.process.InputText.plain(e.getOriginalMessage()) + "): the runner stopped while writing"
                        + " it; what follows is not in it.", false);
            }
        }
    }

    /** One pass over a report; the results of the specs read so far are kept when the stream breaks. */
    private static final class Reader {
        private final Path projectDir;
        /** The specs read so far, each with the titles of the describe blocks around it. */
        private final List<Map.Entry<JsonNode, List<String>>> specs = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();
        private String rootDir;
        private boolean sawReport;
        private int maxFailures;
        private final Map<String, List<String>> dependencies = new java.util.HashMap<>();

        Reader(Path projectDir) {
            this.projectDir = projectDir;
        }

        void report(JsonParser parser) throws IOException {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "config" -> {
                        JsonNode config = parser.readValueAsTree();
                        rootDir = config.path("rootDir").asText(null);
                        maxFailures = config.path("maxFailures").asInt(0);
                        for (JsonNode project : config.path("projects")) {
                            List<String> deps = new ArrayList<>();
                            project.path("dependencies").forEach(d -> deps.add(d.asText("")));
                            dependencies.put(project.path("name").asText(""), deps);
                        }
                        sawReport = true;
                    }
                    case "suites" -> {
                        sawReport = true;
                        if (value == JsonToken.START_ARRAY) {
                            while (parser.nextToken() == JsonToken.START_OBJECT) {
                                suite(parser, List.of(), true);
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    case "errors" -> {
                        JsonNode list = parser.readValueAsTree();
                        for (JsonNode error : list) {
                            String text = PlaywrightResults.clean(error.path("message").asText(null));
                            if (text != null) {
                                errors.add(text);
                            }
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
        }

        /** Reads one suite object (the parser is on its START_OBJECT) and the suites nested in it. */
        private void suite(JsonParser parser, List<String> outer, boolean fileLevel) throws IOException {
            List<String> titles = outer;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("title") && value == JsonToken.VALUE_STRING) {
                    if (!fileLevel) {
                        titles = new ArrayList<>(outer);
                        titles.add(parser.getText());
                    }
                } else if (field.equals("specs") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        specs.add(Map.entry(parser.readValueAsTree(), titles));
                    }
                } else if (field.equals("suites") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        suite(parser, titles, false);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }

        Report done(String problem, boolean complete) {
            Path root = rootDir == null ? null : Path.of(rootDir);
            List<TestResult> results = new ArrayList<>();
            java.util.Set<String> failed = new java.util.HashSet<>();
            int failures = 0;
            for (Map.Entry<JsonNode, List<String>> entry : specs) {
                for (JsonNode test : entry.getKey().path("tests")) {
                    if ("unexpected".equals(test.path("status").asText(""))) {
                        failed.add(test.path("projectName").asText(""));
                        failures++;
                    }
                }
            }
            for (Map.Entry<JsonNode, List<String>> entry : specs) {
                JsonNode spec = entry.getKey();
                List<String> titles = new ArrayList<>(entry.getValue());
                titles.add(spec.path("title").asText(""));
                String file = PlaywrightResults.relativeFile(spec.path("file").asText(""), root, projectDir);
                int line = spec.path("line").asInt(0);
                for (JsonNode test : spec.path("tests")) {
                    List<PlaywrightResults.Attempt> attempts = new ArrayList<>();
                    for (JsonNode result : test.path("results")) {
                        attempts.add(attempt(result));
                    }
                    String project = test.path("projectName").asText("");
                    List<Map.Entry<String, String>> annotations = new ArrayList<>();
                    test.path("annotations").forEach(a -> annotations.add(new java.util.AbstractMap.SimpleEntry<>(
                            a.path("type").asText(""), a.path("description").asText(null))));
                    String reason = PlaywrightResults.skipReason(annotations);
                    if (reason == null && attempts.isEmpty()) {
                        reason = PlaywrightResults.notRunReason(project, dependencies, failed, maxFailures, failures,
                                null);
                    }
                    results.add(PlaywrightResults.toResult(project, file, line, titles,
                            test.path("expectedStatus").asText("passed"), test.path("status").asText(""),
                            attempts, reason));
                }
            }
            return new Report(results, errors, problem, complete);
        }

        private static PlaywrightResults.Attempt attempt(JsonNode result) {
            JsonNode error = result.path("error");
            if (error.isMissingNode() || error.isNull()) {
                error = result.path("errors").path(0);
            }
            String message = PlaywrightResults.clean(error.path("message").asText(null));
            if (message == null && error.has("value")) {
                message = PlaywrightResults.clean(error.path("value").asText(null));
            }
            String stack = PlaywrightResults.clean(error.path("stack").asText(null));
            List<String> attachments = new ArrayList<>();
            for (JsonNode attachment : result.path("attachments")) {
                String path = attachment.path("path").asText(null);
                if (path != null && !path.isBlank()) {
                    attachments.add(path);
                }
            }
            return new PlaywrightResults.Attempt(result.path("status").asText(""), result.path("duration").asLong(0),
                    result.path("retry").asInt(0), message, stack, attachments);
        }
    }
}
