package dev.healdesk.core.redact;

import ch.qos.logback.classic.Level;

/**
 * The levels of Healdesk's log set-up ({@link LogSetup}), in a class that is not Logback's configurator, so that
 * {@link DeferredLogback} can ask them without loading Logback: libraries at WARN, {@code dev.healdesk} at
 * {@code HEALDESK_LOG_LEVEL} (system property or environment variable; default WARN).
 */
final class LogLevels {
    static final String LEVEL_ENV = "HEALDESK_LOG_LEVEL";

    private LogLevels() {
    }

    /** A configuration file named with {@code -Dlogback.configurationFile}: Logback reads that one instead. */
    static boolean configuredElsewhere() {
        return System.getProperty("logback.configurationFile") != null;
    }

    /** The level of Healdesk's own loggers: {@code HEALDESK_LOG_LEVEL}, WARN when unset or not a level. */
    static Level healdesk() {
        String level = System.getProperty(LEVEL_ENV);
        if (level == null) {
            level = System.getenv(LEVEL_ENV);
        }
        return Level.toLevel(level == null || level.isBlank() ? "WARN" : level.trim(), Level.WARN);
    }

    /**
     * Whether the set-up surely logs nothing for the logger {@code name} at {@code level}, known without starting
     * Logback: a level below WARN, except on Healdesk's own loggers at or above {@link #healdesk()}. Not asked where a
     * configuration is named with {@code -Dlogback.configurationFile} (Logback is not deferred then). A
     * {@code logback-test.xml} is a test class path's, where SLF4J binds Logback directly, so it is not looked for:
     * that would search every jar of the class path, the cost that deferring Logback saves.
     */
    static boolean surelyOff(String name, org.slf4j.event.Level level) {
        Level wanted = Level.fromLocationAwareLoggerInteger(level.toInt());
        if (wanted.isGreaterOrEqual(Level.WARN)) {
            return false;
        }
        if (name.equals("dev.healdesk") || name.startsWith("dev.healdesk.")) {
            return !wanted.isGreaterOrEqual(healdesk());
        }
        return true;
    }
}
