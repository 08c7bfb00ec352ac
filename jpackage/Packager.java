import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The one recipe for Healdesk's app image and installers, run from the project root after
 * {@code mvn -DskipTests package}. {@code mvn -Ppackage} runs it, and so does the integration test
 * (PackagedAppIT), so what the test starts is what ships:
 * <pre>
 *   java jpackage/Packager.java [--build-dir=target] [--dest=target/image] [--app-version=0.1.0]
 *                               [--installer=default|deb|rpm|msi|dmg|none]
 * </pre>
 * <ol>
 *   <li>stages healdesk.jar and lib/ (the Playwright driver bundle keeps only this platform's driver);</li>
 *   <li>{@code jlink @jpackage/jlink.txt}: a runtime of the modules Healdesk uses, with its CDS archive;</li>
 *   <li>{@code jpackage @jpackage/common.txt @jpackage/app-image.txt @jpackage/app-image-OS.txt}: DEST/healdesk;</li>
 *   <li>AppCDS, through the image's own launcher: a training start of the console to its first frame
 *       ({@code -Dhealdesk.measureStartup=true}, under {@code xvfb-run} when there is no display) records the
 *       classes it loads in app/healdesk.classlist; on Linux, two real {@code healdesk run}s and training runs of
 *       the CLI's short commands over the history they filled record theirs in app/healdesk-cli.classlist (elsewhere, runs
 *       of {@code history} and {@code triage} add theirs to the console's list: jpackage's launchers map one archive);
 *       {@code -Xshare:dump} writes app/healdesk.jsa (and app/healdesk-cli.jsa), which the launcher maps, and starts
 *       with {@code -Xshare:on} prove that it does;</li>
 *   <li>{@code jpackage @jpackage/common.txt @jpackage/TYPE.txt --app-image ...}: the installer in BUILD/installer
 *       (default: deb on Linux, msi on Windows, dmg on macOS).</li>
 * </ol>
 * Exit codes: 0 built, 1 a step failed (its output above says why), 2 usage.
 */
public final class Packager {

