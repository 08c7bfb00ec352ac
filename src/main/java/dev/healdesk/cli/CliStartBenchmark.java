package dev.healdesk.cli;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.process.BoundedProcess;
import dev.healdesk.core.process.ScratchFolder;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * {@code bench --only=cli}: what a CLI command costs as a process, beside its floor, {@code java -version} of the same
 * runtime, alternating: {@code history}, {@code report latest --format=html} and {@code triage} over a scratch
 * history of one stored run; with {@code --image}, the packaged launcher too (its AppCDS archive), beside its own
 * runtime's {@code java -version}.
 */
final class CliStartBenchmark {
    private final int rounds;
    private final Path image;

    CliStartBenchmark(int rounds, Path image) {
        this.rounds = rounds;
        this.image = image;
    }

    void run(PrintWriter out) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> plain = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher");
        try (ScratchFolder scratch = ScratchFolder.create("healdesk-bench-cli")) {
            Path db = scratch.resolve("healdesk.db");
            try (HistoryStore store = HistoryStore.open(db)) {
                store.saveRun(BenchCommand.syntheticRun("run-bench-cli", 200), null);
            }
            Path input = scratch.resolve("messages.jsonl");
            Files.writeString(input, "{\"id\":\"t1\",\"message\":\"connect ECONNREFUSED 127.0.0.1:5432\"}\n"
                    + "{\"id\":\"t2\",\"message\":\"Timeout 30000ms exceeded waiting for locator('#save')\"}\n");
            Map<String, String> env = Map.of("HEALDESK_RESULTS_DIR", scratch.resolve("results").toString(),
                    "HEALDESK_DB", db.toString(), "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString());
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("history", List.of("history", "--limit=20"));
            commands.put("report", List.of("report", "latest", "--format=html", "--out=" + scratch.resolve("r.html")));
            commands.put("triage", List.of("triage", "--input=" + input));
            String loadBefore = BenchFigures.load();
            measure(out, "plain jar (java -cp)", List.of(java, "-version"), plain, commands, env);
            if (image != null) {
                Path launcher = image.resolve("bin").resolve("healdesk");
                Path runtimeJava = image.resolve("lib").resolve("runtime").resolve("bin").resolve("java");
                if (!Files.isExecutable(launcher)) {
                    throw new Cli.UsageException("--image: " + launcher + " is not there. Build the app image with"
                            + " `mvn -Ppackage -DskipTests package` (target/image/healdesk).");
                }
                List<String> floor = new ArrayList<>(List.of(Files.isExecutable(runtimeJava) ? runtimeJava.toString()
                        : java));
                floor.addAll(shortCommandOptions(image));
                floor.add("-version");
                measure(out, "packaged (" + launcher + ", AppCDS)", floor, List.of(launcher.toString()), commands, env);
            }
            out.printf(Locale.ROOT, "        (load before %s, after %s)%n", loadBefore.substring(5),
                    BenchFigures.load().substring(5));
            out.flush();
        }
    }

    /**
     * The JVM options the image's launcher gives a short command (beyond its class path, its archive and properties),
     * which jpackage/Packager.java lists in lib/app/healdesk-cli.jvm-options: the floor runs with them too. None where
     * the image has no such list (an image built before it, or a platform whose launcher is jpackage's own).
     */
    static List<String> shortCommandOptions(Path image) throws IOException {
        Path list = image.resolve("lib").resolve("app").resolve("healdesk-cli.jvm-options");
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        return Files.readAllLines(list).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private void measure(PrintWriter out, String title, List<String> floor, List<String> healdesk,
                         Map<String, List<String>> commands, Map<String, String> env)
            throws IOException, InterruptedException {
        List<Double> floorMs = new ArrayList<>();
        Map<String, List<Double>> times = new LinkedHashMap<>();
        commands.keySet().forEach(k -> times.put(k, new ArrayList<>()));
        // One untimed round first (the page cache), then alternating: the floor, then each command.
        for (int round = 0; round <= rounds; round++) {
            double f = timed(floor, env);
            if (round > 0) {
                floorMs.add(f);
            }
            for (Map.Entry<String, List<String>> c : commands.entrySet()) {
                List<String> command = new ArrayList<>(healdesk);
                command.addAll(c.getValue());
                double ms = timed(command, env);
                if (ms < 0) {
                    out.println("cli: `" + String.join(" ", c.getValue()) + "` failed (" + title + "); skipped");
                    return;
                }
                if (round > 0) {
                    times.get(c.getKey()).add(ms);
                }
            }
        }
        BenchFigures.Spread f = BenchFigures.Spread.of(floorMs);
        out.printf(Locale.ROOT, "cli: a CLI command as a process, %s, %d each after a warm-up, alternating%n"
                + "        floor, `%s`%s: %s%n", title, rounds, String.join(" ", floor),
                floor.size() > 2 ? " (the JVM options of the launcher's short commands)" : "", f.describe("%.0f", "ms"));
        for (Map.Entry<String, List<Double>> t : times.entrySet()) {
            BenchFigures.Spread s = BenchFigures.Spread.of(t.getValue());
            out.printf(Locale.ROOT, "        %-8s %s: %.2fx the floor (medians; target <= 2x)%n", t.getKey(),
                    s.describe("%.0f", "ms"), s.median() / f.median());
        }
        out.flush();
    }

    /** Wall ms of one process, or -1 when it failed. */
    private static double timed(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        try {
            BoundedProcess.Result r = BoundedProcess.run(command, Duration.ofSeconds(60), null, env);
            return r.exitCode() == 0 ? (System.nanoTime() - t0) / 1e6 : -1;
        } catch (TimeoutException e) {
            return -1;
        }
    }
}
