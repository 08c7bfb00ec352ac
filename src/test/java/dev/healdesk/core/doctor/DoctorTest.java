package dev.healdesk.core.doctor;

import dev.healdesk.core.config.HealdeskPaths;
import dev.healdesk.core.config.Preferences;
import dev.healdesk.core.gpu.GpuDetector;
import dev.healdesk.core.gpu.GpuInfo;
import dev.healdesk.core.gpu.GpuReport;
import dev.healdesk.core.gpu.MigSlice;
import dev.healdesk.core.gpu.NvidiaSmiProbe;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.llm.LlmSetup;
import dev.healdesk.core.llm.ModelCatalog;
import dev.healdesk.core.llm.ModelPicker;
import dev.healdesk.core.llm.OllamaLlmClient;
import dev.healdesk.core.llm.OllamaStandIn;
import dev.healdesk.core.llm.VramBudget;
import dev.healdesk.core.suite.BrowserLocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The doctor over real parts: stand-in {@code nvidia-smi}, {@code node}, {@code npx} and {@code ollama} scripts on a
 * PATH built here (never the machine's own, so every test means the same everywhere), the Ollama stand-in, real
 * SQLite files and real folders.
 */
class DoctorTest {
    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "doctor-test");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stop() {
        executor.shutdownNow();
        ollama.close();
    }

    /** An executable bash script {@code name} in {@code bin} that records its arguments, then runs {@code body}. */
    private Path script(Path bin, String name, String body) throws IOException {
        Files.createDirectories(bin);
        Path script = bin.resolve(name);
        Files.writeString(script, "#!/bin/bash\nprintf '%s\\n' \"$@\" > '" + dir.resolve(name + ".args") + "'\n"
                + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private Path bin(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private Path nvidiaSmi(String fixture) throws IOException {
        Path csv = Path.of("src/test/resources/dev/healdesk/core/gpu", fixture).toAbsolutePath();
        return script(bin("gpu-bin"), "nvidia-smi", "cat '" + csv + "'");
    }

    /** A doctor whose GPU probe runs {@code smi}, asking Ollama at {@code host}, with {@code env} (PATH above all). */
    private Doctor doctor(Path smi, String host, Map<String, String> env, List<Path> browsers, Duration limit) {
        Map<String, String> all = new HashMap<>(env);
        all.put(OllamaLlmClient.HOST_ENV, host);
        LlmSetup llm = new LlmSetup(new GpuDetector(new NvidiaSmiProbe(smi.toString(), Duration.ofSeconds(60)),
                () -> GpuReport.cpuOnly(List.of("OSHI found no NVIDIA graphics card."))),
                new OllamaLlmClient(host, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)),
                new ModelPicker(ModelCatalog.builtIn()), new Preferences(dir.resolve("config/preferences.json")), all);
        return new Doctor(llm, new BrowserLocator(all, browsers), new HealdeskPaths(dir.resolve("results"),
                dir.resolve("results/healdesk.db")), all, executor, limit);
    }

    private Doctor doctor(Map<String, String> env) throws IOException {
        return doctor(nvidiaSmi("rtx4090.csv"), ollama.host(), env, List.of(), Doctor.DEFAULT_LIMIT);
    }

    private static Map<String, String> path(Path... dirs) {
        return Map.of("PATH", String.join(":", java.util.Arrays.stream(dirs).map(Path::toString).toList()));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---- Node.js ------------------------------------------------------------------------------

    @Test
    void anOldNodeIsAWarningWithTheInstallAdvice() throws Exception {
        Path bin = bin("node16");
        script(bin, "node", "echo v16.20.0");
        script(bin, "npx", "exit 0");

        Check node = doctor(path(bin)).nodeCheck();

        assertThat(Files.readAllLines(dir.resolve("node.args"))).containsExactly("--version");
        assertThat(node.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(node.finding()).isEqualTo("Node.js v16.20.0 is too old: Playwright needs 18 or newer");
        assertThat(node.advice()).contains("Node.js 18 or newer");
        assertThat(node.commands()).containsExactly("sudo apt-get install -y nodejs npm");
    }

    @Test
    void noNodeOnThePathIsMissing() throws Exception {
        Check node = doctor(path(bin("empty"))).nodeCheck();

        assertThat(node.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(node.finding()).isEqualTo("node is not on the PATH");
        assertThat(node.details()).anySatisfy(d -> assertThat(d).contains("Playwright Test suites"));
        assertThat(node.commands()).containsExactly("sudo apt-get install -y nodejs npm");
        assertThat(dir.resolve("node.args")).doesNotExist();
    }

    @Test
    void aCurrentNodeWithNpxIsOkAndWithoutNpxAWarning() throws Exception {
        Path bin = bin("node20");
        script(bin, "node", "echo v20.11.1");

        Check withoutNpx = doctor(path(bin)).nodeCheck();

        assertThat(withoutNpx.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(withoutNpx.finding()).isEqualTo("Node.js v20.11.1, but npx is not on the PATH");
        assertThat(withoutNpx.commands()).containsExactly("sudo apt-get install -y npm");

        Path npm = bin("npm-bin");
        script(npm, "npx", "exit 0");
        Check ok = doctor(path(bin, npm)).nodeCheck();

        assertThat(ok.status()).isEqualTo(CheckStatus.OK);
        assertThat(ok.finding()).isEqualTo("Node.js v20.11.1 with npx");
        assertThat(ok.advice()).isNull();
        assertThat(ok.commands()).isEmpty();
    }

    @Test
    void aNodeThatAnswersWithoutAVersionIsAWarning() throws Exception {
        Path bin = bin("broken-node");
        script(bin, "node", "echo 'node: error while loading shared libraries: libnode.so.108' >&2; exit 127");

        Check node = doctor(path(bin)).nodeCheck();

        assertThat(node.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(node.finding()).isEqualTo("`node --version` answered with exit 127: node: error while loading"
                + " shared libraries: libnode.so.108");
    }

    // ---- GPU, Ollama and the model ------------------------------------------------------------

    @Test
    void theGpuPartNamesMigDevicesAndWarnsWhenCudaVisibleDevicesHidesEveryGpu() {
        GpuInfo a100 = new GpuInfo(0, "NVIDIA A100 80GB PCIe", 81_920, GpuInfo.UNKNOWN, GpuInfo.UNKNOWN, "530.30.02",
                GpuInfo.NVIDIA_SMI, false, "Enabled", "GPU-932bfb2c", false,
                List.of(new MigSlice(0, 0, "3g.40gb", "MIG-0929581a", 40_192, 1_024, false)));
        GpuReport report = new GpuReport(List.of(a100), GpuInfo.NVIDIA_SMI, List.of());

        Check mig = Doctor.gpuCheck(report, VramBudget.of(report, List.of(), null, 0));
        assertThat(mig.status()).isEqualTo(CheckStatus.OK);
        assertThat(mig.finding()).isEqualTo("MIG 3g.40gb device 0 of GPU 0 (NVIDIA A100 80GB PCIe): 38.3 GB for a"
                + " model, via nvidia-smi");
        assertThat(mig.details()).contains("  MIG 3g.40gb device 0 of GPU 0: 38.3 GB free of 39.3 GB; MIG-0929581a");

        Check hidden = Doctor.gpuCheck(report, VramBudget.of(report, List.of(), "", 0));
        assertThat(hidden.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(hidden.finding()).isEqualTo("No GPU is visible to Ollama: CUDA_VISIBLE_DEVICES= hides every GPU"
                + " from CUDA programs, Ollama included");
        assertThat(hidden.advice()).contains("Unset CUDA_VISIBLE_DEVICES");
    }

    @Test
    void withTheGpuAndOllamaUpTheModelThatFitsIsMissingUntilPulled() throws Exception {
        ollama.version("0.5.7").install("llama3.2", 2_019_393_189L);

        DoctorReport report = doctor(path(bin("empty"))).run();

        Check gpu = report.check("gpu").orElseThrow();
        assertThat(gpu.status()).isEqualTo(CheckStatus.OK);
        assertThat(gpu.finding()).isEqualTo("NVIDIA GeForce RTX 4090: 22.6 GB free of 24 GB, via nvidia-smi");
        assertThat(Files.readAllLines(dir.resolve("nvidia-smi.args"))).containsExactly(
                "--query-gpu=index,name,uuid,memory.total,memory.used,memory.free,driver_version,mig.mode.current",
                "--format=csv,nounits");
        Check o = report.check("ollama").orElseThrow();
        assertThat(o.status()).isEqualTo(CheckStatus.OK);
        assertThat(o.finding()).isEqualTo("Ollama 0.5.7 at " + ollama.host() + ", 1 model(s) installed");
        Check model = report.check("model").orElseThrow();
        assertThat(model.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(model.finding()).startsWith("qwen2.5-coder:32b (recommended): ").endsWith("; not installed in Ollama");
        assertThat(model.commands()).containsExactly("OLLAMA_HOST=" + ollama.host() + " ollama pull qwen2.5-coder:32b");
        assertThat(report.llm().choice().model()).isEqualTo("qwen2.5-coder:32b");

        ollama.install("qwen2.5-coder:32b", 19_851_349_856L);
        Check pulled = doctor(path(bin("empty"))).run().check("model").orElseThrow();

        assertThat(pulled.status()).isEqualTo(CheckStatus.OK);
        assertThat(pulled.finding()).contains("fits 22.6 GB");
        assertThat(pulled.commands()).isEmpty();
    }

    @Test
    void ollamaDownIsMissingAndSaysToInstallItWhereItIsNotOnThePath() throws Exception {
        String down = "http://127.0.0.1:" + closedPort();

        DoctorReport report = doctor(nvidiaSmi("rtx4090.csv"), down, path(bin("empty")), List.of(),
                Doctor.DEFAULT_LIMIT).run();

        Check o = report.check("ollama").orElseThrow();
        assertThat(o.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(o.finding()).startsWith("Not reachable at " + down);
        assertThat(o.commands()).containsExactly("curl -fsSL https://ollama.com/install.sh | sh", "ollama serve");
        assertThat(o.advice()).contains("OLLAMA_HOST");
        Check model = report.check("model").orElseThrow();
        assertThat(model.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(model.advice()).contains("Start Ollama first");

        Path installed = bin("ollama-bin");
        script(installed, "ollama", "exit 0");
        Check notStarted = doctor(nvidiaSmi("rtx4090.csv"), down, path(installed), List.of(), Doctor.DEFAULT_LIMIT)
                .run().check("ollama").orElseThrow();

        assertThat(notStarted.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(notStarted.commands()).containsExactly("ollama serve");
        assertThat(dir.resolve("ollama.args")).as("the doctor never runs ollama").doesNotExist();
    }

    @Test
    void noGpuIsAWarningThatKeepsTheProbesNotes() throws Exception {
        Check gpu = doctor(dir.resolve("no-such-nvidia-smi"), ollama.host(), path(bin("empty")), List.of(),
                Doctor.DEFAULT_LIMIT).run().check("gpu").orElseThrow();

        assertThat(gpu.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(gpu.finding()).startsWith("No NVIDIA GPU found");
        assertThat(gpu.details()).anySatisfy(d -> assertThat(d).startsWith("nvidia-smi could not be started"))
                .contains("OSHI found no NVIDIA graphics card.");
        assertThat(gpu.advice()).contains("nvidia-smi").contains("llama3.2");
    }

    @Test
    void aPartThatHangsIsReportedAfterTheLimitAndTheOthersStillAnswer() throws Exception {
        Path smi = script(bin("hanging-gpu"), "nvidia-smi", "sleep 60");
        ollama.install("llama3.2", 2_019_393_189L);

        DoctorReport report = doctor(smi, ollama.host(), path(bin("empty")), List.of(), Duration.ofSeconds(1)).run();

        Check gpu = report.check("gpu").orElseThrow();
        assertThat(gpu.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(gpu.details()).contains("The GPU probe did not answer within 1 s.");
        assertThat(report.check("ollama").orElseThrow().status()).isEqualTo(CheckStatus.OK);
        assertThat(report.checks()).extracting(Check::id)
                .containsExactly("gpu", "ollama", "model", "browser", "node", "database", "results");
    }

    // ---- Browser ------------------------------------------------------------------------------

    @Test
    void theBrowserIsOkWhenFoundAWarningWithoutOneAndMissingWhenMisconfigured() throws Exception {
        Path chromium = script(bin("browser"), "chromium", "exit 0");
        assertThat(doctor(nvidiaSmi("rtx4090.csv"), ollama.host(), path(bin("empty")), List.of(chromium),
                Doctor.DEFAULT_LIMIT).run().check("browser").orElseThrow())
                .satisfies(b -> assertThat(b.status()).isEqualTo(CheckStatus.OK))
                .satisfies(b -> assertThat(b.finding()).isEqualTo("Chromium at " + chromium
                        + " (found on the system)"));

        Check none = doctor(nvidiaSmi("rtx4090.csv"), ollama.host(), path(bin("empty")), List.of(),
                Doctor.DEFAULT_LIMIT).run().check("browser").orElseThrow();
        assertThat(none.status()).isEqualTo(CheckStatus.WARNING);
        assertThat(none.commands()).containsExactly("sudo apt-get install -y chromium");

        Map<String, String> bad = new HashMap<>(path(bin("empty")));
        bad.put(BrowserLocator.ENV_VAR, dir.resolve("no-chrome").toString());
        DoctorReport report = doctor(nvidiaSmi("rtx4090.csv"), ollama.host(), bad, List.of(chromium),
                Doctor.DEFAULT_LIMIT).run();
        Check misconfigured = report.check("browser").orElseThrow();
        assertThat(misconfigured.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(misconfigured.details().get(0)).contains(BrowserLocator.ENV_VAR).contains("does not exist");
        assertThat(misconfigured.advice()).contains("Point " + BrowserLocator.ENV_VAR);
        assertThat(report.browser()).isEmpty();
        assertThat(report.browserProblem()).isEqualTo(misconfigured.details().get(0));
    }

    // ---- Database and results -----------------------------------------------------------------

    private Doctor doctorWith(HealdeskPaths paths) throws IOException {
        return doctorWith(paths, Map.of());
    }

    private Doctor doctorWith(HealdeskPaths paths, Map<String, String> more) throws IOException {
        Map<String, String> env = new HashMap<>(path(bin("empty")));
        env.putAll(more);
        env.put(OllamaLlmClient.HOST_ENV, ollama.host());
        LlmSetup llm = new LlmSetup(() -> GpuReport.cpuOnly(List.of()), new OllamaLlmClient(ollama.host(),
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(3)),
                new ModelPicker(ModelCatalog.builtIn()), new Preferences(dir.resolve("prefs.json")), env);
        return new Doctor(llm, new BrowserLocator(env, List.of()), paths, env, executor, Doctor.DEFAULT_LIMIT);
    }

    @Test
    void aDatabaseFolderThatCannotBeWrittenIsMissingWithAdvice() throws Exception {
        // A regular file where the folder should be: no one, root included, can create the database below it.
        Path blocker = Files.writeString(dir.resolve("blocker"), "not a folder");
        HealdeskPaths paths = new HealdeskPaths(blocker.resolve("results"), blocker.resolve("db/healdesk.db"));

        DoctorReport report = doctorWith(paths).run();

        Check db = report.check("database").orElseThrow();
        assertThat(db.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(db.finding()).isEqualTo(blocker.resolve("db/healdesk.db") + " cannot be created");
        assertThat(db.details()).containsExactly(blocker + " is a file, not a folder, so " + blocker.resolve("db")
                + " cannot be created");
        assertThat(db.advice()).contains("HEALDESK_DB").contains("--db");
        assertThat(db.commands()).containsExactly("export HEALDESK_DB=\"$HOME/.local/share/healdesk/healdesk.db\"");
        Check results = report.check("results").orElseThrow();
        assertThat(results.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(results.commands()).containsExactly("export HEALDESK_RESULTS_DIR=\"$HOME/healing-results\"");
    }

    @Test
    void aPostgresqlHistoryIsReadWithoutChangingItAndAWrongPasswordIsSaid() throws Exception {
        String database = dev.healdesk.testing.SharedPostgres.newDatabase();
        HealdeskPaths paths = new HealdeskPaths(dir.resolve("results"), dir.resolve("results/healdesk.db"),
                dev.healdesk.testing.SharedPostgres.healdeskUrl(database));
        String password = dev.healdesk.testing.PostgresServer.SUPERUSER_PASSWORD;

        Check fresh = doctorWith(paths, Map.of("PGPASSWORD", password)).run().check("database").orElseThrow();
        assertThat(fresh.status()).isEqualTo(CheckStatus.OK);
        assertThat(fresh.finding()).contains(database).contains("no tables yet");
        try (Connection c = dev.healdesk.testing.SharedPostgres.server().superuser(database);
             Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the doctor made no table").isZero();
        }

        Check wrong = doctorWith(paths, Map.of("PGPASSWORD", "not-the-password")).run().check("database")
                .orElseThrow();
        assertThat(wrong.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(String.join("\n", wrong.details())).contains("PGPASSWORD").doesNotContain("not-the-password");
        assertThat(fresh.finding() + wrong.finding()).doesNotContain(password);
    }

    @Test
    void aFreshPlaceIsOkAndTheDoctorCreatesNothingThere() throws Exception {
        HealdeskPaths paths = new HealdeskPaths(dir.resolve("fresh/results"), dir.resolve("fresh/results/healdesk.db"));

        DoctorReport report = doctorWith(paths).run();

        Check db = report.check("database").orElseThrow();
        assertThat(db.status()).isEqualTo(CheckStatus.OK);
        assertThat(db.finding()).isEqualTo(paths.dbFile() + " will be created by the first run (schema version "
                + HistoryStore.SCHEMA_VERSION + ")");
        assertThat(report.check("results").orElseThrow().finding())
                .isEqualTo(paths.resultsDir() + " will be created by the first run");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("fresh")
                    .noneMatch(n -> n.startsWith(".healdesk-doctor"));
        }
    }

    @Test
    void anExistingDatabaseShowsItsSchemaAndRunsAndABadOneIsMissing() throws Exception {
        Path file = dir.resolve("results/healdesk.db");
        HistoryStore.open(file).close();
        HealdeskPaths paths = new HealdeskPaths(dir.resolve("results"), file);

        Check ok = doctorWith(paths).run().check("database").orElseThrow();

        assertThat(ok.status()).isEqualTo(CheckStatus.OK);
        assertThat(ok.finding()).isEqualTo(file + ": schema version " + HistoryStore.SCHEMA_VERSION
                + " (current), 0 run(s)");

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        Check newer = doctorWith(paths).run().check("database").orElseThrow();
        assertThat(newer.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(newer.details().get(0)).contains("schema version 99, newer than this Healdesk understands");

        Path garbage = Files.writeString(dir.resolve("notes.db"), "these are my notes, not a database");
        Check notADatabase = doctorWith(new HealdeskPaths(dir.resolve("results"), garbage)).run()
                .check("database").orElseThrow();
        assertThat(notADatabase.status()).isEqualTo(CheckStatus.MISSING);
        assertThat(notADatabase.finding()).isEqualTo(garbage + " cannot be used");
        assertThat(notADatabase.advice()).startsWith("Move the file away");
        assertThat(Files.readString(garbage)).as("left as it was").isEqualTo("these are my notes, not a database");
    }
}
