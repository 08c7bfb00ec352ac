package dev.healdesk.core.session;

import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.OllamaAddress;
import dev.healdesk.core.config.Setting;
import dev.healdesk.core.history.HistoryRetention;
import dev.healdesk.core.history.HistoryLocation;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.AnthropicLlmClient;
import dev.healdesk.core.llm.LlmDiagnoser;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.playbook.BuiltInPlaybooks;
import dev.healdesk.core.playbook.DecisionGate;
import dev.healdesk.core.playbook.PlaybookChoice;
import dev.healdesk.core.playbook.PlaybookExecutor;
import dev.healdesk.core.playbook.PlaybookRegistry;
import dev.healdesk.core.report.RunFolderWriter;
import dev.healdesk.core.run.Diagnoser;
import dev.healdesk.core.run.Provenance;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.PatternCatalogException;
import dev.healdesk.core.triage.Triage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A healing session: the one place that assembles the loop — history (with its retention applied), the pattern
 * catalog and triage, the model's diagnoser, the run redactor, the playbook executor and the run service over them.
 * The CLI, the console and the benchmarks open it; each adds only its own front end (who decides, what is printed).
 * One executor per session, so the guardrail counters span every run of it.
 */
public final class HealSession implements AutoCloseable {
    private final HistoryStore history;
    private final Supplier<PatternCatalog> catalog;
    private final Supplier<LlmSetup> llm;
    private final RunRedactor redactor;
    private final PlaybookExecutor playbooks;
    private final RunService runService;

    /**
     * What a front end brings to a session.
     *
     * @param env     the settings' variables in force (settings file &lt; .env &lt; environment)
     * @param history where the history is: a SQLite file or a PostgreSQL database
     * @param folders where run folders go, with the artifact retention
     * @param catalog the pattern catalog (built-in, or merged with the operator's patterns file), asked for when a run
     *                first triages a failure ({@link #catalogOnFirstUse})
     * @param gate    who decides a proposed fix: a policy (headless) or the operator (the console's queue)
     * @param choice  which playbook a failure group gets: its pattern's, or the one the operator picked
     * @param clock   the time of every record
     * @param notices what the session did on opening that the operator should hear of (old runs deleted)
     * @param frontEnd which front end records the runs (console or CLI), unless the environment says a schedule or CI
     */
    public record Spec(Map<String, String> env, HistoryLocation history, RunFolderWriter folders,
                       Supplier<PatternCatalog> catalog, DecisionGate gate, PlaybookChoice choice, Clock clock,
                       Consumer<String> notices, Provenance.Origin frontEnd) {
        public Spec {
            env = Map.copyOf(env);
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(folders, "folders");
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(gate, "gate");
            choice = choice == null ? PlaybookChoice.PATTERN : choice;
            clock = clock == null ? Clock.systemUTC() : clock;
            notices = notices == null ? message -> { } : notices;
            frontEnd = frontEnd == null ? Provenance.Origin.CLI : frontEnd;
        }

        /** A session over a catalog built already. */
        public Spec(Map<String, String> env, HistoryLocation history, RunFolderWriter folders, PatternCatalog catalog,
                    DecisionGate gate, PlaybookChoice choice, Clock clock, Consumer<String> notices,
                    Provenance.Origin frontEnd) {
            this(env, history, folders, OnFirstUse.of(Objects.requireNonNull(catalog, "catalog")), gate, choice,
                    clock, notices, frontEnd);
        }

        /** A session over the SQLite file {@code dbFile}. */
        public Spec(Map<String, String> env, Path dbFile, RunFolderWriter folders, PatternCatalog catalog,
                    DecisionGate gate, PlaybookChoice choice, Clock clock, Consumer<String> notices) {
            this(env, HistoryLocation.sqlite(dbFile), folders, catalog, gate, choice, clock, notices, null);
        }
    }

    private HealSession(HistoryStore history, Supplier<PatternCatalog> catalog, Supplier<LlmSetup> llm,
                        RunRedactor redactor,
                        PlaybookExecutor playbooks, RunService runService) {
        this.history = history;
        this.catalog = catalog;
        this.llm = llm;
        this.redactor = redactor;
        this.playbooks = playbooks;
        this.runService = runService;
    }

