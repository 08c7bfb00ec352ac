package dev.healdesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for tests, from Debian's package ({@code apt-get install -y postgresql}): a new cluster
 * in a temporary folder, listening on a free loopback port, its socket in that folder, without fsync (the data is
 * thrown away). initdb refuses to run as root, so under root the server's programs run as the {@code postgres}
 * user the package created (or {@code nobody}) through {@code runuser}, in a folder handed to that user; under any
 * other user they run as that user. {@link #close()} stops it at once ({@code pg_ctl stop -m immediate}).
 */
public final class PostgresServer implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "superuser-secret";

    private final Path bin;
    private final Path data;
    private final List<String> asOwner;
    private final int port;

    private PostgresServer(Path bin, Path data, List<String> asOwner, int port) {
        this.bin = bin;
        this.data = data;
        this.asOwner = asOwner;
        this.port = port;
    }

    /**
     * Creates and starts a cluster in {@code dir} (an empty folder the test owns); {@code settings} are extra
     * postgresql.conf lines, e.g. {@code max_connections = 20}.
     */
    public static PostgresServer start(Path dir, String... settings) throws IOException, InterruptedException {
        Path bin = binaries();
        List<String> asOwner = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal owner = serverUser(dir);
            Files.setOwner(dir, owner);
            asOwner = List.of("runuser", "-u", owner.getName(), "--");
        }
        Path passwordFile = dir.resolve("superuser-password");
        Files.writeString(passwordFile, SUPERUSER_PASSWORD + "\n");
        if (!asOwner.isEmpty()) {
            Files.setOwner(passwordFile, Files.getOwner(dir));
        }
        Path data = dir.resolve("data");
        PostgresServer server = new PostgresServer(bin, data, asOwner, freePort());
        server.run(dir, "initdb", "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C", "--no-sync",
                "--no-instructions");
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n",
                "port = " + server.port,
                "listen_addresses = '127.0.0.1'",
                "unix_socket_directories = '" + dir + "'",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                String.join("\n", settings),
                ""), java.nio.file.StandardOpenOption.APPEND);
        server.run(dir, "pg_ctl", "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
                "-t", "30", "start");
        return server;
    }

    public int port() {
        return port;
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    public Connection superuser(String database) throws SQLException {
        return connect(database, SUPERUSER, SUPERUSER_PASSWORD);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(data.getParent(), "pg_ctl", "-D", data.toString(), "-m", "immediate", "stop");
    }

    private void run(Path dir, String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(asOwner);
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("postgres-" + program, ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                Path log = dir.resolve("server.log");
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                        + Files.readString(output, StandardCharsets.UTF_8)
                        + (Files.isReadable(log) ? Files.readString(log, StandardCharsets.UTF_8) : ""));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} that has initdb. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        List<Path> versions = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(root)) {
                all.forEach(v -> {
                    if (Files.isExecutable(v.resolve("bin/initdb"))) {
                        versions.add(v);
                    }
                });
            }
        }
        return versions.stream().max(Comparator.comparing(PostgresServer::versionOf)).map(v -> v.resolve("bin"))
                .orElseThrow(() -> new IOException("No PostgreSQL server binaries in /usr/lib/postgresql: install"
                        + " them (apt-get install -y postgresql), as .ci/run does"));
    }

    private static int versionOf(Path versionDir) {
        String name = versionDir.getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static UserPrincipal serverUser(Path dir) throws IOException {
        try {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (UserPrincipalNotFoundException e) {
            return dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
