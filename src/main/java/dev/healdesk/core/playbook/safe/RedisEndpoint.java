package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis the redis playbooks talk to through {@code redis-cli} (settings {@code host}, default 127.0.0.1, and
 * {@code port}, default 6379). redis-cli rather than RESP spoken here: the plan then shows commands an operator can
 * run by hand, and redis-cli reads a password from {@code REDISCLI_AUTH} in Healdesk's environment itself, so it
 * never appears in an argument vector, a plan or a log.
 */
record RedisEndpoint(String host, int port) {

    /** The endpoint from the settings, or null with what is missing recorded; redis-cli must be on the PATH. */
    static RedisEndpoint from(PlaybookSettings settings) {
        settings.program("redis-cli", "install redis-tools (apt-get install -y redis-tools), or put redis-cli on"
                + " Healdesk's PATH");
        String host = settings.name("host", "Redis host", "127.0.0.1");
        int port = settings.number("port", 6379, 1, 65_535);
        return host == null ? null : new RedisEndpoint(host, port);
    }

    List<String> cli(String... arguments) {
        List<String> argv = new ArrayList<>(List.of("redis-cli", "-h", host, "-p", Integer.toString(port)));
        argv.addAll(List.of(arguments));
        return List.copyOf(argv);
    }

    /** Asks PING until Redis answers PONG or {@code within} has passed. */
    boolean answers(PlaybookContext context, Duration within) {
        long deadline = context.clock().millis() + within.toMillis();
        do {
            try {
                if (context.commands().run(cli("PING"), Duration.ofSeconds(5), null).stdout().strip()
                        .equals("PONG")) {
                    return true;
                }
                Thread.sleep(200);
            } catch (PlaybookException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (context.clock().millis() < deadline);
        return false;
    }
}
