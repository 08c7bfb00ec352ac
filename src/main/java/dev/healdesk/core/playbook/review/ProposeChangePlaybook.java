package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.playbook.SafeValues;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Class B: a change a person reviews before it lands (a selector, a config value), proposed as a branch
 * {@code heal/fix-<type>-<yyyyMMdd-HHmmss>} in the target's git repository with one commit, and then either a pull
 * request ({@code gh pr create}) or a patch file in the run folder. Nothing reaches the branch the team works on.
 *
 * <p>The branch is made in a temporary {@code git worktree} inside the run folder and the worktree is removed after
 * the commit: the repository's own checkout (its current branch, its uncommitted work) is never touched, which
 * {@code git switch} could not promise on a dirty tree. Commit hooks are skipped ({@code --no-verify}) because that
 * worktree has none of the project's installed dependencies; the review and CI judge the change instead.
 *
 * <p>The change is a literal replacement in one tracked file ({@link RepoChange}), from the {@code change:} setting
 * ({@code playbooks: propose-selector-fix: change: {file, find, replace}}), where the console also puts what the
 * operator typed. A model's diagnosis is free text, so it is shown in the plan to help type the change, never
 * committed itself. Other settings: {@code base} (default: the repository's current branch), {@code remote}
 * (default {@code origin}), {@code pullRequest} (true / false; unset: a pull request when {@code GH_TOKEN} is set
 * and gh is on the PATH).
 *
 * <p>Failure text reaches git and gh only as data: inside the commit message file ({@code git commit -F}), the pull
 * request body file ({@code --body-file}) and, cut to one line, the title argument. Apply runs exactly the steps
 * the plan listed, and refuses when the repository or the settings changed since. Rollback closes the pull request
 * and deletes the branch, locally and on the remote.
 */
public final class ProposeChangePlaybook implements Playbook {

    /** What is proposed; the type is part of the branch name. */
    public enum Kind {
        SELECTOR("selector", "propose-selector-fix", "a selector fix", EnumSet.of(Category.UI)),
        CONFIG("config", "propose-config-change", "a config change",
                EnumSet.of(Category.API, Category.AUTH, Category.DATABASE, Category.DATA, Category.INFRA, Category.UI));

        private final String type;
        private final String playbook;
        private final String what;
        private final Set<Category> categories;

        Kind(String type, String playbook, String what, Set<Category> categories) {
            this.type = type;
            this.playbook = playbook;
            this.what = what;
            this.categories = categories;
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern BRANCH = Pattern.compile("heal/fix-(selector|config)-(\\d{8}-\\d{6})");
    private static final Pattern BASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,199}");

    private final Kind kind;

    public ProposeChangePlaybook(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String name() {
        return kind.playbook;
    }

    @Override
    public String description() {
        return "Proposes " + kind.what + " for review: a branch heal/fix-" + kind.type + "-<time> in the target's git"
                + " repository with the change committed, and a pull request where gh is configured, otherwise a"
                + " patch in the run folder.";
    }

    @Override
    public FixClass fixClass() {
        return FixClass.B;
    }

    /** Medium: nothing running changes, but a branch and a pull request appear where the team sees them. */
    @Override
    public Risk risk() {
        return Risk.MEDIUM;
    }

    @Override
    public Set<Category> categories() {
        return kind.categories;
    }

    /** Where the proposal goes and the argument vectors apply must recognise in the step list. */
    private record Proposal(Path repo, String base, String branch, Path worktree, String remote, String ghNote,
                            List<String> worktreeAdd, List<String> push, List<String> prCreate) {
    }

    /** The steps (or only notes) and what is missing, computed alike for preflight, plan and apply. */
    private record Prepared(List<Step> steps, List<String> missing, Proposal proposal) {
        List<PlanStep> shown() {
            return steps.stream().map(Step::shown).toList();
        }
    }

    @Override
    public List<String> preflight(PlaybookContext context) {
        return prepare(context, LocalDateTime.now(context.clock()).format(STAMP)).missing();
    }

    @Override
    public Plan plan(PlaybookContext context) {
        Prepared p = prepare(context, LocalDateTime.now(context.clock()).format(STAMP));
        return new Plan(name(), p.shown(), p.missing(), true);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        if (!plan.playbook().equals(name()) || !plan.runnable()) {
            throw new PlaybookException("Not proposing " + kind.what + ": " + (plan.runnable() ? "the plan is "
                    + plan.playbook() + "'s" : String.join(" ", plan.missing())));
        }
        Prepared p = prepare(context, plannedStamp(plan));
        if (!p.missing().isEmpty() || !p.shown().equals(plan.steps())) {
            throw new PlaybookException("The repository or the settings changed since this plan was made"
                    + (p.missing().isEmpty() ? "" : " (" + String.join(" ", p.missing()) + ")")
                    + ": plan again and review the new one.");
        }
        Proposal w = p.proposal();
        StringBuilder log = new StringBuilder();
        boolean added = false;
        boolean pushed = false;
        String url = null;
        try {
            for (Step step : p.steps()) {
                List<String> argv = step.shown().command();
                added |= argv.equals(w.worktreeAdd());
                String out = step.action().run();
                log.append(step.display()).append('\n').append(out.isEmpty() ? "" : out + "\n");
                pushed |= !argv.isEmpty() && argv.equals(w.push());
                if (!argv.isEmpty() && argv.equals(w.prCreate())) {
                    url = GitHubCli.url(out).orElseThrow(() -> new PlaybookException("gh pr create printed no pull"
                            + " request URL: " + out));
                }
            }
        } catch (PlaybookException e) {
            log.append(e.getMessage()).append('\n');
            String undone = added ? " " + undo(context, w, pushed, log) : "";
            return Outcome.failed(name() + " proposed nothing: " + e.getMessage() + undone,
                    log.toString().strip());
        }
        Map<String, String> state = new LinkedHashMap<>();
        state.put("repository", w.repo().toString());
        state.put("branch", w.branch());
        if (pushed) {
            state.put("remote", w.remote());
        }
        if (url != null) {
            state.put("pullRequest", url);
        }
        String where = url != null ? "pull request " + url : "patch " + patchFile(context, w.branch());
        return new Outcome(true, "Proposed " + kind.what + " on branch " + w.branch() + " from " + w.base() + "; "
                + where + ".", log.toString().strip(), state);
    }

    /** The proposal is in place when its branch exists. */
    @Override
    public boolean verify(PlaybookContext context, Outcome applied) {
        String repo = applied.rollbackState().get("repository");
        String branch = applied.rollbackState().get("branch");
        try {
            return repo != null && branch != null && branchExists(context, Path.of(repo), branch);
        } catch (PlaybookException e) {
            return false;
        }
    }

    /** Closes the pull request, deletes the pushed branch and the local one; goes on past a step that fails. */
    @Override
    public Outcome rollback(PlaybookContext context, Outcome applied) throws PlaybookException {
        Map<String, String> state = applied.rollbackState();
        String repo = state.get("repository");
        String branch = state.get("branch");
        if (repo == null || branch == null || !BRANCH.matcher(branch).matches()) {
            return Outcome.failed("Nothing to roll back: " + name() + " made no branch.", "");
        }
        String url = state.get("pullRequest");
        String remote = state.get("remote");
        StringBuilder log = new StringBuilder();
        boolean ok = url == null || run(context, List.of("gh", "pr", "close", url), Path.of(repo), log);
        if (remote != null) {
            ok &= run(context, List.of("git", "-C", repo, "push", remote, "--delete", branch), null, log);
        }
        if (branchExists(context, Path.of(repo), branch)) {
            ok &= run(context, List.of("git", "-C", repo, "branch", "-D", branch), null, log);
        }
        String what = "branch " + branch + (url != null ? " and pull request " + url : "");
        return ok ? Outcome.ok("Removed " + what + ".", log.toString().strip())
                : Outcome.failed("Could not remove all of " + what + ": see the output.", log.toString().strip());
    }

    /** Runs one clean-up command, logging it; false when it failed or could not start. */
    private static boolean run(PlaybookContext context, List<String> argv, Path workdir, StringBuilder log) {
        log.append("$ ").append(String.join(" ", argv)).append('\n');
        try {
            CommandRunner.Result r = context.commands().run(argv, Step.TIMEOUT, workdir);
            log.append(r.output().isEmpty() ? "" : r.output() + "\n");
            return r.ok();
        } catch (PlaybookException e) {
            log.append(e.getMessage()).append('\n');
            return false;
        }
    }

    /** The timestamp of the branch the plan showed, so apply makes that branch and no other. */
    private static String plannedStamp(Plan plan) throws PlaybookException {
        for (PlanStep step : plan.steps()) {
            int i = step.command().indexOf("-b");
            if (i >= 0 && i + 1 < step.command().size()) {
                Matcher m = BRANCH.matcher(step.command().get(i + 1));
                if (m.matches()) {
                    return m.group(2);
                }
            }
        }
        throw new PlaybookException("This plan creates no heal/fix branch: plan again.");
    }

    private Prepared prepare(PlaybookContext context, String stamp) {
        List<String> missing = new ArrayList<>();
        List<Step> notes = new ArrayList<>();
        RepoChange change = null;
        try {
            change = RepoChange.from(context.settings().get("change"), name());
        } catch (PlaybookException e) {
            missing.add(e.getMessage());
            context.diagnosis().filter(d -> !d.malformed() && d.rootCause() != null).ifPresent(d -> notes.add(
                    Step.local("The model's diagnosis, to help type the change: " + Texts.oneLine(d.rootCause(), 300)
                            + (d.explanation() == null ? "" : " — " + Texts.oneLine(d.explanation(), 600)), () -> "")));
        }
        Optional<Path> repository = context.target().repository();
        if (repository.isEmpty()) {
            missing.add("The target " + context.target().name() + " has no git repository configured: "
                    + kind.what + " is proposed as a branch there. Configure the target's repository.");
        } else if (!context.commands().onPath("git")) {
            missing.add("git is not on the PATH: install git to propose " + kind.what + ".");
        } else {
            try {
                Proposal proposal = inspect(context, repository.get().toAbsolutePath().normalize(), stamp, change,
                        missing);
                if (missing.isEmpty()) {
                    return new Prepared(steps(context, proposal, change), missing, proposal);
                }
            } catch (PlaybookException e) {
                missing.add(e.getMessage());
            }
        }
        return new Prepared(notes, missing, null);
    }

    /** Checks the repository without changing it; adds what is wrong to {@code missing}. */
    private Proposal inspect(PlaybookContext context, Path repo, String stamp, RepoChange change,
                             List<String> missing) throws PlaybookException {
        String r = repo.toString();
        if (!Files.isDirectory(repo) || !git(context, r, "rev-parse", "--git-dir").ok()) {
            missing.add(repo + " (the target's repository) is not a git repository: configure the path of a clone.");
            return null;
        }
        String base = context.setting("base");
        if (base == null) {
            CommandRunner.Result head = git(context, r, "symbolic-ref", "--quiet", "--short", "HEAD");
            if (!head.ok()) {
                missing.add(repo + " is on a detached HEAD: set playbooks: " + name() + ": base: <branch>.");
                return null;
            }
            base = head.stdout().strip();
        }
        if (!BASE.matcher(base).matches() || base.contains("..") || base.contains("//") || base.endsWith("/")
                || base.endsWith(".lock") || !branchExists(context, repo, base)) {
            missing.add("The base branch " + Texts.quoted(base) + " is not a local branch of " + repo
                    + ": set base to one.");
            return null;
        }
        for (String key : List.of("user.name", "user.email")) {
            if (!git(context, r, "config", key).ok()) {
                missing.add("git has no " + key + " for " + repo + ": set it (git config " + key + " …) so that the"
                        + " commit says who made it.");
            }
        }
        String branch = "heal/fix-" + kind.type + "-" + stamp;
        if (branchExists(context, repo, branch)) {
            missing.add("Branch " + branch + " already exists in " + repo + ": plan again in a second.");
        }
        Path worktree = context.runFolder().toAbsolutePath().normalize().resolve(slug(branch) + ".worktree");
        if (Files.exists(worktree)) {
            missing.add(worktree + " already exists: plan again in a second.");
        }
        if (change != null) {
            String entry = git(context, r, "ls-tree", base, "--", change.file()).stdout().strip();
            if (entry.isEmpty()) {
                missing.add(change.file() + " is not a file tracked on " + base + " in " + repo + ".");
            } else if (entry.startsWith("120000")) {
                missing.add("Refusing change.file " + Texts.quoted(change.file()) + ": it is a symbolic link.");
            } else if (!entry.startsWith("100644") && !entry.startsWith("100755")) {
                missing.add("Refusing change.file " + Texts.quoted(change.file()) + ": it is not a regular file.");
            }
        }
        GitHubCli.Choice gh = GitHubCli.choose(context, "pullRequest", "pull request", "a patch file in the run folder");
        if (gh.missing() != null) {
            missing.add(gh.missing());
        }
        String remote = null;
        if (gh.use()) {
            remote = context.settings().containsKey("remote") ? context.setting("remote") : "origin";
            if (!SafeValues.isName(remote) || !git(context, r, "remote", "get-url", remote).ok()) {
                missing.add("A pull request needs the branch pushed, but " + Texts.quoted(remote) + " is not a remote"
                        + " of " + repo + ": add it, set remote, or set pullRequest: false for a patch.");
            }
        }
        List<String> worktreeAdd = List.of("git", "-C", r, "worktree", "add", "-b", branch, worktree.toString(), base);
        List<String> push = gh.use() ? List.of("git", "-C", r, "push", remote, branch) : List.of();
        List<String> prCreate = gh.use() ? List.of("gh", "pr", "create", "--title", prTitle(context), "--body-file",
                prBodyFile(context, branch).toString(), "--head", branch, "--base", base) : List.of();
        return new Proposal(repo, base, branch, worktree, remote, gh.note(), worktreeAdd, push, prCreate);
    }

    private List<Step> steps(PlaybookContext context, Proposal w, RepoChange change) {
        CommandRunner runner = context.commands();
        String r = w.repo().toString();
        String wt = w.worktree().toString();
        Path message = context.runFolder().toAbsolutePath().normalize().resolve(slug(w.branch()) + ".commit.txt");
        List<Step> steps = new ArrayList<>();
        steps.add(Step.file("Write the commit message to " + message, message,
                out -> out.write(commitMessage(context, change))));
        steps.add(Step.command("Create branch " + w.branch() + " from " + w.base() + " in a temporary worktree (the"
                + " repository's own checkout is not touched)", w.worktreeAdd(), null, runner));
        steps.add(Step.local("In that worktree, replace every occurrence of " + Texts.quoted(change.find()) + " with "
                + Texts.quoted(change.replace()) + " in " + change.file(),
                () -> "replaced " + change.applyIn(w.worktree(), w.base()) + " occurrence(s)"));
        steps.add(Step.command("Stage " + change.file(), List.of("git", "-C", wt, "add", "--", change.file()), null,
                runner));
        steps.add(Step.command("Commit it (hooks skipped: the temporary worktree has no installed dependencies)",
                List.of("git", "-C", wt, "commit", "--no-verify", "-F", message.toString()), null, runner));
        steps.add(Step.command("Remove the temporary worktree; the branch stays",
                List.of("git", "-C", r, "worktree", "remove", "--force", wt), null, runner));
        if (w.prCreate().isEmpty()) {
            if (w.ghNote() != null) {
                steps.add(Step.local(w.ghNote(), () -> ""));
            }
            Path patch = patchFile(context, w.branch());
            steps.add(Step.command("Write the commit as a patch to " + patch,
                    List.of("git", "-C", r, "format-patch", "-1", "--output=" + patch, w.branch()), null, runner));
        } else {
            Path body = prBodyFile(context, w.branch());
            steps.add(Step.command("Push " + w.branch() + " to " + w.remote(), w.push(), null, runner));
            steps.add(Step.file("Write the pull request description to " + body, body,
                    out -> prBody(out, context, w, change)));
            steps.add(Step.command("Open the pull request (run in " + r + ")", w.prCreate(), w.repo(), runner));
        }
        steps.add(Step.local("If a step fails, the worktree and the branch (and a pushed branch) are removed again.",
                () -> ""));
        return steps;
    }

    /** Removes what a failed apply left: the worktree, the branch, a pushed branch. Says how that went. */
    private static String undo(PlaybookContext context, Proposal w, boolean pushed, StringBuilder log) {
        String r = w.repo().toString();
        boolean ok = !Files.exists(w.worktree())
                || run(context, List.of("git", "-C", r, "worktree", "remove", "--force", w.worktree().toString()),
                null, log);
        ok &= run(context, List.of("git", "-C", r, "branch", "-D", w.branch()), null, log);
        if (pushed) {
            ok &= run(context, List.of("git", "-C", r, "push", w.remote(), "--delete", w.branch()), null, log);
        }
        return ok ? "The branch was removed again." : "Removing the branch again failed too: see the output.";
    }

    private static boolean branchExists(PlaybookContext context, Path repo, String branch) throws PlaybookException {
        return git(context, repo.toString(), "rev-parse", "--verify", "--quiet", "refs/heads/" + branch).ok();
    }

    private static CommandRunner.Result git(PlaybookContext context, String repo, String... args)
            throws PlaybookException {
        List<String> argv = new ArrayList<>(List.of("git", "-C", repo));
        argv.addAll(List.of(args));
        return context.commands().run(argv, Step.TIMEOUT, null);
    }

    private static String slug(String branch) {
        return branch.replace('/', '-');
    }

    private static Path patchFile(PlaybookContext context, String branch) {
        return context.runFolder().toAbsolutePath().normalize().resolve(slug(branch) + ".patch");
    }

    private static Path prBodyFile(PlaybookContext context, String branch) {
        return context.runFolder().toAbsolutePath().normalize().resolve(slug(branch) + ".pr.md");
    }

    private String prTitle(PlaybookContext context) {
        FailureGroup g = context.group();
        String pattern = g.classification().patternName() != null ? g.classification().patternName()
                : g.classification().patternId();
        return Texts.oneLine("Healdesk: " + kind.what + " for " + Texts.oneLine(pattern, 60) + " — "
                + Texts.firstLine(g.message(), 80), 160);
    }

    private String commitMessage(PlaybookContext context, RepoChange change) {
        FailureGroup g = context.group();
        return "Healdesk: " + kind.what + " for " + g.classification().patternId() + "\n\n"
                + "Proposed for review by Healdesk run " + context.runId() + ": " + g.count() + " test(s) failed"
                + " with fingerprint " + g.fingerprint() + ". This commit makes the change given for "
                + name() + " in " + change.file() + ".\n\n"
                + "Failure message:\n\n" + (g.message() == null ? "" : g.message().strip()) + "\n";
    }

    private void prBody(Writer out, PlaybookContext context, Proposal w, RepoChange change) throws IOException {
        out.write("# " + prTitle(context) + "\n\n");
        out.write("Healdesk proposes this for review after " + context.group().count() + " failing test(s). It was"
                + " made from the change given for " + name() + ", not from a model's text, and has not been run"
                + " against the target yet.\n\n");
        out.write("## Change\n\n- Branch: " + w.branch() + " (from " + w.base() + ")\n- File: " + change.file()
                + "\n\nEvery occurrence of\n\n");
        FailureMarkdownWriter.fenced(out, change.find());
        out.write("\nis replaced by\n\n");
        FailureMarkdownWriter.fenced(out, change.replace());
        out.write("\n");
        FailureMarkdownWriter.write(out, context);
    }
}
