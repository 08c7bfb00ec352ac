package dev.healdesk.core.redact;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logback started on the first line that may be logged: until then a logger answers "off" where the set-up surely is
 * off, and from then on the line reaches Logback, configured by {@link LogSetup} (standard error, redacted). Each test
 * has its own provider, so its own Logback context, as a process would.
 */
class DeferredLogbackTest {

    private final PrintStream stderr = System.err;
    private final String provider = System.getProperty(DeferredLogback.PROPERTY);
    private final String level = System.getProperty(LogSetup.LEVEL_ENV);
    private final String verbosity = System.getProperty(DeferredLogback.VERBOSITY);

    @AfterEach
    void restore() {
        System.setErr(stderr);
        restore(DeferredLogback.PROPERTY, provider);
        restore(LogSetup.LEVEL_ENV, level);
        restore(DeferredLogback.VERBOSITY, verbosity);
        System.clearProperty("logback.configurationFile");
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Test
    void aLibraryAskingWhetherTraceIsOnGetsNoWithoutLogbackStarting() {
        DeferredLogback logging = new DeferredLogback();
        logging.initialize();
        Logger sqlite = logging.getLoggerFactory().getLogger("org.sqlite.JDBC");
        assertFalse(sqlite.isTraceEnabled());
        assertFalse(sqlite.isDebugEnabled());
        assertFalse(sqlite.isInfoEnabled());
        sqlite.debug("loaded {}", "the native library");
        sqlite.atInfo().log("a fluent line below WARN");
        assertFalse(logging.started(), "Logback started for lines that are off");
    }

    @Test
    void aWarningStartsLogbackAndReachesStandardErrorRedacted() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        DeferredLogback logging = new DeferredLogback();
        logging.initialize();
        Logger store = logging.getLoggerFactory().getLogger("dev.healdesk.core.history.HistoryStore");
        String token = TestTokens.jwt();

        store.warn("A heartbeat of the history {} failed: Authorization: Bearer {}", "h.db", token,
                new IllegalStateException("refused " + token));

        assertTrue(logging.started());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(" WARN ") && log.contains("HistoryStore - A heartbeat of the history h.db failed"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: refused"), log);
        assertFalse(log.contains(token), "the token reached the log:\n" + log);
        // once started, every logger answers as Logback's: a library's INFO is still off, its ERROR on
        Logger library = logging.getLoggerFactory().getLogger("org.sqlite.JDBC");
        assertFalse(library.isInfoEnabled());
        assertTrue(library.isErrorEnabled());
    }

    @Test
    void healdesksOwnLinesBelowWarnStartLogbackOnlyWhenHealdeskLogLevelAsksForThem() {
        System.clearProperty(LogSetup.LEVEL_ENV);
        DeferredLogback quiet = new DeferredLogback();
        assertFalse(quiet.getLoggerFactory().getLogger("dev.healdesk.core.gpu.GpuDetector").isInfoEnabled());
        assertFalse(quiet.started());

        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setProperty(LogSetup.LEVEL_ENV, "DEBUG");
        DeferredLogback verbose = new DeferredLogback();
        Logger gpu = verbose.getLoggerFactory().getLogger("dev.healdesk.core.gpu.GpuDetector");
        assertFalse(verbose.getLoggerFactory().getLogger("dev.healdesk.Launcher").isTraceEnabled());
        assertFalse(verbose.started(), "TRACE is below DEBUG");
        gpu.info("No GPU found; models will run on the CPU");
        assertTrue(verbose.started());
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains(" INFO ") && log.contains("GpuDetector - No GPU found"), log);
        // a library stays at WARN whatever Healdesk's own level
        assertFalse(verbose.getLoggerFactory().getLogger("org.sqlite.JDBC").isDebugEnabled());
    }

    @Test
    void installNamesTheProviderUnlessAProviderOrALogbackFileIsNamedAlready() {
        System.clearProperty(DeferredLogback.PROPERTY);
        System.clearProperty(DeferredLogback.VERBOSITY);
        DeferredLogback.install();
        assertEquals(DeferredLogback.class.getName(), System.getProperty(DeferredLogback.PROPERTY));
        // SLF4J's note that it loads a named provider would be on standard error of every command
        assertEquals("WARN", System.getProperty(DeferredLogback.VERBOSITY));

        System.setProperty(DeferredLogback.PROPERTY, "org.example.OtherProvider");
        DeferredLogback.install();
        assertEquals("org.example.OtherProvider", System.getProperty(DeferredLogback.PROPERTY));

        System.clearProperty(DeferredLogback.PROPERTY);
        System.setProperty("logback.configurationFile", "/etc/healdesk/logback.xml");
        DeferredLogback.install();
        assertNull(System.getProperty(DeferredLogback.PROPERTY), "Logback reads the named file as it always did");
    }
}
