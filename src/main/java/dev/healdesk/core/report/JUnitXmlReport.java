package dev.healdesk.core.report;

import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.FailureGroup;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;

/**
 * The run as JUnit XML for CI systems: one {@code <testsuite>} per project, one {@code <testcase>} per test with
 * {@code classname} = project and {@code name} = title. A failure carries its message, its failure category as
 * {@code type} and its stack as text; a flaky test passed, with Surefire's {@code <flakyFailure>} holding its first
 * failure. Text is redacted and escaped, and characters XML cannot hold (control characters) become U+FFFD.
 */
public final class JUnitXmlReport {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public void write(RunSummary original, Writer out) throws IOException {
        out.write(render(original));
    }

    public String render(RunSummary original) {
        RunSummary run = RedactedRun.of(original);
        Map<String, String> categoryOf = new HashMap<>();
        for (FailureGroup g : run.failures()) {
            g.tests().forEach(t -> categoryOf.put(t.id(), g.category().id()));
        }
        Map<String, List<TestResult>> byProject = new LinkedHashMap<>();
        run.results().forEach(t -> byProject.computeIfAbsent(t.project(), k -> new ArrayList<>()).add(t));
        StringBuilder x = new StringBuilder(4096 + run.results().size() * 160);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"");
        HtmlReport.esc(x, "healdesk " + run.target()).append('"');
        counts(x, run.results());
        x.append(" timestamp=\"").append(TIMESTAMP.format(run.startedAt())).append("\">\n");
        for (Map.Entry<String, List<TestResult>> e : byProject.entrySet()) {
            x.append("  <testsuite name=\"");
            HtmlReport.esc(x, e.getKey()).append('"');
            counts(x, e.getValue());
            x.append(" timestamp=\"").append(TIMESTAMP.format(run.startedAt())).append("\">\n");
            x.append("    <properties><property name=\"healdesk.runId\" value=\"");
            HtmlReport.esc(x, run.runId()).append("\"/><property name=\"healdesk.target\" value=\"");
            HtmlReport.esc(x, run.target()).append("\"/><property name=\"healdesk.status\" value=\"")
                    .append(run.status().id()).append("\"/>");
            for (dev.healdesk.core.triage.Incident i : run.incidents()) {
                x.append("<property name=\"healdesk.incident.");
                HtmlReport.esc(x, i.id()).append("\" value=\"");
                HtmlReport.esc(x, i.title() + " [" + i.category().id() + ", class " + i.fixClass() + "; tests: "
                        + String.join(" ", i.tests()) + "]").append("\"/>");
            }
            x.append("</properties>\n");
            for (TestResult t : e.getValue()) {
                testCase(x, t, categoryOf.getOrDefault(t.id(), t.status().id()));
            }
            x.append("  </testsuite>\n");
        }
        return x.append("</testsuites>\n").toString();
    }

    private static void counts(StringBuilder x, List<TestResult> tests) {
        int failures = 0;
        int skipped = 0;
        long ms = 0;
        for (TestResult t : tests) {
            failures += t.status().isFailure() ? 1 : 0;
            skipped += t.status() == TestStatus.SKIPPED ? 1 : 0;
            ms += t.durationMs();
        }
        x.append(" tests=\"").append(tests.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"0\" skipped=\"").append(skipped).append("\" time=\"").append(seconds(ms)).append('"');
    }

    private static void testCase(StringBuilder x, TestResult t, String type) {
        x.append("    <testcase classname=\"");
        HtmlReport.esc(x, t.project()).append("\" name=\"");
        HtmlReport.esc(x, t.title()).append("\" time=\"").append(seconds(t.durationMs())).append('"');
        switch (t.status()) {
            case PASSED -> x.append("/>\n");
            case SKIPPED -> x.append(">\n      <skipped/>\n    </testcase>\n");
            case FAILED, TIMED_OUT -> {
                x.append(">\n      <failure message=\"");
                HtmlReport.esc(x, message(t)).append("\" type=\"");
                HtmlReport.esc(x, type).append("\">");
                HtmlReport.esc(x, t.errorStack() != null ? t.errorStack() : t.errorMessage()).append("</failure>\n    </testcase>\n");
            }
            case FLAKY -> {
                x.append(">\n      <flakyFailure message=\"");
                HtmlReport.esc(x, message(t)).append("\" type=\"flaky\"><stackTrace>");
                HtmlReport.esc(x, t.errorStack() != null ? t.errorStack() : t.errorMessage())
                        .append("</stackTrace></flakyFailure>\n      <system-out>Failed, then passed on retry ")
                        .append(t.retry()).append(": counted as passed, never healed.</system-out>\n    </testcase>\n");
            }
        }
    }

    private static String message(TestResult t) {
        if (t.errorMessage() != null && !t.errorMessage().isBlank()) {
            return t.errorMessage();
        }
        return t.status() == TestStatus.TIMED_OUT ? "timed out" : t.status().id();
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
