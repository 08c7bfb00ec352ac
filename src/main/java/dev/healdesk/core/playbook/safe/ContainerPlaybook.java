package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.Plan;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.Risk;
import dev.healdesk.core.triage.Category;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code start-container} and {@code restart-container}: a stopped or sick container behind the target (a database,
 * a browser grid) is started or restarted with the docker CLI, and its state checked with {@code docker inspect}.
 * <p>
 * The container is the {@code container} setting; without one it is read from the failure message ("No such
 * container: db", "container db is unhealthy") and used only if it is a plain name. The name runs up to the next
 * space or tab, so text glued to it ({@code db;rm}, {@code $(…)}, a line break) makes it refused, never cut.
 * <p>
 * Neither is rolled back: stopping a container that was down would bring the failure back, and a restart cannot be
 * undone.
 */
final class ContainerPlaybook extends SafePlaybook {
    private static final int DEFAULT_TIMEOUT_SECONDS = 60;
    private static final Pattern NAMED_IN_MESSAGE = Pattern.compile(
            "(?i)no such container:?[ \\t]+([^ \\t]+)|\\bcontainer[ \\t]+([^ \\t]+)[ \\t]+is\\b");

    private final String verb;

    private ContainerPlaybook(String name, String description, Risk risk, Set<Category> categories, String verb) {
        super(name, description, risk, categories);
        this.verb = verb;
    }

    static ContainerPlaybook start() {
        return new ContainerPlaybook("start-container",
                "Starts the stopped container the target depends on (docker start).",
                Risk.LOW, Set.of(Category.DATABASE, Category.INFRA), "start");
    }

    static ContainerPlaybook restart() {
        return new ContainerPlaybook("restart-container",
                "Restarts the unhealthy or out-of-memory container the target depends on (docker restart).",
                Risk.MEDIUM, Set.of(Category.INFRA), "restart");
    }

    @Override
    public Plan plan(PlaybookContext context) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        settings.program("docker", "install the Docker CLI, or put it on Healdesk's PATH");
        settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        List<PlanStep> steps = new ArrayList<>();
        String container = container(context, settings);
        if (container != null) {
            String source = context.setting("container") != null ? "from the target file" : "named in the failure";
            steps.add(PlanStep.command(capitalized(verb) + " container " + container + " (" + source + ")",
                    List.of("docker", verb, container)));
            steps.add(PlanStep.note("Then check that it runs: " + String.join(" ", inspect(container))));
        }
        return new Plan(name(), steps, settings.missing(), false);
    }

    @Override
    public Outcome apply(PlaybookContext context, Plan plan) throws PlaybookException {
        return applyPlannedCommands(context, plan, DEFAULT_TIMEOUT_SECONDS, "docker " + verb + " done");
    }

    /** The container it starts or restarts (for the protected list and the restart cooldown), else the target. */
    @Override
    public List<String> subjects(PlaybookContext context) {
        String container = container(context, new PlaybookSettings(name(), context));
        return container == null ? List.of(context.target().name()) : List.of(container);
    }

    /** The container runs, as {@code docker inspect} says. */
    @Override
    public boolean verify(PlaybookContext context, Outcome applied) {
        PlaybookSettings settings = new PlaybookSettings(name(), context);
        String container = container(context, settings);
        if (container == null) {
            return false;
        }
        try {
            CommandRunner.Result result = context.commands().run(inspect(container),
                    settings.seconds("timeoutSeconds", DEFAULT_TIMEOUT_SECONDS), null);
            return result.ok() && result.stdout().strip().equals("true");
        } catch (PlaybookException e) {
            return false;
        }
    }

    private static List<String> inspect(String container) {
        return List.of("docker", "inspect", "-f", "{{.State.Running}}", container);
    }

    /** The setting, else the name in the failure message; null (recorded as missing) when there is no safe one. */
    private static String container(PlaybookContext context, PlaybookSettings settings) {
        if (context.setting("container") != null) {
            return settings.name("container", "container", null);
        }
        Matcher m = NAMED_IN_MESSAGE.matcher(context.group().message() == null ? "" : context.group().message());
        if (!m.find()) {
            return settings.name("container", "container", null);
        }
        return settings.safe(unquoted(m.group(1) != null ? m.group(1) : m.group(2)), "container");
    }

    /** "db" and 'db' as docker and test runners quote them; anything else stays as it is, to be judged. */
    private static String unquoted(String name) {
        boolean quoted = name.length() > 2 && (name.charAt(0) == '"' || name.charAt(0) == '\'')
                && name.charAt(name.length() - 1) == name.charAt(0);
        return quoted ? name.substring(1, name.length() - 1) : name;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
