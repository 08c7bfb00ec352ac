package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.triage.FailureGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.healdesk.core.playbook.review.ReviewFixtures.FINGERPRINT;
import static dev.healdesk.core.playbook.review.ReviewFixtures.HOSTILE;
import static dev.healdesk.core.playbook.review.ReviewFixtures.HOSTILE_FIRST_LINE;
import static dev.healdesk.core.playbook.review.ReviewFixtures.MARKER;
import static dev.healdesk.core.playbook.review.ReviewFixtures.context;
import static dev.healdesk.core.playbook.review.ReviewFixtures.diagnosis;
import static dev.healdesk.core.playbook.review.ReviewFixtures.uiGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-C issue: a Markdown file always, gh issue create where configured (a recording stand-in here). */
class FileIssuePlaybookTest {
    private static final String TITLE = "[healdesk] Element not found: " + HOSTILE_FIRST_LINE;

    @TempDir
    Path dir;
    private Path runFolder;
    private Path issue;
    private final FileIssuePlaybook playbook = new FileIssuePlaybook();

    @BeforeEach
    void setUp() throws IOException {
        Files.deleteIfExists(MARKER);
        runFolder = dir.resolve("healing-results/run-20250314-093000");
        issue = runFolder.resolve("issue-" + FINGERPRINT + ".md");
    }

    @Test
    void writesTheIssueToTheRunFolderWhereGitHubIsNotConfigured() throws Exception {
        PlaybookContext ctx = context(uiGroup(HOSTILE), Optional.of(diagnosis()), Map.of(),
                Map.of("GH_TOKEN", "ghp_test"), ReviewFixtures.runnerWithoutGh(dir), runFolder, null);

        Plan plan = playbook.plan(ctx);

        assertTrue(plan.runnable(), () -> String.join("\n", plan.missing()));
        assertFalse(plan.reversible());
        assertTrue(plan.steps().stream().allMatch(s -> s.command().isEmpty()), "no command without gh");
        assertEquals("Write the issue to " + issue, plan.steps().get(0).description());
        assertTrue(plan.steps().get(1).description().contains("gh is not on the PATH"));

        Outcome outcome = playbook.apply(ctx, plan);

        assertTrue(outcome.success(), outcome.message());
        assertEquals("Issue written to " + issue, outcome.message());
        String md = Files.readString(issue);
        assertTrue(md.startsWith("# " + TITLE + "\n"), md);
        for (String part : List.of("## Failure group\n", "- Category: ui\n", "- Severity: high\n", "- Fix class: B\n",
                "- Pattern: ui-element-not-found (Element not found)\n", "- Failures: 1 test(s)\n",
                "- e2e › login submits — e2e/login-submits\n",
                "## Message\n\n````text\n" + HOSTILE + "\n````\n",
                "## Top of the stack\n\n```text\nat tests/login.spec.ts:5:38\n```\n",
                "## Diagnosis\n", "- Model: ollama / qwen2.5:7b\n",
                "- Root cause: The login button's id changed to data-test=login\n", "- Confidence: 0.82\n",
                "- Suggested playbook: propose-selector-fix\n", "data-test=\"login\"; the spec still looks for #login-btn",
                "- locator('#login-btn') timed out\n", "- the page has [data-test=login]\n",
                "## Context\n", "- Fingerprint: " + FINGERPRINT + "\n", "- Run: run-20250314-093000\n",
                "- Target: crm (http://localhost:3000)\n", "- Playbook proposed by triage: propose-selector-fix\n",
                "- Written: 2025-03-14T09:30:05Z\n")) {
            assertTrue(md.contains(part), () -> "missing " + part + " in\n" + md);
        }
        assertFalse(Files.exists(MARKER));
    }

