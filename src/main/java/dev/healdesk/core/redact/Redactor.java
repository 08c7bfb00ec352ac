package dev.healdesk.core.redact;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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
 * only where its trigger is (a digit, {@code :}, {@code =}, {@code @}, {@code |}, {@code /}, a line feed, the first
 * letter of a known prefix) and its cheap tests on the characters around it pass (the next one, the one before, the
 * word's length: {@link Detector#seconds}), its regex only over a window there. %-encoded text with an encoded separator in it is decoded and scanned
 * again ({@link Encoded}), so every rule holds inside a URL's query parameters too. Immutable and thread-safe: share
 * one.
 *
 * <p>Two rule sets: {@link #standard()} for text that leaves the process (prompts, reports handed on, Slack), and
 * {@link #atRest()} for the text Healdesk keeps on this machine (the history database, the run folder, logs), which
 * takes out every secret but leaves what the operator needs to find the broken thing: IP addresses, e-mail
 * addresses, phone numbers and the host of a database URL (its password still goes).
 */
public final class Redactor {

    private static final RuleTable RULES = RuleTable.load();
    private static final Redactor STANDARD = new Redactor(EnumSet.noneOf(SecretKind.class));
    private static final Redactor AT_REST = new Redactor(EnumSet.of(SecretKind.IP_ADDRESS, SecretKind.EMAIL,
            SecretKind.PHONE));

    private final Detector[][] triggers = new Detector[128][];
    /** The detectors of the one non-ASCII trigger, the box-drawing cell separator {@code │}. */
    private final Detector[] box;
    /** Called for the text's first line, which no line feed triggers. */
    private final SpacedProperties spacedProperties = new SpacedProperties();
    /**
     * By trigger character, beside {@link #triggers}: each detector's {@link Detector#seconds} (null for none), or null
     * where no detector of the character has any of the three tests (this, {@link #befores}, {@link #wordLengths}). The
     * scan makes these look-ups before it calls a detector, and where one rules the detector out takes what the detector
     * would answer there, the word's end ({@link Scan#wordEnd}) or the next character: the first letter of most words
     * ("of", "line", "Connection", "status"), a date's dashes and a path's slashes cost table look-ups, not calls.
     */
    private final boolean[][][] seconds = new boolean[128][][];
    /** Beside {@link #seconds}: each detector's {@link Detector#befores}. */
    private final boolean[][][] befores = new boolean[128][][];
    /** Beside {@link #seconds}: each detector's {@link Detector#wordLengths}. */
    private final long[][] wordLengths = new long[128][];
    /** By {@link SecretKind#ordinal()}: the kinds this rule set leaves in the text. */
    private final boolean[] left = new boolean[SecretKind.values().length];

    /** A span of the text and what it was; {@code end} is exclusive. */
    public record Finding(SecretKind kind, int start, int end) {
    }

    private Redactor(Set<SecretKind> leave) {
        leave.forEach(k -> left[k.ordinal()] = true);
        Numbers numbers = new Numbers();
        KeyValues keyValues = new KeyValues();
        Tokens tokens = new Tokens(RULES.tokens());
        Tables tables = new Tables();
        box = new Detector[] {tables};
        on("0123456789+(", numbers);
        on(":", new Urls());
        on(":", new Ipv6());
        on(":=>", keyValues);
        on("|", tables);
        on("%", new Encoded(this::scan));
        on(">", new Elements());
        on("Vv", new SqlValues());
        Emails emails = new Emails();
        on("@", emails);
        on("%", emails);
        on("-", new PrivateKeys());
        on("-", new CommandLines(RULES.flags()));
        on("/", new Logons(RULES.logons()));
        on("\n", spacedProperties);
        on("(", new Fills());
        on("(", new NamedArguments());
        on(tokens.firstChars(), tokens);
        on("bBA", new Bearer());
        on("tTsSpPcCaAkK", new NamedValues());
        on("ABCDEFGHIJKLMNOPQRSTUVWXYZ", new Ibans());
        on(",", new Pairs());
        on(".", new Leaders());
        on("iIuU", new SqlCredentials());
        on("sS", new SetAs());
        on("kK", new NumberedKeys());
        on(":", new HostLogins());
        on("[{", new ListValues());
        on("(", new SpewValues());
        Positionals positionals = new Positionals(RULES.positionals());
        on(positionals.firstChars(), positionals);
        for (char c = 0; c < 128; c++) {
            Detector[] ds = triggers[c];
            if (ds == null) {
                continue;
            }
            boolean[][] second = new boolean[ds.length][];
            boolean[][] before = new boolean[ds.length][];
            long[] lengths = new long[ds.length];
            boolean any = false;
            for (int k = 0; k < ds.length; k++) {
                second[k] = ds[k].seconds(c);
                before[k] = ds[k].befores(c);
                lengths[k] = Chars.word(c) ? ds[k].wordLengths(c) : -1L;
                any |= second[k] != null || before[k] != null || lengths[k] != -1L;
            }
            if (any) {
                seconds[c] = second;
                befores[c] = before;
                wordLengths[c] = lengths;
            }
        }
    }

    /** The built-in rules, for text that leaves the process. */
    public static Redactor standard() {
        return STANDARD;
    }

    /**
     * The rules for text kept on this machine: every secret {@link #standard()} finds, but IP addresses, e-mail
     * addresses and phone numbers stay, and a database URL loses only its password ({@code
     * postgres://healer:[REDACTED_PASSWORD]@db.internal/crm}; a {@code password=} in its query goes as any other).
     * The run's failure services ({@code {service}}, the systemic guardrail) are read from such text.
     */
    public static Redactor atRest() {
        return AT_REST;
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
        return scan(text, 0);
    }

    /** Scans {@code text}, decoded {@code depth} times from the text asked about (see {@link Encoded}). */
    private Scan scan(String text, int depth) {
        Scan scan = new Scan(text, left, depth);
        Detector[][] table = triggers;
        char[] chars = scan.chars;
        int n = chars.length;
        spacedProperties.line(scan, 0);
        int i = 0;
        while (i < n) {
            char c = chars[i];
            Detector[] detectors = c < 128 ? table[c] : c == '\u2502' ? box : null;
            if (detectors == null) {
                i++;
                continue;
            }
            int next = i + 1;
            boolean[][] second = c < 128 ? seconds[c] : null;
            if (second == null) {
                for (Detector d : detectors) {
                    next = Math.max(next, d.at(scan, i));
                }
            } else {
                // what a detector answers where its test rules it out (see Detector): i + 1, or the word's end
                boolean word = Chars.word(c);
                boolean[][] first = befores[c];
                long[] lengths = wordLengths[c];
                char after = i + 1 < n ? chars[i + 1] : 0;
                char before = i > 0 ? chars[i - 1] : 0;
                for (int k = 0; k < detectors.length; k++) {
                    boolean[] s = second[k];
                    boolean[] b = first[k];
                    long m = lengths[k];
                    if (s != null && (i + 1 >= n || after < 128 && !s[after])
                            || b != null && (i == 0 || before < 128 && !b[before])
                            || m != -1L && (m & 1L << Math.min(63, scan.wordEnd(i) - i)) == 0) {
                        if (word) {
                            next = Math.max(next, scan.wordEnd(i));
                        }
                    } else {
                        next = Math.max(next, detectors[k].at(scan, i));
                    }
                }
            }
            i = next;
        }
        return scan;
    }
}
