package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;

/**
 * Writes a failure group as Markdown: the group, its message and stack top in fences, the model's diagnosis and
 * the fingerprint's context. Issues and pull request descriptions both use it, so a reviewer reads the same
 * account wherever it lands. Failure text is written as it came (already redacted upstream), inside fences longer
 * than any backtick run in it, so it stays text however it is made.
 */
final class FailureMarkdownWriter {
    private static final int MAX_TESTS = 20;

    private FailureMarkdownWriter() {
    }

    static void write(Writer out, PlaybookContext context) throws IOException {
        FailureGroup group = context.group();
        out.write("## Failure group\n\n");
        out.write("- Category: " + group.category().id() + "\n");
        out.write("- Severity: " + group.severity().id() + "\n");
        out.write("- Fix class: " + group.fixClass() + "\n");
        out.write("- Pattern: " + group.classification().patternId()
                + (group.classification().patternName() == null ? ""
                : " (" + Texts.oneLine(group.classification().patternName(), 120) + ")") + "\n");
        out.write("- Failures: " + group.count() + " test(s)\n\n");
        out.write("Tests:\n\n");
        for (TestResult t : group.tests().subList(0, Math.min(MAX_TESTS, group.count()))) {
            out.write("- " + Texts.oneLine(t.project() + " › " + t.title(), 200) + " — "
                    + Texts.oneLine(t.location(), 200) + "\n");
        }
        if (group.count() > MAX_TESTS) {
            out.write("- … and " + (group.count() - MAX_TESTS) + " more\n");
        }
        out.write("\n## Message\n\n");
        fenced(out, group.message());
        if (group.stackTop() != null && !group.stackTop().isBlank()) {
            out.write("\n## Top of the stack\n\n");
            fenced(out, group.stackTop());
        }
        if (context.diagnosis().isPresent()) {
            diagnosis(out, context.diagnosis().get());
        }
        out.write("\n## Context\n\n");
        out.write("- Fingerprint: " + group.fingerprint() + "\n");
        out.write("- Run: " + context.runId() + "\n");
        out.write("- Target: " + context.target().name()
                + context.target().baseUrl().map(u -> " (" + u + ")").orElse("") + "\n");
        out.write("- Playbook proposed by triage: " + (group.classification().playbook() == null ? "none"
                : group.classification().playbook()) + "\n");
        out.write("- Written: " + Instant.now(context.clock()) + "\n");
    }

    private static void diagnosis(Writer out, Diagnosis d) throws IOException {
        out.write("\n## Diagnosis\n\n");
        out.write("- Model: " + d.provider() + " / " + d.model() + (d.cached() ? " (cached)" : "") + "\n");
        if (d.malformed()) {
            out.write("\nThe model's answer was not the JSON asked for; its text as given:\n\n");
            fenced(out, d.rawText());
            return;
        }
        out.write("- Root cause: " + Texts.oneLine(d.rootCause(), 500) + "\n");
        out.write("- Confidence: " + String.format(Locale.ROOT, "%.2f", d.confidence()) + "\n");
        if (d.suggestedPlaybook() != null) {
            out.write("- Suggested playbook: " + d.suggestedPlaybook() + "\n");
        }
        if (d.note() != null) {
            out.write("- Note: " + Texts.oneLine(d.note(), 500) + "\n");
        }
        if (d.explanation() != null && !d.explanation().isBlank()) {
            out.write("\nExplanation:\n\n");
            fenced(out, d.explanation());
        }
        if (!d.evidence().isEmpty()) {
            out.write("\nEvidence:\n\n");
            for (String e : d.evidence()) {
                out.write("- " + Texts.oneLine(e, 500) + "\n");
            }
        }
    }

    /** {@code text} in a fence one backtick longer than any run of backticks inside it. */
    static void fenced(Writer out, String text) throws IOException {
        String body = text == null ? "" : text;
        int longest = 0;
        int run = 0;
        for (int i = 0; i < body.length(); i++) {
            run = body.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.write(fence + "text\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n");
    }
}
