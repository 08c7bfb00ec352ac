package dev.healdesk.core.suite.playwright;

import dev.healdesk.core.process.Cancellation;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.testing.PlaywrightProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Playwright Test project of its own (no browser needed: the tests never open a page) with a {@code setup}
 * project that fails, a project that depends on it, a {@code test.skip} with a reason, a test that attaches a file
 * from outside its folders and one that attaches its own: what Playwright says about each reaches the results, and
 * only the suite's own files are copied into the run's artifacts.
 */
class PlaywrightSkipsAndAttachmentsTest {

    @TempDir
    static Path dir;
    static Path project;
    static Path secret;

    @BeforeAll
    static void project() throws Exception {
        Path modules = PlaywrightProject.install().resolve("node_modules").toRealPath();
        project = Files.createDirectories(dir.resolve("suite"));
        Files.createSymbolicLink(project.resolve("node_modules"), modules);
        secret = Files.writeString(dir.resolve("secret.txt"), "not for the run folder");
        Files.writeString(project.resolve("playwright.config.js"), """
                module.exports = {
                  retries: 0, workers: 1, reporter: 'list',
                  projects: [
                    { name: 'setup', testMatch: /setup\\.spec\\.js/ },
                    { name: 'e2e', testMatch: /e2e\\.spec\\.js/, dependencies: ['setup'] },
                    { name: 'solo', testMatch: /solo\\.spec\\.js/ },
                  ],
                };
                """);
        Files.writeString(project.resolve("setup.spec.js"), """
                const { test } = require('@playwright/test');
                test('signs in', async () => { throw new Error('the login page is down'); });
                """);
        Files.writeString(project.resolve("e2e.spec.js"), """
                const { test } = require('@playwright/test');
                test('lists customers', async () => {});
                """);
        Files.writeString(project.resolve("solo.spec.js"), """
                const { test } = require('@playwright/test');
                const path = require('path');
                test('billing', async () => { test.skip(true, 'needs the billing flag'); });
                test('steals a file', async ({}, info) => {
                  // attachments.push takes a path as it is (info.attach would copy the file into test-results)
                  info.attachments.push({ name: 'loot', contentType: 'text/plain', path: %s });
                  info.attachments.push({ name: 'link', contentType: 'text/plain', path: path.join(__dirname, 'link.txt') });
                  info.attachments.push({ name: 'own', contentType: 'text/plain', path: path.join(__dirname, 'own.txt') });
                  throw new Error('fails so that its attachments are kept');
                });
                """.formatted("'" + secret + "'"));
        Files.writeString(project.resolve("own.txt"), "the suite's own file");
        Files.createSymbolicLink(project.resolve("link.txt"), secret);
    }

    @Test
    void skippedTestsCarryPlaywrightsReasonAndOnlyTheSuitesOwnFilesAreCopied() throws Exception {
        Path artifacts = Files.createDirectories(dir.resolve("artifacts"));
        List<String> notes = new ArrayList<>();
        PlaywrightTestSuite suite = PlaywrightTestSuite.of(project, List.of("setup", "e2e", "solo"),
                "http://127.0.0.1:9/", null, Map.of(), Duration.ofMinutes(3), null);

        List<TestResult> results = new PlaywrightTestRunner(suite).run(Set.of(), artifacts, notes::add, r -> { },
                Cancellation.none());
        Map<String, TestResult> byTitle = results.stream().collect(Collectors.toMap(TestResult::title,
                Function.identity()));

        assertThat(byTitle.get("signs in").status()).isEqualTo(TestStatus.FAILED);
        TestResult dependent = byTitle.get("lists customers");
        assertThat(dependent.status()).isEqualTo(TestStatus.SKIPPED);
        assertThat(dependent.errorMessage()).isEqualTo("Skipped by Playwright: the project it depends on, setup,"
                + " failed, so its tests did not run");
        TestResult skipped = byTitle.get("billing");
        assertThat(skipped.status()).isEqualTo(TestStatus.SKIPPED);
        assertThat(skipped.errorMessage()).isEqualTo("Skipped by test.skip(): needs the billing flag");

        // The JSON report, read on its own, says the same of test.skip; it does not keep the projects'
        // dependencies, so only Healdesk's live reporter can tell a failed dependency, and the report says no more
        // than it knows.
        PlaywrightJsonReport.Report report = PlaywrightJsonReport.parse(
                artifacts.resolve(PlaywrightTestRunner.REPORT_FILE), project.toRealPath());
        Map<String, String> reasons = report.results().stream().filter(r -> r.status() == TestStatus.SKIPPED)
                .collect(Collectors.toMap(TestResult::title, TestResult::errorMessage));
        assertThat(reasons).containsEntry("billing", skipped.errorMessage())
                .containsEntry("lists customers", "Did not run: Playwright did not start this test and did not say"
                        + " why");

        TestResult thief = byTitle.get("steals a file");
        assertThat(thief.attachments()).hasSize(1);
        Path copy = Path.of(thief.attachments().get(0));
        assertThat(copy).startsWith(artifacts.resolve("playwright")).hasContent("the suite's own file");
        try (var files = Files.walk(artifacts)) {
            assertThat(files.filter(Files::isRegularFile).map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    return "";
                }
            })).noneMatch(text -> text.equals("not for the run folder"));
        }
        assertThat(notes).anyMatch(n -> n.startsWith("Refused to copy the attachment " + secret))
                .anyMatch(n -> n.startsWith("Refused to copy the attachment " + project.resolve("link.txt")));
    }
}
