package dev.healdesk.core.llm;

import dev.healdesk.core.config.Setting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.process.Cancellation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The optional cloud fallback: Anthropic's Messages API, streamed. It exists so that a machine without a usable
 * local model can still get a root-cause diagnosis, and it is off unless {@code ANTHROPIC_API_KEY} is set (see
 * {@link #fromEnvironment}); {@link LlmDiagnoser} decides when it is used and redacts every text before it gets
 * here, exactly as for Ollama.
 *
 * <p>Like {@link OllamaLlmClient}, the blocking HTTP call runs on its own thread and hands each piece of the
 * answer to the caller through a queue, so that tokens show as they arrive, a first answer that never comes or a
 * stream that stalls is given up after its timeout, and a cancel ends the call at once instead of hanging the run.
 *
 * <p>The API key is read from the environment only and held in memory: it goes into the {@code x-api-key}
 * header and nowhere else, never into a log line, an exception message or {@link #toString()}.
 */
public final class AnthropicLlmClient implements LlmClient {
    public static final String KEY_ENV = "ANTHROPIC_API_KEY";
    /** {@code false} keeps the fallback off even with a key (the settings' cloud fallback switch). */
    public static final String ENABLED_ENV = Setting.CLOUD_FALLBACK.variable().orElseThrow();
    public static final String MODEL_ENV = "ANTHROPIC_MODEL";
    public static final String BASE_URL_ENV = "ANTHROPIC_BASE_URL";
    public static final String ONLY_ENV = "LLM_FALLBACK_ONLY";
    public static final String DEFAULT_MODEL = "claude-3-5-haiku-latest";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    /** The Messages API version this client speaks; Anthropic requires the header on every request. */
    public static final String API_VERSION = "2023-06-01";
    static final int MAX_TOKENS = 1024;
    static final double TEMPERATURE = 0.1;

    /**
     * Made with the first request: a run checks the fallback's settings when its session opens
     * ({@link #fromEnvironment}), and that does not need Jackson's object mapper (some 260 classes).
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final int MAX_ERROR_BODY = 8192;
    private static final Object STOP = new Object();
    private static final Object CANCELLED = new Object();

    private final String baseUrl;
    private final String apiKey;
    private final Duration firstTokenTimeout;
    private final Duration stallTimeout;
    private final HttpClient http;

    /**
     * @param baseUrl           where the Messages API lives ({@code https://api.anthropic.com}, or a stand-in)
     * @param apiKey            sent as {@code x-api-key}; never shown anywhere
     * @param connectTimeout    how long opening the connection may take
     * @param firstTokenTimeout how long the first piece of text may take after the request is sent
     * @param stallTimeout      how long the stream may pause between pieces before the call is given up
     */
    public AnthropicLlmClient(String baseUrl, String apiKey, Duration connectTimeout, Duration firstTokenTimeout,
                              Duration stallTimeout) {
        this.baseUrl = normalizeBaseUrl(baseUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException(KEY_ENV + " is empty");
        }
        this.apiKey = apiKey.strip();
        this.firstTokenTimeout = Objects.requireNonNull(firstTokenTimeout);
        this.stallTimeout = Objects.requireNonNull(stallTimeout);
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(connectTimeout)).build();
    }

    /**
     * The fallback as the environment configures it: empty (the default: nothing leaves the machine) unless
     * {@code ANTHROPIC_API_KEY} is set and not blank. The model is {@code ANTHROPIC_MODEL} or
     * {@value #DEFAULT_MODEL}, the endpoint {@code ANTHROPIC_BASE_URL} or {@value #DEFAULT_BASE_URL}, and
     * {@code LLM_FALLBACK_ONLY} ({@code true}, {@code 1} or {@code yes}) makes it answer even when the local model
     * is up.
     */
    public static Optional<LlmDiagnoser.Fallback> fromEnvironment(Map<String, String> env) {
        String key = env.get(KEY_ENV);
        if (key == null || key.isBlank() || "false".equalsIgnoreCase(env.getOrDefault(ENABLED_ENV, "true").strip())) {
            return Optional.empty();
        }
        String model = valueOr(env.get(MODEL_ENV), DEFAULT_MODEL);
        String base = valueOr(env.get(BASE_URL_ENV), DEFAULT_BASE_URL);
        AnthropicLlmClient client = new AnthropicLlmClient(base, key, Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
        return Optional.of(new LlmDiagnoser.Fallback(client, model, isTrue(env.get(ONLY_ENV))));
    }

    private static String valueOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static boolean isTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    /** The base URL without trailing slashes; only http(s) with a host is accepted. */
    static String normalizeBaseUrl(String value) {
        String v = valueOr(value, DEFAULT_BASE_URL).replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(BASE_URL_ENV + " is not a URL: " + v, e);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(BASE_URL_ENV + " must be an http(s) URL with a host: " + v);
        }
        return v;
    }

    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String provider() {
        return "anthropic";
    }

    /** Says where it sends and that a key is set, never the key. */
    @Override
    public String toString() {
        return "AnthropicLlmClient[baseUrl=" + baseUrl + ", apiKey=(set, hidden)]";
    }

    @Override
    public LlmAnswer complete(LlmRequest request, Consumer<String> onToken, Cancellation cancel)
            throws LlmException {
        if (cancel.isCancelled()) {
            throw new LlmException("Diagnosis cancelled", false, null);
        }
        HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/messages"))
                .header("x-api-key", apiKey)
                .header("anthropic-version", API_VERSION)
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8))
                .build();

        StreamWait pieces = new StreamWait(firstTokenTimeout, stallTimeout);
        long started = System.nanoTime();
        Exchange exchange = new Exchange(post, request.model(), pieces);
        Thread caller = new Thread(exchange, "healdesk-anthropic-chat");
        caller.setDaemon(true);
        exchange.thread = caller;
        caller.start();
        cancel.onCancel(() -> {
            exchange.abort();
            pieces.add(CANCELLED);
        });

        StringBuilder text = new StringBuilder();
        int inputTokens = 0;
        int outputTokens = 0;
        boolean finished = false;
        try {
            while (true) {
                Object piece = pieces.next(cancel, (seconds, answering) -> "Anthropic at " + baseUrl
                        + " sent nothing for " + seconds + " s (" + request.model()
                        + (answering ? " stalled" : " did not start answering") + "). Try again later.");
                if (piece == STOP) {
                    break;
                }
                if (piece instanceof LlmException e) {
                    throw e;
                }
                if (piece instanceof Counts c) {
                    inputTokens = c.input() == null ? inputTokens : c.input();
                    outputTokens = c.output() == null ? outputTokens : c.output();
                } else if (piece instanceof Token t) {
                    pieces.answering();
                    text.append(t.text());
                    onToken.accept(t.text());
                }
            }
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("Diagnosis interrupted", false, e);
        } finally {
            if (!finished) {
                exchange.abort();
            }
        }
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        // The requested name, not the dated one Anthropic resolves it to: diagnoses are cached under it.
        return new LlmAnswer(text.toString(), provider(), request.model(), inputTokens, outputTokens, latency);
    }

    /** The Messages API body; the schema becomes an instruction because the API has no JSON-schema format. */
    String body(LlmRequest request) throws LlmException {
        String system = request.system() == null ? "" : request.system();
        if (request.schema() != null) {
            String schema;
            try {
                schema = Json.MAPPER.writeValueAsString(request.schema());
            } catch (JsonProcessingException e) {
                throw new LlmException("The answer schema cannot be written as JSON: " + e.getOriginalMessage(),
                        false, e);
            }
            system = (system.isEmpty() ? "" : system + "\n\n")
                    + "Answer only with one JSON object that matches this JSON schema, with no text before or"
                    + " after it and no code fence:\n" + schema;
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", request.model());
        root.put("max_tokens", MAX_TOKENS);
        if (!system.isEmpty()) {
            root.put("system", system);
        }
        root.putArray("messages").addObject().put("role", "user").put("content", request.user());
        root.put("stream", true);
        root.put("temperature", TEMPERATURE);
        return root.toString();
    }

    /** A piece of answer text. */
    private record Token(String text) {
    }

    /** Token counts as Anthropic reports them; null where this event does not say. */
    private record Counts(Integer input, Integer output) {
    }

    /** One HTTP call and its SSE stream, on its own thread; every outcome ends up in {@code pieces}. */
    private final class Exchange implements Runnable {
        private final HttpRequest request;
        private final String model;
        private final StreamWait pieces;
        private volatile Thread thread;
        private volatile boolean aborted;
        private volatile CompletableFuture<HttpResponse<InputStream>> future;
        private volatile InputStream stream;

        Exchange(HttpRequest request, String model, StreamWait pieces) {
            this.request = request;
            this.model = model;
            this.pieces = pieces;
        }

        /** Ends the call wherever it is: waiting for headers, or reading the stream. */
        void abort() {
            aborted = true;
            CompletableFuture<HttpResponse<InputStream>> f = future;
            if (f != null) {
                f.cancel(true);
            }
            InputStream s = stream;
            if (s != null) {
                closeQuietly(s);
            }
            Thread t = thread;
            if (t != null) {
                t.interrupt();
            }
        }

        @Override
        public void run() {
            try {
                exchange();
            } catch (RuntimeException e) {
                if (!aborted) {
                    pieces.add(new LlmException("The Anthropic client failed: " + scrub(String.valueOf(e)), false,
                            null));
                }
            }
        }

        private void exchange() {
            HttpResponse<InputStream> response;
            try {
                future = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
                if (aborted) {
                    future.cancel(true);
                }
                response = future.get();
            } catch (ExecutionException e) {
                if (!aborted) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    pieces.add(new LlmException("Anthropic is not reachable at " + baseUrl + " ("
                            + scrub(OllamaLlmClient.rootMessage(cause)) + "). Check the network, or "
                            + BASE_URL_ENV + " if it is set.", true, cause));
                }
                return;
            } catch (CancellationException | InterruptedException e) {
                return;   // aborted: the caller has already said why
            }
            stream = response.body();
            if (aborted) {
                closeQuietly(stream);
                return;
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                if (response.statusCode() != 200) {
                    pieces.add(httpFailure(response.statusCode(), response.headers(), readBounded(lines)));
                    return;
                }
                if (readEvents(lines)) {
                    return;
                }
                if (!aborted) {
                    pieces.add(new LlmException("Anthropic closed the stream before the answer ended (no"
                            + " message_stop). Try again.", false, null));
                }
            } catch (IOException e) {
                if (!aborted) {
                    pieces.add(new LlmException("The answer from Anthropic was cut off: "
                            + scrub(OllamaLlmClient.rootMessage(e)) + ". Try again.", false, e));
                }
            }
        }

        /**
         * Reads server-sent events until {@code message_stop} or an error (true) or the end of the stream (false):
         * {@code event:} names the event, {@code data:} lines are joined, a blank line dispatches, {@code :}
         * starts a comment.
         */
        private boolean readEvents(BufferedReader lines) throws IOException {
            String event = null;
            StringBuilder data = new StringBuilder();
            boolean hasData = false;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (aborted) {
                    return true;
                }
                if (line.isEmpty()) {
                    if ((event != null || hasData) && dispatch(event, data.toString())) {
                        return true;
                    }
                    event = null;
                    data.setLength(0);
                    hasData = false;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                if (field.equals("event")) {
                    event = value;
                } else if (field.equals("data")) {
                    if (hasData) {
                        data.append('\n');
                    }
                    data.append(value);
                    hasData = true;
                }
            }
            return false;
        }

        /** Hands one event to the caller; true when the stream is over (message_stop or an error). */
        private boolean dispatch(String event, String data) {
            JsonNode node;
            try {
                node = data.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(data);
            } catch (JsonProcessingException e) {
                pieces.add(new LlmException("Anthropic sent an event that is not JSON (" + event + "): "
                        + scrub(abbreviate(data)), false, e));
                return true;
            }
            String type = event != null ? event : node.path("type").asText();
            switch (type) {
                case "message_start" -> {
                    JsonNode usage = node.path("message").path("usage");
                    pieces.add(new Counts(count(usage, "input_tokens"), count(usage, "output_tokens")));
                }
                case "content_block_delta" -> {
                    JsonNode delta = node.path("delta");
                    String text = delta.path("text").asText("");
                    if ("text_delta".equals(delta.path("type").asText()) && !text.isEmpty()) {
                        pieces.add(new Token(text));
                    }
                }
                case "message_delta" -> pieces.add(new Counts(null, count(node.path("usage"), "output_tokens")));
                case "message_stop" -> {
                    pieces.add(STOP);
                    return true;
                }
                case "error" -> {
                    JsonNode error = node.path("error");
                    pieces.add(new LlmException("Anthropic failed while answering with " + model + ": "
                            + scrub(error.path("message").asText("no message")) + " ("
                            + error.path("type").asText("error") + "). Try again later.", false, null));
                    return true;
                }
                default -> {
                    // ping, content_block_start/stop, and event types added later: nothing to hand on
                }
            }
            return false;
        }

        private LlmException httpFailure(int status, HttpHeaders headers, String body) {
            String type = "";
            String message = abbreviate(body);
            try {
                JsonNode error = Json.MAPPER.readTree(body).path("error");
                if (error.isObject()) {
                    type = error.path("type").asText("");
                    message = error.path("message").asText(message);
                }
            } catch (JsonProcessingException e) {
                // not Anthropic's JSON (a proxy's page): the raw text says more than nothing
            }
            String said = "HTTP " + status + (type.isEmpty() ? "" : " " + type) + ": " + scrub(message);
            String requestId = headers.firstValue("request-id").map(id -> ", request " + id).orElse("");
            if (status == 401 || status == 403) {
                return new LlmException("Anthropic refused the API key (" + said + "). Check " + KEY_ENV + ".",
                        true, null);
            }
            if (status == 404) {
                return new LlmException("Anthropic has no model " + model + " for this key (" + said + "). Set "
                        + MODEL_ENV + " to a model it offers, or unset it for " + DEFAULT_MODEL + ".", true, null);
            }
            if (status == 429) {
                String retry = headers.firstValue("retry-after").map(s -> " Retry after " + s + " s.").orElse("");
                return new LlmException("Anthropic is rate-limiting this key (" + said + requestId + ")." + retry,
                        false, null);
            }
            if (status == 529 || status >= 500) {
                return new LlmException("Anthropic could not answer (" + said + requestId + "). Try again later.",
                        false, null);
            }
            return new LlmException("Anthropic rejected the request for " + model + " (" + said + requestId + ").",
                    false, null);
        }
    }

    private static Integer count(JsonNode usage, String field) {
        JsonNode n = usage.path(field);
        return n.isNumber() ? n.asInt() : null;
    }

    private static String readBounded(BufferedReader lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l = lines.readLine(); l != null && b.length() < MAX_ERROR_BODY; l = lines.readLine()) {
            b.append(l).append('\n');
        }
        return b.toString().strip();
    }

    private static String abbreviate(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }

    /** Server text goes into messages; should anything echo the key back, it does not go with it. */
    private String scrub(String s) {
        return s == null ? null : s.replace(apiKey, "[" + KEY_ENV + "]");
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // aborting: nothing to keep
        }
    }
}
