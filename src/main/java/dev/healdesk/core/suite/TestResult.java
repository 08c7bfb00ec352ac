package dev.healdesk.core.suite;

import java.util.List;
import java.util.Objects;

/**
 * One executed test, whatever ran it (probe, Playwright Test, JUnit XML).
 *
 * @param id          stable id within the target, e.g. {@code health/api-health}
 * @param project     the suite project it belongs to ({@code health}, {@code contracts}, ...)
 * @param title       human title
 * @param location    file:line or probe id, for targeted re-runs
 * @param errorMessage the real error text the check produced, null when it passed
 * @param errorStack  the stack (or the part of it that the runner gave), null when none
 * @param retry       for a failed test, how many retries failed too (it failed on each of {@code retry + 1}
 *                    attempts); for a flaky one, how many attempts failed before the one that passed
 * @param attachments paths of screenshots, traces, videos
 * @param errored     a failed test that ended in an error (an exception outside an assertion: JUnit XML's
 *                    {@code <error>}) rather than a failed assertion ({@code <failure>}); false for every other status
 */
public record TestResult(String id, String project, String title, String location, TestStatus status,
                         long durationMs, String errorMessage, String errorStack, int retry,
                         List<String> attachments, boolean errored) {

    /** A result that is not an {@link #errored()} one. */
    public TestResult(String id, String project, String title, String location, TestStatus status, long durationMs,
                      String errorMessage, String errorStack, int retry, List<String> attachments) {
        this(id, project, title, location, status, durationMs, errorMessage, errorStack, retry, attachments, false);
    }

    public TestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(status, "status");
        title = title == null ? id : title;
        location = location == null ? id : location;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        errored = errored && status.isFailure();
    }

    /** The same result with other text (redacted, say): the rest, {@link #errored()} included, is kept. */
    public TestResult withText(String title, String errorMessage, String errorStack) {
        return new TestResult(id, project, title, location, status, durationMs, errorMessage, errorStack, retry,
                attachments, errored);
    }

    public static TestResult passed(String id, String project, String title, long durationMs) {
        return new TestResult(id, project, title, id, TestStatus.PASSED, durationMs, null, null, 0, List.of());
    }

    public static TestResult failed(String id, String project, String title, long durationMs,
                                    String message, String stack, List<String> attachments) {
        return new TestResult(id, project, title, id, TestStatus.FAILED, durationMs, message, stack, 0, attachments);
    }
}
