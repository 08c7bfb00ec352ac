package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.healdesk.core.playbook.review.ReviewFixtures.CONFIG;
import static dev.healdesk.core.playbook.review.ReviewFixtures.HOSTILE;
import static dev.healdesk.core.playbook.review.ReviewFixtures.HOSTILE_FIRST_LINE;
import static dev.healdesk.core.playbook.review.ReviewFixtures.MARKER;
import static dev.healdesk.core.playbook.review.ReviewFixtures.SPEC;
import static dev.healdesk.core.playbook.review.ReviewFixtures.STAMP;
import static dev.healdesk.core.playbook.review.ReviewFixtures.context;
import static dev.healdesk.core.playbook.review.ReviewFixtures.diagnosis;
import static dev.healdesk.core.playbook.review.ReviewFixtures.exec;
import static dev.healdesk.core.playbook.review.ReviewFixtures.git;
import static dev.healdesk.core.playbook.review.ReviewFixtures.uiGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class-B proposals against real git repositories, with a recording stand-in for gh. */
class ProposeChangePlaybookTest {
    private static final String SELECTOR_BRANCH = "heal/fix-selector-" + STAMP;
    private static final Map<String, Object> SELECTOR_CHANGE = Map.of("change", Map.of(
            "file", "tests/login.spec.ts", "find", "#login-btn", "replace", "[data-test=login]"));

    @TempDir
    Path dir;
    private Path repo;
    private Path runFolder;
    private final ProposeChangePlaybook selector = new ProposeChangePlaybook(ProposeChangePlaybook.Kind.SELECTOR);

    @BeforeEach
    void setUp() throws IOException {
        Files.deleteIfExists(MARKER);
        repo = ReviewFixtures.repo(dir);
        runFolder = dir.resolve("healing-results/run-20250314-093000");
    }

    private PlaybookContext withoutGh(Map<String, Object> settings) throws IOException {
        return context(uiGroup(HOSTILE), Optional.empty(), settings, Map.of(), ReviewFixtures.runnerWithoutGh(dir),
                runFolder, repo);
    }

    private static List<List<String>> commands(Plan plan) {
        return plan.steps().stream().map(PlanStep::command).filter(c -> !c.isEmpty()).toList();
    }

