package dev.healdesk.core.playbook.safe;

import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.PlaybookException;
import dev.healdesk.core.playbook.SafeValues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one playbook's settings from the target file and collects, instead of throwing, everything that is missing
 * or refused, each with what to do: a plan then shows all of it at once rather than the first problem only. Names
 * that reach a command line pass {@link SafeValues}; a getter returns null for a value it could not give.
 */
final class PlaybookSettings {
    private final String playbook;
    private final PlaybookContext context;
    private final List<String> missing = new ArrayList<>();

    PlaybookSettings(String playbook, PlaybookContext context) {
        this.playbook = playbook;
        this.context = context;
    }

    /**
     * A name for a command line: the setting, else {@code fallback}; null (and a missing entry) when neither is
     * there or the value is not a plain name.
     */
    String name(String key, String what, String fallback) {
        String value = context.setting(key);
        if (value == null && fallback == null) {
            missing.add("No " + what + " given: " + where(key) + ".");
            return null;
        }
        return safe(value == null ? fallback : value, what);
    }

    /** {@code value} if it is a plain name; otherwise null, and the refusal is recorded as missing. */
    String safe(String value, String what) {
        try {
            return SafeValues.name(value, what);
        } catch (PlaybookException e) {
            missing.add(e.getMessage());
            return null;
        }
    }

    /** A whole number in {@code [min, max]}: the setting, else {@code fallback}. */
    int number(String key, int fallback, int min, int max) {
        Object value = context.settings().get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int n = value instanceof Number number ? Math.toIntExact(number.longValue())
                    : Integer.parseInt(value.toString().trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below, as for a number out of range
        }
        missing.add("'" + key + "' under playbooks: " + playbook + ": must be a whole number from " + min + " to "
                + max + " (it is '" + value + "').");
        return fallback;
    }

    Duration seconds(String key, int fallback) {
        return Duration.ofSeconds(number(key, fallback, 1, 3600));
    }

    /**
     * A configured command: a list of strings in the target file, run as that argument vector (no shell). The
     * operator wrote it, so it is not held to {@link SafeValues} (paths and flags are not names); null when absent.
     */
    List<String> command(String key) {
        Object value = context.settings().get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(v -> v instanceof String || v instanceof Number)) {
            List<String> argv = list.stream().map(Object::toString).toList();
            program(argv.get(0), "fix the '" + key + "' under playbooks: " + playbook + ": in the target file");
            return argv;
        }
        missing.add("'" + key + "' under playbooks: " + playbook + ": must be a list (an argument vector, no shell),"
                + " e.g. [systemctl, restart, my-service].");
        return null;
    }

    /** Strings from a list setting (or one string); empty when absent. */
    List<String> strings(String key) {
        Object value = context.settings().get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** A setting that must be there. */
    String required(String key, String what) {
        String value = context.setting(key);
        if (value == null || value.isBlank()) {
            missing.add("No " + what + " given: " + where(key) + ".");
            return null;
        }
        return value;
    }

    /** Records {@code program} as missing unless it is on the PATH (or is the path of an executable). */
    void program(String program, String whatToDo) {
        if (!context.commands().onPath(program)) {
            missing.add(program + " is not on the PATH: " + whatToDo + ".");
        }
    }

    void missing(String entry) {
        missing.add(entry);
    }

    List<String> missing() {
        return List.copyOf(missing);
    }

    private String where(String key) {
        return "set '" + key + "' under playbooks: " + playbook + ": in the target file";
    }
}
