package dev.healdesk.core.suite;

import java.util.regex.Pattern;

/** What a tool printed for a terminal, made plain text: its colours and other escape sequences taken out. */
public final class TerminalText {

    /** ANSI escape sequences: colours (CSI ... m) and the other CSI and OSC sequences terminals understand. */
    private static final Pattern ANSI = Pattern.compile(
            "\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|[@-Z\\\\-_])");

    private TerminalText() {
    }

    /** {@code text} without escape sequences; null stays null. */
    public static String plain(String text) {
        return text == null || text.indexOf('\u001B') < 0 ? text : ANSI.matcher(text).replaceAll("");
    }
}
