import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Writes the console's list of the classes its first frame needs, which {@code dev.healdesk.app.FirstFrameClasses}
 * loads ahead on a second core: starts the console once to its first frame (as {@code healdesk bench} does, with
 * {@code -Dhealdesk.measureStartup=true}, no settings file, the preloading off) with {@code -Xlog:class+load}, and
 * keeps, in the order of their first load, the classes loaded before the first frame that no class-data archive
 * held: those read from a jar or from the JDK's modules. Lambdas and other classes made at run time are left out
 * (no name to load them by).
 * <pre>
 *   mvn -q -o -DskipTests package
 *   xvfb-run -a java src/build/FirstFrameClassList.java      # needs a display: xvfb-run gives one
 * </pre>
 * Options: {@code --jar=target/healdesk.jar}, {@code --out=src/main/resources/dev/healdesk/app/first-frame.classes}.
 */
public final class FirstFrameClassList {

    private FirstFrameClassList() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "healdesk.jar");
        Path out = Path.of("src", "main", "resources", "dev", "healdesk", "app", "first-frame.classes");
        for (String arg : args) {
            if (arg.startsWith("--jar=")) {
                jar = Path.of(arg.substring("--jar=".length()));
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring("--out=".length()));
            } else {
                System.err.println("FirstFrameClassList: unknown argument '" + arg + "' (--jar=FILE, --out=FILE)");
                System.exit(2);
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("FirstFrameClassList: " + jar + " is missing: run `mvn -q -o -DskipTests package`");
            System.exit(2);
        }
        Path scratch = Files.createTempDirectory("healdesk-first-frame-");
        Path log = scratch.resolve("class-load.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder start = new ProcessBuilder(java, "-Dhealdesk.measureStartup=true", "-Dhealdesk.settleMs=0",
                "-Dhealdesk.preloadClasses=false", "-Xlog:class+load=info:file=" + log + ":uptime", "-cp",
                jar.toString(), "dev.healdesk.Launcher");
        start.environment().put("HEALDESK_RESULTS_DIR", scratch.resolve("results").toString());
        start.environment().put("HEALDESK_CONFIG_DIR", scratch.resolve("config").toString());
        start.redirectErrorStream(true);
        Process console = start.start();
        String output = new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!console.waitFor(120, TimeUnit.SECONDS)) {
            console.destroyForcibly();
        }
        long firstFrameMs = -1;
        for (String line : output.split("\\R")) {
            if (line.startsWith("healdesk.firstFrameMs=")) {
                firstFrameMs = Long.parseLong(line.substring("healdesk.firstFrameMs=".length()).trim());
            }
        }
        if (firstFrameMs < 0 || !Files.isRegularFile(log)) {
            System.err.println("FirstFrameClassList: the console did not report its first frame (a display? run it"
                    + " under xvfb-run):\n" + output);
            System.exit(1);
        }
        Set<String> names = new LinkedHashSet<>();
        int shared = 0;
        for (String line : Files.readAllLines(log)) {
            // [0.123s][info][class,load] a.b.C source: jar:file:/...   (or jrt:/module, or shared objects file)
            int close = line.indexOf("s]");
            int sourceAt = line.indexOf(" source: ");
            int nameAt = line.indexOf("] ", line.indexOf("[class,load]"));
            if (!line.startsWith("[") || close < 0 || sourceAt < 0 || nameAt < 0) {
                continue;
            }
            double uptimeMs = Double.parseDouble(line.substring(1, close)) * 1000;
            if (uptimeMs > firstFrameMs) {
                break;
            }
            String source = line.substring(sourceAt + " source: ".length());
            if (source.startsWith("shared objects file")) {
                shared++;
            } else if (source.startsWith("jrt:/") || source.startsWith("file:") || source.startsWith("jar:")) {
                names.add(line.substring(nameAt + 2, sourceAt));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# The classes the console's first frame needs that no class-data archive holds, in the order of");
        lines.add("# their first load (" + names.size() + "; " + shared + " more came from the JDK's archive). Written by");
        lines.add("# `xvfb-run -a java src/build/FirstFrameClassList.java`; read by dev.healdesk.app.FirstFrameClasses.");
        lines.addAll(names);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("FirstFrameClassList: " + names.size() + " classes before the first frame at " + firstFrameMs
                + " ms (" + shared + " from the archive) -> " + out);
        try (var files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
