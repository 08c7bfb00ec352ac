package dev.healdesk.core.llm;


import dev.healdesk.core.history.FingerprintRow;
import dev.healdesk.core.history.HistoryStore;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The question for one failure group: the redacted message and top of the stack, the test names, what pattern
 * triage said, the fingerprint's history and a few past diagnoses of similar fingerprints as examples, plus the
 * JSON schema the answer must follow. Every part is redacted first and then cut to a fixed budget, so the
 * prompt stays small however large the logs (a secret is never cut in half before the redactor sees it).
 */
public final class DiagnosisPrompt {
    static final int MAX_MESSAGE = 2_400;
    static final int MAX_STACK = 1_600;
    static final int MAX_STACK_LINES = 14;
    static final int MAX_TESTS = 10;
    static final int MAX_TEST_NAME = 160;
    static final int MAX_EXAMPLES = 2;
    static final int MAX_EXAMPLE_FIELD = 300;
    /** The most a user message can be: the sum of the budgets above and the fixed text, with room to spare. */
    public static final int MAX_USER_CHARS = 9_000;

    /** What history knows about a fingerprint. */
    public record Context(Optional<FingerprintRow> history, Optional<HistoryStore.WorkingFix> lastFix,
                          List<Diagnosis> examples) {
        public static Context none() {
            return new Context(Optional.empty(), Optional.empty(), List.of());
        }
    }

    private DiagnosisPrompt() {
    }

    /** The request for {@code group}, without a model yet. */
    public static LlmRequest build(String model, FailureGroup group, Context context, UnaryOperator<String> redact,
                                   Set<String> playbooks) {
        Set<String> names = new TreeSet<>(playbooks);
        StringBuilder u = new StringBuilder(4_096);
        u.append("A group of ").append(group.count()).append(" failing test(s) shares one fingerprint (")
                .append(group.fingerprint()).append(").\n\n");
        u.append("Pattern triage: category ").append(group.category().id()).append(", severity ")
                .append(group.severity().id()).append(", fix class ").append(group.fixClass())
                .append(", pattern ").append(group.classification().patternId());
        if (group.classification().patternName() != null) {
            u.append(" (").append(redact.apply(group.classification().patternName())).append(')');
        }
        u.append(", proposed playbook ").append(group.classification().playbook() == null ? "none"
                : group.classification().playbook()).append(".\n\n");

        u.append("Tests:\n");
        List<TestResult> tests = group.tests();
        for (int i = 0; i < Math.min(MAX_TESTS, tests.size()); i++) {
            TestResult t = tests.get(i);
            u.append("- ").append(cut(redact.apply(t.project() + " › " + t.title()), MAX_TEST_NAME)).append('\n');
        }
        if (tests.size() > MAX_TESTS) {
            u.append("- … and ").append(tests.size() - MAX_TESTS).append(" more\n");
        }

        u.append("\nError message:\n```\n").append(headAndTail(redact.apply(nullToEmpty(group.message())), MAX_MESSAGE))
                .append("\n```\n");
        String stack = topOfStack(redact.apply(nullToEmpty(group.stackTop())));
        if (!stack.isEmpty()) {
            u.append("\nTop of the stack:\n```\n").append(stack).append("\n```\n");
        }

        u.append("\nHistory of this fingerprint: ");
        if (context.history().isPresent()) {
            FingerprintRow h = context.history().get();
            u.append("first seen ").append(h.firstSeen()).append(", last seen ").append(h.lastSeen()).append(", ")
                    .append(h.occurrences()).append(" occurrence(s) before this run");
        } else {
            u.append("never seen before");
        }
        u.append(context.lastFix().map(f -> "; last fixed by playbook " + f.playbook() + " on " + f.at())
                .orElse("; no fix has worked for it yet")).append(".\n");

        List<Diagnosis> examples = context.examples().subList(0, Math.min(MAX_EXAMPLES, context.examples().size()));
        if (!examples.isEmpty()) {
            u.append("\nPast diagnoses of similar failures (examples, not this failure):\n");
            for (Diagnosis d : examples) {
                u.append("- root cause: ").append(cut(redact.apply(nullToEmpty(d.rootCause())), MAX_EXAMPLE_FIELD))
                        .append("; category ").append(d.category() == null ? "?" : d.category().id())
                        .append("; fix class ").append(d.fixClass() == null ? "?" : d.fixClass())
                        .append("; playbook ").append(d.suggestedPlaybook() == null ? "none" : d.suggestedPlaybook())
                        .append('\n');
            }
        }
        u.append("\nAnswer with the JSON object only. suggestedPlaybook must be one of ")
                .append(String.join(", ", names)).append(", or null when none applies.");

        String system = "You are the diagnosis assistant of Healdesk, a self-healing test runner. You get one group "
                + "of test failures. Find the most likely root cause from the evidence given; do not invent facts. "
                + "Values shown as [REDACTED_…] were removed on purpose: never guess them. Confidence is 0 to 1. "
                + "Fix classes: A = safe automatic fix (restart, clear session, refresh tokens, scale up); B = a "
                + "reviewed change (selector, config, test data); C = manual investigation.";
        return new LlmRequest(model, system, u.toString(), schema(names));
    }

    /** Ollama's {@code format}: the answer's JSON schema, the playbook names as the only allowed suggestions. */
    static Map<String, Object> schema(Set<String> playbooks) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("rootCause", Map.of("type", "string"));
        props.put("confidence", Map.of("type", "number", "minimum", 0, "maximum", 1));
        props.put("category", Map.of("type", "string",
                "enum", Arrays.stream(Category.values()).map(Category::id).toList()));
        props.put("fixClass", Map.of("type", "string",
                "enum", Arrays.stream(FixClass.values()).map(Enum::name).toList()));
        List<Object> allowed = new ArrayList<>(playbooks);
        allowed.add(null);
        Map<String, Object> playbook = new LinkedHashMap<>();
        playbook.put("type", List.of("string", "null"));
        playbook.put("enum", allowed);
        props.put("suggestedPlaybook", playbook);
        props.put("explanation", Map.of("type", "string"));
        props.put("evidence", Map.of("type", "array", "items", Map.of("type", "string")));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", props);
        schema.put("required", List.copyOf(props.keySet()));
        return schema;
    }

    static String topOfStack(String stack) {
        if (stack.isBlank()) {
            return "";
        }
        String[] lines = stack.strip().split("\\R");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_STACK_LINES, lines.length); i++) {
            b.append(cut(lines[i].strip(), 240)).append('\n');
        }
        return headAndTail(b.toString().stripTrailing(), MAX_STACK);
    }

    /** Keeps the start and the end of long text (where the error and its cause usually are). */
    static String headAndTail(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int head = max * 2 / 3;
        int tail = max - head - 40;
        return text.substring(0, head) + "\n… [" + (text.length() - head - tail) + " characters cut] …\n"
                + text.substring(text.length() - tail);
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
