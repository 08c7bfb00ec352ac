package dev.healdesk.core.suite.playwright;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a Playwright test's attempts into one {@link TestResult}, the same way whether they come from the JSON report
 * or from Healdesk's live reporter, so that both give equal results for the same test.
 */
final class PlaywrightResults {

    /** How much of an error's message or stack is kept: what triage reads is the top. */
    static final int MAX_TEXT_CHARS = 64 * 1024;
    /** Between the titles of a test's describe blocks and its own, as Playwright's reporters print them. */
    static final String TITLE_SEPARATOR = " › ";

    private PlaywrightResults() {
    }

    /**
     * One run of a test.
     *
     * @param status      Playwright's result status: passed, failed, timedOut, skipped or interrupted
     * @param attachments paths of the files attached to the attempt (screenshot, trace, video)
     */
    record Attempt(String status, long durationMs, int retry, String message, String stack, List<String> attachments) {
        Attempt {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    /**
     * The result of a test that will not run again.
     *
     * @param file     the spec file, relative to the project folder (what {@code npx playwright test FILE:LINE} takes)
     * @param titles   the titles of its describe blocks, then its own
     * @param outcome  Playwright's outcome: expected, unexpected, flaky or skipped
     * @param attempts its runs, first to last (none for a test that never started)
     */
    static TestResult toResult(String project, String file, int line, List<String> titles, String expectedStatus,
                               String outcome, List<Attempt> attempts) {
        return toResult(project, file, line, titles, expectedStatus, outcome, attempts, null);
    }

    /**
     * As above, with why Playwright skipped the test or did not run it ({@link #skipReason}, {@link #notRunReason}),
     * or null when it does not say.
     */
    static TestResult toResult(String project, String file, int line, List<String> titles, String expectedStatus,
                               String outcome, List<Attempt> attempts, String skipReason) {
        String title = String.join(TITLE_SEPARATOR, titles);
        String id = project + "/" + file + ":" + title;
        String location = file + ":" + line;
        long duration = attempts.stream().mapToLong(Attempt::durationMs).sum();
        Set<String> attachments = new LinkedHashSet<>();
        attempts.forEach(a -> attachments.addAll(a.attachments()));
        Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        int retry = last == null ? 0 : last.retry();
        TestStatus status;
        String message = null;
        String stack = null;
        switch (outcome == null ? "" : outcome) {
            case "expected" -> status = TestStatus.PASSED;
            case "flaky" -> {
                status = TestStatus.FLAKY;
                Attempt failed = attempts.stream().filter(a -> a.message() != null).findFirst().orElse(null);
                if (failed != null) {
                    message = failed.message();
                    stack = failed.stack();
                }
            }
            case "unexpected" -> {
                status = last != null && "timedOut".equals(last.status()) ? TestStatus.TIMED_OUT : TestStatus.FAILED;
                if (last != null && last.message() != null) {
                    message = last.message();
                    stack = last.stack();
                } else {
                    message = "Expected the test to end " + expectedStatus + " but it ended "
                            + (last == null ? "without running" : last.status());
                }
            }
            default -> {
                status = TestStatus.SKIPPED;
                if (last != null && "interrupted".equals(last.status())) {
                    message = "Interrupted: the run stopped while this test ran";
                } else if (skipReason != null) {
                    message = skipReason;
                } else if (last == null && !"skipped".equals(expectedStatus)) {
                    message = "Did not run: Playwright did not start this test and did not say why";
                }
            }
        }
        return new TestResult(id, project, title, location, status, duration, message, stack, retry,
                new ArrayList<>(attachments));
    }

    /**
     * Why a test was skipped, from its annotations ({@code test.skip(cond, 'why')}, {@code test.fixme()}), or null.
     *
     * @param annotations pairs of type and description (the description may be null)
     */
    static String skipReason(List<Map.Entry<String, String>> annotations) {
        for (Map.Entry<String, String> a : annotations) {
            String type = a.getKey();
            if ("skip".equals(type) || "fixme".equals(type)) {
                String why = a.getValue() == null || a.getValue().isBlank() ? null : clean(a.getValue());
                return "Skipped by test." + type + "()" + (why == null ? "" : ": " + why);
            }
        }
        return null;
    }

    /**
     * Why Playwright ran a test not at all, by its own rules (runner/tasks.js and dispatcher.js): a project runs only
     * when every project it depends on (directly or further up) had no unexpected result; once {@code maxFailures}
     * tests failed nothing more starts; an interrupt or the global timeout stops what has not started.
     *
     * @param dependencies each project's {@code dependencies}, by name
     * @param failed       the projects with an unexpected result
     * @param runStatus    the run's end status as Playwright gives it ({@code interrupted}, {@code timedout}, ...),
     *                     or null
     */
    static String notRunReason(String project, Map<String, List<String>> dependencies, Set<String> failed,
                               int maxFailures, int failures, String runStatus) {
        String dependency = failedDependency(project, dependencies, failed, new java.util.HashSet<>());
        if (dependency != null) {
            return "Skipped by Playwright: the project it depends on, " + dependency + ", failed, so its tests did not"
                    + " run";
        }
        if (maxFailures > 0 && failures >= maxFailures) {
            return "Skipped by Playwright: the run stopped starting tests after " + failures + " failure"
                    + (failures == 1 ? "" : "s") + " (its maxFailures limit is " + maxFailures + ")";
        }
        if ("interrupted".equals(runStatus)) {
            return "Did not run: the run was interrupted before this test started";
        }
        if ("timedout".equals(runStatus)) {
            return "Did not run: the run's global timeout ran out before this test started";
        }
        return null;
    }

    private static String failedDependency(String project, Map<String, List<String>> dependencies, Set<String> failed,
                                           Set<String> seen) {
        for (String dep : dependencies.getOrDefault(project, List.of())) {
            if (!seen.add(dep)) {
                continue;
            }
            if (failed.contains(dep)) {
                return dep;
            }
            String further = failedDependency(dep, dependencies, failed, seen);
            if (further != null) {
                return dep + " (through " + further + ")";
            }
        }
        return null;
    }

    /** {@code text} without ANSI colour codes and cut to {@link #MAX_TEXT_CHARS}; null stays null. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String plain = dev.healdesk.core.suite.TerminalText.plain(text);
        plain = plain.strip();
        if (plain.isEmpty()) {
            return null;
        }
        return plain.length() > MAX_TEXT_CHARS ? plain.substring(0, MAX_TEXT_CHARS) + "\n..." : plain;
    }

    /**
     * {@code file} (absolute, or relative to {@code base}) relative to {@code projectDir}, with forward slashes: the
     * form a user passes to {@code npx playwright test} in that folder. A file outside the folder keeps its absolute
     * path; with no project folder the file stays as given.
     */
    static String relativeFile(String file, Path base, Path projectDir) {
        if (file == null || file.isEmpty()) {
            return "";
        }
        try {
            Path path = Path.of(file);
            if (!path.isAbsolute()) {
                if (base == null) {
                    return file.replace('\\', '/');
                }
                path = base.resolve(path);
            }
            path = path.normalize();
            if (projectDir != null && path.startsWith(projectDir)) {
                path = projectDir.relativize(path);
            }
            return path.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return file;
        }
    }
}