    /**
     * Opens the history and assembles the loop.
     *
     * @throws dev.healdesk.core.history.HistoryException when the database cannot be opened
     */
    public static HealSession open(Spec spec) {
        HistoryStore history = HistoryStore.open(spec.history(),
                Provenance.detect(spec.env(), spec.frontEnd()));
        try {
            try {
                int deleted = HistoryRetention.apply(history, spec.env(), spec.clock());
                if (deleted > 0) {
                    spec.notices().accept("Deleted " + deleted + " run(s) older than " + HistoryRetention.ENV
                            + " days");
                }
            } catch (IllegalArgumentException e) {
                // the settings refuse such a value before a session opens; a session never deletes on a guess
                spec.notices().accept(e.getMessage() + " Every run is kept.");
            }
            // The model's setup (the GPU probes, Ollama's client, the model catalog read with Jackson's object
            // mapper) is built when first asked for: a run that skips the LLM, or has no failure, never asks.
            Supplier<LlmSetup> llm = new OnFirstUse<>(() -> LlmSetup.fromEnvironment(spec.env()));
            // Its addresses are read now, so that a wrong one stops the session opening as before.
            OllamaAddress.normalize(spec.env().get(OllamaLlmClient.HOST_ENV));
            Optional<LlmDiagnoser.Fallback> fallback = AnthropicLlmClient.fromEnvironment(spec.env());
            // Every text of a run, whoever writes it down, is redacted once where it enters.
            RunRedactor redactor = new RunRedactor(spec.env());
            PlaybookRegistry registry = BuiltInPlaybooks.registry();
            PlaybookExecutor playbooks = new PlaybookExecutor(registry, spec.gate(),
                    Config.guardrails(spec.env()), spec.env(), redactor, spec.clock(), spec.choice());
            // Built when a run first has a failure to triage: a healthy run needs neither the catalog nor the triage.
            Supplier<Triage> triage = new OnFirstUse<>(() -> new Triage(spec.catalog().get()));
            // A diagnosis may suggest any playbook Healdesk can run, not only those a pattern proposes.
            Supplier<Diagnoser> diagnoser = new OnFirstUse<>(() -> llm.get().diagnoser(history, registry.names(),
                    fallback, spec.clock()));
            RunService runService = new RunService(history, spec.folders(), triage,
                    (runId, groups, options, listener, cancel) -> diagnoser.get().diagnose(runId, groups, options,
                            listener, cancel), playbooks, spec.clock(), redactor);
            return new HealSession(history, spec.catalog(), llm, redactor, playbooks, runService);
        } catch (RuntimeException e) {
            history.close();
            throw e;
        }
    }

    /**
     * The pattern catalog of a session: {@code file} (a flag) when given, else the settings' {@code run.patterns}
     * (HEALDESK_PATTERNS), merged over the built-in catalog; the built-in catalog alone when neither is set.
     */
    /**
     * The catalog of {@link #catalog(Path, Map)}, to ask for when a run first triages a failure: the built-in catalog
     * alone is built then (a healthy run never builds it); an operator's patterns file is read now, so that a mistake
     * in it stops the run before it starts, as it always has.
     *
     * @throws PatternCatalogException when the patterns file cannot be used
     */
    public static Supplier<PatternCatalog> catalogOnFirstUse(Path file, Map<String, String> env) {
        String configured = env.get(Setting.PATTERNS.variable().orElseThrow());
        if (file == null && (configured == null || configured.isBlank())) {
            return new OnFirstUse<>(PatternCatalog::builtIn);
        }
        return OnFirstUse.of(catalog(file, env));
    }

    public static PatternCatalog catalog(Path file, Map<String, String> env) {
        Path chosen = file;
        String configured = env.get(Setting.PATTERNS.variable().orElseThrow());
        if (chosen == null && configured != null && !configured.isBlank()) {
            chosen = Path.of(configured.strip());
        }
        return chosen == null ? PatternCatalog.builtIn() : PatternCatalog.load(chosen);
    }

    public HistoryStore history() {
        return history;
    }

    /** The session's pattern catalog (built now if no run has needed it yet). */
    public PatternCatalog catalog() {
        return catalog.get();
    }

    /** The model's setup (built now if nothing has asked for it yet). */
    public LlmSetup llm() {
        return llm.get();
    }

    public RunRedactor redactor() {
        return redactor;
    }

    public PlaybookExecutor playbooks() {
        return playbooks;
    }

    public RunService runService() {
        return runService;
    }

    @Override
    public void close() {
        history.close();
    }
}
