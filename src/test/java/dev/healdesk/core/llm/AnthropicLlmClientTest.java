package dev.healdesk.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.process.Cancellation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The real Anthropic client against a protocol-faithful stand-in of the Messages API. */
class AnthropicLlmClientTest {
    private static final String KEY = "sk-ant-api03-TEST-ONLY-Zq8vR2mXk9";
    private static final String MODEL = "claude-3-5-haiku-latest";
    private static final Map<String, Object> SCHEMA = Map.of("type", "object", "required", List.of("rootCause"),
            "properties", Map.of("rootCause", Map.of("type", "string")));

    private final AnthropicStandIn anthropic = AnthropicStandIn.start(KEY);

    @AfterEach
    void stop() {
        anthropic.close();
    }

    private AnthropicLlmClient client() {
        return client(KEY);
    }

    private AnthropicLlmClient client(String key) {
        return new AnthropicLlmClient(anthropic.baseUrl(), key, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(2));
    }

    private static LlmRequest ask(String model) {
        return new LlmRequest(model, "You diagnose test failures.", "Why does login fail?", SCHEMA);
    }

    private static LlmException failure(AnthropicLlmClient client, LlmRequest request, List<String> tokens) {
        return catchThrowableOfType(() -> client.complete(request, tokens::add, Cancellation.none()),
                LlmException.class);
    }

    @Test
    void streamsTokensInOrderAndReportsTokenCounts() throws Exception {
        anthropic.answer(List.of("{\"rootCause\":", "\"backend", " down → 503\"}")).inputTokens(612);
        List<String> tokens = new ArrayList<>();

        LlmAnswer answer = client().complete(ask(MODEL), tokens::add, Cancellation.none());

        assertThat(tokens).containsExactly("{\"rootCause\":", "\"backend", " down → 503\"}");
        assertThat(answer.text()).isEqualTo("{\"rootCause\":\"backend down → 503\"}");
        assertThat(answer.promptTokens()).isEqualTo(612);
        assertThat(answer.completionTokens()).isEqualTo(3);
        assertThat(answer.provider()).isEqualTo("anthropic");
        assertThat(answer.model()).as("the requested name, under which diagnoses are cached").isEqualTo(MODEL);
        assertThat(answer.latencyMs()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void tokensReachTheCallerOnTheCallingThread() throws Exception {
        anthropic.answer(List.of("a", "b"));
        List<Thread> threads = new ArrayList<>();

        client().complete(ask(MODEL), t -> threads.add(Thread.currentThread()), Cancellation.none());

        assertThat(threads).hasSize(2).allMatch(t -> t == Thread.currentThread());
    }

    @Test
    void requestCarriesTheKeyVersionModelSchemaInstructionAndUserText() throws Exception {
        client().complete(ask(MODEL), t -> { }, Cancellation.none());

        assertThat(anthropic.requests()).hasSize(1);
        AnthropicStandIn.Request sent = anthropic.requests().get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.headers()).containsEntry("x-api-key", KEY).containsEntry("anthropic-version", "2023-06-01")
                .containsEntry("content-type", "application/json");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo(MODEL);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.1);
        String system = body.path("system").asText();
        assertThat(system).startsWith("You diagnose test failures.").contains("one JSON object")
                .contains("JSON schema");
        JsonNode schemaInPrompt = new ObjectMapper().readTree(system.substring(system.indexOf('{')));
        assertThat(schemaInPrompt).isEqualTo(new ObjectMapper().valueToTree(SCHEMA));
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Why does login fail?");
    }

    @Test
    void withoutASchemaTheSystemPromptIsSentAsItIs() throws Exception {
        client().complete(new LlmRequest(MODEL, "Be brief.", "Hi", null), t -> { }, Cancellation.none());

        assertThat(anthropic.requests().get(0).json().path("system").asText()).isEqualTo("Be brief.");
    }

