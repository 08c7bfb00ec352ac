package dev.healdesk.core.llm;

import dev.healdesk.core.redact.Redactor;

import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.run.Diagnoses;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.RunEvent;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.PatternCatalog;
import dev.healdesk.core.triage.Triage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Diagnosis end to end: real triage, a real SQLite cache, the real Ollama4j client and the Ollama stand-in. */
class LlmDiagnoserTest {

    // Seeded secrets, assembled so that no scanner mistakes this file for a leak.
    static final String DB_PASSWORD = "Pg" + "Secr3t-" + "7731";
    static final String BEARER = "tok_" + "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final String AWS_KEY = "AKIA" + "IOSFODNN7" + "EXAMPLE";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiJvcGVyYXRvciIsImV4cCI6MTcxNzIzNDU2N30"
            + ".c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
    static final String EMAIL = "jane.operator" + "@acme-corp.io";
    static final List<String> SECRETS = List.of(DB_PASSWORD, BEARER, AWS_KEY, JWT, EMAIL);

    static final String ANSWER = "{\"rootCause\":\"The backend at 127.0.0.1 is down\",\"confidence\":0.82,"
            + "\"category\":\"network\",\"fixClass\":\"A\",\"suggestedPlaybook\":\"restart-backend\","
            + "\"explanation\":\"Connection refused on every API call.\",\"evidence\":[\"ECONNREFUSED 127.0.0.1:3000\"]}";

    @TempDir
    Path dir;

    private final OllamaStandIn ollama = OllamaStandIn.start().install("llama3.2", 2_019_393_189L);
    private final Triage triage = new Triage(PatternCatalog.builtIn());
    private HistoryStore history;

    @AfterEach
    void stop() {
        ollama.close();
        if (history != null) {
            history.close();
        }
    }

    private LlmDiagnoser diagnoser(String host) {
        history = history == null ? HistoryStore.open(dir.resolve("healdesk.db")) : history;
        OllamaLlmClient client = new OllamaLlmClient(host, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(3));
        return new LlmDiagnoser(() -> Optional.of(choice("llama3.2")), client, null, history, Redactor.standard()::redact,
                PatternCatalog.builtIn().playbooks(), Clock.systemUTC());
    }

    static ModelChoice choice(String model) {
        return new ModelChoice(model, ModelChoice.Source.ENVIRONMENT, true, 3000, 8000, true, "test", null);
    }

    private List<FailureGroup> failures() {
        List<TestResult> results = List.of(
                TestResult.failed("health/api", "health", "API answers", 30,
                        "connect ECONNREFUSED 127.0.0.1:3000 while calling https://svc:" + DB_PASSWORD
                                + "@api.acme-corp.io/v1 with Authorization: Bearer " + BEARER, null, List.of()),
                TestResult.failed("contracts/customers", "contracts", "Customers contract", 31,
                        "connect ECONNREFUSED 127.0.0.1:3000 while calling https://svc:" + DB_PASSWORD
                                + "@api.acme-corp.io/v1 with Authorization: Bearer " + BEARER, null, List.of()),
                TestResult.failed("security/jwt", "security", "Token refused", 40,
                        "JsonWebTokenError: jwt expired for " + EMAIL + " token=" + JWT + " aws_access_key_id="
                                + AWS_KEY, "    at verify (/app/node_modules/jsonwebtoken/verify.js:152:21)",
                        List.of()));
        return triage.group(results);
    }

    private Diagnoses run(LlmDiagnoser d, List<FailureGroup> groups, RunOptions options, List<RunEvent> events) {
        return d.diagnose("run-1", groups, options, events::add, Cancellation.none());
    }

