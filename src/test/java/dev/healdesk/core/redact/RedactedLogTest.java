package dev.healdesk.core.redact;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversion words LogSetup registers: a log line never carries a secret by its shape, in its message or exception. */
class RedactedLogTest {

    @Test
    void theConfiguredPatternRedactsMessagesAndExceptions() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger logger = context.getLogger("dev.healdesk.test");
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);   // the conversion rules LogSetup registered are the context's
        layout.setPattern("%redactedMsg|%redactedEx");
        layout.start();
        String token = "gh" + "p_" + "Zq8".repeat(12);
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.WARN,
                "Skipping an unreadable line: {}", new IllegalStateException("Authorization: Bearer " + token),
                new Object[]{"{\"error\":\"token " + token + "\"}"});

        String line = layout.doLayout(event);

        assertThat(line).startsWith("Skipping an unreadable line: {\"error\":\"token [REDACTED_GITHUB_TOKEN]\"}|")
                .contains("IllegalStateException: Authorization: Bearer [REDACTED_GITHUB_TOKEN]")
                .doesNotContain(token);
    }
}
