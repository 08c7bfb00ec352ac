package dev.healdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.config.DotEnv;
import dev.healdesk.core.config.SettingsFile;
import dev.healdesk.core.config.TargetFileException;
import dev.healdesk.core.config.TargetFiles;
import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.junit.JUnitXmlParser;
import dev.healdesk.core.suite.playwright.PlaywrightJsonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A few hundred malformed inputs, made from valid ones by a seeded generator (the same every run; a failure names its
 * seed and case), given to every parser an operator's files reach: target YAML, triage JSON Lines, JUnit XML, the
 * Playwright JSON report, patterns.json, the settings file and {@code .env}; and damaged run summaries given to
 * {@code healdesk report}. Each must end in a result or a clean refusal that names the input and says what to do:
 * no exit 3, no exception but the parser's own, no Java class name in the message, no hang (5 s a case, 60 s in all),
 * and nothing recorded lost (the damaged run is still reported, from the database).
 */
class MalformedInputFuzzTest {
    private static final long SEED = 20261205L;
    private static final int PER_PARSER = 40;
    /** A Java class or exception name leaking into an operator's message. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|com\\.fasterxml|dev\\.healdesk|org\\.yaml)\\.[a-z]|\\b[A-Z]\\w*(?:Exception|Error)\\b"
                    + "|\\binternal error\\b");

    @TempDir
    Path dir;
    private final Random random = new Random(SEED);
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz");
        t.setDaemon(true);
        return t;
    });
    private int tried;
    private int refused;

    interface Case {
        /** Runs one input; returns the operator's message when it was refused, else null. */
        String run() throws Exception;
    }

    private void check(String parser, int n, byte[] input, Case c) throws Exception {
        tried++;
        Future<String> f = pool.submit(c::run);
        String message;
        try {
            message = f.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(parser + " case " + n + " (seed " + SEED + ") hung: " + preview(input));
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(parser + " case " + n + " (seed " + SEED + ") threw " + e.getCause() + " for "
                    + preview(input), e.getCause());
        }
        if (message != null) {
            refused++;
            assertThat(message).as(parser + " case " + n + ": " + preview(input)).isNotBlank();
            assertThat(CLASS_NAME.matcher(message).find()).as(parser + " case " + n + " leaks a class name: "
                    + message).isFalse();
        }
    }

    private static String preview(byte[] input) {
        String s = new String(input, 0, Math.min(input.length, 160), StandardCharsets.ISO_8859_1);
        return s.replaceAll("[\\x00-\\x1f\\x7f-\\xff]", "?");
    }

    /** One damaged variant of {@code valid}: cut, bytes flipped, junk inserted, lines doubled, documents added... */
    private byte[] mutate(String valid) {
        byte[] b = valid.getBytes(StandardCharsets.UTF_8);
        String[] lines = valid.split("\n", -1);
        return switch (random.nextInt(12)) {
            case 0 -> java.util.Arrays.copyOf(b, random.nextInt(Math.max(1, b.length)));
            case 1 -> flip(b, 1 + random.nextInt(6));
            case 2 -> insert(b, new byte[]{0});
            case 3 -> insert(b, new byte[]{(byte) 0xff, (byte) 0xfe});
            case 4 -> insert(b, new byte[]{(byte) 0xc3});
            case 5 -> {
                int i = random.nextInt(lines.length);
                List<String> l = new ArrayList<>(List.of(lines));
                l.add(i, lines[i]);
                yield String.join("\n", l).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> (valid + "\n---\nname: second\n").getBytes(StandardCharsets.UTF_8);
            case 7 -> insert(b, "[[[[{{{{\"\"\"''':::".getBytes(StandardCharsets.UTF_8));
            case 8 -> insert(b, ("\n" + "x".repeat(5000) + ": [null, ~, {}, []]\n").getBytes(StandardCharsets.UTF_8));
            case 9 -> {
                byte[] junk = new byte[1 + random.nextInt(400)];
                random.nextBytes(junk);
                yield junk;
            }
            case 10 -> valid.replace(": ", ":").replace("- ", "-").replace("\n", "\r\n  ")
                    .getBytes(StandardCharsets.UTF_8);
            default -> insert(b, "\u001b[31m\r\u2028<!--&amp;-->${X}\t".getBytes(StandardCharsets.UTF_8));
        };
    }

    private byte[] flip(byte[] b, int times) {
        byte[] c = b.clone();
        for (int i = 0; i < times && c.length > 0; i++) {
            c[random.nextInt(c.length)] = (byte) random.nextInt(256);
        }
        return c;
    }

    private byte[] insert(byte[] b, byte[] what) {
        int at = b.length == 0 ? 0 : random.nextInt(b.length);
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    private Path write(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    private static String resource(String path) throws Exception {
        try (var in = MalformedInputFuzzTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void malformedInputsAreRefusedCleanlyNeverWithAnInternalErrorOrAHang() throws Exception {
        long t0 = System.nanoTime();
        String target = """
                name: shop
                baseUrl: http://127.0.0.1:3000
                timeoutMs: 5000
                suites:
                  - {kind: probes, file: none.yaml}
                probes:
                  - {id: health, project: health, http: {url: /api/health, expect: {status: 200}}}
                  - {id: port, project: infra, tcp: {host: 127.0.0.1, port: 5432}}
                playbooks:
                  restart-backend: {command: [systemctl, restart, api]}
                guardrails:
                  maxFixesPerRun: 2
                  protect: [billing]
                """;
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(target);
            Path file = write("target-" + n + ".yaml", input);
            check("target YAML", n, input, () -> {
                try {
                    new TargetFiles().load(file, Map.of());
                    return null;
                } catch (TargetFileException e) {
                    assertThat(e.getMessage()).contains(file.toString());
                    return e.getMessage();
                }
            });
        }
        // the cases the outside testers found, named
        for (String special : List.of("suites: [null]\nname: x\n", "name: a\nname: b\n", "name: a\n---\nname: b\n",
                "probes: [~]\nname: x\n")) {
            byte[] input = special.getBytes(StandardCharsets.UTF_8);
            Path file = write("special.yaml", input);
            check("target YAML", -1, input, () -> {
                try {
                    new TargetFiles().load(file, Map.of());
                    return "accepted";
                } catch (TargetFileException e) {
                    assertThat(e.getMessage()).matches("(?s).*special\\.yaml(:| line \\d+).*");
                    return e.getMessage();
                }
            });
        }

        // 20 MB is refused by its size, before any parsing: at once
        Path huge = dir.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(huge)) {
            out.write("name: huge\nprobes:\n");
            for (int i = 0; out != null && i < 400_000; i++) {
                out.write("  - {id: p" + i + ", project: health, http: {url: /}}\n");
            }
        }
        long h0 = System.nanoTime();
        TargetFileException tooBig = org.junit.jupiter.api.Assertions.assertThrows(TargetFileException.class,
                () -> new TargetFiles().load(huge, Map.of()));
        assertThat((System.nanoTime() - h0) / 1_000_000).as("ms to refuse %d bytes", Files.size(huge))
                .isLessThan(2000);
        assertThat(tooBig.getMessage()).startsWith(huge + " is ").contains("MB; a target file (YAML) may be at most");

        String jsonl = "{\"id\":\"a\",\"message\":\"connect ECONNREFUSED 127.0.0.1:5432\"}\n"
                + "{\"id\":\"b\",\"message\":\"Timeout 5000ms exceeded\",\"stack\":\"at x (a.js:1)\"}\n";
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(jsonl);
            Path file = write("in-" + n + ".jsonl", input);
            check("triage JSONL", n, input, () -> cli("triage", "--input", file.toString()));
        }
        check("triage JSONL", -1, new byte[0], () -> cli("triage", "--input", dir.toString()));

        String patterns = resource("/dev/healdesk/core/triage/patterns.json");
        String smallPatterns = patterns.substring(0, patterns.indexOf("},", patterns.indexOf("\"id\"")) + 1) + "]}";
        Path valid = write("valid.jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(n % 2 == 0 ? smallPatterns : patterns);
            Path file = write("patterns-" + n + ".json", input);
            check("patterns.json", n, input, () -> cli("triage", "--patterns", file.toString(), "--input",
                    valid.toString()));
        }

        String junit = resource("/dev/healdesk/core/suite/junit/surefire.xml");
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(junit);
            Path file = write("junit-" + n + ".xml", input);
            check("JUnit XML", n, input, () -> {
                try {
                    new JUnitXmlParser().parse(file, "ci");
                    return null;
                } catch (SuiteException e) {
                    return e.getMessage();
                }
            });
        }

        String report = resource("/dev/healdesk/core/suite/playwright/report-real.json");
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(report);
            Path file = write("pw-" + n + ".json", input);
            check("Playwright JSON", n, input, () -> {
                try {
                    PlaywrightJsonReport.Report r = PlaywrightJsonReport.parse(file, dir);
                    return r.problem();
                } catch (SuiteException e) {
                    return e.getMessage();
                }
            });
        }

        String settings = "{\"llm\": {\"host\": \"localhost:11434\", \"model\": \"llama3.2\"},"
                + " \"results\": {\"dir\": \"./healing-results\"}}";
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(settings);
            Path folder = Files.createDirectories(dir.resolve("config-" + n));
            Files.write(folder.resolve(SettingsFile.NAME), input);
            check("settings JSON", n, input, () -> {
                SettingsFile.Contents c = SettingsFile.fromEnvironment(Map.of("HEALDESK_CONFIG_DIR",
                        folder.toString())).read();
                return c.problems().isEmpty() ? null : String.join("\n", c.problems());
            });
        }

        String env = "TEST_EMAIL=demo@example.com\nTEST_PASSWORD='s3cret value'\nexport API_URL=http://127.0.0.1:8080\n";
        for (int n = 0; n < PER_PARSER; n++) {
            byte[] input = mutate(env);
            Path file = write("env-" + n, input);
            check(".env", n, input, () -> {
                DotEnv d = DotEnv.read(file);
                return d.problems().isEmpty() ? null : String.join("\n", d.problems());
            });
        }

        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        System.out.printf("fuzz: %d inputs tried, %d refused cleanly, %d accepted, none internal, in %d s%n", tried,
                refused, tried - refused, seconds);
        assertThat(tried).isGreaterThanOrEqualTo(280);
        assertThat(refused).as("the generator makes mostly broken inputs").isGreaterThan(tried / 3);
        assertThat(seconds).as("bounded in time").isLessThan(60);
        pool.shutdownNow();
    }

    /** An in-process {@code healdesk} command: exit 0 or 2, never 3; its refusal message, or null. */
    private static String cli(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isIn(0, 2);
        return r.code() == 0 ? null : r.err();
    }

    @Test
    void aDamagedRunFolderIsReportedFromTheDatabaseAndSaysSo() throws Exception {
        String results = "--results-dir=" + dir.resolve("results");
        CliRun run = CliRun.of("run", "--skip-llm", "--projects=health", results);
        assertThat(run.code()).as(run.err()).isIn(0, 1);
        String runId = new ObjectMapper().readTree(dir.resolve("results/latest.json").toFile()).get("runId").asText();
        Path summary = dir.resolve("results").resolve(runId).resolve("healing-summary.json");
        String valid = Files.readString(summary);
        int damaged = 0;
        int cases = 20;
        for (int n = 0; n < cases; n++) {
            byte[] input = n == 0 ? valid.replace("\"status\"", "\"status\":\"on fire\",\"x\"").getBytes(
                    StandardCharsets.UTF_8) : mutate(valid);
            Files.write(summary, input);
            tried++;
            CliRun report = CliRun.of("report", runId, "--format=md", "--out=-", results);
            assertThat(report.code()).as("case " + n + ": " + report.err()).isZero();
            assertThat(report.out()).as("nothing recorded is lost").contains("# Healdesk run " + runId);
            if (report.err().contains("is damaged")) {
                damaged++;
                assertThat(report.err()).contains("built from the history database");
            }
            assertThat(CLASS_NAME.matcher(report.err()).find()).as(report.err()).isFalse();
        }
        assertThat(damaged).isGreaterThan(cases / 2);

        CliRun toFolder = CliRun.of("report", runId, "--out=" + dir, results);
        assertThat(toFolder.code()).isEqualTo(2);
        assertThat(toFolder.err()).contains("--out: " + dir + " is a folder");
        Path blocked = Files.writeString(dir.resolve("a-file"), "x");
        CliRun underAFile = CliRun.of("report", runId, "--out=" + blocked.resolve("r.html"), results);
        assertThat(underAFile.code()).isEqualTo(2);
        assertThat(underAFile.err()).contains("is a file, not a folder");
    }
}