    @Test
    void proposesASelectorFixOnABranchAndWritesAPatchWhenGhIsAbsent() throws Exception {
        Files.writeString(repo.resolve("playwright.config.ts"), CONFIG + "// work in progress\n");
        String headBefore = git(repo, "rev-parse", "HEAD");
        String statusBefore = git(repo, "status", "--porcelain");
        PlaybookContext ctx = withoutGh(SELECTOR_CHANGE);

        Plan plan = selector.plan(ctx);

        assertTrue(plan.runnable(), () -> String.join("\n", plan.missing()));
        assertTrue(plan.reversible());
        String r = repo.toString();
        String wt = runFolder.resolve("heal-fix-selector-" + STAMP + ".worktree").toString();
        String message = runFolder.resolve("heal-fix-selector-" + STAMP + ".commit.txt").toString();
        Path patch = runFolder.resolve("heal-fix-selector-" + STAMP + ".patch");
        assertEquals(List.of(
                List.of("git", "-C", r, "worktree", "add", "-b", SELECTOR_BRANCH, wt, "main"),
                List.of("git", "-C", wt, "add", "--", "tests/login.spec.ts"),
                List.of("git", "-C", wt, "commit", "--no-verify", "-F", message),
                List.of("git", "-C", r, "worktree", "remove", "--force", wt),
                List.of("git", "-C", r, "format-patch", "-1", "--output=" + patch, SELECTOR_BRANCH)), commands(plan));
        assertTrue(plan.steps().stream().anyMatch(s -> s.description().contains("gh is not on the PATH")));

        Outcome outcome = selector.apply(ctx, plan);

        assertTrue(outcome.success(), outcome.message() + "\n" + outcome.output());
        assertEquals(SELECTOR_BRANCH, outcome.rollbackState().get("branch"));
        assertEquals(SPEC.replace("#login-btn", "[data-test=login]"),
                git(repo, "show", SELECTOR_BRANCH + ":tests/login.spec.ts"));
        assertEquals("tests/login.spec.ts\n", git(repo, "diff", "--name-only", "main", SELECTOR_BRANCH));
        String commitMessage = git(repo, "log", "-1", "--format=%B", SELECTOR_BRANCH);
        assertTrue(commitMessage.startsWith("Healdesk: a selector fix for ui-element-not-found\n"), commitMessage);
        assertTrue(commitMessage.contains(HOSTILE), "the failure message is in the commit as text: " + commitMessage);
        assertEquals(headBefore, git(repo, "rev-parse", "main"));

        // the operator's checkout is as it was: same branch, same commit, uncommitted work kept, one worktree
        assertEquals("main\n", git(repo, "symbolic-ref", "--short", "HEAD"));
        assertEquals(headBefore, git(repo, "rev-parse", "HEAD"));
        assertEquals(statusBefore, git(repo, "status", "--porcelain"));
        assertEquals(CONFIG + "// work in progress\n", Files.readString(repo.resolve("playwright.config.ts")));
        assertEquals(SPEC, Files.readString(repo.resolve("tests/login.spec.ts")));
        assertEquals(1, git(repo, "worktree", "list", "--porcelain").lines().filter(l -> l.startsWith("worktree ")).count());
        assertFalse(Files.exists(Path.of(wt)));

        assertTrue(Files.isRegularFile(patch));
        assertEquals(0, exec(repo, "apply", "--check", patch.toString()).exit(), "the patch applies to the original");
        assertTrue(selector.verify(ctx, outcome));
        assertFalse(Files.exists(MARKER));

        Outcome undone = selector.rollback(ctx, outcome);

        assertTrue(undone.success(), undone.output());
        assertEquals("", git(repo, "branch", "--list", "heal/*"));
        assertFalse(selector.verify(ctx, outcome));
        assertEquals("main\n", git(repo, "symbolic-ref", "--short", "HEAD"));
    }

    @Test
    void opensAPullRequestThroughGhWhenGhTokenIsSetAndClosesItOnRollback() throws Exception {
        Path origin = ReviewFixtures.origin(dir, repo);
        Path bin = ReviewFixtures.ghStandIn(dir);
        PlaybookContext ctx = context(uiGroup(HOSTILE), Optional.of(diagnosis()), SELECTOR_CHANGE,
                Map.of("GH_TOKEN", "ghp_test"), ReviewFixtures.runnerWith(bin), runFolder, repo);
        Path body = runFolder.resolve("heal-fix-selector-" + STAMP + ".pr.md");
        String title = "Healdesk: a selector fix for Element not found — " + HOSTILE_FIRST_LINE;
        List<String> prCreate = List.of("gh", "pr", "create", "--title", title, "--body-file", body.toString(),
                "--head", SELECTOR_BRANCH, "--base", "main");

        Plan plan = selector.plan(ctx);

        assertTrue(plan.runnable(), () -> String.join("\n", plan.missing()));
        List<List<String>> commands = commands(plan);
        assertEquals(List.of("git", "-C", repo.toString(), "push", "origin", SELECTOR_BRANCH),
                commands.get(commands.size() - 2));
        assertEquals(prCreate, commands.get(commands.size() - 1));

        Outcome outcome = selector.apply(ctx, plan);

        assertTrue(outcome.success(), outcome.message() + "\n" + outcome.output());
        assertEquals("https://github.com/acme/crm/pull/42", outcome.rollbackState().get("pullRequest"));
        assertTrue(outcome.message().contains("https://github.com/acme/crm/pull/42"), outcome.message());
        assertEquals(List.of(prCreate.subList(1, prCreate.size())), ReviewFixtures.ghCalls(dir));
        String sentBody = Files.readString(dir.resolve("gh-bodies.txt"));
        assertEquals(Files.readString(body), sentBody);
        assertTrue(sentBody.contains("````text\n" + HOSTILE + "\n````\n"), sentBody);
        assertTrue(sentBody.contains("The login button's id changed to data-test=login"), sentBody);
        assertEquals(git(repo, "rev-parse", SELECTOR_BRANCH), git(origin, "rev-parse", SELECTOR_BRANCH));
        assertFalse(Files.exists(MARKER));

        Outcome undone = selector.rollback(ctx, outcome);

        assertTrue(undone.success(), undone.output());
        assertEquals(List.of("pr", "close", "https://github.com/acme/crm/pull/42"), ReviewFixtures.ghCalls(dir).get(1));
        assertEquals("", git(origin, "branch", "--list", "heal/*"));
        assertEquals("", git(repo, "branch", "--list", "heal/*"));
    }

