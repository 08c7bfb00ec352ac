package dev.healdesk.core.suite.probes;

import dev.healdesk.core.suite.Credentials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ${NAME}} references in suite files. Values come from the environment (or {@code .env}) at run time;
 * {@code TEST_EMAIL} and {@code TEST_PASSWORD} are the target's login, so they always exist. {@code $${} writes a
 * literal {@code ${}. Suite files never hold a secret: they name the variable that does, and the values of secret
 * variables are cut out of every failure message ({@link #redact}).
 */
final class Variables {

    static final String EMAIL = "TEST_EMAIL";
    static final String PASSWORD = "TEST_PASSWORD";
    static final String MASK = "***";

    private static final Pattern REFERENCE = Pattern.compile("\\$(\\$?)\\{([^}]*)}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(pass|pwd|secret|token|key|auth|credential).*");

    private final Map<String, String> env;
    private final Set<String> secretNames = new LinkedHashSet<>();

    Variables(Map<String, String> env) {
        this.env = Map.copyOf(env);
        secretNames.add(PASSWORD);
    }

    /** The names {@code text} refers to (not the escaped ones). */
    static List<String> references(String text) {
        List<String> names = new ArrayList<>();
        if (text == null) {
            return names;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                names.add(m.group(2));
            }
        }
        return names;
    }

    /** Null when {@code name} can be resolved, else what is wrong with it. */
    String problem(String name) {
        if (!NAME.matcher(name).matches()) {
            return "'${" + name + "}' is not a variable name: use letters, digits and '_' (e.g. ${API_TOKEN})";
        }
        if (name.equals(EMAIL) || name.equals(PASSWORD) || env.containsKey(name)) {
            return null;
        }
        return "${" + name + "} is not set: set " + name + " in the environment or in .env (suite files name"
                + " secrets, they never hold them)";
    }

    boolean isSet(String name) {
        return env.containsKey(name);
    }

    /** Marks a variable as secret (a passwordEnv, or any name that looks like one): its value is never shown. */
    void secret(String name) {
        secretNames.add(name);
    }

    /** Marks every referenced name that looks like a secret's. */
    void secretsAmong(Collection<String> names) {
        names.stream().filter(n -> SECRET_NAME.matcher(n).matches()).forEach(secretNames::add);
    }

    String value(String name, Credentials login) {
        if (name.equals(EMAIL) && !env.containsKey(name)) {
            return login.username();
        }
        if (name.equals(PASSWORD) && !env.containsKey(name)) {
            return login.password();
        }
        return env.getOrDefault(name, "");
    }

    /** {@code text} with its references replaced by their values. */
    String resolve(String text, Credentials login) {
        if (text == null || !text.contains("$")) {
            return text;
        }
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1).isEmpty() ? value(m.group(2), login) : "${" + m.group(2) + "}";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code text} with the value of every secret variable replaced by {@value #MASK}. */
    String redact(String text, Credentials login) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String name : secretNames) {
            String value = value(name, login);
            // A value of a character or two would blank out unrelated text; such a value is no secret anyway.
            if (value != null && value.length() >= 3) {
                out = out.replace(value, MASK);
            }
        }
        return out;
    }
}
