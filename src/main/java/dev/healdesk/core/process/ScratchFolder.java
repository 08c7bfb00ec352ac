package dev.healdesk.core.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A folder in the temp folder that is gone again after {@code close()}, with everything written into it: for work
 * whose files matter only while it runs (the bench's databases, reports and fixtures).
 * <pre>{@code try (ScratchFolder scratch = ScratchFolder.create("healdesk-bench-store")) { ... scratch.path() ... }}</pre>
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;

    private ScratchFolder(Path path) {
        this.path = path;
    }

    /** A new, empty folder under {@code java.io.tmpdir} whose name starts with {@code prefix}. */
    public static ScratchFolder create(String prefix) throws IOException {
        return new ScratchFolder(Files.createTempDirectory(prefix));
    }

    public Path path() {
        return path;
    }

    /** {@code path().resolve(name)}. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** Deletes the folder and all it holds, deepest first; a file that cannot be deleted fails with its name. */
    @Override
    public void close() {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the scratch folder " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
