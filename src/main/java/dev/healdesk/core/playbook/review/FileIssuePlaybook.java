package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.Playbook;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.playbook.SafeValues;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.FixClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Class C: a failure nobody should fix automatically (a security finding, a schema problem, an unknown) becomes an
 * issue a person picks up. It is always written as Markdown to {@code issue-<fingerprint>.md} in the run folder,
 * so the account exists even offline; where gh is configured it is also filed with
 * {@code gh issue create --title T --body-file F [--label L] [--repo R]} and the URL gh prints is the outcome.
 *
 * <p>Settings ({@code playbooks: file-issue:}): {@code github} (true / false; unset: yes when {@code GH_TOKEN} is
 * set and gh is on the PATH), {@code label} (a label that exists in the GitHub repository), {@code repo}
 * ({@code owner/name}; otherwise gh runs in the target's git repository and takes it from there).
 *
 * <p>The failure text goes to gh only inside the body file and, cut to one line, as the title argument: it never
 * reaches a shell. An issue is a record, not a change, so there is nothing to roll back.
 */
public final class FileIssuePlaybook implements Playbook {
    private static final String NAME = "file-issue";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._:/-]{0,49}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Writes the failure, its evidence and the diagnosis as a Markdown issue in the run folder, and files it"
                + " with gh where GitHub is configured.";
    }

    @Override
    public FixClass fixClass() {
        return FixClass.C;
    }

    @Override
    public Risk risk() {
        return Risk.LOW;
    }

    @Override
    public Set<Category> categories() {
        return EnumSet.allOf(Category.class);
    }

    /** The plan's steps and what is missing, computed once for preflight, plan and apply alike. */
    private record Prepared(List<Step> steps, List<String> missing, Path file) {
        List<PlanStep> shown() {
            return steps.stream().map(Step::shown).toList();
        }
    }

    @Override
    public List<String> preflight(PlaybookContext context) {
        return prepare(context).missing();
    }

    @Override
    public Plan plan(PlaybookContext context) {
        Prepared p = prepare(context);
        return new Plan(NAME, p.shown(), p.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        if (!plan.playbook().equals(NAME) || !plan.runnable()) {
            throw new PlaybookException("Not filing an issue: " + (plan.runnable() ? "the plan is "
                    + plan.playbook() + "'s" : String.join(" ", plan.missing())));
        }
        Prepared p = prepare(context);
        if (!p.missing().isEmpty() || !p.shown().equals(plan.steps())) {
            throw new PlaybookException("The settings or the tools changed since this plan was made: plan again and"
                    + " review the new one.");
        }
        StringBuilder log = new StringBuilder();
        String url = null;
        try {
            for (Step step : p.steps()) {
                String out = step.action().run();
                log.append(step.display()).append('\n').append(out.isEmpty() ? "" : out + "\n");
                if (!step.shown().command().isEmpty()) {
                    url = GitHubCli.url(out).orElseThrow(() -> new PlaybookException("gh issue create printed no"
                            + " issue URL: " + out));
                }
            }
        } catch (PlaybookException e) {
            log.append(e.getMessage()).append('\n');
            return Outcome.failed(e.getMessage() + (Files.exists(p.file()) ? " The issue is written to " + p.file()
                    + "." : ""), log.toString().strip());
        }
        Map<String, String> state = new LinkedHashMap<>();
        state.put("issueFile", p.file().toString());
        if (url != null) {
            state.put("issueUrl", url);
        }
        String message = url != null ? "Issue filed: " + url + " (also written to " + p.file() + ")"
                : "Issue written to " + p.file();
        return new Outcome(true, message, log.toString().strip(), state);
    }

    private Prepared prepare(PlaybookContext context) {
        List<String> missing = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        String fingerprint = context.group().fingerprint();
        if (!SafeValues.isName(fingerprint)) {
            missing.add("The failure group's fingerprint " + Texts.quoted(fingerprint) + " cannot name a file: only"
                    + " letters, digits, '.', '_' and '-' may.");
            return new Prepared(steps, missing, null);
        }
        Path file = context.runFolder().toAbsolutePath().normalize().resolve("issue-" + fingerprint + ".md");
        String title = title(context);
        steps.add(Step.file("Write the issue to " + file, file, out -> {
            out.write("# " + title + "\n\n");
            out.write("Filed by Healdesk for a failure group that needs a person: fix class "
                    + context.group().fixClass() + ", " + context.group().count() + " failing test(s).\n\n");
            FailureMarkdownWriter.write(out, context);
        }));

        GitHubCli.Choice gh = GitHubCli.choose(context, "github", "GitHub issue", "only the Markdown file");
        if (gh.missing() != null) {
            missing.add(gh.missing());
        }
        if (gh.note() != null) {
            steps.add(Step.local(gh.note(), () -> ""));
        }
        if (!gh.use()) {
            return new Prepared(steps, missing, file);
        }
        List<String> argv = new ArrayList<>(List.of("gh", "issue", "create", "--title", title, "--body-file",
                file.toString()));
        String label = context.setting("label");
        if (label != null) {
            if (LABEL.matcher(label).matches()) {
                argv.addAll(List.of("--label", label));
            } else {
                missing.add("label " + Texts.quoted(label) + " is not a plain label name (letters, digits, spaces and"
                        + " . _ : / -, at most 50).");
            }
        }
        String repo = context.setting("repo");
        Optional<Path> workdir = context.target().repository().map(r -> r.toAbsolutePath().normalize());
        if (repo != null) {
            if (REPO.matcher(repo).matches() && !repo.contains("..")) {
                argv.addAll(List.of("--repo", repo));
            } else {
                missing.add("repo " + Texts.quoted(repo) + " is not a GitHub owner/name.");
            }
        } else if (workdir.isEmpty()) {
            missing.add("gh cannot tell which GitHub repository to file in: set playbooks: file-issue: repo:"
                    + " owner/name, or configure the target's git repository.");
        }
        steps.add(Step.command("File the issue on GitHub" + workdir.map(w -> " (run in " + w + ")").orElse(""),
                argv, workdir.orElse(null), context.commands()));
        return new Prepared(steps, missing, file);
    }

    private static String title(PlaybookContext context) {
        String pattern = context.group().classification().patternName() != null
                ? context.group().classification().patternName() : context.group().classification().patternId();
        return Texts.oneLine("[healdesk] " + Texts.oneLine(pattern, 60) + ": "
                + Texts.firstLine(context.group().message(), 120), 160);
    }
}
