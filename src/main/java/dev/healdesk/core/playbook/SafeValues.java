package dev.healdesk.core.playbook;

import java.util.regex.Pattern;

/**
 * The gate between failure text and a command line: a value taken from a failure (a service, container, namespace
 * or table name) must match a strict pattern before it may be an argument; anything else ($(…), backticks, ';',
 * '&&', newlines, '../', spaces) is refused with the reason.
 */
public final class SafeValues {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private SafeValues() {
    }

    /**
     * @param what what the value names ("container", "namespace"), for the message
     * @throws PlaybookException when {@code value} is not a plain name
     */
    public static String name(String value, String what) throws PlaybookException {
        if (value == null || !NAME.matcher(value).matches() || value.contains("..")) {
            throw new PlaybookException("Refusing " + what + " name " + quote(value) + ": only letters, digits, '.',"
                    + " '_' and '-' (at most 63, no '..') may reach a command. Set it in the target file instead.");
        }
        return value;
    }

    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches() && !value.contains("..");
    }

    private static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "'" + shown.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }
}
