package dev.healdesk.testing;

import dev.healdesk.core.process.BoundedProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real Playwright Test project of the tests ({@code src/test/playwright}), installed from its lock file. */
public final class PlaywrightProject {

    public static final Path DIR = Path.of("src/test/playwright").toAbsolutePath();

    private PlaywrightProject() {
    }

    /** Its node_modules, installed with {@code npm ci} when missing (the tests never skip for want of them). */
    public static synchronized Path install() throws Exception {
        if (Files.isRegularFile(DIR.resolve("node_modules/@playwright/test/package.json"))) {
            return DIR;
        }
        BoundedProcess.Result npm;
        try {
            npm = BoundedProcess.run(List.of("npm", "ci", "--no-audit", "--no-fund"), Duration.ofMinutes(5), DIR,
                    Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("These tests need Node.js 18+ with npm: install it (apt-get install nodejs"
                    + " npm), or run .ci/run, which does. " + e.getMessage(), e);
        }
        if (npm.exitCode() != 0) {
            throw new IllegalStateException("`npm ci` in " + DIR + " failed (exit " + npm.exitCode() + "); these"
                    + " tests need its node_modules. It printed: " + npm.stdout() + npm.stderr());
        }
        return DIR;
    }
}
