package dev.healdesk.core.sandbox;

import dev.healdesk.core.playbook.ControlledTarget;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.suite.ProbeRunner;
import dev.healdesk.core.sandbox.SandboxSuites;
import dev.healdesk.core.suite.SuiteRunner;

import java.time.Duration;

/**
 * The embedded demo target: the sandbox server plus its built-in probe suites, and its handles for the playbooks
 * ({@link #control()}). Closing it stops the server.
 */
public final class SandboxTarget implements ControlledTarget {

    public static final String NAME = "sandbox";

    private final SandboxServer server;
    private final ProbeRunner suites;
    private final TargetControl control;

    private SandboxTarget(SandboxServer server, ProbeRunner suites) {
        this.server = server;
        this.suites = suites;
        this.control = new SandboxControl(server);
    }

    /** Starts the sandbox on a free loopback port, with the probes' default timeout. */
    public static SandboxTarget start() {
        return start(SandboxOptions.defaults(), null, null);
    }

    /**
     * @param timeout per-step probe timeout, null for the default
     * @param browser a configured browser path, null to let the locator decide
     */
    public static SandboxTarget start(SandboxOptions options, Duration timeout, String browser) {
        SandboxServer server = SandboxServer.start(options);
        var settings = SandboxSuites.settings(server, null).withBrowser(browser);
        if (timeout != null) {
            settings = settings.withTimeout(timeout);
        }
        return new SandboxTarget(server, new ProbeRunner(SandboxSuites.probes(), settings));
    }

    public SandboxServer server() {
        return server;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SuiteRunner suites() {
        return suites;
    }

    @Override
    public java.util.Set<String> faultsOn() {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        server.activeFaults().forEach(f -> ids.add(f.id()));
        return java.util.Collections.unmodifiableSet(ids);
    }

    @Override
    public TargetControl control() {
        return control;
    }

    @Override
    public void close() {
        server.close();
    }
}
