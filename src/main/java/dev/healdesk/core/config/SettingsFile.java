package dev.healdesk.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.redact.KnownSecrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operator's settings file, {@code settings.json} in the user's config folder ({@link Preferences#configDir}):
 * one object per {@link Setting.Section section}, e.g. {@code {"llm": {"host": "gpu-box:11434"}}}. A value is a
 * string, number or boolean (names may also be a list). Every entry is checked on its own: an unknown key, a value
 * its setting refuses, or anything that looks like a secret is a problem with its line, and the other entries still
 * count. Saving changes only the entries it is given and keeps everything else in the file as it was; a value that
 * fails its check, or would put a secret in the file, is refused with the reason and never written.
 */
public final class SettingsFile {
    public static final String NAME = "settings.json";
    /**
     * Reading, with jackson-core's streaming parser: loaded when there is a file to read, not with this class (the
     * console's first frame without a settings file does not wait for it), and kept out of this class's own methods:
     * the JVM's verifier loaded jackson-core's exceptions for a handler of them here in every process that reads the
     * settings' layers, file or not (docs/benchmarks, CLI start, eleventh pass).
     */
    private static final class Parser {
        static final JsonFactory FACTORY = new JsonFactory();

        private Parser() {
        }

        static void parse(String text, Map<Setting, String> values, Map<Setting, Integer> lines,
                          Map<Setting, String> raw, List<String> problems) {
            try (JsonParser p = Parser.FACTORY.createParser(text)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    problems.add("line " + line(p) + ": the file must be one JSON object of sections, e.g."
                            + " {\"llm\": {\"host\": \"localhost:11434\"}}");
                    return;
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String section = p.currentName();
                    int sectionLine = line(p);
                    JsonToken t = p.nextToken();
                    if (t != JsonToken.START_OBJECT) {
                        problems.add(entryProblem(sectionLine, section, null));
                        p.skipChildren();
                        continue;
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = section + "." + p.currentName();
                        int at = line(p);
                        p.nextToken();
                        String value = scalar(p);
                        Setting s = Setting.byKey(key).orElse(null);
                        if (s == null) {
                            problems.add(entryProblem(at, key, p.currentName()));
                            continue;
                        }
                        lines.put(s, at);
                        if (value == null) {
                            problems.add("line " + at + ": " + key + ": give a string, a number or true/false"
                                    + (s.type().kind() == Setting.Type.Kind.NAMES ? ", or a list of names" : ""));
                            continue;
                        }
                        raw.put(s, value);
                        String refused = refusalOf(s, value);
                        if (refused != null) {
                            problems.add("line " + at + ": " + key + ": " + refused);
                        } else {
                            String normal = s.check(value).value();
                            if (!normal.isEmpty()) {
                                values.put(s, normal);
                            }
                        }
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation loc = e.getLocation();
                problems.add("line " + (loc == null ? "?" : loc.getLineNr()) + ": not valid JSON ("
                        + e.getOriginalMessage() + "): fix it, or delete the file to start again from the defaults");
            } catch (IOException e) {
                problems.add("cannot be read (" + e.getMessage() + ")");
            }
        }

        /** A scalar as text, a list of scalars joined by commas, or null for anything else (skipped). */
        private static String scalar(JsonParser p) throws IOException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_ARRAY) {
                List<String> parts = new ArrayList<>();
                boolean ok = true;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken().isScalarValue() && p.currentToken() != JsonToken.VALUE_NULL) {
                        parts.add(p.getText());
                    } else {
                        ok = false;
                        p.skipChildren();
                    }
                }
                return ok ? String.join(",", parts) : null;
            }
            if (t == JsonToken.VALUE_NULL) {
                return "";
            }
            if (t.isScalarValue()) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }

        private static int line(JsonParser p) {
            return p.currentTokenLocation().getLineNr();
        }
    }

    /** Writing: databind's tree (hundreds of classes a start that only reads does not need), loaded on first save. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }

        static Map<Setting, String> save(Path file, Map<Setting, String> changes) {
            Map<Setting, String> refused = new LinkedHashMap<>();
            ObjectNode root = readTree(file);
            boolean changed = false;
            for (Map.Entry<Setting, String> e : changes.entrySet()) {
                Setting s = e.getKey();
                String value = e.getValue() == null ? "" : e.getValue().strip();
                String problem = refusalOf(s, value);
                if (problem != null) {
                    refused.put(s, problem);
                    continue;
                }
                String section = s.key().substring(0, s.key().indexOf('.'));
                String name = s.key().substring(s.key().indexOf('.') + 1);
                JsonNode sectionNode = root.get(section);
                ObjectNode obj = sectionNode instanceof ObjectNode o ? o : root.putObject(section);
                if (value.isEmpty()) {
                    changed |= obj.remove(name) != null;
                    if (obj.isEmpty()) {
                        root.remove(section);
                    }
                    continue;
                }
                String normal = s.check(value).value();
                JsonNode node = switch (s.type().kind()) {
                    case BOOLEAN -> MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(normal));
                    case RANGE -> MAPPER.getNodeFactory().numberNode(Integer.parseInt(normal));
                    default -> MAPPER.getNodeFactory().textNode(normal);
                };
                if (!node.equals(obj.get(name))) {
                    obj.set(name, node);
                    changed = true;
                }
            }
            if (changed) {
                Preferences.Json.writeAtomically(file, root, "settings");
            }
            return refused;
        }

        private static ObjectNode readTree(Path file) {
            if (!Files.isRegularFile(file)) {
                return MAPPER.createObjectNode();
            }
            try {
                JsonNode n = MAPPER.readTree(file.toFile());
                if (n instanceof ObjectNode o) {
                    return o;
                }
            } catch (IOException e) {
                // fall through
            }
            throw new IllegalStateException(file + " is not a JSON object of settings, so saving would lose what it"
                    + " holds: fix or delete it, then save again");
        }
    }

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file;
    }

    public static SettingsFile fromEnvironment(Map<String, String> env) {
        return new SettingsFile(Preferences.configDir(env).resolve(NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * What the file holds.
     *
     * @param values   the settings that passed their check, normalised
     * @param lines    the line of each setting found in the file, passed or not
     * @param raw      each setting's text as written, passed or not (so an editor can show what is there)
     * @param problems "line N: key: what is wrong: what to do"
     */
    public record Contents(Map<Setting, String> values, Map<Setting, Integer> lines, Map<Setting, String> raw,
                           List<String> problems) {
        public Contents {
            values = Map.copyOf(values);
            lines = Map.copyOf(lines);
            raw = Map.copyOf(raw);
            problems = List.copyOf(problems);
        }
    }

    public synchronized Contents read() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Map<Setting, Integer> lines = new EnumMap<>(Setting.class);
        Map<Setting, String> raw = new EnumMap<>(Setting.class);
        List<String> problems = new ArrayList<>();
        if (!Files.exists(file)) {
            return new Contents(values, lines, raw, problems);
        }
        String text;
        try {
            text = dev.healdesk.core.process.InputText.read(file, "settings file (JSON)", 1 << 20);
        } catch (dev.healdesk.core.process.InputText.Problem e) {
            problems.add(e.getMessage() + " Or set " + Preferences.CONFIG_DIR_ENV + " to another folder.");
            return new Contents(values, lines, raw, problems);
        }
        if (text.isBlank()) {
            return new Contents(values, lines, raw, problems);
        }
        Parser.parse(text, values, lines, raw, problems);
        return new Contents(values, lines, raw, problems);
    }

    /**
     * Writes {@code changes} (an empty value removes the entry) and keeps the rest of the file; returns what it
     * refused, setting → reason, having written none of those.
     */
    public synchronized Map<Setting, String> save(Map<Setting, String> changes) {
        return Json.save(file, changes);
    }

    /** Why {@code value} may not be kept in the file for {@code s}, or null: the secret rule, then its own check. */
    public static String refusalOf(Setting s, String value) {
        String v = value == null ? "" : value.strip();
        // The secret rule first, so that no message repeats a secret's text.
        if (!v.isEmpty() && !Redactor.standard().redact(v).equals(v)) {
            return "the value looks like it holds a secret (a password, token or key): secrets are read from the"
                    + " environment or .env only, never from this file";
        }
        Setting.Result r = s.check(v);
        return r.ok() ? null : r.problem();
    }

    private static String entryProblem(int line, String key, String name) {
        String leaf = name == null ? key : name;
        if (KnownSecrets.isSecretName(leaf.replaceAll("([a-z])([A-Z])", "$1_$2"))) {
            return "line " + line + ": " + key + " looks like a secret: secrets are read from the environment or .env"
                    + " only, never from this file; remove it";
        }
        String section = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        List<String> known = Arrays.stream(Setting.values()).map(Setting::key)
                .filter(k -> k.startsWith(section + ".")).toList();
        if (name == null) {
            return "line " + line + ": " + key + " must be an object of settings, e.g. \"" + key + "\": {...}"
                    + (known.isEmpty() ? sections() : "");
        }
        return "line " + line + ": unknown setting " + key + ": " + (known.isEmpty() ? sections().strip()
                : "known in this section: " + String.join(", ", known));
    }

    private static String sections() {
        return " (sections: " + Arrays.stream(Setting.values()).map(s -> s.key().substring(0, s.key().indexOf('.')))
                .distinct().collect(Collectors.joining(", ")) + ")";
    }
}
