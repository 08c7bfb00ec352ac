package dev.healdesk.core.playbook;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a command does to the world, read from its argument vector: the executor counts the per-session limits by
 * this, for every command any playbook runs through the {@link CommandRunner}, so that no playbook can restart a
 * container or touch a database without it being counted (the issue this replaced: a playbook that forgot to
 * declare itself a container restart restarted 16 containers past a limit of 5).
 *
 * <p>Read-only commands ({@code docker inspect}, {@code kubectl get}, {@code kubectl rollout status},
 * {@code redis-cli PING}/{@code INFO}, {@code systemctl is-active}) have no effect. A program this class does not
 * know has none either: it is the operator's own command, and a configured {@code restart-backend} command that is
 * a {@code systemctl restart} or a {@code docker restart} is recognised as one.
 */
public final class Effects {

    private static final Set<String> CONTAINER_CLIS = Set.of("docker", "podman", "nerdctl");
    /** docker/podman verbs that start, stop or replace containers. */
    private static final Set<String> CONTAINER_VERBS = Set.of("start", "restart", "stop", "kill", "rm", "run",
            "create", "up", "down", "unpause", "pause", "update", "scale", "rollback");
    /** kubectl verbs that replace, remove or re-count pods. */
    private static final Set<String> KUBECTL_VERBS = Set.of("scale", "delete", "drain", "set", "patch", "apply",
            "replace", "autoscale", "cordon", "uncordon", "create", "run", "edit", "label", "annotate");
    private static final Set<String> ROLLOUT_CHANGES = Set.of("restart", "undo", "resume", "pause");
    /** Clients whose every call reaches into a database. */
    private static final Set<String> DATABASE_CLIENTS = Set.of("psql", "pg_ctl", "pg_ctlcluster", "mysql",
            "mariadb", "mysqladmin", "mongosh", "mongo", "sqlite3", "sqlcmd", "cqlsh", "valkey-cli", "keydb-cli",
            "memcached-tool");
    /** redis-cli commands that only read. */
    private static final Set<String> REDIS_READS = Set.of("PING", "INFO", "DBSIZE", "TTL", "PTTL", "GET", "EXISTS",
            "TYPE", "STRLEN", "LASTSAVE", "TIME", "ECHO", "ROLE");
    /** redis-cli options that take a value. */
    private static final Set<String> REDIS_VALUE_OPTIONS = Set.of("-h", "-p", "-s", "-a", "-u", "-n", "-r", "-i",
            "-d", "--user", "--pass", "--askpass", "--cacert", "--cacertdir", "--cert", "--key", "--sni", "--tls-ciphers",
            "--pattern", "--count", "--quoted-pattern");
    private static final Set<String> SERVICE_MANAGERS = Set.of("systemctl", "service", "rc-service", "supervisorctl");
    private static final Set<String> SERVICE_CHANGES = Set.of("restart", "start", "stop", "reload", "try-restart",
            "reload-or-restart", "try-reload-or-restart", "kill", "condrestart", "force-reload");
    /** Units that are a database or a cache: restarting one is a database operation too. */
    private static final List<String> DATABASE_UNITS = List.of("redis", "valkey", "keydb", "memcached", "postgres",
            "mysql", "mariadb", "mongod", "cassandra", "elasticsearch", "opensearch");

    private Effects() {
    }

    /** The effects of running {@code argv}; empty for a command that only reads, or that this class does not know. */
    public static Set<Kind> of(List<String> argv) {
        Set<Kind> effects = EnumSet.noneOf(Kind.class);
        if (argv == null || argv.isEmpty()) {
            return effects;
        }
        String program = program(argv.get(0));
        List<String> args = argv.subList(1, argv.size());
        if (CONTAINER_CLIS.contains(program)) {
            container(args, effects);
        } else if (program.equals("docker-compose") || program.equals("podman-compose")) {
            if (verb(args).map(CONTAINER_VERBS::contains).orElse(false)) {
                effects.add(Kind.CONTAINER_RESTART);
            }
        } else if (program.equals("kubectl") || program.equals("oc")) {
            kubectl(args, effects);
        } else if (program.equals("redis-cli")) {
            if (!redisReadOnly(args)) {
                effects.add(Kind.DATABASE);
            }
        } else if (DATABASE_CLIENTS.contains(program)) {
            if (!args.contains("--version") && !args.contains("-V")) {
                effects.add(Kind.DATABASE);
            }
        } else if (SERVICE_MANAGERS.contains(program)) {
            service(program, args, effects);
        }
        return effects;
    }

