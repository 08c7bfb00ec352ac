package dev.healdesk.core.triage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * The failure patterns, in the order the classifier tries them: priority descending; among equal priorities the
 * user's patterns come before the built-in ones, each in file order. The catch-all pattern (id {@code unknown})
 * is always last.
 *
 * <p>File format (JSON, or YAML when the name ends in {@code .yaml}/{@code .yml}):
 * <pre>{"version": 1, "patterns": [{"id": "...", "name": "...", "description": "...", "regex": "...",
 *   "category": "network", "severity": "critical", "fixClass": "A", "playbook": "restart-backend",
 *   "priority": 500, "hints": ["econnrefused"], "groupBy": "failure"}]}</pre>
 * Required: id, name, regex, category, severity, fixClass. Optional: description, playbook (null: none),
 * priority (default 0), hints (lower-case literals, one of which occurs in every match; derived from the regex
 * when absent), groupBy ({@code failure}, the default, or {@code pattern}: see {@link FailurePattern.GroupBy}).
 * A user pattern with the id of a built-in one replaces it.
 *
 * <p>Every problem throws the unchecked {@link PatternCatalogException} naming the file, the line and what to do.
 */
public final class PatternCatalog {

    /** Id of the catch-all pattern. */
    public static final String UNKNOWN_ID = "unknown";

    static final String RESOURCE = "patterns.json";
    /** {@link #RESOURCE} as a path from the class path's root, for {@link Module#getResourceAsStream}. */
    private static final String RESOURCE_PATH = "dev/healdesk/core/triage/" + RESOURCE;
    static final String BUILT_IN_NAME = "patterns.json (built-in)";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    private static final Set<String> FIELDS = Set.of("id", "name", "description", "regex", "category", "severity",
            "fixClass", "playbook", "priority", "hints", "groupBy", "comment");
    private static final List<String> REQUIRED = List.of("id", "name", "regex", "category", "severity", "fixClass");

    private final List<FailurePattern> patterns;

