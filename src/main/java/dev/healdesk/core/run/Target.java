package dev.healdesk.core.run;

import dev.healdesk.core.suite.SuiteRunner;

/** What a run tests: a name for the records and the suites that exercise it. */
public interface Target extends AutoCloseable {

    /** "sandbox", or the target file's name. */
    String name();

    SuiteRunner suites();

    /** Releases what the target started (the sandbox server, a browser). */
    @Override
    default void close() {
    }
}