    private static final String NAME = "healdesk";
    private static final long STEP_MINUTES = 10;
    /** The console's archive, named in app-image.txt's java-options; on Linux the CLI's commands map their own. */
    private static final String CONSOLE_ARCHIVE = "-XX:SharedArchiveFile=$APPDIR/" + NAME + ".jsa";
    private static final String CLI_ARCHIVE = "-XX:SharedArchiveFile=$APPDIR/" + NAME + "-cli.jsa";
    /**
     * {@code run}'s own archive, of what the Packager's two training runs load: in the CLI's archive those classes cost
     * every short command (packaged {@code history}: 4 - 8 % more CPU with a 28 MB archive than with 24 MB, two sets
     * of 20 - 24 alternating pairs), and a run needs them (a packaged seed run loaded 511 of its 2,692 classes from
     * elsewhere than the CLI's archive, 83 with its own).
     */
    private static final String RUN_ARCHIVE = "-XX:SharedArchiveFile=$APPDIR/" + NAME + "-run.jsa";
    /**
     * JVM options of a CLI command on Linux (the shell launcher with arguments), for a process that lives a fraction
     * of a second: -XX:TieredStopAtLevel=1, compiled code from C1 only, without the profiling that feeds C2, whose
     * compilations a short command never lives to use (perf on a 2-core machine: the compiler threads took a third of
     * a packaged history command's CPU, C2 alone a sixth; with this, its CPU fell by a sixth to a fifth). Tried and
     * left out, as they did not pay beyond the noise: -XX:+UseSerialGC (and Java 17 maps the archived heap objects
     * only under G1), -XX:-UsePerfData. Commands that work long (merge, bench, redact, sandbox, schedule) keep
     * the JVM's defaults: C2 pays there. Also left out: -XX:CompileThresholdScaling=10, which cut C1's CPU by three
     * quarters (history's CPU time -14 %, report's -18 % in 20 alternating pairs) but added 12-15 % to the main
     * thread's, which runs interpreted longer: on an idle two-core machine C1 runs beside it, and the main thread is
     * what a command's wall time follows.
     */
    private static final List<String> SHORT_CLI_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    /**
     * JVM options of the console and of every CLI command on Linux: map the archive at the address it was written for.
     * This Java 17 build (17.0.15) relocates every archive it maps by default (ArchiveRelocationMode=1, an
     * address-space randomisation of the class metadata): it rewrites each pointer of the archive at every start, which
     * cost {@code java -version} with the CLI's 24 MB archive 228 ms of CPU against 164 ms mapped in place, and the
     * console's start (31 MB), by -Xlog:cds's clock, 0.33-0.40 s against under 0.01 s at load 15, on the main thread
     * before anything else. Mode 0 maps it in place, and relocates it only where that address is taken (a diagnostic
     * option, hence the unlock).
     * <p>And the Java heap where the archive's heap objects were written: -XX:HeapBaseMinAddress=2g (the JVM's own
     * default lowest heap address, given explicitly, so that the heap starts there). Java 17 archives heap objects (the
     * classes' mirrors, their interned strings, the module graph) and maps them in place only where the runtime's heap
     * ends where the dumping JVM's heap ended. A dumping JVM keeps its heap below the archive's own address range, so
     * with the JVM's default placement its heap ended 1 GB lower than a running JVM's (0x7c0000000 against 0x800000000
     * with the same 6 GB maximum): {@code -Xlog:cds} said "CDS heap data needs to be relocated to the end of the runtime
     * heap" and every start patched each pointer of the archive's 1.6 MB of heap objects. The archives are written
     * through this launcher, so the dump and every start place the heap alike ("relocation delta = 0 bytes", for a
     * 1 GB, a 6 GB and a 31 GB maximum heap alike). The CLI's archive, alternating pairs under chrt (src/site/markdown/
     * benchmarks.md, the twelfth pass): {@code java -version} with it 11-12 ms less, a packaged {@code history} 9-14 ms.
     */
    private static final List<String> ARCHIVE_IN_PLACE = List.of("-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0", "-XX:HeapBaseMinAddress=2g");
    /**
     * JVM options of a short command ({@link #SHORT_COMMANDS}) only, not of a run: a start heap of 16 MB instead of the
     * JVM's 1/64 of the machine's memory. G1 clears the card table and block-offset table of the heap it commits at
     * start, memory a command that allocates tens of megabytes never uses; the heap grows as before when it needs to
     * (one young collection in a {@code report} or {@code triage}). A few percent: CPU of a packaged command against
     * the defaults', medians of per-pair ratios, 12-14 alternating pairs on the 2-core machine at load 8-13:
     * {@code history} 0.90, 0.93 and 0.955, {@code report} 1.03 (clock ticks) and 0.97 (perf's task clock),
     * {@code java -version} 1.00. A run keeps the JVM's start heap: it lives long and allocates more. Tried again and
     * left out: -XX:-UsePerfData (0.91, then 1.01), -XX:CICompilerCount=1 (1.05).
     * <p>And -XX:CompileThresholdScaling=4: C1 compiles a method after four times the calls (~330 methods of a
     * {@code history}, a third of them java.lang.invoke's lambda plumbing, become ~135). C1's thread took a fifth of
     * a short command's CPU beside the main thread and the warm-up threads on two cores; with this the process's CPU
     * fell 7-9 % ({@code history} 0.93, {@code report} 0.93, {@code triage} 0.91, medians of 20 alternating pairs
     * under chrt) and the wall time by ~1 % on otherwise idle cores (0.99, 0.99, 1.00), more where the cores are
     * shared. At 10 (tried in the third pass, without the warm-up threads) the interpreted main thread lost more
     * than C1's thread saved; -Xint, the far end, costs {@code triage} 13 % (its regular expressions need C1).
     * <p>And -XX:NewSize=12m: a young generation of at least 12 MB of those 16. G1 sizes its young generation from the
     * start heap (5 % of 16 MB, one 4 MB region here), so a {@code report} of the bench's 200-test run made a young
     * collection near its end (-Xlog:gc: "Pause Young (Normal) 5M->3M", 5.6 ms, every thread stopped) where it had
     * nothing left to collect that the exit would not free; with three regions it makes none. Alternating pairs
     * under chrt (src/site/markdown/benchmarks.md, the fourteenth pass): {@code report} 0.95 of the wall time and
     * of the CPU, {@code history} and {@code triage}, which allocate less, 0.97-1.01, {@code java -version} 0.995-1.01.
     * A command that allocates more still collects, less often; the heap grows as before.
     */
    private static final List<String> SHORT_COMMAND_ONLY_OPTIONS = List.of("-Xms16m", "-XX:NewSize=12m",
            "-XX:CompileThresholdScaling=4");
    /**
     * The JVM options of a short command beyond its class path, archive and properties, one a line, in lib/app: what
     * {@code bench --only=cli --image} starts its floor, {@code java -version} of the image's runtime, with, so that
     * the floor and the commands run with the same JVM options.
     */
    static final String SHORT_JVM_OPTIONS_FILE = NAME + "-cli.jvm-options";
    /** The commands that get {@link #SHORT_CLI_OPTIONS}: each reads or writes a little and exits. */
    private static final List<String> SHORT_COMMANDS = List.of("history", "report", "triage", "doctor", "config",
            "help", "--help", "-h", "--version", "-V");
    /**
     * {@code run} lives long but mostly waits for its suites (Playwright, a test command), and gets
     * {@link #SHORT_CLI_OPTIONS} too: C2 compiled what the run's start and its look at the live results ran once or a
     * few times, and never paid back. One {@code healdesk run} of a 16-test Playwright suite, its JVM's own CPU read
     * from /proc (plain jar, 2 cores, load 9-14, two runs each, alternating): 2.9 and 3.2 s with the defaults (C2's
     * threads 1.0 s of it), 1.7 and 1.7 s with C1 only. It also gets {@link #RUN_ONLY_OPTIONS}.
     */
    private static final String RUN_COMMAND = "run";
    /**
     * JVM options of {@code run} only: -XX:-UsePerfData, no performance counters. The JVM's periodic task samples them
     * every 50 ms for as long as the process lives, and a run lives as long as its suites: 0.07 s of a packaged
     * {@code run}'s 1.26 s of own CPU beside a 10-test Playwright suite (its threads read from /proc, load 12 - 16),
     * about 1.4 ms a second of the run's wall. The counters are what {@code jps} and {@code jstat} read; {@code jcmd PID}
     * still attaches. (Tried for the short commands, which live a fraction of a second: no gain beyond the noise.)
     * <p>And -XX:CompileThresholdScaling=4, as the short commands have it ({@link #SHORT_COMMAND_ONLY_OPTIONS}): C1
     * compiles a method after four times the calls. A run's C1 thread took about a third of its own CPU (0.27 of a
     * packaged seed run's 0.81 s), compiling what the run's start and end run a few times; what it runs while
     * Playwright does (a look at the live lines a few times a second, a parse per result) is little and still gets
     * compiled where it runs often. Packaged seed runs, own CPU (its threads read from /proc every 20 ms), alternating
     * with the option given through JAVA_TOOL_OPTIONS to the same image: src/site/markdown/benchmarks.md, the runner's
     * sixth pass.
     */
    private static final List<String> RUN_ONLY_OPTIONS = List.of("-XX:-UsePerfData", "-XX:CompileThresholdScaling=4");

    private final Path buildDir;
    private final Path dest;
    private final String appVersion;
    private final String installer;
    private final Os os = Os.current();

    private Packager(Path buildDir, Path dest, String appVersion, String installer) {
        this.buildDir = buildDir;
        this.dest = dest;
        this.appVersion = appVersion;
        this.installer = installer;
    }

