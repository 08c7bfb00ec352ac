package dev.healdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.process.BoundedProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged app, built by the one recipe ({@code java jpackage/Packager.java}, which {@code mvn -Ppackage} runs
 * too) as an app image only (no installer), then started through its own launcher, bin/healdesk: the version, a
 * real sandbox run, the console to its first frame (under xvfb-run when there is no display), and the AppCDS
 * archive mapped by that launcher, also after the image moved (as the .deb's postinst writes it in /opt).
 * Runs in {@code integration-test}, after {@code package} has built target/healdesk.jar and target/lib/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedAppIT {

    private static final Duration START = Duration.ofMinutes(2);

    private final Path basedir = Path.of(System.getProperty("healdesk.basedir", ".")).toAbsolutePath();
    private final Path buildDir = Path.of(System.getProperty("healdesk.buildDir", "target")).toAbsolutePath();
    private final Path scratch = buildDir.resolve("it-packaged");
    private Path image;

    @BeforeAll
    void buildTheAppImage() throws Exception {
        deleteTree(scratch);
        Files.createDirectories(scratch);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        BoundedProcess.Result built = BoundedProcess.run(List.of(java.toString(), "jpackage/Packager.java",
                        "--build-dir=" + buildDir, "--dest=" + scratch.resolve("image"),
                        "--app-version=" + System.getProperty("healdesk.version", "0.1.0"), "--installer=none"),
                Duration.ofMinutes(10), basedir, Map.of());
        assertThat(built.exitCode()).as("the Packager's output:%n%s%n%s", built.stdout(), built.stderr()).isZero();
        image = scratch.resolve("image").resolve("healdesk");
    }

    @Test
    @Order(1)
    void theImageHoldsItsRuntimeTheAppAndTheAppCdsArchive() throws IOException {
        assertThat(image.resolve("bin/healdesk")).isExecutable();
        assertThat(image.resolve("lib/app/healdesk.jar")).isRegularFile();
        assertThat(Files.size(image.resolve("lib/app/healdesk.classlist"))).isPositive();
        assertThat(Files.size(image.resolve("lib/app/healdesk.jsa"))).isGreaterThan(1 << 20);
        // the CLI's commands map an archive of their own (bin/healdesk names it when it is given arguments)
        assertThat(Files.size(image.resolve("lib/app/healdesk-cli.classlist"))).isPositive();
        assertThat(Files.size(image.resolve("lib/app/healdesk-cli.jsa"))).isGreaterThan(1 << 20);
        assertThat(Files.readString(image.resolve("bin/healdesk")))
                .contains("-XX:SharedArchiveFile=${APPDIR}/healdesk.jsa", "-XX:SharedArchiveFile=${APPDIR}/healdesk-cli.jsa");
        assertThat(Files.readString(image.resolve("lib/app/healdesk.cfg")))
                .contains("app.mainclass=dev.healdesk.Launcher", "-XX:SharedArchiveFile=$APPDIR/healdesk.jsa");
        // A jlinked runtime, not a JDK: no compiler, no jmods.
        assertThat(Files.readString(image.resolve("lib/runtime/release"))).contains("java.desktop", "jdk.zipfs")
                .doesNotContain("jdk.compiler");
        assertThat(image.resolve("lib/runtime/jmods")).doesNotExist();
        // The Playwright driver bundle keeps one platform's driver of five.
        Path bundle;
        try (Stream<Path> jars = Files.list(image.resolve("lib/app/lib"))) {
            bundle = jars.filter(p -> p.getFileName().toString().startsWith("driver-bundle-")).findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            Set<String> platforms = zip.stream().map(e -> e.getName().split("/"))
                    .filter(parts -> parts.length > 2 && parts[0].equals("driver")).map(parts -> parts[1])
                    .collect(Collectors.toSet());
            assertThat(platforms).containsExactly("linux");
        }
    }

    @Test
    @Order(2)
    void theLauncherPrintsTheVersionWithTheAppCdsArchiveMapped() throws Exception {
        Path log = scratch.resolve("class-load.txt");
        // -Xshare:on: the start fails when the archive cannot be mapped; the log says where classes came from.
        BoundedProcess.Result r = launch(List.of("--version"),
                Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + log));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Healdesk 0.1.0");
        assertThat(sourceOf(log, "dev.healdesk.Launcher")).isEqualTo("shared objects file");
    }

    @Test
    @Order(3)
    void theLauncherRunsTheSandboxHeadless() throws Exception {
        Path results = Files.createDirectories(scratch.resolve("results"));
        Path log = scratch.resolve("run-class-load.txt");
        BoundedProcess.Result r = launch(List.of("run", "--dry-run", "--skip-llm"),
                Map.of("HEALDESK_RESULTS_DIR", results.toString(),
                        "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString(),
                        "JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + log));
        assertThat(r.exitCode()).as("stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr()).isZero();
        // the packager's training runs are recorded in run's own archive: a run's own classes come from it
        assertThat(sourceOf(log, "dev.healdesk.cli.RunCommand")).isEqualTo("shared objects file");
        assertThat(sourceOf(log, "dev.healdesk.core.session.RunService")).isEqualTo("shared objects file");
        assertThat(sourceOf(log, "dev.healdesk.core.history.RunWrites")).isEqualTo("shared objects file");
        List<Path> runs;
        try (Stream<Path> folders = Files.list(results)) {
            runs = folders.filter(p -> p.getFileName().toString().startsWith("run-")).toList();
        }
        assertThat(runs).hasSize(1);
        JsonNode summary = new ObjectMapper().readTree(runs.get(0).resolve("healing-summary.json").toFile());
        assertThat(summary.path("status").asText()).isEqualTo("healthy");
        assertThat(summary.path("dryRun").asBoolean()).isTrue();
        assertThat(results.resolve("healdesk.db")).isRegularFile();
    }

    @Test
    @Order(4)
    void theLauncherOpensTheConsoleToItsFirstFrameWithItsClassesFromTheArchive() throws Exception {
        Path log = scratch.resolve("console-class-load.txt");
        Path cds = scratch.resolve("console-cds.txt");
        BoundedProcess.Result r = launch(List.of(), Map.of(
                "JAVA_TOOL_OPTIONS", "-Xshare:on -Dhealdesk.measureStartup=true -XX:+PrintFlagsFinal"
                        + " -Xlog:class+load=info:file=" + log + " -Xlog:cds=info:file=" + cds,
                "HEALDESK_RESULTS_DIR", scratch.resolve("console-results").toString(),
                "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString()));
        assertThat(r.exitCode()).as("stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout()).containsPattern("healdesk\\.firstFrameMs=\\d+");
        // The classes the training start recorded come from the archive, JavaFX's and the console's own.
        assertThat(sourceOf(log, "javafx.scene.Scene")).isEqualTo("shared objects file");
        assertThat(sourceOf(log, "dev.healdesk.app.HealdeskApp")).isEqualTo("shared objects file");
        assertThat(sourceOf(log, "dev.healdesk.app.ConsoleView")).isEqualTo("shared objects file");
        // mapped where it was written, not relocated (ArchiveRelocationMode 0), as the CLI's, heap objects and all
        assertThat(flag(r, "ArchiveRelocationMode")).isEqualTo("0");
        assertThat(Files.readString(cds)).contains(image.resolve("lib/app/healdesk.jsa").toString())
                .contains("CDS heap data relocation delta = 0 bytes");
    }

    @Test
    @Order(4)
    void theLaunchersCliCommandsMapTheCliArchiveWithTheClassesOfAStoredRunInIt() throws Exception {
        Path log = scratch.resolve("cli-class-load.txt");
        Path cds = scratch.resolve("cli-cds.txt");
        // the history the sandbox run (Order 3) left: one run, listed with its outcome
        BoundedProcess.Result r = launch(List.of("history", "--limit=5"), Map.of(
                "JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info:file=" + log + " -Xlog:cds=info:file=" + cds,
                "HEALDESK_RESULTS_DIR", scratch.resolve("results").toString(),
                "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString()));
        assertThat(r.exitCode()).as("stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout()).contains("healthy");
        assertThat(Files.readString(cds)).contains(image.resolve("lib/app/healdesk-cli.jsa").toString())
                .doesNotContain(image.resolve("lib/app/healdesk.jsa").toString())
                // its heap objects mapped where they were written: the heap placed as the dump placed it
                .contains("CDS heap data relocation delta = 0 bytes")
                .doesNotContain("CDS heap data needs to be relocated");
        // Classes only a CLI command loads, and those of a stored run's row: the packager's training put them there.
        assertThat(sourceOf(log, "dev.healdesk.cli.QuickStart")).isEqualTo("shared objects file");
        assertThat(sourceOf(log, "dev.healdesk.cli.HistoryCommand")).isEqualTo("shared objects file");
        // the plain form of a short command is read without picocli (cli/QuickStart)
        assertThat(sourceOf(log, "picocli.CommandLine")).isEqualTo("(not loaded)");
        assertThat(sourceOf(log, "org.sqlite.JDBC")).isEqualTo("shared objects file");
        assertThat(sourceOf(log, "dev.healdesk.core.run.RunOutcome")).isEqualTo("shared objects file");
        // and no class of the app from a jar (one would have been left out of the archive)
        try (Stream<String> lines = Files.lines(log)) {
            assertThat(lines.filter(l -> l.contains(" source: file:")).toList()).isEmpty();
        }
    }

    /**
     * A command that reads or writes a little and exits runs with C1 only, and so does a run, which mostly waits for its
     * suites; one that works long (a copy of a history) keeps the JVM's defaults.
     */
    @Test
    @Order(4)
    void shortCommandsAndRunsGetTheOptionsOfAShortProcessAndLongWorkTheJvmsDefaults() throws Exception {
        Map<String, String> flags = Map.of("JAVA_TOOL_OPTIONS", "-XX:+PrintFlagsFinal");
        BoundedProcess.Result history = launch(List.of("history", "--help"), flags);
        assertThat(flag(history, "TieredStopAtLevel")).isEqualTo("1");
        assertThat(flag(launch(List.of("report", "--help"), flags), "TieredStopAtLevel")).isEqualTo("1");
        BoundedProcess.Result copy = launch(List.of("history", "copy", "--help"), flags);
        assertThat(flag(copy, "TieredStopAtLevel")).isEqualTo("4");
        BoundedProcess.Result run = launch(List.of("run", "--help"), flags);
        assertThat(flag(run, "TieredStopAtLevel")).isEqualTo("1");
        // every command maps the CLI's archive where it was written, not relocated (ArchiveRelocationMode 0)
        for (BoundedProcess.Result r : List.of(history, copy, run)) {
            assertThat(flag(r, "ArchiveRelocationMode")).isEqualTo("0");
        }
        // a run, which lives as long as its suites, without the performance counters the periodic task samples
        assertThat(flag(run, "UsePerfData")).isEqualTo("false");
        assertThat(flag(history, "UsePerfData")).isEqualTo("true");
        assertThat(flag(copy, "UsePerfData")).isEqualTo("true");
        // a short command starts with a 16 MB heap; a run, which lives long, with the JVM's own start heap
        assertThat(flag(history, "InitialHeapSize")).isEqualTo(String.valueOf(16L << 20));
        assertThat(flag(run, "InitialHeapSize")).isNotEqualTo(String.valueOf(16L << 20));
        // of which at least 12 MB young, so that a report of a run collects no garbage it would free at its exit
        assertThat(flag(history, "NewSize")).isEqualTo(String.valueOf(12L << 20));
        assertThat(flag(run, "NewSize")).isNotEqualTo(String.valueOf(12L << 20));
        // a short command and a run (whose start and end its C1 thread otherwise compiled for a third of its own CPU)
        // compile a method after four times the calls; long work at the JVM's thresholds
        assertThat(flag(history, "CompileThresholdScaling")).isEqualTo("4.000000");
        assertThat(flag(run, "CompileThresholdScaling")).isEqualTo("4.000000");
        assertThat(flag(copy, "CompileThresholdScaling")).isEqualTo("1.000000");
        // run's class list names the Playwright runner's classes and Jackson's tree reader, which the JUnit training
        // runs never load, and not the benchmark's
        List<String> runList = Files.readAllLines(image.resolve("lib/app/healdesk-run.classlist"));
        assertThat(runList).contains("dev/healdesk/core/suite/playwright/PlaywrightTestRunner$LiveLines",
                "dev/healdesk/core/suite/playwright/PlaywrightJsonReport",
                "com/fasterxml/jackson/databind/deser/std/JsonNodeDeserializer");
        assertThat(runList).noneMatch(l -> l.startsWith("dev/healdesk/core/suite/playwright/PlaywrightBenchmark"));
        // bench --only=cli starts its floor (java -version) with the short commands' JVM options, listed here
        assertThat(Files.readAllLines(image.resolve("lib/app/healdesk-cli.jvm-options"))).containsExactly(
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0", "-XX:HeapBaseMinAddress=2g",
                "-XX:TieredStopAtLevel=1", "-Xms16m", "-XX:NewSize=12m", "-XX:CompileThresholdScaling=4");
        // every java line of the launcher puts sqlite-jdbc's jar first (its version file is then found in the first
        // jar opened): the console, the short commands, run and the rest, whose archives were written so
        String launcher = Files.readString(image.resolve("bin/healdesk"));
        assertThat(launcher.split("-cp \"", -1)).hasSize(5);
        assertThat(launcher.split("-cp \"\\$\\{APPDIR}/lib/sqlite-jdbc-", -1)).hasSize(5);
    }

    /** The value -XX:+PrintFlagsFinal printed for {@code name}. */
    private static String flag(BoundedProcess.Result r, String name) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().lines().map(String::trim).filter(l -> l.split("\\s+").length > 2
                        && l.split("\\s+")[1].equals(name)).map(l -> l.split("\\s+")[3]).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in:\n" + r.stdout()));
    }

    /**
     * jpackage's own Linux launcher ran {@code rpm -qf} and {@code dpkg -S} on itself at every start (0.2-0.4 s
     * before Java started); the image's launcher asks no package manager: stand-ins on the PATH record any call.
     */
    @Test
    @Order(4)
    void theLauncherAsksNoPackageManagerWhichPackageItBelongsTo() throws Exception {
        Path bin = Files.createDirectories(scratch.resolve("package-manager-stand-ins"));
        Path calls = scratch.resolve("package-manager-calls.txt");
        for (String tool : List.of("rpm", "dpkg", "dpkg-query")) {
            Path standIn = bin.resolve(tool);
            Files.writeString(standIn, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + calls + "'\nexit 1\n");
            assertThat(standIn.toFile().setExecutable(true)).isTrue();
        }
        BoundedProcess.Result r = launch(List.of("--version"), Map.of("PATH", bin + ":/usr/bin:/bin"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Healdesk 0.1.0");
        assertThat(calls).as("calls of rpm or dpkg").doesNotExist();
    }

    /**
     * SQLite's native library comes from the image (app/native), not copied out of its jar into the temp folder at
     * every start: with a temp folder that does not exist, where that copy fails, a history still opens.
     */
    @Test
    @Order(4)
    void aCliCommandLoadsSqliteFromTheImageNotFromTheTempFolder() throws Exception {
        Path db = Files.createFile(scratch.resolve("native-history.db"));   // empty: a database with no runs yet
        BoundedProcess.Result r = launch(List.of("history"), Map.of(
                "JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + scratch.resolve("no-such-temp-folder"),
                "HEALDESK_DB", db.toString(),
                "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString()));
        assertThat(r.exitCode()).as("stdout:%n%s%nstderr:%n%s", r.stdout(), r.stderr()).isZero();
        assertThat(r.stdout()).contains("No runs stored in");
        assertThat(image.resolve("lib/app/native/libsqlitejdbc.so")).isRegularFile();
    }

    /** Where -Xlog:class+load says the class came from ("shared objects file", "file:/...jar", ...). */
    private static String sourceOf(Path log, String className) throws IOException {
        String prefix = "[class,load] " + className + " source: ";
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(prefix)).map(l -> l.substring(l.indexOf(prefix) + prefix.length()))
                    .findFirst().orElse("(not loaded)");
        }
    }

    /**
     * Java 17 maps an AppCDS archive only for the absolute class path it was written with, so an image that moved
     * (the .deb's files in /opt/healdesk) gets its archive written where it is, by the .deb's postinst line.
     */
    @Test
    @Order(5)
    void aMovedImageGetsItsArchiveWrittenWhereItIsAsThePostinstDoes() throws Exception {
        Path moved = Files.createDirectories(scratch.resolve("moved/opt")).resolve("healdesk");
        Files.move(image, moved);
        image = moved;
        String postinst = Files.readString(basedir.resolve("jpackage/linux/postinst"));
        assertThat(postinst).contains("JAVA_TOOL_OPTIONS=\"-Xshare:dump"
                + " -XX:SharedClassListFile=/opt/healdesk/lib/app/healdesk.classlist -Xlog:cds=error\"");
        assertThat(postinst).contains("JAVA_TOOL_OPTIONS=\"-Xshare:dump"
                + " -XX:SharedClassListFile=/opt/healdesk/lib/app/healdesk-cli.classlist -Xlog:cds=error\"");
        BoundedProcess.Result dump = launch(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:dump"
                + " -XX:SharedClassListFile=" + moved.resolve("lib/app/healdesk.classlist") + " -Xlog:cds=error"));
        assertThat(dump.exitCode()).as(dump.stderr()).isZero();
        BoundedProcess.Result cliDump = launch(List.of("--version"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:dump"
                + " -XX:SharedClassListFile=" + moved.resolve("lib/app/healdesk-cli.classlist") + " -Xlog:cds=error"));
        assertThat(cliDump.exitCode()).as(cliDump.stderr()).isZero();

        BoundedProcess.Result r = launch(List.of("--version"), Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on"));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("Healdesk 0.1.0");
        BoundedProcess.Result console = launch(List.of(), Map.of(
                "JAVA_TOOL_OPTIONS", "-Xshare:on -Dhealdesk.measureStartup=true",
                "HEALDESK_RESULTS_DIR", scratch.resolve("moved-results").toString(),
                "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString()));
        assertThat(console.exitCode()).as(console.stderr()).isZero();
        assertThat(console.stdout()).containsPattern("healdesk\\.firstFrameMs=\\d+");
    }

    /** bin/healdesk with these arguments; with none (the console) under xvfb-run when there is no display. */
    private BoundedProcess.Result launch(List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>();
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        boolean console = args.isEmpty() && !env.getOrDefault("JAVA_TOOL_OPTIONS", "").contains("-Xshare:dump");
        if (console && !display) {
            command.addAll(List.of("xvfb-run", "-a", "-s", "-screen 0 1440x900x24"));
        }
        command.add(image.resolve("bin/healdesk").toString());
        command.addAll(args);
        return BoundedProcess.run(command, START, scratch, env);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
