package dev.healdesk.core.redact;

import dev.healdesk.core.session.RunRedactor;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Logback conversion words for Healdesk's own log ({@link LogSetup}): the message and the exception of every
 * line go through {@link Redactor#atRest()}, so that a library or a warning quoting failure text (a line of a
 * reporter it could not read, an exception message) cannot put a secret on standard error. Values of secret
 * variables are masked where run data enters ({@code RunRedactor}); the log sees no variables.
 */
public final class RedactedLog {

    private RedactedLog() {
    }

    /** {@code %redactedMsg}: the formatted message, redacted. */
    public static final class Message extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return Redactor.atRest().redact(super.convert(event));
        }
    }

    /** {@code %redactedEx}: the exception and its stack, redacted (messages of causes included). */
    public static final class Exception extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy tp) {
            return Redactor.atRest().redact(super.throwableProxyToString(tp));
        }
    }
}
