package dev.healdesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.doctor.Check;
import dev.healdesk.core.doctor.CheckStatus;
import dev.healdesk.core.doctor.Doctor;
import dev.healdesk.core.doctor.DoctorReport;
import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelChoice;
import dev.healdesk.core.llm.OllamaStatus;
import dev.healdesk.core.suite.BrowserChoice;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code healdesk doctor [--json]}: what this machine offers a run — GPUs and their VRAM, Ollama, the model that fits
 * and why, the browser, Node.js for Playwright suites, the database and the results folder — and what to do about each
 * missing part. It changes nothing. A printer over {@link Doctor}, which the console's setup check shows too.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check the GPUs, Ollama, the model choice, the browser, Node.js, the database and the results"
                + " folder, and say what to do about each missing part.",
                "Changes nothing; exit 0 even when parts are missing (each says what to do)."})
final class DoctorCommand implements Callable<Integer> {
    private static final String INDENT = " ".repeat(18);

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object (keys checks, elapsedMs, gpus, gpuSource, gpuNotes,"
            + " systemMemory where a GPU shares it, recommendedModel, ollama, browser, database).")
    boolean json;

    @Option(names = "--db", paramLabel = "FILE|URL", description = "History database to report on: a SQLite file or"
            + " postgresql://host:port/database (default as for run).")
    String db;

    @Override
    public Integer call() throws Exception {
        Config config = Config.fromProcess();
        Map<String, String> env = config.env();
        HealdeskPaths paths = HealdeskPaths.fromEnvironment(env);
        if (db != null) {
            paths = paths.withDatabase(db);
        }
        ExecutorService checks = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "healdesk-doctor");
            t.setDaemon(true);
            return t;
        });
        DoctorReport report;
        try {
            report = Doctor.fromEnvironment(env, paths, checks).withSettingsProblems(config.problems()).run();
        } finally {
            checks.shutdownNow();   // a part that ran past its limit is abandoned, not waited for
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(mapper, report)));
        } else {
            print(out, report);
        }
        out.flush();
        return Cli.HEALTHY;
    }

    static ObjectNode toJson(ObjectMapper mapper, DoctorReport report) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode checks = root.putArray("checks");
        for (Check c : report.checks()) {
            ObjectNode o = checks.addObject();
            o.put("id", c.id());
            o.put("title", c.title());
            o.put("status", c.status().id());
            o.put("finding", c.finding());
            ArrayNode details = o.putArray("details");
            c.details().forEach(details::add);
            o.put("advice", c.advice());
            ArrayNode commands = o.putArray("commands");
            c.commands().forEach(commands::add);
            o.put("elapsedMs", c.elapsedMs());
        }
        root.put("elapsedMs", report.elapsedMs());
        LlmSetup.Snapshot snap = report.llm();
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
            o.put("uuid", g.uuid());
            o.put("unifiedMemory", g.unifiedMemory());
            ArrayNode slices = o.putArray("migDevices");
            g.migSlices().forEach(m -> slices.addObject().put("device", m.device()).put("profile", m.profile())
                    .put("uuid", m.uuid()).put("memoryTotalMiB", m.totalMiB()).put("memoryUsedMiB", m.usedMiB())
                    .put("estimated", m.estimated()));
        }
        if (snap.gpus().systemMemory() != null) {
            root.putObject("systemMemory").put("totalMiB", snap.gpus().systemMemory().totalMiB())
                    .put("availableMiB", snap.gpus().systemMemory().availableMiB());
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
        model.put("device", c.device());
        model.put("split", c.split());
        model.put("basis", c.basis());
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
        if (report.browser().isPresent()) {
            BrowserChoice browser = report.browser().get();
            b.put("path", browser.executable().map(Path::toString).orElse(null));
            b.put("source", browser.source());
            b.put("description", browser.description());
        } else {
            b.putNull("path");
            b.put("problem", report.browserProblem());
        }
        ObjectNode database = root.putObject("database");
        database.put("path", report.dbFile().toAbsolutePath().toString());
        database.put("exists", Files.isRegularFile(report.dbFile()));
        return root;
    }

    /**
     * One block per part: the status (ok, WARNING, MISSING), the part and what was found; below it the details, what
     * to do and the exact commands, each on its own line so that it can be copied.
     */
    private static void print(PrintWriter out, DoctorReport report) {
        out.println("Healdesk doctor: " + report.summary());
        for (Check c : report.checks()) {
            out.println();
            String status = c.status() == CheckStatus.OK ? "ok" : c.status().id().toUpperCase(Locale.ROOT);
            out.printf(Locale.ROOT, "%-9s%-9s%s%n", status, c.title(), c.finding());
            c.details().forEach(d -> out.println(INDENT + d));
            if (c.advice() != null) {
                out.println(INDENT + "To do: " + c.advice());
            }
            c.commands().forEach(cmd -> out.println(INDENT + "  $ " + cmd));
        }
    }
}
