package dev.healdesk.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a model's answer into a {@link Diagnosis}. Models wrap JSON in code fences, add prose, invent playbooks
 * and stray outside 0–1: what can be kept is kept with a note; an answer that is not the JSON asked for at all
 * is kept as text and marked malformed, never an exception.
 */
public final class DiagnosisParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> playbooks;

    public DiagnosisParser(Set<String> playbooks) {
        this.playbooks = Set.copyOf(playbooks);
    }

    public Diagnosis parse(String fingerprint, LlmAnswer answer, Instant at) {
        String text = answer.text() == null ? "" : answer.text();
        JsonNode node = readObject(text);
        String root = node == null ? null : textOf(node, "rootCause");
        if (node == null || root == null || root.isBlank()) {
            return new Diagnosis(fingerprint, answer.provider(), answer.model(), null, 0, null, null, null, null,
                    List.of(), true, text, node == null ? "The answer was not a JSON object"
                    : "The answer had no rootCause", at, answer.promptTokens(), answer.completionTokens(),
                    answer.latencyMs(), false);
        }
        List<String> notes = new ArrayList<>();
        double confidence = node.path("confidence").asDouble(Double.NaN);
        if (Double.isNaN(confidence)) {
            notes.add("no confidence given");
            confidence = 0;
        } else if (confidence < 0 || confidence > 1) {
            // Some models answer in percent.
            double fixed = confidence > 1 && confidence <= 100 ? confidence / 100 : Math.max(0, Math.min(1, confidence));
            notes.add("confidence " + confidence + " read as " + fixed);
            confidence = fixed;
        }
        Category category = null;
        String c = textOf(node, "category");
        if (c != null) {
            try {
                category = Category.fromId(c);
            } catch (IllegalArgumentException e) {
                notes.add("unknown category '" + c + "' dropped");
            }
        }
        FixClass fixClass = null;
        String f = textOf(node, "fixClass");
        if (f != null) {
            try {
                fixClass = FixClass.valueOf(f.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                notes.add("unknown fix class '" + f + "' dropped");
            }
        }
        String playbook = textOf(node, "suggestedPlaybook");
        if (playbook != null && (playbook.isBlank() || playbook.equalsIgnoreCase("null")
                || playbook.equalsIgnoreCase("none"))) {
            playbook = null;
        }
        if (playbook != null && !playbooks.contains(playbook)) {
            notes.add("the model suggested '" + playbook + "', which is not a Healdesk playbook");
            playbook = null;
        }
        List<String> evidence = new ArrayList<>();
        JsonNode ev = node.path("evidence");
        if (ev.isArray()) {
            ev.forEach(e -> evidence.add(e.isTextual() ? e.asText() : e.toString()));
        } else if (ev.isTextual()) {
            evidence.add(ev.asText());
        }
        return new Diagnosis(fingerprint, answer.provider(), answer.model(), root.strip(), confidence, category,
                fixClass, playbook, textOf(node, "explanation"), evidence, false, text,
                notes.isEmpty() ? null : String.join("; ", notes), at, answer.promptTokens(),
                answer.completionTokens(), answer.latencyMs(), false);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
    }

    /** The JSON object in {@code text}: all of it, or the span from the first '{' to the last '}'. */
    private static JsonNode readObject(String text) {
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text.substring(start, end + 1));
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
