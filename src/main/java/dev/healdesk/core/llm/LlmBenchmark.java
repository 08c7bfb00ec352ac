package dev.healdesk.core.llm;

import dev.healdesk.core.redact.Redactor;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.Diagnoses;
import dev.healdesk.core.run.RunListener;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The LLM figures of {@code healdesk bench} that need no display: building and redacting the prompt of a failure
 * with a large log, and what a second run with the same failures costs (zero calls when the cache works). Both
 * against the real code paths; the model is {@link OllamaStandIn}, so the figures are Healdesk's own cost.
 */
public final class LlmBenchmark {

    private LlmBenchmark() {
    }

    /** Median and worst time to build the prompt of one group whose message is a {@code logBytes} log. */
    public record PromptResult(int logBytes, double medianMs, double worstMs, int promptChars, int rounds) {
    }

    public static PromptResult prompt(int logBytes, int rounds) {
        Triage triage = new Triage(PatternCatalog.builtIn());
        Redactor redactor = Redactor.standard();
        var playbooks = PatternCatalog.builtIn().playbooks();
        long[] times = new long[rounds];
        int chars = 0;
        int warmup = Math.max(5, rounds / 2);
        for (int i = -warmup; i < rounds; i++) {
            String log = syntheticLog(logBytes, i + warmup);
            FailureGroup group = triage.group(List.of(TestResult.failed("modules/t" + i, "modules", "Big log " + i, 10,
                    log, "    at Object.<anonymous> (/app/tests/checkout.spec.ts:42:17)", List.of()))).get(0);
            long t0 = System.nanoTime();
            LlmRequest r = DiagnosisPrompt.build("llama3.2", group, DiagnosisPrompt.Context.none(), redactor::redact,
                    playbooks);
            long t = System.nanoTime() - t0;
            if (i >= 0) {
                times[i] = t;
                chars = r.user().length();
            }
        }
        Arrays.sort(times);
        return new PromptResult(logBytes, times[rounds / 2] / 1e6, times[rounds - 1] / 1e6, chars, rounds);
    }

    /** A server log with a few secrets in it, different for each {@code seed}. */
    static String syntheticLog(int bytes, int seed) {
        StringBuilder b = new StringBuilder(bytes + 256);
        b.append("Error: connect ECONNREFUSED 127.0.0.1:5432 (seed ").append(seed).append(")\n");
        int i = 0;
        while (b.length() < bytes) {
            int n = seed * 7919 + i;
            switch (i % 6) {
                case 0 -> b.append("2024-06-01T12:").append(10 + n % 50).append(":").append(10 + n % 49)
                        .append(".").append(100 + n % 899).append("Z INFO  http GET /api/customers/").append(n)
                        .append(" 200 ").append(n % 97).append("ms\n");
                case 1 -> b.append("    at com.acme.crm.CustomerService.load(CustomerService.java:").append(n % 400)
                        .append(")\n");
                case 2 -> b.append("DEBUG pool stats active=").append(n % 20).append(" idle=").append(n % 7)
                        .append(" waiting=").append(n % 3).append('\n');
                case 3 -> b.append("WARN  retrying request id=").append(Integer.toHexString(n * 31))
                        .append(" for user").append(n % 1000).append("@acme-corp.io\n");
                case 4 -> b.append("INFO  connecting to postgres://crm:S3cret").append(n % 1000)
                        .append("@db.internal:5432/crm\n");
                default -> b.append("DEBUG Authorization: Bearer ").append(Long.toHexString(n * 0x9E3779B97F4A7C15L))
                        .append(Long.toHexString(~n * 31L)).append('\n');
            }
            i++;
        }
        return b.toString();
    }

    /** Calls and cache hits of two runs over the same failures. */
    public record CacheResult(int groups, int firstCalls, int firstHits, int secondCalls, int secondHits) {
    }

    public static CacheResult cache(Path dir, int distinctFailures) {
        Triage triage = new Triage(PatternCatalog.builtIn());
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < distinctFailures; i++) {
            String message = switch (i % 3) {
                case 0 -> "connect ECONNREFUSED 127.0.0.1:" + (5400 + i) + " (service-" + i + ")";
                case 1 -> "locator.click: Timeout 5000ms exceeded.\nwaiting for locator('#button-" + i + "')";
                default -> "expect(received).toBe(expected)\nExpected: \"order-" + i + "\"\nReceived: \"none\"";
            };
            results.add(TestResult.failed("t/" + i, "modules", "Test " + i, 10, message, null, List.of()));
            results.add(TestResult.failed("u/" + i, "contracts", "Twin " + i, 10, message, null, List.of()));
        }
        List<FailureGroup> groups = triage.group(results);
        try (OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L)
                .answer(List.of("{\"rootCause\":\"bench\",\"confidence\":0.5,\"category\":\"network\",",
                        "\"fixClass\":\"A\",\"suggestedPlaybook\":null,\"explanation\":\"e\",\"evidence\":[]}"));
             HistoryStore history = HistoryStore.open(dir.resolve("bench-cache.db"))) {
            LlmDiagnoser diagnoser = standInDiagnoser(ollama, history);
            Diagnoses first = diagnoser.diagnose("bench-1", groups, RunOptions.defaults(), RunListener.NONE,
                    Cancellation.none());
            Diagnoses second = diagnoser.diagnose("bench-2", groups, RunOptions.defaults(), RunListener.NONE,
                    Cancellation.none());
            return new CacheResult(groups.size(), first.usage().calls(), first.usage().cacheHits(),
                    second.usage().calls(), second.usage().cacheHits());
        }
    }

    /** The real diagnoser over the Ollama stand-in's llama3.2, as the benchmarks drive it. */
    public static LlmDiagnoser standInDiagnoser(OllamaStandIn ollama, HistoryStore history) {
        OllamaLlmClient client = new OllamaLlmClient(ollama.host(), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        ModelChoice choice = new ModelChoice("llama3.2", ModelChoice.Source.ENVIRONMENT, true, 3334, 8000, true,
                "bench", null);
        return new LlmDiagnoser(() -> Optional.of(choice), client, null, history, Redactor.standard()::redact,
                PatternCatalog.builtIn().playbooks(), Clock.systemUTC());
    }
}