    @Test
    void proposesAConfigChangeOnAHealFixConfigBranch() throws Exception {
        ProposeChangePlaybook config = new ProposeChangePlaybook(ProposeChangePlaybook.Kind.CONFIG);
        PlaybookContext ctx = withoutGh(Map.of("pullRequest", false, "change", Map.of(
                "file", "playwright.config.ts", "find", "retries: 0,", "replace", "retries: 2,")));

        Outcome outcome = config.apply(ctx, config.plan(ctx));

        assertTrue(outcome.success(), outcome.message() + "\n" + outcome.output());
        assertEquals("heal/fix-config-" + STAMP, outcome.rollbackState().get("branch"));
        assertEquals(CONFIG.replace("retries: 0,", "retries: 2,"),
                git(repo, "show", "heal/fix-config-" + STAMP + ":playwright.config.ts"));
        assertTrue(git(repo, "log", "-1", "--format=%s", "heal/fix-config-" + STAMP)
                .startsWith("Healdesk: a config change for ui-element-not-found"));
        assertTrue(Files.isRegularFile(runFolder.resolve("heal-fix-config-" + STAMP + ".patch")));
    }

    @Test
    void refusesChangePathsThatLeaveTheRepositoryOrPointAtALink() throws Exception {
        Files.writeString(dir.resolve("outside.txt"), "#login-btn\n");
        Files.createSymbolicLink(repo.resolve("tests/link.spec.ts"), Path.of("../../outside.txt"));
        git(repo, "add", "tests/link.spec.ts");
        git(repo, "commit", "-q", "-m", "A link out of the repository");
        Files.createSymbolicLink(repo.resolve("linked"), dir);
        for (String file : List.of("../outside.txt", "tests/../../outside.txt", dir.resolve("outside.txt").toString(),
                ".git/config", "tests/link.spec.ts", "linked/outside.txt", "tests/*.ts", "tests/login.spec.ts\n")) {
            PlaybookContext ctx = withoutGh(Map.of("change", Map.of("file", file, "find", "#login-btn",
                    "replace", "x")));

            Plan plan = selector.plan(ctx);

            assertFalse(plan.runnable(), file);
            assertTrue(commands(plan).isEmpty(), file);
            String missing = String.join("\n", plan.missing());
            assertTrue(missing.contains("Refusing") || missing.contains("not a file tracked"), missing);
            assertThrows(PlaybookException.class, () -> selector.apply(ctx, plan));
        }
        assertEquals("#login-btn\n", Files.readString(dir.resolve("outside.txt")));
        assertEquals("", git(repo, "branch", "--list", "heal/*"));
    }

