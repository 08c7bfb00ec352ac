package dev.healdesk.cli;

import dev.healdesk.core.config.FileTarget;
import dev.healdesk.core.config.Targets;
import dev.healdesk.core.run.RunOptions;
import dev.healdesk.core.run.Target;
import dev.healdesk.core.session.ShardedRuns;
import dev.healdesk.core.triage.PatternCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code healdesk merge DIR...}: the folders that {@code healdesk run --shard=i/N} left, one per shard, made into one
 * run, which is then triaged, healed, recorded and reported once, as {@code healdesk run} does with its own results.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the shard folders that 'healdesk run --shard=i/N' left (all N of them) into one run:"
                + " the Playwright blob reports with Playwright's merge-reports, then triage, healing, the record and"
                + " the report once, as 'healdesk run' does. A verification re-runs failing tests on this machine.",
                "Exit codes: as 'healdesk run'; 2 also when a folder is not a shard, the shards are of different"
                        + " targets or one is missing."})
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "The shard folders, one per shard.")
    List<Path> dirs = new ArrayList<>();

    /** As 'healdesk run' takes them; --target defaults to the target file the shards ran. */
    @Mixin
    RunFlags flags = new RunFlags();

    @Option(names = "--db", paramLabel = "FILE|URL", description = "History database: a SQLite file or"
            + " postgresql://host:port/database (default <results-dir>/healdesk.db; env HEALDESK_DB).")
    String db;

    @Option(names = "--patterns", paramLabel = "FILE", description = "Your own patterns.json, merged over the built-in catalog.")
    Path patterns;

    @Option(names = "--verbose", description = "Print debug events too.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<ShardedRuns.ShardFile> shards = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                shards.add(ShardedRuns.read(dir));
            }
            shards = ShardedRuns.checked(shards);
        } catch (ShardedRuns.ShardException e) {
            throw new Cli.UsageException(e.getMessage(), e);
        }
        ShardedRuns.ShardFile first = shards.get(0);
        // The same run's flags and settings, through 'healdesk run' itself: nothing of the loop is written twice.
        RunCommand run = new RunCommand();
        run.spec = spec;
        run.flags = flags;
        run.db = db;
        run.patterns = patterns;
        run.verbose = verbose;
        Map<String, String> env = Cli.config().env();
        RunOptions options = run.options(env);
        if (flags.projects == null) {
            options = new RunOptions(new LinkedHashSet<>(first.projects()), options.dryRun(), options.skipLlm(),
                    options.maxFixes(), options.approve(), options.verbose(), options.rediagnose(),
                    options.failingBelow());
        }
        String target = flags.target != null ? flags.target : first.targetFile();
        if (target == null || Targets.SANDBOX.equals(target)) {
            throw new Cli.UsageException("The shards in " + first.dir() + " do not name their target file: give it"
                    + " with --target=FILE.");
        }
        java.util.function.Supplier<PatternCatalog> catalog = run.catalog(env);
        try (Target t = run.openTarget(target, env, Set.of())) {
            FileTarget merged;
            try {
                merged = ShardedRuns.merged((FileTarget) t, shards);
            } catch (ShardedRuns.ShardException e) {
                throw new Cli.UsageException(e.getMessage(), e);
            }
            out.println("Merging " + shards.size() + " shard(s) of " + t.name() + ": " + String.join(", ",
                    shards.stream().map(s -> s.shard() + " " + s.dir()).toList()));
            return run.heal(out, env, options, catalog, merged);
        }
    }
}
