package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;

import java.util.Locale;

/** One line of text per event: what the CLI prints, the console's live log shows and healing-output.log keeps. */
public final class RunEventFormatter {

    private RunEventFormatter() {
    }

    /** The line for {@code event}, or null for events that are not logged line by line (streamed tokens). */
    public static String format(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            return "Run " + e.runId() + " started on " + e.target() + " (projects: " + String.join(", ", e.projects())
                    + (e.options().dryRun() ? "; dry run" : "") + (e.options().skipLlm() ? "; LLM skipped" : "") + ")";
        } else if (event instanceof RunEvent.Log e) {
            return e.level() == RunEvent.Log.Level.INFO ? e.message() : e.level() + " " + e.message();
        } else if (event instanceof RunEvent.TestFinished e) {
            TestResult r = e.result();
            String line = String.format(Locale.ROOT, "%-7s %s (%d ms)", r.status().id().toUpperCase(Locale.ROOT),
                    r.id(), r.durationMs());
            return r.errorMessage() == null ? line : line + ": " + firstLine(r.errorMessage());
        } else if (event instanceof RunEvent.FailureTriaged e) {
            FailureGroup g = e.group();
            return "TRIAGED " + g.category().id() + "/" + g.severity().id() + " class " + g.fixClass()
                    + " [" + g.classification().patternId() + "] " + g.count() + " test(s), fingerprint "
                    + g.fingerprint();
        } else if (event instanceof RunEvent.DiagnosisStarted e) {
            return "DIAGNOSE " + e.fingerprint() + " with " + e.provider() + " " + e.model();
        } else if (event instanceof RunEvent.DiagnosisToken || event instanceof RunEvent.DiagnosisFailed) {
            return null;   // tokens are for the screen; a failure is already logged as a warning with its reason
        } else if (event instanceof RunEvent.Diagnosed e) {
            Diagnosis d = e.diagnosis();
            String head = "DIAGNOSED " + d.fingerprint() + (d.cached() ? " (cached, " + d.model() + ")" : "") + ": ";
            if (d.malformed()) {
                return head + "answer was not the JSON asked for; kept as text";
            }
            return head + String.format(Locale.ROOT, "%s (confidence %.2f%s)", firstLine(d.rootCause()),
                    d.confidence(), d.suggestedPlaybook() == null ? "" : ", suggests " + d.suggestedPlaybook());
        } else if (event instanceof RunEvent.PlaybookProposed e) {
            return "PROPOSE " + e.playbook() + " (class " + e.fixClass() + ") for " + e.fingerprint();
        } else if (event instanceof RunEvent.PlaybookPlanned e) {
            StringBuilder b = new StringBuilder("PLAN ").append(e.playbook()).append(" for ").append(e.fingerprint())
                    .append(e.reversible() ? " (reversible)" : " (not reversible)");
            for (int i = 0; i < e.steps().size(); i++) {
                b.append("\n  ").append(i + 1).append(". ").append(e.steps().get(i));
            }
            e.missing().forEach(m -> b.append("\n  MISSING ").append(m));
            return b.toString();
        } else if (event instanceof RunEvent.PlaybookDecided e) {
            return "DECIDED " + e.playbook() + ": " + e.decision().id() + " by " + e.decidedBy() + " (" + e.reason()
                    + ")";
        } else if (event instanceof RunEvent.PlaybookApplied e) {
            String line = "APPLIED " + e.action().playbook() + ": " + (e.action().applied() ? "ok" : "failed") + " "
                    + e.action().message();
            return e.output().isBlank() ? line : line + "\n" + indent(e.output());
        } else if (event instanceof RunEvent.PlaybookVerified e) {
            return "VERIFIED " + e.action().playbook() + ": " + (e.action().verified() ? "yes" : "no") + " ("
                    + e.action().message() + ")";
        } else if (event instanceof RunEvent.PlaybookRolledBack e) {
            return "ROLLED BACK " + e.playbook() + ": " + (e.success() ? "ok" : "failed") + " " + e.message();
        } else if (event instanceof RunEvent.TestsRerun e) {
            long passed = e.results().stream().filter(r -> r.status().isPassing()).count();
            StringBuilder b = new StringBuilder("RERUN ").append(String.join(", ", e.projects())).append(": ")
                    .append(passed).append(" passed, ").append(e.results().size() - passed).append(" not passed");
            if (!e.notRerun().isEmpty()) {
                b.append(", ").append(e.notRerun().size()).append(" not re-run (asked for, not in its results)");
            }
            e.results().stream().filter(r -> !r.status().isPassing())
                    .forEach(r -> b.append("\n  ").append(r.status().id().toUpperCase(Locale.ROOT)).append(' ')
                            .append(r.id()).append(r.errorMessage() == null ? "" : ": " + firstLine(r.errorMessage())));
            e.notRerun().forEach(id -> b.append("\n  NOT RE-RUN ").append(id));
            return b.toString();
        } else if (event instanceof RunEvent.RunFinished e) {
            RunSummary s = e.summary();
            // The score and the counts are the first pass's; after a fix the status is the re-run's.
            String healed = s.status() == s.initialStatus() ? ""
                    : " after healing (first pass " + s.initialStatus().id() + ")";
            return String.format(Locale.ROOT, "Run %s finished: %s%s, health score %.1f (%d passed, %d failed, %d"
                            + " flaky of %d)%s -> %s", s.runId(), s.status().id(), healed, s.healthScore(),
                    s.testsPassed(), s.testsFailed(), s.flaky(), s.testsRun(), s.cancelled() ? ", cancelled" : "",
                    e.runFolder());
        }
        return event.toString();
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 240 ? line.substring(0, 239) + "…" : line;
    }
}
