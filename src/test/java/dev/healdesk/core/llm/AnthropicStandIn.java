package dev.healdesk.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A protocol-faithful stand-in for Anthropic's Messages API on loopback, for tests of the real client (the real
 * API cannot be reached from here, and must not be from tests). Raw sockets, so that it can stream server-sent
 * events in HTTP/1.1 chunks as Anthropic does (with events split across chunks), check the key and version
 * headers, answer with Anthropic's error bodies, send an {@code error} event mid-stream, stall with pings, and
 * end or drop a stream before {@code message_stop}. Every request is recorded (method, path, headers, body).
 * One request per connection ({@code Connection: close}), so a client never reuses a socket the stand-in closed.
 */
public final class AnthropicStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOLVED_MODEL = "claude-3-5-haiku-20241022";

    /** One request as received; header names in lower case. */
    public record Request(String method, String path, Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    /** How /v1/messages answers once the headers and body pass Anthropic's checks. */
    public enum Mode {
        NORMAL,
        /** An {@code event: error} (overloaded) after half the text, as Anthropic sends under load. */
        ERROR_EVENT,
        /** The chunked response ends cleanly after all the text and message_delta, but without message_stop. */
        END_WITHOUT_STOP,
        /** The socket is closed after half the text, without the terminating chunk. */
        DROP_MID_STREAM,
        /** After half the text only pings come, for a minute. */
        STALL_MID_STREAM,
        /** An HTTP error with Anthropic's JSON error body (see {@link #error}). */
        HTTP_ERROR
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "anthropic-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final String key;
    private volatile Set<String> models = Set.of("claude-3-5-haiku-latest", RESOLVED_MODEL);
    private volatile List<String> tokens = List.of("{\"rootCause\":\"x\"}");
    private volatile Mode mode = Mode.NORMAL;
    private volatile int errorStatus = 529;
    private volatile String errorType = "overloaded_error";
    private volatile String errorMessage = "Overloaded";
    private volatile int inputTokens = 472;
    private volatile long headerDelayMs;

    private AnthropicStandIn(String key) throws IOException {
        this.key = key;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::accept);
    }

    /** A stand-in that accepts only {@code key} as {@code x-api-key}. */
    public static AnthropicStandIn start(String key) {
        try {
            return new AnthropicStandIn(key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The model names this key may use; others get Anthropic's 404. */
    public AnthropicStandIn models(String... names) {
        models = Set.of(names);
        return this;
    }

    /** The text deltas of the next answers, in order. */
    public AnthropicStandIn answer(List<String> deltas) {
        tokens = List.copyOf(deltas);
        return this;
    }

    public AnthropicStandIn inputTokens(int n) {
        inputTokens = n;
        return this;
    }

    public AnthropicStandIn mode(Mode m) {
        mode = m;
        return this;
    }

    /** Answers every request with this HTTP status and Anthropic's error body. */
    public AnthropicStandIn error(int status, String type, String message) {
        mode = Mode.HTTP_ERROR;
        errorStatus = status;
        errorType = type;
        errorMessage = message;
        return this;
    }

    /** Waits this long before sending the response headers. */
    public AnthropicStandIn headerDelay(long ms) {
        headerDelayMs = ms;
        return this;
    }

    public List<Request> requests() {
        return Collections.unmodifiableList(new ArrayList<>(requests));
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
            Request request = new Request(incoming.method(), incoming.path(), incoming.headers(), incoming.body());
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
        if (!r.path().equals("/v1/messages")) {
            error(out, 404, "not_found_error", "Not Found");
            return;
        }
        if (!r.method().equals("POST")) {
            error(out, 405, "invalid_request_error", "Method Not Allowed");
            return;
        }
        if (headerDelayMs > 0) {
            Thread.sleep(headerDelayMs);
        }
        // Anthropic's own order of checks: the key, then the version header, then the body.
        String sentKey = r.headers().get("x-api-key");
        if (sentKey == null || !sentKey.equals(key)) {
            error(out, 401, "authentication_error", "invalid x-api-key");
            return;
        }
        if (!r.headers().containsKey("anthropic-version")) {
            error(out, 400, "invalid_request_error", "anthropic-version: header is required");
            return;
        }
        JsonNode body;
        try {
            body = r.json();
        } catch (IllegalStateException e) {
            error(out, 400, "invalid_request_error", "There was an issue with the format of your request");
            return;
        }
        if (!body.path("max_tokens").isInt()) {
            error(out, 400, "invalid_request_error", "max_tokens: Field required");
            return;
        }
        if (mode == Mode.HTTP_ERROR) {
            error(out, errorStatus, errorType, errorMessage);
            return;
        }
        String model = body.path("model").asText();
        if (!models.contains(model)) {
            error(out, 404, "not_found_error", "model: " + model);
            return;
        }
        stream(out, model);
    }

    private void stream(OutputStream out, String model) throws IOException, InterruptedException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
                + "Cache-Control: no-cache\r\nrequest-id: req_011CStandIn\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        List<String> deltas = tokens;
        ObjectNode message = JSON.createObjectNode().put("id", "msg_01StandIn").put("type", "message")
                .put("role", "assistant").put("model", model.endsWith("-latest") ? RESOLVED_MODEL : model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", 1);
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        start.set("message", message);
        event(out, "message_start", start);
        ObjectNode blockStart = JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        event(out, "content_block_start", blockStart);
        event(out, "ping", JSON.createObjectNode().put("type", "ping"));
        for (int i = 0; i < deltas.size(); i++) {
            if (i == deltas.size() / 2) {
                switch (mode) {
                    case ERROR_EVENT -> {
                        ObjectNode error = JSON.createObjectNode().put("type", "error");
                        error.putObject("error").put("type", "overloaded_error").put("message", "Overloaded");
                        event(out, "error", error);
                        RawHttp.endStream(out);
                        return;
                    }
                    case DROP_MID_STREAM -> {
                        Thread.sleep(200);   // lets the client read what came so far, as on a real network
                        return;              // socket closed without the terminating chunk
                    }
                    case STALL_MID_STREAM -> {
                        for (int p = 0; p < 300; p++) {
                            Thread.sleep(200);
                            event(out, "ping", JSON.createObjectNode().put("type", "ping"));
                        }
                    }
                    default -> {
                    }
                }
            }
            ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            delta.putObject("delta").put("type", "text_delta").put("text", deltas.get(i));
            event(out, "content_block_delta", delta);
        }
        event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", 0));
        ObjectNode messageDelta = JSON.createObjectNode().put("type", "message_delta");
        messageDelta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        messageDelta.putObject("usage").put("output_tokens", deltas.size());
        event(out, "message_delta", messageDelta);
        if (mode != Mode.END_WITHOUT_STOP) {
            event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
        }
        RawHttp.endStream(out);
    }

    /**
     * One server-sent event. Text deltas go out in two chunks, split inside the data line, because HTTP chunks
     * and SSE events need not line up and a client must not assume they do.
     */
    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        byte[] bytes = ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        if (name.equals("content_block_delta")) {
            int half = bytes.length / 2;
            RawHttp.chunk(out, bytes, 0, half);
            RawHttp.chunk(out, bytes, half, bytes.length - half);
        } else {
            RawHttp.chunk(out, bytes, 0, bytes.length);
        }
    }

    /** Anthropic's error response: {@code {"type":"error","error":{"type":…,"message":…}}} with a request id. */
    private static void error(OutputStream out, int status, String type, String message) throws IOException {
        ObjectNode root = JSON.createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        root.put("request_id", "req_011CStandInError");
        byte[] bytes = root.toString().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + RawHttp.reason(status) + "\r\nContent-Type: application/json\r\n"
                + "request-id: req_011CStandInError\r\n" + (status == 429 ? "retry-after: 17\r\n" : "")
                + "x-should-retry: " + (status == 429 || status >= 500) + "\r\n"
                + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
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
