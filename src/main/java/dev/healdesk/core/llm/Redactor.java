package dev.healdesk.core.llm;

import java.util.Arrays;
import java.util.List;

/**
 * Takes secrets and personal data out of text before it leaves the process (to any model, the local one
 * included): keys and tokens, passwords, session ids and cookies, database URLs, private keys, e-mail
 * addresses, phone numbers, IP addresses, card and social security numbers. Each goes as
 * {@link SecretKind#token()}, and only the value goes, so {@code password=hunter2} reads
 * {@code password=[REDACTED_PASSWORD]} and a model still sees what failed.
 *
 * <p>What stays, on purpose: localhost and the loopback and unspecified addresses, example and test domains,
 * versions, dates and times, line and column numbers, ports, error codes, commit and image hashes, UUIDs
 * (ids, not secrets, unless a key name says they are one), text already redacted, and placeholders such as
 * {@code ${PASSWORD}} or {@code ****}. Redacting twice changes nothing more.
 *
 * <p>Speed comes from gating: one pass over the text looks up each character in a table, and a detector runs
 * only where its trigger is (a digit, {@code :}, {@code =}, {@code @}, the first letter of a known prefix),
 * its regex only over a window there. Immutable and thread-safe: share one.
 */
public final class Redactor {

    private static final Redactor STANDARD = new Redactor();

    private final Detector[][] triggers = new Detector[128][];

    /** A span of the text and what it was; {@code end} is exclusive. */
    public record Finding(SecretKind kind, int start, int end) {
    }

    private Redactor() {
        Numbers numbers = new Numbers();
        KeyValues keyValues = new KeyValues();
        Tokens tokens = new Tokens();
        on("0123456789+(", numbers);
        on(":", new Urls());
        on(":", new Ipv6());
        on(":=", keyValues);
        on("@", new Emails());
        on("-", new PrivateKeys());
        on(tokens.firstChars(), tokens);
        on("bB", new Bearer());
    }

    /** The built-in rules. */
    public static Redactor standard() {
        return STANDARD;
    }

    private void on(String chars, Detector d) {
        for (char c : chars.toCharArray()) {
            Detector[] old = triggers[c];
            Detector[] grown = old == null ? new Detector[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = d;
            triggers[c] = grown;
        }
    }

    /** {@code text} with every finding replaced by its kind's token; the same instance when there is none. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Scan scan = scan(text);
        if (scan.isEmpty()) {
            return text;
        }
        List<Finding> findings = scan.resolve();
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        int at = 0;
        for (Finding f : findings) {
            out.append(text, at, f.start()).append(f.kind().token());
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** What {@link #redact} would replace: non-overlapping, by start. Empty for null. */
    public List<Finding> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return scan(text).resolve();
    }

    private Scan scan(String text) {
        Scan scan = new Scan(text);
        Detector[][] table = triggers;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            Detector[] detectors = c < 128 ? table[c] : null;
            if (detectors == null) {
                i++;
                continue;
            }
            int next = i + 1;
            for (Detector d : detectors) {
                next = Math.max(next, d.at(scan, i));
            }
            i = next;
        }
        return scan;
    }
}
