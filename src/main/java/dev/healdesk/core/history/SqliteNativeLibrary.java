package dev.healdesk.core.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * SQLite's native library for a process that was not told where it is (the plain jar; the packaged launcher unpacks it
 * at build time and passes {@code -Dorg.sqlite.lib.path}/{@code .name}): unpacked once into the user's cache folder
 * and named to sqlite-jdbc the same way. Otherwise sqlite-jdbc copies it (1 MB) out of its jar into the temp folder at
 * every start, reads both copies back byte by byte to compare them, and deletes it at exit: about a tenth of a CLI
 * command's or a run's own CPU, and work the JIT compilers then take up too.
 *
 * <p>The copy's folder is named by the library's CRC-32 and size as the jar's directory lists them (read without
 * unpacking anything), so another sqlite-jdbc, or another platform's library in a shared home, gets a folder of its
 * own. Each start checks the copy's CRC-32 against the jar's (1 MB read from the page cache, no compare of two streams);
 * a copy that differs or is missing is written anew beside it and moved into place in one step, so a process never
 * loads a half-written file and two starting at once both end with a whole one. Where any of this cannot be done (no
 * cache folder, one that is not writable, sqlite-jdbc not in a jar file, its platform's library not in it, or
 * {@code org.sqlite.tmpdir} set by the operator), nothing is set and sqlite-jdbc does as before.
 */
final class SqliteNativeLibrary {

    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static boolean done;

    private SqliteNativeLibrary() {
    }

    /**
     * Once per process, before sqlite-jdbc first loads its library: where neither {@link #PATH_PROPERTY} nor
     * {@link #NAME_PROPERTY} (nor {@code org.sqlite.tmpdir}) is set, sets both to the user's cached copy. Never throws:
     * any failure leaves sqlite-jdbc to its own way.
     */
    static synchronized void useCachedCopy() {
        if (done) {
            return;
        }
        done = true;
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null
                || System.getProperty("org.sqlite.tmpdir") != null) {
            return;
        }
        try {
            Optional<Path> cache = cacheFolder(System.getenv(), System.getProperty("os.name", ""),
                    System.getProperty("user.home"));
            if (cache.isEmpty()) {
                return;
            }
            Optional<Path> library = cachedCopy(cache.get());
            if (library.isPresent()) {
                System.setProperty(PATH_PROPERTY, library.get().getParent().toString());
                System.setProperty(NAME_PROPERTY, library.get().getFileName().toString());
            }
        } catch (RuntimeException | LinkageError e) {
            // sqlite-jdbc extracts it into the temp folder, as it does without this
        }
    }

    /**
     * Where Healdesk keeps what it can rebuild: {@code $XDG_CACHE_HOME/healdesk}, else {@code ~/.cache/healdesk}; on
     * Windows {@code %LOCALAPPDATA%\healdesk\cache}; on macOS {@code ~/Library/Caches/healdesk}. Empty without a home.
     */
    static Optional<Path> cacheFolder(java.util.Map<String, String> env, String osName, String userHome) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local == null || local.isBlank() ? Optional.empty() : Optional.of(Path.of(local, "healdesk", "cache"));
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Optional.of(Path.of(xdg, "healdesk"));
        }
        if (userHome == null || userHome.isBlank() || userHome.equals("?")) {
            return Optional.empty();
        }
        return Optional.of(os.startsWith("mac") ? Path.of(userHome, "Library", "Caches", "healdesk")
                : Path.of(userHome, ".cache", "healdesk"));
    }

    /**
     * The whole copy of this platform's library from the sqlite-jdbc jar under {@code cache}, written there first when
     * it is missing or differs; empty where that cannot be done.
     */
    static Optional<Path> cachedCopy(Path cache) {
        try {
            String resource = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath();
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            java.security.CodeSource source = org.sqlite.SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            // the class loader has this jar open already: the JDK shares its directory, nothing is read again
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(resource.substring(resource.startsWith("/") ? 1 : 0) + "/" + name);
                if (entry == null || entry.getCrc() < 0 || entry.getSize() < 0) {
                    return Optional.empty();
                }
                Path dir = cache.resolve("sqlite-native-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
                Path library = dir.resolve(name);
                if (Files.isRegularFile(library) && Files.size(library) == entry.getSize()
                        && crc32(library) == entry.getCrc()) {
                    return Optional.of(library);
                }
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, name, ".part");
                try {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (crc32(part) != entry.getCrc()) {
                        return Optional.empty();
                    }
                    try {
                        Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(part, library, StandardCopyOption.REPLACE_EXISTING);
                    }
                } finally {
                    Files.deleteIfExists(part);
                }
                return Optional.of(library);
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long crc32(Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return crc.getValue();
    }
}
