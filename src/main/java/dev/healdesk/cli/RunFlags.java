package dev.healdesk.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags of one run, declared once: {@code healdesk run} reads them, {@code healdesk schedule install} passes the
 * ones given on to the scheduled {@code run} ({@link #asArguments}), so the two never disagree on a name or a type.
 */
final class RunFlags {

    @Option(names = "--target", paramLabel = "sandbox|FILE",
            description = "The built-in sandbox or a target file (YAML); default: target.file of the settings"
                    + " (HEALDESK_TARGET), else the sandbox.")
    String target;

    @Option(names = "--projects", split = ",", paramLabel = "a,b",
            description = "Projects to run (default: all; settings target.projects, HEAL_PROJECTS).")
    List<String> projects;

    @Option(names = "--dry-run", fallbackValue = "true", arity = "0..1",
            description = "Plan everything, change nothing (settings run.dryRun, HEAL_DRY_RUN).")
    Boolean dryRun;

    @Option(names = "--skip-llm", fallbackValue = "true", arity = "0..1",
            description = "Pattern triage only, no model (settings run.skipLlm, HEAL_SKIP_LLM).")
    Boolean skipLlm;

    @Option(names = "--max-fixes", paramLabel = "N",
            description = "At most N fixes in this run (default 3; settings run.maxFixes, HEAL_MAX_FIXES).")
    Integer maxFixes;

    @Option(names = "--approve", paramLabel = "none|A|all",
            description = "Fixes that may run without a person: none, A (class A only; default unless --dry-run), all"
                    + " (settings playbooks.approve, HEAL_APPROVE: none or A; all only from this flag).")
    String approve;

    @Option(names = "--results-dir", paramLabel = "DIR",
            description = "Where run folders go (default ./healing-results; env HEALDESK_RESULTS_DIR).")
    Path resultsDir;

    /** The flags that were given, as {@code healdesk run} takes them; a target file and the results folder absolute. */
    List<String> asArguments() {
        List<String> args = new ArrayList<>();
        if (target != null) {
            args.add("--target=" + (target.equals("sandbox") ? target : Path.of(target).toAbsolutePath().normalize()));
        }
        if (projects != null) {
            args.add("--projects=" + String.join(",", projects));
        }
        if (dryRun != null) {
            args.add(dryRun ? "--dry-run" : "--dry-run=false");
        }
        if (skipLlm != null) {
            args.add(skipLlm ? "--skip-llm" : "--skip-llm=false");
        }
        if (maxFixes != null) {
            args.add("--max-fixes=" + maxFixes);
        }
        if (approve != null) {
            args.add("--approve=" + approve);
        }
        if (resultsDir != null) {
            args.add("--results-dir=" + resultsDir.toAbsolutePath().normalize());
        }
        return args;
    }
}
