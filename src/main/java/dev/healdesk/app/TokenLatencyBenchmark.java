package dev.healdesk.app;

import dev.healdesk.app.fx.FxBridge;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.LlmBenchmark;
import dev.healdesk.core.llm.LlmDiagnoser;
import dev.healdesk.core.llm.OllamaStandIn;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import dev.healdesk.core.process.ScratchFolder;
import javafx.application.Platform;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long a streamed token takes from the socket to the console's view model: the Ollama stand-in notes when it
 * flushed each token, and the run listener the console uses ({@link FxBridge#runListener}) notes when the token
 * arrives on the JavaFX thread, where the view models take it. Needs a display (xvfb-run on a headless machine).
 */
public final class TokenLatencyBenchmark {
    private static final int TOKENS = 300;

    private TokenLatencyBenchmark() {
    }

    public static void run(PrintWriter out) throws Exception {
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            out.println("tokens: skipped, no display (run under xvfb-run)");
            return;
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(10, TimeUnit.SECONDS);
        Platform.setImplicitExit(false);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < TOKENS; i++) {
            tokens.add(i == 0 ? "{\"rootCause\":\"" : "word" + i + " ");
        }
        tokens.add("\",\"confidence\":0.5,\"category\":\"network\",\"fixClass\":\"A\",\"suggestedPlaybook\":null,"
                + "\"explanation\":\"e\",\"evidence\":[]}");
        ScratchFolder scratch = ScratchFolder.create("healdesk-bench-tokens");
        Path dir = scratch.path();
        Triage triage = new Triage(PatternCatalog.builtIn());
        List<FailureGroup> groups = triage.group(List.of(TestResult.failed("t/1", "health", "API", 5,
                "connect ECONNREFUSED 127.0.0.1:3000", null, List.of())));
        try (OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L).answer(tokens)
                .tokenDelay(5);
             HistoryStore history = HistoryStore.open(dir.resolve("tokens.db"))) {
            LlmDiagnoser diagnoser = LlmBenchmark.standInDiagnoser(ollama, history);
            List<Long> latencies = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                ollama.resetTimings();
                List<Long> arrived = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch all = new CountDownLatch(tokens.size());
                RunListener listener = FxBridge.platform().runListener(batch -> {
                    long now = System.nanoTime();
                    for (RunEvent e : batch) {
                        if (e instanceof RunEvent.DiagnosisToken) {
                            arrived.add(now);
                            all.countDown();
                        }
                    }
                });
                diagnoser.diagnose("bench-" + round, groups, RunOptions.defaults().withRediagnose(true), listener,
                        Cancellation.none());
                all.await(30, TimeUnit.SECONDS);
                List<Long> sent = ollama.tokenSentNanos();
                if (round == 0) {
                    continue;   // warm-up: class loading and the JIT
                }
                for (int i = 0; i < Math.min(sent.size(), arrived.size()); i++) {
                    latencies.add(arrived.get(i) - sent.get(i));
                }
            }
            Collections.sort(latencies);
            out.printf(Locale.ROOT, "tokens: socket -> view model (JavaFX thread), %d streamed tokens: min %.2f ms,"
                            + " median %.2f ms, p99 %.2f ms, max %.2f ms (target <= 50 ms; load %s)%n",
                    latencies.size(), latencies.get(0) / 1e6, latencies.get(latencies.size() / 2) / 1e6,
                    latencies.get(latencies.size() * 99 / 100) / 1e6, latencies.get(latencies.size() - 1) / 1e6,
                    loadAverage());
        } finally {
            scratch.close();
            Platform.exit();
        }
    }

    /** The 1, 5 and 15-minute load from /proc/loadavg, or "n/a". */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