    @Test
    void oneRequestPerFingerprintGroupWithTokensStreamedAndCountsRecorded() {
        ollama.answer(List.of(ANSWER.substring(0, 40), ANSWER.substring(40)));
        List<FailureGroup> groups = failures();
        assertThat(groups).hasSize(2);
        List<RunEvent> events = new ArrayList<>();

        Diagnoses result = run(diagnoser(ollama.host()), groups, RunOptions.defaults(), events);

        assertThat(ollama.requests("/api/chat")).hasSize(2);
        assertThat(result.usage().calls()).isEqualTo(2);
        assertThat(result.usage().cacheHits()).isZero();
        assertThat(result.usage().provider()).isEqualTo("ollama");
        assertThat(result.usage().model()).isEqualTo("llama3.2");
        assertThat(result.usage().promptTokens()).isEqualTo(2 * 412);
        assertThat(result.usage().completionTokens()).isEqualTo(4);
        assertThat(events.stream().filter(e -> e instanceof RunEvent.DiagnosisToken).count()).isEqualTo(4);
        Diagnosis d = result.byFingerprint().get(groups.get(0).fingerprint());
        assertThat(d.malformed()).isFalse();
        assertThat(d.rootCause()).isEqualTo("The backend at 127.0.0.1 is down");
        assertThat(d.confidence()).isEqualTo(0.82);
        assertThat(d.suggestedPlaybook()).isEqualTo("restart-backend");
        assertThat(d.evidence()).containsExactly("ECONNREFUSED 127.0.0.1:3000");
    }

    @Test
    void noSeededSecretEverReachesTheModel() {
        ollama.answer(List.of(ANSWER));

        run(diagnoser(ollama.host()), failures(), RunOptions.defaults(), new ArrayList<>());

        List<OllamaStandIn.Request> sent = ollama.requests("/api/chat");
        assertThat(sent).isNotEmpty();
        for (OllamaStandIn.Request r : sent) {
            for (String secret : SECRETS) {
                assertThat(r.body()).doesNotContain(secret);
            }
            assertThat(r.body()).contains("[REDACTED_");
        }
        assertThat(sent.get(0).body()).contains("ECONNREFUSED 127.0.0.1:3000");
    }

    @Test
    void anAnswerThatEchoesASecretIsRedactedBeforeItIsStored() throws Exception {
        ollama.answer(List.of(ANSWER.replace("Connection refused on every API call.",
                "The request sent Authorization: Bearer " + BEARER + " for " + EMAIL)));
        List<FailureGroup> groups = failures();

        Diagnoses result = run(diagnoser(ollama.host()), groups, RunOptions.defaults(), new ArrayList<>());

        Diagnosis d = result.byFingerprint().get(groups.get(0).fingerprint());
        assertThat(d.explanation()).doesNotContain(BEARER).doesNotContain(EMAIL).contains("[REDACTED_");
        history.close();
        String db = new String(Files.readAllBytes(dir.resolve("healdesk.db")), java.nio.charset.StandardCharsets.ISO_8859_1)
                + (Files.exists(dir.resolve("healdesk.db-wal"))
                ? new String(Files.readAllBytes(dir.resolve("healdesk.db-wal")), java.nio.charset.StandardCharsets.ISO_8859_1) : "");
        history = null;
        for (String secret : SECRETS) {
            assertThat(db).doesNotContain(secret);
        }
    }

    @Test
    void aSecondRunWithTheSameFailuresMakesNoCallUnlessAskedToRediagnose() {
        ollama.answer(List.of(ANSWER));
        LlmDiagnoser diagnoser = diagnoser(ollama.host());
        run(diagnoser, failures(), RunOptions.defaults(), new ArrayList<>());
        int before = ollama.requests("/api/chat").size();

        List<RunEvent> events = new ArrayList<>();
        Diagnoses second = run(diagnoser, failures(), RunOptions.defaults(), events);

        assertThat(ollama.requests("/api/chat")).hasSize(before);
        assertThat(second.usage().calls()).isZero();
        assertThat(second.usage().cacheHits()).isEqualTo(2);
        assertThat(second.byFingerprint().values()).allSatisfy(d -> assertThat(d.cached()).isTrue());
        assertThat(events).noneMatch(e -> e instanceof RunEvent.DiagnosisStarted);

        Diagnoses third = run(diagnoser, failures(), RunOptions.defaults().withRediagnose(true), new ArrayList<>());
        assertThat(third.usage().calls()).isEqualTo(2);
        assertThat(ollama.requests("/api/chat")).hasSize(before + 2);
    }

