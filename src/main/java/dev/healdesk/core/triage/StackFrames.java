package dev.healdesk.core.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the frames of a stack trace: lines starting with {@code at } (JavaScript, Java, C#), Python's
 * {@code File "..."} lines and Go's {@code /path/file.go:12} lines. Other lines (the message repeated at the top,
 * {@code Caused by:}, {@code ... 12 more}, Playwright's code excerpts) are not frames.
 */
public final class StackFrames {

    private StackFrames() {
    }

    /** The first {@code frames} frames of {@code stack}, trimmed; empty for a null or frameless stack. */
    public static List<String> top(String stack, int frames) {
        List<String> out = new ArrayList<>(Math.max(0, Math.min(frames, 8)));
        if (stack == null || frames <= 0) {
            return out;
        }
        int n = stack.length();
        int i = 0;
        while (i < n && out.size() < frames) {
            int end = stack.indexOf('\n', i);
            if (end < 0) {
                end = n;
            }
            int a = i;
            int b = end;
            while (a < b && Character.isWhitespace(stack.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(stack.charAt(b - 1))) {
                b--;
            }
            if (b > a && isFrame(stack, a, b)) {
                out.add(stack.substring(a, b));
            }
            i = end + 1;
        }
        return out;
    }

    /** The top frames joined by newlines, or "" when there are none. */
    public static String topJoined(String stack, int frames) {
        return String.join("\n", top(stack, frames));
    }

    private static boolean isFrame(String s, int a, int b) {
        if (s.startsWith("at ", a) || s.startsWith("File \"", a)) {
            return true;
        }
        // Go: /app/handlers/login.go:42 +0x1d
        if (s.charAt(a) == '/') {
            int go = s.indexOf(".go:", a);
            return go > a && go < b;
        }
        return false;
    }
}
