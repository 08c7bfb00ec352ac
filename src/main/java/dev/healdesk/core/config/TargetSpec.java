package dev.healdesk.core.config;

import dev.healdesk.core.suite.probes.CheckSpec;
import dev.healdesk.core.suite.probes.ProbeSuiteSpec;

import java.util.List;
import java.util.Map;

/**
 * A target file (YAML), as the operator writes it. See the README's "Target file" section.
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
 * @param probeFiles probe suite files (relative paths are resolved against the target file's folder when it is
 *                   loaded); their checks run after the inline ones
 */
public record TargetSpec(String name, String baseUrl, String apiUrl, String browser, Integer timeoutMs,
                         List<CheckSpec> probes, Map<String, Map<String, Object>> playbooks,
                         GuardrailSpec guardrails, String repository, ProbeSuiteSpec.Auth auth,
                         List<String> probeFiles) {

    public TargetSpec {
        probes = probes == null ? List.of() : List.copyOf(probes);
        probeFiles = probeFiles == null ? List.of() : List.copyOf(probeFiles);
        playbooks = playbooks == null ? Map.of() : Map.copyOf(playbooks);
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
