package dev.healdesk.core.suite;

/**
 * The text of a failure as the tool that produced it wrote it.
 *
 * @param message the error message (for Playwright: the driver's message plus its call log)
 * @param stack   the stack (for Playwright: the driver's stack), may be null
 * @param name    the error's name ({@code TimeoutError}, {@code Error}, {@code AssertionFailedError}...)
 */
public record ErrorText(String message, String stack, String name) {

    /** Whether the error is a timeout (a Playwright {@code TimeoutError}, or an assertion that waited in vain). */
    public boolean isTimeout() {
        return "TimeoutError".equals(name) || (message != null && message.matches("(?s).*Timeout \\d+ms exceeded.*"));
    }
}
