package dev.healdesk.core.suite.probes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * A probe suite file (YAML), as the operator writes it. See "Probe suites (YAML)" in
 * src/site/markdown/suites-and-probes.md.
 *
 * @param name     shown in messages; the file name when left out
 * @param defaults what checks that do not say otherwise get
 * @param auth     how {@code auth: bearer} checks get their token
 * @param checks   the checks
 */
public record ProbeSuiteSpec(String name, Defaults defaults, Auth auth, List<CheckSpec> checks) {

    public ProbeSuiteSpec {
        checks = checks == null ? List.of() : checks;
    }

    /** A project and a per-step timeout for the checks that give none. */
    public record Defaults(String project, Integer timeoutMs) {
    }

    /** Sign-in for bearer checks. */
    public record Auth(Login login) {
    }

    /**
     * A request that answers a token: {@code method url} (POST, relative to the API URL) with a JSON or form body
     * (which refers to the login by variable, e.g. {@code ${TEST_PASSWORD}}), must answer {@code expectStatus} (200);
     * {@code token} is where the token is in its JSON answer (a dotted path or JSON pointer, default {@code token}).
     */
    public record Login(String method, String url, JsonNode json, Map<String, String> form, Integer expectStatus,
                        String token) {
    }
}