    public static void main(String[] args) throws Exception {
        Path buildDir = Path.of("target");
        Path dest = null;
        String version = "0.1.0";
        String installer = "default";
        for (String arg : args) {
            if (arg.startsWith("--build-dir=")) {
                buildDir = Path.of(arg.substring("--build-dir=".length()));
            } else if (arg.startsWith("--dest=")) {
                dest = Path.of(arg.substring("--dest=".length()));
            } else if (arg.startsWith("--app-version=")) {
                // jpackage wants numbers (msi and dmg: 1 to 3 of them): 0.1.0-SNAPSHOT is packaged as 0.1.0.
                version = arg.substring("--app-version=".length()).replaceFirst("-.*$", "");
            } else if (arg.startsWith("--installer=")) {
                installer = arg.substring("--installer=".length());
            } else {
                usage("unknown argument '" + arg + "'");
            }
        }
        if (!version.matches("\\d+(\\.\\d+){0,2}")) {
            usage("--app-version=" + version + ": give one to three numbers, such as 0.1.0");
        }
        if (!List.of("default", "none", "deb", "rpm", "msi", "dmg").contains(installer)) {
            usage("--installer=" + installer + ": use default, none, deb, rpm, msi or dmg");
        }
        if (!Files.isRegularFile(Path.of("jpackage", "common.txt"))) {
            usage("run it from the project root (jpackage/common.txt is not in " + Path.of("").toAbsolutePath() + ")");
        }
        if (!Files.isRegularFile(buildDir.resolve(NAME + ".jar")) || !Files.isDirectory(buildDir.resolve("lib"))) {
            usage(buildDir.resolve(NAME + ".jar") + " or " + buildDir.resolve("lib") + " is missing: run"
                    + " `mvn -DskipTests package` first");
        }
        buildDir = buildDir.toAbsolutePath().normalize();
        dest = dest == null ? buildDir.resolve("image") : dest.toAbsolutePath().normalize();
        try {
            new Packager(buildDir, dest, version, installer).run();
        } catch (StepFailed e) {
            System.err.println("Packager: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String message) {
        System.err.println("Packager: " + message + ".");
        System.err.println("Usage: java jpackage/Packager.java [--build-dir=target] [--dest=target/image]"
                + " [--app-version=0.1.0] [--installer=default|deb|rpm|msi|dmg|none]");
        System.exit(2);
    }

    private void run() throws IOException, InterruptedException {
        Path work = buildDir.resolve("jpackage");
        Path input = work.resolve("input");
        Path runtime = work.resolve("runtime");
        deleteTree(work);
        Files.createDirectories(input);
        stage(input);

        step("jlink", List.of(tool("jlink"), "@jpackage/jlink.txt", "--output", runtime.toString()));

        Path image = dest.resolve(os.image);
        deleteTree(image);
        List<String> appImage = new ArrayList<>(List.of(tool("jpackage"), "@jpackage/common.txt",
                "@jpackage/app-image.txt", "@jpackage/app-image-" + os.id + ".txt", "--type", "app-image",
                "--app-version", appVersion, "--input", input.toString(), "--runtime-image", runtime.toString(),
                "--dest", dest.toString()));
        step("jpackage app-image", appImage);
        if (os == Os.LINUX) {
            writeShellLauncher(image);
        }

        Path archive = train(image);

        String type = installer.equals("default") ? os.installer : installer;
        Path installerFile = null;
        if (!type.equals("none")) {
            Path out = buildDir.resolve("installer");
            Files.createDirectories(out);
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith("." + type)).toList()) {
                    Files.delete(p);
                }
            }
            step("jpackage " + type, List.of(tool("jpackage"), "@jpackage/common.txt", "@jpackage/" + type + ".txt",
                    "--type", type, "--app-version", appVersion, "--app-image", image.toString(),
                    "--dest", out.toString()));
            try (Stream<Path> built = Files.list(out)) {
                installerFile = built.filter(p -> p.getFileName().toString().endsWith("." + type)).findFirst()
                        .orElseThrow(() -> new StepFailed("jpackage " + type + " left no ." + type + " in " + out));
            }
            if (type.equals("deb")) {
                checkDeb(installerFile);
            }
        }

