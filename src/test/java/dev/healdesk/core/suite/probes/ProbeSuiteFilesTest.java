package dev.healdesk.core.suite.probes;

import dev.healdesk.core.suite.Probe;
import dev.healdesk.core.sandbox.SandboxSuites;
import dev.healdesk.core.suite.SuiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader's answers to bad input: each names the file, the line and what to do. */
class ProbeSuiteFilesTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path f = dir.resolve("suite.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String problem(String yaml) throws Exception {
        return problem(yaml, Map.of());
    }

    private String problem(String yaml, Map<String, String> env) throws Exception {
        Path f = write(yaml);
        return org.junit.jupiter.api.Assertions.assertThrows(SuiteException.class, () -> ProbeSuiteFiles.load(f, env),
                yaml).getMessage();
    }

    private String at(int line) {
        return dir.resolve("suite.yaml") + " line " + line + ": ";
    }

    @Test
    void aGoodFileGivesProbesOfTheRightKindProjectAndTimeout() throws Exception {
        Files.writeString(dir.resolve("s.json"), "{\"type\": \"object\"}");
        Path f = write("""
                name: mine
                defaults: {project: health, timeoutMs: 2500}
                checks:
                  - {id: api, http: {url: /api/health, expect: {schema: s.json}}}
                  - {id: page, project: modules, page: {url: /login}, timeoutMs: 900}
                  - {id: port, tcp: {host: 127.0.0.1, port: 5432}}
                  - {id: run, command: {argv: [true]}}
                """);
        ProbeSuiteFiles.ProbeSuite suite = ProbeSuiteFiles.load(f, Map.of());
        assertThat(suite.name()).isEqualTo("mine");
        assertThat(suite.probes()).extracting(Probe::id)
                .containsExactly("health/api", "modules/page", "health/port", "health/run");
        assertThat(suite.probes()).extracting(Probe::kind)
                .containsExactly(Probe.Kind.API, Probe.Kind.PAGE, Probe.Kind.OTHER, Probe.Kind.OTHER);
        assertThat(suite.probes().get(0).timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(suite.probes().get(1).timeout()).isEqualTo(Duration.ofMillis(900));
        assertThat(suite.probes().get(0).title()).isEqualTo("health/api");
    }

    @Test
    void theSandboxSuitesAreFilesInThisFormatWithTheSeedIdsAndTitles() {
        assertThat(SandboxSuites.probes()).extracting(Probe::id).containsExactly("health/api-health",
                "health/login-page-loads", "contracts/customers-schema", "contracts/health-schema",
                "modules/login-flow", "modules/customers-list", "modules/customer-detail",
                "security/api-requires-auth", "security/login-rejects-bad-password", "security/security-headers",
                "security/session-cookie-httponly");
        assertThat(SandboxSuites.probes().get(2).title()).isEqualTo("GET /api/customers matches customers.schema.json");
        assertThat(SandboxSuites.probes()).allMatch(p -> p.timeout() == null, "the run's timeout applies");
    }

    @Test
    void unknownFieldsNameTheirLineAndTheKnownOnes() throws Exception {
        String m = problem("""
                checks:
                  - id: a
                    project: p
                    http:
                      url: /x
                      expect: {statuss: 200}
                """);
        assertThat(m).startsWith(at(6) + "unknown field 'statuss'. Known fields here: [")
                .contains("bodyContains", "maxLatencyMs", "status");
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefusedSayingWhereSecretsGo() throws Exception {
        String m = problem("""
                checks:
                  - id: db
                    project: p
                    postgres: {host: h, database: d, user: u,
                               password: hunter2}
                """);
        assertThat(m).startsWith(at(5) + "unknown field 'password'")
                .contains("Secrets never go in a suite file", "passwordEnv: PGPASSWORD", "environment or .env")
                .doesNotContain("hunter2");
    }

    @Test
    void idsMustBeThereAndUniqueInTheirProject() throws Exception {
        assertThat(problem("checks:\n  - project: p\n    tcp: {host: h, port: 1}\n"))
                .isEqualTo(at(2) + "checks[0].id must be letters, digits, '.', '_' or '-' (got nothing).");
        assertThat(problem("""
                checks:
                  - {id: a, project: p, tcp: {host: h, port: 1}}
                  - {id: b, project: p, tcp: {host: h, port: 1}}
                  - {id: a, project: p, tcp: {host: h, port: 2}}
                """)).isEqualTo(at(4) + "check 'a' appears twice in project p (first at line 2): ids must be unique.");
        assertThat(problem("checks:\n  - {id: a, tcp: {host: h, port: 1}}\n"))
                .startsWith(at(2) + "check 'a': 'project' must be a simple name").contains("set defaults.project");
    }

    @Test
    void aCheckHasExactlyOneKind() throws Exception {
        assertThat(problem("""
                checks:
                  - id: a
                    project: p
                    tcp: {host: h, port: 1}
                    command: {argv: [true]}
                """)).isEqualTo(at(2) + "check 'a' has tcp and command: give exactly one of http, page, tcp,"
                + " postgres, redis or command; split it into one check per kind.");
        assertThat(problem("checks:\n  - {id: a, project: p}\n")).startsWith(at(2) + "check 'a' has no check:");
    }

    @Test
    void urlsPortsHostsAndNumbersAreChecked() throws Exception {
        assertThat(problem("checks:\n  - id: a\n    project: p\n    http: {url: 'ftp://h/x'}\n"))
                .isEqualTo(at(4) + "check 'a': the url 'ftp://h/x' is neither a path starting with '/' nor an"
                        + " http(s) URL with a host.");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    http: {url: /x, method: BREW}\n"))
                .startsWith(at(4) + "check 'a': unknown HTTP method 'BREW'. Use one of [");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    tcp:\n      host: h\n      port: 70000\n"))
                .isEqualTo(at(6) + "check 'a': 'port' must be a TCP port between 1 and 65535 (got 70000).");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    tcp:\n      host: h\n      port: many\n"))
                .startsWith(at(6) + "'port': expected a whole number, found \"many\"").endsWith("Check it against the probe suite format in"
                        + " src/site/markdown/suites-and-probes.md.");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    redis: {host: 'a b'}\n"))
                .startsWith(at(4) + "check 'a': 'host' must be a host name or address");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    http:\n      url: /x\n      expect:\n"
                + "        status: 999\n")).isEqualTo(at(7) + "check 'a': expect.status is 999: give a status (200), a"
                + " list ([401, 403]) or a class (3xx).");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    timeoutMs: 5\n    tcp: {host: h, port: 1}\n"))
                .isEqualTo(at(4) + "check 'a': timeoutMs is 5: give a value between 100 and 600000.");
    }

    @Test
    void variablesMustBeSetAndPasswordEnvIsANameNotAPassword() throws Exception {
        String yaml = """
                checks:
                  - id: a
                    project: p
                    http:
                      url: /x
                      headers: {X-Api-Key: "${API_KEY}"}
                """;
        assertThat(problem(yaml)).isEqualTo(at(6) + "${API_KEY} is not set: set API_KEY in the environment or in"
                + " .env (suite files name secrets, they never hold them).");
        ProbeSuiteFiles.load(write(yaml), Map.of("API_KEY", "k-123"));
        assertThat(ProbeSuiteFiles.load(write("checks:\n  - {id: a, project: p, page: {url: '/u?q=$${literal}'}}\n"),
                Map.of()).probes()).hasSize(1);

        assertThat(problem("checks:\n  - id: a\n    project: p\n    postgres: {host: h, database: d, user: u,"
                + " passwordEnv: PGPASSWORD}\n")).isEqualTo(at(4) + "check 'a': passwordEnv PGPASSWORD is not set:"
                + " set PGPASSWORD in the environment or in .env.");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    redis: {host: h, passwordEnv: 's3cr3t!'}\n",
                Map.of())).contains("passwordEnv is the NAME of the variable");
    }

    @Test
    void filesTheSuiteNamesMustExistAndBeUsable() throws Exception {
        assertThat(problem("checks:\n  - id: a\n    project: p\n    http:\n      url: /x\n      expect:\n"
                + "        schema: nope.json\n")).isEqualTo(at(7) + "check 'a': the schema file " + dir.resolve("nope.json")
                + " does not exist: give a JSON Schema file relative to suite.yaml.");
        Files.writeString(dir.resolve("broken.json"), "{\"type\": ");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    http:\n      url: /x\n      expect:\n"
                + "        schema: broken.json\n")).startsWith(at(7) + "check 'a': the schema " + dir.resolve("broken.json")
                + " is not valid JSON");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    command: {argv: [ls], workdir: nowhere}\n"))
                .startsWith(at(4) + "check 'a': command.workdir " + dir.resolve("nowhere") + " is not a folder");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    command: {argv: []}\n"))
                .startsWith(at(4) + "check 'a': command.argv must list the program and its arguments");
    }

    @Test
    void bearerChecksNeedALoginAndPageStepsAreOneThingEach() throws Exception {
        assertThat(problem("checks:\n  - id: a\n    project: p\n    http: {url: /x, auth: bearer}\n"))
                .startsWith(at(4) + "check 'a': auth: bearer needs a sign-in: add 'auth: {login:");
        assertThat(problem("checks:\n  - id: a\n    project: p\n    page:\n      url: /login\n      steps:\n"
                + "        - click: '#b'\n        - {fill: {selector: '#e', value: x}, click: '#b'}\n"))
                .isEqualTo(at(8) + "check 'a': steps[1] must be exactly one of fill, click or expectUrl (a click may"
                        + " also have expectUrl).");
    }

    @Test
    void brokenEmptyAndMissingFilesSayWhatToDo() throws Exception {
        assertThat(problem("checks:\n  - id: [unclosed\n")).matches("(?s)" + java.util.regex.Pattern.quote(
                dir.resolve("suite.yaml").toString()) + " line [23]: .*Check the YAML against the probe suite"
                + " example in src/site/markdown/suites-and-probes\\.md\\.");
        assertThat(problem("")).contains("is empty: list the checks under 'checks:'");
        assertThat(problem("name: x\n")).isEqualTo(at(1) + "no 'checks': list at least one check (see the probe suite"
                + " example in src/site/markdown/suites-and-probes.md).");
        assertThatThrownBy(() -> ProbeSuiteFiles.load(dir.resolve("gone.yaml"), Map.of()))
                .hasMessage(dir.resolve("gone.yaml") + " does not exist: give the path of a probe suite file (YAML).");
    }

    @Test
    void aTargetFilesInlineChecksAreCheckedAgainstItsUrls() throws Exception {
        String text = "name: t\nprobes:\n  - {id: a, project: p, http: {url: /x}}\n";
        Path f = write(text);
        List<CheckSpec> checks = List.of(new CheckSpec("a", "p", null, null,
                new CheckSpec.Http(null, "/x", null, null, null, null, null, null, null), null, null, null, null, null));
        assertThatThrownBy(() -> ProbeSuiteFiles.inline(f, text, checks, null, Map.of(),
                new ProbeSuiteFiles.Bases(null, null)))
                .hasMessage(at(3) + "probe 'a': the url '/x' is relative but 'apiUrl (or baseUrl)' is not set. Set"
                        + " apiUrl (or baseUrl) or use an absolute URL.");
        assertThat(ProbeSuiteFiles.inline(f, text, checks, null, Map.of(),
                new ProbeSuiteFiles.Bases("http://127.0.0.1:1", null))).hasSize(1);
    }
}
