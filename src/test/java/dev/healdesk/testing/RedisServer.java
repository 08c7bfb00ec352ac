package dev.healdesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis for tests, from Debian's package ({@code apt-get install -y redis-server}): on a free loopback port,
 * with no persistence, its files in a temporary folder, and the DEBUG command allowed from localhost (tests switch
 * the background expiry off with it, so that expired keys stay until something meets them). It runs daemonized from
 * {@link #config()}, so a restart command can stop it and start it again from the same file; {@link #close()}
 * stops whatever instance is then running.
 */
public final class RedisServer implements AutoCloseable {
    private final Path config;
    private final int port;

    private RedisServer(Path config, int port) {
        this.config = config;
        this.port = port;
    }

    public static RedisServer start(Path dir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/redis-server"))) {
            throw new IOException("No /usr/bin/redis-server: install it (apt-get install -y redis-server), as .ci/run"
                    + " does");
        }
        int port = freePort();
        Path config = dir.resolve("redis.conf");
        Files.writeString(config, String.join("\n",
                "port " + port,
                "bind 127.0.0.1",
                "daemonize yes",
                "pidfile " + dir.resolve("redis.pid"),
                "logfile " + dir.resolve("redis.log"),
                "dir " + dir,
                "save \"\"",
                "appendonly no",
                "enable-debug-command local",
                ""));
        RedisServer server = new RedisServer(config, port);
        server.startFromConfig();
        return server;
    }

    public int port() {
        return port;
    }

    public Path config() {
        return config;
    }

    /** Starts an instance from {@link #config()} and waits until it answers. */
    public void startFromConfig() throws IOException, InterruptedException {
        run(List.of("redis-server", config.toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!"PONG".equals(cli("PING"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("Redis on port " + port + " did not answer within 10 s:\n"
                        + Files.readString(config.resolveSibling("redis.log")));
            }
            Thread.sleep(20);
        }
    }

    /** What {@code redis-cli -p PORT ARGS} prints, stripped. */
    public String cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        return run(command);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        cli("SHUTDOWN", "NOSAVE");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish within 10 s");
        }
        return output.strip();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
