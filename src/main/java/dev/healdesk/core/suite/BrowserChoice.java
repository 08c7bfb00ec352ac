package dev.healdesk.core.suite;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser a run will launch.
 *
 * @param executable  the Chromium/Chrome to launch; empty for Playwright's own downloaded browser
 * @param source      where it came from: {@code configured}, {@code HEALDESK_BROWSER}, {@code system}, {@code PATH}
 *                    or {@code playwright}
 * @param description for people, e.g. "Chromium at /usr/bin/chromium (found on the system)"
 */
public record BrowserChoice(Optional<Path> executable, String source, String description) {
    public BrowserChoice {
        executable = executable == null ? Optional.empty() : executable;
        Objects.requireNonNull(source, "source");
        description = description == null ? source : description;
    }

    /** Whether Playwright's own browser (downloaded by Playwright) is meant. */
    public boolean isPlaywrightBundled() {
        return executable.isEmpty();
    }
}
