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
 *       classes it loads in app/healdesk.classlist, training runs of {@code healdesk history} and
 *       {@code healdesk triage} add the CLI's (the same launcher, so the same archive), {@code -Xshare:dump} writes them into app/healdesk.jsa, which
 *       the launcher's {@code -XX:SharedArchiveFile=$APPDIR/healdesk.jsa} maps, and a start with
 *       {@code -Xshare:on} proves that it does;</li>
 *   <li>{@code jpackage @jpackage/common.txt @jpackage/TYPE.txt --app-image ...}: the installer in BUILD/installer
 *       (default: deb on Linux, msi on Windows, dmg on macOS).</li>
 * </ol>
 * Exit codes: 0 built, 1 a step failed (its output above says why), 2 usage.
 */
public final class Packager {

    private static final String NAME = "healdesk";
    private static final long STEP_MINUTES = 10;

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
        javaOptions.addAll(unpackSqliteLibrary(image.resolve("lib/app")));
        StringBuilder command = new StringBuilder("exec \"$ROOT/lib/runtime/bin/java\"");
        for (String option : javaOptions) {
            command.append(" \\\n    ").append(shellWord(option));
        }
        command.append(" \\\n    \"-Djpackage.app-path=$self\"");
        command.append(" \\\n    -cp ").append(shellWord(String.join(":", classPath)));
        command.append(" \\\n    ").append(shellWord(mainClass)).append(" \"$@\"\n");
        String script = """
                #!/bin/sh
                # Healdesk's launcher, written by jpackage/Packager.java from lib/app/healdesk.cfg in place of jpackage's
                # own Linux launcher, which asks rpm and dpkg on every start which package it belongs to (a quarter of
                # a second and more before Java starts). The same java, options, class path and main class.
                self=$(readlink -f "$0") || exit 127
                ROOT=${self%/bin/*}
                APPDIR="$ROOT/lib/app"
                """ + command;
        Path launcher = image.resolve(Os.LINUX.launcher);
        Files.writeString(launcher, script);
        launcher.toFile().setExecutable(true, false);
        System.out.println("Packager: " + launcher + ": a shell launcher over " + cfg.getFileName());
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
     * there is no display), training runs of {@code healdesk history} and {@code healdesk triage} add the CLI's
     * ({@link #mergeClassList}), {@code -Xshare:dump} writes them into the static archive app/healdesk.jsa (the
     * launcher's {@code -XX:SharedArchiveFile}), and a start with {@code -Xshare:on}, which fails when the
     * archive cannot be mapped, proves it is taken.
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
            env.put("JAVA_TOOL_OPTIONS", "-XX:DumpLoadedClassList=" + classList + " -Dhealdesk.measureStartup=true");
            String out = step("AppCDS training (the console to its first frame)", start, env);
            if (!out.contains("healdesk.firstFrameMs=") || !Files.isRegularFile(classList)) {
                throw new StepFailed("the training start did not reach the console's first frame or left no "
                        + classList);
            }
            // The CLI's commands start from the same archive: a training run of each adds what they load.
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
            // The warnings name classes CDS cannot keep (generated reflection accessors, JFR events): noise here.
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:dump -XX:SharedClassListFile=" + classList + " -Xlog:cds=error");
            step("AppCDS archive (-Xshare:dump)", List.of(launcher.toString()), env);
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            String check = step("AppCDS check (-Xshare:on)", List.of(launcher.toString(), "--version"), env);
            if (!check.contains("Healdesk") || !Files.isRegularFile(archive)) {
                throw new StepFailed("the launcher did not start with " + archive);
            }
            return archive;
        } finally {
            deleteTree(scratch);
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
            Map<String, String> env = new java.util.HashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Xshare:dump"
                    + " -XX:SharedClassListFile=" + installed.resolve(os.appDir).resolve(NAME + ".classlist")
                    + " -Xlog:cds=error"));
            step("the postinst's AppCDS archive, in " + installed, List.of(launcher.toString()), env);
            env.put("JAVA_TOOL_OPTIONS", "-Xshare:on");
            step("AppCDS check (-Xshare:on)", List.of(launcher.toString(), "--version"), env);
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
    private String step(String title, List<String> command, Map<String, String> env)
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
        if (p.exitValue() != 0) {
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
