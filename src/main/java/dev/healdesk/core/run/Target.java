package dev.healdesk.core.run;

import dev.healdesk.core.suite.SuiteRunner;

/** What a run tests: a name for the records and the suites that exercise it. */
public interface Target extends AutoCloseable {

    /** "sandbox", or the target file's name. */
    String name();

    SuiteRunner suites();

    /**
     * The faults the operator has switched on in the target now (the sandbox's fault switches, by id): a run records
     * them, and a test that fails in such a run is not counted as a flake ({@link FlipRate}). None for a real target.
     */
    default java.util.Set<String> faultsOn() {
        return java.util.Set.of();
    }

    /** Releases what the target started (the sandbox server, a browser). */
    @Override
    default void close() {
    }
}
