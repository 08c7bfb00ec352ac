package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.llm.OllamaStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code doctor} and {@code triage --diagnose} as an operator runs them: a real Healdesk process with its own
 * environment, a stand-in {@code nvidia-smi} on the PATH printing a real-format answer, and the Ollama stand-in.
 */
class LlmCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start();

    @AfterEach
    void stop() {
        ollama.close();
    }

    private record Run(int code, String out, String err) {
    }

    private Path fakeNvidiaSmi(String fixture) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path csv = Path.of("src/test/resources/dev/healdesk/core/gpu", fixture).toAbsolutePath();
        Path script = bin.resolve("nvidia-smi");
        Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + dir.resolve("nvidia-smi.args") + "'\n"
                + "/bin/cat '" + csv + "'\n");   // by its path: some tests give Healdesk a PATH of stand-ins only
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private Run healdesk(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("OLLAMA_MODEL");
        pb.environment().remove("ANTHROPIC_API_KEY");
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("healdesk finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void doctorJsonOnADgxSparkSaysUnifiedMemoryAndSizesByThisMachinesAvailableMemory() throws Exception {
        Path bin = fakeNvidiaSmi("gb10.csv");

        Run run = healdesk(Map.of("PATH", bin + ":" + System.getenv("PATH"), "OLLAMA_HOST", ollama.host(),
                "HEALDESK_UNIFIED_MEMORY_RESERVE_GB", "1"), null, "doctor", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        JsonNode gpu = doc.path("gpus").get(0);
        assertThat(gpu.path("name").asText()).isEqualTo("NVIDIA GB10");
        assertThat(gpu.path("unifiedMemory").asBoolean()).isTrue();
        assertThat(gpu.path("memoryTotalMiB").asLong()).isEqualTo(-1);
        long available = doc.path("systemMemory").path("availableMiB").asLong();
        assertThat(doc.path("systemMemory").path("totalMiB").asLong()).isGreaterThanOrEqualTo(available)
                .isPositive();
        JsonNode model = doc.path("recommendedModel");
        assertThat(model.path("device").asText()).isEqualTo("GPU 0 (NVIDIA GB10, unified memory)");
        assertThat(model.path("freeMiB").asLong()).as("the available memory less the 1 GB reserve")
                .isEqualTo(Math.max(0, available - 1024));
        assertThat(model.path("basis").asText()).contains("unified memory").contains("less 1 GB kept");
        JsonNode check = doc.path("checks").get(0);
        assertThat(check.path("id").asText()).isEqualTo("gpu");
        assertThat(check.path("finding").asText()).startsWith("NVIDIA GB10: unified memory, ");
    }

    @Test
    void doctorJsonReportsTheGpuTheModelThatFitsAndOllama() throws Exception {
        Path bin = fakeNvidiaSmi("rtx4090.csv");
        ollama.version("0.5.7").install("qwen2.5-coder:32b", 19_851_349_856L);

        Run run = healdesk(Map.of("PATH", bin + ":" + System.getenv("PATH"), "OLLAMA_HOST", ollama.host()), null,
                "doctor", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        JsonNode gpu = doc.path("gpus").get(0);
        assertThat(gpu.path("name").asText()).isEqualTo("NVIDIA GeForce RTX 4090");
        assertThat(gpu.path("memoryTotalMiB").asLong()).isEqualTo(24564);
        assertThat(gpu.path("memoryFreeMiB").asLong()).isEqualTo(23148);
        assertThat(gpu.path("source").asText()).isEqualTo("nvidia-smi");
        assertThat(doc.path("recommendedModel").path("model").asText()).isEqualTo("qwen2.5-coder:32b");
        assertThat(doc.path("recommendedModel").path("fits").asBoolean()).isTrue();
        assertThat(doc.path("recommendedModel").path("installed").asBoolean()).isTrue();
        assertThat(doc.path("recommendedModel").path("reason").asText()).contains("fits 22.6 GB");
        assertThat(doc.path("ollama").path("reachable").asBoolean()).isTrue();
        assertThat(doc.path("ollama").path("version").asText()).isEqualTo("0.5.7");
        assertThat(doc.path("ollama").path("models").get(0).path("name").asText()).isEqualTo("qwen2.5-coder:32b");
        assertThat(doc.has("browser")).isTrue();
        assertThat(doc.path("database").path("path").asText()).endsWith("healdesk.db");
        assertThat(Files.readString(dir.resolve("nvidia-smi.args")).trim()).isEqualTo(
                "--query-gpu=index,name,uuid,memory.total,memory.used,memory.free,driver_version,mig.mode.current"
                        + " --format=csv,nounits");
    }

    @Test
    void doctorWithoutGpuOrOllamaSaysWhatToDo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        Run run = healdesk(Map.of("PATH", empty + ":/usr/bin:/bin", "OLLAMA_HOST", "127.0.0.1:9"), null, "doctor");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("nvidia-smi not found").contains("ollama serve").contains("OLLAMA_HOST")
                .contains("Model    llama3.2").contains("WARNING");
    }

    @Test
    void doctorJsonListsEachCheckWithWhatToDo() throws Exception {
        Path bin = fakeNvidiaSmi("rtx4090.csv");
        Path node = bin.resolve("node");
        Files.writeString(node, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + dir.resolve("node.args") + "'\necho v16.20.0\n");
        Files.setPosixFilePermissions(node, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the database folder should be");
        ollama.install("qwen2.5-coder:32b", 19_851_349_856L);

        Run run = healdesk(Map.of("PATH", bin.toString(), "OLLAMA_HOST", ollama.host(),
                "HEALDESK_DB", blocker.resolve("healdesk.db").toString()), null, "doctor", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        List<String> ids = new ArrayList<>();
        doc.path("checks").forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).containsExactly("gpu", "ollama", "model", "browser", "node", "database", "results");
        JsonNode checks = doc.path("checks");
        assertThat(checks.get(0).path("status").asText()).isEqualTo("ok");
        assertThat(checks.get(2).path("status").asText()).isEqualTo("ok");
        JsonNode nodeCheck = checks.get(4);
        assertThat(nodeCheck.path("status").asText()).isEqualTo("warning");
        assertThat(nodeCheck.path("finding").asText()).contains("v16.20.0 is too old");
        assertThat(nodeCheck.path("commands").get(0).asText()).isEqualTo("sudo apt-get install -y nodejs npm");
        assertThat(Files.readString(dir.resolve("node.args")).trim()).isEqualTo("--version");
        JsonNode database = checks.get(5);
        assertThat(database.path("status").asText()).isEqualTo("missing");
        assertThat(database.path("advice").asText()).contains("HEALDESK_DB");
        assertThat(doc.path("elapsedMs").asLong()).isNotNegative();
        assertThat(doc.path("database").path("exists").asBoolean()).isFalse();
    }

    @Test
    void doctorTextPutsWhatToDoAndTheCommandsUnderEachPart() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        Run run = healdesk(Map.of("PATH", empty.toString(), "OLLAMA_HOST", ollama.host()), null, "doctor");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Healdesk doctor: 7 checks in ")
                .contains("\nMISSING  Node.js  node is not on the PATH\n")
                .contains("\n                  To do: Install Node.js 18 or newer")
                .contains("\n                    $ sudo apt-get install -y nodejs npm\n")
                .contains("\nMISSING  Model    llama3.2 (recommended)")
                .contains("\n                    $ OLLAMA_HOST=" + ollama.host() + " ollama pull llama3.2\n");
    }

    @Test
    void triageDiagnoseAsksOncePerFingerprintAndNotAgainTheSecondTime() throws Exception {
        ollama.install("llama3.2", 2_019_393_189L).answer(List.of("{\"rootCause\":\"API down\",\"confidence\":0.9,"
                + "\"category\":\"network\",\"fixClass\":\"A\",\"suggestedPlaybook\":\"restart-backend\","
                + "\"explanation\":\"refused\",\"evidence\":[\"ECONNREFUSED\"]}"));
        String input = String.join("\n",
                "{\"id\":\"a\",\"message\":\"connect ECONNREFUSED 127.0.0.1:3000\"}",
                "{\"id\":\"b\",\"message\":\"connect ECONNREFUSED 127.0.0.1:3000\"}",
                "{\"id\":\"c\",\"message\":\"locator.click: Timeout 5000ms exceeded waiting for locator('#save')\"}") + "\n";
        Map<String, String> env = Map.of("OLLAMA_HOST", ollama.host(), "OLLAMA_MODEL", "llama3.2",
                "HEALDESK_DB", dir.resolve("cache.db").toString());

        Run first = healdesk(env, input, "triage", "--input=-", "--diagnose");

        assertThat(first.code()).as(first.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : first.out().strip().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("diagnosis").path("rootCause").asText()).isEqualTo("API down");
        assertThat(lines.get(0).path("diagnosis").path("suggestedPlaybook").asText()).isEqualTo("restart-backend");
        assertThat(lines.get(0).path("fingerprint")).isEqualTo(lines.get(1).path("fingerprint"));
        assertThat(ollama.requests("/api/chat")).hasSize(2);

        Run second = healdesk(env, input, "triage", "--input=-", "--diagnose");

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(ollama.requests("/api/chat")).hasSize(2);
        assertThat(second.err()).contains("0 LLM call(s), 2 from the cache");
        assertThat(JSON.readTree(second.out().split("\n")[0]).path("diagnosis").path("cached").asBoolean()).isTrue();
    }

    @Test
    void twoWorkstationsOnOnePostgresqlHistoryShareOneDiagnosisPerFingerprint() throws Exception {
        ollama.install("llama3.2", 2_019_393_189L).answer(List.of("{\"rootCause\":\"API down\",\"confidence\":0.9,"
                + "\"category\":\"network\",\"fixClass\":\"A\",\"suggestedPlaybook\":\"restart-backend\","
                + "\"explanation\":\"refused\",\"evidence\":[\"ECONNREFUSED\"]}"));
        String input = "{\"id\":\"a\",\"message\":\"connect ECONNREFUSED 127.0.0.1:3000\"}\n";
        String url = dev.healdesk.testing.SharedPostgres.healdeskUrl(dev.healdesk.testing.SharedPostgres.newDatabase());
        String password = dev.healdesk.testing.PostgresServer.SUPERUSER_PASSWORD;
        // Each "workstation" has its own results folder: only the server is shared.
        Map<String, String> first = Map.of("OLLAMA_HOST", ollama.host(), "OLLAMA_MODEL", "llama3.2",
                "HEALDESK_RESULTS_DIR", dir.resolve("one").toString(), "PGPASSWORD", password);
        Map<String, String> second = Map.of("OLLAMA_HOST", ollama.host(), "OLLAMA_MODEL", "llama3.2",
                "HEALDESK_RESULTS_DIR", dir.resolve("two").toString(), "PGPASSWORD", password);

        Run asked = healdesk(first, input, "triage", "--input=-", "--diagnose", "--db=" + url);
        Run cached = healdesk(second, input, "triage", "--input=-", "--diagnose", "--db=" + url);

        assertThat(asked.code()).as(asked.err()).isZero();
        assertThat(cached.code()).as(cached.err()).isZero();
        assertThat(ollama.requests("/api/chat")).hasSize(1);
        assertThat(cached.err()).contains("0 LLM call(s), 1 from the cache");
        assertThat(JSON.readTree(cached.out().strip()).path("diagnosis").path("rootCause").asText()).isEqualTo("API down");
        assertThat(dir.resolve("one/healdesk.db")).doesNotExist();
        assertThat(dir.resolve("two/healdesk.db")).doesNotExist();
        assertThat(asked.err() + cached.err()).doesNotContain(password);
    }

    @Test
    void aDiagnosisMaySuggestAnyPlaybookHealdeskCanRunNotOnlyOneAPatternProposes() throws Exception {
        // terminate-idle-transactions is a built-in playbook that no built-in pattern proposes.
        ollama.install("llama3.2", 2_019_393_189L).answer(List.of("{\"rootCause\":\"idle in transaction\","
                + "\"confidence\":0.8,\"category\":\"database\",\"fixClass\":\"A\","
                + "\"suggestedPlaybook\":\"terminate-idle-transactions\",\"explanation\":\"locks\",\"evidence\":[]}"));
        String input = "{\"id\":\"a\",\"message\":\"ERROR: canceling statement due to lock timeout\"}\n";
        Map<String, String> env = Map.of("OLLAMA_HOST", ollama.host(), "OLLAMA_MODEL", "llama3.2",
                "HEALDESK_DB", dir.resolve("cache.db").toString());

        Run run = healdesk(env, input, "triage", "--input=-", "--diagnose");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode diagnosis = JSON.readTree(run.out().strip()).path("diagnosis");
        assertThat(diagnosis.path("suggestedPlaybook").asText()).isEqualTo("terminate-idle-transactions");
        assertThat(diagnosis.toString()).doesNotContain("not a Healdesk playbook");
    }
}