    @Test
    void aPlanSaysWhatIsMissingAndApplyRefusesIt() throws Exception {
        CommandRunner noGh = ReviewFixtures.runnerWithoutGh(dir);
        PlaybookContext noRepo = context(uiGroup("boom"), Optional.empty(), SELECTOR_CHANGE, Map.of(), noGh,
                runFolder, null);
        assertMissing(noRepo, "has no git repository configured");

        PlaybookContext noChange = context(uiGroup("boom"), Optional.of(diagnosis()), Map.of(), Map.of(), noGh,
                runFolder, repo);
        Plan plan = assertMissing(noChange, "No change to propose");
        assertTrue(plan.steps().get(0).description().contains("The login button's id changed to data-test=login"));

        Path notARepo = Files.createDirectories(dir.resolve("plain"));
        assertMissing(context(uiGroup("boom"), Optional.empty(), SELECTOR_CHANGE, Map.of(), noGh, runFolder,
                notARepo), "is not a git repository");

        Map<String, Object> wantsPr = Map.of("pullRequest", true, "change", SELECTOR_CHANGE.get("change"));
        assertMissing(context(uiGroup("boom"), Optional.empty(), wantsPr, Map.of(), noGh, runFolder, repo),
                "gh (GitHub CLI) is not on the PATH");
        assertMissing(context(uiGroup("boom"), Optional.empty(), wantsPr, Map.of(),
                ReviewFixtures.runnerWith(ReviewFixtures.ghStandIn(dir)), runFolder, repo), "is not a remote");

        assertMissing(context(uiGroup("boom"), Optional.empty(), Map.of("change", Map.of("file",
                "tests/login.spec.ts", "find", "#login-btn")), Map.of(), noGh, runFolder, repo), "change.replace");
        assertMissing(context(uiGroup("boom"), Optional.empty(), Map.of("base", "release", "change",
                SELECTOR_CHANGE.get("change")), Map.of(), noGh, runFolder, repo), "is not a local branch");
        assertEquals(List.of(), ReviewFixtures.ghCalls(dir));
    }

    private Plan assertMissing(PlaybookContext ctx, String expected) {
        Plan plan = selector.plan(ctx);
        assertFalse(plan.runnable());
        assertTrue(plan.missing().stream().anyMatch(m -> m.contains(expected)), () -> String.join("\n", plan.missing()));
        assertEquals(plan.missing(), selector.preflight(ctx));
        PlaybookException refused = assertThrows(PlaybookException.class, () -> selector.apply(ctx, plan));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
        return plan;
    }

    @Test
    void applyRefusesAPlanWhoseSettingsChangedSince() throws Exception {
        Plan plan = selector.plan(withoutGh(SELECTOR_CHANGE));
        PlaybookContext changed = withoutGh(Map.of("change", Map.of(
                "file", "tests/login.spec.ts", "find", "#login-btn", "replace", "#something-else")));

        PlaybookException refused = assertThrows(PlaybookException.class, () -> selector.apply(changed, plan));

        assertTrue(refused.getMessage().contains("changed since this plan was made"), refused.getMessage());
        assertEquals("", git(repo, "branch", "--list", "heal/*"));
    }

    @Test
    void aFindThatIsNotInTheFileFailsAndLeavesNoBranchBehind() throws Exception {
        PlaybookContext ctx = withoutGh(Map.of("change", Map.of(
                "file", "tests/login.spec.ts", "find", "#no-such-button", "replace", "#x")));

        Outcome outcome = selector.apply(ctx, selector.plan(ctx));

        assertFalse(outcome.success());
        assertTrue(outcome.message().contains("does not occur in tests/login.spec.ts"), outcome.message());
        assertTrue(outcome.message().contains("The branch was removed again."), outcome.message());
        assertEquals("", git(repo, "branch", "--list", "heal/*"));
        assertEquals(1, git(repo, "worktree", "list", "--porcelain").lines().filter(l -> l.startsWith("worktree ")).count());
        assertNotEquals("", git(repo, "rev-parse", "HEAD"));
        assertEquals("", git(repo, "status", "--porcelain"));
    }
}
