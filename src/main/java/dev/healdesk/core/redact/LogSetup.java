package dev.healdesk.core.redact;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.HashMap;
import java.util.Map;

/**
 * Healdesk's log configuration, in code rather than a {@code logback.xml}: reading XML at start-up costs the JVM
 * some 450 classes (logback's Joran and the JDK's XML parser) before the console's first frame or a CLI command's
 * first line, for four settings. Found by logback through {@code META-INF/services}.
 * <ul>
 *   <li>one appender, standard error: {@code HH:mm:ss.SSS LEVEL logger - message}, the message and the exception
 *       redacted ({@link RedactedLog}: {@code %redactedMsg}, {@code %redactedEx});</li>
 *   <li>libraries at WARN; {@code dev.healdesk} at {@code HEALDESK_LOG_LEVEL} (system property or environment
 *       variable; default WARN);</li>
 *   <li>Ollama4j off (it logs request and response bodies at DEBUG and its own errors at ERROR; Healdesk reports every
 *       failure itself, with what to do); PDFBox's font package at ERROR (it warns for every PDF report that the
 *       base-14 Symbol font is missing, which the report never uses).</li>
 * </ul>
 * A {@code -Dlogback.configurationFile=...} or a {@code logback-test.xml} on the class path still wins: then this
 * steps aside. In a process started through {@link dev.healdesk.Launcher}, Logback (and so this) starts only on the
 * first line that may be logged ({@link DeferredLogback}; the levels are {@link LogLevels}').
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %redactedMsg%n%redactedEx";
    public static final String LEVEL_ENV = LogLevels.LEVEL_ENV;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (LogLevels.configuredElsewhere() || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> rules = (Map<String, String>) context.getObject(CoreConstants.PATTERN_RULE_REGISTRY);
        if (rules == null) {
            rules = new HashMap<>();
            context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, rules);
        }
        rules.put("redactedMsg", RedactedLog.Message.class.getName());
        rules.put("redactedEx", RedactedLog.Exception.class.getName());

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("io.github.ollama4j").setLevel(Level.OFF);
        context.getLogger("org.apache.pdfbox.pdmodel.font").setLevel(Level.ERROR);
        context.getLogger("dev.healdesk").setLevel(LogLevels.healdesk());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
