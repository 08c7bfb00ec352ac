package dev.healdesk.core.suite.probes;

import dev.healdesk.core.suite.ProbeCheck;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The checks that need neither an HTTP client nor a browser: a TCP port, PostgreSQL and Redis. Their failures carry
 * the text the JDK, the PostgreSQL driver or Redis produced ("Connection refused", "FATAL: password authentication
 * failed ...", "NOAUTH ...").
 */
final class ServiceProbes {

    private ServiceProbes() {
    }

    static ProbeCheck tcp(CheckSpec.Tcp spec) {
        return ctx -> {
            int timeout = spec.timeoutMs() != null ? spec.timeoutMs() : (int) ctx.timeoutMs();
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(spec.host(), spec.port()), timeout);
            } catch (IOException e) {
                throw new AssertionError("Expected " + spec.host() + ":" + spec.port() + " to accept a TCP connection"
                        + " but: " + reason(e), e);
            }
        };
    }

    static ProbeCheck postgres(CheckSpec.Postgres spec, Variables vars) {
        return ctx -> {
            int port = spec.port() == null ? 5432 : spec.port();
            String where = "PostgreSQL at " + spec.host() + ":" + port + "/" + spec.database();
            Properties props = new Properties();
            props.setProperty("user", spec.user());
            if (spec.passwordEnv() != null) {
                props.setProperty("password", vars.value(spec.passwordEnv(), ctx.credentials()));
            }
            int seconds = (int) Math.max(1, Math.ceil(ctx.timeoutMs() / 1000.0));
            props.setProperty("connectTimeout", String.valueOf(seconds));
            props.setProperty("loginTimeout", String.valueOf(seconds));
            props.setProperty("socketTimeout", String.valueOf(seconds));
            props.setProperty("ApplicationName", "healdesk-probe");
            String url = "jdbc:postgresql://" + spec.host() + ":" + port + "/" + spec.database();
            try (Connection c = DriverManager.getConnection(url, props); Statement sql = c.createStatement()) {
                try (ResultSet one = sql.executeQuery("SELECT 1")) {
                    one.next();
                }
                if (spec.maxPoolUsePercent() != null) {
                    // Without pg_read_all_stats, other roles' sessions show no backend_type; those in a database
                    // are counted as clients.
                    try (ResultSet r = sql.executeQuery("SELECT (SELECT count(*) FROM pg_stat_activity"
                            + " WHERE backend_type = 'client backend' OR (backend_type IS NULL AND datid IS NOT NULL)),"
                            + " current_setting('max_connections')::int")) {
                        r.next();
                        long used = r.getLong(1);
                        long max = r.getLong(2);
                        long percent = Math.round(100.0 * used / max);
                        if (percent > spec.maxPoolUsePercent()) {
                            throw new AssertionError(where + " has " + used + " client connections of"
                                    + " max_connections " + max + " in use (" + percent + "%), over the budget of "
                                    + spec.maxPoolUsePercent() + "%");
                        }
                    }
                }
            } catch (SQLException e) {
                throw new AssertionError("Could not use " + where + " as " + spec.user() + ": " + e.getMessage()
                        + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), e);
            }
        };
    }

    static ProbeCheck redis(CheckSpec.Redis spec, Variables vars) {
        return ctx -> {
            int port = spec.port() == null ? 6379 : spec.port();
            String where = "Redis at " + spec.host() + ":" + port;
            int timeout = (int) ctx.timeoutMs();
            try (Socket socket = new Socket()) {
                try {
                    socket.connect(new InetSocketAddress(spec.host(), port), timeout);
                } catch (IOException e) {
                    throw new AssertionError("Could not connect to " + where + ": " + reason(e), e);
                }
                socket.setSoTimeout(timeout);
                Resp resp = new Resp(socket);
                if (spec.passwordEnv() != null) {
                    String answer = resp.call("AUTH", vars.value(spec.passwordEnv(), ctx.credentials()));
                    if (!"OK".equals(answer)) {
                        throw new AssertionError(where + " refused AUTH: " + answer);
                    }
                }
                String pong = resp.call("PING");
                if (!"PONG".equals(pong)) {
                    throw new AssertionError("Expected " + where + " to answer PING with PONG but it answered " + pong);
                }
                if (spec.maxClients() != null) {
                    long clients = info(resp, "clients", "connected_clients", where);
                    if (clients > spec.maxClients()) {
                        throw new AssertionError(where + " has " + clients + " connected clients, over the budget of "
                                + spec.maxClients());
                    }
                }
                if (spec.maxMemoryPercent() != null) {
                    long used = info(resp, "memory", "used_memory", where);
                    long max = info(resp, "memory", "maxmemory", where);
                    if (max <= 0) {
                        throw new AssertionError(where + " has no maxmemory set, so maxMemoryPercent cannot be checked:"
                                + " set maxmemory on Redis or remove maxMemoryPercent");
                    }
                    long percent = Math.round(100.0 * used / max);
                    if (percent > spec.maxMemoryPercent()) {
                        throw new AssertionError(where + " uses " + used + " of its maxmemory " + max + " bytes ("
                                + percent + "%), over the budget of " + spec.maxMemoryPercent() + "%");
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(where + " did not answer: " + reason(e), e);
            }
        };
    }

    private static long info(Resp resp, String section, String field, String where) throws IOException {
        String info = resp.call("INFO", section);
        Map<String, String> fields = new HashMap<>();
        for (String line : info.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
            }
        }
        String value = fields.get(field);
        if (value == null || !value.matches("\\d+")) {
            throw new AssertionError("Expected " + where + " to report " + field + " in INFO " + section
                    + " but it answered: " + info.lines().findFirst().orElse("(nothing)"));
        }
        return Long.parseLong(value);
    }

    /** The JDK's text, with the exception's name where the text alone says too little. */
    static String reason(IOException e) {
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof SocketTimeoutException) {
            return "connect timed out (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Just enough of Redis's protocol (RESP2) for a health check: a command as an array of bulk strings; a simple
     * string, error, integer or bulk string back. An error answer is returned as its text (e.g. "NOAUTH ...").
     */
    static final class Resp {
        private static final int MAX_BULK = 1 << 20;
        private final InputStream in;
        private final OutputStream out;

        Resp(Socket socket) throws IOException {
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        String call(String... args) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String arg : args) {
                byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            String line = line();
            if (line.isEmpty()) {
                throw new IOException("an empty answer");
            }
            switch (line.charAt(0)) {
                case '+', '-', ':' -> {
                    return line.substring(1);
                }
                case '$' -> {
                    int length = Integer.parseInt(line.substring(1));
                    if (length < 0) {
                        return "(nil)";
                    }
                    if (length > MAX_BULK) {
                        throw new IOException("an answer of " + length + " bytes");
                    }
                    byte[] data = in.readNBytes(length + 2);
                    if (data.length < length) {
                        throw new EOFException("the connection closed in the middle of an answer");
                    }
                    return new String(data, 0, length, StandardCharsets.UTF_8);
                }
                default -> throw new IOException("an answer that is not RESP: " + line);
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("the connection closed before an answer");
                }
                if (buf.size() > MAX_BULK) {
                    throw new IOException("an answer line too long");
                }
                buf.write(b);
            }
            String s = buf.toString(StandardCharsets.UTF_8);
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
