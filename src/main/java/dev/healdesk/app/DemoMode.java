package dev.healdesk.app;

import dev.healdesk.app.history.HistoryViewModel;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.llm.OllamaStandIn;
import dev.healdesk.core.sandbox.Fault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Demo and screenshot mode, from system properties; off unless one is set.
 * <ul>
 *   <li>{@code healdesk.demo.faults=db-pool-exhausted,selector-changed}: switches these sandbox faults on
 *       (through the fault panel, as an operator would) once the sandbox is up;</li>
 *   <li>{@code healdesk.demo.autorun=true}: then starts a run with the default options (policy ask: its first
 *       runnable proposal waits for the operator in the Playbooks queue, and the run holds there);</li>
 *   <li>{@code healdesk.demo.dryRun=true}: that run is a dry run (every playbook planned, none asked for or
 *       applied), so it finishes and its summary, flip rates included, reaches the Failures screen;</li>
 *   <li>{@code healdesk.demo.screen=playbooks}: the screen to show once that run has finished or waits for the
 *       operator, or at once without autorun (run, failures, playbooks, history, hardware, settings; default: stay
 *       where the operator is);</li>
 *   <li>{@code healdesk.demo.ollama=true}: diagnoses come from an {@link OllamaStandIn}, <b>not a real model</b>:
 *       a stand-in server on loopback that says it has {@code llama3.2} installed and streams a canned answer
 *       (one for the pool exhaustion, one for anything else) a token at a time, so that the Hardware screen and a
 *       diagnosis streaming into the Failures screen can be shown on a machine without Ollama. The console gets
 *       {@code OLLAMA_HOST} = the stand-in and {@code OLLAMA_MODEL=llama3.2}, and its history, results and
 *       preferences go to a fresh temporary folder, so that the canned diagnoses never reach the real diagnosis
 *       cache (where a later run with the real llama3.2 would be served them);</li>
 *   <li>{@code healdesk.demo.history=trends}: the History screen's tab (runs, trends, recurring; default runs);</li>
 *   <li>{@code healdesk.window=1440x900}: the window's size (default 1320x840).</li>
 * </ul>
 * Example: {@code java -Dhealdesk.demo.faults=backend-down -Dhealdesk.demo.autorun=true
 * -Dhealdesk.demo.screen=playbooks -jar healdesk.jar} leaves restart-backend awaiting approval, its plan on screen;
 * {@code java -Dhealdesk.demo.ollama=true -Dhealdesk.demo.faults=db-pool-exhausted,selector-changed
 * -Dhealdesk.demo.autorun=true -Dhealdesk.demo.screen=failures -jar healdesk.jar}
 */
