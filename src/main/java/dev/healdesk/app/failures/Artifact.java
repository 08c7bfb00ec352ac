package dev.healdesk.app.failures;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * A file a failing test left in the run folder's artifacts: a screenshot shown inline, a Playwright trace opened with
 * {@code npx playwright show-trace}, or a video (or anything else) opened with the desktop's viewer.
 *
 * @param testId  the test that left it
 * @param present false once the file is gone (a retention policy pruned the run folder, say)
 */
public record Artifact(String testId, Kind kind, Path path, boolean present) {

    /** What the detail pane does with it. */
    public enum Kind { SCREENSHOT, TRACE, VIDEO, OTHER }

    /** The attachment {@code location} of {@code testId}, not checked yet; empty when it is not a path. */
    static Optional<Artifact> of(String testId, String location) {
        try {
            Path path = Path.of(location);
            return Optional.of(new Artifact(testId, kindOf(path), path, true));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    static Kind kindOf(Path path) {
        Path file = path.getFileName();
        String name = file == null ? "" : file.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return Kind.SCREENSHOT;
        }
        if (name.endsWith(".zip")) {
            return Kind.TRACE;
        }
        if (name.endsWith(".webm") || name.endsWith(".mp4")) {
            return Kind.VIDEO;
        }
        return Kind.OTHER;
    }

    /** The file's name, for labels. */
    public String fileName() {
        Path file = path.getFileName();
        return file == null ? path.toString() : file.toString();
    }

    Artifact checked(boolean isThere) {
        return new Artifact(testId, kind, path, isThere);
    }
}
