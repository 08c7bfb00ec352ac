package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.FailureServices;
import dev.healdesk.core.playbook.Outcome;
import dev.healdesk.core.playbook.PlanStep;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.SafeValues;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command from a playbook's settings in the target file ({@code command: [prog, arg, ...]}, optional
 * {@code timeoutSeconds} and {@code workdir}), run as that argument vector. The one value from a failure it may take is
 * {@code {service}}, the host the failure names, and only once {@link SafeValues} accepts it; anything else in the
 * failure never reaches it. A string instead of a list is refused: it would need a shell to split.
 */
final class ConfiguredCommand {

    static final String SERVICE = "{service}";

    private final List<String> argv;
    private final Duration timeout;
    private final Path workdir;
    private final List<String> missing;

    private ConfiguredCommand(List<String> argv, Duration timeout, Path workdir, List<String> missing) {
        this.argv = List.copyOf(argv);
        this.timeout = timeout;
        this.workdir = workdir;
        this.missing = List.copyOf(missing);
    }

    /** The command {@code playbook}'s settings give, or empty when they give none. */
    static Optional<ConfiguredCommand> of(PlaybookContext context, String playbook) {
        Object raw = context.settings().get("command");
        if (raw == null) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        List<String> argv = new ArrayList<>();
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            missing.add("playbooks." + playbook + ".command must be a list of arguments, e.g. [systemctl, restart,"
                    + " api]; a command line as one string would need a shell, which Healdesk never uses");
        } else {
            for (Object arg : list) {
                argv.add(substitute(String.valueOf(arg), context, missing));
            }
        }
        Duration timeout = context.commands().defaultTimeout();
        String seconds = context.setting("timeoutSeconds");
        if (seconds != null) {
            if (seconds.matches("\\d{1,4}") && Integer.parseInt(seconds) > 0) {
                timeout = Duration.ofSeconds(Integer.parseInt(seconds));
            } else {
                missing.add("playbooks." + playbook + ".timeoutSeconds must be a whole number of seconds from 1 to"
                        + " 9999, was '" + seconds + "'");
            }
        }
        String dir = context.setting("workdir");
        Path workdir = dir == null ? null : Path.of(dir);
        if (workdir != null && !Files.isDirectory(workdir)) {
            missing.add("playbooks." + playbook + ".workdir " + workdir + " is not a folder");
        }
        if (!argv.isEmpty() && !found(argv.get(0), context.commands())) {
            missing.add(argv.get(0) + " is not found" + (argv.get(0).contains("/") ? "" : " on the PATH")
                    + ": install it or give its full path in playbooks." + playbook + ".command");
        }
        return Optional.of(new ConfiguredCommand(argv, timeout, workdir, missing));
    }

    private static String substitute(String arg, PlaybookContext context, List<String> missing) {
        if (!arg.contains(SERVICE)) {
            return arg;
        }
        Optional<FailureServices.Service> service = FailureServices.of(context.group().message());
        if (service.isEmpty()) {
            missing.add("the command takes " + SERVICE + " but the failure names no service");
            return arg;
        }
        try {
            return arg.replace(SERVICE, SafeValues.name(service.get().host(), "service"));
        } catch (PlaybookException e) {
            missing.add(e.getMessage());
            return arg;
        }
    }

    private static boolean found(String program, CommandRunner commands) {
        return program.contains("/") ? Files.isExecutable(Path.of(program)) : commands.onPath(program);
    }

    List<String> missing() {
        return missing;
    }

    PlanStep step(String description) {
        return PlanStep.command(description + " (killed after " + timeout.toSeconds() + " s"
                + (workdir == null ? "" : ", in " + workdir) + ")", argv);
    }

    /** Runs it; a non-zero exit or a timeout is a failed outcome with what the command printed. */
    Outcome run(CommandRunner commands, String what) throws PlaybookException {
        CommandRunner.Result r = commands.run(argv, timeout, workdir);
        if (r.ok()) {
            return Outcome.ok(what + " (" + argv.get(0) + " exited 0 in " + r.durationMs() + " ms)", r.output());
        }
        if (r.timedOut()) {
            return Outcome.failed(r.stderr(), r.output());
        }
        return Outcome.failed(argv.get(0) + " exited " + r.exitCode(), r.output());
    }
}
