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
 * The run as JUnit XML for CI systems: one {@code <testsuite>} per project, one {@code <testcase>} per test of the
 * first pass. A test read from a JUnit XML report keeps that report's {@code classname} and {@code name}; any other
 * (a probe, a Playwright test) has {@code classname} = project and {@code name} = title. A failed assertion is a
 * {@code <failure>}, an error (an exception outside an assertion) an {@code <error>}, each with its message, its
 * failure category as {@code type} and its stack as text, and a {@code <rerunFailure>} per retry that failed too; a
 * skipped test has {@code <skipped/>}; a flaky test passed, with a {@code <flakyFailure>} per attempt that failed, as
 * Surefire writes them. The suites count {@code failures} and {@code errors} apart. Healdesk's own JUnit XML reader
 * reads it back to the same tests, statuses and counts. Output ({@code <system-out>}) is not written: Healdesk does
 * not keep it. Text is redacted and escaped, and characters XML cannot hold (control characters) become U+FFFD.
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
                    .append(run.status().id()).append("\"/><property name=\"healdesk.outcome\" value=\"")
                    .append(run.outcome().state().id()).append("\"/><property name=\"healdesk.pass\" value=\"first\"/>");
            if (run.provenance() != null) {
                property(x, "healdesk.machine", run.provenance().machine());
                property(x, "healdesk.operator", run.provenance().operator());
                property(x, "healdesk.origin", run.provenance().origin() == null ? null
                        : run.provenance().origin().id());
            }
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
        int errors = 0;
        int skipped = 0;
        long ms = 0;
        for (TestResult t : tests) {
            errors += t.status().isFailure() && t.errored() ? 1 : 0;
            failures += t.status().isFailure() && !t.errored() ? 1 : 0;
            skipped += t.status() == TestStatus.SKIPPED ? 1 : 0;
            ms += t.durationMs();
        }
        x.append(" tests=\"").append(tests.size()).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" skipped=\"").append(skipped).append("\" time=\"")
                .append(seconds(ms)).append('"');
    }

    /**
     * A test's class and name: those of the report it came from when it came from one (its id is
     * {@code classname#name}), else its project and title.
     */
    static String[] classAndName(TestResult t) {
        String suffix = "#" + t.title();
        if (t.id().endsWith(suffix) && t.id().length() > suffix.length()) {
            return new String[] {t.id().substring(0, t.id().length() - suffix.length()), t.title()};
        }
        return new String[] {t.project(), t.title()};
    }

    private static void testCase(StringBuilder x, TestResult t, String type) {
        String[] classAndName = classAndName(t);
        x.append("    <testcase classname=\"");
        HtmlReport.esc(x, classAndName[0]).append("\" name=\"");
        HtmlReport.esc(x, classAndName[1]).append("\" time=\"").append(seconds(t.durationMs())).append('"');
        String text = t.errorStack() != null ? t.errorStack() : t.errorMessage();
        switch (t.status()) {
            case PASSED -> x.append("/>\n");
            case SKIPPED -> x.append(">\n      <skipped/>\n    </testcase>\n");
            case FAILED, TIMED_OUT -> {
                String element = t.errored() ? "error" : "failure";
                x.append(">\n      <").append(element).append(" message=\"");
                HtmlReport.esc(x, message(t)).append("\" type=\"");
                HtmlReport.esc(x, type).append("\">");
                HtmlReport.esc(x, text).append("</").append(element).append(">\n");
                // Surefire's -Dsurefire.rerunFailingTestsCount: one <rerunFailure> per retry that failed too.
                String rerun = t.errored() ? "rerunError" : "rerunFailure";
                for (int i = 0; i < t.retry(); i++) {
                    attempt(x, rerun, t, type, text);
                }
                x.append("    </testcase>\n");
            }
            case FLAKY -> {
                // Passed in the end: one <flakyFailure> per attempt that failed before, as Surefire writes them.
                x.append(">\n");
                for (int i = 0; i < Math.max(1, t.retry()); i++) {
                    attempt(x, "flakyFailure", t, "flaky", text);
                }
                x.append("    </testcase>\n");
            }
        }
    }

    /** A Surefire retry element: its message and type, the stack in {@code <stackTrace>}. */
    private static void attempt(StringBuilder x, String element, TestResult t, String type, String text) {
        x.append("      <").append(element).append(" message=\"");
        HtmlReport.esc(x, message(t)).append("\" type=\"");
        HtmlReport.esc(x, type).append("\"><stackTrace>");
        HtmlReport.esc(x, text).append("</stackTrace></").append(element).append(">\n");
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

    /** One {@code <property>} of a suite's header; none when {@code value} is not known. */
    private static void property(StringBuilder x, String name, String value) {
        if (value != null) {
            x.append("<property name=\"").append(name).append("\" value=\"");
            HtmlReport.esc(x, value).append("\"/>");
        }
    }
}
