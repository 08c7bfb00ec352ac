package dev.healdesk.core.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.RequestOptions;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Building blocks of probe checks. Failures throw {@link AssertionError} with a message in the style of assertion
 * libraries ("Expected status 200 but got 500 for GET ...: body"), always with the response text that explains it.
 */
public final class Checks {

    /** How much of a response body goes into a failure message. */
    public static final int MAX_BODY = 500;
    private static final int MAX_SCHEMA_MESSAGES = 10;

    private Checks() {
    }

    // ------------------------------------------------------------------------------------------------ data-defined checks

    /**
     * A check made of data, as a target file describes it: {@code method url} (relative to the API URL) must answer
     * {@code expectStatus} (200 when null), its body contain {@code bodyContains} (when given) and carry
     * {@code expectHeaders} (name → value; a null, empty or {@code *} value only requires the header).
     */
    public static ProbeCheck http(String method, String url, Integer expectStatus, String bodyContains,
                                  Map<String, String> expectHeaders) {
        String verb = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        int status = expectStatus == null ? 200 : expectStatus;
        Map<String, String> headers = expectHeaders == null ? Map.of() : Map.copyOf(expectHeaders);
        return ctx -> {
            String target = ctx.apiUrl(url);
            APIResponse response = ctx.api().fetch(target, RequestOptions.create().setMethod(verb));
            expectStatus(response, status, verb, target);
            if (bodyContains != null && !bodyContains.isEmpty()) {
                expectBodyContains(response, bodyContains, verb, target);
            }
            for (Map.Entry<String, String> h : headers.entrySet()) {
                String expected = h.getValue();
                if (expected == null || expected.isBlank() || expected.equals("*")) {
                    expectHeader(response, h.getKey(), verb, target);
                } else {
                    expectHeaderValue(response, h.getKey(), expected, verb, target);
                }
            }
        };
    }

    /**
     * A page check made of data: {@code url} (relative to the base URL) loads with a status below 400, then
     * {@code selector} (when given) is visible and {@code text} (when given) appears in it (or in the page).
     */
    public static ProbeCheck page(String url, String selector, String text) {
        return ctx -> {
            Page page = ctx.page();
            open(page, ctx.url(url));
            Locator scope = selector == null || selector.isBlank() ? page.locator("body") : page.locator(selector);
            if (selector != null && !selector.isBlank()) {
                expectVisible(ctx, scope);
            }
            if (text != null && !text.isEmpty()) {
                assertThat(scope).containsText(text, new LocatorAssertions.ContainsTextOptions().setTimeout(ctx.timeoutMs()));
            }
        };
    }

    // ------------------------------------------------------------------------------------------------ HTTP

    public static void expectStatus(APIResponse response, int expected, String method, String url) {
        if (response.status() != expected) {
            throw new AssertionError("Expected status " + expected + " but got " + response.status() + " for "
                    + method + " " + url + ": " + bodyExcerpt(response));
        }
    }

    /** Expects a redirect (3xx) and returns its Location. */
    public static String expectRedirect(APIResponse response, String method, String url) {
        int status = response.status();
        if (status < 300 || status > 399) {
            throw new AssertionError("Expected a redirect (3xx) but got " + status + " for " + method + " " + url
                    + ": " + bodyExcerpt(response));
        }
        return response.headers().getOrDefault("location", "");
    }

    public static String expectHeader(APIResponse response, String name, String method, String url) {
        String value = response.headers().get(name.toLowerCase(Locale.ROOT));
        if (value == null || value.isBlank()) {
            throw new AssertionError("Expected header " + name + " on " + method + " " + url
                    + " but it was missing; got headers: " + String.join(", ", response.headers().keySet()));
        }
        return value;
    }

    public static void expectHeaderValue(APIResponse response, String name, String expected, String method, String url) {
        String value = expectHeader(response, name, method, url);
        if (!value.trim().equalsIgnoreCase(expected)) {
            throw new AssertionError("Expected header " + name + ": " + expected + " on " + method + " " + url
                    + " but got " + name + ": " + value);
        }
    }

    public static void expectBodyContains(APIResponse response, String text, String method, String url) {
        String body = response.text();
        if (body == null || !body.contains(text)) {
            throw new AssertionError("Expected the body of " + method + " " + url + " to contain \"" + text
                    + "\" but it was: " + bodyExcerpt(response));
        }
    }

