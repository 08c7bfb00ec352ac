package dev.healdesk.core.suite;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
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

    /** A JSON pointer for {@code path}: one already ({@code /a/0/b}), or dotted ({@code a.0.b}, {@code status}). */
    public static JsonPointer pointer(String path) {
        if (path.startsWith("/")) {
            return JsonPointer.compile(path);
        }
        StringBuilder out = new StringBuilder();
        for (String part : path.split("\\.")) {
            out.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(out.toString());
    }

    /** Expects the text at {@code field} (a name, a dotted path or a JSON pointer) to equal {@code expected}. */
    public static void expectField(JsonNode body, String field, String expected, String method, String url) {
        JsonNode found = body.at(pointer(field));
        JsonNode value = found.isMissingNode() ? null : found;
        if (value == null || !expected.equals(value.asText())) {
            throw new AssertionError("Expected \"" + field + "\" to be \"" + expected + "\" but was "
                    + (value == null ? "missing" : value.toString()) + " in the response of " + method + " " + url
                    + ": " + truncate(body.toString(), MAX_BODY));
        }
    }

    /** Expects {@code field} (as {@link #expectField}) to be there and not empty. */
    public static void expectFieldPresent(JsonNode body, String field, String method, String url) {
        JsonNode value = body.at(pointer(field));
        if (value.isMissingNode() || value.isNull() || value.isValueNode() && value.asText().isBlank()) {
            throw new AssertionError("Expected \"" + field + "\" to be present and not empty but was "
                    + (value.isMissingNode() ? "missing" : value.toString()) + " in the response of " + method + " "
                    + url + ": " + truncate(body.toString(), MAX_BODY));
        }
    }

    /** Validates {@code body} against {@code schema} (named {@code schemaName}); fails listing the validator's messages. */
    public static void expectSchema(JsonSchema schema, String schemaName, JsonNode body, String method, String url) {
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
