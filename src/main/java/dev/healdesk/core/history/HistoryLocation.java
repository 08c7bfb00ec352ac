package dev.healdesk.core.history;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the history lives: a SQLite file (the default, nothing to install) or a database on a PostgreSQL server that a
 * team shares ({@code postgresql://host:port/db}). The server's user comes from the URL or {@code PGUSER}; its password
 * only from {@value #PASSWORD_ENV} (the environment or {@code .env}), never from the URL, so that no file Healdesk
 * writes (settings, run folders, logs, reports) ever holds it. {@link #toString()} never shows a password.
 */
public sealed interface HistoryLocation {

    String USER_ENV = "PGUSER";
    String PASSWORD_ENV = "PGPASSWORD";

    /** What the operator sees of it in messages: a file's path, or the server's URL without any password. */
    String describe();

    /** A SQLite file. */
    record SqliteFile(Path file) implements HistoryLocation {
        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * A database on a PostgreSQL server.
     *
     * @param query the URL's query (driver settings such as {@code sslmode=require}), without '?'; empty for none
     */
    record Postgres(String host, int port, String database, String user, String password, String query)
            implements HistoryLocation {

        /** The JDBC URL, without user or password (they go to the driver as properties). */
        public String jdbcUrl() {
            return "jdbc:postgresql://" + hostPort() + "/" + database + (query.isEmpty() ? "" : "?" + query);
        }

        private String hostPort() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String describe() {
            return "postgresql://" + (user == null ? "" : user + "@") + hostPort() + "/" + database
                    + (query.isEmpty() ? "" : "?" + query);
        }

        /** Never the password: a record's own toString would print it. */
        @Override
        public String toString() {
            return describe();
        }
    }

    /** Whether {@code text} names a PostgreSQL server rather than a file. */
    static boolean isServer(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return t.startsWith("postgresql://") || t.startsWith("postgres://");
    }

    static HistoryLocation sqlite(Path file) {
        return new SqliteFile(file);
    }

    /**
     * The location {@code text} names: a {@code postgresql://} (or {@code postgres://}) URL, else a file path.
     *
     * @param source what gave the text, for messages ("HEALDESK_DB", "--db", "--from")
     * @param env    the variables in force (the environment over {@code .env}): {@code PGUSER}, {@code PGPASSWORD}
     * @throws IllegalArgumentException naming {@code source} and what to do, for a URL with a password, a malformed
     *                                  URL or path
     */
    static HistoryLocation parse(String text, String source, Map<String, String> env) {
        if (!isServer(text)) {
            try {
                return new SqliteFile(Path.of(text.trim()));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(source + " is '" + text + "': not a file path (" + e.getReason()
                        + "), nor a postgresql://host:port/database URL.");
            }
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + ": not a PostgreSQL URL (" + e.getReason()
                    + "). Write postgresql://host:port/database, the user optionally before the host (user@host).");
        }
        String userInfo = uri.getRawUserInfo();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        boolean passwordInQuery = false;
        for (String pair : query.split("&")) {
            passwordInQuery |= pair.toLowerCase(Locale.ROOT).startsWith("password=");
        }
        if ((userInfo != null && userInfo.contains(":")) || passwordInQuery) {
            // Nothing of the URL is repeated: it holds a password.
            throw new IllegalArgumentException(source + " holds a password in its PostgreSQL URL: Healdesk never"
                    + " reads a password from a URL, which would be written to files and logs. Remove it from the URL"
                    + " and set " + PASSWORD_ENV + " in the environment or in .env.");
        }
        String host = uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (host == null || host.isBlank() || database.isBlank() || database.contains("/")) {
            throw new IllegalArgumentException(source + " is '" + text + "': a PostgreSQL URL names a host and a"
                    + " database: postgresql://host:port/database (port 5432 when left out).");
        }
        String user = userInfo != null && !userInfo.isBlank() ? decode(userInfo) : blankToNull(env.get(USER_ENV));
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new Postgres(host, uri.getPort() < 0 ? 5432 : uri.getPort(), database, user,
                blankToNull(env.get(PASSWORD_ENV)), query);
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
