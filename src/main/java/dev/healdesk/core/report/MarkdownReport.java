package dev.healdesk.core.report;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.io.IOException;
import java.io.Writer;

/** summary.md: the human-readable run report, short enough to paste into a ticket. */
public final class MarkdownReport {

    /** "40 % (4 flips in 10 runs), flipping" */
    static String flips(FlipRate rate) {
        return String.format(java.util.Locale.ROOT, "%.0f %% (%d flip%s in %d run%s)%s", rate.rate() * 100,
                rate.flips(), rate.flips() == 1 ? "" : "s", rate.runs(), rate.runs() == 1 ? "" : "s",
                rate.flipping() ? ", flipping" : "");
    }

    public void write(RunSummary run, Writer out) throws IOException {
        StringBuilder md = new StringBuilder(2048);
        md.append("# Healdesk run ").append(run.runId()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Target", run.target());
        row(md, "Projects", String.join(", ", run.projects()));
        row(md, "Status", "**" + run.status().id() + "**"
                + (run.initialStatus() != run.status() ? " (was " + run.initialStatus().id() + ")" : ""));
        row(md, "Health score", String.format(java.util.Locale.ROOT, "%.1f", run.healthScore()));
        row(md, "Tests", run.testsPassed() + " passed, " + run.testsFailed() + " failed, " + run.flaky()
                + " flaky, " + run.testsRun() + " run");
        row(md, "Started", run.startedAt().toString());
        row(md, "Duration", String.format(java.util.Locale.ROOT, "%.1f s", run.durationMs() / 1000.0));
        row(md, "Mode", run.dryRun() ? "dry run (nothing changed)" : "live");
        if (run.cancelled()) {
            row(md, "Cancelled", "yes: results are those gathered before the cancel");
        }
        row(md, "LLM", run.llm().calls() == 0 && "none".equals(run.llm().provider()) ? "not used"
                : run.llm().provider() + " " + run.llm().model() + ", " + run.llm().calls() + " calls, "
                + run.llm().cacheHits() + " cache hits, " + (run.llm().promptTokens() + run.llm().completionTokens())
                + " tokens" + (run.llm().errors() > 0 ? ", " + run.llm().errors() + " failed" : ""));
        if (run.llm().note() != null) {
            row(md, "LLM note", run.llm().note());
        }
        md.append('\n');

        md.append("## Incidents\n\n");
        if (run.incidents().isEmpty()) {
            md.append("No incidents.\n\n");
        } else {
            md.append("| Incident | Title | Category | Severity | Class | Playbook | Tests |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (Incident i : run.incidents()) {
                md.append("| `").append(i.id()).append('`')
                        .append(" | ").append(cell(i.title(), 160))
                        .append(" | ").append(i.category().id())
                        .append(" | ").append(i.severity().id())
                        .append(" | ").append(i.fixClass())
                        .append(" | ").append(i.playbook() == null ? "—" : i.playbook())
                        .append(" | ").append(i.count())
                        .append(" |\n");
            }
            md.append('\n');
            for (Incident i : run.incidents()) {
                md.append("### ").append(cell(i.title(), 200)).append(" (`").append(i.id()).append("`)\n\n");
                md.append("**").append(cell(i.classEvidence(), 300)).append("**\n\n");
                md.append("Fingerprints: ").append(String.join(", ", i.fingerprints().stream()
                        .map(f -> "`" + f + "`").toList())).append("\n\n");
                md.append("Tests: ").append(String.join(", ", i.tests().stream().map(t -> "`" + t + "`").toList()))
                        .append("\n\n");
                i.evidence().forEach(e -> md.append("- ").append(cell(e, 300)).append('\n'));
                md.append('\n');
            }
        }

        md.append("## Failures\n\n");
        if (run.failures().isEmpty()) {
            md.append("No failures.\n\n");
        } else {
            md.append("| Incident | Category | Severity | Fix | Pattern | Playbook | Tests | Flip rate | Message |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (FailureGroup g : run.failures()) {
                md.append("| ").append(incidentOf(run, g))
                        .append(" | ").append(g.category().id())
                        .append(" | ").append(g.severity().id())
                        .append(" | ").append(g.fixClass())
                        .append(" | `").append(g.classification().patternId()).append('`')
                        .append(" | ").append(g.classification().playbook() == null ? "—" : g.classification().playbook())
                        .append(" | ").append(g.count())
                        .append(" | ").append(run.flipRate(g).map(MarkdownReport::flips).orElse("—"))
                        .append(" | ").append(cell(g.message(), 160))
                        .append(" |\n");
            }
            md.append('\n');
            for (FailureGroup g : run.failures()) {
                md.append("### ").append(g.category().id()).append(" `").append(g.fingerprint()).append("`\n\n");
                md.append("Tests: ");
                md.append(String.join(", ", g.tests().stream().map(t -> "`" + t.id() + "`").toList()));
                md.append("\n\n```\n").append(fence(g.message())).append("\n```\n\n");
                Diagnosis d = run.diagnoses().get(g.fingerprint());
                if (d != null) {
                    md.append("**Diagnosis** (").append(d.provider()).append(' ').append(d.model())
                            .append(d.cached() ? ", cached" : "").append("): ");
                    if (d.malformed()) {
                        md.append("the model did not answer in the form asked; its text:\n\n```\n")
                                .append(fence(d.rawText())).append("\n```\n\n");
                    } else {
                        md.append(cell(d.rootCause(), 400)).append(String.format(java.util.Locale.ROOT,
                                " (confidence %.2f)", d.confidence()));
                        if (d.suggestedPlaybook() != null) {
                            md.append("; suggests `").append(d.suggestedPlaybook()).append('`');
                        }
                        md.append("\n\n");
                        if (d.explanation() != null && !d.explanation().isBlank()) {
                            md.append(d.explanation().strip()).append("\n\n");
                        }
                        d.evidence().forEach(e -> md.append("- ").append(cell(e, 300)).append('\n'));
                        if (!d.evidence().isEmpty()) {
                            md.append('\n');
                        }
                    }
                }
            }
        }

        if (!run.flakyTests().isEmpty()) {
            md.append("## Flaky tests\n\nFailed, then passed on a retry: not counted as failures and never healed.\n\n");
            md.append("| Test | Retries | Flip rate | First failure |\n|---|---|---|---|\n");
            for (TestResult t : run.flakyTests()) {
                FlipRate rate = run.flipRates().get(t.id());
                md.append("| `").append(t.id()).append("` | ").append(t.retry())
                        .append(" | ").append(rate == null ? "—" : flips(rate))
                        .append(" | ").append(cell(t.errorMessage() == null ? "" : t.errorMessage(), 160))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Actions\n\n");
        if (run.actions().isEmpty()) {
            md.append("No playbook was proposed.\n");
        } else {
            md.append("| Incident | Playbook | Class | Decision | Applied | Success | Verified | Message |\n");
            md.append("|---|---|---|---|---|---|---|---|\n");
            for (ActionRecord a : run.actions()) {
                md.append("| ").append(run.incidentOf(a.fingerprint()).map(i -> "`" + i.id() + "`").orElse("—"))
                        .append(" | ").append(a.playbook())
                        .append(" | ").append(a.fixClass())
                        .append(" | ").append(a.decision().id())
                        .append(" | ").append(yesNo(a.applied()))
                        .append(" | ").append(yesNo(a.success()))
                        .append(" | ").append(yesNo(a.verified()))
                        .append(" | ").append(cell(a.message(), 160))
                        .append(" |\n");
            }
        }
        out.write(md.toString());
    }

    private static String incidentOf(RunSummary run, FailureGroup g) {
        return (g.tests().isEmpty() ? run.incidentOf(g.fingerprint()) : run.incidentOfTest(g.tests().get(0).id()))
                .map(i -> "`" + i.id() + "`").orElse("—");
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(cell(value, 200)).append(" |\n");
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** One table cell: a single line, pipes escaped, long text cut. */
    static String cell(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\r', ' ').replace('\n', ' ').replace("|", "\\|").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    private static String fence(String text) {
        return text == null ? "" : text.replace("```", "ʼʼʼ");
    }
}
