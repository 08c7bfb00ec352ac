package dev.healdesk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.healdesk.core.playbook.BuiltInPlaybooks;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.report.JsonSummary;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.Diagnoses;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.PatternCatalogException;
import dev.healdesk.core.triage.Triage;
import dev.healdesk.core.triage.TriagedFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code healdesk triage --input FILE.jsonl}: classifies and fingerprints messages, one JSON line each. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Triage failure messages without running anything.",
                "Each input line: {\"id\":..., \"message\":...[, \"stack\":...]}.",
                "Each output line: {\"id\",\"category\",\"severity\",\"fixClass\",\"fingerprint\",\"patternId\",\"playbook\"}."})
final class TriageCommand implements Callable<Integer>, QuickStart.Command {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Messages to triage, one JSON object per line ('-' for standard input).")
    Path input;

    @Option(names = "--patterns", paramLabel = "FILE", description = "Your own patterns.json, merged over the built-in catalog.")
    Path patterns;

    @Option(names = "--diagnose", description = {"Add a 'diagnosis' object to each line: one LLM call per distinct"
            + " fingerprint at most, none for fingerprints already diagnosed by the same model (see doctor)."})
    boolean diagnose;

    @Option(names = "--rediagnose", description = "With --diagnose: ask the model again even when a diagnosis is cached.")
    boolean rediagnose;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "With --diagnose: the history database that caches"
            + " diagnoses: a SQLite file or postgresql://host:port/database, so a team shares one diagnosis per"
            + " fingerprint (default <results-dir>/healdesk.db; env HEALDESK_DB).")
    String db;

    /**
     * Lines are read and written with Jackson's streaming parser and generator: an ObjectMapper (its construction and
     * the first lookups of its (de)serializers) cost a short {@code triage} process a sixth of its CPU. Only
     * {@code --diagnose}, whose lines carry a diagnosis object, builds one.
     */
    private final JsonFactory json = new JsonFactory();
    private ObjectMapper mapper;

    @Override
    public Integer call() throws IOException {
        return call(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    public boolean option(String name, String value) {
        return switch (name) {
            case "--input" -> (input = QuickStart.path(value)) != null;
            case "--patterns" -> (patterns = QuickStart.path(value)) != null;
            case "--diagnose" -> QuickStart.flag(value) && (diagnose = true);
            case "--rediagnose" -> QuickStart.flag(value) && (rediagnose = true);
            case "--db" -> (db = value) != null;
            default -> false;
        };
    }

    @Override
    public boolean complete() {
        return input != null;
    }

    @Override
    public Integer call(PrintWriter out, PrintWriter err) throws IOException {
        // the regular-expression engine's classes, then the first fingerprint's SHA-256 set-up, on a second thread
        // while this one reads the catalog (and then compiles its patterns)
        Prewarm.start(Prewarm.Step.REGEX, Prewarm.Step.DIGEST);
        PatternCatalog catalog = loadCatalog();
        if (diagnose) {
            mapper = new ObjectMapper();
            return diagnoseAll(new Triage(catalog), catalog, out, err);
        }
        Triages triages = new Triages(catalog);
        StringWriter buffer = new StringWriter();
        readRecords(r -> {
            buffer.getBuffer().setLength(0);
            try (JsonGenerator g = json.createGenerator(buffer)) {
                g.writeStartObject();
                writeFields(g, r.id(), triages.next().triage(r.message(), r.stack()));
                g.writeEndObject();
            }
            out.println(buffer);
        });
        out.flush();
        return Cli.HEALTHY;
    }

    /**
     * The triage for each line in turn: the first {@link #FEW} lines without the pre-filter
     * ({@link Triage#withoutPreFilter}: building it was half of a two-message process), the rest with it, built once
     * the input proves longer (its build costs about what a hundred messages cost without it). The same answers.
     */
    private static final class Triages {
        static final int FEW = 16;
        private final PatternCatalog catalog;
        private Triage triage;
        private int lines;

        Triages(PatternCatalog catalog) {
            this.catalog = catalog;
            this.triage = Triage.withoutPreFilter(catalog);
        }

        Triage next() {
            if (++lines == FEW + 1) {
                triage = new Triage(catalog);
            }
            return triage;
        }
    }

    /** One input line: {@code {"id","message"[,"stack"]}}. */
    private record Input(String id, String message, String stack) {
    }

    private interface InputSink {
        void accept(Input input) throws IOException;
    }

    /** Reads the input line by line, skipping blank lines; a bad line stops with its number (exit 2). */
    private void readRecords(InputSink sink) throws IOException {
        try (BufferedReader in = open()) {
            String line;
            int lineNo = 0;
            while ((line = readLine(in, lineNo + 1)) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (line.indexOf('\u0000') >= 0) {
                    throw new Cli.UsageException(where(lineNo) + "holds a NUL byte: this is a binary file, not JSON"
                            + " Lines. Give a text file with one JSON object a line.");
                }
                sink.accept(parse(line, lineNo));
            }
        }
    }

    private String readLine(BufferedReader in, int lineNo) throws IOException {
        try {
            return in.readLine();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Cli.UsageException(where(lineNo) + "is not UTF-8 text. Save the input as UTF-8 (one JSON object"
                    + " a line).");
        } catch (IOException e) {
            throw new Cli.UsageException("--input: " + input + " cannot be read (" + e.getMessage() + ").");
        }
    }

    /** One output line's fields, in their order: id, category, severity, fixClass, fingerprint, patternId, playbook. */
    private static void writeFields(JsonGenerator g, String id, TriagedFailure t) throws IOException {
        Classification c = t.classification();
        g.writeStringField("id", id);
        g.writeStringField("category", c.category().id());
        g.writeStringField("severity", c.severity().id());
        g.writeStringField("fixClass", c.fixClass().name());
        g.writeStringField("fingerprint", t.fingerprint());
        g.writeStringField("patternId", c.patternId());
        g.writeStringField("playbook", c.playbook());
    }

    /** A line of {@code --diagnose}: the same fields, as a node that its diagnosis is added to. */
    private ObjectNode line(String id, TriagedFailure t) throws IOException {
        TokenBuffer fields = new TokenBuffer(mapper, false);
        fields.writeStartObject();
        writeFields(fields, id, t);
        fields.writeEndObject();
        return (ObjectNode) mapper.readTree(fields.asParser());
    }

    /** Reads every line first: the failures are grouped by fingerprint so that each group costs one LLM call. */
    private int diagnoseAll(Triage triage, PatternCatalog catalog, PrintWriter out, PrintWriter err)
            throws IOException {
        List<ObjectNode> lines = new ArrayList<>();
        List<TestResult> results = new ArrayList<>();
        readRecords(r -> {
            lines.add(line(r.id(), triage.triage(r.message(), r.stack())));
            results.add(TestResult.failed("#" + (lines.size() - 1), "triage", r.id(), 0, r.message(), r.stack(),
                    List.of()));
        });
        Map<String, String> env = Cli.config().env();
        HealdeskPaths paths = db != null ? HealdeskPaths.fromEnvironment(env).withDatabase(db)
                : HealdeskPaths.fromEnvironment(env);
        List<FailureGroup> groups = triage.group(results);
        Diagnoses diagnoses;
        try (HistoryStore history = openHistory(paths, env)) {
            Diagnoser diagnoser = LlmSetup.fromEnvironment(env).diagnoser(history, BuiltInPlaybooks.registry().names(), env,
                    Clock.systemUTC());
            diagnoses = diagnoser.diagnose("triage", groups, RunOptions.defaults().withRediagnose(rediagnose),
                    event -> {
                        if (event instanceof RunEvent.Log log && log.level() != RunEvent.Log.Level.DEBUG) {
                            err.println("healdesk: " + log.message());
                            err.flush();
                        }
                    }, Cancellation.none());
        }
        for (FailureGroup g : groups) {
            Diagnosis d = diagnoses.byFingerprint().get(g.fingerprint());
            for (TestResult t : g.tests()) {
                ObjectNode o = lines.get(Integer.parseInt(t.id().substring(1)));
                if (d == null) {
                    o.putNull("diagnosis");
                } else {
                    JsonSummary.diagnosis(o.putObject("diagnosis"), d);
                }
            }
        }
        for (ObjectNode o : lines) {
            out.println(mapper.writeValueAsString(o));
        }
        out.flush();
        err.println("healdesk: " + groups.size() + " fingerprint(s), " + diagnoses.usage().calls() + " LLM call(s), "
                + diagnoses.usage().cacheHits() + " from the cache");
        err.flush();
        return Cli.HEALTHY;
    }

    /** The history that caches diagnoses: a SQLite file is made when missing, as a run would. */
    private static HistoryStore openHistory(HealdeskPaths paths, Map<String, String> env) {
        try {
            return HistoryStore.open(paths.history(env));
        } catch (HistoryException | IllegalArgumentException e) {
            throw new Cli.UsageException("--db: " + e.getMessage(), e);
        }
    }

    private PatternCatalog loadCatalog() {
        try {
            return patterns == null ? PatternCatalog.builtIn() : PatternCatalog.load(patterns);
        } catch (PatternCatalogException e) {
            throw new Cli.UsageException("--patterns: " + e.getMessage(), e);
        }
    }

    /** The input, decoded strictly: bytes that are not UTF-8 stop the read with their line, never pass as '?'. */
    private BufferedReader open() throws IOException {
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        if (input.toString().equals("-")) {
            return new BufferedReader(new java.io.InputStreamReader(System.in, strict));
        }
        if (Files.isDirectory(input)) {
            throw new Cli.UsageException("--input: " + input + " is a folder. Give a JSON Lines file (one JSON object"
                    + " a line), or '-' for standard input.");
        }
        try {
            return new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(input), strict));
        } catch (NoSuchFileException e) {
            throw new Cli.UsageException("--input: " + input + " does not exist. Give a JSON Lines file.");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new Cli.UsageException("--input: " + input + " cannot be read (permission denied). Let Healdesk's"
                    + " user read it.");
        }
    }

    /**
     * One input line as its fields: a JSON object whose "id", "message" and "stack" are strings (or numbers, as their
     * text); other fields are passed over. What follows the object on the line is not read.
     */
    private Input parse(String line, int lineNo) {
        String id = null;
        String message = null;
        String stack = null;
        try (JsonParser p = json.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Cli.UsageException(where(lineNo) + "expected a JSON object like {\"id\":\"t1\",\"message\":\"...\"}.");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t == null) {
                    throw new Cli.UsageException(where(lineNo) + "not valid JSON (the object is not closed). Each line"
                            + " must be one JSON object.");
                }
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (!field.equals("id") && !field.equals("message") && !field.equals("stack")) {
                    p.skipChildren();
                    continue;
                }
                String text = text(p, v, field, lineNo);
                switch (field) {
                    case "id" -> id = text;
                    case "message" -> message = text;
                    default -> stack = text;
                }
            }
        } catch (JsonProcessingException e) {
            throw new Cli.UsageException(where(lineNo) + "not valid JSON (" + dev.healdesk.core.process.InputText.plain(e.getOriginalMessage())
                    + "). Each line must be one JSON object.");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Input(required(id, "id", lineNo), required(message, "message", lineNo), stack);
    }

    /** A field's value as text: a string, or a number as written; null for null; anything else stops the read. */
    private String text(JsonParser p, JsonToken v, String field, int lineNo) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (v == JsonToken.VALUE_NUMBER_INT) {
            return p.getNumberValue().toString();
        }
        if (v == JsonToken.VALUE_NUMBER_FLOAT) {
            return String.valueOf(p.getDoubleValue());
        }
        throw new Cli.UsageException(where(lineNo) + "\"" + field + "\" must be a string.");
    }

    private String required(String value, String field, int lineNo) {
        if (value == null) {
            throw new Cli.UsageException(where(lineNo) + "missing \"" + field + "\".");
        }
        return value;
    }

    private String where(int lineNo) {
        return input + " line " + lineNo + ": ";
    }
}