        System.out.printf(Locale.ROOT, "Packager: app image %s (%.1f MB), AppCDS archive %s (%.1f MB)%n", image,
                size(image) / 1e6, archive.getFileName(), Files.size(archive) / 1e6);
        if (installerFile != null) {
            System.out.printf(Locale.ROOT, "Packager: installer %s (%.1f MB)%n", installerFile,
                    Files.size(installerFile) / 1e6);
        }
    }

    /** healdesk.jar and lib/ as in the build folder; the driver bundle cut down to this platform's driver. */
    private void stage(Path input) throws IOException {
        Files.copy(buildDir.resolve(NAME + ".jar"), input.resolve(NAME + ".jar"));
        Path lib = Files.createDirectories(input.resolve("lib"));
        try (Stream<Path> jars = Files.list(buildDir.resolve("lib"))) {
            for (Path jar : jars.sorted().toList()) {
                String name = jar.getFileName().toString();
                if (name.startsWith("driver-bundle-") && name.endsWith(".jar")) {
                    keepOnePlaywrightDriver(jar, lib.resolve(name));
                } else {
                    Files.copy(jar, lib.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Playwright's driver bundle holds a Node.js driver for each of five platforms (200 MB); Playwright only
     * ever extracts {@code driver/<its platform>/}, so the others are left out of this platform's package.
     */
    private void keepOnePlaywrightDriver(Path from, Path to) throws IOException {
        String keep = "driver/" + os.playwrightPlatform() + "/";
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(from));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String n = e.getName();
                if (n.startsWith("driver/") && !n.equals("driver/") && !n.startsWith(keep)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(n);
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    /**
     * On Linux, bin/healdesk becomes a shell script that starts the image's java with what jpackage's launcher reads
     * from lib/app/healdesk.cfg: its java-options, {@code -Djpackage.app-path}, the class path and the main class.
     * Either archive is mapped where it was written ({@link #ARCHIVE_IN_PLACE}).
     * With arguments (a command) it maps the CLI's archive instead of the console's ({@link #CLI_ARCHIVE}), and a short
     * command ({@link #SHORT_COMMANDS}) and {@code run} ({@link #RUN_COMMAND}) also get {@link #SHORT_CLI_OPTIONS}, a short
     * command also {@link #SHORT_COMMAND_ONLY_OPTIONS} (listed in {@link #SHORT_JVM_OPTIONS_FILE} for the bench's floor).
     * jpackage's own Linux launcher asks the package managers which package it belongs to on every start
     * ({@code rpm -qf} and {@code dpkg -S} on itself, twice: once to find libapplauncher.so, once in it), which cost
     * a CLI command 0.2-0.4 s before Java started, more than the whole {@code java -version} it is measured against.
     * A key of the configuration this does not know fails the build rather than being left out.
     */
    private static void writeShellLauncher(Path image) throws IOException {
        Path cfg = image.resolve("lib/app/" + NAME + ".cfg");
        String mainClass = null;
        List<String> classPath = new ArrayList<>();
        List<String> javaOptions = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(cfg)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                section = line.trim();
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq);
            String value = eq < 0 ? "" : line.substring(eq + 1);
            switch (section + key) {
                case "[Application]app.mainclass" -> mainClass = value;
                case "[Application]app.classpath" -> classPath.add(value);
                case "[JavaOptions]java-options" -> javaOptions.add(value);
                default -> throw new StepFailed(cfg + ": '" + line + "' in " + section + " is not passed by the shell"
                        + " launcher (writeShellLauncher in jpackage/Packager.java): add it there");
            }
        }
        if (mainClass == null || classPath.isEmpty()) {
            throw new StepFailed(cfg + " names no main class or class path");
        }
        sqliteJdbcFirst(classPath);
        javaOptions.addAll(unpackSqliteLibrary(image.resolve("lib/app")));
        unpackJavaFxLibraries(image.resolve("lib/app/lib"));
        if (!javaOptions.contains(CONSOLE_ARCHIVE)) {
            throw new StepFailed(cfg + " has no " + CONSOLE_ARCHIVE + " (app-image.txt) for the shell launcher to"
                    + " exchange for the CLI's archive");
        }
        List<String> consoleOptions = new ArrayList<>();
        List<String> cliOptions = new ArrayList<>();
        for (String o : javaOptions) {
            consoleOptions.add(o);
            if (o.equals(CONSOLE_ARCHIVE)) {
                consoleOptions.addAll(ARCHIVE_IN_PLACE);
                cliOptions.add(CLI_ARCHIVE);
                cliOptions.addAll(ARCHIVE_IN_PLACE);
            } else {
                cliOptions.add(o);
            }
        }
        List<String> shortOptions = new ArrayList<>(cliOptions);
        shortOptions.addAll(SHORT_CLI_OPTIONS);
        shortOptions.addAll(SHORT_COMMAND_ONLY_OPTIONS);
        List<String> runOptions = new ArrayList<>();
        for (String o : cliOptions) {
            runOptions.add(o.equals(CLI_ARCHIVE) ? RUN_ARCHIVE : o);
        }
        runOptions.addAll(SHORT_CLI_OPTIONS);
        runOptions.addAll(RUN_ONLY_OPTIONS);
        List<String> floorOptions = new ArrayList<>(ARCHIVE_IN_PLACE);
        floorOptions.addAll(SHORT_CLI_OPTIONS);
        floorOptions.addAll(SHORT_COMMAND_ONLY_OPTIONS);
        Files.write(image.resolve("lib/app/" + SHORT_JVM_OPTIONS_FILE), floorOptions);
        String java = "\"$ROOT/lib/runtime/bin/java\"";
        String script = """
                #!/bin/sh
                # Healdesk's launcher, written by jpackage/Packager.java from lib/app/healdesk.cfg in place of jpackage's
                # own Linux launcher, which asks rpm and dpkg on every start which package it belongs to (a quarter of
                # a second and more before Java starts). The same java, options, class path and main class; the console
                # (no arguments) maps the class-data archive of its first frame, a command the CLI's archive, and a
                # command that reads or writes a little and exits, or a run (which mostly waits for its suites), also
                # the JVM options of a short process.
                # readlink (a process of its own: a few ms) only where $0 is a link or relative; an absolute path
                # through a linked folder is fine (the archive's class path is compared file by file)
                self=$0
                case "$self" in
                    /*) if [ -L "$self" ]; then self=$(readlink -f "$0") || exit 127; fi ;;
                    *) self=$(readlink -f "$0") || exit 127 ;;
                esac
                ROOT=${self%/bin/*}
                APPDIR="$ROOT/lib/app"
                if [ $# -eq 0 ]; then
                """ + exec(java, consoleOptions, classPath, mainClass, false, "    ") + """
                fi
                case "$1" in
                    %s)
                        if [ "$1 $2" != "history copy" ]; then
                """.formatted(String.join("|", SHORT_COMMANDS)) + exec(java, shortOptions, classPath, mainClass, true,
                "            ") + """
                        fi
                        ;;
                    %s)
                """.formatted(RUN_COMMAND) + exec(java, runOptions, classPath, mainClass, true, "        ") + """
                        ;;
                esac
                """ + exec(java, cliOptions, classPath, mainClass, true, "");
        Path launcher = image.resolve(Os.LINUX.launcher);
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
        System.out.println("Packager: " + launcher + ": a shell launcher over " + cfg.getFileName());
    }

    /**
     * Moves sqlite-jdbc's jar to the front of the launcher's class path. Its classes come from the archives wherever it
     * stands, but a history's first connection reads sqlite-jdbc's version file through the class loader, which opens
     * each jar in turn until one has it: healdesk.jar (and its manifest's class path of sixty jars) first, where
     * nothing else a {@code history} process does opened it. First, only its own jar is opened. A resource of
     * healdesk.jar (triage's catalog, the report's rule table) is then looked for in sqlite-jdbc's jar first, which a
     * report's warm-up has open already and which costs {@code triage} one small jar's directory (214 entries) more,
     * within the noise of its pairs below. Packaged {@code history},
     * 20 and 24 alternating pairs under chrt at load 10-11: wall 0.97 and 1/1.032, CPU 0.975 and 1/1.015;
     * {@code report} 0.99, {@code triage} 0.99 and 1.00. No class is in both jars; of their resources only the manifest
     * (which nothing here reads through the class loader) and META-INF/services/java.sql.Driver, which lists every
     * driver in any order (each takes only its own URLs).
     * The archives are written with this class path (Java 17 maps one only for the class path it was written with).
     */
    private static void sqliteJdbcFirst(List<String> classPath) {
        for (int i = 0; i < classPath.size(); i++) {
            if (classPath.get(i).matches(".*/sqlite-jdbc-[^/]*\\.jar")) {
                classPath.add(0, classPath.remove(i));
                return;
            }
        }
        throw new StepFailed("no sqlite-jdbc jar on the class path of " + NAME + ".cfg");
    }

    /** One {@code exec} of the image's java, each word on its own line, indented by {@code indent}. */
    private static String exec(String java, List<String> options, List<String> classPath, String mainClass,
                               boolean arguments, String indent) {
        StringBuilder command = new StringBuilder(indent).append("exec ").append(java);
        for (String option : options) {
            command.append(" \\\n    ").append(indent).append(shellWord(option));
        }
        command.append(" \\\n    ").append(indent).append("\"-Djpackage.app-path=$self\"");
        command.append(" \\\n    ").append(indent).append("-cp ").append(shellWord(String.join(":", classPath)));
        command.append(" \\\n    ").append(indent).append(shellWord(mainClass)).append(arguments ? " \"$@\"" : "");
        return command.append("\n").toString();
    }

    /**
     * SQLite's native library for this platform, unpacked from the sqlite-jdbc jar into app/native at build time, and
     * the options that make sqlite-jdbc load it from there ({@code org.sqlite.lib.path}, {@code org.sqlite.lib.name}).
     * Otherwise every process that opens a history copies it out of the jar into the temp folder, reads both copies
     * back to compare them and deletes it at exit (a fifth of a CLI command's time), and cannot start where the temp
     * folder is mounted noexec. Which library is sqlite-jdbc's own choice (its LibraryLoaderUtil), not a copy of it.
     */
    private static List<String> unpackSqliteLibrary(Path appDir) throws IOException {
        Path jar;
        try (Stream<Path> jars = Files.list(appDir.resolve("lib"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("sqlite-jdbc-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new StepFailed("no sqlite-jdbc jar in " + appDir.resolve("lib")));
        }
        String resource;
        String name;
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> util = loader.loadClass("org.sqlite.util.LibraryLoaderUtil");
            resource = (String) util.getMethod("getNativeLibResourcePath").invoke(null);
            name = (String) util.getMethod("getNativeLibName").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new StepFailed("cannot ask " + jar.getFileName() + " for its native library: " + e);
        }
        Path dir = Files.createDirectories(appDir.resolve("native"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(resource.substring(1) + "/" + name);
            if (entry == null) {
                throw new StepFailed(jar.getFileName() + " holds no " + resource + "/" + name);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("Packager: " + resource + "/" + name + " unpacked into " + dir);
        return List.of("-Dorg.sqlite.lib.path=$APPDIR/native", "-Dorg.sqlite.lib.name=" + name);
    }

    /**
     * JavaFX's native libraries (glass, prism, fonts, effects), unpacked from its platform jars into the folder of those
     * jars, where JavaFX's loader looks first ({@code NativeLibLoader}: beside the jar that holds it, on Linux).
     * Otherwise every start of the console reads each library out of its jar, compares it with the copy in
     * {@code ~/.openjfx/cache} by MD5, both copies read in full, under a file lock, and loads that copy: on the
     * renderer's thread, which the toolkit waits for before the first frame. {@code -Djavafx.verbose=true} shows where
     * each was loaded from ("from relative path").
     */
    private static void unpackJavaFxLibraries(Path libDir) throws IOException {
        List<Path> jars;
        try (Stream<Path> all = Files.list(libDir)) {
            jars = all.filter(p -> p.getFileName().toString().matches("javafx-.*-linux(-aarch64)?\\.jar")).sorted().toList();
        }
        int unpacked = 0;
        for (Path jar : jars) {
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (name.indexOf('/') >= 0 || !name.endsWith(".so")) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, libDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                    unpacked++;
                }
            }
        }
        if (unpacked == 0) {
            throw new StepFailed("no JavaFX native library in the javafx-*-linux jars of " + libDir);
        }
        System.out.println("Packager: " + unpacked + " JavaFX native libraries unpacked into " + libDir);
    }

    /** {@code s} as one double-quoted shell word, with {@code $APPDIR} (jpackage's variable) left to the shell. */
    private static String shellWord(String s) {
        List<String> parts = new ArrayList<>();
        for (String part : s.split("\\$APPDIR", -1)) {
            parts.add(part.replaceAll("([\\\\\"`$])", "\\\\$1"));
        }
        return "\"" + String.join("${APPDIR}", parts) + "\"";
    }

    /**
     * AppCDS through the image's own launcher, so the archive is written for the launcher's exact class path:
     * a training start of the console to its first frame records the classes it loads (under xvfb-run when
     * there is no display); on Linux {@link #trainCli} records the CLI's in a list of their own, elsewhere training
     * runs of {@code healdesk history} and {@code healdesk triage} add them to the console's ({@link #mergeClassList});
     * {@code -Xshare:dump} writes the static archives (the launcher's {@code -XX:SharedArchiveFile}), and starts with
     * {@code -Xshare:on}, which fail when an archive cannot be mapped, prove each is taken.
     */
    private Path train(Path image) throws IOException, InterruptedException {
        Path appDir = image.resolve(os.appDir);
        Path launcher = image.resolve(os.launcher);
        Path classList = appDir.resolve(NAME + ".classlist");
        Path archive = appDir.resolve(NAME + ".jsa");
        Path scratch = Files.createTempDirectory("healdesk-appcds-");
        try {
            Map<String, String> env = new java.util.HashMap<>(Map.of(
                    "HEALDESK_RESULTS_DIR", scratch.resolve("results").toString(),
                    "HEALDESK_CONFIG_DIR", scratch.resolve("config").toString()));
            List<String> start = consoleStart(launcher);
            env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + classList + " -Dhealdesk.measureStartup=true");
            String out = step("AppCDS training (the console to its first frame)", start, env);
            if (!out.contains("healdesk.firstFrameMs=") || !Files.isRegularFile(classList)) {
                throw new StepFailed("the training start did not reach the console's first frame or left no "
                        + classList);
            }
            if (os == Os.LINUX) {
                // The shell launcher gives the CLI's commands their own archive (a smaller one than the console's and
                // the CLI's together: Java 17 relocates the whole archive it maps at each start)
                trainCli(launcher, appDir.resolve(NAME + "-cli.classlist"), scratch, env);
            } else {
                // jpackage's launchers map one archive: the CLI's commands add what they load to the console's
                Path cliList = scratch.resolve("cli.classlist");
                Path messages = scratch.resolve("messages.jsonl");
                Files.writeString(messages, "{\"id\":\"t1\",\"message\":\"connect ECONNREFUSED 127.0.0.1:5432\"}\n");
                Map<String, String> cliEnv = new java.util.HashMap<>(env);
                // An empty file is an empty SQLite database: 'history' opens it (schema and all) and finds no runs.
                cliEnv.put("HEALDESK_DB", Files.createFile(scratch.resolve("cli.db")).toString());
                for (List<String> command : List.of(List.of("history", "--limit=20"),
                        List.of("triage", "--input=" + messages))) {
                    Files.deleteIfExists(cliList);
                    cliEnv.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + cliList);
                    List<String> cli = new ArrayList<>(List.of(launcher.toString()));
                    cli.addAll(command);
                    step("AppCDS training (healdesk " + command.get(0) + ")", cli, cliEnv);
                    int added = mergeClassList(classList, cliList);
                    System.out.println("Packager: " + added + " classes of `healdesk " + command.get(0) + "` added to "
                            + classList.getFileName());
                }
            }
            // The warnings name classes CDS cannot keep (generated reflection accessors, JFR events): noise here.
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile=" + classList + " -Xlog:cds=error");
            step("AppCDS archive (-Xshare:dump)", List.of(launcher.toString()), env);
            if (os == Os.LINUX) {
                // with arguments, the launcher names the CLI's archive: -Xshare:dump writes that one
                env.put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile="
                        + appDir.resolve(NAME + "-cli.classlist") + " -Xlog:cds=error");
                step("AppCDS archive of the CLI (-Xshare:dump)", List.of(launcher.toString(), "--version"), env);
                // `run` names its own
                env.put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile="
                        + appDir.resolve(NAME + "-run.classlist") + " -Xlog:cds=error");
                step("AppCDS archive of run (-Xshare:dump)", List.of(launcher.toString(), "run", "--help"), env);
                env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
                String run = step("AppCDS check of run (-Xshare:on)", List.of(launcher.toString(), "run", "--help"),
                        env);
                if (!run.contains("--target") || !Files.isRegularFile(appDir.resolve(NAME + "-run.jsa"))) {
                    throw new StepFailed("`healdesk run` did not start with " + appDir.resolve(NAME + "-run.jsa"));
                }
                env.put("JAVA_TOOL_OPTIONS", "-Xshare:on -Dhealdesk.measureStartup=true");
                String console = step("AppCDS check of the console (-Xshare:on)", start, env);
                if (!console.contains("healdesk.firstFrameMs=")) {
                    throw new StepFailed("the console did not start with " + archive);
                }
            }
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            String check = step("AppCDS check (-Xshare:on)", List.of(launcher.toString(), "--version"), env);
            Path cliArchive = appDir.resolve(NAME + (os == Os.LINUX ? "-cli" : "") + ".jsa");
            if (!check.contains("Healdesk") || !Files.isRegularFile(archive) || !Files.isRegularFile(cliArchive)) {
                throw new StepFailed("the launcher did not start with " + cliArchive);
            }
            return archive;
        } finally {
            deleteTree(scratch);
        }
    }

    /** The console through {@code launcher}: under xvfb-run on Linux when there is no display. */
    private List<String> consoleStart(Path launcher) {
        List<String> start = new ArrayList<>();
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        if (os == Os.LINUX && !display) {
            Path xvfbRun = onPath("xvfb-run");
            if (xvfbRun == null) {
                throw new StepFailed("the AppCDS training starts the console, which needs a display: set DISPLAY"
                        + " or install xvfb-run (apt-get install xvfb xauth)");
            }
            start.addAll(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1440x900x24"));
        }
        start.add(launcher.toString());
        return start;
    }

    /**
     * The class list of the CLI's archive: two real {@code healdesk run}s (a JUnit suite of one report with two
     * failures, dry run, no model), then training runs of the short commands, through the image's launcher, against
     * the throwaway history the runs filled, so that what stored runs' rows and reports load is in it too; the last report is written
     * once the run folders are gone, from the history alone.
     */
    private static void trainCli(Path launcher, Path cliClassList, Path scratch, Map<String, String> consoleEnv)
            throws IOException, InterruptedException {
        Path project = Files.createDirectories(scratch.resolve("project"));
        Files.writeString(project.resolve("TEST-training.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="dev.example.CustomersTest" tests="3" failures="2" errors="0" skipped="0" time="1.2">
                  <testcase classname="dev.example.CustomersTest" name="listsCustomers" time="0.4"/>
                  <testcase classname="dev.example.CustomersTest" name="savesACustomer" time="0.3">
                    <failure message="connect ECONNREFUSED 127.0.0.1:5432" type="java.net.ConnectException">\
                java.net.ConnectException: connect ECONNREFUSED 127.0.0.1:5432
                \tat dev.example.CustomersTest.savesACustomer(CustomersTest.java:42)</failure>
                  </testcase>
                  <testcase classname="dev.example.CustomersTest" name="opensTheForm" time="0.5">
                    <failure message="Timeout 30000ms exceeded waiting for locator('#save')" \
                type="org.opentest4j.AssertionFailedError">Timeout 30000ms exceeded waiting for locator('#save')</failure>
                  </testcase>
                </testsuite>
                """);
        Path target = scratch.resolve("training-target.yaml");
        Files.writeString(target, """
                name: appcds-training
                suites:
                  - kind: junit
                    project: unit
                    command: [cp, TEST-training.xml, reports/TEST-training.xml]
                    dir: project
                    reports: reports/TEST-*.xml
                """);
        Files.createDirectories(project.resolve("reports"));
        Path messages = scratch.resolve("messages.jsonl");
        Files.writeString(messages, "{\"id\":\"t1\",\"message\":\"connect ECONNREFUSED 127.0.0.1:5432\"}\n"
                + "{\"id\":\"t2\",\"message\":\"Timeout 30000ms exceeded waiting for locator('#save')\"}\n");
        Map<String, String> env = new java.util.HashMap<>(consoleEnv);
        env.put("HEALDESK_DB", scratch.resolve("cli-training.db").toString());
        // The runs that fill the history are recorded in run's own list (RUN_ARCHIVE): a run's own CPU is set beside
        // its suites' (the issue's <= 5 % of Playwright's), and what a run of any suite loads (the target file's YAML,
        // the session, the history's writes, triage, the run folder, the lambdas of all of them) then comes from an
        // archive, not from the jars
        Path runClassList = cliClassList.resolveSibling(NAME + "-run.classlist");
        Files.deleteIfExists(runClassList);
        Files.deleteIfExists(cliClassList);
        Path runList = scratch.resolve("run.classlist");
        // two runs: what a report reads of a test's earlier runs (its flip rate) is in the archive too
        for (String which : List.of("a run", "a second run")) {
            // a run reads only the reports its suite wrote: the first run's is taken away
            Files.deleteIfExists(project.resolve("reports/TEST-training.xml"));
            Files.deleteIfExists(runList);
            env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + runList);
            step(which + " for the CLI's training (healdesk run, a JUnit suite of two failures; exit 1)",
                    List.of(launcher.toString(), "run", "--target=" + target, "--dry-run", "--skip-llm"), env,
                    Set.of(1));
            if (!Files.exists(runClassList)) {
                Files.copy(runList, runClassList);
            } else {
                System.out.println("Packager: " + mergeClassList(runClassList, runList) + " classes of " + which
                        + " added to " + runClassList.getFileName());
            }
        }
        // A Playwright suite's own runner, which the JUnit runs above never use: its classes and Jackson's tree reader
        // (the live lines and the JSON report are read into trees) named in run's list, so that a Playwright run maps
        // them too (the lambdas spun in them a list cannot name). One seed run loaded 88 of its ~2,680 classes from
        // elsewhere than run's archive, 67 with these (the lambdas, 21 of the runtime's own classes and 2 others); own
        // CPU 0.82 with these and those 21 named by hand (median of 5 pairs, benchmarks.md, the runner's sixth pass).
        // The build machine needs no Node.js for it.
        Path named = scratch.resolve("playwright-run.classlist");
        Files.write(named, playwrightRunClasses(cliClassList.resolveSibling(NAME + ".jar")));
        System.out.println("Packager: " + mergeClassList(runClassList, named) + " classes of a Playwright run added"
                + " to " + runClassList.getFileName());
        env.remove("JAVA_TOOL_OPTIONS");
        trainCommands(launcher, cliClassList, scratch, env, List.of(
                List.of("history", "--limit=20"),
                List.of("history", "--json"),
                List.of("report", "latest", "--format=html", "--out=" + scratch.resolve("report.html")),
                List.of("report", "latest")));
        // a run whose folder is gone (retention, a history copied elsewhere): its report is rebuilt from the history
        Path results = Path.of(env.get("HEALDESK_RESULTS_DIR"));
        Files.move(results, results.resolveSibling("results-gone"));
        trainCommands(launcher, cliClassList, scratch, env, List.of(
                List.of("report", "latest", "--format=html", "--out=" + scratch.resolve("report-from-history.html")),
                List.of("triage", "--input=" + messages),
                List.of("config"),
                List.of("--help"),
                List.of("--version")));
    }

    /** The tree deserializers of Jackson's databind that {@code ObjectMapper.readTree} uses. */
    static final List<String> JACKSON_TREE_CLASSES = List.of(
            "com/fasterxml/jackson/databind/deser/std/BaseNodeDeserializer",
            "com/fasterxml/jackson/databind/deser/std/BaseNodeDeserializer$ContainerStack",
            "com/fasterxml/jackson/databind/deser/std/JsonNodeDeserializer",
            "com/fasterxml/jackson/databind/deser/std/JsonNodeDeserializer$ObjectDeserializer",
            "com/fasterxml/jackson/databind/deser/std/JsonNodeDeserializer$ArrayDeserializer",
            "com/fasterxml/jackson/databind/util/LinkedNode");

    /**
     * The classes a Playwright run needs beyond a JUnit run's, by name, for run's class list: every class of the
     * Playwright runner's package in {@code jar} (Healdesk's, as staged in the image) but the benchmark's, and
     * {@link #JACKSON_TREE_CLASSES}.
     */
    static List<String> playwrightRunClasses(Path jar) throws IOException {
        String pkg = "dev/healdesk/core/suite/playwright/";
        List<String> names = new ArrayList<>();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            java.util.Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(pkg) && name.endsWith(".class") && name.indexOf('/', pkg.length()) < 0
                        && !name.startsWith(pkg + "PlaywrightBenchmark")) {
                    names.add(name.substring(0, name.length() - ".class".length()));
                }
            }
        }
        if (names.isEmpty()) {
            throw new StepFailed(jar + " holds no class of " + pkg + ": the Playwright runner moved; name its"
                    + " package in playwrightRunClasses (jpackage/Packager.java)");
        }
        names.addAll(JACKSON_TREE_CLASSES);
        return names;
    }

    /** Runs each of {@code commands} through the launcher and adds the classes it loads to {@code cliClassList}. */
    private static void trainCommands(Path launcher, Path cliClassList, Path scratch, Map<String, String> env,
                                      List<List<String>> commands) throws IOException, InterruptedException {
        Path list = scratch.resolve("command.classlist");
        for (List<String> command : commands) {
            Files.deleteIfExists(list);
            env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + list);
            List<String> cli = new ArrayList<>(List.of(launcher.toString()));
            cli.addAll(command);
            step("AppCDS training (healdesk " + String.join(" ", command.subList(0, Math.min(2, command.size())))
                    + ")", cli, env);
            if (!Files.exists(cliClassList)) {
                Files.copy(list, cliClassList);
                continue;
            }
            int added = mergeClassList(cliClassList, list);
            System.out.println("Packager: " + added + " classes of `healdesk " + String.join(" ", command.subList(0,
                    Math.min(2, command.size()))) + "` added to " + cliClassList.getFileName());
        }
    }

    /**
     * The .deb's files, unpacked elsewhere than /opt: its postinst's {@code -Xshare:dump} (jpackage/linux/postinst)
     * must give an archive the launcher maps there ({@code -Xshare:on}).
     */
    private void checkDeb(Path deb) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("healdesk-deb-");
        try {
            step("unpack " + deb.getFileName(), List.of("dpkg-deb", "-x", deb.toString(), scratch.toString()));
            Path installed = scratch.resolve("opt").resolve(NAME);
            Path launcher = installed.resolve(os.launcher);
            Path appDir = installed.resolve(os.appDir);
            Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:dump"
                    + " -XX:SharedClassListFile=" + appDir.resolve(NAME + ".classlist") + " -Xlog:cds=error"));
            step("the postinst's AppCDS archive, in " + installed, List.of(launcher.toString()), env);
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile=" + appDir.resolve(NAME + "-cli.classlist")
                    + " -Xlog:cds=error");
            step("the postinst's AppCDS archive of the CLI, in " + installed, List.of(launcher.toString(), "--version"),
                    env);
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile=" + appDir.resolve(NAME + "-run.classlist")
                    + " -Xlog:cds=error");
            step("the postinst's AppCDS archive of run, in " + installed, List.of(launcher.toString(), "run", "--help"),
                    env);
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            step("AppCDS check of the CLI (-Xshare:on)", List.of(launcher.toString(), "--version"), env);
            step("AppCDS check of run (-Xshare:on)", List.of(launcher.toString(), "run", "--help"), env);
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:on -Dhealdesk.measureStartup=true");
            env.put("HEALDESK_RESULTS_DIR", scratch.resolve("results").toString());
            env.put("HEALDESK_CONFIG_DIR", scratch.resolve("config").toString());
            if (!step("AppCDS check of the console (-Xshare:on)", consoleStart(launcher), env)
                    .contains("healdesk.firstFrameMs=")) {
                throw new StepFailed("the console of the unpacked .deb did not reach its first frame");
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private String step(String title, List<String> command) throws IOException, InterruptedException {
        return step(title, command, Map.of());
    }

    /**
     * Adds to the class list {@code into} the classes of {@code from} it lacks: classes of the built-in loaders by
     * name (without {@code id:}, which only the file that gave it may use), lambda lines whole; classes of other
     * loaders ({@code source:}) are left out, CDS archives those only from the list that named their loader.
     * Returns how many lines were added.
     */
    static int mergeClassList(Path into, Path from) throws IOException {
        List<String> have = Files.readAllLines(into);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : have) {
            seen.add(line.startsWith("@") ? line : line.split(" ", 2)[0]);
        }
        List<String> added = new ArrayList<>();
        for (String line : Files.readAllLines(from)) {
            if (line.isBlank() || line.startsWith("#") || line.contains(" source: ")) {
                continue;
            }
            String key = line.startsWith("@") ? line : line.split(" ", 2)[0];
            if (seen.add(key)) {
                added.add(line.startsWith("@") ? line : key);
            }
        }
        if (!added.isEmpty()) {
            Files.write(into, added, java.nio.file.StandardOpenOption.APPEND);
        }
        return added.size();
    }

    /** Runs one step with its output shown (and returned); a non-zero exit fails the build. */
    private static String step(String title, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        return step(title, command, env, Set.of(0));
    }

    /** As {@link #step(String, List, Map)}, where an exit code of {@code ok} is a success. */
    private static String step(String title, List<String> command, Map<String, String> env, Set<Integer> ok)
            throws IOException, InterruptedException {
        String shown = String.join(" ", command);
        System.out.println("Packager: " + title + ": " + (env.containsKey("JAVA_TOOL_OPTIONS")
                ? "JAVA_TOOL_OPTIONS='" + env.get("JAVA_TOOL_OPTIONS") + "' " + shown : shown));
        System.out.flush();
        long t0 = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuilder out = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    System.out.write(buf, 0, n);
                    System.out.flush();
                    synchronized (out) {
                        out.append(new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        pump.start();
        if (!p.waitFor(STEP_MINUTES, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new StepFailed(title + " ran over " + STEP_MINUTES + " minutes and was stopped");
        }
        pump.join();
        if (!ok.contains(p.exitValue())) {
            throw new StepFailed(title + " failed (exit " + p.exitValue() + ")");
        }
        System.out.printf(Locale.ROOT, "Packager: %s took %.1f s%n", title, (System.nanoTime() - t0) / 1e9);
        synchronized (out) {
            return out.toString();
        }
    }

    /** jlink and jpackage of the JDK that runs this file. */
    private String tool(String name) {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path exe = bin.resolve(os == Os.WINDOWS ? name + ".exe" : name);
        if (!Files.isExecutable(exe)) {
            throw new StepFailed(exe + " is missing: run this with a full JDK 17+ (with jmods: on Debian the"
                    + " openjdk-17-jmods package), not a JRE");
        }
        return exe.toString();
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Where jpackage puts things, per platform. */
    private enum Os {
        LINUX("linux", "deb", NAME, "lib/app", "bin/" + NAME),
        // The console launcher (healdesk-cli.exe, app-image-windows.txt): its output can be read.
        WINDOWS("windows", "msi", NAME, "app", NAME + "-cli.exe"),
        MAC("mac", "dmg", NAME + ".app", "Contents/app", "Contents/MacOS/" + NAME);

        final String id;
        final String installer;
        final String image;
        final String appDir;
        final String launcher;

        Os(String id, String installer, String image, String appDir, String launcher) {
            this.id = id;
            this.installer = installer;
            this.image = image;
            this.appDir = appDir;
            this.launcher = launcher;
        }

        static Os current() {
            String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
            return name.startsWith("windows") ? WINDOWS : name.startsWith("mac") ? MAC : LINUX;
        }

        /** The folder of the driver bundle that Playwright's DriverJar extracts on this machine. */
        String playwrightPlatform() {
            boolean arm = System.getProperty("os.arch").equals("aarch64");
            return switch (this) {
                case WINDOWS -> "win32_x64";
                case MAC -> arm ? "mac-arm64" : "mac";
                case LINUX -> arm ? "linux-arm64" : "linux";
            };
        }
    }

    private static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message);
        }
    }
}
