package dev.healdesk.core.suite.probes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.networknt.schema.JsonSchema;
import dev.healdesk.core.suite.Checks;
import dev.healdesk.core.suite.ProbeCheck;
import dev.healdesk.core.suite.ProbeContext;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** An {@code http} check: one request (after the suite's login for {@code auth: bearer}), then its expectations. */
final class HttpProbe implements ProbeCheck {

    static final String PRESENT = "present";

    private final CheckSpec.Http spec;
    private final CheckSpec.HttpExpect expect;
    private final ProbeSuiteSpec.Login login;
    private final JsonSchema schema;
    private final Variables vars;

    HttpProbe(CheckSpec.Http spec, ProbeSuiteSpec.Login login, JsonSchema schema, Variables vars) {
        this.spec = spec;
        this.expect = spec.expect() == null ? new CheckSpec.HttpExpect(null, null, null, null, null, null, null)
                : spec.expect();
        this.login = login;
        this.schema = schema;
        this.vars = vars;
    }

    static String method(String method, String fallback) {
        return method == null || method.isBlank() ? fallback : method.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public void check(ProbeContext ctx) throws Exception {
        String token = "bearer".equals(spec.auth()) ? token(ctx, login, vars) : null;
        String method = method(spec.method(), "GET");
        String resolved = vars.resolve(spec.url(), ctx.credentials());
        String url = "baseUrl".equals(spec.relativeTo()) ? ctx.url(resolved) : ctx.apiUrl(resolved);
        RequestOptions options = RequestOptions.create().setMethod(method);
        if (spec.headers() != null) {
            spec.headers().forEach((name, value) -> options.setHeader(name, vars.resolve(value, ctx.credentials())));
        }
        if (token != null) {
            options.setHeader("Authorization", "Bearer " + token);
        }
        body(ctx, options, spec.json(), spec.form(), vars);
        if (Boolean.FALSE.equals(spec.followRedirects())) {
            options.setMaxRedirects(0);
        }
        long t0 = System.nanoTime();
        APIResponse response = ctx.api().fetch(url, options);
        long ms = (System.nanoTime() - t0) / 1_000_000;

        status(response, expect.status(), method, url);
        if (expect.maxLatencyMs() != null && ms > expect.maxLatencyMs()) {
            throw new AssertionError("Expected " + method + " " + url + " to answer within " + expect.maxLatencyMs()
                    + " ms but it took " + ms + " ms (latency budget exceeded)");
        }
        if (expect.headers() != null) {
            for (Map.Entry<String, JsonNode> h : expect.headers().entrySet()) {
                header(response, h.getKey(), h.getValue(), method, url);
            }
        }
        if (expect.bodyContains() != null) {
            Checks.expectBodyContains(response, expect.bodyContains(), method, url);
        }
        if (expect.json() != null || schema != null) {
            JsonNode body = Checks.json(ctx, response, method, url);
            if (expect.json() != null) {
                for (Map.Entry<String, JsonNode> f : expect.json().entrySet()) {
                    if (f.getValue().isTextual() && PRESENT.equals(f.getValue().asText())) {
                        Checks.expectFieldPresent(body, f.getKey(), method, url);
                    } else {
                        Checks.expectField(body, f.getKey(), f.getValue().asText(), method, url);
                    }
                }
            }
            if (schema != null) {
                Checks.expectSchema(schema, expect.schema(), body, method, url);
            }
        }
        if (expect.cookies() != null) {
            cookies(response, expect.cookies(), method, url);
        }
    }

    /** Signs in with the suite's login request; returns the bearer token. */
    static String token(ProbeContext ctx, ProbeSuiteSpec.Login login, Variables vars) {
        String method = method(login.method(), "POST");
        String url = ctx.apiUrl(vars.resolve(login.url(), ctx.credentials()));
        RequestOptions options = RequestOptions.create().setMethod(method);
        body(ctx, options, login.json(), login.form(), vars);
        APIResponse response = ctx.api().fetch(url, options);
        Checks.expectStatus(response, login.expectStatus() == null ? 200 : login.expectStatus(), method, url);
        String field = login.token() == null ? "token" : login.token();
        String token = Checks.json(ctx, response, method, url).at(Checks.pointer(field)).asText("");
        if (token.isBlank()) {
            throw new AssertionError("Expected a \"" + field + "\" in the response of " + method + " " + url
                    + " but there was none");
        }
        return token;
    }

    private static void body(ProbeContext ctx, RequestOptions options, JsonNode json, Map<String, String> form,
                             Variables vars) {
        if (json != null) {
            try {
                options.setHeader("Content-Type", "application/json");
                options.setData(ctx.json().writeValueAsString(resolve(json, vars, ctx)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the request body: " + e.getOriginalMessage(), e);
            }
        } else if (form != null) {
            FormData data = FormData.create();
            form.forEach((name, value) -> data.set(name, vars.resolve(value, ctx.credentials())));
            options.setForm(data);
        }
    }

    /** A copy of {@code node} with the references in its texts (values and names) resolved. */
    private static JsonNode resolve(JsonNode node, Variables vars, ProbeContext ctx) {
        if (node.isTextual()) {
            return TextNode.valueOf(vars.resolve(node.asText(), ctx.credentials()));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(e.getKey(), resolve(e.getValue(), vars, ctx));
            }
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(resolve(item, vars, ctx)));
            return out;
        }
        return node;
    }

    private static void status(APIResponse response, JsonNode expected, String method, String url) {
        if (expected == null || expected.isNull()) {
            Checks.expectStatus(response, 200, method, url);
        } else if (expected.isIntegralNumber()) {
            Checks.expectStatus(response, expected.asInt(), method, url);
        } else if (expected.isArray()) {
            List<Integer> codes = new ArrayList<>();
            expected.forEach(c -> codes.add(c.asInt()));
            if (!codes.contains(response.status())) {
                throw new AssertionError("Expected status " + codes.stream().map(String::valueOf)
                        .collect(Collectors.joining(" or ")) + " but got " + response.status() + " for " + method
                        + " " + url + ": " + Checks.bodyExcerpt(response));
            }
        } else {
            String range = expected.asText().trim().toLowerCase(Locale.ROOT);
            if (range.equals("3xx")) {
                Checks.expectRedirect(response, method, url);
            } else if (response.status() / 100 != range.charAt(0) - '0') {
                throw new AssertionError("Expected a status " + range + " but got " + response.status() + " for "
                        + method + " " + url + ": " + Checks.bodyExcerpt(response));
            }
        }
    }

    private static void header(APIResponse response, String name, JsonNode expected, String method, String url) {
        if (expected.isArray()) {
            String value = Checks.expectHeader(response, name, method, url).trim();
            List<String> accepted = new ArrayList<>();
            expected.forEach(v -> accepted.add(v.asText()));
            if (accepted.stream().noneMatch(value::equalsIgnoreCase)) {
                throw new AssertionError("Expected header " + name + ": " + String.join(" or ", accepted) + " on "
                        + method + " " + url + " but got " + name + ": " + value);
            }
        } else if (PRESENT.equals(expected.asText())) {
            Checks.expectHeader(response, name, method, url);
        } else {
            Checks.expectHeaderValue(response, name, expected.asText(), method, url);
        }
    }

    private static void cookies(APIResponse response, CheckSpec.Cookies expected, String method, String url) {
        List<String> cookies = response.headersArray().stream()
                .filter(h -> h.name.equalsIgnoreCase("set-cookie"))
                .map(h -> h.value)
                .collect(Collectors.toList());
        if (cookies.isEmpty()) {
            throw new AssertionError("Expected " + method + " " + url + " to set a session cookie but it set none");
        }
        for (String cookie : cookies) {
            List<String> attributes = List.of(cookie.split(";")).stream().map(String::trim).toList();
            attribute(attributes, cookie, "HttpOnly", expected.httpOnly(), method, url);
            attribute(attributes, cookie, "Secure", expected.secure(), method, url);
        }
    }

    private static void attribute(List<String> attributes, String cookie, String name, Boolean wanted, String method,
                                  String url) {
        if (wanted == null) {
            return;
        }
        boolean has = attributes.stream().anyMatch(a -> a.equalsIgnoreCase(name));
        if (has != wanted) {
            throw new AssertionError("Expected the cookie set by " + method + " " + url + (wanted ? " to be " : " not to be ")
                    + name + " but got: Set-Cookie: " + redactValue(cookie));
        }
    }

    /** The cookie with its value hidden: it is a live session. */
    private static String redactValue(String cookie) {
        int eq = cookie.indexOf('=');
        int semi = cookie.indexOf(';');
        if (eq < 0) {
            return cookie;
        }
        return cookie.substring(0, eq + 1) + "<redacted>" + (semi > eq ? cookie.substring(semi) : "");
    }
}
