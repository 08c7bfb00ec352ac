package dev.healdesk.core.config;

import dev.healdesk.core.run.Target;
import dev.healdesk.core.sandbox.Fault;
import dev.healdesk.core.sandbox.SandboxOptions;
import dev.healdesk.core.sandbox.SandboxTarget;
import dev.healdesk.core.suite.BrowserLocator;

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
        // The settings' browser (HEALDESK_BROWSER, which may come from the settings file or .env) comes after a
        // target file's own browser:, as the locator would take it from the process environment.
        Optional<String> fromSettings = Optional.ofNullable(env.get(BrowserLocator.ENV_VAR)).filter(b -> !b.isBlank());
        if (SANDBOX.equals(target)) {
            return SandboxTarget.start(SandboxOptions.defaults().withFaults(faults), null,
                    browser.or(() -> fromSettings).orElse(null));
        }
        TargetSpec spec = new TargetFiles().load(Path.of(target), env);
        if (browser.isPresent()) {
            spec = spec.withBrowser(browser.get());
        } else if (spec.browser() == null && fromSettings.isPresent()) {
            spec = spec.withBrowser(fromSettings.get());
        }
        try {
            return new FileTarget(spec, env);
        } catch (IllegalArgumentException e) {
            throw new TargetFileException(target + ": " + e.getMessage(), e);
        }
    }
}
