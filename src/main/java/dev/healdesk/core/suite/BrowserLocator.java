package dev.healdesk.core.suite;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which browser the probes launch, in this order: an explicitly configured path, the
 * {@value #ENV_VAR} environment variable, a Chromium/Chrome installed on the system (known locations, then PATH),
 * else Playwright's own downloaded browser (which needs the network the first time).
 */
public final class BrowserLocator {

    public static final String ENV_VAR = "HEALDESK_BROWSER";

    /** Where distributions install Chromium or Chrome, in the order they are tried. */
    public static final List<Path> KNOWN_LOCATIONS = List.of(
            Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"),
            Path.of("/usr/bin/google-chrome"),
            Path.of("/usr/bin/google-chrome-stable"),
            Path.of("/snap/bin/chromium"));

    /** Names looked up on PATH when none of the known locations has a browser. */
    public static final List<String> PATH_NAMES = List.of(
            "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");

    private static final String INSTALL_HINT = "install Chromium (e.g. `sudo apt install chromium`) or set "
            + ENV_VAR + " to a Chromium/Chrome executable";

    private final Map<String, String> env;
    private final List<Path> knownLocations;

    /** Looks at this process's environment and the usual install locations. */
    public BrowserLocator() {
        this(System.getenv(), KNOWN_LOCATIONS);
    }

    /** For tests and embedding: the environment (HEALDESK_BROWSER, PATH) and the locations to try. */
    public BrowserLocator(Map<String, String> env, List<Path> knownLocations) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
        this.knownLocations = List.copyOf(knownLocations);
    }

    /** {@link #locate(String)} without a configured path. */
    public BrowserChoice locate() throws SuiteException {
        return locate(null);
    }

    /**
     * @param configured a path set explicitly (a target file's {@code browser:}, a command-line option); null or
     *                   blank when none
     * @throws SuiteException when a configured path or {@value #ENV_VAR} names no executable file
     */
    public BrowserChoice locate(String configured) throws SuiteException {
        if (configured != null && !configured.isBlank()) {
            Path path = checked(configured.trim(), "The configured browser (the target file's `browser:` setting)",
                    "fix the path, or remove the setting so Healdesk finds a browser itself");
            return new BrowserChoice(Optional.of(path), "configured",
                    kind(path) + " at " + path + " (configured)");
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            Path path = checked(fromEnv.trim(), "The browser named by the environment variable " + ENV_VAR,
                    "point " + ENV_VAR + " to a Chromium/Chrome executable, or unset it so Healdesk finds one itself");
            return new BrowserChoice(Optional.of(path), ENV_VAR,
                    kind(path) + " at " + path + " (set by " + ENV_VAR + ")");
        }
        for (Path candidate : knownLocations) {
            if (isExecutableFile(candidate)) {
                return new BrowserChoice(Optional.of(candidate), "system",
                        kind(candidate) + " at " + candidate + " (found on the system)");
            }
        }
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return new BrowserChoice(onPath, "PATH", kind(onPath.get()) + " at " + onPath.get() + " (found on PATH)");
        }
        return new BrowserChoice(Optional.empty(), "playwright",
                "Playwright's own Chromium (no Chromium/Chrome found on the system; Playwright downloads its browser"
                        + " where the network allows; otherwise " + INSTALL_HINT + ")");
    }

    private Path checked(String raw, String what, String fix) throws SuiteException {
        Path path;
        try {
            path = expandHome(raw);
        } catch (InvalidPathException e) {
            throw new SuiteException(what + " is not a valid path: '" + raw + "'. To fix: " + fix + ".");
        }
        if (!Files.exists(path)) {
            throw new SuiteException(what + " does not exist: " + path + ". To fix: " + fix + ", or " + INSTALL_HINT + ".");
        }
        if (Files.isDirectory(path)) {
            throw new SuiteException(what + " is a folder, not a browser executable: " + path
                    + ". To fix: " + fix + " (e.g. /usr/bin/chromium).");
        }
        if (!Files.isExecutable(path)) {
            throw new SuiteException(what + " is not executable: " + path + ". To fix: make it executable (chmod +x) or "
                    + fix + ".");
        }
        return path;
    }

    private Path expandHome(String raw) {
        if (raw.equals("~") || raw.startsWith("~/")) {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            return Path.of(home + raw.substring(1));
        }
        return Path.of(raw);
    }

    private Optional<Path> onPath() {
        String path = env.get("PATH");
        if (path == null || path.isBlank()) {
            return Optional.empty();
        }
        for (String name : PATH_NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                try {
                    Path candidate = Path.of(dir, name);
                    if (isExecutableFile(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException ignored) {
                    // a malformed PATH entry: skip it, as a shell would
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }

    private static String kind(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.contains("chrome") && !name.contains("chromium") ? "Google Chrome" : "Chromium";
    }
}
