package dev.healdesk.core.config;

import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.run.ApprovalPolicy;

import dev.healdesk.core.playbook.PlaybookExecutor;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything an operator may keep in the settings file, each with the variable that sets it from {@code .env} or the
 * environment (the seeds' names where they had one) and the rule its value must keep. None is a secret: secrets are
 * read from the environment or {@code .env} only, and the settings file refuses them.
 */
public enum Setting {
    TARGET_FILE(Section.TARGET, "target.file", "HEALDESK_TARGET", Type.FILE, "Target file",
            "The target file (YAML) runs use instead of the built-in sandbox; empty for the sandbox.", null),
    BASE_URL(Section.TARGET, "target.baseUrl", "BASE_URL", Type.URL, "Base URL",
            "The application's pages, over the target file's baseUrl.", null),
    API_URL(Section.TARGET, "target.apiUrl", "API_URL", Type.URL, "API URL",
            "The application's API, over the target file's apiUrl.", null),
    PROJECTS(Section.TARGET, "target.projects", "HEAL_PROJECTS", Type.NAMES, "Projects",
            "The projects a run takes when none are chosen, comma-separated; empty for all.", null),
    BROWSER(Section.TARGET, "target.browser", "HEALDESK_BROWSER", Type.EXECUTABLE, "Browser",
            "Chromium or Chrome to drive; empty to find one on the system.", null),

    DRY_RUN(Section.RUN, "run.dryRun", "HEAL_DRY_RUN", Type.BOOLEAN, "Dry run",
            "Plan every fix and change nothing.", "false"),
    SKIP_LLM(Section.RUN, "run.skipLlm", "HEAL_SKIP_LLM", Type.BOOLEAN, "Skip the model",
            "Pattern triage only: no diagnosis by the model.", "false"),
    MAX_FIXES(Section.RUN, "run.maxFixes", "HEAL_MAX_FIXES", Type.range(0, 50), "Max fixes per run",
            "At most this many fixes in one run (the guardrail below is the ceiling).", "3"),
    FAILING_BELOW(Section.RUN, "run.failingBelow", "HEALDESK_FAILING_BELOW", Type.range(0, 100), "Failing below (score)",
            "A run with any failing test is degraded, never healthy; failing when its health score is below this.",
            "80"),
    PATTERNS(Section.RUN, "run.patterns", "HEALDESK_PATTERNS", Type.FILE, "Failure patterns",
            "Your own patterns.json, merged over the built-in catalog, for the console's runs and the CLI's alike"
                    + " (--patterns overrides it); empty for the built-in catalog only.", null),

    APPROVE(Section.PLAYBOOKS, "playbooks.approve", "HEAL_APPROVE", Type.choice("none", "A"), "Fixes without a person",
            ApprovalPolicy.RULE,
            "A"),
    DISABLED_PLAYBOOKS(Section.PLAYBOOKS, "playbooks.disabled", PlaybookExecutor.DISABLED_ENV, Type.NAMES,
            "Never propose", "Playbooks never proposed, comma-separated (their failures are filed for a person).",
            null),

    GUARD_MAX_FIXES(Section.GUARDRAILS, "guardrails.maxFixesPerRun", "HEALDESK_MAX_FIXES_PER_RUN", Type.range(0, 50),
            "Fixes per run, ceiling", "No run applies more, whatever its max fixes says.", "3"),
    GUARD_ATTEMPTS(Section.GUARDRAILS, "guardrails.maxAttemptsPerFailure", "HEALDESK_MAX_ATTEMPTS_PER_FAILURE",
            Type.range(1, 10), "Attempts per failure", "Attempts at one failure in one session.", "2"),
    GUARD_COOLDOWN(Section.GUARDRAILS, "guardrails.cooldownSeconds", "HEALDESK_COOLDOWN_SECONDS", Type.range(0, 3600),
            "Cooldown (s)", "Wait between two fixes, and between two restarts of one target.", "5"),
    GUARD_RUN_MINUTES(Section.GUARDRAILS, "guardrails.runMinutes", "HEALDESK_RUN_MINUTES", Type.range(1, 1440),
            "Run budget (min)", "No fix starts once a run is this old.", "30"),
    GUARD_CONTAINER_RESTARTS(Section.GUARDRAILS, "guardrails.maxContainerRestarts",
            "HEALDESK_MAX_CONTAINER_RESTARTS", Type.range(0, 100), "Container restarts",
            "Per session.", "5"),
    GUARD_DATABASE_OPERATIONS(Section.GUARDRAILS, "guardrails.maxDatabaseOperations",
            "HEALDESK_MAX_DATABASE_OPERATIONS", Type.range(0, 100), "Database operations", "Per session.", "3"),
    GUARD_SYSTEMIC(Section.GUARDRAILS, "guardrails.systemicServices", "HEALDESK_SYSTEMIC_SERVICES", Type.range(2, 100),
            "Systemic at (services)", "When failures name this many services the cause is shared: nothing is"
                    + " restarted.", "4"),
    GUARD_PROTECT(Section.GUARDRAILS, "guardrails.protect", "HEALDESK_PROTECT", Type.NAMES, "Protected names",
            "Names never touched (processes, tables, namespaces), added to the built-in ones.", null),
    GUARD_SETTLE(Section.GUARDRAILS, "guardrails.settleMs", "HEALDESK_SETTLE_MS", Type.range(0, 600_000),
            "Settle (ms)", "Wait after a fix before the tests are re-run.", "500"),
    GUARD_COMMAND_TIMEOUT(Section.GUARDRAILS, "guardrails.commandTimeoutSeconds", "HEALDESK_COMMAND_TIMEOUT_SECONDS",
            Type.range(1, 3600), "Command timeout (s)", "A playbook's command is killed after this.", "120"),

    OLLAMA_HOST(Section.LLM, "llm.host", "OLLAMA_HOST", Type.OLLAMA_HOST, "Ollama host",
            "host, host:port or a URL.", "http://localhost:11434"),
    MODEL(Section.LLM, "llm.model", null, Type.MODEL, "Model",
            "The model to use over the recommendation (OLLAMA_MODEL in .env or the environment forces another).",
            null),
    CLOUD_FALLBACK(Section.LLM, "llm.cloudFallback", "HEALDESK_CLOUD_FALLBACK", Type.BOOLEAN, "Cloud fallback",
            "When the local model is unavailable, ask Anthropic (needs ANTHROPIC_API_KEY in the environment or .env).",
            "true"),
    FALLBACK_ONLY(Section.LLM, "llm.fallbackOnly", "LLM_FALLBACK_ONLY", Type.BOOLEAN, "Cloud only",
            "Ask the cloud fallback even when the local model is up.", "false"),
    CLOUD_MODEL(Section.LLM, "llm.cloudModel", "ANTHROPIC_MODEL", Type.MODEL, "Cloud model",
            "The fallback's model.", "claude-3-5-haiku-latest"),
    UNIFIED_MEMORY_RESERVE(Section.LLM, "llm.unifiedMemoryReserveGb", "HEALDESK_UNIFIED_MEMORY_RESERVE_GB",
            Type.range(0, 1024), "Unified memory reserve (GB)", "On a GPU that shares the system memory (DGX Spark,"
                    + " Grace Hopper, Jetson): the memory left to the desktop and the test run; models are sized for"
                    + " the available memory less this.", "8"),

    RESULTS_DIR(Section.RESULTS, "results.dir", "HEALDESK_RESULTS_DIR", Type.FOLDER, "Results folder",
            "Where run folders go.", "healing-results"),
    DATABASE(Section.RESULTS, "results.database", "HEALDESK_DB", Type.DATABASE, "History database",
            "The history: a SQLite file, or postgresql://host:port/database for a team's shared history (the user"
                    + " in the URL or PGUSER, the password only in PGPASSWORD); empty for healdesk.db in the results"
                    + " folder.", null),
    ARTIFACT_RETENTION(Section.RESULTS, "results.artifactRetentionDays", "HEALDESK_ARTIFACT_RETENTION_DAYS",
            Type.range(0, 3650), "Keep artifacts (days)", "Screenshots, traces and videos of older runs are deleted;"
                    + " 0 keeps them.", "7"),
    HISTORY_RETENTION(Section.RESULTS, "results.historyRetentionDays", "HEALDESK_HISTORY_RETENTION_DAYS",
            Type.range(1, 36500), "Keep history (days)", "Older runs are deleted from the history; empty keeps"
                    + " every run.", null),

    THEME(Section.APPEARANCE, "ui.theme", "HEALDESK_THEME", Type.choice("light", "dark"), "Theme",
            "The console's theme.", "light");

    /** The groups of the settings screen and of the file. */
    public enum Section {
        TARGET("Target"), RUN("Runs"), PLAYBOOKS("Playbooks"), GUARDRAILS("Guardrails"), LLM("Model"),
        RESULTS("Results"), APPEARANCE("Appearance");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Section section;
    private final String key;
    private final String variable;
    private final Type type;
    private final String label;
    private final String help;
    private final String defaultValue;

    Setting(Section section, String key, String variable, Type type, String label, String help, String defaultValue) {
        this.section = section;
        this.key = key;
        this.variable = variable;
        this.type = type;
        this.label = label;
        this.help = help;
        this.defaultValue = defaultValue;
    }

    public Section section() {
        return section;
    }

    /** Its dotted key in the settings file, e.g. {@code llm.host}. */
    public String key() {
        return key;
    }

    /** The variable that sets it from {@code .env} or the environment, if any. */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    public Type type() {
        return type;
    }

    public String label() {
        return label;
    }

    public String help() {
        return help;
    }

    /** The value when no layer sets it (as the components default it), or null for "none". */
    public String defaultValue() {
        return defaultValue;
    }

    // Loops, not stream pipelines: every short command checks each variable of its environment here at its start,
    // and a pipeline's classes and lambdas are linked and run in the interpreter there (docs/benchmarks, CLI start)
    public static Optional<Setting> byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static Optional<Setting> byVariable(String name) {
        for (Setting s : values()) {
            if (name.equals(s.variable)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The value as the components read it ({@code true}/{@code false}, a number, names joined by commas), or the
     * reason it is refused: a sentence that says what to write instead. Empty text means "not set" and is valid.
     */
    public Result check(String raw) {
        String v = raw == null ? "" : raw.strip();
        if (v.isEmpty()) {
            return Result.ok("");
        }
        return type.check(v);
    }

    /** A value that passed, normalised, or why it did not. */
    public record Result(String value, String problem) {
        static Result ok(String value) {
            return new Result(value, null);
        }

        static Result refused(String problem) {
            return new Result(null, problem);
        }

        public boolean ok() {
            return problem == null;
        }
    }

    /** The rule a value keeps. */
    public static final class Type {
        public enum Kind { BOOLEAN, RANGE, CHOICE, NAMES, URL, OLLAMA_HOST, FILE, EXECUTABLE, FOLDER, DATABASE, MODEL }

        static final Type BOOLEAN = new Type(Kind.BOOLEAN, 0, 0, List.of());
        static final Type NAMES = new Type(Kind.NAMES, 0, 0, List.of());
        static final Type URL = new Type(Kind.URL, 0, 0, List.of());
        static final Type OLLAMA_HOST = new Type(Kind.OLLAMA_HOST, 0, 0, List.of());
        static final Type FILE = new Type(Kind.FILE, 0, 0, List.of());
        static final Type EXECUTABLE = new Type(Kind.EXECUTABLE, 0, 0, List.of());
        static final Type FOLDER = new Type(Kind.FOLDER, 0, 0, List.of());
        static final Type DATABASE = new Type(Kind.DATABASE, 0, 0, List.of());
        static final Type MODEL = new Type(Kind.MODEL, 0, 0, List.of());

        private final Kind kind;
        private final int min;
        private final int max;
        private final List<String> choices;

        private Type(Kind kind, int min, int max, List<String> choices) {
            this.kind = kind;
            this.min = min;
            this.max = max;
            this.choices = choices;
        }

        static Type range(int min, int max) {
            return new Type(Kind.RANGE, min, max, List.of());
        }

        static Type choice(String... choices) {
            return new Type(Kind.CHOICE, 0, 0, List.of(choices));
        }

        public Kind kind() {
            return kind;
        }

        public int min() {
            return min;
        }

        public int max() {
            return max;
        }

        public List<String> choices() {
            return choices;
        }

        Result check(String v) {
            return switch (kind) {
                case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> Result.ok("true");
                    case "false", "no", "off", "0" -> Result.ok("false");
                    default -> Result.refused("'" + v + "' is not true or false: write true or false");
                };
                case RANGE -> {
                    try {
                        int n = Integer.parseInt(v);
                        yield n < min || n > max
                                ? Result.refused(n + " is out of range: give a whole number from " + min + " to " + max)
                                : Result.ok(Integer.toString(n));
                    } catch (NumberFormatException e) {
                        yield Result.refused("'" + v + "' is not a whole number: give one from " + min + " to " + max);
                    }
                }
                case CHOICE -> choices.stream().filter(c -> c.equalsIgnoreCase(v)).findFirst().map(Result::ok)
                        .orElseGet(() -> Result.refused("'" + v + "' is not one of " + String.join(", ", choices)
                                + ": write one of them"));
                case NAMES -> names(v);
                case URL -> url(v);
                case OLLAMA_HOST -> ollamaHost(v);
                // (no Optional.map/orElseGet here: the environment's folders and database are checked at every start)
                case FILE -> path(v) != null ? Result.refused(path(v)) : Files.isRegularFile(Path.of(v))
                        ? Files.isReadable(Path.of(v)) ? Result.ok(v)
                        : Result.refused(v + " cannot be read: check its permissions")
                        : Result.refused(v + " is not a file: give the path of an existing file");
                case EXECUTABLE -> path(v) != null ? Result.refused(path(v)) : Files.isRegularFile(Path.of(v))
                        && Files.isExecutable(Path.of(v)) ? Result.ok(v)
                        : Result.refused(v + " is not an executable file: give the path of Chromium or Chrome,"
                        + " e.g. /usr/bin/chromium");
                case FOLDER -> path(v) != null ? Result.refused(path(v)) : Files.exists(Path.of(v))
                        && !Files.isDirectory(Path.of(v))
                        ? Result.refused(v + " is a file, not a folder: give a folder (it is created when missing)")
                        : Result.ok(v);
                case DATABASE -> HistoryLocation.isServer(v) ? server(v) : path(v) != null ? Result.refused(path(v))
                        : Files.isDirectory(Path.of(v))
                        ? Result.refused(v + " is a folder: give the database file, e.g. " + Path.of(v, "healdesk.db"))
                        : Result.ok(v);
                case MODEL -> v.matches("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}") ? Result.ok(v)
                        : Result.refused("'" + v + "' is not a model name: write it as Ollama lists it, e.g."
                        + " qwen2.5-coder:14b");
            };
        }

        private static Result names(String v) {
            List<String> out = new ArrayList<>();
            for (String part : v.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                if (!p.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    return Result.refused("'" + p + "' is not a name: use letters, digits, '.', '_' and '-',"
                            + " separated by commas");
                }
                out.add(p);
            }
            return Result.ok(String.join(",", out));
        }

        /** A PostgreSQL URL: never with a password (PGPASSWORD gives it), and the message never repeats the URL. */
        private static Result server(String v) {
            try {
                HistoryLocation.parse(v, "The PostgreSQL URL", java.util.Map.of());
                return Result.ok(v.strip());
            } catch (IllegalArgumentException e) {
                return Result.refused(e.getMessage());
            }
        }

        private static Result url(String v) {
            try {
                URI uri = new URI(v);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    return Result.refused("'" + v + "' is not an http(s) URL: write it as http://host:port/path");
                }
                return Result.ok(v);
            } catch (URISyntaxException e) {
                return Result.refused("'" + v + "' is not a URL (" + e.getReason() + "): write it as"
                        + " http://host:port/path");
            }
        }

        private static Result ollamaHost(String v) {
            try {
                String n = OllamaAddress.normalize(v);
                URI uri = URI.create(n);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    return Result.refused("'" + v + "' is not http or https: write host, host:port or"
                            + " http://host:port");
                }
                return Result.ok(v);
            } catch (IllegalArgumentException e) {
                return Result.refused("'" + v + "' is not an address: write host, host:port or http://host:port");
            }
        }

        /** Why {@code v} is not a path, or null when it is one. */
        private static String path(String v) {
            try {
                Path.of(v);
                return null;
            } catch (InvalidPathException e) {
                return "'" + v + "' is not a path: " + e.getReason();
            }
        }
    }
}
