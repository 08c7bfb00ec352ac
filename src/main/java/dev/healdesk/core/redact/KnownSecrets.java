package dev.healdesk.core.redact;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces the values of secret environment variables ({@code RAILWAY_TOKEN}, {@code *_PASSWORD}, ...) with their
 * names wherever they appear. The redactor finds secrets by their shape; this finds the ones Healdesk was given,
 * whatever their shape, so that a tool echoing its token, or a test printing the password it typed, cannot put it on
 * record.
 *
 * <p>A value is masked when it has at least {@value #MIN_LENGTH} characters ({@value #MIN_DIGITS} when it is all
 * digits: a port, a timeout or a count under a name with {@code KEY} or {@code AUTH} in it is configuration, and
 * masking it would hide every such number in the failure text), and is not a word that stands for no value
 * ({@code true}, {@code none}, ...). Shorter values would turn ordinary words into variable names; a secret that
 * short is still taken out where its shape gives it away ({@code password=abc}).
 */
public final class KnownSecrets implements UnaryOperator<String> {

    private static final List<String> SECRET_WORDS = List.of("TOKEN", "SECRET", "PASS", "KEY", "CREDENTIAL", "AUTH",
            "WEBHOOK", "PRIVATE", "COOKIE", "DSN");
    static final int MIN_LENGTH = 4;
    static final int MIN_DIGITS = 6;
    private static final Set<String> NO_VALUE = Set.of("true", "false", "null", "none", "empty", "unset", "undefined");

    private final List<Map.Entry<String, String>> secrets;

    public KnownSecrets(Map<String, String> env) {
        this.secrets = env.entrySet().stream()
                .filter(e -> e.getKey() != null && isSecretName(e.getKey()) && maskable(e.getValue()))
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                // Longest first, so that a secret containing another is replaced whole.
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    public static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains);
    }

    static boolean maskable(String value) {
        if (value == null || value.length() < MIN_LENGTH || NO_VALUE.contains(value.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return value.length() >= MIN_DIGITS || !value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The names of the variables whose values are masked, for tests and diagnostics; never the values. */
    public List<String> names() {
        return secrets.stream().map(Map.Entry::getKey).toList();
    }

    @Override
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> s : secrets) {
            out = out.replace(s.getValue(), "$" + s.getKey());
        }
        return out;
    }
}
