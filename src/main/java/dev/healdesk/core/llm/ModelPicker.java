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

    private ModelChoice recommend(VramBudget budget, Map<String, Long> installed) {
        List<ModelCandidate> fitting = catalog.models().stream()
                .filter(m -> m.capability() >= catalog.capabilityFloor())
                .filter(m -> budget.gpu() && m.needMiB() <= budget.freeMiB())
                .toList();
        if (fitting.isEmpty()) {
            ModelCandidate smallest = catalog.models().stream()
                    .filter(m -> m.capability() >= catalog.capabilityFloor())
                    .min((a, b) -> Long.compare(a.needMiB(), b.needMiB()))
                    .orElseThrow(() -> new IllegalStateException("models.json lists no model above the floor"));
            boolean isInstalled = installed.containsKey(ModelCatalog.canonical(smallest.name()));
            String where = budget.gpu()
                    ? "No model fits the " + gb(budget.freeMiB()) + " free on " + budget.device()
                    : "No NVIDIA GPU found";
            return new ModelChoice(smallest.name(), ModelChoice.Source.RECOMMENDED, false, smallest.needMiB(),
                    budget.freeMiB(), isInstalled,
                    where + ": " + smallest.name() + " (needs " + gb(smallest.needMiB())
                            + ") is the smallest model good enough to diagnose",
                    smallest.name() + " will run on the CPU: expect minutes per diagnosis, or skip the LLM"
                            + " (pattern triage still works)");
        }
        ModelCandidate best = fitting.get(0);
        ModelCandidate chosen = fitting.stream()
                .filter(m -> installed.containsKey(ModelCatalog.canonical(m.name())))
                .filter(m -> m.capability() >= best.capability() - INSTALLED_PREFERENCE)
                .findFirst()
                .orElse(best);
        boolean isInstalled = installed.containsKey(ModelCatalog.canonical(chosen.name()));
        String reason = fitSentence(chosen.name(), chosen.needMiB(), budget)
                + (isInstalled ? " and is installed" : "; pull it first (it is not installed)");
        if (chosen != best) {
            reason += "; " + best.name() + " would fit too but is not installed";
        }
        return new ModelChoice(chosen.name(), ModelChoice.Source.RECOMMENDED, true, chosen.needMiB(),
                budget.freeMiB(), isInstalled, reason, null);
    }

    private ModelChoice explicit(String name, ModelChoice.Source source, VramBudget budget,
                                 Map<String, Long> installed) {
        Long size = installed.get(ModelCatalog.canonical(name));
        long need = catalog.find(name).map(ModelCandidate::needMiB)
                .orElse(size == null ? -1L : estimate(size));
        boolean fits = need >= 0 && budget.gpu() && need <= budget.freeMiB();
        String who = source == ModelChoice.Source.ENVIRONMENT ? "OLLAMA_MODEL sets " + name
                : "You chose " + name;
        String reason;
        String warning = null;
        if (fits) {
            reason = who + "; it " + fitSentence("", need, budget).trim();
        } else if (need < 0) {
            reason = who + "; Healdesk does not know how much VRAM it needs";
            warning = name + " is neither in models.json nor installed: its VRAM need is unknown. Pull it,"
                    + " or pick a listed model";
        } else {
            reason = who + "; it needs " + gb(need) + " but " + (budget.gpu()
                    ? budget.device() + " has " + gb(budget.freeMiB()) + " free" : "there is no NVIDIA GPU");
            warning = budget.gpu()
                    ? name + " does not fit: Ollama will run part of it on the CPU and may take minutes per"
                    + " answer. Choose a smaller model, or free VRAM"
                    : name + " will run on the CPU (no NVIDIA GPU): expect minutes per answer, or skip the LLM"
                    + " (pattern triage still works)";
        }
        return new ModelChoice(name, source, fits, need, budget.freeMiB(), size != null, reason, warning);
    }

    private static long estimate(long sizeBytes) {
        long weights = sizeBytes >> 20;
        return weights + Math.round(weights * UNKNOWN_KV_SHARE) + UNKNOWN_HEADROOM_MIB;
    }

    private static String fitSentence(String name, long needMiB, VramBudget budget) {
        return (name.isEmpty() ? "" : name + " ") + "fits " + gb(budget.freeMiB()) + " with "
                + gb(budget.freeMiB() - needMiB) + " to spare";
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
