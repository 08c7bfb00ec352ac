package dev.healdesk.core.suite;

import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlaywrightErrorsTest {

    /** As Playwright for Java 1.56 writes it (no closing quotes, call log after the braces). */
    private static final String JAVA_156 = "Error {\n"
            + "  message='Timeout 1500ms exceeded.\n"
            + "  name='TimeoutError\n"
            + "  stack='TimeoutError: Timeout 1500ms exceeded.\n"
            + "    at ProgressController.run (/tmp/pw/package/lib/server/progress.js:68:28)\n"
            + "}\n"
            + "Call log:\n"
            + "-   - waiting for locator(\"#login-button\")\n";

    @Test
    void keepsInnerMessageCallLogAndStack() {
        ErrorText e = PlaywrightErrors.describe(new TimeoutError(JAVA_156));
        assertEquals("Timeout 1500ms exceeded.\nCall log:\n  - waiting for locator(\"#login-button\")", e.message());
        assertEquals("TimeoutError: Timeout 1500ms exceeded.\n    at ProgressController.run (/tmp/pw/package/lib/server/progress.js:68:28)",
                e.stack());
        assertEquals("TimeoutError", e.name());
        assertTrue(e.isTimeout());
    }

    @Test
    void readsTheQuotedFormOfOlderVersions() {
        ErrorText e = PlaywrightErrors.parse("Error {\n  message='net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/login'\n"
                + "  name='Error'\n  stack='Error: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/login'\n}");
        assertEquals("net::ERR_CONNECTION_REFUSED at http://127.0.0.1:1/login", e.message());
        assertEquals("Error", e.name());
    }

    @Test
    void assertionsKeepTheirMessage() {
        ErrorText e = PlaywrightErrors.describe(new AssertionError("Expected status 200 but got 500 for GET x: {}"));
        assertEquals("Expected status 200 but got 500 for GET x: {}", e.message());
        assertTrue(e.stack().startsWith("java.lang.AssertionError"), e.stack());
        assertNull(PlaywrightErrors.parse("plain text"));
        assertEquals("IllegalStateException: boom", PlaywrightErrors.describe(new IllegalStateException("boom")).message());
    }
}
