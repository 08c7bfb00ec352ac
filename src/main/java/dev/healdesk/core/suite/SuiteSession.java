package dev.healdesk.core.suite;

import dev.healdesk.core.process.Cancellation;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A run's hold on a {@link SuiteRunner}: the first pass and the re-runs that verify fixes go through one session, so a
 * runner can keep what is costly to start (a driver, a browser) for all of them instead of starting it again for each
 * verification. Used from one thread, the run's; closed when the run no longer needs its tests.
 */
public interface SuiteSession extends AutoCloseable {

    /** As {@link SuiteRunner#run(Set, Path, Consumer, Consumer, Cancellation)}. */
    List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                         Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException;

    /**
     * Runs exactly {@code tests} again (a targeted re-run, to verify a fix): each runner selects them its own way
     * (probes by id, Playwright Test by {@code file:line}, JUnit by class and method). Returns at least a result for
     * each of them that ran; by default, a runner that cannot select single tests runs their whole projects and returns
     * every result.
     */
    default List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                   Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        Set<String> projects = new LinkedHashSet<>();
        tests.forEach(t -> projects.add(t.project()));
        return run(projects, artifactsDir, notes, onResult, cancel);
    }

    @Override
    void close();
}
