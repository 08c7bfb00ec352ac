package dev.healdesk.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One declaration of a run's flags: what schedule passes on is what run reads. */
class RunFlagsTest {

    private static RunFlags parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run.flags;
    }

    @Test
    void theFlagsGivenArePassedOnAsRunReadsThem() {
        RunFlags flags = parse("--target=shop.yaml", "--projects=api,ui", "--dry-run", "--skip-llm=false",
                "--max-fixes=2", "--approve=none", "--results-dir=out");
        assertThat(flags.asArguments()).containsExactly(
                "--target=" + Path.of("shop.yaml").toAbsolutePath().normalize(), "--projects=api,ui", "--dry-run",
                "--skip-llm=false", "--max-fixes=2", "--approve=none",
                "--results-dir=" + Path.of("out").toAbsolutePath().normalize());
        RunFlags again = parse(flags.asArguments().toArray(String[]::new));
        assertThat(again.asArguments()).isEqualTo(flags.asArguments());
    }

    @Test
    void flagsNotGivenAreNotPassedOn() {
        assertThat(parse("--target=sandbox").asArguments()).containsExactly("--target=sandbox");
        assertThat(parse().asArguments()).isEmpty();
    }

    @Test
    void scheduleRefusesAMistypedRunFlagWhenItIsGiven() {
        CommandLine schedule = new CommandLine(new ScheduleCommand());
        assertThatThrownBy(() -> schedule.parseArgs("install", "--max-fixes=two"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--max-fixes");
    }
}
