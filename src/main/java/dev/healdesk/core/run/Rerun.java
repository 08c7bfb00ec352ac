package dev.healdesk.core.run;

import dev.healdesk.core.process.Cancellation;

import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;

import java.util.List;

/**
 * Runs some tests of the run's target again, after a fix, so that the healer can verify it: exactly those tests where
 * their runner can select them (probes by id, Playwright Test by {@code file:line}, JUnit by class and method), their
 * projects where it cannot. The run loop builds it over the target's suite session and keeps every result it returns:
 * the run's final status is computed from the latest result of each test, so a healer cannot report a status the
 * tests did not give.
 */
@FunctionalInterface
public interface Rerun {

    List<TestResult> run(List<TestResult> tests, Cancellation cancel) throws SuiteException;

    /**
     * Runs failed tests again before any fix, to see whether their failure comes back: a fix can only be credited
     * against a failure that does. A test that passes now was flaky, and the run loop records it so (failed, then
     * passed on a retry). By default the same as {@link #run}.
     */
    default List<TestResult> reproduce(List<TestResult> tests, Cancellation cancel) throws SuiteException {
        return run(tests, cancel);
    }
}
