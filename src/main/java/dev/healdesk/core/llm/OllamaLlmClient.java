package dev.healdesk.core.llm;

import dev.healdesk.core.config.OllamaAddress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.process.Cancellation;
import io.github.ollama4j.Ollama;
import io.github.ollama4j.exceptions.OllamaException;
import io.github.ollama4j.models.chat.OllamaChatMessageRole;
import io.github.ollama4j.models.chat.OllamaChatRequest;
import io.github.ollama4j.models.chat.OllamaChatResponseModel;
import io.github.ollama4j.models.ps.ModelProcessesResult;
import io.github.ollama4j.models.response.Model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The local Ollama server, through Ollama4j: status (version, {@code /api/tags}, {@code /api/ps}) and streamed
 * chat with a JSON-schema {@code format}. Ollama4j 1.1.6 pulls without reporting progress, so {@link #pull}
 * reads {@code /api/pull}'s NDJSON stream itself, on the same host.
 *
 * <p>Ollama4j blocks its thread until the answer ends and has no stall timeout, so each chat runs on its own
 * thread and hands every piece to the caller through a queue: the caller sees tokens as they arrive, and a
 * stream that stalls (a model swapping to the CPU) or a cancel interrupts the call instead of hanging the run.
 */
public final class OllamaLlmClient implements LlmClient {
    public static final String HOST_ENV = "OLLAMA_HOST";
    public static final String DEFAULT_HOST = OllamaAddress.DEFAULT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTEXT_TOKENS = 8192;

    private final String host;
    private final Duration statusTimeout;
    private final Duration firstTokenTimeout;
    private final Duration stallTimeout;

    /**
     * @param firstTokenTimeout how long the first piece may take (loading a model into VRAM takes a while)
     * @param stallTimeout      how long the stream may pause between pieces before the call is given up
     */
    public OllamaLlmClient(String host, Duration statusTimeout, Duration firstTokenTimeout, Duration stallTimeout) {
        this.host = normalizeHost(host);
        this.statusTimeout = statusTimeout;
        this.firstTokenTimeout = firstTokenTimeout;
        this.stallTimeout = stallTimeout;
    }

    /** {@code OLLAMA_HOST} or the default, with the console's timeouts. */
    public static OllamaLlmClient fromEnvironment(Map<String, String> env) {
        return new OllamaLlmClient(env.getOrDefault(HOST_ENV, DEFAULT_HOST), Duration.ofSeconds(3),
                Duration.ofSeconds(180), Duration.ofSeconds(60));
    }

    /**
     * Ollama's own reading of {@code OLLAMA_HOST}: {@code host}, {@code host:port} or a URL; the scheme defaults
     * to http and the port to 11434; {@code 0.0.0.0} (a bind address) means this machine.
     */
    public static String normalizeHost(String value) {
        return OllamaAddress.normalize(value);
    }

    public String host() {
        return host;
    }

    @Override
    public String provider() {
        return "ollama";
    }

    private Ollama api(Duration timeout) {
        Ollama api = new Ollama(host);
        api.setRequestTimeoutSeconds(Math.max(1, timeout.toSeconds()));
        return api;
    }

    /** Reachability, version, installed and loaded models; never throws. */
    public OllamaStatus status() {
        Ollama api = api(statusTimeout);
        String version;
        try {
            version = api.getVersion();
        } catch (OllamaException | RuntimeException e) {
            return OllamaStatus.unreachable(host, unreachableAdvice(e));
        }
        try {
            List<OllamaStatus.InstalledModel> installed = new ArrayList<>();
            for (Model m : api.listModels()) {
                installed.add(new OllamaStatus.InstalledModel(m.getName(), m.getSize()));
            }
            List<OllamaStatus.LoadedModel> loaded = new ArrayList<>();
            ModelProcessesResult ps = api.ps();
            if (ps != null && ps.getModels() != null) {
                for (ModelProcessesResult.ModelProcess p : ps.getModels()) {
                    loaded.add(new OllamaStatus.LoadedModel(p.getName(), p.getSize(), p.getSizeVram()));
                }
            }
            return new OllamaStatus(host, true, version, installed, loaded, null);
        } catch (OllamaException | RuntimeException e) {
            return new OllamaStatus(host, true, version, List.of(), List.of(),
                    "Ollama " + version + " at " + host + " answered, but listing its models failed: "
                            + rootMessage(e));
        }
    }

    private String unreachableAdvice(Exception e) {
        return "Ollama is not reachable at " + host + " (" + rootMessage(e) + "). Start it with 'ollama serve',"
                + " or set OLLAMA_HOST to where it runs. Runs go on with pattern triage only.";
    }

    /**
     * Downloads {@code model}, reporting each progress line; returns when Ollama says "success".
     *
     * @throws LlmException on an error line, a cut stream, an unreachable server or a cancel
     */
    public void pull(String model, Consumer<PullProgress> progress, Cancellation cancel) throws LlmException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(statusTimeout).build();
        String body = JSON.createObjectNode().put("model", model).put("stream", true).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(host + "/api/pull"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new LlmException(unreachableAdvice(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("Pull of " + model + " interrupted", false, e);
        }
        InputStream stream = response.body();
        cancel.onCancel(() -> closeQuietly(stream));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new LlmException("Ollama refused to pull " + model + ": HTTP " + response.statusCode() + " "
                        + errorText(lines), false, null);
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (cancel.isCancelled()) {
                    break;
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (node.hasNonNull("error")) {
                    throw new LlmException("Ollama could not pull " + model + ": " + node.get("error").asText()
                            + ". Check the name on ollama.com/library.", false, null);
                }
                PullProgress p = new PullProgress(node.path("status").asText(), node.path("completed").asLong(),
                        node.path("total").asLong());
                progress.accept(p);
                if ("success".equals(p.status())) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!cancel.isCancelled()) {
                throw new LlmException("The pull of " + model + " was cut off: " + rootMessage(e)
                        + ". Try again; Ollama resumes where it stopped.", false, e);
            }
        }
        if (cancel.isCancelled()) {
            throw new LlmException("Pull of " + model + " cancelled; Ollama keeps the layers already downloaded.",
                    false, null);
        }
        throw new LlmException("The pull of " + model + " ended before Ollama said success. Try again.", false,
                null);
    }

    @Override
    public LlmAnswer complete(LlmRequest request, Consumer<String> onToken, Cancellation cancel)
            throws LlmException {
        OllamaChatRequest chat = OllamaChatRequest.builder().withModel(request.model())
                .withMessage(OllamaChatMessageRole.SYSTEM, request.system())
                .withMessage(OllamaChatMessageRole.USER, request.user())
                .build();
        if (request.schema() != null) {
            chat.setFormat(request.schema());
        }
        chat.setOptions(Map.of("temperature", 0.1, "num_ctx", CONTEXT_TOKENS));

        StreamWait pieces = new StreamWait(firstTokenTimeout, stallTimeout);
        Object end = new Object();
        long started = System.nanoTime();
        Thread caller = new Thread(() -> {
            try {
                api(firstTokenTimeout).chat(chat, pieces::add);
                pieces.add(end);
            } catch (OllamaException | RuntimeException e) {
                pieces.add(e);
            }
        }, "healdesk-ollama-chat");
        caller.setDaemon(true);
        caller.start();
        cancel.onCancel(caller::interrupt);

        StringBuilder text = new StringBuilder();
        OllamaChatResponseModel last = null;
        try {
            while (true) {
                Object piece = pieces.next(cancel, (seconds, answering) -> "Ollama at " + host + " sent nothing for "
                        + seconds + " s (" + request.model() + (answering ? " stalled" : " may still be loading, or"
                        + " does not fit the GPU and runs on the CPU") + "). Choose a smaller model or try again.");
                if (piece == end) {
                    break;
                }
                if (piece instanceof Exception e) {
                    throw failure(request.model(), e);
                }
                OllamaChatResponseModel model = (OllamaChatResponseModel) piece;
                pieces.answering();
                if (model.getError() != null) {
                    throw new LlmException("Ollama failed while answering: " + model.getError(), false, null);
                }
                String content = model.getMessage() == null ? null : model.getMessage().getResponse();
                if (content != null && !content.isEmpty()) {
                    text.append(content);
                    onToken.accept(content);
                }
                if (model.isDone()) {
                    last = model;
                }
            }
        } catch (LlmException e) {
            caller.interrupt();   // a silent, cancelled or failed stream: Ollama4j would wait on it for ever
            throw e;
        } catch (InterruptedException e) {
            caller.interrupt();
            Thread.currentThread().interrupt();
            throw new LlmException("Diagnosis interrupted", false, e);
        }
        if (last == null) {
            throw new LlmException("Ollama at " + host + " closed the stream before the answer ended ("
                    + text.length() + " characters received). Check the Ollama log; try again.", false, null);
        }
        long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new LlmAnswer(text.toString(), provider(), request.model(),
                last.getPromptEvalCount() == null ? 0 : last.getPromptEvalCount(),
                last.getEvalCount() == null ? 0 : last.getEvalCount(), latency);
    }

    private LlmException failure(String model, Exception e) {
        String message = rootMessage(e);
        String lower = message.toLowerCase(Locale.ROOT);
        if (hasCause(e, ConnectException.class) || lower.contains("connection refused")) {
            return new LlmException(unreachableAdvice(e), true, e);
        }
        if (lower.contains("not found") && lower.contains("pull")) {
            return new LlmException("Model " + model + " is not installed in Ollama at " + host + ". Pull it ('ollama"
                    + " pull " + model + "' or the Hardware screen), or choose an installed model.", true, e);
        }
        return new LlmException("Ollama at " + host + " failed to answer with " + model + ": " + message, false, e);
    }

    private static String errorText(BufferedReader lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l = lines.readLine(); l != null && b.length() < 500; l = lines.readLine()) {
            b.append(l);
        }
        try {
            JsonNode node = JSON.readTree(b.toString());
            return node.path("error").asText(b.toString());
        } catch (IOException e) {
            return b.toString();
        }
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message worth showing: Ollama4j wraps the HTTP client's exceptions, sometimes twice. */
    /**
     * The deepest message in {@code t}'s causes, for an operator: when none of them has one, what kind of failure it was
     * in words ("connection refused", "no answer in time"), never an exception's class name.
     */
    static String rootMessage(Throwable t) {
        String message = null;
        boolean refused = false;
        boolean timedOut = false;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
            refused |= c instanceof java.net.ConnectException;
            timedOut |= c instanceof java.net.http.HttpTimeoutException || c instanceof java.net.SocketTimeoutException;
        }
        if (message != null) {
            return message;
        }
        return refused ? "connection refused" : timedOut ? "no answer in time" : "no answer";
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // cancelling: nothing to keep
        }
    }
}
