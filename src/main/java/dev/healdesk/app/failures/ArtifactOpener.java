package dev.healdesk.app.failures;

import java.nio.file.Path;
import java.util.List;

/**
 * Opens a run's artifacts outside the console: a screenshot full size or a video in the desktop's viewer, a
 * Playwright trace in its trace viewer. Both return at once; the work happens off the FX thread.
 */
public interface ArtifactOpener {

    /** Opens nothing: for tests of the screen and consoles without a desktop. */
    ArtifactOpener NONE = new ArtifactOpener() {
        @Override
        public void show(Path file) {
        }

        @Override
        public void openTrace(Path trace) {
        }
    };

    /** Opens {@code file} with the desktop's viewer for its type. */
    void show(Path file);

    /** Opens {@code trace} with {@code npx playwright show-trace}. */
    void openTrace(Path trace);

    /**
     * The argument vector that opens {@code trace} in Playwright's trace viewer: the path is one argument, never
     * parsed by a shell. On Windows npx is a batch file, {@code npx.cmd}.
     */
    static List<String> traceCommand(Path trace, boolean windows) {
        return List.of(windows ? "npx.cmd" : "npx", "playwright", "show-trace", trace.toAbsolutePath().toString());
    }
}
