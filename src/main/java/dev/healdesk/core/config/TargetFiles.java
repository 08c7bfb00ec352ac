package dev.healdesk.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.process.InputText;
import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.playwright.Shard;
import dev.healdesk.core.suite.probes.ProbeSuiteFiles;
import dev.healdesk.core.suite.probes.YamlLines;

import java.io.IOException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks target files; every problem is reported with the file, the line and what to do. */
public final class TargetFiles {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** The parser's configuration, the mapper's and the plain reader's alike: duplicate keys are refused. */
    private static YAMLFactory factory() {
        return YAMLFactory.builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * The mapper that reads every form the plain reader ({@link TargetYaml}) leaves, and names what is wrong with a
     * file; built on first use, as a plain target file does not need it.
     */
    private ObjectMapper mapper() {
        if (yaml == null) {
            yaml = new ObjectMapper(factory())
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    // 2.5 where a whole number belongs is a mistake to name, not a 2 to guess
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        }
        return yaml;
    }

    private ObjectMapper yaml;
    /**
     * Loads {@code file}; BASE_URL and API_URL from {@code env} override the file's URLs, as in the seeds.
     */
    public TargetSpec load(Path file, Map<String, String> env) throws TargetFileException {
        TargetSpec spec;
        String text = "";
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            text = InputText.read(file, "target file (YAML)", MAX_BYTES);
            if (text.isBlank()) {
                throw new TargetFileException(file + " is empty. See the target file example in"
                        + " src/site/markdown/target-file.md.", null);
            }
            spec = new TargetYaml(factory()).read(text);
            if (spec == null) {
                spec = oneDocument(mapper(), text, TargetSpec.class, file);
            }
        } catch (InputText.Problem e) {
            throw new TargetFileException(e.getMessage(), null);
        } catch (NoSuchFileException e) {
            throw new TargetFileException(file + " does not exist. Give the path of a target file (YAML), or"
                    + " --target=sandbox for the built-in demo target.", e);
        } catch (UnrecognizedPropertyException e) {
            throw new TargetFileException(file + " line " + keyLine(text, e.getPropertyName(), e.getLocation())
                    + ": unknown field '"
                    + e.getPropertyName() + "'. Known fields here: " + e.getKnownPropertyIds() + ".", e);
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            Class<?> type = e.getTargetType();
            String field = e.getPath().isEmpty() ? null : e.getPath().get(e.getPath().size() - 1).getFieldName();
            if (field == null || (type != Integer.class && type != int.class)) {
                throw new TargetFileException(file + " line " + line(e.getLocation()) + ": "
                        + InputText.plain(e.getOriginalMessage()) + ". Check the YAML against the target file example"
                        + " in src/site/markdown/target-file.md.", e);
            }
            throw new TargetFileException(file + " line " + keyLine(text, field, e.getLocation()) + ": '" + field
                    + "' must be a whole number, e.g. " + field + ": 3.", e);
        } catch (JsonProcessingException e) {
            throw new TargetFileException(file + " line " + line(e.getLocation()) + ": "
                    + InputText.plain(e.getOriginalMessage())
                    + ". Check the YAML against the target file example in"
                    + " src/site/markdown/target-file.md.", e);
        } catch (IOException e) {
            throw new TargetFileException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (spec == null) {
            throw new TargetFileException(file + " is empty. See the target file example in"
                    + " src/site/markdown/target-file.md.", null);
        }
        if (spec.suites().stream().anyMatch(java.util.Objects::isNull)) {
            throw problem(file, "line " + keyLine(text, "suites", null) + ": suites has an empty entry (a '-' with"
                    + " nothing after it, or null): give each suite its kind, or remove the entry.");
        }
        if (spec.probes().stream().anyMatch(java.util.Objects::isNull)) {
            throw problem(file, "line " + keyLine(text, "probes", null) + ": probes has an empty entry (a '-' with"
                    + " nothing after it, or null): give each check its id and kind, or remove the entry.");
        }
        Path folder = file.toAbsolutePath().getParent();
        List<TargetSpec.SuiteSpec> suites = new ArrayList<>();
        for (TargetSpec.SuiteSpec suite : spec.suites()) {
            suites.add(suite == null ? null : suite.withPaths(resolve(folder, suite.dir()), resolve(folder, suite.file())));
        }
        TargetSpec.ArtifactsSpec artifacts = spec.artifacts() == null ? null
                : new TargetSpec.ArtifactsSpec(resolve(folder, spec.artifacts().dir()), spec.artifacts().retentionDays());
        spec = spec.resolved(env.getOrDefault("BASE_URL", spec.baseUrl()), env.getOrDefault("API_URL", spec.apiUrl()),
                spec.probes().stream().map(c -> c == null ? null : c.withPathsUnder(folder)).toList(),
                repository(file, spec.repository()), suites, artifacts);
        check(file, text, spec);
        probes(file, text, spec, env);
        guardrails(file, text, spec.guardrails());
        return spec;
    }

    /** The largest target file read: one is a few KB; anything near this is the wrong file. */
    public static final long MAX_BYTES = 1 << 20;

    /**
     * Reads exactly one YAML document: a second one ({@code ---}) would be silently ignored by a plain read, so it is
     * refused with its line; duplicate keys are refused by the parser (the mapper's factory detects them).
     */
    static <T> T oneDocument(ObjectMapper mapper, String text, Class<T> type, Path file) throws IOException,
            TargetFileException {
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            T value = mapper.readValue(parser, type);
            com.fasterxml.jackson.core.JsonToken next = parser.nextToken();
            if (next != null) {
                throw new TargetFileException(file + " line " + parser.currentLocation().getLineNr() + ": a second"
                        + " YAML document starts here (after '---'); a file holds one document: remove it or move it"
                        + " to a file of its own.", null);
            }
            return value;
        }
    }

