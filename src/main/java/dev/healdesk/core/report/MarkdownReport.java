package dev.healdesk.core.report;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.Incident;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** summary.md: the human-readable run report, short enough to paste into a ticket. */
public final class MarkdownReport {

    /**
     * "40 % (4 flips in 10 runs), flipping": the text of {@code String.format(Locale.ROOT, "%.0f %% (%d flip%s in %d
     * run%s)%s", ...)}, written without java.util.Formatter, whose set-up (its parser, the locale's digits) the HTML
     * report otherwise met only here (docs/benchmarks, CLI start, tenth pass).
     */
    static String flips(FlipRate rate) {
        return Figures.decimals(rate.rate() * 100, 0) + " % (" + rate.flips() + " flip" + (rate.flips() == 1 ? "" : "s")
                + " in " + rate.runs() + " run" + (rate.runs() == 1 ? "" : "s") + ")"
                + (rate.flipping() ? ", flipping" : "");
    }

    public void write(RunSummary run, Writer out) throws IOException {
        StringBuilder md = new StringBuilder(2048);
        md.append("# Healdesk run ").append(run.runId()).append("\n\n");
        md.append("| | |\n|---|---|\n");
        codeRow(md, "Target", run.target());
        codeRow(md, "Projects", String.join(", ", run.projects()));
        if (run.provenance() != null) {
            codeRow(md, "Recorded by", run.provenance().describe());
        }
        RunOutcome outcome = run.outcome();
        row(md, "Status", "**" + outcome.state().id() + "**" + switch (outcome.state()) {
            case HEALED -> " (healthy after fixes; first pass " + run.initialStatus().id() + ")";
            case CANCELLED, INTERRUPTED -> " (" + run.status().id() + " by the results kept)";
            default -> "";
        });
        row(md, "Health score", String.format(java.util.Locale.ROOT, "%.1f (final pass)", run.healthScore()));
        if (outcome.firstPassDiffers()) {
            row(md, "First pass", outcome.firstPass().describe());
            row(md, "Final pass", outcome.finalPass().describe());
        } else {
            row(md, "Tests", outcome.finalPass().describe());
        }
        row(md, "Done", outcome.done().describe());
        if (run.suiteError() != null) {
            codeRow(md, "Suite error", run.suiteError());
        }
        if (run.interrupted()) {
            row(md, "Interrupted", outcome.note());
        }
        row(md, "Started", run.startedAt().toString());
        row(md, "Duration", String.format(java.util.Locale.ROOT, "%.1f s", run.durationMs() / 1000.0));
        row(md, "Mode", run.dryRun() ? "dry run (nothing changed)" : "live");
        if (run.cancelled()) {
            row(md, "Cancelled", "yes: results are those gathered before the cancel");
        }
        if (!run.faults().isEmpty()) {
            codeRow(md, "Faults on", String.join(", ", run.faults()));
        }
        row(md, "LLM", run.llm().calls() == 0 && "none".equals(run.llm().provider()) ? "not used"
                : run.llm().provider() + " " + run.llm().model() + ", " + run.llm().calls() + " calls, "
                + run.llm().cacheHits() + " cache hits, " + (run.llm().promptTokens() + run.llm().completionTokens())
                + " tokens" + (run.llm().errors() > 0 ? ", " + run.llm().errors() + " failed" : ""));
        if (run.llm().note() != null) {
            codeRow(md, "LLM note", run.llm().note());
        }
        md.append('\n');

        md.append("## Incidents (first pass)\n\n");
        if (run.incidents().isEmpty()) {
            md.append("No incidents.\n\n");
        } else {
            md.append("| Incident | Title | Category | Severity | Class | Playbook | Tests |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (Incident i : run.incidents()) {
                md.append("| `").append(i.id()).append('`')
                        .append(" | ").append(code(i.title(), 160))
                        .append(" | ").append(i.category().id())
                        .append(" | ").append(i.severity().id())
                        .append(" | ").append(i.fixClass())
                        .append(" | ").append(playbook(PlaybookOnRecord.of(run, i)))
                        .append(" | ").append(i.count())
                        .append(" |\n");
            }
            md.append('\n');
            for (Incident i : run.incidents()) {
                md.append("### ").append(code(i.title(), 200)).append(" (`").append(i.id()).append("`)\n\n");
                md.append(code(i.classEvidence(), 300)).append("\n\n");
                md.append("Fingerprints: ").append(String.join(", ", i.fingerprints().stream()
                        .map(f -> code(f, 80)).toList())).append("\n\n");
                md.append("Tests: ").append(String.join(", ", i.tests().stream().map(t -> code(t, 160)).toList()))
                        .append("\n\n");
                i.evidence().forEach(e -> md.append("- ").append(code(e, 300)).append('\n'));
                md.append('\n');
            }
        }

        md.append("## Failures (first pass)\n\n");
        long failing = run.results().stream().filter(t -> t.status().isFailure()).count();
        if (run.failures().isEmpty() && failing > 0) {
            md.append(failing).append(" failing test(s), not triaged: the run stopped before triage.\n\n");
        } else if (run.failures().isEmpty()) {
            md.append("No failures.\n\n");
        } else {
            md.append("| Incident | Category | Severity | Fix | Pattern | Playbook | Tests | Flip rate | Message |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (FailureGroup g : run.failures()) {
                md.append("| ").append(incidentOf(run, g))
                        .append(" | ").append(g.category().id())
                        .append(" | ").append(g.severity().id())
                        .append(" | ").append(g.fixClass())
                        .append(" | ").append(code(g.classification().patternId(), 80))
                        .append(" | ").append(playbook(PlaybookOnRecord.of(run, g)))
                        .append(" | ").append(g.count())
                        .append(" | ").append(run.flipRate(g).map(MarkdownReport::flips).orElse("—"))
                        .append(" | ").append(code(g.message(), 160))
                        .append(" |\n");
            }
            md.append('\n');
            for (FailureGroup g : run.failures()) {
                md.append("### ").append(g.category().id()).append(" `").append(g.fingerprint()).append("`\n\n");
                md.append("Tests: ");
                md.append(String.join(", ", g.tests().stream().map(t -> code(t.id(), 300)).toList()));
                md.append("\n\n```\n").append(fence(g.message())).append("\n```\n\n");
                Diagnosis d = run.diagnoses().get(g.fingerprint());
                if (d != null) {
                    md.append("**Diagnosis** (").append(cell(d.provider() + " " + d.model(), 120))
                            .append(d.cached() ? ", cached" : "").append("): ");
                    if (d.malformed()) {
                        md.append("the model did not answer in the form asked; its text:\n\n```\n")
                                .append(fence(d.rawText())).append("\n```\n\n");
                    } else {
                        md.append(code(d.rootCause(), 400)).append(String.format(java.util.Locale.ROOT,
                                " (confidence %.2f)", d.confidence()));
                        if (d.suggestedPlaybook() != null) {
                            md.append("; suggests ").append(code(d.suggestedPlaybook(), 80));
                        }
                        md.append("\n\n");
                        if (d.explanation() != null && !d.explanation().isBlank()) {
                            md.append("```\n").append(fence(d.explanation().strip())).append("\n```\n\n");
                        }
                        d.evidence().forEach(e -> md.append("- ").append(code(e, 300)).append('\n'));
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
                md.append("| ").append(code(t.id(), 300)).append(" | ").append(t.retry())
                        .append(" | ").append(rate == null ? "—" : flips(rate))
                        .append(" | ").append(code(t.errorMessage(), 160))
                        .append(" |\n");
            }
            md.append('\n');
        }
        List<TestResult> skipped = run.results().stream()
                .filter(t -> t.status() == dev.healdesk.core.suite.TestStatus.SKIPPED).toList();
        if (!skipped.isEmpty()) {
            md.append("## Skipped tests\n\nNot run: not counted in the health score.\n\n");
            md.append("| Test | Reason |\n|---|---|\n");
            for (TestResult t : skipped) {
                md.append("| `").append(cell(t.id(), 200)).append("` | ")
                        .append(cell(t.errorMessage() == null ? "—" : t.errorMessage(), 160)).append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Actions\n\n");
        if (run.actions().isEmpty()) {
            md.append("No playbook was proposed.\n");
        } else {
            md.append("| Incident | Playbook | Class | Decision | Outcome | Applied | Success | Verified | Message |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (ActionRecord a : run.actions()) {
                md.append("| ").append(run.incidentOf(a.fingerprint()).map(i -> "`" + i.id() + "`").orElse("—"))
                        .append(" | ").append(code(a.playbook(), 80))
                        .append(" | ").append(a.fixClass())
                        .append(" | ").append(a.decision().id())
                        .append(" | ").append(a.kind().id())
                        .append(" | ").append(yesNo(a.applied()))
                        .append(" | ").append(yesNo(a.success()))
                        .append(" | ").append(yesNo(a.verified()))
                        .append(" | ").append(code(a.message(), 160))
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

    /** A row whose value is untrusted text, shown as code. */
    /**
     * The playbook a group or incident got: the one on record with its decision, and triage's suggestion beside it
     * when the operator's choice replaced it; triage's suggestion "(not proposed)" when none was decided on.
     */
    private static String playbook(PlaybookOnRecord p) {
        if (p.playbook() == null) {
            return "—";
        }
        if (!p.decided()) {
            return code(p.playbook(), 80) + " (not proposed)";
        }
        return code(p.playbook(), 80) + " (" + p.decision() + ")"
                + (p.suggestionDiffers() ? "; triage suggested " + code(p.suggested(), 80) : "");
    }

    private static void codeRow(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(code(value, 200)).append(" |\n");
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** One table cell: a single line, pipes escaped, long text cut. */
    static String cell(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("[\\x00-\\x1f\\x7f\\u0085\\u2028\\u2029]", " ").replace("|", "\\|").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    /**
     * Untrusted text (a message, a title, a model's answer) as an inline code span on one line, cut to {@code max}:
     * nothing in a code span is read as HTML, a link, an image or emphasis, so {@code <img onerror=…>},
     * {@code ![](http://…)} and {@code [x](javascript:…)} stay text. The span's fence is longer than any run of
     * backquotes inside, so none can close it; a pipe is escaped so it cannot end the table cell.
     */
    static String code(String text, int max) {
        String oneLine = cell(text, max);
        if (oneLine.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < oneLine.length(); i++) {
            run = oneLine.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = oneLine.startsWith("`") || oneLine.endsWith("`");
        return fence + (pad ? " " : "") + oneLine + (pad ? " " : "") + fence;
    }

    /** Text for a fenced block: no line of it can close the fence, and no control character reaches the reader. */
    private static String fence(String text) {
        return text == null ? "" : text.replace("```", "ʼʼʼ").replace("~~~", "∼∼∼")
                .replaceAll("[\\x00-\\x08\\x0b-\\x1f\\x7f]", "\uFFFD");
    }
}
