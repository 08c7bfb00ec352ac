package dev.healdesk.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import java.util.Optional;

/**
 * What Healdesk remembers between starts, in the user's config folder ({@code HEALDESK_CONFIG_DIR}, else
 * {@code $XDG_CONFIG_HOME/healdesk}, else {@code ~/.config/healdesk}): the model override is {@code llm.model} of
 * the {@link SettingsFile settings file}; state that is not a setting (whether the console has started here before)
 * goes in {@code preferences.json}. Never a secret: those come from the
 * environment or {@code .env} only. Written atomically, so a crash never leaves half a file.
 */
public final class Preferences {
    public static final String CONFIG_DIR_ENV = "HEALDESK_CONFIG_DIR";
    /**
     * Everything that touches Jackson, loaded on first use, not with the class: databind is hundreds of classes, and
     * even a method of this class that only passed its nodes around made the JVM's verifier load ~15 of them (and
     * jackson-core's exceptions) in every command that reads the settings' layers, which only asks {@link #configDir}
     * (docs/benchmarks, CLI start, eleventh pass).
     */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {
        }

        static JsonNode read(Path file) {
            if (!Files.isRegularFile(file)) {
                return MAPPER.createObjectNode();
            }
            try {
                return MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                return MAPPER.createObjectNode();
            }
        }

        static String modelOverride(Path file) {
            return read(file).path("modelOverride").asText(null);
        }

        static void forgetModelOverride(Path file) {
            JsonNode root = read(file);
            if (root instanceof ObjectNode o && o.remove("modelOverride") != null) {
                writeAtomically(file, o, "preferences");
            }
        }

        static boolean firstStartDone(Path file) {
            return read(file).path("firstStartDone").asBoolean(false);
        }

        static void markFirstStartDone(Path file) {
            ObjectNode root = read(file) instanceof ObjectNode o ? o : MAPPER.createObjectNode();
            root.put("firstStartDone", true);
            writeAtomically(file, root, "preferences");
        }

        /** Writes {@code root} to {@code target} through a temporary file, so that a crash never leaves half a file. */
        static void writeAtomically(Path target, ObjectNode root, String what) {
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
                Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                MAPPER.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot save the " + what + " to " + target + ": " + e.getMessage()
                        + ". Check that the folder is writable, or set " + CONFIG_DIR_ENV + ".", e);
            }
        }
    }

    private final Path file;

    public Preferences(Path file) {
        this.file = file;
    }

    public static Preferences fromEnvironment(Map<String, String> env) {
        return new Preferences(configDir(env).resolve("preferences.json"));
    }

    public static Path configDir(Map<String, String> env) {
        if (env.containsKey(CONFIG_DIR_ENV) && !env.get(CONFIG_DIR_ENV).isBlank()) {
            return Path.of(env.get(CONFIG_DIR_ENV));
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("healdesk");
    }

    public Path file() {
        return file;
    }

    /** The model the operator picked over the recommendation, if any ({@code llm.model} of the settings file). */
    public Optional<String> modelOverride() {
        String v = settings().read().values().get(Setting.MODEL);
        if (v == null) {
            // Before the settings file, the pick was kept here.
            v = Json.modelOverride(file);
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /** Remembers {@code model} as the override, or forgets it when empty. */
    public synchronized void setModelOverride(Optional<String> model) {
        Map<Setting, String> refused = settings().save(Map.of(Setting.MODEL, model.orElse("")));
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("Model: " + refused.get(Setting.MODEL));
        }
        Json.forgetModelOverride(file);
    }

    /** The settings file beside this one. */
    public SettingsFile settings() {
        return new SettingsFile(file.resolveSibling(SettingsFile.NAME));
    }

    /** Whether the console has started here before (and shown its first-start setup check). */
    public boolean firstStartDone() {
        return Json.firstStartDone(file);
    }

    /** Remembers that the console has started here, so the first-start setup check is not shown again. */
    public synchronized void markFirstStartDone() {
        Json.markFirstStartDone(file);
    }
}