    private static String resolve(Path folder, String path) {
        return path == null || path.isBlank() ? null : folder.resolve(path.trim()).normalize().toString();
    }

    private static List<TargetSpec.SuiteSpec> probeSuites(TargetSpec spec) {
        return spec.suites().stream().filter(s -> s != null && "probes".equals(s.kind()) && s.file() != null).toList();
    }

    /** The target's probes: its inline ones, then those of its {@code probes} suite files, in order. */
    public static List<Probe> probes(TargetSpec spec, Map<String, String> env) throws TargetFileException {
        ProbeSuiteFiles.Bases bases = new ProbeSuiteFiles.Bases(spec.baseUrl(), spec.apiUrl());
        List<Probe> probes = new ArrayList<>();
        try {
            probes.addAll(ProbeSuiteFiles.inline("target " + spec.name(), Path.of("").toAbsolutePath(), "",
                    spec.probes(), spec.auth(), env, bases));
            for (TargetSpec.SuiteSpec suite : probeSuites(spec)) {
                probes.addAll(ProbeSuiteFiles.load(Path.of(suite.file()), env, bases).probes());
            }
        } catch (SuiteException e) {
            throw new TargetFileException(e.getMessage(), e);
        }
        return probes;
    }

    /** Checks the inline probes with this file's lines, then each probe suite file, and that no id is used twice. */
    private static void probes(Path file, String text, TargetSpec spec, Map<String, String> env)
            throws TargetFileException {
        ProbeSuiteFiles.Bases bases = new ProbeSuiteFiles.Bases(spec.baseUrl(), spec.apiUrl());
        Map<String, String> origin = new HashMap<>();
        try {
            for (Probe p : ProbeSuiteFiles.inline(file, text, spec.probes(), spec.auth(), env, bases)) {
                origin.put(p.id(), "probes");
            }
        } catch (SuiteException e) {
            throw new TargetFileException(e.getMessage(), e);
        }
        for (int i = 0; i < spec.suites().size(); i++) {
            TargetSpec.SuiteSpec s = spec.suites().get(i);
            if (s == null || !"probes".equals(s.kind()) || s.file() == null) {
                continue;   // suites() has said what is wrong with it
            }
            String suite = s.file();
            String where = "suites[" + i + "] (probes)";
            List<Probe> loaded;
            try {
                loaded = ProbeSuiteFiles.load(Path.of(suite), env, bases).probes();
            } catch (SuiteException e) {
                throw new TargetFileException(e.getMessage() + " (used by " + file + ")", e);
            }
            for (Probe p : loaded) {
                String before = origin.putIfAbsent(p.id(), suite);
                if (before != null) {
                    throw problem(file, where + ": the probe " + p.id() + " of " + suite + " is also in " + before
                            + ": give each probe of a target its own project/id.");
                }
            }
        }
    }

