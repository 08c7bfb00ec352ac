package dev.healdesk.app;

import dev.healdesk.core.sandbox.Fault;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Demo and screenshot mode, from system properties; off unless one is set.
 * <ul>
 *   <li>{@code healdesk.demo.faults=db-pool-exhausted,selector-changed}: switches these sandbox faults on
 *       (through the fault panel, as an operator would) once the sandbox is up;</li>
 *   <li>{@code healdesk.demo.autorun=true}: then starts a run with the default options;</li>
 *   <li>{@code healdesk.demo.screen=failures}: the screen to show once that run has finished
 *       (run, failures, history, hardware, settings; default: stay where the operator is);</li>
 *   <li>{@code healdesk.window=1440x900}: the window's size (default 1320x840).</li>
 * </ul>
 * Example: {@code java -Dhealdesk.demo.faults=db-pool-exhausted,selector-changed -Dhealdesk.demo.autorun=true
 * -Dhealdesk.demo.screen=failures -jar healdesk.jar}
 */
public record DemoMode(Set<Fault> faults, boolean autorun, Screen screenAfterRun, double width, double height) {

    public static DemoMode fromSystemProperties() {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        String list = System.getProperty("healdesk.demo.faults", "");
        for (String id : list.split(",")) {
            if (!id.isBlank()) {
                faults.add(Fault.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                        "Unknown fault '" + id.trim() + "' in healdesk.demo.faults; known: "
                                + Arrays.stream(Fault.values()).map(Fault::id).toList())));
            }
        }
        boolean autorun = Boolean.getBoolean("healdesk.demo.autorun");
        String screenName = System.getProperty("healdesk.demo.screen", "");
        Screen screen = screenName.isBlank() ? null : Screen.valueOf(screenName.trim().toUpperCase(Locale.ROOT));
        double w = 1320;
        double h = 840;
        String size = System.getProperty("healdesk.window", "");
        if (size.matches("\\d+x\\d+")) {
            String[] parts = size.split("x");
            w = Double.parseDouble(parts[0]);
            h = Double.parseDouble(parts[1]);
        }
        return new DemoMode(faults.isEmpty() ? Set.of() : EnumSet.copyOf(faults), autorun, screen, w, h);
    }

    public boolean active() {
        return !faults.isEmpty() || autorun || screenAfterRun != null;
    }
}