    @Test
    void refusedKeyIsUnavailableAndNeverPrintsTheKey() {
        String wrongKey = "sk-ant-api03-WRONG-KEY-4f9d";
        LlmException e = failure(client(wrongKey), ask(MODEL), new ArrayList<>());

        assertThat(e).isNotNull();
        assertThat(e.unavailable()).isTrue();
        assertThat(e.getMessage()).contains("refused the API key").contains("ANTHROPIC_API_KEY")
                .contains("invalid x-api-key").doesNotContain(wrongKey).doesNotContain(KEY);
        assertThat(e.toString()).doesNotContain(wrongKey);
        assertThat(anthropic.requests().get(0).headers()).containsEntry("x-api-key", wrongKey);
    }

    @Test
    void forbiddenKeyIsUnavailableToo() {
        anthropic.error(403, "permission_error", "Your API key does not have permission to use the specified resource.");

        LlmException e = failure(client(), ask(MODEL), new ArrayList<>());

        assertThat(e.unavailable()).isTrue();
        assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY").contains("permission").doesNotContain(KEY);
    }

    @Test
    void unknownModelIsUnavailableAndNamesTheModel() {
        LlmException e = failure(client(), ask("claude-9-opus"), new ArrayList<>());

        assertThat(e.unavailable()).isTrue();
        assertThat(e.getMessage()).contains("claude-9-opus").contains("ANTHROPIC_MODEL").doesNotContain(KEY);
    }

    @Test
    void overloadedApiCarriesAnthropicsMessage() {
        anthropic.error(529, "overloaded_error", "Overloaded");

        LlmException e = failure(client(), ask(MODEL), new ArrayList<>());

        assertThat(e.unavailable()).as("a busy moment, not a missing provider").isFalse();
        assertThat(e.getMessage()).contains("Overloaded").contains("529");
    }

    @Test
    void rateLimitSaysWhenToRetry() {
        anthropic.error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit");

        LlmException e = failure(client(), ask(MODEL), new ArrayList<>());

        assertThat(e.unavailable()).isFalse();
        assertThat(e.getMessage()).contains("per-minute rate limit").contains("Retry after 17 s");
    }

    @Test
    void serverErrorCarriesAnthropicsMessage() {
        anthropic.error(500, "api_error", "Internal server error");

        assertThatThrownBy(() -> client().complete(ask(MODEL), t -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class).hasMessageContaining("Internal server error");
    }

    @Test
    void errorEventMidStreamIsAFailureWithAnthropicsMessage() {
        anthropic.answer(List.of("a", "b", "c", "d")).mode(AnthropicStandIn.Mode.ERROR_EVENT);
        List<String> tokens = new ArrayList<>();

        LlmException e = failure(client(), ask(MODEL), tokens);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("Overloaded").contains("overloaded_error");
        assertThat(e.unavailable()).isFalse();
        assertThat(tokens).containsExactly("a", "b");
    }

    @Test
    void streamThatEndsWithoutMessageStopIsAFailureNotAnAnswer() {
        anthropic.answer(List.of("{\"rootCause\":", "\"x\"}")).mode(AnthropicStandIn.Mode.END_WITHOUT_STOP);
        List<String> tokens = new ArrayList<>();

        LlmException e = failure(client(), ask(MODEL), tokens);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("message_stop");
        assertThat(tokens).containsExactly("{\"rootCause\":", "\"x\"}");
    }

    @Test
    void connectionDroppedMidStreamIsAFailureNotAHalfAnswer() {
        anthropic.answer(List.of("a", "b", "c", "d", "e", "f")).mode(AnthropicStandIn.Mode.DROP_MID_STREAM);
        List<String> tokens = new ArrayList<>();

        LlmException e = failure(client(), ask(MODEL), tokens);

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("cut off");
        assertThat(e.unavailable()).isFalse();
        // The JDK's body stream drops what it buffered once the connection fails, so how much of the text came
        // before the failure depends on timing; what matters is that nothing after the drop was invented.
        // (None at all is a valid prefix: AssertJ's startsWith() refuses an empty prefix, so compare sublists.)
        List<String> sentBeforeDrop = List.of("a", "b", "c");
        assertThat(tokens.size()).isLessThanOrEqualTo(sentBeforeDrop.size());
        assertThat(tokens).isEqualTo(sentBeforeDrop.subList(0, tokens.size()));
    }

    @Test
    void unreachableApiIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AnthropicLlmClient client = new AnthropicLlmClient("http://127.0.0.1:" + port, KEY, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(2));

        LlmException e = failure(client, ask(MODEL), new ArrayList<>());

        assertThat(e).isNotNull();
        assertThat(e.unavailable()).isTrue();
        assertThat(e.getMessage()).contains("127.0.0.1:" + port).doesNotContain(KEY);
    }

