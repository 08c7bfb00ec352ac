package dev.healdesk.core.llm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bytes of HTTP/1.1 that the protocol stand-ins (Ollama's, and Anthropic's in the tests) read and write by
 * hand: request lines and headers, chunked bodies, and chunks sent one by one so that a stream can be slowed,
 * split or cut exactly where a test wants.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** One CRLF- (or LF-) terminated line, without its terminator; null at the end of the stream. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    /** One request as a stand-in reads it: header names in lower case, the body whole. */
    record Incoming(String method, String path, Map<String, String> headers, String body) {
    }

    /** Reads one request (line, headers, a Content-Length or chunked body); null when the client sent none. */
    static Incoming readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = chunked ? readChunked(in) : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        return new Incoming(parts[0], parts[1], Map.copyOf(headers), body);
    }

    /** A whole chunked request body. */
    static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = readLine(in); size != null; size = readLine(in)) {
            int n = Integer.parseInt(size.trim(), 16);
            if (n == 0) {
                readLine(in);
                break;
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** One chunk of a chunked response, flushed at once. */
    static void chunk(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The last chunk: the response ended properly. */
    static void endStream(OutputStream out) throws IOException {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            case 529 -> "Overloaded";
            default -> "Status";
        };
    }
}
