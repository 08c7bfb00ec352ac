package dev.healdesk.core.llm;

import dev.healdesk.core.redact.Redactor;

import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.config.Setting;
import dev.healdesk.core.gpu.GpuDetector;
import dev.healdesk.core.gpu.GpuProbe;
import dev.healdesk.core.gpu.GpuReport;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.run.Diagnoser;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where hardware meets the model: probes the GPUs, asks Ollama what it has, and lets {@link ModelPicker} choose
 * with the operator's remembered override and {@code OLLAMA_MODEL}. The console's Hardware screen, the
 * {@code doctor} command and each run's diagnosis all look through this one object.
 */
public final class LlmSetup {
    public static final String MODEL_ENV = "OLLAMA_MODEL";
    /** Which GPUs CUDA programs, Ollama included, may use; Healdesk reads its own environment's. */
    public static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

    private final GpuProbe gpus;
    private final OllamaLlmClient ollama;
    private final ModelPicker picker;
    private final Preferences preferences;
    private final Optional<String> forced;
    private final String cudaVisibleDevices;
    private final long unifiedReserveMiB;

    /** Everything the operator needs to see to trust the choice. */
    public record Snapshot(GpuReport gpus, OllamaStatus ollama, ModelChoice choice) {
    }

    public LlmSetup(GpuProbe gpus, OllamaLlmClient ollama, ModelPicker picker, Preferences preferences,
                    Map<String, String> env) {
        this.gpus = gpus;
        this.ollama = ollama;
        this.picker = picker;
        this.preferences = preferences;
        String m = env.get(MODEL_ENV);
        this.forced = m == null || m.isBlank() ? Optional.empty() : Optional.of(m.trim());
        this.cudaVisibleDevices = env.get(CUDA_VISIBLE_DEVICES);
        this.unifiedReserveMiB = reserveMiB(env);
    }

    /** {@code HEALDESK_UNIFIED_MEMORY_RESERVE_GB} as checked by its setting, else the default. */
    private static long reserveMiB(Map<String, String> env) {
        String v = env.get(Setting.UNIFIED_MEMORY_RESERVE.variable().orElseThrow());
        if (v == null || v.isBlank()) {
            return VramBudget.DEFAULT_UNIFIED_RESERVE_MIB;
        }
        Setting.Result r = Setting.UNIFIED_MEMORY_RESERVE.check(v);
        return r.ok() ? Long.parseLong(r.value()) * 1024 : VramBudget.DEFAULT_UNIFIED_RESERVE_MIB;
    }

    /** The standard setup: nvidia-smi then OSHI, {@code OLLAMA_HOST}, models.json, the user's preferences. */
    public static LlmSetup fromEnvironment(Map<String, String> env) {
        return new LlmSetup(GpuDetector.standard(), OllamaLlmClient.fromEnvironment(env),
                new ModelPicker(ModelCatalog.builtIn()), Preferences.fromEnvironment(env), env);
    }

    /**
     * The run loop's diagnoser over this setup: the current model choice, the local Ollama, the cloud fallback
     * when {@code ANTHROPIC_API_KEY} is set, every text redacted by {@link Redactor}.
     */
    public Diagnoser diagnoser(HistoryStore history, Set<String> playbooks, Map<String, String> env, Clock clock) {
        return diagnoser(history, playbooks, AnthropicLlmClient.fromEnvironment(env), clock);
    }

    /** As above, with the cloud fallback read from the environment already ({@link AnthropicLlmClient#fromEnvironment}). */
    public Diagnoser diagnoser(HistoryStore history, Set<String> playbooks, Optional<LlmDiagnoser.Fallback> fallback,
                               Clock clock) {
        return new LlmDiagnoser(this::modelForRun, ollama, fallback.orElse(null), history,
                Redactor.standard()::redact, playbooks, clock);
    }

    public OllamaLlmClient ollama() {
        return ollama;
    }

    public ModelPicker picker() {
        return picker;
    }

    public Preferences preferences() {
        return preferences;
    }

    /** True when {@code OLLAMA_MODEL} decides, whatever the operator picks. */
    public Optional<String> forcedModel() {
        return forced;
    }

    /** Probes the GPUs only (nvidia-smi, then OSHI): for callers that ask Ollama at the same time. */
    public GpuReport probeGpus() {
        return gpus.probe();
    }

    /** Probes the GPUs and Ollama (a few seconds at worst: both have timeouts) and chooses the model. */
    public Snapshot inspect() {
        GpuReport report = gpus.probe();
        OllamaStatus status = ollama.status();
        return new Snapshot(report, status, choose(report, status));
    }

    public ModelChoice choose(GpuReport report, OllamaStatus status) {
        return picker.pick(budget(report, status), status.installedSizes(), preferences.modelOverride(), forced);
    }

    /**
     * What a model may use on this machine: the GPUs (or MIG device) that {@code CUDA_VISIBLE_DEVICES} lets Ollama
     * see, a unified-memory GPU's share of the system memory less {@link #unifiedReserveMiB()}, and the models Ollama
     * already holds.
     */
    public VramBudget budget(GpuReport report, OllamaStatus status) {
        return VramBudget.of(report, status.loaded(), cudaVisibleDevices, unifiedReserveMiB);
    }

    /** As {@link #budget(GpuReport, OllamaStatus)} with nothing loaded, all GPUs visible and the default reserve. */
    public static VramBudget budget(GpuReport report) {
        return VramBudget.of(report, List.of(), null, VramBudget.DEFAULT_UNIFIED_RESERVE_MIB);
    }

    /** The memory a unified-memory GPU leaves to the desktop and the test run ({@code llm.unifiedMemoryReserveGb}). */
    public long unifiedReserveMiB() {
        return unifiedReserveMiB;
    }

    /** The model a run asks: the current choice, with its reason and any warning. */
    public Optional<ModelChoice> modelForRun() {
        return Optional.of(inspect().choice());
    }
}
