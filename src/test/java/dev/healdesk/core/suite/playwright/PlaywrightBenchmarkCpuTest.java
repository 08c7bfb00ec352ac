package dev.healdesk.core.suite.playwright;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code healdesk bench} counts CPU time beside a Playwright run, on real processes: a shell loop of known work
 * run in the foreground, left behind by a parent that ended first (as Chromium leaves its zygotes), and split between
 * the measured program and a child of it.
 *
 * <p>The bounds are wide on purpose: this machine's CPU runs at two speeds up to 1.7x apart and flips between them
 * within a second, so one loop's CPU time can differ that much from the next. What the tests tell apart is counted
 * against not counted, and own against child's, which differ by far more.
 */
class PlaywrightBenchmarkCpuTest {

    /** A loop of about a quarter of a second of CPU time in dash. */
    private static final String BUSY = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    @TempDir
    Path dir;

    private PlaywrightBenchmark.Sample measure(List<String> wrapper, boolean healdesk, String script)
            throws Exception {
        return PlaywrightBenchmark.measure(wrapper, List.of("/bin/sh", "-c", script), dir, Map.of(), healdesk,
                Duration.ofMinutes(2), dir.resolve("out.txt"), "the loop", true);
    }

    @Test
    void theCpuOfAProcessWhoseParentEndedFirstIsCountedThroughTheReapingWrapper() throws Exception {
        List<String> wrapper = PlaywrightBenchmark.subreaper(dir);
        assertThat(wrapper).as("python3 runs the reaping wrapper").isNotEmpty();
        double foreground = measure(wrapper, false, BUSY).playwrightCpuMs();
        assertThat(foreground).as("the loop's own CPU time, ms").isGreaterThan(50);

        // the shell starts the loop in the background and exits at once: the loop outlives its parent
        double orphaned = measure(wrapper, false, "(" + BUSY + ") & exit 0").playwrightCpuMs();
        double unwrapped = measure(List.of(), false, "(" + BUSY + ") & exit 0").playwrightCpuMs();

        assertThat(orphaned).as("orphaned, through the wrapper, vs %s ms in the foreground", foreground)
                .isGreaterThan(foreground * 0.35);
        assertThat(unwrapped).as("orphaned, without the wrapper: reaped elsewhere, so not counted")
                .isLessThan(foreground * 0.15);
    }

    @Test
    void theMeasuredProgramsOwnCpuIsToldApartFromItsChildren() throws Exception {
        List<String> wrapper = PlaywrightBenchmark.subreaper(dir);
        double loop = measure(wrapper, false, BUSY).playwrightCpuMs();

        // the shell runs one loop itself, then waits for a second shell that runs another
        PlaywrightBenchmark.Sample split = measure(wrapper, true, BUSY + "; /bin/sh -c '" + BUSY + "'; exit 0");

        double own = split.healdeskCpuMs();
        double child = split.playwrightCpuMs();
        assertThat(own + child).as("both loops counted, vs %s ms for one loop", loop).isGreaterThan(loop * 0.8);
        // one loop each: a wrong split puts (nearly) all of it on one side
        assertThat(own / (own + child)).as("the program's own share of %s + %s ms", own, child)
                .isBetween(0.2, 0.8);
    }
}
