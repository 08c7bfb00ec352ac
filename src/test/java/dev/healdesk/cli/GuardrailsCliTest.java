package dev.healdesk.cli;

import dev.healdesk.testing.HealdeskProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the guardrails table (src/site/markdown/playbooks-and-guardrails.md), proved through the command line:
 * a real {@code healdesk run --target=FILE --approve=all} whose command probes fail the way a broken system does,
 * with stand-in {@code docker}, {@code kubectl} and {@code redis-cli} first on its PATH that record every argument
 * vector they get. What the guardrails allow is asserted as the exact list of vectors; what they refuse, as its
 * absence and the recorded reason.
 */
class GuardrailsCliTest {
    private static final String END = "--end-of-call--";
    private static final List<String> CONTAINERS = List.of("alpha", "bravo", "charlie", "delta", "echo", "foxtrot",
            "golf", "hotel");

    @TempDir
    Path dir;
    private Path bin;
    private Path calls;
    private Path times;

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        calls = dir.resolve("calls.txt");
        times = dir.resolve("times.txt");
        standIn("docker", """
                case "$1" in
                  inspect) echo true ;;
                  *) echo "$2" ;;
                esac""");
        standIn("kubectl", "echo ok");
        standIn("redis-cli", """
                for a in "$@"; do
                  if [ "$a" = INFO ]; then printf 'expired_keys:7\\nused_memory_human:1M\\n'; fi
                done""");
    }

    /** A stand-in that records its program name and arguments, one a line, then runs {@code body}. */
    private void standIn(String program, String body) throws IOException {
        Path script = bin.resolve(program);
        Files.writeString(script, "#!/bin/bash\n"
                + "printf '%s\\n' \"$(/usr/bin/basename \"$0\")\" \"$@\" '" + END + "' >> '" + calls + "'\n"
                + "/bin/date +%s%3N >> '" + times + "'\n" + body + "\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
    }

    private List<List<String>> calls() throws IOException {
        List<List<String>> all = new ArrayList<>();
        if (!Files.exists(calls)) {
            return all;
        }
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(calls)) {
            if (line.equals(END)) {
                all.add(List.copyOf(current));
                current.clear();
            } else {
                current.add(line);
            }
        }
        return all;
    }

    /** A command probe that prints {@code message} and fails. */
    private static String failing(String id, String message) {
        return "  - {id: " + id + ", project: infra, command: {argv: [/bin/sh, -c, 'echo \"" + message
                + "\" >&2; exit 1']}}\n";
    }

    private static String containers(int n) {
        return IntStream.range(0, n).mapToObj(i -> failing(CONTAINERS.get(i), "container " + CONTAINERS.get(i)
                + " is unhealthy")).collect(Collectors.joining());
    }

    /**
     * The guardrails are under test here, not triage: each container's failure is its own class-A pattern (restart it),
     * so that every unhealthy container is an incident of its own with its own proposal. (The built-in catalog calls a
     * bare "is unhealthy" class C and joins such failures into one incident; a crash loop is C and a full Redis B.)
     */
    private Path containerPatterns() throws IOException {
        String patterns = CONTAINERS.stream().map(c -> """
                  {"id": "unhealthy-%1$s", "name": "Container %1$s unhealthy", "description": "restart it",
                   "regex": "container %1$s is unhealthy", "category": "infra", "severity": "high", "fixClass": "A",
                   "playbook": "restart-container", "priority": 900}""".formatted(c))
                .collect(Collectors.joining(",\n"));
        // the same for a crash loop and a full Redis, whose built-in patterns ask a person (class C and B) first
        patterns += """
                ,
                  {"id": "crash-loop-restart", "name": "Crash loop", "description": "restart the rollout",
                   "regex": "CrashLoopBackOff", "category": "infra", "severity": "critical", "fixClass": "A",
                   "playbook": "rollout-restart", "priority": 900},
                  {"id": "redis-full-clear", "name": "Redis full", "description": "clear expired keys",
                   "regex": "OOM command not allowed", "category": "database", "severity": "high", "fixClass": "A",
                   "playbook": "redis-clear-expired", "priority": 900}""";
        return Files.writeString(dir.resolve("patterns.json"), "{\"version\": 1, \"patterns\": [\n" + patterns
                + "\n]}\n");
    }

    private HealdeskProcess.Result run(String probes, String playbooks, String guardrails, String... flags)
            throws Exception {
        Path target = dir.resolve("target.yaml");
        Files.writeString(target, "name: guarded\nprobes:\n" + probes
                + (playbooks.isEmpty() ? "" : "playbooks:\n" + playbooks)
                + "guardrails:\n  settleMs: 0\n" + guardrails);
        List<String> args = new ArrayList<>(List.of("run", "--target=" + target, "--skip-llm",
                "--results-dir=" + dir.resolve("results"), "--patterns=" + containerPatterns()));
        args.addAll(List.of(flags));
        if (args.stream().noneMatch(a -> a.startsWith("--max-fixes"))) {
            args.add("--max-fixes=50");   // the target's maxFixesPerRun is the limit under test, not the flag's 3
        }
        if (args.stream().noneMatch(a -> a.startsWith("--approve") || a.equals("--dry-run"))) {
            args.add("--approve=all");
        }
        HealdeskProcess.Result r = HealdeskProcess.run(dir, Map.of("PATH", bin + ":/usr/bin:/bin",
                        "PGPASSWORD", "not-a-real-password"),
                args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isIn(0, 1);
        return r;
    }

    private static List<String> restart(String container) {
        return List.of("docker", "restart", container);
    }

    private static List<String> inspect(String container) {
        return List.of("docker", "inspect", "-f", "{{.State.Running}}", container);
    }

    @Test
    void maxContainerRestartsHoldsHowEverManyContainersAreUnhealthy() throws Exception {
        HealdeskProcess.Result r = run(containers(8), "", """
                  maxFixesPerRun: 50
                  cooldownSeconds: 0
                  maxContainerRestarts: 5
                """);

        // two attempts at each (maxAttemptsPerFailure 2) while the limit allows, then nothing
        assertThat(calls()).containsExactlyElementsOf(interleave(List.of(restart("alpha"), restart("alpha"),
                restart("bravo"), restart("bravo"), restart("charlie"))));
        assertThat(r.out()).contains("DECIDED restart-container: skipped by guardrails (container restarts: 5 in this"
                + " session, the limit is 5)");
    }

    /** Each restart followed by its own check, as restart-container does it. */
    private static List<List<String>> interleave(List<List<String>> restarts) {
        List<List<String>> all = new ArrayList<>();
        restarts.forEach(c -> {
            all.add(c);
            all.add(inspect(c.get(2)));
        });
        return all;
    }

    @Test
    void eachContainerRestartIsCountedOnceAttemptsIncluded() throws Exception {
        run(containers(8), "", """
                  maxFixesPerRun: 50
                  cooldownSeconds: 0
                  maxAttemptsPerFailure: 1
                  maxContainerRestarts: 5
                """);

        assertThat(calls()).containsExactlyElementsOf(interleave(CONTAINERS.subList(0, 5).stream()
                .map(GuardrailsCliTest::restart).toList()));
    }

    @Test
    void maxFixesPerRunAndTheRunsOwnMaxFixesHold() throws Exception {
        String limits = """
                  maxFixesPerRun: 3
                  cooldownSeconds: 0
                  maxAttemptsPerFailure: 1
                """;
        HealdeskProcess.Result r = run(containers(6), "", limits);
        assertThat(calls()).containsExactlyElementsOf(interleave(CONTAINERS.subList(0, 3).stream()
                .map(GuardrailsCliTest::restart).toList()));
        assertThat(r.out()).contains("skipped by guardrails (max fixes: 3 fix(es) applied in this run, the limit is 3)");

        Files.delete(calls);
        HealdeskProcess.Result lowered = run(containers(6), "", limits, "--max-fixes=1");
        assertThat(calls()).containsExactly(restart("alpha"), inspect("alpha"));
        assertThat(lowered.out()).contains("(max fixes: 1 fix(es) applied in this run, the limit is 1)");
    }

    @Test
    void maxAttemptsPerFailureStopsTheSameFixAtTheLimit() throws Exception {
        run(containers(1), "", """
                  cooldownSeconds: 0
                  maxAttemptsPerFailure: 2
                """);

        assertThat(calls()).containsExactly(restart("alpha"), inspect("alpha"), restart("alpha"), inspect("alpha"));
    }

    @Test
    void theCooldownSpacesFixesAndNeverRestartsOneSubjectTwiceWithinIt() throws Exception {
        HealdeskProcess.Result r = run(containers(2), "", """
                  cooldownSeconds: 2
                  maxAttemptsPerFailure: 2
                """);

        // alpha's second attempt comes within the cooldown of its restart: refused; bravo waits the cooldown out
        assertThat(calls()).containsExactly(restart("alpha"), inspect("alpha"), restart("bravo"), inspect("bravo"));
        assertThat(r.out()).contains("restart cooldown: alpha was restarted").contains("Cooldown: waiting");
        List<Long> at = Files.readAllLines(times).stream().map(Long::parseLong).toList();
        // The stand-in stamps each call when its shell has started, which on a loaded machine lags Healdesk's own
        // clock by a few hundred ms (CI saw 1,846 ms for the 2 s cooldown); without a cooldown the second restart
        // follows the first within the inspect's time, well under a second.
        assertThat(at.get(2) - at.get(0)).as("ms between the two restarts").isGreaterThanOrEqualTo(1500);
    }

    @Test
    void fourServicesFailingAtOnceRestartNothingEvenWhenTheirFailuresMergeIntoOneGroup() throws Exception {
        String restartApi = "  restart-backend: {command: [docker, restart, api]}\n";
        for (String host : List.of("127.0.0.%d", "api-%c.internal")) {
            Files.deleteIfExists(calls);
            String probes = IntStream.rangeClosed(1, 4).mapToObj(i -> failing("s" + i, "connect ECONNREFUSED "
                    + (host.contains("%d") ? String.format(host, i) : String.format(host, (char) ('a' + i - 1)))
                    + ":8080")).collect(Collectors.joining());
            HealdeskProcess.Result r = run(probes, restartApi, "  cooldownSeconds: 0\n");

            assertThat(r.out()).contains("systemic: the failures name 4 distinct services");
            assertThat(r.out()).containsOnlyOnce("TRIAGED network");
            assertThat(calls()).as(host).isEmpty();
        }

        Files.deleteIfExists(calls);
        String three = IntStream.rangeClosed(1, 3).mapToObj(i -> failing("s" + i, "connect ECONNREFUSED 127.0.0." + i
                + ":8080")).collect(Collectors.joining());
        run(three, restartApi, "  cooldownSeconds: 0\n  maxAttemptsPerFailure: 1\n");
        assertThat(calls()).as("three services are not systemic").containsExactly(restart("api"));
    }

    @Test
    void protectedNamesAreNeverTouchedTheBuiltInOnesIncluded() throws Exception {
        HealdeskProcess.Result r = run(containers(1) + failing("pods", "Back-off restarting failed container;"
                + " CrashLoopBackOff"), """
                  rollout-restart: {deployment: coredns, namespace: kube-system}
                """, """
                  cooldownSeconds: 0
                  protect: [alpha]
                """);

        assertThat(calls()).isEmpty();
        assertThat(r.out()).contains("(protected: alpha is on the protected list and is never touched)")
                .contains("(protected: kube-system is on the protected list and is never touched)");
    }

    @Test
    void maxDatabaseOperationsCountsEveryPlaybookThatTouchesADatabaseOrACache() throws Exception {
        // Three ways to touch one: SQL over JDBC (declared by its plan), redis-cli's keyspace walk, and an operator's
        // own worker command that deletes a Redis key (read from its argument vector).
        String probes = failing("pool", "FATAL: sorry, too many clients already")
                + failing("cache", "OOM command not allowed when used memory > maxmemory")
                + failing("jobs", "job stalled more than allowable limit");
        HealdeskProcess.Result r = run(probes, """
                  kill-idle-db-connections: {jdbcUrl: "jdbc:postgresql://127.0.0.1:9/shop", user: healer, timeoutSeconds: 2}
                  restart-worker: {command: [redis-cli, -h, 127.0.0.1, -p, "6379", DEL, "bull:jobs:stalled-check"]}
                """, """
                  cooldownSeconds: 0
                  maxAttemptsPerFailure: 1
                  maxDatabaseOperations: 2
                """);

        List<String> cli = List.of("redis-cli", "-h", "127.0.0.1", "-p", "6379");
        assertThat(r.out()).contains("APPLIED kill-idle-db-connections: failed PostgreSQL at"
                + " jdbc:postgresql://127.0.0.1:9/shop refused");
        assertThat(calls()).containsExactly(with(cli, "INFO"), with(cli, "--scan"), with(cli, "INFO"));
        assertThat(r.out()).contains("DECIDED restart-worker: skipped by guardrails (database operations: 2 in this"
                + " session, the limit is 2)");
    }

    private static List<String> with(List<String> head, String last) {
        List<String> all = new ArrayList<>(head);
        all.add(last);
        return all;
    }

    @Test
    void aCommandThatHangsIsKilledAtCommandTimeoutSeconds() throws Exception {
        standIn("docker", "/bin/sleep 30");
        long t0 = System.nanoTime();
        HealdeskProcess.Result r = run(failing("api", "connect ECONNREFUSED 127.0.0.1:8080"),
                "  restart-backend: {command: [docker, restart, api]}\n", """
                  cooldownSeconds: 0
                  maxAttemptsPerFailure: 1
                  commandTimeoutSeconds: 1
                """);

        assertThat(calls()).containsExactly(restart("api"));
        assertThat(r.out()).contains("APPLIED restart-backend: failed docker did not finish within 1 s and was stopped");
        assertThat((System.nanoTime() - t0) / 1_000_000_000).as("seconds").isLessThan(25);
    }

    @Test
    void aDryRunPlansEveryFixWithItsExactCommandAndRunsNothing() throws Exception {
        HealdeskProcess.Result r = run(containers(3), "", "  cooldownSeconds: 0\n", "--dry-run");

        assertThat(calls()).isEmpty();
        assertThat(r.out()).contains("Restart container alpha (named in the failure): [\"docker\" \"restart\""
                + " \"alpha\"]").contains("DECIDED restart-container: dry-run");
    }
}
