package dev.healdesk.core.config;

import dev.healdesk.core.playbook.Guardrails;
import dev.healdesk.core.redact.KnownSecrets;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings every entry point reads, in layers, each over the one before: the defaults, the user's
 * {@link SettingsFile settings file}, the working folder's {@code .env} ({@code HEALDESK_ENV_FILE} names another), the
 * process environment — and the CLI's flags over all of them. The merged variables ({@link #env()}) are what every
 * component reads in place of {@code System.getenv()}; each value of a {@link Setting} is checked in every layer, and a
 * refused one is a {@link #problems() problem} naming its file and line (or the variable) and is not applied.
 * Secrets come from {@code .env} and the environment only: the settings file refuses them.
 */
public final class Config {

    /** Where a value came from. */
    public enum Layer {
        DEFAULT("default"), FILE("settings file"), DOTENV(".env"), ENVIRONMENT("environment");

        private final String title;

        Layer(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** A value's origin: its layer, and the file and line for the file layers. */
    public record Source(Layer layer, Path file, int line) {
        /** "settings file ~/.config/healdesk/settings.json line 4", ".env line 2", "environment", "default". */
        public String describe() {
            return switch (layer) {
                case DEFAULT, ENVIRONMENT -> layer.title();
                case FILE -> file + (line > 0 ? " line " + line : "");
                case DOTENV -> file + " line " + line;
            };
        }
    }

    private final Map<String, String> env;
    private final Map<String, Source> sources;
    private final List<String> problems;
    private final SettingsFile settingsFile;
    private final SettingsFile.Contents fileContents;
    private final DotEnv dotEnv;

    private Config(Map<String, String> env, Map<String, Source> sources, List<String> problems,
                   SettingsFile settingsFile, SettingsFile.Contents fileContents, DotEnv dotEnv) {
        this.env = Collections.unmodifiableMap(new HashMap<>(env));
        this.sources = Map.copyOf(sources);
        this.problems = List.copyOf(problems);
        this.settingsFile = settingsFile;
        this.fileContents = fileContents;
        this.dotEnv = dotEnv;
    }

    /** The process's own configuration: its environment, the working folder's {@code .env} and the settings file. */
    public static Config fromProcess() {
        return load(System.getenv(), Path.of(""));
    }

    /**
     * Reads the layers under {@code processEnv}: the settings file of its config folder ({@code HEALDESK_CONFIG_DIR},
     * ...) and {@code .env} in {@code workingDir} (or {@code HEALDESK_ENV_FILE}).
     */
    public static Config load(Map<String, String> processEnv, Path workingDir) {
        SettingsFile settings = SettingsFile.fromEnvironment(processEnv);
        String envFile = processEnv.get(DotEnv.FILE_ENV);
        Path dotEnvPath = envFile != null && !envFile.isBlank() ? Path.of(envFile.strip())
                : workingDir.toAbsolutePath().resolve(".env");
        return load(processEnv, settings, DotEnv.read(dotEnvPath));
    }

    static Config load(Map<String, String> processEnv, SettingsFile settings, DotEnv dotEnv) {
        SettingsFile.Contents contents = settings.read();
        List<String> problems = new ArrayList<>();
        Map<String, String> env = new HashMap<>();
        Map<String, Source> sources = new HashMap<>();
        for (String p : contents.problems()) {
            problems.add(settings.file() + " " + p);
        }
        // plain loops and nulls, no lambdas: this runs at every command's start, each lambda a class to link there
        for (Map.Entry<Setting, String> e : contents.values().entrySet()) {
            String v = e.getKey().variable().orElse(null);
            if (v != null) {
                env.put(v, e.getValue());
                sources.put(v, new Source(Layer.FILE, settings.file(), contents.lines().getOrDefault(e.getKey(), 0)));
            }
        }
        for (String p : dotEnv.problems()) {
            problems.add(dotEnv.file() + " " + p);
        }
        for (Map.Entry<String, String> e : dotEnv.values().entrySet()) {
            int line = dotEnv.lines().getOrDefault(e.getKey(), 0);
            String v = checked(e.getKey(), e.getValue(), dotEnv.file() + " line " + line, problems);
            if (v != null) {
                env.put(e.getKey(), v);
                sources.put(e.getKey(), new Source(Layer.DOTENV, dotEnv.file(), line));
            }
        }
        for (Map.Entry<String, String> e : processEnv.entrySet()) {
            String v = checked(e.getKey(), e.getValue(), "the environment", problems);
            if (v != null) {
                env.put(e.getKey(), v);
                sources.put(e.getKey(), new Source(Layer.ENVIRONMENT, null, 0));
            }
        }
        return new Config(env, sources, problems, settings, contents, dotEnv);
    }

    /** The value to apply for {@code name}, normalised when it is a setting's; null (and a problem) when refused. */
    private static String checked(String name, String value, String where, List<String> problems) {
        Setting setting = Setting.byVariable(name).orElse(null);
        if (setting == null) {
            return value;
        }
        Setting.Result r = setting.check(value);
        if (!r.ok()) {
            problems.add(where + ": " + name + " (" + setting.label() + "): " + r.problem());
            return null;
        }
        return r.value().isEmpty() ? value : r.value();
    }

    /** Every variable after the layers are merged: what components read instead of {@code System.getenv()}. */
    public Map<String, String> env() {
        return env;
    }

    /** What is wrong in the layers, each naming its file and line (or the variable) and what to do. */
    public List<String> problems() {
        return problems;
    }

    /** Throws {@link ConfigException} listing every problem, when there is one. */
    public Config requireValid() {
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return this;
    }

    public SettingsFile settingsFile() {
        return settingsFile;
    }

    /** The settings file as it was read: values, lines, raw text and its problems. */
    public SettingsFile.Contents fileContents() {
        return fileContents;
    }

    public DotEnv dotEnv() {
        return dotEnv;
    }

    /** Where the value of variable {@code name} came from, if it is set at all. */
    public Optional<Source> sourceOf(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    /**
     * The value of {@code s} in force (normalised) and where it came from: the highest layer that sets it, else its
     * default. The model override has no variable: its value is the file's ({@code OLLAMA_MODEL} forces another).
     */
    public Optional<String> value(Setting s) {
        if (s.variable().isPresent()) {
            String v = env.get(s.variable().get());
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        } else if (fileContents.values().containsKey(s)) {
            return Optional.of(fileContents.values().get(s));
        }
        return Optional.ofNullable(s.defaultValue());
    }

    /** Where {@link #value(Setting)} came from. */
    public Source source(Setting s) {
        if (s.variable().isPresent()) {
            Source src = sources.get(s.variable().get());
            String v = env.get(s.variable().get());
            if (src != null && v != null && !v.isBlank()) {
                return src;
            }
        } else if (fileContents.values().containsKey(s)) {
            return new Source(Layer.FILE, settingsFile.file(), fileContents.lines().getOrDefault(s, 0));
        }
        return new Source(Layer.DEFAULT, null, 0);
    }

    /**
     * The secret-looking variables that are set in {@code .env} or the environment, name → where (never the value),
     * together with the secrets Healdesk knows how to use that are not set (mapped to empty).
     */
    public Map<String, Optional<Layer>> secrets() {
        Map<String, Optional<Layer>> out = new TreeMap<>();
        for (String known : KNOWN_SECRETS) {
            out.put(known, Optional.empty());
        }
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            boolean listed = KNOWN_SECRETS.contains(e.getKey());
            if (listed || (e.getValue().layer() == Layer.DOTENV && KnownSecrets.isSecretName(e.getKey()))) {
                out.put(e.getKey(), Optional.of(e.getValue().layer()));
            }
        }
        return out;
    }

    /** Secrets Healdesk itself reads (src/site/markdown/settings-and-variables.md). */
    public static final Set<String> KNOWN_SECRETS = Set.of("TEST_PASSWORD", "ANTHROPIC_API_KEY", "GH_TOKEN",
            "RAILWAY_TOKEN", "PGPASSWORD", "SLACK_WEBHOOK_URL");

    /** The guardrails of the settings over the seeds' defaults (a target file's {@code guardrails:} goes over these). */
    public static Guardrails guardrails(Map<String, String> env) {
        Guardrails d = Guardrails.defaults();
        Set<String> protect = new HashSet<>(d.protectedNames());
        String extra = env.get(Setting.GUARD_PROTECT.variable().orElseThrow());
        if (extra != null) {
            for (String n : extra.split(",")) {
                if (!n.isBlank()) {
                    protect.add(n.strip());
                }
            }
        }
        return new Guardrails(intOf(env, Setting.GUARD_MAX_FIXES, d.maxFixesPerRun()),
                intOf(env, Setting.GUARD_ATTEMPTS, d.maxAttemptsPerFailure()),
                seconds(env, Setting.GUARD_COOLDOWN, d.cooldown()),
                Duration.ofMinutes(intOf(env, Setting.GUARD_RUN_MINUTES, (int) d.runBudget().toMinutes())),
                intOf(env, Setting.GUARD_CONTAINER_RESTARTS, d.maxContainerRestarts()),
                intOf(env, Setting.GUARD_DATABASE_OPERATIONS, d.maxDatabaseOperations()),
                intOf(env, Setting.GUARD_SYSTEMIC, d.systemicServices()), protect,
                Duration.ofMillis(intOf(env, Setting.GUARD_SETTLE, (int) d.settle().toMillis())),
                seconds(env, Setting.GUARD_COMMAND_TIMEOUT, d.commandTimeout()));
    }

    private static int intOf(Map<String, String> env, Setting s, int fallback) {
        String v = env.get(s.variable().orElseThrow());
        if (v == null || v.isBlank()) {
            return fallback;
        }
        Setting.Result r = s.check(v);
        return r.ok() ? Integer.parseInt(r.value()) : fallback;
    }

    private static Duration seconds(Map<String, String> env, Setting s, Duration fallback) {
        return Duration.ofSeconds(intOf(env, s, (int) fallback.toSeconds()));
    }

    /** Problems, one per line, for a dialog or stderr. */
    public static String describe(List<String> problems) {
        return String.join("\n", problems);
    }

    /** The settings and secrets layers refuse something: the CLI exits 2 with it, the console shows it. */
    public static final class ConfigException extends RuntimeException {
        private final List<String> problems;

        public ConfigException(List<String> problems) {
            super("The settings have " + (problems.size() == 1 ? "a problem" : problems.size() + " problems")
                    + " (nothing was run):\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