    private PatternCatalog(List<FailurePattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The catalog shipped with Healdesk. */
    public static PatternCatalog builtIn() {
        return new PatternCatalog(order(List.of(), readBuiltIn()));
    }

    /** The built-in catalog plus the patterns of {@code userFile}; user patterns replace built-ins of the same id. */
    public static PatternCatalog load(Path userFile) {
        byte[] bytes;
        if (!Files.exists(userFile)) {
            throw new PatternCatalogException(userFile.toString(), 0, null, "does not exist. Check the path of"
                    + " the pattern file, or leave it out to use the built-in patterns only.", null);
        }
        try {
            bytes = dev.healdesk.core.process.InputText.read(userFile, "pattern file (JSON or YAML)", 4 << 20)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (dev.healdesk.core.process.InputText.Problem e) {
            throw new PatternCatalogException(userFile.toString(), 0, null, "cannot be used: " + e.getMessage(),
                    null);
        }
        String name = userFile.getFileName() == null ? "" : userFile.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        List<FailurePattern> user = parse(bytes, userFile.toString(), yaml);
        return new PatternCatalog(order(user, readBuiltIn()));
    }

    /** A catalog of exactly these patterns (plus the built-in catch-all when none is given), ordered as usual. */
    public static PatternCatalog of(List<FailurePattern> patterns) {
        List<FailurePattern> own = new ArrayList<>(patterns);
        if (own.stream().noneMatch(FailurePattern::isCatchAll)) {
            readBuiltIn().stream().filter(FailurePattern::isCatchAll).findFirst().ifPresent(own::add);
        }
        return new PatternCatalog(order(own, List.of()));
    }

    /** The patterns in trial order; the catch-all is last. */
    public List<FailurePattern> patterns() {
        return patterns;
    }

    public Optional<FailurePattern> find(String id) {
        return patterns.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Every playbook a pattern can propose, sorted. (A diagnosis may suggest any playbook of the registry, which has
     * more: see {@code PlaybookRegistry#names}.)
     */
    public java.util.SortedSet<String> playbooks() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        patterns.stream().map(FailurePattern::playbook).filter(java.util.Objects::nonNull).forEach(names::add);
        return names;
    }

    /** The catch-all pattern. */
    public FailurePattern unknown() {
        return patterns.get(patterns.size() - 1);
    }

    private static List<FailurePattern> readBuiltIn() {
        // through the module (Healdesk's is the class path's unnamed one), which looks on the class path alone; the
        // class's own getResourceAsStream asks the parent loaders first, which read the runtime's module image for it:
        // a dozen classes and the image's index mapped in a short triage process (docs/benchmarks, eleventh pass)
        try (InputStream in = PatternCatalog.class.getModule().getResourceAsStream(RESOURCE_PATH)) {
            if (in == null) {
                throw new PatternCatalogException(BUILT_IN_NAME, 0, null, "is missing from the class path."
                        + " Rebuild Healdesk (src/main/resources/dev/healdesk/core/triage/patterns.json).", null);
            }
            // its regexes compiled as the classifier first tries each (FailurePattern.uncompiled); a test compiles them all
            return parse(in.readAllBytes(), BUILT_IN_NAME, false, false);
        } catch (IOException e) {
            throw new PatternCatalogException(BUILT_IN_NAME, 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** User patterns first (they win ties), then the built-ins they do not replace; stable by priority. */
    private static List<FailurePattern> order(List<FailurePattern> user, List<FailurePattern> builtIn) {
        Map<String, FailurePattern> byId = new LinkedHashMap<>();
        for (FailurePattern p : user) {
            byId.put(p.id(), p);
        }
        for (FailurePattern p : builtIn) {
            byId.putIfAbsent(p.id(), p);
        }
        List<FailurePattern> all = new ArrayList<>(byId.values());
        all.sort(TRIAL_ORDER);
        if (all.isEmpty() || !all.get(all.size() - 1).isCatchAll()) {
            throw new PatternCatalogException(BUILT_IN_NAME, 0, null, "has no catch-all pattern with id \""
                    + UNKNOWN_ID + "\". Rebuild Healdesk.", null);
        }
        return all;
    }

    // ---------------------------------------------------------------------------------------------- parsing

    private record Parsed(FailurePattern pattern, int line) {
    }

    static List<FailurePattern> parse(byte[] bytes, String file, boolean yaml) {
        return parse(bytes, file, yaml, true);
    }

    /** {@code compile}: each regex now, so that a bad one is told with its line (a user's file); else on first use. */
    static List<FailurePattern> parse(byte[] bytes, String file, boolean yaml, boolean compile) {
        JsonFactory factory = yaml ? new YAMLFactory() : new JsonFactory();
        List<FailurePattern> out = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        String[] current = {null}; // id of the pattern being read, for syntax errors inside it
        try (JsonParser p = factory.createParser(bytes)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new PatternCatalogException(file, 0, null, "is empty. Write {\"version\": 1, \"patterns\": [ ... ]}.",
                        null);
            }
            if (t != JsonToken.START_OBJECT) {
                throw new PatternCatalogException(file, line(p), null, "must hold an object with \"version\": 1 and"
                        + " a \"patterns\" array.", null);
            }
            boolean sawPatterns = false;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                int fieldLine = line(p);
                t = p.nextToken();
                switch (field) {
                    case "version" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != 1) {
                            throw new PatternCatalogException(file, fieldLine, null, "has \"version\": " + p.getText()
                                    + "; this Healdesk reads version 1. Write \"version\": 1.", null);
                        }
                    }
                    case "patterns" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw new PatternCatalogException(file, fieldLine, null, "\"patterns\" must be an array"
                                    + " of pattern objects.", null);
                        }
                        sawPatterns = true;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t != JsonToken.START_OBJECT) {
                                throw new PatternCatalogException(file, line(p), null, "each entry of \"patterns\""
                                        + " must be an object with id, name, regex, category, severity and fixClass.",
                                        null);
                            }
                            current[0] = null;
                            Parsed parsed = readPattern(p, file, current, compile);
                            String id = parsed.pattern().id();
                            Integer first = idLines.putIfAbsent(id, parsed.line());
                            if (first != null) {
                                throw new PatternCatalogException(file, parsed.line(), id, "appears twice (first at"
                                        + " line " + first + "). Give each pattern its own id, or remove one.", null);
                            }
                            out.add(parsed.pattern());
                            current[0] = null;
                        }
                        current[0] = null;
                    }
                    case "comment", "$comment" -> p.skipChildren();
                    default -> throw new PatternCatalogException(file, fieldLine, null, "has an unknown top-level"
                            + " field \"" + field + "\". Known fields: version, patterns.", null);
                }
            }
            if (!sawPatterns) {
                throw new PatternCatalogException(file, line(p), null, "has no \"patterns\" array. Write"
                        + " {\"version\": 1, \"patterns\": [ ... ]}.", null);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new PatternCatalogException(file, line, current[0], (current[0] == null ? "is not valid "
                    + (yaml ? "YAML" : "JSON") + ": " : "cannot be read: ") + dev.healdesk.core.process.InputText.plain(e.getOriginalMessage()) + ". Fix the syntax there (often a missing comma, quote or bracket).", e);
        } catch (IOException e) {
            throw new PatternCatalogException(file, 0, null, "cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private static Parsed readPattern(JsonParser p, String file, String[] current, boolean compile)
            throws IOException {
        int objectLine = line(p);
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        List<String> hints = List.of();
        int priority = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            t = p.nextToken();
            int valueLine = line(p);
            lines.put(field, valueLine);
            if (!FIELDS.contains(field)) {
                throw new PatternCatalogException(file, valueLine, current[0], "has an unknown field \"" + field
                        + "\". Known fields: " + FIELDS.stream().sorted().collect(Collectors.joining(", ")) + ".", null);
            }
            switch (field) {
                case "priority" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw new PatternCatalogException(file, valueLine, current[0], "has \"priority\": "
                                + p.getText() + "; give a whole number (higher is tried first).", null);
                    }
                    priority = p.getIntValue();
                }
                case "hints" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    if (t != JsonToken.START_ARRAY) {
                        throw new PatternCatalogException(file, valueLine, current[0], "has \"hints\" that is not"
                                + " an array of strings. Write e.g. \"hints\": [\"econnrefused\"], or leave it out.", null);
                    }
                    List<String> list = new ArrayList<>();
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t != JsonToken.VALUE_STRING || p.getText().isEmpty()) {
                            throw new PatternCatalogException(file, line(p), current[0], "has a hint that is not a"
                                    + " non-empty string. Write e.g. \"hints\": [\"econnrefused\"], or leave it out.", null);
                        }
                        list.add(p.getText());
                    }
                    hints = list;
                }
                case "comment" -> p.skipChildren();
                default -> {
                    if (t == JsonToken.VALUE_NULL && (field.equals("playbook") || field.equals("description"))) {
                        continue;
                    }
                    if (t != JsonToken.VALUE_STRING) {
                        throw new PatternCatalogException(file, valueLine, current[0], "has a \"" + field
                                + "\" that is not a string. Put the value in quotes.", null);
                    }
                    values.put(field, p.getText());
                    if (field.equals("id")) {
                        current[0] = p.getText();
                    }
                }
            }
        }
        String id = values.get("id");
        for (String field : REQUIRED) {
            String v = values.get(field);
            if (v == null || v.isBlank()) {
                throw new PatternCatalogException(file, objectLine, id, "has no \"" + field + "\" (the pattern"
                        + " starts at this line). Add it: every pattern needs " + String.join(", ", REQUIRED) + ".",
                        null);
            }
        }
        if (!ID.matcher(id).matches()) {
            throw new PatternCatalogException(file, lines.get("id"), id, "has an invalid id. Use lower-case"
                    + " letters, digits, '.', '_' or '-' (at most 80), e.g. \"pg-too-many-clients\".", null);
        }
        // the enums parsed by field name, not through method references: each of those was a lambda class to link in
        // every `triage` process (~60 patterns read at its start)
        Category category = enumValue(file, lines.get("category"), id, "category", values.get("category"),
                Category.values());
        Severity severity = enumValue(file, lines.get("severity"), id, "severity", values.get("severity"),
                Severity.values());
        FixClass fixClass = enumValue(file, lines.get("fixClass"), id, "fixClass", values.get("fixClass"),
                FixClass.values());
        Pattern regex = null;
        if (compile) {
            try {
                regex = FailurePattern.compile(values.get("regex"));
            } catch (PatternSyntaxException e) {
                throw new PatternCatalogException(file, lines.get("regex"), id, "has an invalid regex: "
                        + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")
                        + ". Fix the regex or remove the pattern.", e);
            }
        }
        FailurePattern.GroupBy groupBy = values.get("groupBy") == null ? FailurePattern.GroupBy.FAILURE
                : enumValue(file, lines.get("groupBy"), id, "groupBy", values.get("groupBy"),
                FailurePattern.GroupBy.values());
        String playbook = values.get("playbook");
        if (playbook != null && playbook.isBlank()) {
            playbook = null;
        }
        FailurePattern pattern = regex != null
                ? new FailurePattern(id, values.get("name").trim(), values.get("description"), regex, category,
                        severity, fixClass, playbook, priority, hints, groupBy)
                : FailurePattern.uncompiled(id, values.get("name").trim(), values.get("description"),
                        values.get("regex"), category, severity, fixClass, playbook, priority, hints, groupBy);
        return new Parsed(pattern, objectLine);
    }

    /** {@code value} of an enum field: category, severity and groupBy by their ids, fixClass by its name. */
    private static Enum<?> parse(String field, String value) {
        return switch (field) {
            case "category" -> Category.fromId(value);
            case "severity" -> Severity.fromId(value);
            case "fixClass" -> FixClass.valueOf(value.trim().toUpperCase(Locale.ROOT));
            case "groupBy" -> FailurePattern.GroupBy.fromId(value);
            default -> throw new IllegalStateException(field);
        };
    }

    /**
     * The catch-all last, the rest by priority, highest first; equal ones keep their order (the sort is stable). As
     * {@code Comparator.comparing(isCatchAll).thenComparing(comparingInt(priority).reversed())}, without its lambdas.
     */
    private static final Comparator<FailurePattern> TRIAL_ORDER = new Comparator<>() {
        @Override
        public int compare(FailurePattern a, FailurePattern b) {
            int catchAll = Boolean.compare(a.isCatchAll(), b.isCatchAll());
            return catchAll != 0 ? catchAll : Integer.compare(b.priority(), a.priority());
        }
    };

    private static <E extends Enum<E>> E enumValue(String file, int line, String id, String field, String value,
                                                   E[] all) {
        try {
            @SuppressWarnings("unchecked")
            E parsed = (E) parse(field, value);
            return parsed;
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(all).map(v -> field.equals("fixClass") ? v.name()
                    : v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
            throw new PatternCatalogException(file, line, id, "has an unknown " + field + " \"" + value
                    + "\". Use one of: " + known + ".", e);
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
