package dev.healdesk.app.settings;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.Setting;
import dev.healdesk.core.config.SettingsFile;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The settings screen's state: one {@link Field} per {@link Setting}, holding what the settings file says, checked as
 * the operator types (a refused value shows its reason under the field and is never written), and saved a short
 * delay after the last change. Each field also says which value is in force and where it came from, since {@code .env}
 * and the environment go over the file. Secrets are listed by name and origin only.
 */
public final class SettingsViewModel {
    /** The pause after the last keystroke before the file is written. */
    public static final Duration SAVE_DELAY = Duration.millis(600);
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(SettingsViewModel.class);
    }
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SettingsFile file;
    private final Config config;
    private final ThemeService theme;
    private final Executor io;
    private final FxBridge bridge;
    private final Map<Setting, Field> fields = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final PauseTransition timer = new PauseTransition(SAVE_DELAY);
    private final List<Subscription> subs = new ArrayList<>();
    /** Who follows the saved settings (the Run screen, for its run defaults), on the FX thread. */
    private final List<Consumer<Map<Setting, String>>> savedListeners = new CopyOnWriteArrayList<>();

    /**
     * @param config the layers as they were read at start (for where each value in force comes from)
     * @param io     where the file is written (off the FX thread)
     */
    public SettingsViewModel(Config config, ThemeService theme, Executor io, FxBridge bridge) {
        this.config = config;
        this.file = config.settingsFile();
        this.theme = theme;
        this.io = io;
        this.bridge = bridge;
        SettingsFile.Contents contents = config.fileContents();
        for (Setting s : Setting.values()) {
            Field f = new Field(s, contents.raw().getOrDefault(s, ""));
            fields.put(s, f);
            subs.add(f.text.subscribe((old, now) -> edited(f)));
        }
        timer.setOnFinished(e -> save());
        Field themeField = fields.get(Setting.THEME);
        // Changes only (the rail's switch): the theme a start was given (-Dhealdesk.theme) is not a setting to save.
        subs.add(theme.darkProperty().subscribe((was, dark) -> {
            String wanted = dark ? "dark" : "light";
            if (!wanted.equalsIgnoreCase(effective(themeField))) {
                themeField.text.set(wanted);
            }
        }));
    }

    /** What the theme field asks for, or the value in force when it is empty. */
    private String effective(Field f) {
        String t = f.text.get().strip();
        return t.isEmpty() ? config.value(f.setting).orElse("") : t;
    }

    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    public Field field(Setting s) {
        return fields.get(s);
    }

    /** "Saved to … at 12:03:04", "Saving…", or what could not be saved. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public String filePath() {
        return file.file().toAbsolutePath().toString();
    }

    /** What is wrong in the settings file and {@code .env}, as found at start. */
    public List<String> loadProblems() {
        return config.problems();
    }

    /** Secret variables: name → where it is set ("environment", ".env"), or "not set". Never a value. */
    public Map<String, String> secrets() {
        Map<String, String> out = new LinkedHashMap<>();
        config.secrets().forEach((name, layer) -> out.put(name, layer.map(l -> "set in the " + l.title())
                .map(s -> s.replace("the .env", ".env")).orElse("not set")));
        return out;
    }

    private void edited(Field f) {
        String problem = SettingsFile.refusalOf(f.setting, f.text.get());
        f.error.set(problem == null ? "" : problem);
        if (problem == null) {
            f.dirty = true;
            if (f.setting == Setting.THEME) {
                theme.darkProperty().set("dark".equalsIgnoreCase(effective(f)));
            }
        }
        timer.playFromStart();
    }

    /** Writes the changed, valid fields now (the timer calls it after {@link #SAVE_DELAY}). */
    public void save() {
        timer.stop();
        Map<Setting, String> changes = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            if (f.dirty && f.error.get().isEmpty()) {
                changes.put(f.setting, f.text.get());
                f.dirty = false;
            }
        }
        long refused = fields.values().stream().filter(f -> !f.error.get().isEmpty()).count();
        if (changes.isEmpty()) {
            if (refused > 0) {
                status.set(refusedText(refused));
            }
            return;
        }
        status.set("Saving…");
        io.execute(() -> {
            String outcome;
            Map<Setting, String> notSaved = Map.of();
            try {
                notSaved = file.save(changes);
                outcome = "Saved to " + filePath() + " at " + LocalTime.now().format(TIME);
            } catch (RuntimeException e) {
                outcome = "Not saved: " + e.getMessage();
            }
            String text = outcome;
            Map<Setting, String> back = notSaved;
            boolean written = outcome.startsWith("Saved");
            bridge.post(() -> {
                back.forEach((s, why) -> fields.get(s).error.set(why));
                long bad = fields.values().stream().filter(f -> !f.error.get().isEmpty()).count();
                status.set(bad == 0 ? text : text + "; " + refusedText(bad));
                if (written) {
                    Map<Setting, String> inForce = new LinkedHashMap<>();
                    changes.forEach((s, value) -> {
                        if (!back.containsKey(s)) {
                            inForce.put(s, inForce(s, value));
                        }
                    });
                    tellSaved(inForce);
                }
            });
        });
    }

    /**
     * Tells {@code listener}, on the FX thread after each save, the value now in force of each setting that was written
     * (so that the Run screen takes a new Max fixes at once, without a restart), until unsubscribed.
     */
    public Subscription onSaved(Consumer<Map<Setting, String>> listener) {
        savedListeners.add(listener);
        return () -> savedListeners.remove(listener);
    }

    private void tellSaved(Map<Setting, String> inForce) {
        if (inForce.isEmpty()) {
            return;
        }
        Map<Setting, String> told = Map.copyOf(inForce);
        for (Consumer<Map<Setting, String>> l : savedListeners) {
            try {
                l.accept(told);
            } catch (RuntimeException e) {
                log().warn("A settings listener failed", e);
            }
        }
    }

    /**
     * The value of {@code s} in force once the file says {@code saved}: {@code .env} or the environment when they set
     * it (they go over the file), else the file's value (normalised), else the default.
     */
    private String inForce(Setting s, String saved) {
        Config.Layer layer = config.source(s).layer();
        if (layer == Config.Layer.DOTENV || layer == Config.Layer.ENVIRONMENT) {
            return config.value(s).orElse("");
        }
        Setting.Result r = s.check(saved);
        String v = r.value() == null || r.value().isEmpty() ? saved.strip() : r.value();
        return v.isEmpty() ? Optional.ofNullable(s.defaultValue()).orElse("") : v;
    }

    private static String refusedText(long n) {
        return n + (n == 1 ? " field is" : " fields are") + " refused and not saved: see the reason under each";
    }

    public void dispose() {
        timer.stop();
        subs.forEach(Subscription::unsubscribe);
        subs.clear();
    }

    /** One setting on the screen. */
    public final class Field {
        private final Setting setting;
        private final StringProperty text;
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
        private boolean dirty;

        private Field(Setting setting, String initial) {
            this.setting = setting;
            this.text = new SimpleStringProperty(this, "text", initial);
            String problem = SettingsFile.refusalOf(setting, initial);
            error.set(problem == null ? "" : problem);
        }

        public Setting setting() {
            return setting;
        }

        /** The file's value as the operator edits it; empty for "not in the file". */
        public StringProperty textProperty() {
            return text;
        }

        /** Why the value is refused, or empty. */
        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }

        /** The value in force when the file says nothing: the default, shown as the field's prompt. */
        public String defaultText() {
            return Optional.ofNullable(setting.defaultValue()).orElse("");
        }

        /**
         * When {@code .env} or the environment set this, the value in force and where it comes from (the file's
         * value then waits until they no longer do); empty otherwise.
         */
        public String overriddenBy() {
            Config.Source src = config.source(setting);
            if (src.layer() != Config.Layer.DOTENV && src.layer() != Config.Layer.ENVIRONMENT) {
                return "";
            }
            String where = src.layer() == Config.Layer.DOTENV ? src.describe()
                    : "the environment (" + setting.variable().orElse("") + ")";
            return "In force: " + config.value(setting).orElse("") + ", from " + where
                    + ". It goes over this file until it is removed there.";
        }
    }
}
