package dev.healdesk.core.run;

/** Receives a run's events in order, on the thread that runs the loop. */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);

    RunListener NONE = event -> { };
}