    public static JsonNode json(ProbeContext context, APIResponse response, String method, String url) {
        String body = response.text();
        try {
            JsonNode node = context.json().readTree(body == null ? "" : body);
            if (node == null || node.isMissingNode()) {
                throw new AssertionError("Expected a JSON body from " + method + " " + url + " but it was empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("Expected a JSON body from " + method + " " + url + " but could not parse it ("
                    + e.getOriginalMessage() + "): " + bodyExcerpt(response));
        }
    }

    /** Expects a text field of a JSON object to equal {@code expected}. */
    public static void expectField(JsonNode body, String field, String expected, String method, String url) {
        JsonNode value = body.get(field);
        if (value == null || !expected.equals(value.asText())) {
            throw new AssertionError("Expected \"" + field + "\" to be \"" + expected + "\" but was "
                    + (value == null ? "missing" : value.toString()) + " in the response of " + method + " " + url
                    + ": " + truncate(body.toString(), MAX_BODY));
        }
    }

    /** Validates {@code body} against the JSON Schema resource {@code schemaName}; fails listing the validator's messages. */
    public static void expectSchema(ProbeContext context, JsonNode body, String schemaName, String method, String url) {
        JsonSchema schema = context.schema(schemaName);
        Set<ValidationMessage> problems = schema.validate(body);
        if (problems.isEmpty()) {
            return;
        }
        List<String> lines = problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
        StringBuilder msg = new StringBuilder("Response of ").append(method).append(' ').append(url)
                .append(" does not match ").append(schemaName).append(" (").append(lines.size())
                .append(lines.size() == 1 ? " problem" : " problems").append("):");
        lines.stream().limit(MAX_SCHEMA_MESSAGES).forEach(l -> msg.append("\n  ").append(l));
        if (lines.size() > MAX_SCHEMA_MESSAGES) {
            msg.append("\n  ... and ").append(lines.size() - MAX_SCHEMA_MESSAGES).append(" more");
        }
        throw new AssertionError(msg.toString());
    }

    /** The body as text for a message: HTML reduced to its text, cut at {@value #MAX_BODY} characters. */
    public static String bodyExcerpt(APIResponse response) {
        String body;
        try {
            body = response.text();
        } catch (RuntimeException e) {
            return "(body unreadable: " + PlaywrightErrors.describe(e).message() + ")";
        }
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        Map<String, String> headers = response.headers();
        String type = headers.getOrDefault("content-type", "");
        if (type.contains("html")) {
            body = htmlText(body);
        }
        return truncate(body, MAX_BODY);
    }

    // ------------------------------------------------------------------------------------------------ pages

    /** Opens {@code url} and expects the document to load with a status below 400. */
    public static Response open(Page page, String url) {
        Response response = page.navigate(url);
        if (response != null && response.status() >= 400) {
            throw new AssertionError("Expected " + url + " to load but GET " + response.url() + " answered "
                    + response.status() + ": " + pageSays(page));
        }
        return response;
    }

    public static void expectVisible(ProbeContext context, Locator locator) {
        assertThat(locator).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(context.timeoutMs()));
    }

    /** What the page shows the user: its alert texts, else its heading, else the start of its text. */
    public static String pageSays(Page page) {
        try {
            List<String> alerts = page.locator("[role=alert]").allInnerTexts();
            String text = alerts.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
            if (text.isEmpty()) {
                text = page.locator("h1").allInnerTexts().stream().map(String::strip).collect(Collectors.joining(" "));
            }
            if (text.isEmpty()) {
                text = page.locator("body").allInnerTexts().stream().collect(Collectors.joining(" "));
            }
            return text.isBlank() ? "(an empty page)" : "\"" + truncate(text.strip().replaceAll("\\s+", " "), MAX_BODY) + "\"";
        } catch (RuntimeException e) {
            return "(page text unreadable: " + PlaywrightErrors.describe(e).message() + ")";
        }
    }

    // ------------------------------------------------------------------------------------------------ text

    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "… (" + (text.length() - max) + " more characters)";
    }

    static String htmlText(String html) {
        String noHead = html.replaceAll("(?is)<(script|style|head)[^>]*>.*?</\\1>", " ");
        String text = noHead.replaceAll("(?s)<[^>]+>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").strip();
    }
}
