package dev.healdesk.core.suite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrowserLocatorTest {

    @TempDir
    Path dir;

    private Path executable(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\nexit 0\n");
        assertTrue(p.toFile().setExecutable(true));
        return p;
    }

    @Test
    void configuredPathComesFirst() throws Exception {
        Path configured = executable("my-chrome");
        Path env = executable("env-chromium");
        Path known = executable("chromium");
        BrowserLocator locator = new BrowserLocator(Map.of("HEALDESK_BROWSER", env.toString()), List.of(known));
        BrowserChoice choice = locator.locate(configured.toString());
        assertEquals(Optional.of(configured), choice.executable());
        assertEquals("configured", choice.source());
    }

    @Test
    void environmentVariableBeforeSystem() throws Exception {
        Path env = executable("env-chromium");
        Path known = executable("chromium");
        BrowserChoice choice = new BrowserLocator(Map.of("HEALDESK_BROWSER", env.toString()), List.of(known)).locate(null);
        assertEquals(Optional.of(env), choice.executable());
        assertEquals("HEALDESK_BROWSER", choice.source());
        assertTrue(choice.description().contains("set by HEALDESK_BROWSER"), choice.description());
    }

    @Test
    void knownLocationThenPath() throws Exception {
        Path missing = dir.resolve("nothing-here");
        Path known = executable("usr/bin/chromium");
        BrowserChoice system = new BrowserLocator(Map.of(), List.of(missing, known)).locate();
        assertEquals(Optional.of(known), system.executable());
        assertEquals("Chromium at " + known + " (found on the system)", system.description());

        Path chrome = executable("bin/google-chrome");
        BrowserChoice onPath = new BrowserLocator(Map.of("PATH", dir.resolve("empty") + ":" + chrome.getParent()),
                List.of(missing)).locate();
        assertEquals(Optional.of(chrome), onPath.executable());
        assertEquals("PATH", onPath.source());
        assertTrue(onPath.description().startsWith("Google Chrome at "), onPath.description());
    }

    @Test
    void fallsBackToPlaywrightsBrowser() throws Exception {
        BrowserChoice choice = new BrowserLocator(Map.of("PATH", dir.toString()), List.of(dir.resolve("none"))).locate();
        assertTrue(choice.isPlaywrightBundled());
        assertEquals("playwright", choice.source());
    }

    @Test
    void missingConfiguredPathIsAClearError() {
        BrowserLocator locator = new BrowserLocator(Map.of(), List.of());
        SuiteException e = assertThrows(SuiteException.class, () -> locator.locate("/opt/nowhere/chrome"));
        assertTrue(e.getMessage().contains("/opt/nowhere/chrome"), e.getMessage());
        assertTrue(e.getMessage().contains("browser:"), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        BrowserLocator fromEnv = new BrowserLocator(Map.of("HEALDESK_BROWSER", "/opt/nowhere/chromium"), List.of());
        SuiteException env = assertThrows(SuiteException.class, fromEnv::locate);
        assertTrue(env.getMessage().contains("HEALDESK_BROWSER"), env.getMessage());
        assertTrue(env.getMessage().contains("/opt/nowhere/chromium"), env.getMessage());

        SuiteException folder = assertThrows(SuiteException.class, () -> locator.locate(dir.toString()));
        assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
    }
}
