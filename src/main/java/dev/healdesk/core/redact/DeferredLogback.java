package dev.healdesk.core.redact;

import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback, started on the first line that is logged rather than when the first logger is asked for. The
 * {@link dev.healdesk.Launcher} names it as SLF4J's provider ({@value #PROPERTY}); tests and other class paths bind
 * Logback directly, as SLF4J finds it.
 * <p>
 * A CLI command that logs nothing still asked for loggers (sqlite-jdbc asks for one when its driver loads, and asks
 * whether TRACE is on), and Logback's start then cost the command more than its own work: a search of every jar on
 * the class path for its configurators and for SLF4J's providers, the JDK's security policy file parsed for one
 * permission check, the log pattern compiled. Here a logger is a small stand-in until a line at a level that may be
 * on is logged or asked about; only then does Logback start, configured as always ({@link LogSetup}), and from then on
 * every stand-in hands everything to its Logback logger. Which levels are surely off without Logback is
 * {@link LogSetup}'s to say ({@link LogLevels#surelyOff}): a level below WARN, except for Healdesk's own loggers when
 * {@code HEALDESK_LOG_LEVEL} turns them up.
 */
public final class DeferredLogback implements SLF4JServiceProvider {
    /** SLF4J's system property that names its provider. */
    public static final String PROPERTY = "slf4j.provider";
    /** SLF4J's system property for how much it reports about itself on standard error. */
    static final String VERBOSITY = "slf4j.internal.verbosity";

    /** Logback's own provider, made when Logback starts. */
    private volatile LogbackServiceProvider logback;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final ILoggerFactory standIns = name -> new StandIn(name, this);
    /** Logback's logger factory once it has started, else null. */
    private volatile ILoggerFactory started;

    /**
     * Names this provider as SLF4J's, unless a provider or a Logback configuration file was named already (then SLF4J
     * and Logback start as they would). Call before the first logger is asked for.
     */
    public static void install() {
        if (System.getProperty(PROPERTY) == null && !LogLevels.configuredElsewhere()) {
            System.setProperty(PROPERTY, DeferredLogback.class.getName());
            // SLF4J reports a provider named this way on standard error at its INFO ("Attempting to load provider"):
            // its warnings and errors still show
            if (System.getProperty(VERBOSITY) == null) {
                System.setProperty(VERBOSITY, "WARN");
            }
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return standIns;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    /** The MDC is Logback's: whoever puts values there means them for a log line. */
    @Override
    public MDCAdapter getMDCAdapter() {
        start();
        return logback.getMDCAdapter();
    }

    /** The SLF4J API this is written for, as Logback's provider asks. */
    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    /** Nothing: Logback starts on the first line that may be logged. */
    @Override
    public void initialize() {
    }

    /** Whether Logback has started in this process. */
    public boolean started() {
        return started != null;
    }

    private ILoggerFactory start() {
        ILoggerFactory factory = started;
        if (factory == null) {
            synchronized (this) {
                factory = started;
                if (factory == null) {
                    LogbackServiceProvider provider = new LogbackServiceProvider();
                    provider.initialize();
                    logback = provider;
                    factory = provider.getLoggerFactory();
                    started = factory;
                }
            }
        }
        return factory;
    }

    /** A logger that answers "off" where {@link LogLevels#surelyOff} says so, and hands the rest to Logback's. */
    private static final class StandIn extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;
        private final transient DeferredLogback provider;
        private transient volatile Logger delegate;

        StandIn(String name, DeferredLogback provider) {
            this.name = name;
            this.provider = provider;
        }

        /** Logback's logger of this name; starts Logback when it has not started. */
        private Logger delegate() {
            Logger d = delegate;
            if (d == null) {
                d = provider.start().getLogger(name);
                delegate = d;
            }
            return d;
        }

        private boolean enabled(Level level) {
            if (delegate == null && provider.started == null && LogLevels.surelyOff(name, level)) {
                return false;
            }
            return delegate().isEnabledForLevel(level);
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return StandIn.class.getName();
        }

        /** Called once the level was found on: the line as Logback's logger would take it from the caller. */
        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                                   Object[] arguments, Throwable throwable) {
            Logger d = delegate();
            if (d instanceof LocationAwareLogger located) {
                located.log(marker, getFullyQualifiedCallerName(), level.toInt(), messagePattern, arguments, throwable);
                return;
            }
            LoggingEventBuilder line = d.makeLoggingEventBuilder(level).setMessage(messagePattern).setCause(throwable);
            if (marker != null) {
                line.addMarker(marker);
            }
            for (Object argument : arguments == null ? new Object[0] : arguments) {
                line.addArgument(argument);
            }
            line.log();
        }
    }
}