    @Test
    void aMalformedAnswerIsKeptAsTextAndTheRunGoesOn() {
        ollama.answer(List.of("I think the backend ", "is down, restart it."));
        List<FailureGroup> groups = failures();

        Diagnoses result = run(diagnoser(ollama.host()), groups, RunOptions.defaults(), new ArrayList<>());

        assertThat(result.byFingerprint()).hasSize(2);
        Diagnosis d = result.byFingerprint().get(groups.get(0).fingerprint());
        assertThat(d.malformed()).isTrue();
        assertThat(d.rawText()).isEqualTo("I think the backend is down, restart it.");
        assertThat(d.rootCause()).isNull();
    }

    @Test
    void aPlaybookOutsideTheRegistryIsDroppedWithANote() {
        ollama.answer(List.of(ANSWER.replace("restart-backend", "rm-rf-everything")));
        List<FailureGroup> groups = failures();

        Diagnosis d = run(diagnoser(ollama.host()), groups, RunOptions.defaults(), new ArrayList<>())
                .byFingerprint().get(groups.get(0).fingerprint());

        assertThat(d.suggestedPlaybook()).isNull();
        assertThat(d.note()).contains("rm-rf-everything").contains("not a Healdesk playbook");
    }

    @Test
    void anUnreachableOllamaMeansPatternTriageOnlyAfterOneAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<RunEvent> events = new ArrayList<>();

        Diagnoses result = run(diagnoser("127.0.0.1:" + port), failures(), RunOptions.defaults(), events);

        assertThat(result.byFingerprint()).isEmpty();
        assertThat(result.usage().calls()).isZero();
        assertThat(result.usage().errors()).isEqualTo(1);
        assertThat(result.usage().note()).contains("ollama serve");
        assertThat(events).anyMatch(e -> e instanceof RunEvent.Log l && l.message().contains("OLLAMA_HOST"));
        List<RunEvent.DiagnosisFailed> failed = events.stream().filter(e -> e instanceof RunEvent.DiagnosisFailed)
                .map(e -> (RunEvent.DiagnosisFailed) e).toList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).unavailable()).isTrue();
        assertThat(failed.get(0).reason()).contains("ollama serve");
    }

    @Test
    void theCloudFallbackTakesOverWhenTheLocalModelIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        history = HistoryStore.open(dir.resolve("healdesk.db"));
        OllamaLlmClient down = new OllamaLlmClient("127.0.0.1:" + port, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        // The fallback here is the stand-in Ollama under another provider name: what matters is the switch.
        OllamaLlmClient up = new OllamaLlmClient(ollama.host(), Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(3));
        ollama.answer(List.of(ANSWER));
        LlmDiagnoser d = new LlmDiagnoser(() -> Optional.of(choice("qwen2.5-coder:32b")), down,
                new LlmDiagnoser.Fallback(up, "llama3.2", false), history, Redactor.standard()::redact,
                Set.of("restart-backend"), Clock.systemUTC());

        Diagnoses result = run(d, failures(), RunOptions.defaults(), new ArrayList<>());

        assertThat(result.usage().model()).isEqualTo("llama3.2");
        assertThat(result.usage().calls()).isEqualTo(2);
        assertThat(result.usage().errors()).isEqualTo(1);
        assertThat(result.usage().note()).contains("fallback");
        for (OllamaStandIn.Request r : ollama.requests("/api/chat")) {
            for (String secret : SECRETS) {
                assertThat(r.body()).doesNotContain(secret);
            }
        }
    }

    @Test
    void theNextSimilarFailureIsShownPastDiagnosesAsExamples() {
        ollama.answer(List.of(ANSWER));
        LlmDiagnoser diagnoser = diagnoser(ollama.host());
        run(diagnoser, failures(), RunOptions.defaults(), new ArrayList<>());
        List<FailureGroup> other = triage.group(List.of(TestResult.failed("modules/login", "modules", "Login", 20,
                "page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:3000/login", null, List.of())));
        ollama.answer(List.of(ANSWER));

        run(diagnoser, other, RunOptions.defaults(), new ArrayList<>());

        List<OllamaStandIn.Request> sent = ollama.requests("/api/chat");
        String last = sent.get(sent.size() - 1).json().path("messages").get(1).path("content").asText();
        assertThat(last).contains("Past diagnoses of similar failures").contains("The backend at 127.0.0.1 is down");
    }
}
