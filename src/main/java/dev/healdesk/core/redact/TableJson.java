package dev.healdesk.core.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads this package's tables ({@link RuleTable}'s, {@link NationalIds}'s) into the tree {@code ObjectMapper.readTree}
 * builds (the test holds them equal), with a reader of JSON's grammar and no Jackson parser: in a short process
 * ({@code healdesk report}) Jackson's {@code JsonFactory} and streaming parser, linked, initialised and run in the
 * interpreter, took ~43 ms of the redactor's ~90 to read token-rules.json's 52 KB into the tree, this reader ~23, the
 * tree's nodes included (docs/benchmarks, CLI start, thirteenth pass). Strict: what Jackson's parser refuses (a
 * trailing comma, a leading zero, a control character or an unknown escape in a string, a comment) is refused here,
 * naming the line, and so is anything after the value. Bytes that are not UTF-8 read as U+FFFD.
 */
final class TableJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * The text's UTF-8 bytes: JSON's structure is ASCII, and a string's bytes are decoded once it is found. Read by
     * index, not {@code String.charAt}: a reader runs once a process, in the interpreter, where each call costs.
     */
    private final byte[] s;
    private int at;

    private TableJson(byte[] s) {
        this.s = s;
    }

    /** The tree of {@code json}, one value with only blanks around it. */
    static JsonNode read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The tree of the UTF-8 text {@code json}, one value with only blanks around it. */
    static JsonNode read(byte[] json) throws IOException {
        TableJson r = new TableJson(json);
        JsonNode root = r.value(r.next());
        if (r.skipBlanks() < json.length) {
            throw r.error("more after the value");
        }
        return root;
    }

    private JsonNode value(char c) throws IOException {
        switch (c) {
            case '{' -> {
                ObjectNode o = NODES.objectNode();
                char d = next();
                if (d == '}') {
                    return o;
                }
                while (true) {
                    if (d != '"') {
                        throw error("a field name expected");
                    }
                    String name = string();
                    if (next() != ':') {
                        throw error("':' expected");
                    }
                    o.set(name, value(next()));
                    d = next();
                    if (d == '}') {
                        return o;
                    }
                    if (d != ',') {
                        throw error("',' or '}' expected");
                    }
                    d = next();
                }
            }
            case '[' -> {
                ArrayNode a = NODES.arrayNode();
                char d = next();
                if (d == ']') {
                    return a;
                }
                while (true) {
                    a.add(value(d));
                    d = next();
                    if (d == ']') {
                        return a;
                    }
                    if (d != ',') {
                        throw error("',' or ']' expected");
                    }
                    d = next();
                }
            }
            case '"' -> {
                return NODES.textNode(string());
            }
            case 't' -> {
                word("true");
                return NODES.booleanNode(true);
            }
            case 'f' -> {
                word("false");
                return NODES.booleanNode(false);
            }
            case 'n' -> {
                word("null");
                return NODES.nullNode();
            }
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error(c == 0 && at > s.length ? "the text ends where a value was expected"
                        : "unexpected '" + c + "'");
            }
        }
    }

    /** The next character after blanks, consumed; 0 at the end. */
    private char next() {
        byte[] b = s;
        int i = at;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        at = i + 1;
        return i < b.length ? (char) (b[i] & 0xff) : 0;
    }

    private int skipBlanks() {
        byte[] b = s;
        int i = at;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        at = i;
        return i;
    }

    /** The string whose opening quote was just read. */
    private String string() throws IOException {
        byte[] b = s;
        int start = at;
        int i = start;
        while (i < b.length && b[i] != '"' && b[i] != '\\' && (b[i] < 0 || b[i] >= 0x20)) {
            i++;
        }
        if (i < b.length && b[i] == '"') {
            at = i + 1;
            return new String(b, start, i - start, StandardCharsets.UTF_8);
        }
        // an escape (or an error): the plain run so far, then the rest piece by piece
        StringBuilder out = new StringBuilder().append(new String(b, start, i - start, StandardCharsets.UTF_8));
        while (true) {
            at = i;
            if (i >= b.length) {
                throw error("the text ends inside a string");
            }
            byte c = b[i];
            if (c == '"') {
                at = i + 1;
                return out.toString();
            }
            if (c >= 0 && c < 0x20) {
                throw error("a control character inside a string");
            }
            if (c != '\\') {
                int run = i;
                while (i < b.length && b[i] != '"' && b[i] != '\\' && (b[i] < 0 || b[i] >= 0x20)) {
                    i++;
                }
                out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
                continue;
            }
            if (i + 1 >= b.length) {
                throw error("the text ends inside a string");
            }
            char e = (char) (b[i + 1] & 0xff);
            i += 2;
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = i < b.length ? Character.digit((char) (b[i] & 0xff), 16) : -1;
                        if (d < 0) {
                            at = i;
                            throw error("a \\u escape needs four hex digits");
                        }
                        v = v * 16 + d;
                        i++;
                    }
                    out.append((char) v);
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private void word(String w) throws IOException {
        for (int k = 1; k < w.length(); k++) {
            if (at >= s.length || s[at] != w.charAt(k)) {
                throw error("unexpected '" + w.charAt(0) + "'");
            }
            at++;
        }
    }

    /** The number whose first character was just read: JSON's grammar, typed as Jackson's parser types it. */
    private JsonNode number() throws IOException {
        byte[] b = s;
        int start = at - 1;
        int i = b[start] == '-' ? start + 1 : start;
        int digits = i;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == digits || i - digits > 1 && b[digits] == '0') {
            at = i;
            throw error("a malformed number");
        }
        boolean fraction = false;
        if (i < b.length && b[i] == '.') {
            fraction = true;
            int f = ++i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == f) {
                at = i;
                throw error("a malformed number");
            }
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            fraction = true;
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int f = i;
            while (i < b.length && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == f) {
                at = i;
                throw error("a malformed number");
            }
        }
        at = i;
        String text = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        if (fraction) {
            return NODES.numberNode(Double.parseDouble(text));
        }
        BigInteger big = text.length() < 19 ? null : new BigInteger(text);
        if (big == null || big.bitLength() < 64) {
            long v = big == null ? Long.parseLong(text) : big.longValue();
            return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
        }
        return NODES.numberNode(big);
    }

    private IOException error(String what) {
        int line = 1;
        for (int i = 0; i < Math.min(at, s.length); i++) {
            if (s[i] == '\n') {
                line++;
            }
        }
        return new IOException(what + " at line " + line);
    }
}
