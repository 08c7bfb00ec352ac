package dev.healdesk.core.llm;

import dev.healdesk.core.history.HistoryException;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.Diagnoses;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.triage.FailureGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Diagnoses each failure group with one LLM request (never one per test): a cached diagnosis of the fingerprint
 * by the same model costs nothing unless the run asks to re-diagnose; otherwise the redacted prompt goes to the
 * local model, its answer streams out as {@link RunEvent.DiagnosisToken}s and is kept in the cache.
 *
 * <p>When the local model is unavailable the cloud fallback takes over if one is configured (only then, or
 * always with {@code LLM_FALLBACK_ONLY}); without one, the run goes on with pattern triage only and says why.
 */
public final class LlmDiagnoser implements Diagnoser {
    private static final Logger LOG = LoggerFactory.getLogger(LlmDiagnoser.class);

    private final Supplier<Optional<ModelChoice>> model;
    private final LlmClient local;
    private final Fallback fallback;
    private final HistoryStore history;
    private final UnaryOperator<String> redact;
    private final Set<String> playbooks;
    private final DiagnosisParser parser;
    private final Clock clock;

    /** The cloud provider and its model, and whether it is used even when the local model is up. */
    public record Fallback(LlmClient client, String model, boolean only) {
    }

    /**
     * @param model     the local model to ask, chosen when the run starts (its warning is logged); empty when none
     *                  is configured
     * @param fallback  the cloud fallback, or null (the default)
     * @param redact    applied to every text before it leaves the process, and to answers before they are stored
     * @param playbooks the names a diagnosis may suggest
     */
    public LlmDiagnoser(Supplier<Optional<ModelChoice>> model, LlmClient local, Fallback fallback, HistoryStore history,
                        UnaryOperator<String> redact, Set<String> playbooks, Clock clock) {
        this.model = model;
        this.local = local;
        this.fallback = fallback;
        this.history = history;
        this.redact = redact;
        this.playbooks = Set.copyOf(playbooks);
        this.parser = new DiagnosisParser(playbooks);
        this.clock = clock;
    }

    @Override
    public Diagnoses diagnose(String runId, List<FailureGroup> groups, RunOptions options, RunListener listener,
                              Cancellation cancel) {
        LlmClient client = local;
        Optional<ModelChoice> choice = model.get();
        String modelName = choice.map(ModelChoice::model).orElse(null);
        if (choice.isPresent() && (fallback == null || !fallback.only())) {
            ModelChoice c = choice.get();
            listener.onEvent(new RunEvent.Log(runId, c.warning() == null ? RunEvent.Log.Level.INFO
                    : RunEvent.Log.Level.WARN, "Model " + c.model() + ": " + c.reason()
                    + (c.warning() == null ? "" : ". " + c.warning())));
        }
        if (fallback != null && (fallback.only() || modelName == null)) {
            client = fallback.client();
            modelName = fallback.model();
        }
        if (modelName == null) {
            String note = "No model is configured: pattern triage only. Pick one on the Hardware screen or set"
                    + " OLLAMA_MODEL.";
            listener.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.WARN, note));
            return Diagnoses.none(note);
        }
        Map<String, Diagnosis> out = new LinkedHashMap<>();
        int calls = 0;
        int hits = 0;
        int promptTokens = 0;
        int completionTokens = 0;
        long latency = 0;
        int errors = 0;
        String note = null;
        boolean stop = false;
        for (FailureGroup group : groups) {
            if (cancel.isCancelled()) {
                break;
            }
            String fp = group.fingerprint();
            Optional<Diagnosis> cached = options.rediagnose() ? Optional.empty() : cachedDiagnosis(fp, modelName);
            if (cached.isPresent()) {
                hits++;
                out.put(fp, cached.get());
                listener.onEvent(new RunEvent.Diagnosed(runId, cached.get()));
                continue;
            }
            DiagnosisPrompt.Context context = context(group);
            boolean retry = true;
            while (retry) {
                retry = false;
                LlmRequest request = DiagnosisPrompt.build(modelName, group, context, redact, playbooks);
                listener.onEvent(new RunEvent.DiagnosisStarted(runId, fp, client.provider(), modelName));
                try {
                    LlmAnswer answer = client.complete(request,
                            token -> listener.onEvent(new RunEvent.DiagnosisToken(runId, fp, token)), cancel);
                    calls++;
                    promptTokens += answer.promptTokens();
                    completionTokens += answer.completionTokens();
                    latency += answer.latencyMs();
                    Diagnosis d = scrub(parser.parse(fp, answer, clock.instant()));
                    store(d, group);
                    out.put(fp, d);
                    listener.onEvent(new RunEvent.Diagnosed(runId, d));
                } catch (LlmException e) {
                    if (cancel.isCancelled()) {
                        break;
                    }
                    errors++;
                    if (e.unavailable() && fallback != null && client != fallback.client()) {
                        listener.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.WARN, e.getMessage()
                                + " Using the cloud fallback (" + fallback.client().provider() + ") instead."));
                        client = fallback.client();
                        modelName = fallback.model();
                        note = "local model unavailable; cloud fallback used";
                        retry = true;   // the same group, asked of the fallback
                        continue;
                    }
                    listener.onEvent(new RunEvent.Log(runId, RunEvent.Log.Level.WARN, e.getMessage()));
                    listener.onEvent(new RunEvent.DiagnosisFailed(runId, fp, e.getMessage(), e.unavailable()));
                    if (e.unavailable()) {
                        note = e.getMessage();
                        stop = true;   // the next group would fail the same way: pattern triage only from here
                    }
                }
            }
            if (stop) {
                break;
            }
        }
        return new Diagnoses(new LlmUsage(client.provider(), modelName, calls, hits, promptTokens, completionTokens,
                latency, errors, note), out);
    }

    private Optional<Diagnosis> cachedDiagnosis(String fingerprint, String modelName) {
        try {
            return history.findDiagnosis(fingerprint, modelName);
        } catch (HistoryException e) {
            LOG.warn("Diagnosis cache unreadable; asking the model", e);
            return Optional.empty();
        }
    }

    private DiagnosisPrompt.Context context(FailureGroup group) {
        try {
            return new DiagnosisPrompt.Context(history.fingerprint(group.fingerprint()),
                    history.lastWorkingFix(group.fingerprint()),
                    history.similarDiagnoses(group.fingerprint(), group.classification().patternId(),
                            group.category().id(), DiagnosisPrompt.MAX_EXAMPLES));
        } catch (HistoryException e) {
            LOG.warn("History unreadable; diagnosing without it", e);
            return DiagnosisPrompt.Context.none();
        }
    }

    /** Models echo what they read: the answer is redacted again before it is shown, stored or reported. */
    private Diagnosis scrub(Diagnosis d) {
        return new Diagnosis(d.fingerprint(), d.provider(), d.model(), r(d.rootCause()), d.confidence(), d.category(),
                d.fixClass(), d.suggestedPlaybook(), r(d.explanation()), d.evidence().stream().map(this::r).toList(),
                d.malformed(), r(d.rawText()), d.note(), d.createdAt(), d.promptTokens(), d.completionTokens(),
                d.latencyMs(), d.cached());
    }

    private String r(String s) {
        return s == null ? null : redact.apply(s);
    }

    private void store(Diagnosis d, FailureGroup group) {
        try {
            history.saveDiagnosis(d, group.classification().patternId(), group.category().id());
        } catch (HistoryException e) {
            LOG.warn("Cannot cache the diagnosis of {}", d.fingerprint(), e);
        }
    }
}
