package dev.healdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelChoice;
import dev.healdesk.core.llm.OllamaStatus;
import dev.healdesk.core.suite.BrowserChoice;
import dev.healdesk.core.suite.BrowserLocator;
import dev.healdesk.core.suite.SuiteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code healdesk doctor [--json]}: what this machine offers a run — GPUs and their VRAM, the model that fits and
 * why, Ollama, the browser, the database — and what to do about each missing part. It changes nothing.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the GPUs, the model choice, Ollama, the browser and the database.",
                "Changes nothing; exit 0 even when parts are missing (each says what to do)."})
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object (keys gpus, recommendedModel, ollama, browser, database).")
    boolean json;

    @Option(names = "--db", paramLabel = "FILE", description = "History database to report on (default as for run).")
    Path db;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = dev.healdesk.core.config.Config.fromProcess().env();
        LlmSetup setup = LlmSetup.fromEnvironment(env);
        LlmSetup.Snapshot snap = setup.inspect();
        Path dbFile = db != null ? db : HealdeskPaths.fromEnvironment(env).dbFile();
        BrowserChoice browser = null;
        String browserProblem = null;
        try {
            browser = new BrowserLocator().locate();
        } catch (SuiteException e) {
            browserProblem = e.getMessage();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(mapper, snap, browser, browserProblem, dbFile)));
        } else {
            print(out, snap, browser, browserProblem, dbFile);
        }
        out.flush();
        return Cli.HEALTHY;
    }

    static ObjectNode toJson(ObjectMapper mapper, LlmSetup.Snapshot snap, BrowserChoice browser, String browserProblem,
                             Path dbFile) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode gpus = root.putArray("gpus");
        for (GpuInfo g : snap.gpus().gpus()) {
            ObjectNode o = gpus.addObject();
            o.put("index", g.index());
            o.put("name", g.name());
            o.put("memoryTotalMiB", g.totalMiB());
            o.put("memoryUsedMiB", g.usedMiB());
            o.put("memoryFreeMiB", g.freeMiB());
            o.put("driverVersion", g.driverVersion());
            o.put("source", g.source());
            o.put("approximate", g.approximate());
            o.put("migMode", g.migMode());
        }
        root.put("gpuSource", snap.gpus().source());
        ArrayNode notes = root.putArray("gpuNotes");
        snap.gpus().notes().forEach(notes::add);
        ModelChoice c = snap.choice();
        ObjectNode model = root.putObject("recommendedModel");
        model.put("model", c.model());
        model.put("source", c.source().name().toLowerCase(Locale.ROOT));
        model.put("fits", c.fits());
        model.put("needMiB", c.needMiB());
        model.put("freeMiB", c.freeMiB());
        model.put("installed", c.installed());
        model.put("reason", c.reason());
        model.put("warning", c.warning());
        OllamaStatus s = snap.ollama();
        ObjectNode ollama = root.putObject("ollama");
        ollama.put("host", s.host());
        ollama.put("reachable", s.reachable());
        ollama.put("version", s.version());
        ArrayNode models = ollama.putArray("models");
        s.installed().forEach(m -> models.addObject().put("name", m.name()).put("sizeBytes", m.sizeBytes()));
        ArrayNode loaded = ollama.putArray("loaded");
        s.loaded().forEach(m -> loaded.addObject().put("name", m.name()).put("sizeBytes", m.sizeBytes())
                .put("vramBytes", m.vramBytes()).put("partlyOnCpu", m.partlyOnCpu()));
        ollama.put("problem", s.problem());
        ObjectNode b = root.putObject("browser");
        if (browser != null) {
            b.put("path", browser.executable().map(Path::toString).orElse(null));
            b.put("source", browser.source());
            b.put("description", browser.description());
        } else {
            b.putNull("path");
            b.put("problem", browserProblem);
        }
        ObjectNode database = root.putObject("database");
        database.put("path", dbFile.toAbsolutePath().toString());
        database.put("exists", Files.isRegularFile(dbFile));
        return root;
    }

    private static void print(PrintWriter out, LlmSetup.Snapshot snap, BrowserChoice browser, String browserProblem,
                              Path dbFile) {
        if (snap.gpus().gpus().isEmpty()) {
            out.println("GPU      none found (CPU only)");
        }
        for (GpuInfo g : snap.gpus().gpus()) {
            out.printf(Locale.ROOT, "GPU %d    %s: %s MiB total, %s used, %s free; driver %s; via %s%s%s%n", g.index(),
                    g.name(), mib(g.totalMiB()), mib(g.usedMiB()), mib(g.freeMiB()),
                    g.driverVersion() == null ? "?" : g.driverVersion(), g.source(),
                    g.approximate() ? " (approximate)" : "", g.migMode() == null ? "" : "; MIG " + g.migMode());
        }
        snap.gpus().notes().forEach(n -> out.println("         " + n));
        ModelChoice c = snap.choice();
        out.println("Model    " + c.model() + ": " + c.reason());
        if (c.warning() != null) {
            out.println("         WARNING " + c.warning());
        }
        OllamaStatus s = snap.ollama();
        if (s.reachable()) {
            out.println("Ollama   " + s.version() + " at " + s.host() + ", " + s.installed().size() + " model(s) installed"
                    + (s.installed().isEmpty() ? "" : ": " + String.join(", ",
                    s.installed().stream().map(OllamaStatus.InstalledModel::name).toList())));
            s.loaded().forEach(m -> out.println("         loaded " + m.name() + (m.partlyOnCpu()
                    ? " (partly on the CPU: it does not fit the VRAM)" : " (in VRAM)")));
            if (s.problem() != null) {
                out.println("         " + s.problem());
            }
        } else {
            out.println("Ollama   " + s.problem());
        }
        out.println("Browser  " + (browser != null ? browser.description() : browserProblem));
        out.println("Database " + dbFile.toAbsolutePath() + (Files.isRegularFile(dbFile) ? "" : " (created by the first run)"));
    }

    private static String mib(long v) {
        return v < 0 ? "?" : Long.toString(v);
    }
}
