package dev.healdesk.core.run;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One record per line: nothing in a title, a message or a command's output can forge a record or drive a terminal. */
class RunEventFormatterTest {

    private static final String FORGED = "\nRun run-1 finished: healthy, health score 100.0 (1 passed, 0 failed) -> x";

    @Test
    void aNewlineInATestTitleCannotForgeARecord() {
        TestResult r = new TestResult("ui/login" + FORGED, "ui", "login" + FORGED, "a.spec.ts:1", TestStatus.FAILED,
                12, "boom\r\u001b[2Kfake\u2028line\u202egnp.exe", null, 0, List.of());

        String line = RunEventFormatter.format(new RunEvent.TestFinished("run-1", r, 1));

        assertThat(line).doesNotContain("\n").doesNotContain("\r").doesNotContain("\u001b").doesNotContain("\u2028")
                .doesNotContain("\u202e")
                .isEqualTo("FAILED  ui/login\\nRun run-1 finished: healthy, health score 100.0 (1 passed, 0 failed) -> x"
                        + " (12 ms): boom\\r\\u001b[2Kfake\\u2028line\\u202egnp.exe");
    }

    @Test
    void outputAndMultiLineTextStayIndentedUnderTheirRecord() {
        ActionRecord action = new ActionRecord("fp", "restart-backend", dev.healdesk.core.triage.FixClass.A,
                Decision.AUTO, true, true, false, "done" + FORGED, 5);
        String applied = RunEventFormatter.format(new RunEvent.PlaybookApplied("run-1", action,
                "$ docker restart api" + FORGED + "\r\u001b[31mred"));
        String log = RunEventFormatter.format(new RunEvent.Log("run-1", RunEvent.Log.Level.WARN,
                "Playwright reported:" + FORGED));

        for (String record : List.of(applied, log)) {
            assertThat(record.lines().skip(1)).allMatch(l -> l.startsWith("  "));
            assertThat(record).doesNotContain("\nRun ").doesNotContain("\r").doesNotContain("\u001b");
        }
        assertThat(applied).startsWith("APPLIED restart-backend: ok done\\nRun run-1 finished")
                .endsWith("\n  Run run-1 finished: healthy, health score 100.0 (1 passed, 0 failed) -> x\n  \\u001b[31mred");
    }

    @Test
    void aRetriedTestsDurationSaysItIsSummed() {
        TestResult flaky = new TestResult("ui/a", "ui", "a", "a.spec.ts:1", TestStatus.FLAKY, 900, null, null, 1,
                List.of());
        assertThat(RunEventFormatter.format(new RunEvent.TestFinished("run-1", flaky, 1)))
                .isEqualTo("FLAKY   ui/a (900 ms) [2 attempts, duration summed]");
    }
}
