package dev.healdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.healdesk.core.config.Config;
import dev.healdesk.core.llm.OllamaStandIn;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that no secret leaves a run in anything it writes: a real Healdesk process runs a target whose failing
 * tests print the secrets of its environment (a JUnit suite writing them into its failure messages and system-out,
 * a command probe echoing them), with the Ollama stand-in diagnosing and a Slack stand-in taking the webhook's post;
 * then every report format and the history are written, and every byte of every file under the working folder, the
 * results, the configuration, HOME and the temporary folder (the SQLite database, its WAL and shared memory, the PDF's
 * text), every line the processes printed, every prompt and the Slack message are searched for each secret.
 *
 * <p>The secrets are made here at random, never literals: some in the process environment, some in {@code .env}.
 * The {@code .env} ones reach the failure text through {@code ${NAME}} references of the command probe (a target may
 * only reference variables that are set, so the run fails to start if {@link Config} does not read {@code .env}).
 */
class SecretsNeverWrittenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start();
    private HttpServer slack;
    private final List<String> slackPosts = new CopyOnWriteArrayList<>();
    private int processes;

    @AfterEach
    void stop() {
        ollama.close();
        if (slack != null) {
            slack.stop(0);
        }
    }

    private record Run(int code, String out, String err) {
    }

    private static String random(String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static Path executable(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Run healdesk(Map<String, String> env, String... args) throws Exception {
        Path work = dir.resolve("work");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-Duser.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("HEALDESK_") || k.startsWith("OLLAMA_")
                || k.startsWith("HEAL_") || k.equals("ANTHROPIC_API_KEY") || k.equals("SLACK_WEBHOOK_URL"));
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().put("TMPDIR", dir.resolve("tmp").toString());
        pb.environment().put("HEALDESK_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("HEALDESK_RESULTS_DIR", dir.resolve("results").toString());
        pb.environment().putAll(env);
        String name = ++processes + "-" + args[0];
        Path out = dir.resolve("out").resolve(name + ".out");
        Path err = dir.resolve("out").resolve(name + ".err");
        Files.createDirectories(out.getParent());
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("healdesk " + String.join(" ", args) + " finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void noSeededSecretIsInAnyFileOutputPromptOrMessageOfARunAndItsReports() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("home"));

        slack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        slack.createContext("/", exchange -> {
            slackPosts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        slack.start();
        ollama.install("llama3.2", 2_019_393_189L).answer(List.of("{\"rootCause\":\"The credentials were refused\","
                + "\"confidence\":0.8,\"category\":\"auth\",\"fixClass\":\"A\",\"suggestedPlaybook\":\"refresh-tokens\","
                + "\"explanation\":\"401\",\"evidence\":[\"Unauthorized\"]}"));

        // The secrets, made now. Known prefixes are split so that no secret-shaped literal sits in the source.
        Map<String, String> processEnv = new LinkedHashMap<>();
        processEnv.put("TEST_PASSWORD", "Tp-" + random(ALNUM, 18));
        processEnv.put("ANTHROPIC_API_KEY", "sk-" + "ant-" + "api03-" + random(ALNUM + "-_", 93) + "AA");
        processEnv.put("GH_TOKEN", "gh" + "p_" + random(ALNUM, 36));
        processEnv.put("PGPASSWORD", random(ALNUM, 20));
        processEnv.put("AWS_ACCESS_KEY_ID", "AK" + "IA" + random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
        processEnv.put("AWS_SECRET_ACCESS_KEY", random(ALNUM + "/+", 40));
        processEnv.put("API_TOKEN", random(ALNUM, 32));
        // Not secret by its name: only its shape gives it away.
        processEnv.put("LOGIN_JWT", "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "ey" + random(ALNUM, 90) + "."
                + random(ALNUM + "-_", 43));
        String hookPath = "/services/T" + random(ALNUM, 10) + "/B" + random(ALNUM, 10) + "/" + random(ALNUM, 24);
        processEnv.put("SLACK_WEBHOOK_URL", "http://127.0.0.1:" + slack.getAddress().getPort() + hookPath);
        processEnv.put("OLLAMA_HOST", ollama.host());
        processEnv.put("OLLAMA_MODEL", "llama3.2");

        Map<String, String> dotEnv = new LinkedHashMap<>();
        dotEnv.put("SENTRY_DSN", "https://" + random("0123456789abcdef", 32) + "@o1.ingest.example.com/42");
        dotEnv.put("SESSION_COOKIE", random(ALNUM, 40));
        String urlPassword = random(ALNUM, 24);
        dotEnv.put("DATABASE_URL", "postgres://crm:" + urlPassword + "@db.internal:5432/crm");
        StringBuilder dotEnvFile = new StringBuilder();
        dotEnv.forEach((k, v) -> dotEnvFile.append(k).append('=').append(v).append('\n'));
        Files.writeString(work.resolve(".env"), dotEnvFile);
        assertThat(Config.load(Map.of(), work).env()).as("the .env secrets are read").containsKey("SESSION_COOKIE");

        // What must never be written: every value, the webhook's secret path, the password inside the URL.
        Map<String, String> seeded = new LinkedHashMap<>();
        processEnv.forEach((k, v) -> {
            if (!k.startsWith("OLLAMA_") && !k.equals("SLACK_WEBHOOK_URL")) {
                seeded.put(k, v);
            }
        });
        seeded.put("SLACK_WEBHOOK_URL path", hookPath.substring(hookPath.lastIndexOf('/') + 1));
        seeded.put("SENTRY_DSN key", dotEnv.get("SENTRY_DSN").substring(8, 40));
        seeded.put("SESSION_COOKIE", dotEnv.get("SESSION_COOKIE"));
        seeded.put("DATABASE_URL password", urlPassword);

        // The application: a JUnit suite whose failures quote what a careless test prints, and a script the
        // command probe runs. They live outside Healdesk's folders; their own report is theirs, not Healdesk's.
        Path app = dir.resolve("app");
        executable(app.resolve("unit-tests.sh"), """
                #!/bin/bash
                mkdir -p reports
                cat > reports/TEST-crm.xml <<EOF
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="crm" tests="5" failures="4">
                  <testcase classname="crm.AuthTest" name="listsCustomers" time="0.2">
                    <failure message="HTTP 401 Unauthorized for GET /api/customers (Authorization: Bearer $API_TOKEN)">org.opentest4j.AssertionFailedError: 401 with header Authorization: Bearer $API_TOKEN
                    at crm.AuthTest.listsCustomers(AuthTest.java:31)</failure>
                    <system-out>token=$API_TOKEN gh=$GH_TOKEN</system-out>
                  </testcase>
                  <testcase classname="crm.DbTest" name="connects" time="0.1">
                    <failure message="FATAL: password authentication failed for user healer (postgres://healer:$PGPASSWORD@db.internal:5432/crm)">org.postgresql.util.PSQLException: FATAL: password authentication failed for user "healer"
                    at crm.DbTest.connects(DbTest.java:12)
                    url was postgres://healer:$PGPASSWORD@db.internal:5432/crm</failure>
                  </testcase>
                  <testcase classname="crm.LoginTest" name="signsIn" time="0.3">
                    <failure message="signing in as demo@shop.test with the password $TEST_PASSWORD was refused; the session was $LOGIN_JWT">AssertionError: refused
                    at crm.LoginTest.signsIn(LoginTest.java:40)</failure>
                    <system-out>typed $TEST_PASSWORD</system-out>
                  </testcase>
                  <testcase classname="crm.CloudTest" name="uploads" time="0.1">
                    <failure message="InvalidAccessKeyId: the key $AWS_ACCESS_KEY_ID with secret $AWS_SECRET_ACCESS_KEY was refused; anthropic $ANTHROPIC_API_KEY; github $GH_TOKEN">com.amazonaws.AmazonServiceException: InvalidAccessKeyId
                    at crm.CloudTest.uploads(CloudTest.java:8)</failure>
                    <system-err>AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY</system-err>
                  </testcase>
                  <testcase classname="crm.HealthTest" name="isUp" time="0.05"/>
                </testsuite>
                EOF
                echo "wrote the report with $TEST_PASSWORD"
                """);
        executable(app.resolve("print-secrets.sh"), """
                #!/bin/bash
                echo "arguments: $*"
                echo "from my environment: gh=$GH_TOKEN aws=$AWS_SECRET_ACCESS_KEY key=$ANTHROPIC_API_KEY"
                exit 3
                """);
        List<String> argv = new ArrayList<>(List.of("'" + app.resolve("print-secrets.sh") + "'", "'${TEST_PASSWORD}'",
                "'${ANTHROPIC_API_KEY}'"));
        argv.addAll(List.of("'${SENTRY_DSN}'", "'${SESSION_COOKIE}'", "'${DATABASE_URL}'"));
        Files.writeString(work.resolve("crm.yaml"), """
                name: crm
                suites:
                  - kind: junit
                    project: unit
                    command: ['%s']
                    dir: '%s'
                    reports: 'reports/TEST-*.xml'
                probes:
                  - id: secrets-echo
                    project: ops
                    command:
                      argv: [%s]
                """.formatted(app.resolve("unit-tests.sh"), app, String.join(", ", argv)));

        Run run = healdesk(processEnv, "run", "--target=crm.yaml", "--verbose");

        // Every failing test ran.
        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out() + run.err()).as("the log configuration loads without complaint").doesNotContain("ch.qos.logback");
        JsonNode latest = JSON.readTree(dir.resolve("results/latest.json").toFile());
        assertThat(latest.path("testsRun").asInt()).as(latest.toString()).isEqualTo(6);
        assertThat(latest.path("testsFailed").asInt()).isEqualTo(5);
        Path folder = dir.resolve("results").resolve(latest.path("runId").asText());
        List<Run> all = new ArrayList<>(List.of(run));
        for (String format : List.of("md", "html", "json", "pdf", "junit")) {
            Run report = healdesk(Map.of(), "report", "latest", "--format=" + format);
            assertThat(report.code()).as(format + ": " + report.err()).isZero();
            all.add(report);
        }
        Run history = healdesk(Map.of(), "history", "--json");
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains(latest.path("runId").asText());
        all.add(history);
        assertThat(Files.exists(folder.resolve("report.pdf"))).isTrue();
        assertThat(Files.exists(dir.resolve("results/healdesk.db"))).isTrue();

        List<String> hits = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.equals(work.resolve(".env")) && !p.startsWith(app.resolve("reports")))
                    .toList();
        }
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String text = file.toString().endsWith(".pdf") ? pdfText(file) : "";
            seeded.forEach((name, value) -> {
                // ISO-8859-1 maps each byte to one char: a search over the raw bytes of any file, binary or not.
                if (bytes.contains(value) || text.contains(value)) {
                    hits.add(name + " in " + dir.relativize(file));
                }
            });
        }
        ollama.requests().forEach(r -> seeded.forEach((name, value) -> {
            if (r.body() != null && r.body().contains(value)) {
                hits.add(name + " in a request to the model: " + r.path());
            }
        }));
        slackPosts.forEach(post -> seeded.forEach((name, value) -> {
            if (post.replace(hookPath, "").contains(value)) {
                hits.add(name + " in the Slack message");
            }
        }));
        assertThat(hits).as("secrets found; searched " + files.size() + " files, " + all.size()
                + " processes' output (in out/), " + ollama.requests().size() + " model requests and "
                + slackPosts.size() + " Slack messages").isEmpty();
        // ... and it did see them: each is on record where it was, as its variable's name or a redaction token.
        JsonNode tests = JSON.readTree(folder.resolve("test-output.json").toFile()).path("tests");
        assertThat(message(tests, "listsCustomers")).contains("Authorization: Bearer $API_TOKEN");
        assertThat(message(tests, "connects")).contains("postgres://healer:$PGPASSWORD@db.internal:5432/crm");
        assertThat(message(tests, "signsIn")).contains("with the password $TEST_PASSWORD was refused")
                .contains("[REDACTED_JWT]");
        assertThat(message(tests, "uploads")).contains("the key $AWS_ACCESS_KEY_ID with secret $AWS_SECRET_ACCESS_KEY")
                .contains("anthropic $ANTHROPIC_API_KEY").contains("github $GH_TOKEN");
        String probe = message(tests, "secrets-echo");
        assertThat(probe).contains("arguments: *** ***").contains("gh=$GH_TOKEN aws=$AWS_SECRET_ACCESS_KEY");
        assertThat(probe).contains("$SENTRY_DSN").contains("$SESSION_COOKIE")
                .contains("postgres://crm:[REDACTED_PASSWORD]@db.internal:5432/crm");
        assertThat(ollama.requests("/api/chat")).as("the model was asked").isNotEmpty();
        assertThat(slackPosts).as("the failing scheduled run told Slack").hasSize(1);

        assertThat(files).as("the run's files were searched")
                .contains(folder.resolve("healing-output.log"), folder.resolve("test-output.json"),
                        folder.resolve("healing-summary.json"), folder.resolve("summary.md"),
                        dir.resolve("results/healdesk.db"), dir.resolve("out/1-run.out"), dir.resolve("out/1-run.err"));
        assertThat(Files.readString(folder.resolve("healing-output.log"))).contains("Bearer $API_TOKEN");
    }

    /** The stored error message of the test whose id contains {@code fragment}. */
    private static String message(JsonNode tests, String fragment) {
        for (JsonNode t : tests) {
            if (t.path("id").asText().contains(fragment)) {
                return t.path("errorMessage").asText();
            }
        }
        throw new AssertionError("no test " + fragment + " in " + tests);
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
