package dev.healdesk.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the plain forms of a target file straight from the YAML parser's tokens, without an {@code ObjectMapper}:
 * building Jackson's deserializers for {@link TargetSpec} and the records under it was a third of the main thread's
 * work before a run's suites started.
 *
 * <p>It reads only what it can read exactly as the mapper would: one document holding a mapping of the known fields,
 * strings where a field takes text, whole numbers within an int where it takes a number, lists of strings, maps of
 * strings to strings, and the suites, guardrails and artifacts made of those. Anything else (an inline probe, a
 * playbook or auth section, a null, a number where text belongs, a tag, an anchor or alias, an unknown field, a second
 * document, a parser error) gives {@code null}, and the caller reads the file with the mapper, which builds the same
 * record or names the problem as it always has.
 */
final class TargetYaml {

    private final YAMLFactory factory;

    /** @param factory the mapper's own factory configuration (duplicate keys refused by the parser) */
    TargetYaml(YAMLFactory factory) {
        this.factory = factory;
    }

    /** The spec of {@code text}, or null when it is not one of the plain forms read here. */
    TargetSpec read(String text) {
        try (YAMLParser p = (YAMLParser) factory.createParser(text)) {
            if (next(p) != JsonToken.START_OBJECT) {
                return null;
            }
            TargetSpec spec = target(p);
            return spec != null && p.nextToken() == null ? spec : null;
        } catch (IOException | RuntimeException e) {
            return null;   // the mapper reads it again and says what is wrong
        }
    }

    /** Thrown inside the reader when the file leaves the plain forms; the caller's answer is null. */
    private static final class NotPlain extends Exception {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static TargetSpec target(YAMLParser p) throws IOException {
        String name = null;
        String baseUrl = null;
        String apiUrl = null;
        String browser = null;
        Integer timeoutMs = null;
        TargetSpec.GuardrailSpec guardrails = null;
        String repository = null;
        Map<String, String> env = null;
        List<TargetSpec.SuiteSpec> suites = null;
        TargetSpec.ArtifactsSpec artifacts = null;
        try {
            for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
                String field = field(p, t);
                switch (field) {
                    case "name" -> name = text(p);
                    case "baseUrl" -> baseUrl = text(p);
                    case "apiUrl" -> apiUrl = text(p);
                    case "browser" -> browser = text(p);
                    case "timeoutMs" -> timeoutMs = number(p);
                    case "guardrails" -> guardrails = guardrails(p);
                    case "repository" -> repository = text(p);
                    case "env" -> env = strings(p);
                    case "suites" -> suites = suites(p);
                    case "artifacts" -> artifacts = artifacts(p);
                    default -> throw new NotPlain();   // probes, playbooks, auth, or a field the mapper names
                }
            }
        } catch (NotPlain e) {
            return null;
        }
        return new TargetSpec(name, baseUrl, apiUrl, browser, timeoutMs, null, null, guardrails, repository, null,
                env, suites, artifacts);
    }

