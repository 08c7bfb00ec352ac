package dev.healdesk.core.run;

import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;

import java.util.List;
import java.util.Set;

/**
 * Runs the tests of some projects of the run's target again, after a fix, so that the healer can verify it. The run
 * loop builds it over the target's suites and keeps every result it returns: the run's final status is computed from
 * the latest result of each test, so a healer cannot report a status the tests did not give.
 */
@FunctionalInterface
public interface Rerun {

    List<TestResult> run(Set<String> projects, Cancellation cancel) throws SuiteException;
}
