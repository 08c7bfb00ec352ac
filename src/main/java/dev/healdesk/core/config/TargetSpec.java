package dev.healdesk.core.config;

import dev.healdesk.core.suite.probes.CheckSpec;
import dev.healdesk.core.suite.probes.ProbeSuiteSpec;

import java.util.List;
import java.util.Map;

/**
 * A target file (YAML), as the operator writes it. See src/site/markdown/target-file.md.
 *
 * @param name      shown in the console, the history and the reports
 * @param baseUrl   the app's pages; relative page URLs resolve against it (BASE_URL overrides)
 * @param apiUrl    the API; relative request URLs resolve against it (API_URL overrides)
 * @param browser   path of a Chromium or Chrome; else HEALDESK_BROWSER, else one found on the system
 * @param timeoutMs per-check timeout
 * @param probes    inline checks, each in a project, in the probe suite format ({@link CheckSpec})
 * @param playbooks playbook settings by playbook name (strategies, commands, webhooks), used by the executor
 * @param guardrails the executor's limits for this target, over the seeds' defaults; null keeps them all
 * @param repository the application's git repository, where class-B proposals make their branch (relative paths are
 *                   resolved against the target file's folder when it is loaded); null when there is none
 * @param auth       how the inline {@code auth: bearer} probes sign in, as in a probe suite file
 * @param env        variables every suite's command gets (no secrets: those come from the environment or .env)
 * @param suites     the application's own suites: Playwright Test projects, JUnit XML commands, probe suite files
 * @param artifacts  where this target's run folders go and how long their artifacts are kept; null for the defaults
 */
public record TargetSpec(String name, String baseUrl, String apiUrl, String browser, Integer timeoutMs,
                         List<CheckSpec> probes, Map<String, Map<String, Object>> playbooks,
                         GuardrailSpec guardrails, String repository, ProbeSuiteSpec.Auth auth,
                         Map<String, String> env, List<SuiteSpec> suites, ArtifactsSpec artifacts) {

    public TargetSpec {
        probes = probes == null ? List.of() : List.copyOf(probes);
        playbooks = playbooks == null ? Map.of() : Map.copyOf(playbooks);
        env = env == null ? Map.of() : Map.copyOf(env);
        suites = suites == null ? List.of() : List.copyOf(suites);
    }

    /** The same target driven with another browser. */
    public TargetSpec withBrowser(String path) {
        return new TargetSpec(name, baseUrl, apiUrl, path, timeoutMs, probes, playbooks, guardrails, repository, auth,
                env, suites, artifacts);
    }

    /** The same target once loaded: URLs after the environment's overrides, paths resolved against the file's folder. */
    TargetSpec resolved(String base, String api, List<CheckSpec> resolvedProbes, String repositoryPath,
                        List<SuiteSpec> resolvedSuites, ArtifactsSpec resolvedArtifacts) {
        return new TargetSpec(name, base, api, browser, timeoutMs, resolvedProbes, playbooks, guardrails,
                repositoryPath, auth, env, resolvedSuites, resolvedArtifacts);
    }

    /**
     * One of the application's suites. {@code kind} says which fields apply:
     * <ul>
     *   <li>{@code playwright}: {@code dir} (the Playwright Test project, with its node_modules), {@code projects}
     *       (its project names, which become Healdesk's), {@code env}, {@code timeoutSeconds}, {@code shards} (1 to 64:
     *       the suite runs as that many {@code --shard=i/N} processes side by side, merged into one run);</li>
     *   <li>{@code junit}: {@code project} (the name results are filed under), {@code command} (program and arguments,
     *       run without a shell), {@code dir} (where it runs), {@code reports} (the JUnit XML glob, relative to
     *       {@code dir}), {@code select} (none, maven, gradle, pytest, go: how single tests are re-run), {@code env},
     *       {@code timeoutSeconds};</li>
     *   <li>{@code probes}: {@code file} (a probe suite file, YAML: see suites-and-probes.md); its checks run
     *       with the inline {@code probes}, after them.</li>
     * </ul>
     * Relative paths are resolved against the target file's folder when it is loaded.
     */
    public record SuiteSpec(String kind, String project, List<String> projects, String dir, List<String> command,
                            String reports, String select, String file, Map<String, String> env,
                            Integer timeoutSeconds, Integer shards) {
        public SuiteSpec {
            projects = projects == null ? List.of() : List.copyOf(projects);
            command = command == null ? List.of() : List.copyOf(command);
            env = env == null ? Map.of() : Map.copyOf(env);
        }

        SuiteSpec withPaths(String resolvedDir, String resolvedFile) {
            return new SuiteSpec(kind, project, projects, resolvedDir, command, reports, select, resolvedFile, env,
                    timeoutSeconds, shards);
        }
    }

    /**
     * @param dir           where this target's run folders go (relative to the target file), over the default
     *                      {@code ./healing-results}; {@code --results-dir} still wins
     * @param retentionDays how long a finished run's screenshots, traces and videos are kept (0: for ever)
     */
    public record ArtifactsSpec(String dir, Integer retentionDays) {
    }

    /**
     * The guardrails a target file may set; each field left out keeps its default. {@code protect} adds names to
     * the built-in protected list (it never removes one).
     */
    public record GuardrailSpec(Integer maxFixesPerRun, Integer maxAttemptsPerFailure, Integer cooldownSeconds,
                                Integer runMinutes, Integer maxContainerRestarts, Integer maxDatabaseOperations,
                                Integer systemicServices, List<String> protect, Integer settleMs,
                                Integer commandTimeoutSeconds) {
    }
}
