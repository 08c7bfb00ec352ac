package dev.healdesk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A CLI process builds only the command it runs (its start-up), while the help and the messages for a mistyped
 * command still know every command.
 */
class CliCommandTreeTest {

    @Test
    void aProcessThatRunsOneCommandBuildsOnlyThatCommand() {
        CommandLine cmd = Cli.commandLine(null, new String[] {"history", "--limit=5"});
        assertEquals(Set.of("history"), cmd.getSubcommands().keySet());
        // Its own subcommands come with it.
        assertTrue(cmd.getSubcommands().get("history").getSubcommands().containsKey("copy"));
    }

    @Test
    void eachCommandNameBuildsTheCommandOfThatName() {
        for (String name : Cli.COMMANDS) {
            CommandLine sub = Cli.commandLine(null, new String[] {name}).getSubcommands().get(name);
            assertEquals(name, sub.getCommandSpec().userObject().getClass().getAnnotation(CommandLine.Command.class)
                    .name(), "the command built for '" + name + "'");
            assertEquals("healdesk " + name, sub.getCommandSpec().qualifiedName());
        }
    }

    @Test
    void benchIsHandedTheConsolesTokenFigure() {
        ConsoleBenchmark tokens = (PrintWriter out) -> out.println("tokens");
        CommandLine cmd = Cli.commandLine(tokens, new String[] {"bench", "--only=tokens"});
        assertSame(tokens, ((BenchCommand) cmd.getSubcommands().get("bench").getCommand()).tokenLatency);
    }

    @Test
    void theHelpStillListsEveryCommand() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.code(), help.err());
        for (String name : Cli.COMMANDS) {
            assertTrue(help.out().contains("\n  " + name + " "), name + " in:\n" + help.out());
        }
        assertTrue(help.out().contains("\n  help "), help.out());

        CliRun helpOfOne = CliRun.of("help", "history");
        assertEquals(0, helpOfOne.code(), helpOfOne.err());
        assertTrue(helpOfOne.out().contains("--limit"), helpOfOne.out());
    }

    @Test
    void aLoneVersionFlagBuildsNoCommandAndPrintsTheVersion() {
        assertEquals(Set.of(), Cli.commandLine(null, new String[] {"--version"}).getSubcommands().keySet());
        for (String flag : new String[] {"--version", "-V"}) {
            CliRun version = CliRun.of(flag);
            assertEquals(0, version.code(), version.err());
            assertEquals("Healdesk 0.1.0", version.out().strip());
        }
        // with anything beside it, the whole tree as before
        assertEquals(Set.copyOf(Cli.COMMANDS), Cli.commandLine(null, new String[] {"--version", "--help"})
                .getSubcommands().keySet().stream().filter(n -> !n.equals("help")).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void noOptionOfAnyCommandHasATypeWhoseConverterPicocliIsToldToLeaveOut() {
        // Cli sets picocli.converters.excludes (java.time's and java.sql's types) when it builds a command line
        CommandLine all = Cli.commandLine(null, new String[] {"--help"});
        List<java.util.regex.Pattern> excluded = java.util.Arrays.stream(Cli.EXCLUDED_CONVERTERS.split(","))
                .map(java.util.regex.Pattern::compile).toList();
        List<String> checked = new java.util.ArrayList<>();
        java.util.Deque<CommandLine> todo = new java.util.ArrayDeque<>(List.of(all));
        while (!todo.isEmpty()) {
            CommandLine c = todo.pop();
            todo.addAll(c.getSubcommands().values());
            for (CommandLine.Model.ArgSpec arg : c.getCommandSpec().args()) {
                List<Class<?>> types = new java.util.ArrayList<>(List.of(arg.type()));
                types.addAll(List.of(arg.auxiliaryTypes()));
                for (Class<?> type : types) {
                    checked.add(type.getName());
                    assertTrue(excluded.stream().noneMatch(p -> p.matcher(type.getName()).matches()),
                            c.getCommandSpec().qualifiedName() + " " + arg + ": " + type.getName());
                }
            }
        }
        // the walk reached the commands' options (paths, numbers, lists)
        assertTrue(checked.contains("java.nio.file.Path") && checked.contains("int"), checked.toString());
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatNamesIt() {
        CliRun typo = CliRun.of("histroy", "--limit=5");
        assertEquals(Cli.USAGE, typo.code());
        assertTrue(typo.err().contains("'histroy'") && typo.err().contains("healdesk --help"), typo.err());
    }
}
