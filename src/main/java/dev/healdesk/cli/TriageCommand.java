package dev.healdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.triage.Classification;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code healdesk triage --input FILE.jsonl}: classifies and fingerprints messages, one JSON line each. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Triage failure messages without running anything.",
                "Each input line: {\"id\":..., \"message\":...[, \"stack\":...]}.",
                "Each output line: {\"id\",\"category\",\"severity\",\"fixClass\",\"fingerprint\",\"patternId\",\"playbook\"}."})
final class TriageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE.jsonl", description = "Messages to triage, one JSON object per line ('-' for standard input).")
    Path input;

    @Option(names = "--patterns", paramLabel = "FILE", description = "Your own patterns.json, merged over the built-in catalog.")
    Path patterns;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        Triage triage = new Triage(loadCatalog());
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader in = open()) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line, lineNo);
                String id = text(node, "id", lineNo, true);
                String message = text(node, "message", lineNo, true);
                String stack = text(node, "stack", lineNo, false);
                TriagedFailure t = triage.triage(message, stack);
                Classification c = t.classification();
                ObjectNode o = mapper.createObjectNode();
                o.put("id", id);
                o.put("category", c.category().id());
                o.put("severity", c.severity().id());
                o.put("fixClass", c.fixClass().name());
                o.put("fingerprint", t.fingerprint());
                o.put("patternId", c.patternId());
                o.put("playbook", c.playbook());
                out.println(mapper.writeValueAsString(o));
            }
        }
        out.flush();
        return Cli.HEALTHY;
    }

    private PatternCatalog loadCatalog() {
        try {
            return patterns == null ? PatternCatalog.builtIn() : PatternCatalog.load(patterns);
        } catch (PatternCatalogException e) {
            throw new Cli.UsageException("--patterns: " + e.getMessage(), e);
        }
    }

    private BufferedReader open() throws IOException {
        if (input.toString().equals("-")) {
            return new BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(input, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Cli.UsageException("--input: " + input + " does not exist. Give a JSON Lines file.");
        }
    }

    private JsonNode parse(String line, int lineNo) {
        try {
            JsonNode node = mapper.readTree(line);
            if (node == null || !node.isObject()) {
                throw new Cli.UsageException(where(lineNo) + "expected a JSON object like {\"id\":\"t1\",\"message\":\"...\"}.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Cli.UsageException(where(lineNo) + "not valid JSON (" + e.getOriginalMessage()
                    + "). Each line must be one JSON object.");
        }
    }

    private String text(JsonNode node, String field, int lineNo, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new Cli.UsageException(where(lineNo) + "missing \"" + field + "\".");
            }
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw new Cli.UsageException(where(lineNo) + "\"" + field + "\" must be a string.");
        }
        return v.asText();
    }

    private String where(int lineNo) {
        return input + " line " + lineNo + ": ";
    }
}
