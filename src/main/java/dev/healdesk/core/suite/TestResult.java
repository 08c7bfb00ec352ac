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
 * @param attachments paths of screenshots, traces, videos
 */
public record TestResult(String id, String project, String title, String location, TestStatus status,
                         long durationMs, String errorMessage, String errorStack, int retry,
                         List<String> attachments) {
    public TestResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(status, "status");
        title = title == null ? id : title;
        location = location == null ? id : location;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static TestResult passed(String id, String project, String title, long durationMs) {
        return new TestResult(id, project, title, id, TestStatus.PASSED, durationMs, null, null, 0, List.of());
    }

    public static TestResult failed(String id, String project, String title, long durationMs,
                                    String message, String stack, List<String> attachments) {
        return new TestResult(id, project, title, id, TestStatus.FAILED, durationMs, message, stack, 0, attachments);
    }
}
