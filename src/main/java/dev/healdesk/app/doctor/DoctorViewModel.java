package dev.healdesk.app.doctor;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.doctor.CheckStatus;
import dev.healdesk.core.doctor.Check;
import dev.healdesk.core.doctor.Doctor;
import dev.healdesk.core.doctor.DoctorReport;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The setup check: the {@link Doctor}'s checks, one per part, with what to do about each. Shown once by itself, on the
 * console's first start on a machine (remembered in the preferences), and whenever the operator asks (Check setup on
 * the Hardware screen). The doctor runs on its own executor, never on the FX thread (its parts may take seconds each),
 * and its report comes back through the {@link FxBridge}.
 */
public final class DoctorViewModel {
    /** The logger, got on first use: the console's first frame does not wait for the logging set-up. */
    private static Logger log() {
        return LoggerFactory.getLogger(DoctorViewModel.class);
    }

    private final Supplier<Doctor> doctor;
    private final Preferences preferences;
    private final Executor executor;
    private final FxBridge bridge;

    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline", "Not checked yet");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyIntegerWrapper completed = new ReadOnlyIntegerWrapper(this, "completed", 0);
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final ObservableList<Check> checksView = FXCollections.unmodifiableObservableList(checks);

    /**
     * @param doctor      builds the doctor; called on {@code executor} (it reads the model catalog), once
     * @param preferences where the first start is remembered
     * @param executor    where the doctor runs; its parts run there too, so it must offer several threads
     */
    public DoctorViewModel(Supplier<Doctor> doctor, Preferences preferences, Executor executor, FxBridge bridge) {
        this.doctor = memo(Objects.requireNonNull(doctor, "doctor"));
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
    }

    // ---- State --------------------------------------------------------------------------------

    /** Whether the setup check is open. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** True while the doctor runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** "Everything Healdesk needs is here.", "2 parts need attention: what to do is under each." */
    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** "7 checks in 1.2 s: 4 ok, 2 warnings, 1 missing", "Checking…" */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the doctor itself failed, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** How many checks have finished since the console started. */
    public ReadOnlyIntegerProperty completedProperty() {
        return completed.getReadOnlyProperty();
    }

    /** The last check's parts, in the doctor's order (GPU, Ollama, model, browser, Node.js, database, results). */
    public ObservableList<Check> checks() {
        return checksView;
    }

    // ---- Commands -----------------------------------------------------------------------------

    /**
     * Opens the setup check if the console has never started here before, and remembers that it has. Reads and
     * writes the preferences off the FX thread; call it after the first frame.
     *
     * @return completes with whether this start opens the setup check, once that is decided
     */
    public CompletableFuture<Boolean> openOnFirstStart() {
        CompletableFuture<Boolean> decided = new CompletableFuture<>();
        submit(() -> {
            if (preferences.firstStartDone()) {
                decided.complete(false);
                return;
            }
            try {
                preferences.markFirstStartDone();
            } catch (RuntimeException e) {
                log().warn("{} The setup check will show again on the next start.", e.getMessage());
            }
            bridge.post(this::open);
            decided.complete(true);
        }, e -> {
            log().warn("Cannot read the preferences; no setup check at start", e);
            decided.complete(false);
        });
        return decided;
    }

    /** Opens the setup check and checks (again). */
    public void open() {
        showing.set(true);
        check();
    }

    /** Checks every part again; ignored while a check runs. */
    public void check() {
        if (running.get()) {
            return;
        }
        running.set(true);
        error.set(null);
        summary.set("Checking the GPU, Ollama, the model, the browser, Node.js, the database and the results"
                + " folder…");
        submit(() -> {
            DoctorReport report = doctor.get().run();
            bridge.post(() -> show(report));
        }, e -> {
            running.set(false);
            summary.set("");
            error.set("The setup check failed: " + e.getMessage());
        });
    }

    /** Closes the setup check (Continue); the console goes on whatever it found. */
    public void close() {
        showing.set(false);
    }

    // ---- Results (FX thread) ------------------------------------------------------------------

    private void show(DoctorReport report) {
        running.set(false);
        checks.setAll(report.checks());
        summary.set(report.summary());
        long attention = report.checks().stream().filter(c -> c.status() != CheckStatus.OK).count();
        headline.set(attention == 0 ? "Everything Healdesk needs is here."
                : attention == 1 ? "1 part needs attention: what to do is under it."
                : attention + " parts need attention: what to do is under each.");
        completed.set(completed.get() + 1);
    }

    private void submit(Runnable job, java.util.function.Consumer<RuntimeException> failed) {
        Runnable guarded = () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log().warn("Setup check: background job failed", e);
                bridge.post(() -> failed.accept(e));
            }
        };
        try {
            executor.execute(guarded);
        } catch (RejectedExecutionException e) {
            log().debug("Setup check dropped after shutdown", e);
            failed.accept(e);
        }
    }

    private static <T> Supplier<T> memo(Supplier<T> make) {
        return new Supplier<>() {
            private T made;

            @Override
            public synchronized T get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }
}