    private static List<TargetSpec.SuiteSpec> suites(YAMLParser p) throws IOException, NotPlain {
        expect(p, JsonToken.START_ARRAY);
        List<TargetSpec.SuiteSpec> suites = new ArrayList<>();
        for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
            if (t != JsonToken.START_OBJECT) {
                throw new NotPlain();
            }
            suites.add(suite(p));
        }
        return suites;
    }

    private static TargetSpec.SuiteSpec suite(YAMLParser p) throws IOException, NotPlain {
        String kind = null;
        String project = null;
        List<String> projects = null;
        String dir = null;
        List<String> command = null;
        String reports = null;
        String select = null;
        String file = null;
        Map<String, String> env = null;
        Integer timeoutSeconds = null;
        Integer shards = null;
        for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
            switch (field(p, t)) {
                case "kind" -> kind = text(p);
                case "project" -> project = text(p);
                case "projects" -> projects = list(p);
                case "dir" -> dir = text(p);
                case "command" -> command = list(p);
                case "reports" -> reports = text(p);
                case "select" -> select = text(p);
                case "file" -> file = text(p);
                case "env" -> env = strings(p);
                case "timeoutSeconds" -> timeoutSeconds = number(p);
                case "shards" -> shards = number(p);
                default -> throw new NotPlain();
            }
        }
        return new TargetSpec.SuiteSpec(kind, project, projects, dir, command, reports, select, file, env,
                timeoutSeconds, shards);
    }

    private static TargetSpec.GuardrailSpec guardrails(YAMLParser p) throws IOException, NotPlain {
        expect(p, JsonToken.START_OBJECT);
        Integer[] numbers = new Integer[9];
        List<String> protect = null;
        for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
            String field = field(p, t);
            int i = switch (field) {
                case "maxFixesPerRun" -> 0;
                case "maxAttemptsPerFailure" -> 1;
                case "cooldownSeconds" -> 2;
                case "runMinutes" -> 3;
                case "maxContainerRestarts" -> 4;
                case "maxDatabaseOperations" -> 5;
                case "systemicServices" -> 6;
                case "settleMs" -> 7;
                case "commandTimeoutSeconds" -> 8;
                case "protect" -> -1;
                default -> throw new NotPlain();
            };
            if (i < 0) {
                protect = list(p);
            } else {
                numbers[i] = number(p);
            }
        }
        return new TargetSpec.GuardrailSpec(numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5],
                numbers[6], protect, numbers[7], numbers[8]);
    }

    private static TargetSpec.ArtifactsSpec artifacts(YAMLParser p) throws IOException, NotPlain {
        expect(p, JsonToken.START_OBJECT);
        String dir = null;
        Integer retentionDays = null;
        for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
            switch (field(p, t)) {
                case "dir" -> dir = text(p);
                case "retentionDays" -> retentionDays = number(p);
                default -> throw new NotPlain();
            }
        }
        return new TargetSpec.ArtifactsSpec(dir, retentionDays);
    }

    /** A list of strings, as the mapper builds a {@code List<String>} (an ArrayList, in order). */
    private static List<String> list(YAMLParser p) throws IOException, NotPlain {
        expect(p, JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        for (JsonToken t = next(p); t != JsonToken.END_ARRAY; t = next(p)) {
            values.add(scalar(p, t));
        }
        return values;
    }

    /** A mapping of strings, as the mapper builds a {@code Map<String, String>} (a LinkedHashMap, in order). */
    private static Map<String, String> strings(YAMLParser p) throws IOException, NotPlain {
        expect(p, JsonToken.START_OBJECT);
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonToken t = next(p); t != JsonToken.END_OBJECT; t = next(p)) {
            String key = field(p, t);
            values.put(key, text(p));
        }
        return values;
    }

    private static String text(YAMLParser p) throws IOException, NotPlain {
        return scalar(p, next(p));
    }

    private static String scalar(YAMLParser p, JsonToken t) throws IOException, NotPlain {
        if (t != JsonToken.VALUE_STRING) {
            throw new NotPlain();   // a null, a number or a flag where text belongs: the mapper decides
        }
        return p.getText();
    }

    private static Integer number(YAMLParser p) throws IOException, NotPlain {
        if (next(p) != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new NotPlain();
        }
        return p.getIntValue();
    }

    private static String field(YAMLParser p, JsonToken t) throws IOException, NotPlain {
        if (t != JsonToken.FIELD_NAME) {
            throw new NotPlain();
        }
        return p.currentName();
    }

    private static void expect(YAMLParser p, JsonToken expected) throws IOException, NotPlain {
        if (next(p) != expected) {
            throw new NotPlain();
        }
    }

    /** The next token; a tag, an anchor or an alias is left to the mapper, as is the end of the input. */
    private static JsonToken next(YAMLParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null || p.isCurrentAlias() || p.getTypeId() != null || p.getObjectId() != null) {
            throw new IOException("not plain");
        }
        return t;
    }
}
