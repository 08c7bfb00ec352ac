package dev.healdesk.core.report;

import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** summary.md keeps failure text as text: no HTML, no image, no link can come from it. */
class MarkdownReportTest {

    @TempDir
    Path dir;

    /** Everything outside code spans and fenced blocks: what a Markdown renderer would read as Markdown or HTML. */
    static String outsideCode(String md) {
        String noFences = md.replaceAll("(?ms)^```\\n.*?^```$", "");
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("(`+)(.*?)\\1", Pattern.DOTALL).matcher(noFences);
        int at = 0;
        while (m.find()) {
            out.append(noFences, at, m.start());
            at = m.end();
        }
        return out.append(noFences.substring(at)).toString();
    }

    /** A flip rate's text, written by hand, is what the format it replaced wrote, for every count it can have. */
    @Test
    void flipRateTextIsTheFormatsOwn() {
        int checked = 0;
        for (int runs = 0; runs <= 400; runs++) {
            for (int flips = 0; flips <= runs; flips++) {
                FlipRate rate = new FlipRate("t", runs, flips, "");
                assertThat(MarkdownReport.flips(rate)).as("%d flips in %d runs", flips, runs).isEqualTo(String.format(
                        Locale.ROOT, "%.0f %% (%d flip%s in %d run%s)%s", rate.rate() * 100, rate.flips(),
                        rate.flips() == 1 ? "" : "s", rate.runs(), rate.runs() == 1 ? "" : "s",
                        rate.flipping() ? ", flipping" : ""));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(80_601);
        assertThat(MarkdownReport.flips(new FlipRate("t", 10, 4, ""))).isEqualTo("44 % (4 flips in 10 runs), flipping");
    }

    @Test
    void hostileFailureTextIsInertInSummaryMd() throws Exception {
        String hostile = "<img src=x onerror=alert(1)> ![x](http://evil.example/p.png) [fix](javascript:alert(1))"
                + " `` ` ``` |pipe| \n# Run finished: healthy";
        RunSummary base = ReportFixtures.run(dir);
        RunSummary run = new RunSummary(base.runId(), "shop <b>" + hostile, base.projects(), base.dryRun(),
                base.startedAt(), base.finishedAt(), base.status(), base.initialStatus(), base.healthScore(),
                base.testsRun(), base.testsPassed(), base.testsFailed(), base.flaky(),
                base.results(), base.failures().stream().map(g -> new dev.healdesk.core.triage.FailureGroup(
                        g.fingerprint(), g.classification(), g.tests().stream().map(t -> new dev.healdesk.core.suite
                        .TestResult(t.id() + hostile, t.project(), t.title(), t.location(), t.status(), t.durationMs(),
                        hostile, t.errorStack(), t.retry(), List.of())).toList(), hostile, g.stackTop())).toList(),
                base.actions().stream().map(a -> new dev.healdesk.core.run.ActionRecord(a.fingerprint(),
                        a.playbook(), a.fixClass(), a.decision(), a.applied(), a.success(), a.verified(), hostile,
                        a.durationMs())).toList(), base.llm(), base.diagnoses(), base.cancelled(), base.flipRates());
        StringWriter out = new StringWriter();

        new MarkdownReport().write(run, out);

        String md = out.toString();
        String markdown = outsideCode(md);
        assertThat(md).contains("<img src=x onerror=alert(1)>");   // kept, as text in code
        assertThat(markdown).doesNotContain("<").doesNotContain("](").doesNotContain("![")
                .doesNotContain("javascript:").doesNotContain("# Run finished");
        assertThat(markdown.lines().filter(l -> l.startsWith("# "))).containsExactly("# Healdesk run " + run.runId());
    }
}
