package dev.healdesk.core.suite.probes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One check of a probe suite file (or of a target file's {@code probes:}), as the operator writes it. Exactly one
 * kind is given: {@code http}, {@code page}, {@code tcp}, {@code postgres}, {@code redis} or {@code command}. See
 * "Probe suites (YAML)" in src/site/markdown/suites-and-probes.md; {@link ProbeSuiteFiles} checks it and turns it
 * into a probe.
 *
 * @param id        the check's name, unique in its project (the probe's id is {@code project/id})
 * @param project   its project (health, contracts...); the suite's {@code defaults.project} when left out
 * @param title     shown in the console; the id when left out
 * @param timeoutMs per-step timeout of this check; the suite's default, else the target's
 */
public record CheckSpec(String id, String project, String title, Integer timeoutMs,
                        Http http, Page page, Tcp tcp, Postgres postgres, Redis redis, Command command) {

    /**
     * An HTTP request and what its answer must be. {@code url} is absolute, or relative to the API URL (the base URL
     * with {@code relativeTo: baseUrl}). {@code headers}, {@code json}, {@code form} and the url may refer to
     * variables ({@code ${NAME}}).
     *
     * @param auth            {@code bearer}: sign in with the suite's {@code auth.login} first; {@code none} (default)
     * @param followRedirects false: take the first answer as it is (a 3xx with its Set-Cookie)
     */
    public record Http(String method, String url, String relativeTo, Map<String, String> headers, JsonNode json,
                       Map<String, String> form, String auth, Boolean followRedirects, HttpExpect expect) {
    }

    /**
     * What an HTTP answer must be; everything left out is not checked, except the status (200).
     *
     * @param status       a code, a list of codes, or a class such as {@code 3xx}
     * @param headers      name → {@code present}, an exact value, or a list of accepted values (case-insensitive)
     * @param json         JSON field (dotted path or JSON pointer) → expected value, or {@code present}
     * @param schema       a JSON Schema file, relative to the suite file
     * @param maxLatencyMs the latency budget of the request
     * @param cookies      attributes every Set-Cookie of the answer must have
     */
    public record HttpExpect(JsonNode status, Map<String, JsonNode> headers, String bodyContains,
                             Map<String, JsonNode> json, String schema, Integer maxLatencyMs, Cookies cookies) {
    }

    /** Cookie attributes to require (null: not checked). */
    public record Cookies(Boolean httpOnly, Boolean secure) {
    }

    /**
     * A page in headless Chromium: {@code url} (absolute or relative to the base URL) must load, then the steps run,
     * then each {@code visible} selector must be visible, {@code minCount} met and {@code text} shown (in
     * {@code textIn}, default the body).
     */
    public record Page(String url, List<Step> steps, List<String> visible, MinCount minCount, String text,
                       String textIn) {
    }

    /**
     * One page step: exactly one of {@code fill}, {@code click} and {@code expectUrl}. A click may wait for the
     * navigation it starts ({@code waitForNavigation}) and then expect the page's path ({@code expectUrl});
     * {@code name} says what the click does in failure messages ("signing in").
     */
    public record Step(Fill fill, String click, Boolean waitForNavigation, String expectUrl, String name) {
    }

    /** Types {@code value} (which may refer to variables) into {@code selector}. */
    public record Fill(String selector, String value) {
    }

    /** At least {@code count} elements match {@code selector} (the first one visible). */
    public record MinCount(String selector, Integer count) {
    }

    /** {@code host:port} accepts a TCP connection within {@code timeoutMs} (default: the check's timeout). */
    public record Tcp(String host, Integer port, Integer timeoutMs) {
    }

    /**
     * PostgreSQL answers {@code SELECT 1}; with {@code maxPoolUsePercent}, its client connections stay within that
     * share of {@code max_connections}. The password is read from the variable {@code passwordEnv}.
     */
    public record Postgres(String host, Integer port, String database, String user, String passwordEnv,
                           Integer maxPoolUsePercent) {
    }

    /**
     * Redis answers PING with PONG (after AUTH with the variable {@code passwordEnv}, when given); optionally its
     * connected clients stay at or below {@code maxClients} and its memory use within {@code maxMemoryPercent} of
     * maxmemory.
     */
    public record Redis(String host, Integer port, String passwordEnv, Integer maxClients, Integer maxMemoryPercent) {
    }

    /**
     * A program run without a shell: {@code argv} as given (each element may refer to variables), in
     * {@code workdir} (relative to the suite file), must exit with {@code expectExit} (0) within
     * {@code timeoutSeconds} (30) and print {@code outputContains} (stdout or stderr) when given.
     */
    public record Command(List<String> argv, String workdir, Integer timeoutSeconds, Integer expectExit,
                          String outputContains) {
    }

    /** The kinds a check may have, in the order of the record. */
    public static final List<String> KINDS = List.of("http", "page", "tcp", "postgres", "redis", "command");

    /**
     * This check with its schema file and command workdir made absolute against {@code folder} (a target file's
     * folder: the check is then used away from the file it came from).
     */
    public CheckSpec withPathsUnder(java.nio.file.Path folder) {
        Http h = http;
        if (h != null && h.expect() != null && h.expect().schema() != null) {
            HttpExpect x = h.expect();
            h = new Http(h.method(), h.url(), h.relativeTo(), h.headers(), h.json(), h.form(), h.auth(),
                    h.followRedirects(), new HttpExpect(x.status(), x.headers(), x.bodyContains(), x.json(),
                    folder.resolve(x.schema()).normalize().toString(), x.maxLatencyMs(), x.cookies()));
        }
        Command c = command;
        if (c != null && c.workdir() != null) {
            c = new Command(c.argv(), folder.resolve(c.workdir()).normalize().toString(), c.timeoutSeconds(),
                    c.expectExit(), c.outputContains());
        }
        return new CheckSpec(id, project, title, timeoutMs, h, page, tcp, postgres, redis, c);
    }

    /** The kinds given, by name. */
    public List<String> kinds() {
        List<String> given = new java.util.ArrayList<>();
        Object[] all = {http, page, tcp, postgres, redis, command};
        for (int i = 0; i < all.length; i++) {
            if (all[i] != null) {
                given.add(KINDS.get(i));
            }
        }
        return given;
    }
}
