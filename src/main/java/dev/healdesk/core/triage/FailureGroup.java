package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;

import java.util.List;

/**
 * Failures that share one fingerprint: one diagnosis, one playbook decision for all of them.
 *
 * @param message   the first failure's message (representative)
 * @param stackTop  the top frames of its stack, or empty
 */
public record FailureGroup(String fingerprint, Classification classification, List<TestResult> tests,
                           String message, String stackTop) {
    public FailureGroup {
        tests = List.copyOf(tests);
    }

    public int count() {
        return tests.size();
    }

    public Category category() {
        return classification.category();
    }

    public Severity severity() {
        return classification.severity();
    }

    public FixClass fixClass() {
        return classification.fixClass();
    }
}
