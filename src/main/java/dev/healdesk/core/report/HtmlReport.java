package dev.healdesk.core.report;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.RunOutcome;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.HealthStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as one self-contained HTML file: inline CSS (printable), charts as inline SVG, screenshots embedded as
 * data URIs, no reference to anything outside the file. All text is redacted ({@link RedactedRun}) and escaped: a
 * failure message is data, never markup. The output is well-formed XHTML so that {@link PdfReport} can lay out the
 * same document; in that mode ({@link #forPdf()}) the charts are CSS bars, since the PDF renderer draws no SVG
 * without Batik, and the list of every test is left to the HTML and JUnit reports.
 */
public final class HtmlReport {

    /** A screenshot larger than this is not embedded (the report says so): the report stays small enough to mail. */
    public static final long MAX_IMAGE_BYTES = 2_000_000;
    /** Screenshots embedded per failure group; the rest are counted. */
    static final int MAX_IMAGES_PER_GROUP = 4;
    /** Tests named per failure group; the rest are counted. */
    static final int MAX_TESTS_PER_GROUP = 50;

    /** One past run of the same target, for the health trend (oldest first). */
    public record TrendPoint(String runId, Instant startedAt, double healthScore, HealthStatus status) {
    }

    // Times as DateTimeFormatter's "yyyy-MM-dd HH:mm:ss 'UTC'" and "MM-dd" in UTC would write them, by Figures: without
    // java.time.format's set-up, which a short `report` paid for two dates

    private static final Map<TestStatus, String> STATUS_COLOURS = new EnumMap<>(Map.of(
            TestStatus.PASSED, "#2e7d32", TestStatus.FAILED, "#c62828", TestStatus.TIMED_OUT, "#ef6c00",
            TestStatus.FLAKY, "#f9a825", TestStatus.SKIPPED, "#9e9e9e"));

    private final boolean pdf;

    public HtmlReport() {
        this(false);
    }

    private HtmlReport(boolean pdf) {
        this.pdf = pdf;
    }

    /** The variant {@link PdfReport} lays out: CSS bars instead of SVG, no list of every test. */
    static HtmlReport forPdf() {
        return new HtmlReport(true);
    }

    /**
     * @param trend     the target's recent runs, oldest first (this one included); empty when no history is at hand
     * @param runFolder where relative attachment paths are resolved; may be null
     */
    public String render(RunSummary original, List<TrendPoint> trend, Path runFolder) {
        RunSummary run = RedactedRun.of(original);
        StringBuilder h = new StringBuilder(64 * 1024 + run.results().size() * 200);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>Healdesk report: ");
        esc(h, run.target()).append(" \u2013 ");
        esc(h, run.runId()).append("</title><style>").append(CSS).append("</style></head><body>\n");
        header(h, run);
        charts(h, run, trend);
        incidents(h, run);
        failures(h, run, runFolder);
        flaky(h, run);
        actions(h, run);
        projects(h, run);
        if (!pdf) {
            allTests(h, run);
        }
        h.append("<footer>Written by Healdesk on ").append(Figures.utc(Instant.now())).append(" UTC")
                .append(". Secrets in test output are redacted.</footer>\n</body></html>\n");
        return h.toString();
    }

    /** Renders into {@code file} (UTF-8), creating its folder. */
    public void write(RunSummary run, List<TrendPoint> trend, Path runFolder, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(run, trend, runFolder), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- sections

    /** The CSS class of a state: its own colour for the states a health status does not say. */
    static String cssOf(RunOutcome.State state) {
        return state.id();
    }

    private void header(StringBuilder h, RunSummary run) {
        RunOutcome outcome = run.outcome();
        String status = cssOf(outcome.state());
        h.append("<header><table class=\"head\"><tr><td class=\"title\"><div class=\"kicker\">Healdesk test run report</div><h1>");
        esc(h, run.target()).append("</h1><div class=\"sub\">Run <code>");
        esc(h, run.runId()).append("</code> \u00b7 ").append(Figures.utc(run.startedAt())).append(" UTC").append(" \u00b7 ")
                .append(seconds(run.durationMs())).append(" \u00b7 ").append(run.dryRun() ? "dry run (nothing changed)" : "live");
        if (!run.projects().isEmpty()) {
            h.append(" \u00b7 projects: ");
            esc(h, String.join(", ", run.projects()));
        }
        if (run.provenance() != null) {
            h.append(" \u00b7 recorded by ");
            esc(h, run.provenance().describe());
        }
        h.append("</div></td><td class=\"score\"><span class=\"badge ").append(status).append("\">")
                .append(outcome.state().headline()).append("</span>");
        if (outcome.firstPassDiffers() || outcome.state() == RunOutcome.State.HEALED) {
            h.append("<div class=\"was\">first pass: ");
            esc(h, outcome.firstPass().describe()).append("</div>");
        }
        h.append("<div class=\"big ").append(run.status().id()).append("\">").append(fmt1(run.healthScore()))
                .append("</div><div class=\"label\">health score (final pass)</div></td></tr></table></header>\n");
        // Each row of counts says which pass it counts: the final pass (each test's latest result), and the first
        // pass beside it whenever the two differ, so that a healed run never reads as if nothing had failed.
        passRow(h, outcome.firstPassDiffers() ? "Final pass" : "Tests", outcome.finalPass());
        if (outcome.firstPassDiffers()) {
            passRow(h, "First pass", outcome.firstPass());
        }
        h.append("<table class=\"counts\"><tr>");
        count(h, "incidents (first pass)", run.incidents().size(), "");
        count(h, "failure groups (first pass)", run.failures().size(), "");
        count(h, "playbook actions", run.actions().size(), "");
        h.append("</tr></table>\n");
        List<String> notes = new ArrayList<>();
        notes.add("Done: " + outcome.done().describe() + ".");
        if (run.cancelled()) {
            notes.add("Cancelled by the operator: the results are those gathered before the cancel. Cancelled runs are"
                    + " left out of the health trend.");
        }
        if (run.interrupted()) {
            notes.add("Interrupted: " + outcome.note() + ".");
        }
        if (run.suiteError() != null) {
            notes.add("Suite error: " + run.suiteError());
        }
        String llm = run.llm().calls() == 0 && "none".equals(run.llm().provider()) ? "LLM: not used"
                : "LLM: " + run.llm().provider() + " " + (run.llm().model() == null ? "" : run.llm().model()) + ", "
                + run.llm().calls() + " calls, " + run.llm().cacheHits() + " cache hits, "
                + (run.llm().promptTokens() + run.llm().completionTokens()) + " tokens";
        notes.add(llm + (run.llm().note() == null ? "" : " (" + run.llm().note() + ")"));
        h.append("<p class=\"notes\">");
        for (int i = 0; i < notes.size(); i++) {
            esc(h, notes.get(i)).append(i + 1 < notes.size() ? "<br/>" : "");
        }
        h.append("</p>\n");
    }

    private static void passRow(StringBuilder h, String caption, RunOutcome.Pass pass) {
        h.append("<table class=\"counts\"><tr><td class=\"pass\">").append(caption).append("</td>");
        count(h, "tests", pass.total(), "");
        count(h, "passed", pass.passed(), "passed");
        count(h, "failed", pass.failed(), "failed");
        count(h, "flaky", pass.flaky(), "flaky");
        count(h, "skipped", pass.skipped(), "skipped");
        h.append("</tr></table>\n");
    }

    private static void count(StringBuilder h, String label, int n, String cls) {
        h.append("<td><div class=\"n ").append(n == 0 ? "" : cls).append("\">").append(Figures.grouped(n))
                .append("</div><div class=\"label\">").append(label).append("</div></td>");
    }

    private void charts(StringBuilder h, RunSummary run, List<TrendPoint> trend) {
        Map<TestStatus, Integer> byStatus = new EnumMap<>(TestStatus.class);
        // loops rather than lambdas and streams here: each is a class to link in a short `report` process
        for (TestResult t : run.results()) {
            byStatus.put(t.status(), byStatus.getOrDefault(t.status(), 0) + 1);
        }
        Map<Category, Integer> byCategory = new EnumMap<>(Category.class);
        for (FailureGroup g : run.failures()) {
            byCategory.put(g.category(), byCategory.getOrDefault(g.category(), 0) + g.count());
        }
        h.append("<h2>At a glance</h2>\n<table class=\"charts\"><tr>");
        h.append("<td class=\"chart\"><h3>Results by status, first pass</h3>");
        Map<String, Integer> statusBars = new LinkedHashMap<>();
        Map<String, String> statusColours = new LinkedHashMap<>();
        for (TestStatus s : TestStatus.values()) {
            if (byStatus.getOrDefault(s, 0) > 0) {
                statusBars.put(s.id(), byStatus.get(s));
                statusColours.put(s.id(), STATUS_COLOURS.get(s));
            }
        }
        if (pdf) {
            bars(h, statusBars, statusColours, "No test ran.");
        } else {
            donut(h, statusBars, statusColours, run.results().size());
        }
        h.append("</td><td class=\"chart\"><h3>Failed tests by category, first pass</h3>");
        Map<String, Integer> categoryBars = new LinkedHashMap<>();
        Map<String, String> categoryColours = new LinkedHashMap<>();
        // the largest first, equal counts in the categories' order (a stable sort, as the stream's sorted() was)
        List<Map.Entry<Category, Integer>> byCount = new ArrayList<>(byCategory.entrySet());
        byCount.sort(LARGEST_FIRST);
        for (Map.Entry<Category, Integer> e : byCount) {
            categoryBars.put(e.getKey().id(), e.getValue());
            categoryColours.put(e.getKey().id(), "#5c6bc0");
        }
        if (pdf) {
            bars(h, categoryBars, categoryColours, "No failures.");
        } else {
            svgBars(h, categoryBars, "#5c6bc0", "No failures.");
        }
        h.append("</td><td class=\"chart\"><h3>Health score, the last ").append(Math.max(trend.size(), 1))
                .append(" runs of this target up to this one (cancelled runs left out)</h3>");
        trend(h, trend, run.runId());
        h.append("</td></tr></table>\n");
    }

    /** A donut of the statuses, with its legend beside it. */
    private static void donut(StringBuilder h, Map<String, Integer> parts, Map<String, String> colours, int total) {
        h.append("<svg class=\"donut\" viewBox=\"0 0 42 42\" width=\"150\" height=\"150\" role=\"img\" aria-label=\"Results by status\">"
                + "<circle cx=\"21\" cy=\"21\" r=\"15.915\" fill=\"none\" stroke=\"#eeeeee\" stroke-width=\"6\"/>");
        double offset = 25;
        for (Map.Entry<String, Integer> e : parts.entrySet()) {
            double pct = total == 0 ? 0 : e.getValue() * 100.0 / total;
            h.append("<circle cx=\"21\" cy=\"21\" r=\"15.915\" fill=\"none\" stroke=\"").append(colours.get(e.getKey()))
                    .append("\" stroke-width=\"6\" stroke-dasharray=\"").append(fmt3(pct)).append(' ')
                    .append(fmt3(100 - pct)).append("\" stroke-dashoffset=\"").append(fmt3(offset)).append("\"><title>")
                    .append(e.getKey()).append(": ").append(e.getValue()).append("</title></circle>");
            offset -= pct;
        }
        h.append("<text x=\"21\" y=\"21\" text-anchor=\"middle\" class=\"donut-n\">")
                .append(Figures.grouped(total))
                .append("</text><text x=\"21\" y=\"26.5\" text-anchor=\"middle\" class=\"donut-l\">tests</text></svg>");
        h.append("<ul class=\"legend\">");
        for (Map.Entry<String, Integer> e : parts.entrySet()) {
            h.append("<li><span class=\"swatch\" style=\"background:").append(colours.get(e.getKey())).append("\"></span>")
                    .append(e.getKey()).append(": <b>").append(Figures.grouped(e.getValue()))
                    .append("</b> (").append(fmt1(total == 0 ? 0 : e.getValue() * 100.0 / total)).append(" %)</li>");
        }
        h.append("</ul>");
    }

    /** Larger counts first (Map.Entry.comparingByValue().reversed(), written out: no lambda to link). */
    private static final java.util.Comparator<Map.Entry<Category, Integer>> LARGEST_FIRST = new java.util.Comparator<>() {
        @Override
        public int compare(Map.Entry<Category, Integer> a, Map.Entry<Category, Integer> b) {
            return b.getValue().compareTo(a.getValue());
        }
    };

    /** The largest value of {@code bars}; 1 when there is none. */
    private static int largest(Map<String, Integer> bars) {
        if (bars.isEmpty()) {
            return 1;
        }
        int max = Integer.MIN_VALUE;
        for (int v : bars.values()) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** Horizontal bars as SVG. */
    private static void svgBars(StringBuilder h, Map<String, Integer> bars, String colour, String empty) {
        if (bars.isEmpty()) {
            h.append("<p class=\"empty\">").append(empty).append("</p>");
            return;
        }
        int max = largest(bars);
        int rowH = 24;
        int height = bars.size() * rowH + 4;
        h.append("<svg class=\"bars\" viewBox=\"0 0 320 ").append(height).append("\" width=\"320\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"Failed tests by category\">");
        int y = 2;
        for (Map.Entry<String, Integer> e : bars.entrySet()) {
            double w = 180.0 * e.getValue() / max;
            h.append("<text x=\"86\" y=\"").append(y + 16).append("\" text-anchor=\"end\" class=\"axis\">");
            esc(h, e.getKey()).append("</text><rect x=\"92\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt1(Math.max(w, 2))).append("\" height=\"16\" rx=\"2\" fill=\"").append(colour)
                    .append("\"/><text x=\"").append(fmt1(96 + Math.max(w, 2))).append("\" y=\"").append(y + 16)
                    .append("\" class=\"axis\">").append(e.getValue()).append("</text>");
            y += rowH;
        }
        h.append("</svg>");
    }

    /** Horizontal bars as a table of coloured blocks: the PDF's charts. */
    private static void bars(StringBuilder h, Map<String, Integer> bars, Map<String, String> colours, String empty) {
        if (bars.isEmpty()) {
            h.append("<p class=\"empty\">").append(empty).append("</p>");
            return;
        }
        int max = largest(bars);
        h.append("<table class=\"cssbars\">");
        for (Map.Entry<String, Integer> e : bars.entrySet()) {
            h.append("<tr><td class=\"k\">");
            esc(h, e.getKey()).append("</td><td class=\"b\"><div style=\"width:")
                    .append(fmt1(Math.max(1, 100.0 * e.getValue() / max))).append("%;background:")
                    .append(colours.get(e.getKey())).append("\">&#160;</div></td><td class=\"v\">")
                    .append(Figures.grouped(e.getValue())).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void trend(StringBuilder h, List<TrendPoint> trend, String current) {
        if (trend.size() < 2) {
            h.append("<p class=\"empty\">").append(trend.isEmpty() ? "No history at hand for this target."
                    : "This is the target's first stored run: the trend starts here.").append("</p>");
            return;
        }
        if (pdf) {
            h.append("<table class=\"trendbars\"><tr>");
            for (TrendPoint p : trend) {
                h.append("<td><div class=\"tb ").append(p.status().id()).append("\" style=\"height:")
                        .append(fmt1(Math.max(1, p.healthScore() * 0.8))).append("px\">&#160;</div></td>");
            }
            h.append("</tr></table><p class=\"axisnote\">").append(fmt1(trend.get(0).healthScore())).append(" on ")
                    .append(Figures.monthDay(trend.get(0).startedAt())).append(" \u2192 ")
                    .append(fmt1(trend.get(trend.size() - 1).healthScore())).append(" now (0\u2013100)</p>");
            return;
        }
        int w = 320;
        int ht = 150;
        int left = 28;
        int right = 8;
        int top = 8;
        int bottom = 22;
        double plotW = w - left - right;
        double plotH = ht - top - bottom;
        h.append("<svg class=\"trend\" viewBox=\"0 0 ").append(w).append(' ').append(ht).append("\" width=\"").append(w)
                .append("\" height=\"").append(ht).append("\" role=\"img\" aria-label=\"Health score trend\">");
        for (int v = 0; v <= 100; v += 50) {
            double y = top + plotH * (1 - v / 100.0);
            h.append("<line x1=\"").append(left).append("\" x2=\"").append(w - right).append("\" y1=\"").append(fmt1(y))
                    .append("\" y2=\"").append(fmt1(y)).append("\" class=\"grid\"/><text x=\"").append(left - 4)
                    .append("\" y=\"").append(fmt1(y + 3)).append("\" text-anchor=\"end\" class=\"axis\">").append(v)
                    .append("</text>");
        }
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        double currentX = -1;
        for (int i = 0; i < trend.size(); i++) {
            TrendPoint p = trend.get(i);
            double x = left + plotW * i / (trend.size() - 1);
            double y = top + plotH * (1 - Math.max(0, Math.min(100, p.healthScore())) / 100.0);
            points.append(fmt1(x)).append(',').append(fmt1(y)).append(' ');
            boolean now = p.runId().equals(current);
            if (now) {
                currentX = x;
            }
            dots.append("<circle cx=\"").append(fmt1(x)).append("\" cy=\"").append(fmt1(y)).append("\" r=\"")
                    .append(now ? 4.5 : 3).append("\" class=\"dot ").append(p.status().id()).append("\"><title>");
            esc(dots, p.runId()).append(": ").append(fmt1(p.healthScore())).append(", ").append(p.status().id())
                    .append("</title></circle>");
        }
        h.append("<polyline fill=\"none\" stroke=\"#455a64\" stroke-width=\"1.5\" points=\"").append(points)
                .append("\"/>").append(dots);
        h.append("<text x=\"").append(left).append("\" y=\"").append(ht - 6).append("\" class=\"axis\">")
                .append(Figures.monthDay(trend.get(0).startedAt())).append("</text>");
        if (currentX >= 0) {
            // The label stands under this run's own point, wherever it is on the line.
            String anchor = currentX > w - right - 30 ? "end" : currentX < left + 30 ? "start" : "middle";
            h.append("<text x=\"").append(fmt1(currentX)).append("\" y=\"").append(ht - 6)
                    .append("\" text-anchor=\"").append(anchor).append("\" class=\"axis this-run\">this run</text>");
        }
        h.append("</svg>");
    }

    private void incidents(StringBuilder h, RunSummary run) {
        h.append("<h2>Incidents</h2>\n");
        if (run.incidents().isEmpty()) {
            h.append("<p class=\"empty\">No incidents.</p>\n");
            return;
        }
        h.append("<p>Failures that share one cause form an incident: one diagnosis, one proposal and one verification"
                + " for all its tests.</p>\n");
        for (dev.healdesk.core.triage.Incident i : run.incidents()) {
            h.append("<section class=\"group incident sev-").append(i.severity().id()).append("\"><h3>");
            esc(h, i.title()).append(" <span class=\"tag\">").append(i.category().id()).append("</span> <span class=\"tag\">")
                    .append(i.severity().id()).append("</span> <span class=\"tag\">fix class ").append(i.fixClass().name())
                    .append("</span></h3><div class=\"meta\">incident <code>");
            esc(h, i.id()).append("</code> \u00b7 playbook <code>");
            esc(h, i.playbook() == null ? "none" : i.playbook()).append("</code></div><p class=\"class-evidence\"><b>");
            esc(h, i.classEvidence()).append("</b></p><ul class=\"evidence\">");
            for (String e : i.evidence()) {
                h.append("<li>");
                esc(h, e).append("</li>");
            }
            h.append("</ul><div class=\"tests\"><b>Fingerprints:</b> ");
            for (int k = 0; k < i.fingerprints().size(); k++) {
                h.append(k == 0 ? "" : ", ").append("<code>");
                esc(h, i.fingerprints().get(k)).append("</code>");
            }
            h.append("</div><div class=\"tests\"><b>Tests:</b> ");
            for (int k = 0; k < Math.min(i.count(), MAX_TESTS_PER_GROUP); k++) {
                h.append(k == 0 ? "" : ", ").append("<code>");
                esc(h, i.tests().get(k)).append("</code>");
            }
            if (i.count() > MAX_TESTS_PER_GROUP) {
                h.append(" and ").append(i.count() - MAX_TESTS_PER_GROUP).append(" more");
            }
            h.append("</div></section>\n");
        }
    }

    private void failures(StringBuilder h, RunSummary run, Path runFolder) {
        h.append("<h2>Failures</h2>\n");
        long failing = 0;
        for (TestResult t : run.results()) {
            if (t.status().isFailure()) {
                failing++;
            }
        }
        if (run.failures().isEmpty()) {
            h.append("<p class=\"empty\">").append(failing > 0 ? failing + " failing test(s), not triaged: the run"
                    + " stopped before triage." : "No failures.").append("</p>\n");
            return;
        }
        h.append("<p>Failures that share one fingerprint (the same error, normalised) form a group: one diagnosis and"
                + " one playbook decision for all its tests.</p>\n");
        int n = 0;
        for (FailureGroup g : run.failures()) {
            n++;
            h.append("<section class=\"group sev-").append(g.severity().id()).append("\"><h3>").append(n).append(". ")
                    .append(g.category().id()).append(" <span class=\"tag\">").append(g.severity().id())
                    .append("</span> <span class=\"tag\">fix class ").append(g.fixClass().name())
                    .append("</span> <span class=\"tag\">").append(g.count()).append(g.count() == 1 ? " test" : " tests")
                    .append("</span></h3><div class=\"meta\">pattern <code>");
            esc(h, g.classification().patternId()).append("</code> \u00b7 fingerprint <code>");
            esc(h, g.fingerprint()).append("</code>");
            java.util.Optional<dev.healdesk.core.triage.Incident> incident = g.tests().isEmpty()
                    ? run.incidentOf(g.fingerprint()) : run.incidentOfTest(g.tests().get(0).id());
            if (incident.isPresent()) {
                esc(h.append(" \u00b7 incident <code>"), incident.get().id()).append("</code>");
            }
            java.util.Optional<FlipRate> flipRate = run.flipRate(g);
            if (flipRate.isPresent()) {
                h.append(" \u00b7 flip rate ").append(MarkdownReport.flips(flipRate.get()));
            }
            h.append("</div>");
            // the evidence that decided the fix class: the group's incident decided it for all its failures
            if (incident.isPresent() && !incident.get().classEvidence().isEmpty()) {
                esc(h.append("<p class=\"class-evidence\"><b>"), incident.get().classEvidence()).append("</b></p>");
            }
            h.append("<pre class=\"msg\">");
            esc(h, g.message()).append("</pre>");
            h.append("<div class=\"tests\"><b>Tests:</b> ");
            for (int i = 0; i < Math.min(g.count(), MAX_TESTS_PER_GROUP); i++) {
                TestResult t = g.tests().get(i);
                h.append(i == 0 ? "" : ", ").append("<code>");
                esc(h, t.id()).append("</code>");
            }
            if (g.count() > MAX_TESTS_PER_GROUP) {
                h.append(" and ").append(g.count() - MAX_TESTS_PER_GROUP).append(" more");
            }
            h.append("</div>");
            String stack = g.tests().isEmpty() ? null : g.tests().get(0).errorStack();
            if (stack != null && !stack.isBlank()) {
                h.append("<div class=\"stack\"><b>Stack of the first test</b><pre>");
                esc(h, cut(stack, 4000)).append("</pre></div>");
            }
            diagnosis(h, run.diagnoses().get(g.fingerprint()));
            List<ActionRecord> acts = new ArrayList<>();
            for (ActionRecord a : run.actions()) {
                if (g.fingerprint().equals(a.fingerprint())) {
                    acts.add(a);
                }
            }
            h.append("<div class=\"decision\"><b>Playbook:</b> ");
            if (acts.isEmpty()) {
                h.append(g.classification().playbook() == null ? "none proposed (investigate by hand)"
                        : "<code>" + escape(g.classification().playbook()) + "</code> proposed, not run");
            } else {
                for (ActionRecord a : acts) {
                    h.append("<code>");
                    esc(h, a.playbook()).append("</code> ").append(a.decision().id()).append(" \u2192 ").append(outcome(a));
                    if (a.message() != null && !a.message().isBlank()) {
                        h.append(" <span class=\"muted\">(");
                        esc(h, cut(a.message(), 300)).append(")</span>");
                    }
                    h.append("<br/>");
                }
            }
            h.append("</div>");
            screenshots(h, g, runFolder);
            h.append("</section>\n");
        }
    }

    private static void diagnosis(StringBuilder h, Diagnosis d) {
        if (d == null) {
            return;
        }
        h.append("<div class=\"diagnosis\"><b>Diagnosis</b> <span class=\"muted\">(");
        esc(h, d.provider() + (d.model() == null ? "" : " " + d.model()) + (d.cached() ? ", cached" : "")).append(")</span>: ");
        if (d.malformed()) {
            h.append("the model did not answer in the form asked; its text:<pre>");
            esc(h, cut(d.rawText(), 4000)).append("</pre>");
        } else {
            esc(h, d.rootCause()).append(" <span class=\"muted\">(confidence ").append(Figures.decimals(d.confidence(), 2))
                    .append(")</span>");
            if (d.suggestedPlaybook() != null) {
                h.append("; suggests <code>");
                esc(h, d.suggestedPlaybook()).append("</code>");
            }
            if (d.explanation() != null && !d.explanation().isBlank()) {
                h.append("<p>");
                esc(h, d.explanation().strip()).append("</p>");
            }
            if (!d.evidence().isEmpty()) {
                h.append("<ul>");
                for (String e : d.evidence()) {
                    esc(h.append("<li>"), e).append("</li>");
                }
                h.append("</ul>");
            }
        }
        if (d.note() != null) {
            h.append("<div class=\"muted\">");
            esc(h, d.note()).append("</div>");
        }
        h.append("</div>");
    }

    private static String outcome(ActionRecord a) {
        if (!a.applied()) {
            return "not applied";
        }
        return a.success() ? (a.verified() ? "applied, verified" : "applied, not verified") : "applied, failed";
    }

    /** The group's screenshots, embedded; missing, oversized or non-image files are named instead. */
    private static void screenshots(StringBuilder h, FailureGroup g, Path runFolder) {
        List<String> images = new ArrayList<>();
        for (TestResult t : g.tests()) {
            for (String a : t.attachments()) {
                String lower = a.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
                    images.add(a);
                }
            }
        }
        if (images.isEmpty()) {
            return;
        }
        h.append("<div class=\"shots\">");
        int shown = 0;
        for (String a : images) {
            if (shown == MAX_IMAGES_PER_GROUP) {
                h.append("<p class=\"muted\">").append(images.size() - shown)
                        .append(" more screenshot(s) in the run folder's artifacts/.</p>");
                break;
            }
            Path file = Path.of(a);
            if (!file.isAbsolute() && runFolder != null) {
                file = runFolder.resolve(file);
            }
            String name = file.getFileName() == null ? a : file.getFileName().toString();
            String note = null;
            String uri = null;
            try {
                if (!Files.isRegularFile(file)) {
                    note = "no longer on disk (artifacts are deleted after the retention period)";
                } else if (Files.size(file) > MAX_IMAGE_BYTES) {
                    note = String.format(Locale.ROOT, "%.1f MB, over the %.0f MB embedded per image; see the run"
                            + " folder's artifacts/", Files.size(file) / 1e6, MAX_IMAGE_BYTES / 1e6);
                } else {
                    uri = dataUri(file);
                    if (uri == null) {
                        note = "not a PNG or JPEG image";
                    }
                }
            } catch (IOException e) {
                note = "unreadable: " + e.getMessage();
            }
            h.append("<figure>");
            if (uri != null) {
                h.append("<img src=\"").append(uri).append("\" alt=\"");
                esc(h, name).append("\"/>");
                shown++;
            }
            h.append("<figcaption>");
            esc(h, name);
            if (note != null) {
                h.append(": ");
                esc(h, note);
            }
            h.append("</figcaption></figure>");
        }
        h.append("</div>");
    }

    /** A data URI of a PNG or JPEG file (by its first bytes, not its name), or null for anything else. */
    static String dataUri(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_IMAGE_BYTES + 1);
        }
        String type;
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            type = "image/png";
        } else if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            type = "image/jpeg";
        } else {
            return null;
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    private static void flaky(StringBuilder h, RunSummary run) {
        List<TestResult> flaky = run.flakyTests();
        if (flaky.isEmpty()) {
            return;
        }
        h.append("<h2>Flaky tests</h2>\n<p>Failed, then passed on a retry: not counted as failures and never healed."
                + " The flip rate is over the target's last ").append(FlipRate.WINDOW).append(" runs.</p>\n");
        h.append("<table class=\"list\"><thead><tr><th>Test</th><th>Retries</th><th>Flip rate</th><th>Recent (oldest first)</th>"
                + "<th>First failure</th></tr></thead><tbody>");
        for (TestResult t : flaky) {
            FlipRate rate = run.flipRates().get(t.id());
            h.append("<tr><td><code>");
            esc(h, t.id()).append("</code></td><td>").append(t.retry()).append("</td><td>")
                    .append(rate == null ? "\u2014" : escape(MarkdownReport.flips(rate))).append("</td><td><code>")
                    .append(rate == null ? "" : escape(rate.recent())).append("</code></td><td>");
            esc(h, cut(t.errorMessage(), 200)).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static void actions(StringBuilder h, RunSummary run) {
        h.append("<h2>Playbook decisions</h2>\n");
        if (run.actions().isEmpty()) {
            h.append("<p class=\"empty\">No playbook was proposed.</p>\n");
            return;
        }
        h.append("<table class=\"list actions\"><thead><tr><th>Playbook</th><th>Class</th><th>Decision</th><th>Outcome</th>"
                + "<th>Time</th><th>Message</th></tr></thead><tbody>");
        for (ActionRecord a : run.actions()) {
            h.append("<tr><td><code>");
            esc(h, a.playbook()).append("</code></td><td>").append(a.fixClass().name()).append("</td><td>")
                    .append(a.decision().id()).append("</td><td>").append(outcome(a)).append("</td><td>")
                    .append(seconds(a.durationMs())).append("</td><td>");
            esc(h, cut(a.message(), 300)).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static void projects(StringBuilder h, RunSummary run) {
        Map<String, int[]> byProject = new LinkedHashMap<>();
        for (TestResult t : run.results()) {
            int[] c = byProject.get(t.project());
            if (c == null) {
                c = new int[6];
                byProject.put(t.project(), c);
            }
            c[t.status().ordinal()]++;
            c[5] += (int) Math.min(Integer.MAX_VALUE, t.durationMs());
        }
        if (byProject.isEmpty()) {
            return;
        }
        h.append("<h2>By project</h2>\n<table class=\"list num\"><thead><tr><th>Project</th><th>Passed</th><th>Failed</th>"
                + "<th>Timed out</th><th>Skipped</th><th>Flaky</th><th>Test time</th></tr></thead><tbody>");
        for (Map.Entry<String, int[]> e : byProject.entrySet()) {
            int[] c = e.getValue();
            h.append("<tr><td>");
            esc(h, e.getKey()).append("</td><td>").append(c[TestStatus.PASSED.ordinal()]).append("</td><td>")
                    .append(c[TestStatus.FAILED.ordinal()]).append("</td><td>").append(c[TestStatus.TIMED_OUT.ordinal()])
                    .append("</td><td>").append(c[TestStatus.SKIPPED.ordinal()]).append("</td><td>")
                    .append(c[TestStatus.FLAKY.ordinal()]).append("</td><td>").append(seconds(c[5])).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    /** Every test, those that did not pass first; folded away on screen and in print. */
    private static void allTests(StringBuilder h, RunSummary run) {
        List<TestResult> ordered = new ArrayList<>(run.results().size());
        for (TestResult t : run.results()) {
            if (t.status() != TestStatus.PASSED) {
                ordered.add(t);
            }
        }
        for (TestResult t : run.results()) {
            if (t.status() == TestStatus.PASSED) {
                ordered.add(t);
            }
        }
        h.append("<details class=\"all\"><summary>All ").append(Figures.grouped(ordered.size()))
                .append(" tests</summary><table class=\"list\"><thead><tr><th>Test</th><th>Status</th><th>Time</th>"
                        + "<th>Message</th></tr></thead><tbody>");
        for (TestResult t : ordered) {
            h.append("<tr><td><code>");
            esc(h, t.id()).append("</code> ");
            if (!t.title().equals(t.id())) {
                esc(h, t.title());
            }
            h.append("</td><td class=\"st ").append(t.status().id()).append("\">").append(t.status().id())
                    .append("</td><td>").append(seconds(t.durationMs())).append("</td><td>");
            if (t.errorMessage() != null) {
                esc(h, cut(t.errorMessage(), 200));
            }
            h.append("</td></tr>");
        }
        h.append("</tbody></table></details>\n");
    }

    // ---------------------------------------------------------------- text

    /**
     * Appends {@code s} escaped for HTML and XML text and attributes: markup characters as entities, control
     * characters and unpaired surrogates (not allowed in XML) as U+FFFD. Null appends nothing.
     */
    static StringBuilder esc(StringBuilder h, String s) {
        if (s == null) {
            return h;
        }
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> h.append("&lt;");
                case '>' -> h.append("&gt;");
                case '&' -> h.append("&amp;");
                case '"' -> h.append("&quot;");
                case '\'' -> h.append("&#39;");
                case '\n', '\t' -> h.append(c);
                case '\r' -> {
                    // \r\n and lone \r read as one line break
                    if (i + 1 >= n || s.charAt(i + 1) != '\n') {
                        h.append('\n');
                    }
                }
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff) {
                        h.append('\ufffd');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                            h.append(c).append(s.charAt(++i));
                        } else {
                            h.append('\ufffd');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        h.append('\ufffd');
                    } else {
                        h.append(c);
                    }
                }
            }
        }
        return h;
    }

    static String escape(String s) {
        return esc(new StringBuilder(s == null ? 0 : s.length() + 16), s).toString();
    }

    private static String cut(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    // Figures: the same text as String.format(Locale.ROOT, "%.1f" / "%.3f"), without java.util.Formatter's set-up
    private static String seconds(long ms) {
        return ms < 1000 ? ms + " ms" : Figures.decimals(ms / 1000.0, 1) + " s";
    }

    private static String fmt1(double v) {
        return Figures.decimals(v, 1);
    }

    private static String fmt3(double v) {
        return Figures.decimals(v, 3);
    }

    private static final String CSS = """
            @page{size:A4;margin:14mm 12mm}
            *{box-sizing:border-box}
            body{font-family:"DejaVu Sans",-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#212121;background:#fff;margin:0 auto;padding:24px;max-width:1180px;font-size:14px;line-height:1.45}
            header{border-bottom:3px solid #37474f;padding-bottom:10px;margin-bottom:12px}
            table.head{width:100%;border-collapse:collapse}table.head td{vertical-align:top;padding:0}
            .kicker{text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:#607d8b}
            h1{margin:2px 0 4px;font-size:26px;word-break:break-all}
            h2{font-size:18px;margin:22px 0 8px;border-bottom:1px solid #cfd8dc;padding-bottom:3px}
            h3{font-size:15px;margin:0 0 6px}
            .sub{color:#546e7a;font-size:12.5px}
            .score{text-align:right;min-width:150px}
            .big{font-size:40px;font-weight:bold;line-height:1.1;margin-top:4px}
            .big.healthy{color:#2e7d32}.big.degraded{color:#ef6c00}.big.failing{color:#c62828}
            .label{font-size:11px;color:#607d8b;text-transform:uppercase;letter-spacing:.05em}
            .was{font-size:11px;color:#607d8b;margin-top:3px}
            .badge{display:inline-block;padding:3px 12px;border-radius:12px;color:#fff;font-weight:bold;font-size:13px;letter-spacing:.05em}
            .badge.healthy{background:#2e7d32}.badge.degraded{background:#ef6c00}.badge.failing{background:#c62828}
            .badge.healed{background:#00796b}.badge.cancelled{background:#757575}.badge.interrupted{background:#6a1b9a}
            .badge.suite-error{background:#b71c1c}.badge.running{background:#1565c0}
            td.pass{font-weight:bold;color:#455a64;text-align:left;width:90px}
            table.counts{width:100%;border-collapse:collapse;margin:6px 0}
            table.counts td{text-align:center;border:1px solid #e0e0e0;padding:6px 4px;width:16.6%}
            .n{font-size:22px;font-weight:bold}.n.passed{color:#2e7d32}.n.failed{color:#c62828}.n.flaky{color:#b28704}
            .notes{color:#546e7a;font-size:12.5px;margin:6px 0}
            table.charts{width:100%;border-collapse:collapse;table-layout:fixed}
            td.chart{vertical-align:top;border:1px solid #e0e0e0;padding:10px;width:33.3%}
            svg{overflow:visible}
            svg.donut{float:left;margin-right:10px}
            .donut-n{font-size:7px;font-weight:bold;fill:#212121}.donut-l{font-size:3.5px;fill:#607d8b}
            ul.legend{list-style:none;padding:0;margin:8px 0;font-size:12.5px}
            .swatch{display:inline-block;width:10px;height:10px;margin-right:6px;border-radius:2px}
            .axis{font-size:11px;fill:#455a64}
            .grid{stroke:#e0e0e0;stroke-width:1}
            .dot{stroke:#fff;stroke-width:1}.dot.healthy{fill:#2e7d32}.dot.degraded{fill:#ef6c00}.dot.failing{fill:#c62828}
            table.cssbars{width:100%;border-collapse:collapse;font-size:11px}
            table.cssbars td{padding:2px 3px}
            table.cssbars td.k{width:32%;text-align:right;color:#455a64}
            table.cssbars td.v{width:14%}
            table.cssbars div{height:12px}
            table.trendbars{border-collapse:collapse;height:84px}
            table.trendbars td{vertical-align:bottom;padding:0 1px}
            .tb{width:10px}.tb.healthy{background:#2e7d32}.tb.degraded{background:#ef6c00}.tb.failing{background:#c62828}
            .axisnote{font-size:11px;color:#455a64;margin:4px 0 0}
            .empty{color:#78909c;font-style:italic}
            section.group{border:1px solid #e0e0e0;border-left:5px solid #90a4ae;padding:10px 12px;margin:10px 0}
            section.group h3,figure,pre.msg{page-break-inside:avoid;break-inside:avoid}
            section.sev-critical{border-left-color:#b71c1c}section.sev-high{border-left-color:#e53935}
            section.sev-medium{border-left-color:#fb8c00}section.sev-low{border-left-color:#90a4ae}
            .tag{display:inline-block;font-size:11px;font-weight:normal;background:#eceff1;border-radius:8px;padding:1px 8px;margin-left:4px}
            .meta{font-size:12px;color:#607d8b;margin-bottom:6px;word-break:break-all}
            pre{white-space:pre-wrap;word-wrap:break-word;overflow-wrap:anywhere;background:#f5f5f5;border:1px solid #e0e0e0;padding:6px 8px;font-size:12px;margin:6px 0;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace}
            pre.msg{background:#fff3f3;border-color:#ffcdd2}
            code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
            .tests,.decision,.diagnosis,.stack{margin:6px 0;font-size:13px}
            .stack pre{max-height:220px;overflow:auto}
            .diagnosis{background:#f3f6ff;border:1px solid #c5cae9;padding:6px 8px}
            .muted{color:#78909c}
            .shots figure{display:inline-block;vertical-align:top;width:48%;margin:6px 1% 0 0}
            .shots img{max-width:100%;border:1px solid #cfd8dc}
            figcaption{font-size:11px;color:#607d8b;word-break:break-all}
            table.list{width:100%;border-collapse:collapse;font-size:12.5px;margin:6px 0}
            table.list th{background:#eceff1;text-align:left;padding:4px 6px;border-bottom:1px solid #cfd8dc}
            table.list td{padding:3px 6px;border-bottom:1px solid #eeeeee;vertical-align:top;word-break:break-word}
            table.actions td code{white-space:nowrap;word-break:normal}
            table.num{page-break-inside:avoid}
            thead{display:table-header-group}
            tr{page-break-inside:avoid}
            td.st.passed{color:#2e7d32}td.st.failed,td.st.timed-out{color:#c62828}td.st.flaky{color:#b28704}
            details.all summary{cursor:pointer;font-weight:bold;margin:18px 0 6px}
            footer{margin-top:24px;font-size:11px;color:#90a4ae;border-top:1px solid #eceff1;padding-top:6px}
            @media print{body{padding:0;max-width:none;font-size:11.5px}h2{page-break-after:avoid}.stack pre{max-height:none;overflow:visible}details.all{display:none}td.chart{page-break-inside:avoid}}
            """;
}