public record DemoMode(Set<Fault> faults, boolean autorun, boolean dryRun, Screen screen, boolean ollama,
                       double width, double height, HistoryViewModel.Tab historyTab) {

    /** The model the stand-in has installed and the console is told to ask. */
    static final String DEMO_MODEL = "llama3.2";
    /** What the stand-in streams for the pool-exhaustion group: the demo's first failure group. */
    static final String POOL_ANSWER = "{\"rootCause\": \"PostgreSQL refuses new connections: every connection slot"
            + " is taken, most by sessions the API's pool left idle in a transaction\", \"confidence\": 0.82,"
            + " \"category\": \"database\", \"fixClass\": \"A\", \"suggestedPlaybook\": \"terminate-idle-transactions\","
            + " \"explanation\": \"All six failures carry the same PSQLException from /api/login and /api/health, in"
            + " four projects. The API itself answers, so the network is fine; the database has run out of slots."
            + " Ending the sessions that sit idle in a transaction frees them without a restart, where killing every"
            + " idle connection would also drop healthy ones.\", \"evidence\": [\"FATAL: remaining connection slots"
            + " are reserved for non-replication superuser connections\", \"GET /api/health answers 503 with"
            + " database: error\", \"POST /api/login answers 500 in contracts, modules and security\"]}";
    /** What the stand-in streams for any other group (in the demo: the sign-in button the tests cannot find). */
    static final String OTHER_ANSWER = "{\"rootCause\": \"The tests' locator for the sign-in button no longer"
            + " matches the page, so every step that clicks it waits out the 5 s timeout\", \"confidence\": 0.74,"
            + " \"category\": \"ui\", \"fixClass\": \"B\", \"suggestedPlaybook\": \"propose-selector-fix\","
            + " \"explanation\": \"Both failures are 5000 ms timeouts in the two tests that sign in through the"
            + " page. The page loads without an HTTP error, so the element is missing rather than slow: the markup"
            + " changed under the test. A new locator is a reviewed change.\", \"evidence\": [\"Timeout 5000ms"
            + " exceeded in modules/login-flow\", \"Timeout 5000ms exceeded in modules/customers-list\","
            + " \"no HTTP error before either timeout\"]}";
    private static final long TOKEN_DELAY_MS = 15;
    private static final int TOKEN_CHARS = 4;

    public static DemoMode fromSystemProperties() {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        String list = System.getProperty("healdesk.demo.faults", "");
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                faults.add(Fault.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                        "Unknown fault '" + id.trim() + "' in healdesk.demo.faults; known: "
                                + Arrays.stream(Fault.values()).map(Fault::id).toList())));
            }
        }
        boolean autorun = Boolean.getBoolean("healdesk.demo.autorun");
        String screenName = System.getProperty("healdesk.demo.screen", "");
        Screen screen = screenName.isBlank() ? null : Screen.valueOf(screenName.trim().toUpperCase(Locale.ROOT));
        double w = 1320;
        double h = 840;
        String size = System.getProperty("healdesk.window", "");
        if (size.matches("\\d+x\\d+")) {
            String[] parts = size.split("x");
            w = Double.parseDouble(parts[0]);
            h = Double.parseDouble(parts[1]);
        }
        return new DemoMode(faults.isEmpty() ? Set.of() : EnumSet.copyOf(faults), autorun,
                Boolean.getBoolean("healdesk.demo.dryRun"), screen,
                Boolean.getBoolean("healdesk.demo.ollama"), w, h,
                HistoryViewModel.Tab.valueOf(System.getProperty("healdesk.demo.history", "runs").trim()
                        .toUpperCase(Locale.ROOT)));
    }

    public boolean active() {
        return !faults.isEmpty() || autorun || screen != null;
    }

    /** Starts the stand-in that plays Ollama for {@code healdesk.demo.ollama}; the caller closes it. */
    public static OllamaStandIn startOllamaStandIn() {
        long size = 2_019_393_189L;
        return OllamaStandIn.start().version("0.5.7").install(DEMO_MODEL, size)
                .load(DEMO_MODEL, size + 1_342_177_280L, 0)   // weights + KV cache, all on the CPU of a GPU-less box
                .answer(tokens(OTHER_ANSWER)).answerWhen("remaining connection slots", tokens(POOL_ANSWER))
                .tokenDelay(TOKEN_DELAY_MS);
    }

    /**
     * {@code base} pointed at {@code standIn}: its host, {@code OLLAMA_MODEL=llama3.2}, and history, results and
     * preferences under {@code scratch}, away from the operator's own.
     */
    public static Map<String, String> environment(Map<String, String> base, OllamaStandIn standIn, Path scratch) {
        Map<String, String> env = new HashMap<>(base);
        env.put(OllamaLlmClient.HOST_ENV, standIn.host());
        env.put(LlmSetup.MODEL_ENV, DEMO_MODEL);
        env.put(HealdeskPaths.RESULTS_ENV, scratch.resolve("healing-results").toString());
        env.put(HealdeskPaths.DB_ENV, scratch.resolve("healdesk.db").toString());
        env.put(Preferences.CONFIG_DIR_ENV, scratch.resolve("config").toString());
        return env;
    }

    /** The answer cut into pieces of a few characters, as a model streams its tokens. */
    static List<String> tokens(String answer) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < answer.length(); i += TOKEN_CHARS) {
            pieces.add(answer.substring(i, Math.min(answer.length(), i + TOKEN_CHARS)));
        }
        return pieces;
    }
}