    private static void container(List<String> args, Set<Kind> effects) {
        java.util.Optional<Integer> at = verbIndex(args);
        if (at.isEmpty()) {
            return;
        }
        String verb = args.get(at.get());
        List<String> rest = args.subList(at.get() + 1, args.size());
        if (verb.equals("container") || verb.equals("compose") || verb.equals("service") || verb.equals("stack")) {
            verb = verb(rest).orElse("");
        }
        if (CONTAINER_VERBS.contains(verb)) {
            effects.add(Kind.CONTAINER_RESTART);
        } else if (verb.equals("exec")) {
            inner(rest, effects);
        }
    }

    private static void kubectl(List<String> args, Set<Kind> effects) {
        java.util.Optional<Integer> at = verbIndex(args);
        if (at.isEmpty()) {
            return;
        }
        String verb = args.get(at.get());
        List<String> rest = args.subList(at.get() + 1, args.size());
        if (verb.equals("rollout")) {
            if (verb(rest).map(ROLLOUT_CHANGES::contains).orElse(false)) {
                effects.add(Kind.CONTAINER_RESTART);
            }
        } else if (KUBECTL_VERBS.contains(verb)) {
            effects.add(Kind.CONTAINER_RESTART);
        } else if (verb.equals("exec")) {
            int dashes = rest.indexOf("--");
            if (dashes >= 0) {
                effects.addAll(of(rest.subList(dashes + 1, rest.size())));
            }
        }
    }

    /** {@code docker exec [options] CONTAINER COMMAND...}: what the command inside does. */
    private static void inner(List<String> rest, Set<Kind> effects) {
        for (int i = 0; i < rest.size(); i++) {
            String name = program(rest.get(i));
            if (name.equals("redis-cli") || DATABASE_CLIENTS.contains(name)) {
                effects.addAll(of(rest.subList(i, rest.size())));
                return;
            }
        }
    }

    private static void service(String program, List<String> args, Set<Kind> effects) {
        List<String> words = args.stream().filter(a -> !a.startsWith("-")).toList();
        if (words.isEmpty()) {
            return;
        }
        // systemctl VERB UNIT...; service UNIT VERB; rc-service UNIT VERB; supervisorctl VERB NAME
        boolean verbFirst = program.equals("systemctl") || program.equals("supervisorctl");
        String verb = verbFirst ? words.get(0) : words.get(words.size() - 1);
        List<String> units = verbFirst ? words.subList(1, words.size()) : words.subList(0, words.size() - 1);
        if (!SERVICE_CHANGES.contains(verb)) {
            return;
        }
        effects.add(Kind.RESTART);
        for (String unit : units) {
            String u = unit.toLowerCase(Locale.ROOT);
            if (DATABASE_UNITS.stream().anyMatch(u::contains)) {
                effects.add(Kind.DATABASE);
            }
        }
    }

    private static boolean redisReadOnly(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                if (a.equals("--scan") || a.equals("--bigkeys") || a.equals("--memkeys") || a.equals("--pipe")
                        || a.equals("--rdb") || a.equals("--eval")) {
                    return false;   // a whole-keyspace walk deletes expired keys; the others write or dump
                }
                if (REDIS_VALUE_OPTIONS.contains(a)) {
                    i++;
                }
                continue;
            }
            return REDIS_READS.contains(a.toUpperCase(Locale.ROOT));
        }
        return false;   // no command: an interactive session, which may do anything
    }

    private static java.util.Optional<String> verb(List<String> args) {
        return verbIndex(args).map(args::get);
    }

    /**
     * The first word that is not an option. Options of the form {@code --name=value} stand alone; the few global
     * options that take a separate value ({@code -H HOST}, {@code -n NS}, ...) skip it.
     */
    private static java.util.Optional<Integer> verbIndex(List<String> args) {
        Set<String> valued = Set.of("-H", "--host", "-c", "--context", "--config", "-l", "--log-level", "-n",
                "--namespace", "--kubeconfig", "-s", "--server", "--cluster", "--user", "-f", "--file", "-p",
                "--project-name", "--project-directory", "--env-file", "--profile", "--tlscacert", "--tlscert",
                "--tlskey", "--connection", "--url", "--identity");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-")) {
                if (valued.contains(a)) {
                    i++;
                }
                continue;
            }
            return java.util.Optional.of(i);
        }
        return java.util.Optional.empty();
    }

    private static String program(String first) {
        try {
            Path name = Path.of(first).getFileName();
            return name == null ? first : name.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return first;
        }
    }
}
