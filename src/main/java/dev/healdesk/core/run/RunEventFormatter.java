package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.FailureGroup;

import java.util.Locale;
import java.util.stream.Collectors;

/** One line of text per event: what the CLI prints, the console's live log shows and healing-output.log keeps. */
public final class RunEventFormatter {

    private RunEventFormatter() {
    }

    /** The line for {@code event}, or null for events that are not logged line by line (streamed tokens). */
    public static String format(RunEvent event) {
        if (event instanceof RunEvent.RunStarted e) {
            return "Run " + e.runId() + " started on " + inert(e.target()) + " (projects: " + inert(String.join(", ", e.projects()))
                    + (e.options().dryRun() ? "; dry run" : "") + (e.options().skipLlm() ? "; LLM skipped" : "") + ")";
        } else if (event instanceof RunEvent.Log e) {
            return block(e.level() == RunEvent.Log.Level.INFO ? e.message() : e.level() + " " + e.message());
        } else if (event instanceof RunEvent.TestFinished e) {
            TestResult r = e.result();
            String line = String.format(Locale.ROOT, "%-7s %s (%d ms)", r.status().id().toUpperCase(Locale.ROOT),
                    inert(r.id()), r.durationMs()) + attempts(r);
            return r.errorMessage() == null ? line : line + ": " + inert(firstLine(r.errorMessage()));
        } else if (event instanceof RunEvent.FailureTriaged e) {
            FailureGroup g = e.group();
            return "TRIAGED " + g.category().id() + "/" + g.severity().id() + " class " + g.fixClass()
                    + " [" + inert(g.classification().patternId()) + "] " + g.count() + " test(s), fingerprint "
                    + g.fingerprint();
        } else if (event instanceof RunEvent.DiagnosisStarted e) {
            return "DIAGNOSE " + e.fingerprint() + " with " + inert(e.provider()) + " " + inert(e.model());
        } else if (event instanceof RunEvent.DiagnosisToken || event instanceof RunEvent.DiagnosisFailed) {
            return null;   // tokens are for the screen; a failure is already logged as a warning with its reason
        } else if (event instanceof RunEvent.Diagnosed e) {
            Diagnosis d = e.diagnosis();
            String head = "DIAGNOSED " + d.fingerprint() + (d.cached() ? " (cached, " + inert(d.model()) + ")" : "") + ": ";
            if (d.malformed()) {
                return head + "answer was not the JSON asked for; kept as text";
            }
            return head + String.format(Locale.ROOT, "%s (confidence %.2f%s)", inert(firstLine(d.rootCause())),
                    d.confidence(), d.suggestedPlaybook() == null ? "" : ", suggests " + inert(d.suggestedPlaybook()));
        } else if (event instanceof RunEvent.PlaybookProposed e) {
            return "PROPOSE " + inert(e.playbook()) + " (class " + e.fixClass() + ") for " + e.fingerprint();
        } else if (event instanceof RunEvent.PlaybookPlanned e) {
            StringBuilder b = new StringBuilder("PLAN ").append(inert(e.playbook())).append(" for ").append(e.fingerprint())
                    .append(e.reversible() ? " (reversible)" : " (not reversible)");
            for (int i = 0; i < e.steps().size(); i++) {
                b.append("\n  ").append(i + 1).append(". ").append(inert(e.steps().get(i)));
            }
            e.missing().forEach(m -> b.append("\n  MISSING ").append(inert(m)));
            return b.toString();
        } else if (event instanceof RunEvent.PlaybookDecided e) {
            return "DECIDED " + inert(e.playbook()) + ": " + e.decision().id() + " by " + inert(e.decidedBy()) + " ("
                    + inert(e.reason()) + ")";
        } else if (event instanceof RunEvent.PlaybookApplied e) {
            String line = "APPLIED " + inert(e.action().playbook()) + ": " + (e.action().applied() ? "ok" : "failed") + " "
                    + inert(e.action().message());
            return e.output().isBlank() ? line : line + "\n" + indent(e.output());
        } else if (event instanceof RunEvent.PlaybookVerified e) {
            return "VERIFIED " + inert(e.action().playbook()) + ": " + (e.action().verified() ? "yes" : "no") + " ("
                    + inert(e.action().message()) + ")";
        } else if (event instanceof RunEvent.PlaybookRolledBack e) {
            return "ROLLED BACK " + inert(e.playbook()) + ": " + (e.success() ? "ok" : "failed") + " " + inert(e.message());
        } else if (event instanceof RunEvent.TestsRerun e) {
            long passed = e.results().stream().filter(r -> r.status().isPassing()).count();
            StringBuilder b = new StringBuilder("RERUN ").append(inert(String.join(", ", e.projects()))).append(": ")
                    .append(passed).append(" passed, ").append(e.results().size() - passed).append(" not passed");
            if (!e.notRerun().isEmpty()) {
                b.append(", ").append(e.notRerun().size()).append(" not re-run (asked for, not in its results)");
            }
            e.results().stream().filter(r -> !r.status().isPassing())
                    .forEach(r -> b.append("\n  ").append(r.status().id().toUpperCase(Locale.ROOT)).append(' ')
                            .append(inert(r.id())).append(r.errorMessage() == null ? "" : ": " + inert(firstLine(r.errorMessage()))));
            e.notRerun().forEach(id -> b.append("\n  NOT RE-RUN ").append(inert(id)));
            return b.toString();
        } else if (event instanceof RunEvent.RunFinished e) {
            RunSummary s = e.summary();
            RunOutcome o = s.outcome();
            // The state, the final pass's score and counts, and the first pass beside them when they differ.
            return String.format(Locale.ROOT, "Run %s finished: %s, health score %.1f (final pass: %s)%s%s -> %s",
                    s.runId(), o.state().id(), s.healthScore(), o.finalPass().describe(),
                    o.firstPassDiffers() ? "; first pass: " + o.firstPass().describe() : "",
                    o.done().total() == 0 ? "" : "; done: " + o.done().describe(), inert(String.valueOf(e.runFolder())));
        }
        return inert(event.toString());
    }

    /** Output under its record: each line indented, so that none can pass for a record of its own. */
    private static String indent(String text) {
        return "  " + text.strip().lines().map(RunEventFormatter::inert).collect(Collectors.joining("\n  "));
    }

    /** A record whose first line is the record and whose further lines (if any) are indented under it. */
    static String block(String text) {
        if (text == null) {
            return "null";
        }
        String[] lines = text.split("\r\n|\n", -1);
        StringBuilder b = new StringBuilder(inert(lines[0]));
        for (int i = 1; i < lines.length; i++) {
            b.append("\n  ").append(inert(lines[i]));
        }
        return b.toString();
    }

    /** " [2 attempts, duration summed]" for a test that ran more than once: its duration is the sum of its attempts. */
    private static String attempts(TestResult r) {
        return r.retry() > 0 ? " [" + (r.retry() + 1) + " attempts, duration summed]" : "";
    }

    /**
     * Untrusted text (a test title, a failure message, a reason) made inert for a line-oriented record: line breaks,
     * other control characters (ANSI escapes among them), Unicode line and paragraph separators and bidirectional
     * overrides are written as escapes, so that one record stays one line and no text can forge another record or
     * rewrite the terminal.
     */
    public static String inert(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> (c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0x85
                        || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f)
                        ? String.format(Locale.ROOT, "\\u%04x", (int) c) : null;
            };
            if (escape != null) {
                if (b == null) {
                    b = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                b.append(escape);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.length() > 240 ? line.substring(0, 239) + "…" : line;
    }
}
