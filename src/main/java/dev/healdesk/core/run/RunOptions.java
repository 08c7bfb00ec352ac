package dev.healdesk.core.run;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Options of one run, as in the seeds: dry-run, skip-LLM, projects, max fixes, verbose,
 * plus the approval policy for fixes.
 *
 * @param projects   empty means every project of the target
 * @param rediagnose   ask the model again even for fingerprints whose diagnosis is cached
 * @param failingBelow the health score under which a run with failing tests is failing rather than degraded (the
 *                     {@code run.failingBelow} setting; see {@link dev.healdesk.core.triage.HealthScore#RULE})
 */
public record RunOptions(Set<String> projects, boolean dryRun, boolean skipLlm, int maxFixes,
                         ApprovalPolicy approve, boolean verbose, boolean rediagnose, double failingBelow) {

    public static final int DEFAULT_MAX_FIXES = 3;

    public RunOptions {
        projects = projects == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(projects));
        if (maxFixes < 0) {
            throw new IllegalArgumentException("max fixes must be 0 or more, got " + maxFixes);
        }
        approve = approve == null ? ApprovalPolicy.ASK : approve;
        if (failingBelow < 0 || failingBelow > 100 || Double.isNaN(failingBelow)) {
            throw new IllegalArgumentException("failing below must be a score from 0 to 100, got " + failingBelow);
        }
    }

    public RunOptions(Set<String> projects, boolean dryRun, boolean skipLlm, int maxFixes, ApprovalPolicy approve,
                      boolean verbose, boolean rediagnose) {
        this(projects, dryRun, skipLlm, maxFixes, approve, verbose, rediagnose,
                dev.healdesk.core.triage.HealthScore.FAILING_BELOW);
    }

    public RunOptions(Set<String> projects, boolean dryRun, boolean skipLlm, int maxFixes, ApprovalPolicy approve,
                      boolean verbose) {
        this(projects, dryRun, skipLlm, maxFixes, approve, verbose, false);
    }

    public static RunOptions defaults() {
        return new RunOptions(Set.of(), false, false, DEFAULT_MAX_FIXES, ApprovalPolicy.ASK, false);
    }

    public RunOptions withRediagnose(boolean value) {
        return new RunOptions(projects, dryRun, skipLlm, maxFixes, approve, verbose, value, failingBelow);
    }

    /** The same options with another failing threshold (the {@code run.failingBelow} setting). */
    public RunOptions withFailingBelow(double value) {
        return new RunOptions(projects, dryRun, skipLlm, maxFixes, approve, verbose, rediagnose, value);
    }
}
