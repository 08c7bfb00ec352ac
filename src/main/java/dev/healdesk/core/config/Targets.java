package dev.healdesk.core.config;

import dev.healdesk.core.run.Target;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxTarget;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns {@code --target=sandbox|FILE} into a running target; shared by the console and the CLI. */
public final class Targets {

    public static final String SANDBOX = SandboxTarget.NAME;

    private Targets() {
    }

    /**
     * @param target  "sandbox" or the path of a target file
     * @param browser a browser path given on the command line or in settings, else empty
     * @param faults  sandbox faults to switch on from the start (sandbox only)
     */
    public static Target open(String target, Map<String, String> env, Optional<String> browser, Set<Fault> faults)
            throws TargetFileException {
        if (SANDBOX.equals(target)) {
            return SandboxTarget.start(SandboxOptions.defaults().withFaults(faults), null, browser.orElse(null));
        }
        TargetSpec spec = new TargetFiles().load(Path.of(target), env);
        if (browser.isPresent()) {
            spec = new TargetSpec(spec.name(), spec.baseUrl(), spec.apiUrl(), browser.get(), spec.timeoutMs(),
                    spec.probes(), spec.playbooks(), spec.guardrails(), spec.repository(), spec.auth(),
                    spec.probeFiles());
        }
        return new FileTarget(spec, env);
    }
}
