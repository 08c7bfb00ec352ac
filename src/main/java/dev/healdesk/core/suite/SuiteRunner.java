package dev.healdesk.core.suite;

import dev.healdesk.core.process.Cancellation;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Something that executes a target's tests and reports each result as it finishes. */
public interface SuiteRunner {

    /** Projects this runner knows, in display order (e.g. health, contracts, modules, security). */
    List<String> projects();

    /**
     * Runs the tests of the selected projects (all when {@code projects} is empty).
     * Each result is passed to {@code onResult} as soon as it is known; the full list is returned.
     * When {@code cancel} is triggered the runner stops as soon as it can and returns what it has.
     */
    List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException;

    /** How many tests {@link #run} will run for {@code projects}, when that is known before running; else -1. */
    default int count(Set<String> projects) {
        return -1;
    }

    /**
     * The same inside a run folder: artifacts (screenshots, traces) go to {@code artifactsDir}, and
     * {@code notes} hears what the operator should know about how the tests ran (which browser, say).
     */
    default List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                 Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        return run(projects, onResult, cancel);
    }

    /**
     * Starts the first run of {@code projects} now, ahead of the run that will take it over, for a runner whose tests
     * are slow to start (Node.js, Playwright, a browser): a front end asks for it as soon as it knows the target and the
     * projects, and the start then overlaps what a run sets up before its suites (the history, the run folder). The
     * next run of exactly these projects through a {@link #open session} takes the started tests over, with what they
     * reported so far; any other run stops them and starts its own. Closing the returned handle stops them when no run
     * took them over (the run could not start). Never throws: where it cannot start, the run starts as usual and says
     * why. By default nothing is started.
     */
    default HeadStart headStart(Set<String> projects) {
        return HeadStart.NONE;
    }

    /** Tests started ahead of their run ({@link #headStart}); closing stops them unless a run took them over. */
    interface HeadStart extends AutoCloseable {
        /** Nothing started. */
        HeadStart NONE = () -> { };

        @Override
        void close();
    }

    /**
     * A session for one run whose runner writes into the artifacts folder as the tests go (Playwright's live events,
     * the attachments it copies) through {@code redact}, the run's redactor, so that the run folder never holds what it
     * takes out; by default {@link #open()}, for runners that write nothing there while running.
     */
    default SuiteSession open(UnaryOperator<String> redact) {
        return open();
    }

    /**
     * A session for one run (see {@link SuiteSession}); by default each of its runs is a plain {@link #run}, with
     * nothing kept between them.
     */
    default SuiteSession open() {
        SuiteRunner runner = this;
        return new SuiteSession() {
            @Override
            public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                        Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                return runner.run(projects, artifactsDir, notes, onResult, cancel);
            }

            @Override
            public void close() {
            }
        };
    }
}
