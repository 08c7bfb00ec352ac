package dev.healdesk.core.suite.junit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One project of a {@link JUnitXmlRunner}: a command that runs tests and leaves JUnit XML reports behind.
 *
 * @param project    the project name results are filed under
 * @param command    the program and its arguments, run as they are (no shell), e.g. {@code mvn -q test}
 * @param workdir    where the command runs, and what {@code reportGlob} is relative to
 * @param env        variables added to Healdesk's own environment for the command
 * @param reportGlob where the reports land, relative to {@code workdir}, e.g.
 *                   {@code target/surefire-reports/TEST-*.xml}
 * @param timeout    how long the command may run before it and everything it started are killed
 * @param selector   how the tool runs only some tests, for targeted re-runs ({@link JUnitSelector#NONE}: the whole
 *                   suite is re-run)
 */
public record JUnitXmlSuite(String project, List<String> command, Path workdir, Map<String, String> env,
                            String reportGlob, Duration timeout, JUnitSelector selector) {

    public JUnitXmlSuite(String project, List<String> command, Path workdir, Map<String, String> env,
                         String reportGlob, Duration timeout) {
        this(project, command, workdir, env, reportGlob, timeout, JUnitSelector.NONE);
    }

    public JUnitXmlSuite {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(workdir, "workdir");
        Objects.requireNonNull(reportGlob, "reportGlob");
        Objects.requireNonNull(timeout, "timeout");
        command = List.copyOf(command);
        selector = selector == null ? JUnitSelector.NONE : selector;
        env = env == null ? Map.of() : Map.copyOf(env);
        if (project.isBlank()) {
            throw new IllegalArgumentException("A suite needs a project name");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("The suite " + project + " has no command");
        }
        if (reportGlob.isBlank() || reportGlob.startsWith("/") || Path.of(reportGlob.replaceAll("[*?\\[\\]{}]", "_"))
                .normalize().startsWith("..")) {
            throw new IllegalArgumentException("The report glob of " + project + " must be relative to its working"
                    + " directory and stay inside it: " + reportGlob);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The suite " + project + " needs a positive timeout");
        }
    }
}
