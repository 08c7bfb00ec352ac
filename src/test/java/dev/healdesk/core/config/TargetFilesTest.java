package dev.healdesk.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetFilesTest {

    @TempDir
    Path dir;

    private final TargetFiles files = new TargetFiles();

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("target.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void theDocumentedExampleIsAValidTargetFile() throws Exception {
        String page = Files.readString(Path.of("src/site/markdown/target-file.md"));
        Matcher m = Pattern.compile("# Target file.*?```yaml\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "the target file page has a target file example");
        // The example's repository is ../crm, next to the folder the file is in.
        Path crm = Files.createDirectories(dir.resolve("crm"));
        Files.createDirectories(crm.resolve("e2e"));
        Files.createDirectories(crm.resolve("api"));
        assertEquals(0, new ProcessBuilder("git", "init", "-q", crm.toString()).inheritIO().start().waitFor());
        Path file = Files.createDirectories(dir.resolve("targets")).resolve("crm-staging.yaml");
        Files.writeString(file, m.group(1));
        // Its probes suite is the documented probe suite example, with the schema that one names.
        String suites = Files.readString(Path.of("src/site/markdown/suites-and-probes.md"));
        Matcher suite = Pattern.compile("## Probe suites \\(YAML\\).*?```yaml\\n(.*?)```", Pattern.DOTALL)
                .matcher(suites);
        assertTrue(suite.find(), "the suites page has a probe suite example");
        Files.writeString(dir.resolve("targets/crm-probes.yaml"), suite.group(1));
        Files.createDirectories(dir.resolve("targets/schemas"));
        Files.writeString(dir.resolve("targets/schemas/customers.schema.json"), "{\"type\": \"object\"}");
        Map<String, String> env = Map.of("PGPASSWORD", "pg-secret", "REDIS_PASSWORD", "redis-secret");
        TargetSpec spec = files.load(file, env);
        assertEquals("crm-staging", spec.name());
        assertEquals(crm.toAbsolutePath().toString(), spec.repository());
        assertTrue(TargetFiles.guardrails(spec.guardrails(), dev.healdesk.core.playbook.Guardrails.defaults())
                .isProtected("payments-db"));
        assertEquals(3, spec.probes().size());
        assertEquals(200, spec.probes().get(0).http().expect().status().asInt());
        assertEquals(List.of("#email"), spec.probes().get(2).page().visible());
        assertEquals(List.of("playwright", "junit", "probes"), spec.suites().stream().map(TargetSpec.SuiteSpec::kind)
                .toList());
        assertEquals(dir.resolve("targets/crm-probes.yaml").toAbsolutePath().toString(), spec.suites().get(2).file());
        assertEquals(crm.resolve("e2e").toAbsolutePath().toString(), spec.suites().get(0).dir());
        List<String> ids = TargetFiles.probes(spec, env).stream().map(dev.healdesk.core.suite.Probe::id).toList();
        assertEquals(List.of("health/api-health", "security/security-headers", "modules/login-page",
                "contracts/customers-contract", "security/login-cookie", "modules/sign-in", "health/api-port",
                "health/database", "health/cache", "health/migrations-applied"), ids);
        assertTrue(spec.playbooks().containsKey("restart-backend"));
    }

    @Test
    void guardrailsFromTheFileOverTheDefaultsAndProtectOnlyAdds() throws Exception {
        TargetSpec spec = files.load(write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                probes:
                  - {id: h, project: health, http: {url: /api/health}}
                guardrails:
                  maxFixesPerRun: 1
                  cooldownSeconds: 30
                  settleMs: 2000
                  runMinutes: 1
                  protect: [orders, billing-db]
                """), Map.of());
        dev.healdesk.core.playbook.Guardrails g = new FileTarget(spec, Map.of()).control()
                .guardrails(dev.healdesk.core.playbook.Guardrails.defaults());
        assertEquals(1, g.maxFixesPerRun());
        assertEquals(java.time.Duration.ofSeconds(30), g.cooldown());
        assertEquals(java.time.Duration.ofMillis(2000), g.settle());
        assertEquals(java.time.Duration.ofMinutes(1), g.runBudget());
        assertEquals(2, g.maxAttemptsPerFailure(), "left out: the default");
        assertTrue(g.isProtected("Orders") && g.isProtected("billing-db") && g.isProtected("kube-system"));
    }

    @Test
    void aGuardrailOutOfRangeNamesTheFileTheLineAndTheRange() throws Exception {
        Path f = write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                probes:
                  - {id: h, project: health, http: {url: /api/health}}
                guardrails:
                  maxAttemptsPerFailure: 0
                """);
        TargetFileException e = assertThrows(TargetFileException.class, () -> files.load(f, Map.of()));
        assertEquals(f + ": line 6: guardrails.maxAttemptsPerFailure is 0: give a value between 1 and 10.",
                e.getMessage());
    }

    @Test
    void theRepositoryIsResolvedAgainstTheTargetFilesFolderAndMustBeAGitCheckout() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        String yaml = """
                name: t
                baseUrl: http://127.0.0.1:3000
                repository: app
                probes:
                  - {id: h, project: health, http: {url: /api/health}}
                """;
        Path f = write(yaml);
        TargetFileException e = assertThrows(TargetFileException.class, () -> files.load(f, Map.of()));
        assertTrue(e.getMessage().contains("'repository' " + app.toAbsolutePath() + " is not a git repository"),
                e.getMessage());

        Process git = new ProcessBuilder("git", "init", "-q", app.toString()).inheritIO().start();
        assertEquals(0, git.waitFor());
        TargetSpec spec = files.load(f, Map.of());
        assertEquals(Optional.of(app.toAbsolutePath()), new FileTarget(spec, Map.of()).control().repository());
    }

    @Test
    void environmentUrlsOverrideTheFile() throws Exception {
        TargetSpec spec = files.load(write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                apiUrl: http://127.0.0.1:8080
                probes:
                  - {id: h, project: health, http: {url: /api/health}}
                """), Map.of("API_URL", "http://127.0.0.1:9999"));
        assertEquals("http://127.0.0.1:3000", spec.baseUrl());
        assertEquals("http://127.0.0.1:9999", spec.apiUrl());
    }

    @Test
    void anUnknownFieldIsReportedWithItsLine() throws Exception {
        Path f = write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                probes:
                  - id: h
                    project: health
                    http: {url: /x, expect: {statuss: 200}}
                """);
        TargetFileException e = assertThrows(TargetFileException.class, () -> files.load(f, Map.of()));
        assertTrue(e.getMessage().startsWith(f + " line 6: unknown field 'statuss'"), e.getMessage());
        assertTrue(e.getMessage().contains("status"), "lists the known fields: " + e.getMessage());
    }

    @Test
    void brokenYamlIsReportedWithItsLine() throws Exception {
        Path f = write("name: t\nprobes:\n  - id: [unclosed\n");
        TargetFileException e = assertThrows(TargetFileException.class, () -> files.load(f, Map.of()));
        assertTrue(e.getMessage().matches("(?s)" + Pattern.quote(f.toString()) + " line [34]: .*"), e.getMessage());
    }

    @Test
    void eachMistakeSaysWhatToDo() throws Exception {
        assertProblem("baseUrl: http://h:1\nprobes: [{id: a, project: p, http: {url: /x}}]\n", "'name' is missing");
        assertProblem("name: t\nbaseUrl: ftp://h\nprobes: [{id: a, project: p, http: {url: /x}}]\n",
                "baseUrl 'ftp://h' is not an http(s) URL");
        assertProblem("name: t\nprobes: [{id: a, project: p, http: {url: /x}}]\n",
                "probe 'a': the url '/x' is relative but 'apiUrl (or baseUrl)' is not set");
        assertProblem("name: t\nbaseUrl: http://h:1\nprobes: [{id: a, project: p}]\n",
                "probe 'a' has no check: give exactly one of http, page, tcp, postgres, redis or command");
        assertProblem("name: t\nbaseUrl: http://h:1\nprobes: [{id: 'a b', project: p, http: {url: /x}}]\n",
                "probes[0].id must be");
        assertProblem("name: t\nbaseUrl: http://h:1\nprobes: [{id: a, project: p, http: {method: BREW, url: /x}}]\n",
                "unknown HTTP method 'BREW'");
        assertProblem("name: t\nbaseUrl: http://h:1\nprobes:\n  - {id: a, project: p, http: {url: /x}}\n"
                + "  - {id: a, project: p, http: {url: /y}}\n", "appears twice");
        assertProblem("name: t\nbaseUrl: http://h:1\nprobes: []\n", "no 'suites' and no 'probes'");
        assertProblem("", "is empty");
    }

    @Test
    void probeSuiteFilesAreCheckedWithTheirOwnLinesAndIdsAreUniqueAcrossTheTarget() throws Exception {
        Files.writeString(dir.resolve("more.yaml"), """
                checks:
                  - id: h
                    project: health
                    tcp: {host: 127.0.0.1, port: 99999}
                """);
        Path f = write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                suites:
                  - {kind: probes, file: more.yaml}
                """);
        TargetFileException bad = assertThrows(TargetFileException.class, () -> files.load(f, Map.of()));
        assertTrue(bad.getMessage().startsWith(dir.resolve("more.yaml").toAbsolutePath() + " line 4: probe"
                .replace("probe", "check 'h': 'port' must be a TCP port between 1 and 65535 (got 99999)")),
                bad.getMessage());
        assertTrue(bad.getMessage().endsWith("(used by " + f + ")"), bad.getMessage());

        Files.writeString(dir.resolve("more.yaml"), "checks:\n  - {id: h, project: health, tcp: {host: h, port: 1}}\n");
        Path twice = write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                probes:
                  - {id: h, project: health, http: {url: /api/health}}
                suites: [{kind: probes, file: more.yaml}]
                """);
        TargetFileException dup = assertThrows(TargetFileException.class, () -> files.load(twice, Map.of()));
        assertTrue(dup.getMessage().contains(twice + ": suites[0] (probes): the probe health/h of ")
                && dup.getMessage().contains("is also in probes"), dup.getMessage());

        Path withMissing = write("""
                name: t
                baseUrl: http://127.0.0.1:3000
                suites: [{kind: probes, file: more.yaml}, {kind: probes, file: missing.yaml}]
                """);
        TargetFileException missing = assertThrows(TargetFileException.class,
                () -> files.load(withMissing, Map.of()));
        assertTrue(missing.getMessage().contains("suites[1] (probes): 'file' '" + dir.resolve("missing.yaml")
                .toAbsolutePath() + "' is not a file"), missing.getMessage());
    }

    @Test
    void aMissingFileSaysHowToGetTheSandbox() {
        TargetFileException e = assertThrows(TargetFileException.class,
                () -> files.load(dir.resolve("nope.yaml"), Map.of()));
        assertTrue(e.getMessage().contains("nope.yaml does not exist") && e.getMessage().contains("--target=sandbox"),
                e.getMessage());
    }

    private void assertProblem(String yaml, String expected) throws Exception {
        Path f = write(yaml);
        TargetFileException e = assertThrows(TargetFileException.class, () -> files.load(f, Map.of()), yaml);
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains(expected),
                "expected '" + expected + "' in: " + e.getMessage());
    }
}
