package dev.healdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code healdesk config}: the settings in force and where each comes from (settings file < .env < environment), and
 * {@code config set KEY VALUE} / {@code config unset KEY} to change the settings file from a terminal, with the same
 * checks as the console's Settings screen.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Show the settings in force and where each comes from (settings file < .env < environment <"
                + " flags), or change the settings file.",
                "Exit 2 when a layer has a problem (each names its file and line) or a value is refused."},
        subcommands = {ConfigCommand.Set.class, ConfigCommand.Unset.class})
final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object: file, settings [{key, variable, value, source}],"
            + " secrets [{name, setIn}], problems.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Config config = Config.fromProcess();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("file", config.settingsFile().file().toAbsolutePath().toString());
            root.put("dotEnv", config.dotEnv().file().toAbsolutePath().toString());
            ArrayNode settings = root.putArray("settings");
            for (Setting s : Setting.values()) {
                ObjectNode o = settings.addObject();
                o.put("key", s.key());
                o.put("variable", s.variable().orElse(null));
                o.put("value", config.value(s).orElse(null));
                o.put("source", config.source(s).layer().title());
                o.put("where", config.source(s).describe());
            }
            ArrayNode secrets = root.putArray("secrets");
            config.secrets().forEach((name, layer) -> secrets.addObject().put("name", name)
                    .put("setIn", layer.map(Config.Layer::title).orElse(null)));
            ArrayNode problems = root.putArray("problems");
            config.problems().forEach(problems::add);
            out.println(mapper.writeValueAsString(root));
        } else {
            out.println("Settings file: " + config.settingsFile().file().toAbsolutePath());
            out.println(".env:          " + config.dotEnv().file().toAbsolutePath()
                    + (java.nio.file.Files.exists(config.dotEnv().file()) ? "" : " (none)"));
            Setting.Section section = null;
            for (Setting s : Setting.values()) {
                if (s.section() != section) {
                    section = s.section();
                    out.println();
                    out.println(section.title());
                }
                out.printf("  %-34s %-28s %s%n", s.key(), config.value(s).orElse("—"),
                        config.source(s).describe());
            }
            out.println();
            out.println("Secrets (environment or .env only; values never shown)");
            config.secrets().forEach((name, layer) -> out.printf("  %-34s %s%n", name,
                    layer.map(l -> "set in " + l.title()).orElse("not set")));
        }
        out.flush();
        if (!config.problems().isEmpty()) {
            spec.commandLine().getErr().println("healdesk: " + new Config.ConfigException(config.problems()).getMessage()
                    .replace(" (nothing was run)", ""));
            return Cli.USAGE;
        }
        return Cli.HEALTHY;
    }

    private static Setting setting(String key) {
        return Setting.byKey(key).or(() -> Setting.byVariable(key)).orElseThrow(() -> new Cli.UsageException(
                "unknown setting '" + key + "': use one of " + Arrays.stream(Setting.values()).map(Setting::key)
                        .collect(Collectors.joining(", ")) + " (or its variable name)."));
    }

    private static int save(CommandSpec spec, Setting s, String value) {
        Config config = Config.fromProcess();
        Map<Setting, String> refused;
        try {
            refused = config.settingsFile().save(Map.of(s, value));
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new Cli.UsageException(e.getMessage(), e);
        }
        if (!refused.isEmpty()) {
            throw new Cli.UsageException(s.key() + ": " + refused.get(s) + ". Nothing was written.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println((value.isBlank() ? "Removed " + s.key() : "Set " + s.key() + " = " + s.check(value).value())
                + " in " + config.settingsFile().file().toAbsolutePath());
        s.variable().flatMap(config::sourceOf).filter(src -> src.layer().compareTo(Config.Layer.FILE) > 0)
                .ifPresent(src -> out.println("Note: " + s.variable().get() + " is also set in " + src.describe()
                        + ", which goes over the settings file."));
        out.flush();
        return Cli.HEALTHY;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Write one setting to the settings file (checked first; a secret is refused).")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEY", description = "A key such as llm.host, or its variable (OLLAMA_HOST).")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE")
        String value;

        @Override
        public Integer call() {
            return save(spec, setting(key), value);
        }
    }

    @Command(name = "unset", mixinStandardHelpOptions = true, description = "Remove one setting from the settings file.")
    static final class Unset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Override
        public Integer call() {
            return save(spec, setting(key), "");
        }
    }
}