    @Test
    void stalledStreamIsGivenUpAfterTheStallTimeoutDespitePings() {
        anthropic.answer(List.of("a", "b", "c", "d")).mode(AnthropicStandIn.Mode.STALL_MID_STREAM);
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().complete(ask(MODEL), t -> { }, Cancellation.none()))
                .isInstanceOf(LlmException.class).hasMessageContaining("stalled");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
    }

    @Test
    void cancelStopsAWaitingCall() throws Exception {
        anthropic.headerDelay(20_000);
        Cancellation cancel = new Cancellation();
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                client().complete(ask(MODEL), t -> { }, cancel);
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
    void fromEnvironmentIsOffWithoutAKey() {
        assertThat(AnthropicLlmClient.fromEnvironment(Map.of())).isEmpty();
        assertThat(AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", "  "))).isEmpty();
        assertThat(AnthropicLlmClient.fromEnvironment(Map.of("LLM_FALLBACK_ONLY", "true",
                "ANTHROPIC_MODEL", MODEL))).isEmpty();
    }

    @Test
    void fromEnvironmentDefaultsToHaikuOnAnthropicAsAFallbackOnly() {
        LlmDiagnoser.Fallback fallback = AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY))
                .orElseThrow();

        assertThat(fallback.model()).isEqualTo("claude-3-5-haiku-latest");
        assertThat(fallback.only()).isFalse();
        assertThat(fallback.client().provider()).isEqualTo("anthropic");
        assertThat(((AnthropicLlmClient) fallback.client()).baseUrl()).isEqualTo("https://api.anthropic.com");
    }

    @Test
    void fromEnvironmentReadsOnlyModelAndBaseUrl() throws Exception {
        for (String yes : List.of("true", "TRUE", "True", "1", "yes", "Yes")) {
            assertThat(AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY, "LLM_FALLBACK_ONLY", yes))
                    .orElseThrow().only()).as(yes).isTrue();
        }
        for (String no : List.of("false", "0", "no", "")) {
            assertThat(AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY, "LLM_FALLBACK_ONLY", no))
                    .orElseThrow().only()).as(no).isFalse();
        }
        anthropic.models("claude-sonnet-4-20250514").answer(List.of("ok"));
        LlmDiagnoser.Fallback fallback = AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY,
                "ANTHROPIC_MODEL", "claude-sonnet-4-20250514", "ANTHROPIC_BASE_URL", anthropic.baseUrl() + "/"))
                .orElseThrow();

        assertThat(fallback.model()).isEqualTo("claude-sonnet-4-20250514");
        LlmAnswer answer = fallback.client().complete(new LlmRequest(fallback.model(), "s", "u", null), t -> { },
                Cancellation.none());
        assertThat(answer.text()).isEqualTo("ok");
        assertThat(anthropic.requests().get(0).path()).isEqualTo("/v1/messages");
        assertThat(anthropic.requests().get(0).headers()).containsEntry("x-api-key", KEY);
    }

    @Test
    void nothingThatHoldsTheKeyShowsIt() {
        Optional<LlmDiagnoser.Fallback> fallback = AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY,
                "LLM_FALLBACK_ONLY", "true"));

        assertThat(fallback).isPresent();
        assertThat(fallback.toString()).doesNotContain(KEY).doesNotContain("Zq8vR2mXk9");
        assertThat(fallback.get().client().toString()).doesNotContain(KEY).contains("api.anthropic.com");
        assertThat(client().toString()).doesNotContain(KEY);
    }

    @Test
    void aBadBaseUrlIsRefusedWithoutShowingTheKey() {
        assertThatThrownBy(() -> AnthropicLlmClient.fromEnvironment(Map.of("ANTHROPIC_API_KEY", KEY,
                "ANTHROPIC_BASE_URL", "api.anthropic.com")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANTHROPIC_BASE_URL")
                .hasMessageNotContaining(KEY);
    }
}
