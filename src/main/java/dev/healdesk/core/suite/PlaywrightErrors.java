package dev.healdesk.core.suite;

import com.microsoft.playwright.PlaywrightException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a check threw into the real error text.
 *
 * <p>Playwright for Java wraps the driver's error as
 * <pre>
 * Error {
 *   message='Timeout 1500ms exceeded.
 *   name='TimeoutError
 *   stack='TimeoutError: Timeout 1500ms exceeded.
 *     at ...
 * }
 * Call log:
 * -   - navigating to "http://...", waiting until "load"
 * </pre>
 * (1.56 leaves out the closing quotes; older versions write them). This keeps the inner message followed by the
 * call log (which names the locator or URL it waited for) as the message, and the driver's stack as the stack.
 */
public final class PlaywrightErrors {

    private static final Pattern WRAPPED = Pattern.compile(
            "(?s)^\\s*Error \\{\\n  message='(.*?)'?\\n  name='(.*?)'?\\n  stack='(.*?)'?\\n}\\s*(?:\\n(.*))?$");
    private static final int MAX_JAVA_FRAMES = 25;

    private PlaywrightErrors() {
    }

    /** The message and stack of {@code failure} as its producer wrote them. */
    public static ErrorText describe(Throwable failure) {
        if (failure instanceof PlaywrightException) {
            ErrorText parsed = parse(failure.getMessage());
            if (parsed != null) {
                return parsed;
            }
        }
        String message = failure.getMessage();
        if (!(failure instanceof AssertionError) && (message == null || message.isBlank())) {
            message = failure.getClass().getName() + (message == null ? "" : ": " + message);
        } else if (!(failure instanceof AssertionError) && !(failure instanceof PlaywrightException)) {
            message = failure.getClass().getSimpleName() + ": " + message;
        }
        return new ErrorText(message == null ? failure.getClass().getName() : message, javaStack(failure),
                failure.getClass().getSimpleName());
    }

    /** Parses Playwright for Java's {@code Error {...}} wrapping; null when {@code text} is not in that form. */
    public static ErrorText parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = WRAPPED.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String message = m.group(1).strip();
        String callLog = m.group(4) == null ? "" : cleanCallLog(m.group(4));
        if (!callLog.isEmpty()) {
            message = message + "\n" + callLog;
        }
        String stack = m.group(3).strip();
        return new ErrorText(message, stack.isEmpty() ? null : stack, m.group(2).strip());
    }

    /** Playwright for Java prefixes each call-log line with "- "; this removes that extra prefix. */
    private static String cleanCallLog(String tail) {
        StringBuilder out = new StringBuilder();
        for (String line : tail.strip().split("\n")) {
            String l = line.startsWith("- ") && !line.startsWith("- Call log") ? line.substring(2) : line;
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(l.stripTrailing());
        }
        return out.toString();
    }

    /** The Java stack, cut after {@value #MAX_JAVA_FRAMES} lines (the runner's own frames add nothing). */
    static String javaStack(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        String[] lines = sw.toString().split("\\R");
        StringBuilder out = new StringBuilder();
        int kept = 0;
        for (String line : lines) {
            if (line.contains("dev.healdesk.core.suite.ProbeRunner.runProbe")) {
                out.append("\t...\n");
                break;
            }
            out.append(line).append('\n');
            if (++kept >= MAX_JAVA_FRAMES) {
                out.append("\t...\n");
                break;
            }
        }
        return out.toString().stripTrailing();
    }
}
