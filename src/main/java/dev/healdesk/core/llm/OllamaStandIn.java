package dev.healdesk.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A protocol-faithful stand-in for an Ollama server on loopback: what the tests, {@code healdesk bench} and the
 * console's demo mode drive the real Ollama4j client against where no Ollama runs (it never answers for a real
 * model: it streams the answer it is given). Raw sockets, so that it can stream NDJSON in HTTP/1.1 chunks exactly as
 * Ollama does, answer slowly, fail with Ollama's error bodies, and drop a connection in the middle of a stream.
 * Every request is recorded (method, path, body) so tests can assert what was sent.
 */
public final class OllamaStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED_AT = "2024-06-01T12:00:00.000000Z";

    /** One request as received. */
    public record Request(String method, String path, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** How /api/chat and /api/generate answer. */
    public enum Mode { NORMAL, ERROR, DROP_MID_STREAM, STALL_MID_STREAM }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ollama-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Map<String, Long> installed = new ConcurrentHashMap<>();
    private final Map<String, long[]> loaded = new ConcurrentHashMap<>();
    private volatile String version = "0.5.7";
    private volatile List<String> tokens = List.of("{\"rootCause\":\"x\"}");
    private final Map<String, List<String>> tokensWhen = new ConcurrentHashMap<>();
    private volatile long tokenDelayMs;
    private volatile long headerDelayMs;
    private volatile Mode mode = Mode.NORMAL;
    private volatile int errorStatus = 500;
    private volatile String errorMessage = "llama runner process has terminated: exit status 2";
    private volatile int promptEvalCount = 412;
    private volatile List<Long> tokenSentNanos = new CopyOnWriteArrayList<>();

    private OllamaStandIn() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    public static OllamaStandIn start() {
        try {
            return new OllamaStandIn();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String host() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public OllamaStandIn version(String v) {
        version = v;
        return this;
    }

    /** Installs {@code name} (with Ollama's :latest rule) with a download size in bytes. */
    public OllamaStandIn install(String name, long sizeBytes) {
        installed.put(ModelCatalog.canonical(name), sizeBytes);
        return this;
    }

    /**
     * Holds {@code name} in memory as Ollama's {@code /api/ps} reports it: {@code sizeBytes} in all, of which
     * {@code sizeVramBytes} in GPU memory (less means part of it runs on the CPU), at Healdesk's 8,192-token context.
     */
    public OllamaStandIn load(String name, long sizeBytes, long sizeVramBytes) {
        loaded.put(ModelCatalog.canonical(name), new long[] {sizeBytes, sizeVramBytes});
        return this;
    }

    /** Unloads {@code name} (what {@code keep_alive: 0} or {@code ollama stop} does). */
    public OllamaStandIn unload(String name) {
        loaded.remove(ModelCatalog.canonical(name));
        return this;
    }

    /** The chunks the next chats stream, one NDJSON line each. */
    public OllamaStandIn answer(List<String> chunks) {
        tokens = List.copyOf(chunks);
        return this;
    }

    /**
     * The chunks a chat streams instead when its request contains {@code needle} (the demo answers each failure
     * group in its own words); other chats stream {@link #answer}'s.
     */
    public OllamaStandIn answerWhen(String needle, List<String> chunks) {
        tokensWhen.put(needle, List.copyOf(chunks));
        return this;
    }

    public OllamaStandIn tokenDelay(long ms) {
        tokenDelayMs = ms;
        return this;
    }

    /** Waits this long before sending the response headers (a model being loaded). */
    public OllamaStandIn headerDelay(long ms) {
        headerDelayMs = ms;
        return this;
    }

    public OllamaStandIn mode(Mode m) {
        mode = m;
        return this;
    }

    public OllamaStandIn error(int status, String message) {
        mode = Mode.ERROR;
        errorStatus = status;
        errorMessage = message;
        return this;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** System.nanoTime() just after each streamed content chunk was flushed to the socket. */
    public List<Long> tokenSentNanos() {
        return List.copyOf(tokenSentNanos);
    }

    public void resetTimings() {
        tokenSentNanos = new CopyOnWriteArrayList<>();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            RawHttp.Incoming incoming = RawHttp.readRequest(in);
            if (incoming == null) {
                return;
            }
            Request request = new Request(incoming.method(), incoming.path(), incoming.body());
            requests.add(request);
            route(request, out);
        } catch (SocketException e) {
            // the client went away, or the test closed the stand-in
        } catch (IOException | InterruptedException e) {
            // a dropped connection is part of the script
        } finally {
            open.remove(socket);
        }
    }

    private void route(Request r, OutputStream out) throws IOException, InterruptedException {
        switch (r.path()) {
            case "/api/version" -> json(out, 200, JSON.createObjectNode().put("version", version));
            case "/api/tags" -> json(out, 200, tags());
            case "/api/ps" -> json(out, 200, ps());
            case "/api/pull" -> pull(r, out);
            case "/api/chat", "/api/generate" -> complete(r, out);
            default -> json(out, 404, JSON.createObjectNode().put("error", "404 page not found"));
        }
    }

    private ObjectNode tags() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode models = root.putArray("models");
        installed.forEach((name, size) -> models.add(model(name, size).put("modified_at", CREATED_AT)));
        return root;
    }

    /**
     * {@code GET /api/ps} as Ollama answers it (docs.ollama.com/api/ps): per model its name, model, size (bytes in
     * all), digest, details, expires_at, size_vram (bytes of it in GPU memory) and context_length; no
     * {@code modified_at}, which only {@code /api/tags} has.
     */
    private ObjectNode ps() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode models = root.putArray("models");
        loaded.forEach((name, sizes) -> models.add(model(name, sizes[0])
                .put("expires_at", "2024-06-01T12:05:00.000000Z").put("size_vram", sizes[1])
                .put("context_length", 8192)));
        return root;
    }

    private static ObjectNode model(String name, long size) {
        ObjectNode m = JSON.createObjectNode().put("name", name).put("model", name).put("size", size)
                .put("digest", "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72");
        ObjectNode d = m.putObject("details");
        d.put("parent_model", "").put("format", "gguf").put("family", "llama");
        d.putArray("families").add("llama");
        d.put("parameter_size", "3.2B").put("quantization_level", "Q4_K_M");
        return m;
    }

    private void pull(Request r, OutputStream out) throws IOException, InterruptedException {
        JsonNode body = r.json();
        String name = body.path("model").asText(body.path("name").asText());
        startStream(out, 200);
        chunk(out, JSON.createObjectNode().put("status", "pulling manifest").toString());
        if (name.contains("does-not-exist")) {
            chunk(out, JSON.createObjectNode().put("error", "pull model manifest: file does not exist").toString());
            RawHttp.endStream(out);
            return;
        }
        long total = 2_019_393_189L;
        String digest = "sha256:dde5aa3fc5ffc17176b5e8bdc82f587b24b2678c6c66101bf7da77af9f7ccdff";
        for (int i = 0; i <= 10; i++) {
            if (mode == Mode.DROP_MID_STREAM && i == 5) {
                return;
            }
            chunk(out, JSON.createObjectNode().put("status", "pulling dde5aa3fc5ff").put("digest", digest)
                    .put("total", total).put("completed", total * i / 10).toString());
            if (tokenDelayMs > 0) {
                Thread.sleep(tokenDelayMs);
            }
        }
        chunk(out, JSON.createObjectNode().put("status", "verifying sha256 digest").toString());
        chunk(out, JSON.createObjectNode().put("status", "writing manifest").toString());
        chunk(out, JSON.createObjectNode().put("status", "success").toString());
        installed.put(ModelCatalog.canonical(name), total);
        RawHttp.endStream(out);
    }

    private void complete(Request r, OutputStream out) throws IOException, InterruptedException {
        JsonNode body = r.json();
        String model = body.path("model").asText();
        boolean chat = r.path().equals("/api/chat");
        if (headerDelayMs > 0) {
            Thread.sleep(headerDelayMs);
        }
        if (mode == Mode.ERROR) {
            json(out, errorStatus, JSON.createObjectNode().put("error", errorMessage));
            return;
        }
        if (!installed.containsKey(ModelCatalog.canonical(model))) {
            json(out, 404, JSON.createObjectNode().put("error", "model \"" + model + "\" not found, try pulling it first"));
            return;
        }
        boolean stream = body.path("stream").asBoolean(true);
        List<String> chunks = tokensWhen.entrySet().stream().filter(e -> r.body().contains(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(tokens);
        if (!stream) {
            json(out, 200, piece(model, chat, String.join("", chunks), true, chunks.size()));
            return;
        }
        startStream(out, 200);
        for (int i = 0; i < chunks.size(); i++) {
            if (i == chunks.size() / 2 && mode == Mode.DROP_MID_STREAM) {
                return;   // socket closed without the last chunk: the client sees the stream end early
            }
            if (i == chunks.size() / 2 && mode == Mode.STALL_MID_STREAM) {
                Thread.sleep(60_000);
            }
            chunk(out, piece(model, chat, chunks.get(i), false, 0).toString());
            tokenSentNanos.add(System.nanoTime());
            if (tokenDelayMs > 0) {
                Thread.sleep(tokenDelayMs);
            }
        }
        chunk(out, piece(model, chat, "", true, chunks.size()).toString());
        RawHttp.endStream(out);
    }

    private ObjectNode piece(String model, boolean chat, String content, boolean done, int evalCount) {
        ObjectNode p = JSON.createObjectNode().put("model", model).put("created_at", CREATED_AT);
        if (chat) {
            p.putObject("message").put("role", "assistant").put("content", content);
        } else {
            p.put("response", content);
        }
        p.put("done", done);
        if (done) {
            p.put("done_reason", "stop").put("total_duration", 5_043_500_667L).put("load_duration", 5_025_959L)
                    .put("prompt_eval_count", promptEvalCount).put("prompt_eval_duration", 325_953_000L)
                    .put("eval_count", evalCount).put("eval_duration", 4_709_213_000L);
        }
        return p;
    }

    private static void json(OutputStream out, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + RawHttp.reason(status) + "\r\nContent-Type: application/json; charset=utf-8\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    private static void startStream(OutputStream out, int status) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + RawHttp.reason(status) + "\r\nContent-Type: application/x-ndjson\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void chunk(OutputStream out, String line) throws IOException {
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        RawHttp.chunk(out, bytes, 0, bytes.length);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        });
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
