package dev.healdesk.app;

import dev.healdesk.app.fx.DialogService;
import dev.healdesk.app.fx.FxDialogService;
import dev.healdesk.app.fx.ThemeService;
import dev.healdesk.app.fx.UiThread;
import dev.healdesk.app.settings.SettingsViewModel;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.Settings;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.llm.OllamaStandIn;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JavaFX console. Started by {@link dev.healdesk.Launcher} through {@link #launchConsole}; reads the settings and
 * builds the {@link AppContext} while JavaFX starts, shows the window, and only after its first frame starts the
 * heavy parts (history queries, the sandbox and its browser).
 * <p>
 * With {@code -Dhealdesk.measureStartup=true} it prints {@code healdesk.firstFrameMs=<ms since JVM start>}
 * when the first frame has been rendered, then its idle memory, and exits ({@link StartupProbe}). See {@link DemoMode} for the demo/screenshot switches.
 */
public final class HealdeskApp extends Application {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(HealdeskApp.class);
    }
    public static final String MEASURE_STARTUP = StartupProbe.MEASURE_STARTUP;

    private AppContext context;
    private DemoMode demo;
    /** The Ollama stand-in of {@code healdesk.demo.ollama}, or null. */
    private OllamaStandIn demoOllama;
    private RuntimeException contextFailure;
    private ConsoleViewModel model;
    /** The settings' layers as read at start; null when the console could not start. */
    private Config config;
    private ConsoleView view;
    private DialogService dialogs;
    private Subscription themeInstall = Subscription.EMPTY;
    private Subscription settingsSaved = Subscription.EMPTY;

    /**
     * What {@link #init} makes, begun by {@link #launchConsole} on a thread of its own while JavaFX starts its toolkit
     * (the two overlap on a second core); null when the application was launched some other way (tests), and then
     * {@code init} makes it. JavaFX makes the {@code Application} itself, so this is how the launch hands it over.
     */
    private static volatile CompletableFuture<Prepared> preparing;

    /** The settings, the demo switches and the context, or why the console cannot start. */
    private record Prepared(DemoMode demo, Config config, OllamaStandIn demoOllama, AppContext context,
                            RuntimeException failure) {
    }

    public static void launchConsole(String[] args) {
        // First: a second core loads and links the classes of the first frame while this thread starts the toolkit.
        FirstFrameClasses.preloadInBackground();
        ExecutorService prepare = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "healdesk-prepare");
            t.setDaemon(true);
            return t;
        });
        preparing = CompletableFuture.supplyAsync(HealdeskApp::prepare, prepare);
        prepare.shutdown();
        Application.launch(HealdeskApp.class, args);
    }

    @Override
    public void init() {
        CompletableFuture<Prepared> begun = preparing;
        preparing = null;
        Prepared prepared = begun == null ? prepare() : begun.join();
        demo = prepared.demo();
        config = prepared.config();
        demoOllama = prepared.demoOllama();
        context = prepared.context();
        contextFailure = prepared.failure();
    }

    /** Reads the settings and makes the context; off the FX thread, before the window. Never throws. */
    private static Prepared prepare() {
        DemoMode demo = null;
        Config config = null;
        OllamaStandIn demoOllama = null;
        try {
            demo = DemoMode.fromSystemProperties();
            config = Config.fromProcess();
            Map<String, String> env = config.env();
            if (demo.ollama()) {
                // Demo only (off the FX thread, before the window): a loopback stand-in plays Ollama.
                demoOllama = DemoMode.startOllamaStandIn();
                Path scratch = Files.createTempDirectory("healdesk-demo-");
                env = DemoMode.environment(env, demoOllama, scratch);
                log().info("Demo mode: Ollama stand-in at {} (canned answers, not a model); history and results in {}",
                        demoOllama.host(), scratch);
            }
            // Cheap: the I/O-bound services open on the context's worker, not here.
            return new Prepared(demo, config, demoOllama, AppContext.fromEnvironment(env), null);
        } catch (IOException e) {
            log().error("The console could not start", e);
            return new Prepared(demo, config, demoOllama, null,
                    new UncheckedIOException("Cannot create the demo's temporary folder: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            // Shown as a dialog in start(): the operator learns what went wrong.
            log().error("The console could not start", e);
            return new Prepared(demo, config, demoOllama, null, e);
        }
    }

    @Override
    public void start(Stage stage) {
        ThemeService theme = ThemeService.from(config == null ? Map.of() : config.env());
        theme.installUserAgentStylesheet();
        dialogs = new FxDialogService(() -> stage, theme);
        if (contextFailure != null) {
            dialogs.showError("Healdesk", "Healdesk cannot start", String.valueOf(contextFailure.getMessage()));
            Platform.exit();
            return;
        }
        boolean measure = Boolean.getBoolean(MEASURE_STARTUP);

        model = context.newConsoleModel(dialogs, getHostServices()::showDocument);
        applyRunDefaults(config.env());
        SettingsViewModel settings = context.newSettingsModel(config, theme);
        // A saved run default (Max fixes) reaches the Run screen at once, not at the next start.
        settingsSaved = settings.onSaved(model.run()::settingsSaved);
        view = new ConsoleView(model, theme, settings);
        Scene scene = new Scene(view.root(), demo.width(), demo.height());
        themeInstall = theme.install(scene);
        stage.setScene(scene);
        stage.setTitle("Healdesk — self-healing test runs");
        stage.setMinWidth(1040);
        stage.setMinHeight(640);
        stage.show();

        UiThread.afterNextFrame(() -> {
            if (measure) {
                StartupProbe.firstFrameShown();
                return;
            }
            afterFirstFrame(demo);
        });
    }

    /** The Run screen starts from the settings' run defaults (file < .env < environment). */
    private void applyRunDefaults(Map<String, String> env) {
        Settings settings = Settings.of(env);
        model.run().applyDefaults(settings.target().projects(), settings.run().dryRun(), settings.run().skipLlm(),
                settings.run().maxFixes(), classAWithoutAsking(settings));
        model.run().setFailingBelow(settings.run().failingBelow());
    }

    /**
     * Whether class A fixes run without asking, by the one rule of {@link ApprovalPolicy#resolve} (default A); an
     * invalid value was refused by the settings' check already, and the console then asks.
     */
    private static boolean classAWithoutAsking(Settings settings) {
        try {
            return settings.playbooks().approval(false) == ApprovalPolicy.A;
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    private void afterFirstFrame(DemoMode demo) {
        context.ready().whenComplete((ok, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                log().error("The history database or the pattern catalog could not be opened", cause);
                context.bridge().post(() -> dialogs.showError("Healdesk", "Healdesk cannot open its history",
                        cause.getMessage() + "\n\nRuns cannot be recorded until this is fixed; nothing was changed."));
            }
        });
        model.load();
        // another workstation's, a scheduled run's or the CLI's runs appear on the History screen as they are written
        model.history().follow();
        if (demo.active()) {
            playDemo(demo);
        } else {
            // After the first frame, off the FX thread: the first start on this machine opens the setup check.
            model.doctor().openOnFirstStart();
        }
        context.connectSandbox(model);
        if (!config.problems().isEmpty()) {
            // Not inside this pulse: a modal dialog may not open during layout.
            context.bridge().post(() -> dialogs.showError("Healdesk", "Some settings were refused",
                    Config.describe(config.problems()) + "\n\nThe console uses the other settings. Fix these in their"
                            + " file, or on the Settings screen, and restart; nothing was changed."));
        }
    }

    /**
     * Demo/screenshot mode: faults through the fault panel, a run, then the chosen screen once the run has finished or
     * waits for the operator (at once without a run).
     */
    private void playDemo(DemoMode demo) {
        log().info("Demo mode: {}", demo);
        model.history().tabProperty().set(demo.historyTab());
        if (demo.screen() != null && !demo.autorun()) {
            model.screenProperty().set(demo.screen());
        }
        Subscription[] once = new Subscription[2];
        once[0] = model.run().targetReadyProperty().subscribe(ready -> {
            if (!ready || once[0] == null) {
                return;
            }
            once[0].unsubscribe();
            once[0] = null;
            model.faults().setOnly(demo.faults());
            if (demo.autorun()) {
                model.run().dryRunProperty().set(demo.dryRun());
                // Queued behind the fault switches on the worker, so the run sees them on.
                model.afterPendingSwitches(() -> model.run().start());
            }
        });
        if (demo.screen() != null && demo.autorun()) {
            // The run ends, or holds on a proposal waiting for the operator (policy ask): show the screen then.
            Runnable showScreen = () -> {
                if (once[1] != null) {
                    once[1].unsubscribe();
                    once[1] = null;
                    model.screenProperty().set(demo.screen());
                }
            };
            once[1] = Subscription.combine(
                    model.run().lastSummaryProperty().subscribe(summary -> {
                        if (summary != null) {
                            showScreen.run();
                        }
                    }),
                    model.playbooks().awaitingProperty().subscribe(n -> {
                        if (n.intValue() > 0) {
                            showScreen.run();
                        }
                    }));
        }
    }

    @Override
    public void stop() {
        if (model != null) {
            model.run().cancel();
        }
        if (view != null) {
            view.dispose();
        }
        if (model != null) {
            model.dispose();
        }
        themeInstall.unsubscribe();
        settingsSaved.unsubscribe();
        if (context != null) {
            context.close();
        }
        if (demoOllama != null) {
            demoOllama.close();
        }
    }
}
