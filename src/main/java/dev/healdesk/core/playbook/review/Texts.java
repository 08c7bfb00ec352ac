package dev.healdesk.core.playbook.review;

/**
 * How failure text is shown where it must stay small and on one line (a title, a message to the operator): the
 * text is kept as data, only line breaks and control characters become spaces and the length is bounded.
 */
final class Texts {
    private Texts() {
    }

    /** {@code text} on one line, blanks collapsed, at most {@code max} characters (an ellipsis marks a cut). */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
        boolean blank = false;
        for (int i = 0; i < text.length() && b.length() <= max; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                blank = b.length() > 0;
            } else {
                if (blank) {
                    b.append(' ');
                    blank = false;
                }
                b.append(c);
            }
        }
        return b.length() > max ? b.substring(0, max - 1) + "…" : b.toString();
    }

    /** The first line of {@code text} that is not blank, on one line as {@link #oneLine}. */
    static String firstLine(String text, int max) {
        if (text == null) {
            return "";
        }
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return oneLine(line, max);
            }
        }
        return "";
    }

    /** {@code value} in quotes for a message, with line breaks shown as {@code \n}; "(none)" for null. */
    static String quoted(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
