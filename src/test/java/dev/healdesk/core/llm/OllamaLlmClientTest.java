package dev.healdesk.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.healdesk.core.process.Cancellation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real Ollama4j client against a protocol-faithful stand-in of the Ollama server. */
class OllamaLlmClientTest {

    private final OllamaStandIn ollama = OllamaStandIn.start();

    @AfterEach
    void stop() {
        ollama.close();
    }

    private OllamaLlmClient client() {
        return new OllamaLlmClient(ollama.host(), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    private static LlmRequest ask(String model) {
        return new LlmRequest(model, "You diagnose test failures.", "Why does login fail?",
                Map.of("type", "object", "properties", Map.of("rootCause", Map.of("type", "string"))));
    }

    @Test
    void statusListsVersionInstalledAndLoadedModels() {
        ollama.version("0.5.7").install("llama3.2", 2_019_393_189L).install("qwen2.5-coder:32b", 19_851_349_856L)
                .load("llama3.2", 3_000_000_000L, 2_000_000_000L);

        OllamaStatus status = client().status();

        assertThat(status.reachable()).isTrue();
        assertThat(status.problem()).isNull();
        assertThat(status.version()).isEqualTo("0.5.7");
        assertThat(status.installedSizes()).containsEntry("llama3.2:latest", 2_019_393_189L)
                .containsEntry("qwen2.5-coder:32b", 19_851_349_856L);
        assertThat(status.loaded()).hasSize(1);
        assertThat(status.loaded().get(0).name()).isEqualTo("llama3.2:latest");
        assertThat(status.loaded().get(0).partlyOnCpu()).isTrue();
        assertThat(ollama.requests()).extracting(OllamaStandIn.Request::path)
                .contains("/api/version", "/api/tags", "/api/ps");
    }

    @Test
    void unreachableServerSaysWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        OllamaLlmClient client = new OllamaLlmClient("127.0.0.1:" + port, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2));

        OllamaStatus status = client.status();

        assertThat(status.reachable()).isFalse();
        assertThat(status.problem()).contains("http://127.0.0.1:" + port).contains("ollama serve")
                .contains("OLLAMA_HOST");
        assertThatThrownBy(() -> client.complete(ask("llama3.2"), t -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).unavailable()).isTrue())
                .hasMessageContaining("ollama serve");
    }

    @Test
    void hostIsReadTheWayOllamaReadsIt() {
        assertThat(OllamaLlmClient.normalizeHost(null)).isEqualTo("http://localhost:11434");
        assertThat(OllamaLlmClient.normalizeHost("gpu-box")).isEqualTo("http://gpu-box:11434");
        assertThat(OllamaLlmClient.normalizeHost("0.0.0.0:11500")).isEqualTo("http://localhost:11500");
        assertThat(OllamaLlmClient.normalizeHost("https://ollama.internal/")).isEqualTo("https://ollama.internal:443");
        assertThat(OllamaLlmClient.normalizeHost("http://10.0.0.5:8080")).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void streamsTokensInOrderAndReportsTokenCounts() throws Exception {
        ollama.install("llama3.2", 2_019_393_189L).answer(List.of("{\"rootCause\":", "\"backend", " down\"}"));
        List<String> tokens = new ArrayList<>();

        LlmAnswer answer = client().complete(ask("llama3.2"), tokens::add, Cancellation.none());

        assertThat(tokens).containsExactly("{\"rootCause\":", "\"backend", " down\"}");
        assertThat(answer.text()).isEqualTo("{\"rootCause\":\"backend down\"}");
        assertThat(answer.completionTokens()).isEqualTo(3);
        assertThat(answer.promptTokens()).isEqualTo(412);
        assertThat(answer.provider()).isEqualTo("ollama");
        JsonNode sent = ollama.requests("/api/chat").get(0).json();
        assertThat(sent.path("model").asText()).isEqualTo("llama3.2");
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("format").path("properties").has("rootCause")).isTrue();
        assertThat(sent.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(sent.path("messages").get(1).path("content").asText()).isEqualTo("Why does login fail?");
        assertThat(sent.path("options").path("num_ctx").asInt()).isEqualTo(8192);
    }

    @Test
    void serverErrorIsReportedWithOllamasOwnText() {
        ollama.install("llama3.2", 1L).error(500, "llama runner process has terminated: exit status 2");

        assertThatThrownBy(() -> client().complete(ask("llama3.2"), t -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("llama runner process has terminated");
    }

    @Test
    void missingModelIsUnavailableAndSaysToPull() {
        assertThatThrownBy(() -> client().complete(ask("qwen2.5-coder:32b"), t -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).unavailable()).isTrue())
                .hasMessageContaining("ollama pull qwen2.5-coder:32b");
    }

    @Test
    void connectionDroppedMidStreamIsAFailureNotAHalfAnswer() {
        ollama.install("llama3.2", 1L).answer(List.of("a", "b", "c", "d", "e", "f")).mode(OllamaStandIn.Mode.DROP_MID_STREAM);
        List<String> tokens = new ArrayList<>();

        assertThatThrownBy(() -> client().complete(ask("llama3.2"), tokens::add, Cancellation.none()))
                .isInstanceOf(LlmException.class);
        // The HTTP client may drop bytes it had buffered when the connection breaks: what arrived is a prefix of
        // what was sent before the drop, never more, and never passed off as an answer.
        // (None at all is a valid prefix: AssertJ's startsWith() refuses an empty prefix, so compare sublists.)
        List<String> sentBeforeDrop = List.of("a", "b", "c");
        assertThat(tokens.size()).isLessThanOrEqualTo(sentBeforeDrop.size());
        assertThat(tokens).isEqualTo(sentBeforeDrop.subList(0, tokens.size()));
    }

    @Test
    void stalledStreamIsGivenUpAfterTheStallTimeout() {
        ollama.install("llama3.2", 1L).answer(List.of("a", "b", "c", "d")).mode(OllamaStandIn.Mode.STALL_MID_STREAM);
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().complete(ask("llama3.2"), t -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class).hasMessageContaining("stalled");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
    }

    @Test
    void cancelStopsAWaitingCall() throws Exception {
        ollama.install("llama3.2", 1L).headerDelay(20_000);
        Cancellation cancel = new Cancellation();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                client().complete(ask("llama3.2"), t -> { }, cancel);
                return null;
            } catch (LlmException e) {
                return e;
            }
        });
        Thread.sleep(300);
        cancel.cancel();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(LlmException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void pullReportsProgressUntilSuccessAndInstallsTheModel() throws Exception {
        List<PullProgress> progress = new ArrayList<>();

        client().pull("llama3.2", progress::add, Cancellation.none());

        assertThat(progress.get(0).status()).isEqualTo("pulling manifest");
        List<Double> fractions = progress.stream().map(PullProgress::fraction).filter(f -> f >= 0).toList();
        assertThat(fractions).hasSize(11).isSorted().startsWith(0.0).endsWith(1.0);
        assertThat(progress.get(progress.size() - 1).status()).isEqualTo("success");
        assertThat(client().status().installedSizes()).containsKey("llama3.2:latest");
        assertThat(ollama.requests("/api/pull").get(0).json().path("model").asText()).isEqualTo("llama3.2");
    }

    @Test
    void pullOfAnUnknownModelSaysSo() {
        assertThatThrownBy(() -> client().pull("does-not-exist:1b", p -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class).hasMessageContaining("file does not exist");
    }

    @Test
    void pullCanBeCancelled() {
        ollama.tokenDelay(200);
        Cancellation cancel = new Cancellation();
        List<PullProgress> progress = new ArrayList<>();

        assertThatThrownBy(() -> client().pull("llama3.2", p -> {
            progress.add(p);
            if (progress.size() == 3) {
                cancel.cancel();
            }
        }, cancel)).isInstanceOf(LlmException.class).hasMessageContaining("cancelled");
        assertThat(progress).hasSizeLessThan(6);
    }
}
