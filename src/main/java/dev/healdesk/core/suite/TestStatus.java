package dev.healdesk.core.suite;

/** Final outcome of one test. {@link #FLAKY} is a test that failed and then passed on a retry. */
public enum TestStatus {
    PASSED, FAILED, TIMED_OUT, SKIPPED, FLAKY;

    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT;
    }

    /** Passed, at once or on a retry. */
    public boolean isPassing() {
        return this == PASSED || this == FLAKY;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
