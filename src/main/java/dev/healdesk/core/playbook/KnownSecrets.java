package dev.healdesk.core.playbook;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Replaces the values of secret environment variables ({@code RAILWAY_TOKEN}, {@code *_PASSWORD}, ...) with their
 * names wherever they appear. The redactor finds secrets by their shape; this finds the ones Healdesk itself handed to
 * a command or a request, whatever their shape, so that a tool echoing its token cannot put it on record.
 */
public final class KnownSecrets implements UnaryOperator<String> {

    private static final List<String> SECRET_WORDS = List.of("TOKEN", "SECRET", "PASSWORD", "PASSWD", "KEY",
            "CREDENTIAL", "AUTH");
    /** Shorter values are too likely to be ordinary words or numbers. */
    private static final int MIN_LENGTH = 6;

    private final List<Map.Entry<String, String>> secrets;

    public KnownSecrets(Map<String, String> env) {
        this.secrets = env.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().length() >= MIN_LENGTH && isSecretName(e.getKey()))
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                // Longest first, so that a secret containing another is replaced whole.
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().length()).reversed())
                .toList();
    }

    public static boolean isSecretName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(upper::contains);
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
