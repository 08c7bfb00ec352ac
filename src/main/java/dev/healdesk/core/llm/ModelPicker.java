package dev.healdesk.core.llm;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the Ollama model for diagnosis: {@code OLLAMA_MODEL} first, then the operator's override, else the
 * most capable model of {@link ModelCatalog} that fits the free VRAM of the best GPU, preferring one already
 * installed when it is nearly as good. A model that does not fit is never chosen silently: the choice then
 * carries a warning, because Ollama would split it between GPU and CPU and seem to hang.
 */
public final class ModelPicker {
    /** An installed model is preferred over pulling a better one when it is at most this many ranks below it. */
    static final int INSTALLED_PREFERENCE = 1;
    /** Unknown installed models: their download size plus this share and {@link #UNKNOWN_HEADROOM_MIB}. */
    private static final double UNKNOWN_KV_SHARE = 0.15;
    private static final long UNKNOWN_HEADROOM_MIB = 768;

    private final ModelCatalog catalog;

    public ModelPicker(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /**
     * @param installed installed models (canonical name, see {@link ModelCatalog#canonical}) → size in bytes
     * @param override  the operator's remembered choice
     * @param forced    the value of {@code OLLAMA_MODEL}
     */
    public ModelChoice pick(VramBudget budget, Map<String, Long> installed, Optional<String> override,
                            Optional<String> forced) {
        if (forced.isPresent() && !forced.get().isBlank()) {
            return explicit(forced.get().trim(), ModelChoice.Source.ENVIRONMENT, budget, installed);
        }
        if (override.isPresent() && !override.get().isBlank()) {
            return explicit(override.get().trim(), ModelChoice.Source.OPERATOR, budget, installed);
        }
        return recommend(budget, installed);
    }

    /** How a model would sit: already loaded, on the best device, split across GPUs, or not in GPU memory. */
    public enum Fit { LOADED, ONE_DEVICE, SPLIT, NONE }

    /**
     * Where {@code name} (needing {@code needMiB}, {@code headroomMiB} of it per GPU for the CUDA context) would sit:
     * a model Ollama already holds in GPU memory needs no new room; else the best device if it fits there (Ollama
     * loads a model onto one GPU when one holds it); else spread across the visible GPUs when they hold it together,
     * each carrying its own headroom.
     */
    public static Fit fit(String name, long needMiB, long headroomMiB, VramBudget budget) {
        if (budget.loadedMiB().containsKey(ModelCatalog.canonical(name))) {
            return Fit.LOADED;
        }
        if (!budget.gpu() || needMiB < 0 || !budget.known()) {
            return Fit.NONE;
        }
        if (needMiB <= budget.freeMiB()) {
            return Fit.ONE_DEVICE;
        }
        if (budget.splitDevices() > 1
                && needMiB + headroomMiB * (budget.splitDevices() - 1) <= budget.splitFreeMiB()) {
            return Fit.SPLIT;
        }
        return Fit.NONE;
    }

    private ModelChoice recommend(VramBudget budget, Map<String, Long> installed) {
        List<ModelCandidate> fitting = catalog.models().stream()
                .filter(m -> m.capability() >= catalog.capabilityFloor())
                .filter(m -> fit(m.name(), m.needMiB(), m.headroomMiB(), budget) != Fit.NONE)
                .toList();
        if (fitting.isEmpty()) {
            ModelCandidate smallest = catalog.models().stream()
                    .filter(m -> m.capability() >= catalog.capabilityFloor())
                    .min((a, b) -> Long.compare(a.needMiB(), b.needMiB()))
                    .orElseThrow(() -> new IllegalStateException("models.json lists no model above the floor"));
            boolean isInstalled = installed.containsKey(ModelCatalog.canonical(smallest.name()));
            String where = !budget.gpu() ? "No NVIDIA GPU found" + (budget.basis().startsWith("CUDA_VISIBLE_DEVICES")
                    ? " (" + budget.basis() + ")" : "")
                    : !budget.known() ? "Healdesk cannot tell how much memory " + budget.device() + " has free ("
                    + budget.basis() + ")"
                    : "No model fits the " + gb(budget.freeMiB()) + " free on " + budget.device()
                    + (budget.splitDevices() > 1 ? " (" + gb(budget.splitFreeMiB()) + " on its "
                    + budget.splitDevices() + " GPUs together)" : "");
            String warning = !budget.gpu() || budget.known()
                    ? smallest.name() + " will run on the CPU: expect minutes per diagnosis, or skip the LLM"
                    + " (pattern triage still works)"
                    : "The GPU's free memory is unknown, so whether " + smallest.name() + " fits is unknown: pick a"
                    + " model by hand on the Hardware screen, or skip the LLM (pattern triage still works)";
            return new ModelChoice(smallest.name(), ModelChoice.Source.RECOMMENDED, false, smallest.needMiB(),
                    budget.freeMiB(), isInstalled,
                    where + ": " + smallest.name() + " (needs " + gb(smallest.needMiB())
                            + ") is the smallest model good enough to diagnose", warning,
                    budget.gpu() ? budget.device() : "CPU", false, budget.basis());
        }
        ModelCandidate best = fitting.get(0);
        ModelCandidate chosen = fitting.stream()
                .filter(m -> installed.containsKey(ModelCatalog.canonical(m.name())))
                .filter(m -> m.capability() >= best.capability() - INSTALLED_PREFERENCE)
                .findFirst()
                .orElse(best);
        boolean isInstalled = installed.containsKey(ModelCatalog.canonical(chosen.name()));
        Fit fit = fit(chosen.name(), chosen.needMiB(), chosen.headroomMiB(), budget);
        String reason = fitSentence(chosen.name(), chosen.needMiB(), fit, budget)
                + (isInstalled ? " and is installed" : "; pull it first (it is not installed)");
        if (chosen != best) {
            reason += "; " + best.name() + " would fit too but is not installed";
        }
        return new ModelChoice(chosen.name(), ModelChoice.Source.RECOMMENDED, true, chosen.needMiB(),
                budget.freeMiB(), isInstalled, reason, null, placement(fit, budget), fit == Fit.SPLIT,
                budget.basis());
    }

    private ModelChoice explicit(String name, ModelChoice.Source source, VramBudget budget,
                                 Map<String, Long> installed) {
        Long size = installed.get(ModelCatalog.canonical(name));
        java.util.Optional<ModelCandidate> listed = catalog.find(name);
        long need = listed.map(ModelCandidate::needMiB).orElse(size == null ? -1L : estimate(size));
        long headroom = listed.map(ModelCandidate::headroomMiB).orElse(UNKNOWN_HEADROOM_MIB);
        Fit fit = fit(name, need, headroom, budget);
        boolean fits = fit != Fit.NONE;
        String who = source == ModelChoice.Source.ENVIRONMENT ? "OLLAMA_MODEL sets " + name
                : "You chose " + name;
        String reason;
        String warning = null;
        if (fits) {
            reason = who + "; it " + fitSentence(name, need, fit, budget).substring(name.length() + 1);
        } else if (need < 0) {
            reason = who + "; Healdesk does not know how much VRAM it needs";
            warning = name + " is neither in models.json nor installed: its VRAM need is unknown. Pull it,"
                    + " or pick a listed model";
        } else if (budget.gpu() && !budget.known()) {
            reason = who + "; it needs " + gb(need) + ", and how much memory " + budget.device() + " has free is"
                    + " not known";
            warning = "Whether " + name + " fits is unknown: if it does not, Ollama runs part of it on the CPU";
        } else {
            reason = who + "; it needs " + gb(need) + " but " + (budget.gpu()
                    ? budget.device() + " has " + gb(budget.freeMiB()) + " free"
                    + (budget.splitDevices() > 1 ? " (" + gb(budget.splitFreeMiB()) + " on its "
                    + budget.splitDevices() + " GPUs together)" : "")
                    : "there is no NVIDIA GPU");
            warning = budget.gpu()
                    ? name + " does not fit: Ollama will run part of it on the CPU and may take minutes per"
                    + " answer. Choose a smaller model, or free VRAM"
                    : name + " will run on the CPU (no NVIDIA GPU): expect minutes per answer, or skip the LLM"
                    + " (pattern triage still works)";
        }
        return new ModelChoice(name, source, fits, need, budget.freeMiB(), size != null, reason, warning,
                fits ? placement(fit, budget) : budget.gpu() ? budget.device() + ", partly on the CPU" : "CPU",
                fit == Fit.SPLIT, budget.basis());
    }

    private static String placement(Fit fit, VramBudget budget) {
        return switch (fit) {
            case SPLIT -> budget.splitDevices() + " GPUs, split";
            case LOADED -> budget.gpu() ? budget.device() + ", already loaded" : "GPU memory Ollama already holds";
            case ONE_DEVICE -> budget.device();
            case NONE -> "CPU";
        };
    }

    private static long estimate(long sizeBytes) {
        long weights = sizeBytes >> 20;
        return weights + Math.round(weights * UNKNOWN_KV_SHARE) + UNKNOWN_HEADROOM_MIB;
    }

    private static String fitSentence(String name, long needMiB, Fit fit, VramBudget budget) {
        String who = name + " ";
        return switch (fit) {
            case LOADED -> who + "is already loaded in Ollama (" + gb(budget.loadedMiB()
                    .getOrDefault(ModelCatalog.canonical(name), 0L)) + " in GPU memory), so it needs no new room";
            case SPLIT -> who + "needs " + gb(needMiB) + ", more than one GPU has free (" + gb(budget.freeMiB())
                    + " at most), and fits the " + gb(budget.splitFreeMiB()) + " of " + budget.splitDevices()
                    + " GPUs together: Ollama splits it across them, slower than on one GPU but far faster than on"
                    + " the CPU";
            case ONE_DEVICE, NONE -> who + "fits " + gb(budget.freeMiB()) + " with "
                    + gb(budget.freeMiB() - needMiB) + " to spare on " + budget.device();
        };
    }

    /**
     * MiB as the GB figure operators read on their cards: one decimal, none when whole. Public so that the console
     * writes its figures the way the reason sentences do.
     */
    public static String gb(long mib) {
        double g = mib / 1024.0;
        String s = String.format(Locale.ROOT, "%.1f", g);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + " GB";
    }
}
