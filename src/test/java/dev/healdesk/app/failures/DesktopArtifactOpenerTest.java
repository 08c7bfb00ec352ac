package dev.healdesk.app.failures;

import dev.healdesk.app.Fixtures;
import dev.healdesk.app.fx.FxBridge;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesktopArtifactOpenerTest {
    private final Path trace = Path.of("/runs/run 7/artifacts/login; rm -rf ~ $(x).zip");

    @Test
    void theTraceViewerGetsThePathAsOneArgumentNeverThroughAShell() {
        assertEquals(List.of("npx", "playwright", "show-trace", trace.toAbsolutePath().toString()),
                ArtifactOpener.traceCommand(trace, false));
        assertEquals("npx.cmd", ArtifactOpener.traceCommand(trace, true).get(0), "npx is a batch file on Windows");
        assertEquals(Path.of("t.zip").toAbsolutePath().toString(),
                ArtifactOpener.traceCommand(Path.of("t.zip"), false).get(3), "a relative path is made absolute");
    }

    @Test
    void tracesAndFilesAreOpenedOnTheWorker() {
        List<Runnable> worker = new ArrayList<>();
        List<List<String>> started = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        Fixtures.RecordingDialogs dialogs = new Fixtures.RecordingDialogs();
        DesktopArtifactOpener opener = new DesktopArtifactOpener(shown::add, started::add, worker::add,
                FxBridge.direct(), dialogs);

        opener.openTrace(trace);
        opener.show(Path.of("/runs/run-7/artifacts/login page.png"));
        assertTrue(started.isEmpty() && shown.isEmpty(), "nothing is started on the calling (FX) thread");

        worker.forEach(Runnable::run);
        assertEquals(List.of(ArtifactOpener.traceCommand(trace, false).get(3)), started.stream().map(c -> c.get(3))
                .toList());
        assertEquals(List.of("file:///runs/run-7/artifacts/login%20page.png"), shown);
        assertTrue(dialogs.shown.isEmpty());
    }

    @Test
    void withoutNpxTheOperatorIsToldToInstallNodeJs() {
        Fixtures.RecordingDialogs dialogs = new Fixtures.RecordingDialogs();
        DesktopArtifactOpener opener = new DesktopArtifactOpener(uri -> { }, command -> {
            throw new IOException("Cannot run program \"npx\": error=2, No such file or directory");
        }, Runnable::run, FxBridge.direct(), dialogs);

        opener.openTrace(trace);

        assertEquals(1, dialogs.shown.size());
        String shown = dialogs.shown.get(0);
        assertTrue(shown.startsWith("error|npx was not found|"), shown);
        assertTrue(shown.contains("Install Node.js"), shown);
        assertTrue(shown.contains(trace.toString()), "says which trace: " + shown);
    }
}
