package dev.healdesk.core.run;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Options of one run, as in the seeds: dry-run, skip-LLM, projects, max fixes, verbose,
 * plus the approval policy for fixes.
 *
 * @param projects   empty means every project of the target
 * @param rediagnose ask the model again even for fingerprints whose diagnosis is cached
 */
public record RunOptions(Set<String> projects, boolean dryRun, boolean skipLlm, int maxFixes,
                         ApprovalPolicy approve, boolean verbose, boolean rediagnose) {

    public static final int DEFAULT_MAX_FIXES = 3;

    public RunOptions {
        projects = projects == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(projects));
        if (maxFixes < 0) {
            throw new IllegalArgumentException("max fixes must be 0 or more, got " + maxFixes);
        }
        approve = approve == null ? ApprovalPolicy.ASK : approve;
    }

    public RunOptions(Set<String> projects, boolean dryRun, boolean skipLlm, int maxFixes, ApprovalPolicy approve,
                      boolean verbose) {
        this(projects, dryRun, skipLlm, maxFixes, approve, verbose, false);
    }

    public static RunOptions defaults() {
        return new RunOptions(Set.of(), false, false, DEFAULT_MAX_FIXES, ApprovalPolicy.ASK, false);
    }

    public RunOptions withRediagnose(boolean value) {
        return new RunOptions(projects, dryRun, skipLlm, maxFixes, approve, verbose, value);
    }
}
