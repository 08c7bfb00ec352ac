package dev.healdesk.core.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteNativeLibraryTest {

    /** The library sqlite-jdbc would copy out of its jar for this platform, read from the jar. */
    private static byte[] libraryInTheJar() throws IOException {
        String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/"
                + org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " in sqlite-jdbc's jar").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theLibraryIsUnpackedOnceIntoTheCacheAndTheSameFileIsGivenAfter(@TempDir Path cache) throws Exception {
        Optional<Path> first = SqliteNativeLibrary.cachedCopy(cache);
        assertThat(first).isPresent();
        assertThat(first.get()).startsWith(cache);
        assertThat(first.get().getFileName().toString()).isEqualTo(org.sqlite.util.LibraryLoaderUtil.getNativeLibName());
        assertThat(Files.readAllBytes(first.get())).isEqualTo(libraryInTheJar());
        Object inode = Files.readAttributes(first.get(), java.nio.file.attribute.BasicFileAttributes.class).fileKey();

        Optional<Path> second = SqliteNativeLibrary.cachedCopy(cache);
        assertThat(second).contains(first.get());
        assertThat(Files.readAttributes(second.get(), java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                .as("the copy is kept, not written again").isEqualTo(inode);
        try (Stream<Path> left = Files.list(first.get().getParent())) {
            assertThat(left).as("no half-written file is left beside it").containsExactly(first.get());
        }
    }

    @Test
    void aCopyThatDiffersFromTheJarsIsWrittenAnew(@TempDir Path cache) throws Exception {
        Path library = SqliteNativeLibrary.cachedCopy(cache).orElseThrow();
        byte[] bytes = Files.readAllBytes(library);
        bytes[bytes.length / 2] ^= 0x5a; // same size, another byte
        Files.write(library, bytes);
        assertThat(SqliteNativeLibrary.cachedCopy(cache)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(libraryInTheJar());

        Files.write(library, new byte[] {1, 2, 3}); // a cut-short copy
        assertThat(SqliteNativeLibrary.cachedCopy(cache)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(libraryInTheJar());
    }

    @Test
    void aCacheFolderThatCannotBeWrittenGivesNothingAndThrowsNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThat(SqliteNativeLibrary.cachedCopy(file)).isEmpty();
        assertThat(SqliteNativeLibrary.cachedCopy(file.resolve("below"))).isEmpty();
    }

    @Test
    void theCacheFolderFollowsEachPlatformsConvention() {
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of("XDG_CACHE_HOME", "/var/cache/u"), "Linux", "/home/u"))
                .contains(Path.of("/var/cache/u", "healdesk"));
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/u"))
                .as("XDG: a relative path is to be ignored").contains(Path.of("/home/u", ".cache", "healdesk"));
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of(), "Linux", "/home/u"))
                .contains(Path.of("/home/u", ".cache", "healdesk"));
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of(), "Mac OS X", "/Users/u"))
                .contains(Path.of("/Users/u", "Library", "Caches", "healdesk"));
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of("LOCALAPPDATA", "/appdata"), "Windows 11", "/users/u"))
                .contains(Path.of("/appdata", "healdesk", "cache"));
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of(), "Windows 11", "/users/u")).isEmpty();
        assertThat(SqliteNativeLibrary.cacheFolder(Map.of(), "Linux", "?")).isEmpty();
    }

    /** `healdesk history` in a process of its own, its temp folder and cache folder given. */
    private static int history(Path db, Path tmp, String cacheHome, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), "dev.healdesk.Launcher",
                "history", "--db=" + db));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("XDG_CACHE_HOME", cacheHome);
        pb.environment().put("HEALDESK_CONFIG_DIR", tmp.resolveSibling("config").toString());
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("history ends").isTrue();
        return p.exitValue();
    }

    @Test
    void aProcessLoadsTheCachedCopyWhereSqliteCouldNotCopyItAndWithoutACacheItStillOpensTheHistory(@TempDir Path dir)
            throws Exception {
        Path db = dir.resolve("healdesk.db");
        HistoryStore.open(db).close();
        Path cache = dir.resolve("cache");

        // no temp folder: sqlite-jdbc's own copy cannot be written there, so the history opens only from the cache
        Path noTemp = dir.resolve("no-such-tmp");
        Path out1 = dir.resolve("out1.txt");
        assertThat(history(db, noTemp, cache.toString(), out1)).as(Files.readString(out1)).isZero();
        assertThat(Files.readString(out1)).contains("No runs stored in");
        Path written;
        try (Stream<Path> files = Files.walk(cache)) {
            written = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        assertThat(Files.readAllBytes(written)).isEqualTo(libraryInTheJar());
        assertThat(SqliteNativeLibrary.cachedCopy(cache.resolve("healdesk"))).as("the process's copy is the one")
                .contains(written);

        // a "cache folder" that is a file: sqlite-jdbc's own way, through the temp folder, and the same table
        Path notAFolder = Files.writeString(dir.resolve("cache-file"), "x");
        Path out2 = dir.resolve("out2.txt");
        assertThat(history(db, Files.createDirectories(dir.resolve("tmp")), notAFolder.toString(), out2))
                .as(Files.readString(out2)).isZero();
        assertThat(Files.readString(out2)).contains("No runs stored in").doesNotContain("ERROR");
    }
}