    /** The repository's absolute path, relative to the target file's folder; the check says when it is not one. */
    private static String repository(Path file, String repository) {
        if (repository == null || repository.isBlank()) {
            return null;
        }
        Path folder = file.toAbsolutePath().getParent();
        return folder.resolve(repository.trim()).normalize().toString();
    }

    /** The target's guardrails over {@code defaults}; the spec was checked when it was loaded. */
    public static Guardrails guardrails(TargetSpec.GuardrailSpec g, Guardrails defaults) {
        if (g == null) {
            return defaults;
        }
        Set<String> protect = new HashSet<>(defaults.protectedNames());
        if (g.protect() != null) {
            g.protect().stream().filter(n -> n != null && !n.isBlank()).forEach(n -> protect.add(n.trim()));
        }
        return new Guardrails(or(g.maxFixesPerRun(), defaults.maxFixesPerRun()),
                or(g.maxAttemptsPerFailure(), defaults.maxAttemptsPerFailure()),
                g.cooldownSeconds() == null ? defaults.cooldown() : Duration.ofSeconds(g.cooldownSeconds()),
                g.runMinutes() == null ? defaults.runBudget() : Duration.ofMinutes(g.runMinutes()),
                or(g.maxContainerRestarts(), defaults.maxContainerRestarts()),
                or(g.maxDatabaseOperations(), defaults.maxDatabaseOperations()),
                or(g.systemicServices(), defaults.systemicServices()), protect,
                g.settleMs() == null ? defaults.settle() : Duration.ofMillis(g.settleMs()),
                g.commandTimeoutSeconds() == null ? defaults.commandTimeout()
                        : Duration.ofSeconds(g.commandTimeoutSeconds()));
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    private static void guardrails(Path file, String text, TargetSpec.GuardrailSpec g) throws TargetFileException {
        if (g == null) {
            return;
        }
        range(file, text, "maxFixesPerRun", g.maxFixesPerRun(), 0, 50);
        range(file, text, "maxAttemptsPerFailure", g.maxAttemptsPerFailure(), 1, 10);
        range(file, text, "cooldownSeconds", g.cooldownSeconds(), 0, 3600);
        range(file, text, "runMinutes", g.runMinutes(), 1, 24 * 60);
        range(file, text, "maxContainerRestarts", g.maxContainerRestarts(), 0, 100);
        range(file, text, "maxDatabaseOperations", g.maxDatabaseOperations(), 0, 100);
        range(file, text, "systemicServices", g.systemicServices(), 2, 100);
        range(file, text, "settleMs", g.settleMs(), 0, 600_000);
        range(file, text, "commandTimeoutSeconds", g.commandTimeoutSeconds(), 1, 3600);
        if (g.protect() != null) {
            for (String name : g.protect()) {
                if (name == null || name.isBlank()) {
                    throw problem(file, "line " + keyLine(text, "protect", null) + ": guardrails.protect has an empty entry: list the names never to touch"
                            + " (processes, tables, namespaces).");
                }
            }
        }
    }

    private static void range(Path file, String text, String field, Integer value, int min, int max)
            throws TargetFileException {
        if (value != null && (value < min || value > max)) {
            throw problem(file, "line " + keyLine(text, field, null) + ": guardrails." + field + " is " + value + ": give a value between " + min + " and "
                    + max + ".");
        }
    }

    /** Environment variable names that hold secrets: they may not be written in a target file. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL).*");
    private static final Set<String> KINDS = Set.of("playwright", "junit", "probes");

    private static void env(Path file, String text, String where, Map<String, String> env) throws TargetFileException {
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw problem(file, "line " + keyLine(text, e.getKey(), null) + ": " + where + " has the variable name '"
                        + e.getKey() + "': use letters, digits and '_' only.");
            }
            if (SECRET_NAME.matcher(e.getKey()).matches()) {
                throw problem(file, "line " + keyLine(text, e.getKey(), null) + ": " + where + " sets " + e.getKey()
                        + ", which looks like a secret. Secrets are never written in a target file: set "
                        + e.getKey() + " in the environment or in .env, and remove it here.");
            }
        }
    }

    private static void suites(Path file, String text, TargetSpec spec, Set<String> projects)
            throws TargetFileException {
        for (int i = 0; i < spec.suites().size(); i++) {
            TargetSpec.SuiteSpec s = spec.suites().get(i);
            String where = "suites[" + i + "]";
            if (s == null || s.kind() == null || !KINDS.contains(s.kind())) {
                throw problem(file, where + ": 'kind' must be one of playwright, junit, probes (got "
                        + quote(s == null ? null : s.kind()) + ").");
            }
            where = where + " (" + s.kind() + ")";
            env(file, text, where + ".env", s.env());
            if (s.timeoutSeconds() != null && (s.timeoutSeconds() < 1 || s.timeoutSeconds() > 86_400)) {
                throw problem(file, where + ": 'timeoutSeconds' is " + s.timeoutSeconds()
                        + ": give a value between 1 and 86400.");
            }
            if (s.shards() != null && !"playwright".equals(s.kind())) {
                throw problem(file, "line " + keyLine(text, "shards", null) + ": " + where + ": 'shards' splits a"
                        + " Playwright suite only; remove it here (a " + s.kind() + " suite runs in one process).");
            }
            if (s.shards() != null && (s.shards() < 1 || s.shards() > Shard.MAX)) {
                throw problem(file, "line " + keyLine(text, "shards", null) + ": " + where + ": 'shards' is "
                        + s.shards() + ": give a whole number from 1 (the suite in one process) to " + Shard.MAX
                        + ", the number of processes to split it into.");
            }
            switch (s.kind()) {
                case "junit" -> {
                    if (s.project() == null || !ID.matcher(s.project()).matches()) {
                        throw problem(file, where + ": 'project' must be a simple name such as unit or api (got "
                                + quote(s.project()) + ").");
                    }
                    if (s.command().isEmpty() || s.command().stream().anyMatch(a -> a == null || a.isEmpty())) {
                        throw problem(file, where + ": 'command' must list the program and its arguments, e.g."
                                + " [mvn, -q, test] (it runs without a shell).");
                    }
                    directory(file, where, s.dir());
                    if (s.reports() == null || s.reports().isBlank() || s.reports().startsWith("/")
                            || s.reports().contains("..")) {
                        throw problem(file, where + ": 'reports' must be a glob relative to 'dir', e.g."
                                + " target/surefire-reports/TEST-*.xml (got " + quote(s.reports()) + ").");
                    }
                    if (s.select() != null) {
                        try {
                            dev.healdesk.core.suite.junit.JUnitSelector.of(s.select());
                        } catch (IllegalArgumentException e) {
                            throw problem(file, "line " + keyLine(text, "select", null) + ": " + where + ": "
                                    + e.getMessage() + ".");
                        }
                    }
                    project(file, where, s.project(), projects);
                }
                case "playwright" -> {
                    directory(file, where, s.dir());
                    if (s.projects().isEmpty()) {
                        throw problem(file, where + ": 'projects' must list the Playwright projects to run, e.g."
                                + " [health, contracts] (the names in its playwright.config).");
                    }
                    for (String p : s.projects()) {
                        if (p == null || !ID.matcher(p).matches()) {
                            throw problem(file, where + ": project names must be letters, digits, '.', '_' or '-'"
                                    + " (got " + quote(p) + ").");
                        }
                        project(file, where, p, projects);
                    }
                }
                default -> {
                    if (s.file() == null || !Files.isRegularFile(Path.of(s.file()))) {
                        throw problem(file, where + ": 'file' " + quote(s.file()) + " is not a file: give the path"
                                + " of a probe suite (YAML), relative to this target file.");
                    }
                }
            }
        }
    }

    private static void directory(Path file, String where, String dir) throws TargetFileException {
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            throw problem(file, where + ": 'dir' " + quote(dir) + " is not a folder: give the project's folder,"
                    + " relative to this target file.");
        }
    }

    private static void project(Path file, String where, String project, Set<String> projects)
            throws TargetFileException {
        if (!projects.add(project)) {
            throw problem(file, where + ": the project '" + project + "' is already used by another suite or probe:"
                    + " each project needs a name of its own.");
        }
    }

    private static void check(Path file, String text, TargetSpec spec) throws TargetFileException {
        if (spec.name() == null || spec.name().isBlank()) {
            throw problem(file, "'name' is missing: give the target a short name (it appears in history and reports).");
        }
        url(file, "baseUrl", spec.baseUrl(), false);
        url(file, "apiUrl", spec.apiUrl(), false);
        if (spec.timeoutMs() != null && (spec.timeoutMs() < 100 || spec.timeoutMs() > 600_000)) {
            throw problem(file, "'timeoutMs' is " + spec.timeoutMs() + ": give a value between 100 and 600000.");
        }
        if (spec.repository() != null && !Files.isDirectory(Path.of(spec.repository(), ".git"))
                && !Files.isRegularFile(Path.of(spec.repository(), ".git"))) {
            throw problem(file, "'repository' " + spec.repository() + " is not a git repository (no .git in it):"
                    + " give the folder of the application's checkout, or leave it out.");
        }
        if (spec.probes().isEmpty() && spec.suites().isEmpty()) {
            throw problem(file, "no 'suites' and no 'probes': list at least one suite or check (see the target"
                    + " file example in src/site/markdown/target-file.md).");
        }
        env(file, text, "env", spec.env());
        if (spec.artifacts() != null && spec.artifacts().retentionDays() != null
                && (spec.artifacts().retentionDays() < 0 || spec.artifacts().retentionDays() > 36_500)) {
            throw problem(file, "line " + keyLine(text, "retentionDays", null) + ": artifacts.retentionDays is "
                    + spec.artifacts().retentionDays() + ": give a number of days (0 keeps artifacts for ever).");
        }
        Set<String> projects = new HashSet<>();
        // inline checks may share projects among themselves (their checks are validated by the probe loader)
        spec.probes().stream().filter(p -> p != null && p.project() != null).forEach(p -> projects.add(p.project()));
        suites(file, text, spec, projects);
    }

    private static void url(Path file, String field, String value, boolean required) throws TargetFileException {
        if (value == null) {
            if (required) {
                throw problem(file, field + " is missing.");
            }
            return;
        }
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw problem(file, field + " '" + value + "' is not an http(s) URL with a host.");
            }
        } catch (URISyntaxException e) {
            throw problem(file, field + " '" + value + "' is not a valid URL: " + e.getReason() + ".");
        }
    }

    private static TargetFileException problem(Path file, String what) {
        return new TargetFileException(file + ": " + what, null);
    }

    /**
     * The line of an unknown key. Records are built through their constructor, so Jackson reports the
     * end of the enclosing object; the key is the last one of that name at or before that line.
     */
    static String keyLine(String text, String key, JsonLocation reported) {
        int limit = reported == null || reported.getLineNr() < 1 ? Integer.MAX_VALUE : reported.getLineNr();
        Pattern keyPattern = Pattern.compile("(^|[\\s{,\\-])[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        String[] lines = text.split("\n", -1);
        int found = -1;
        for (int i = 0; i < lines.length && i < limit; i++) {
            if (keyPattern.matcher(lines[i]).find()) {
                found = i + 1;
                if (limit == Integer.MAX_VALUE) {
                    break;
                }
            }
        }
        return found > 0 ? String.valueOf(found) : line(reported);
    }

    private static String line(JsonLocation location) {
        return location == null ? "?" : String.valueOf(location.getLineNr());
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "'" + s + "'";
    }
}