    @Test
    void filesTheIssueWithGhWhereConfiguredAndReportsItsUrl() throws Exception {
        Path repo = ReviewFixtures.repo(dir);
        Path bin = ReviewFixtures.ghStandIn(dir);
        PlaybookContext ctx = context(uiGroup(HOSTILE), Optional.empty(), Map.of("github", true, "label", "healdesk"),
                Map.of(), ReviewFixtures.runnerWith(bin), runFolder, repo);
        List<String> argv = List.of("gh", "issue", "create", "--title", TITLE, "--body-file", issue.toString(),
                "--label", "healdesk");

        Plan plan = playbook.plan(ctx);

        assertTrue(plan.runnable(), () -> String.join("\n", plan.missing()));
        assertEquals(List.of(argv), plan.steps().stream().map(PlanStep::command).filter(c -> !c.isEmpty()).toList());

        Outcome outcome = playbook.apply(ctx, plan);

        assertTrue(outcome.success(), outcome.message());
        assertEquals("Issue filed: https://github.com/acme/crm/issues/7 (also written to " + issue + ")",
                outcome.message());
        assertEquals("https://github.com/acme/crm/issues/7", outcome.rollbackState().get("issueUrl"));
        assertEquals(List.of(argv.subList(1, argv.size())), ReviewFixtures.ghCalls(dir));
        assertEquals(Files.readString(issue), Files.readString(dir.resolve("gh-bodies.txt")));
        assertTrue(Files.readString(issue).contains(HOSTILE));
        assertFalse(Files.exists(MARKER));
    }

    @Test
    void namesTheGitHubRepositoryWhenTheTargetHasNoClone() throws Exception {
        Path bin = ReviewFixtures.ghStandIn(dir);
        PlaybookContext ctx = context(uiGroup("boom"), Optional.empty(), Map.of("repo", "acme/crm"),
                Map.of("GH_TOKEN", "ghp_test"), ReviewFixtures.runnerWith(bin), runFolder, null);

        Outcome outcome = playbook.apply(ctx, playbook.plan(ctx));

        assertTrue(outcome.success(), outcome.message());
        assertEquals(List.of(List.of("issue", "create", "--title", "[healdesk] Element not found: boom",
                "--body-file", issue.toString(), "--repo", "acme/crm")), ReviewFixtures.ghCalls(dir));
    }

    @Test
    void aGhThatFailsLeavesTheMarkdownAndAFailedOutcome() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("failing-bin"));
        Files.writeString(bin.resolve("gh"), "#!/bin/bash\necho 'HTTP 401: Bad credentials' >&2\nexit 1\n");
        Files.setPosixFilePermissions(bin.resolve("gh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        PlaybookContext ctx = context(uiGroup("boom"), Optional.empty(), Map.of("repo", "acme/crm"),
                Map.of("GH_TOKEN", "ghp_test"), ReviewFixtures.runnerWith(bin), runFolder, null);

        Outcome outcome = playbook.apply(ctx, playbook.plan(ctx));

        assertFalse(outcome.success());
        assertTrue(outcome.message().contains("HTTP 401: Bad credentials"), outcome.message());
        assertTrue(outcome.message().endsWith("The issue is written to " + issue + "."), outcome.message());
        assertTrue(Files.isRegularFile(issue));
    }

    @Test
    void aPlanSaysWhatIsMissingAndApplyRefusesIt() throws Exception {
        FailureGroup g = uiGroup("boom");
        assertMissing(context(new FailureGroup("../../x", g.classification(), g.tests(), g.message(), g.stackTop()),
                Optional.empty(), Map.of(), Map.of(), ReviewFixtures.runnerWithoutGh(dir), runFolder, null),
                "cannot name a file");
        assertMissing(context(uiGroup("boom"), Optional.empty(), Map.of("github", true), Map.of(),
                ReviewFixtures.runnerWithoutGh(dir), runFolder, null), "gh (GitHub CLI) is not on the PATH");
        Path bin = ReviewFixtures.ghStandIn(dir);
        assertMissing(context(uiGroup("boom"), Optional.empty(), Map.of("github", true), Map.of(),
                ReviewFixtures.runnerWith(bin), runFolder, null), "which GitHub repository");
        assertMissing(context(uiGroup("boom"), Optional.empty(), Map.of("github", true, "repo", "acme/../crm"),
                Map.of(), ReviewFixtures.runnerWith(bin), runFolder, null), "is not a GitHub owner/name");
        assertMissing(context(uiGroup("boom"), Optional.empty(), Map.of("github", "yes"), Map.of(),
                ReviewFixtures.runnerWith(bin), runFolder, null), "github must be true or false");
        assertEquals(List.of(), ReviewFixtures.ghCalls(dir));
        assertFalse(Files.exists(issue));
    }

    private void assertMissing(PlaybookContext ctx, String expected) {
        Plan plan = playbook.plan(ctx);
        assertFalse(plan.runnable());
        assertTrue(plan.missing().stream().anyMatch(m -> m.contains(expected)), () -> String.join("\n", plan.missing()));
        assertEquals(plan.missing(), playbook.preflight(ctx));
        PlaybookException refused = assertThrows(PlaybookException.class, () -> playbook.apply(ctx, plan));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }
}
