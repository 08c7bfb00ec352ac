package dev.healdesk.core.redact;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A secret that a rule found by its context (a password after its name, a session id in a cookie, a token under a
 * secret's key) goes wherever else it stands in the same text, where nothing names it: a test tool's assertion that
 * prints it back ({@code Found: …}, {@code Expected text: …}), a library's debug line that logs the value it just
 * read ({@code saving …}), a shell that echoes it as an unknown command. Run once per scan of the text itself, after
 * the detectors, over what they claimed; only for the kinds found by context ({@link #echoed}), since a token of known
 * shape is found by its shape wherever it stands. A repeat counts where it is a whole run: the characters on both sides
 * of it are no letters or digits, so a short value inside a longer word stays.
 */
final class Echoes {

    /** Shorter values repeat by chance (a word, a number), and are left where nothing names them. */
    static final int MIN_LENGTH = 8;
    /**
     * Up to this many values, each is looked for with {@link String#indexOf}, the fastest search for one value; past
     * it, all of them in one pass over the text ({@link Values}), so that a long text with thousands of values
     * found by context (a 1 MB log in a prompt, a run's report redacted at rest) costs one reading, not one per value.
     */
    static final int ONE_BY_ONE = 8;
    /**
     * From this length on (a text too long for a thread's kept arrays, {@link Scan.Buffers#MAX_KEPT}), a text's values
     * are looked for in one pass ({@link Values}) however few they are, with the remembered ones in the same pass:
     * {@code healdesk redact} hands over blocks of up to a megabyte with a {@link SecretMemory}, and such calls are too
     * few for the JIT's last tier to reach {@link String#indexOf}'s caller, where an intrinsic makes it fast; {@code
     * StringUTF16}'s search for a Latin-1 value in a text with a character past Latin-1 then ran its plain loop, once
     * per value: 31 % of a JFR profile of 8 MB of real text in such blocks, the remembered values' pass another 12 %
     * ({@code fast17}). Shorter texts keep {@code indexOf} up to {@link #ONE_BY_ONE} values: called per line or per
     * document, its caller is compiled soon, and then it is the faster search.
     */
    static final int ONE_PASS_LENGTH = Scan.Buffers.MAX_KEPT + 1;
    private static final SecretKind[] KINDS = SecretKind.values();

    private Echoes() {
    }

    /**
     * The distinct values of a text's spans found by context, in the order of their spans: {@code count} of each array
     * filled. What {@link #add} looked for, and what a {@link SecretMemory} keeps of the text.
     */
    record Picked(String[] texts, SecretKind[] kinds, int[] starts, int count) {
    }

    /**
     * Claims, in {@code scan}, every other whole occurrence of each value found by context: of every span claimed so
     * far, however many there are and wherever the value's name stands in the text; and of each value {@code
     * remembered} from the texts before it ({@link SecretMemory}), where one is given. Returns the values it picked,
     * null where there was none.
     */
    static Picked add(Scan scan, Values remembered) {
        int count = scan.spanCount();
        String s = scan.text;
        String[] texts = null;
        SecretKind[] found = null;
        int[] starts = null;
        int values = 0;
        Set<String> seen = null;
        for (int k = 0; k < count; k++) {
            if (!echoable(scan, k)) {
                continue;
            }
            if (seen == null) {
                seen = new HashSet<>();
                texts = new String[8];
                found = new SecretKind[8];
                starts = new int[8];
            }
            String value = s.substring(scan.span(k, 0), scan.span(k, 1));
            if (!seen.add(value)) {
                continue;   // the same value under another name: looked for once
            }
            if (values == texts.length) {
                texts = Arrays.copyOf(texts, 2 * values);
                found = Arrays.copyOf(found, 2 * values);
                starts = Arrays.copyOf(starts, 2 * values);
            }
            texts[values] = value;
            found[values] = KINDS[scan.span(k, 2)];
            starts[values++] = scan.span(k, 0);
        }
        Values others = remembered != null && remembered.size() > 0 ? remembered : null;
        if (values > ONE_BY_ONE || values > 0 && scan.length >= ONE_PASS_LENGTH) {
            // its own values and the remembered ones in the same pass
            Values.lookFor(scan, new Values(Arrays.copyOf(texts, values), Arrays.copyOf(found, values),
                    Arrays.copyOf(starts, values)), others);
            others = null;
        } else {
            for (int v = 0; v < values; v++) {
                String value = texts[v];
                boolean hex = hex(value, 0, value.length());
                for (int at = s.indexOf(value); at >= 0; at = s.indexOf(value, at + 1)) {
                    if (at != starts[v]) {
                        claim(scan, found[v], value.length(), hex, at);
                    }
                }
            }
        }
        if (others != null) {
            others.lookFor(scan);
        }
        return values == 0 ? null : new Picked(texts, found, starts, values);
    }

    /** Whether the {@code k}th span of {@code scan} is a value to look for again: long enough, found by context. */
    private static boolean echoable(Scan scan, int k) {
        int start = scan.span(k, 0);
        int end = scan.span(k, 1);
        return end - start >= MIN_LENGTH && echoed(KINDS[scan.span(k, 2)]) && !uuid(scan.text, start, end)
                && !plainWords(scan.text, start, end);
    }

    /**
     * Whether the value is ordinary words and nothing else: runs of letters, each all small, all capitals or a capital
     * then small letters, joined by single {@code - . _ /} ({@code configure}, {@code Document}, {@code dbus-daemon},
     * {@code libpng.txt}, {@code contrib/pngminus/makefile.std}), a full stop or a comma after them ({@code
     * configuration.}), a file's extension with a digit last ({@code libfoo-x.y.tar.bz2}). A rule that took such a value
     * once took it for its
     * slot (a word after {@code identified by}, a column under {@code passwd}, a file after {@code --password-file}),
     * and the word stands all over a man page or a changelog by its own meaning; a password that a generator made or a
     * person chose to pass a policy has a digit, a sign or mixed case, and goes wherever it is repeated.
     */
    static boolean plainWords(String s, int start, int end) {
        if (end - start > 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == ',')) {
            end--;   // a sentence's stop or comma after the word: "their authentication configuration."
        }
        int dot = end - 4;
        while (dot > start && dot < end && s.charAt(dot) != '.') {
            dot++;
        }
        if (dot > start && dot < end && s.charAt(dot) == '.' && Chars.isAnyExactly(s, dot + 1, end, DIGIT_EXTENSIONS)) {
            end = dot;   // a file's extension with a digit in it: libfoo-x.y.tar.bz2
        }
        int i = start;
        while (i < end) {
            int run = i;
            while (i < end && Chars.letter(s.charAt(i))) {
                i++;
            }
            if (i == run || !oneCase(s, run, i)) {
                return false;   // a digit, a sign, a letter beyond ASCII, two joiners in a row, or mixed case
            }
            if (i < end) {
                char c = s.charAt(i);
                if (c != '-' && c != '.' && c != '_' && c != '/' || i + 1 == end) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** The extensions of files with a digit in them, which end a file's name of plain words ({@link #plainWords}). */
    private static final String[] DIGIT_EXTENSIONS = {"bz2", "lz4", "7z", "mp3", "mp4"};

    /** Whether the letters {@code s[start, end)} are all small, all capitals, or a capital then small letters. */
    private static boolean oneCase(String s, int start, int end) {
        boolean smallAfter = true;
        boolean capitalAfter = true;
        for (int i = start + 1; i < end; i++) {
            boolean small = Chars.lower(s.charAt(i));
            smallAfter &= small;
            capitalAfter &= !small;
        }
        return smallAfter || capitalAfter && Chars.upper(s.charAt(start));
    }

    /**
     * Values looked for in one pass over a text, immutable once built: at each place a whole run may start (the text's
     * start, or after a character that is no letter or digit), the next {@link #MIN_LENGTH} characters are hashed and
     * looked up among the values' first {@code MIN_LENGTH} characters, and only a value whose opening matches is
     * compared whole.
     */
    static final class Values {

        static final Values NONE = new Values(new String[0], new SecretKind[0], new int[0]);

        private final String[] texts;
        private final SecretKind[] kinds;
        /** Where each value stands in the text looked at, which is no repeat of it; -1 for a value from another text. */
        private final int[] starts;
        private final boolean[] hex;
        private final long[] keys;
        private final int[] heads;   // 1 + the first value with this opening; 0 where the slot is free
        private final int[] next;    // 1 + the next value with the same opening; 0 at the chain's end
        private final boolean[] opens = new boolean[128];
        private boolean opensWide;

        Values(String[] texts, SecretKind[] kinds, int[] starts) {
            this.texts = texts;
            this.kinds = kinds;
            this.starts = starts;
            int values = texts.length;
            int slots = Integer.highestOneBit(Math.max(1, values) * 4 - 1) << 1;
            keys = new long[slots];
            heads = new int[slots];
            next = new int[values];
            hex = new boolean[values];
            for (int v = values - 1; v >= 0; v--) {
                String t = texts[v];
                hex[v] = hex(t, 0, t.length());
                char c = t.charAt(0);
                if (c < 128) {
                    opens[c] = true;
                } else {
                    opensWide = true;
                }
                long key = key(t, 0);
                int slot = slot(keys, heads, key);
                next[v] = heads[slot];
                keys[slot] = key;
                heads[slot] = v + 1;
            }
        }

        int size() {
            return texts.length;
        }

        boolean contains(String value) {
            for (int v = heads[slot(keys, heads, key(value, 0))]; v != 0; v = next[v - 1]) {
                if (texts[v - 1].equals(value)) {
                    return true;
                }
            }
            return false;
        }

        /** These values and {@code more} after them, from other texts. */
        Values with(List<String> more, List<SecretKind> moreKinds) {
            int n = texts.length;
            String[] t = Arrays.copyOf(texts, n + more.size());
            SecretKind[] k = Arrays.copyOf(kinds, n + more.size());
            int[] st = Arrays.copyOf(starts, n + more.size());
            for (int i = 0; i < more.size(); i++) {
                t[n + i] = more.get(i);
                k[n + i] = moreKinds.get(i);
                st[n + i] = -1;
            }
            return new Values(t, k, st);
        }

        /** Claims, in {@code scan}, each whole occurrence of each value but where it was found. */
        void lookFor(Scan scan) {
            lookFor(scan, this, null);
        }

        /**
         * {@link #lookFor(Scan)} for {@code first} and {@code second} (null: none) in one pass, which reads the scan's
         * copy of the text ({@link Scan#chars}): an array read, where {@code String.charAt} on a text with a character
         * past Latin-1 checks its coding and index at each step.
         */
        static void lookFor(Scan scan, Values first, Values second) {
            char[] chars = scan.chars;
            int n = scan.length;
            boolean after = true;   // whether the character before i is no letter or digit
            for (int i = 0; i + MIN_LENGTH <= n; i++) {
                char c = chars[i];
                if (after) {
                    if (c < 128 ? first.opens[c] : first.opensWide) {
                        first.at(scan, i);
                    }
                    if (second != null && (c < 128 ? second.opens[c] : second.opensWide)) {
                        second.at(scan, i);
                    }
                }
                after = !Chars.alnum(c);
            }
        }

        /** Claims the values that stand whole at {@code i}, but where each was found. */
        private void at(Scan scan, int i) {
            String s = scan.text;
            for (int v = heads[slot(keys, heads, key(scan.chars, i))]; v != 0; v = next[v - 1]) {
                String t = texts[v - 1];
                if (i != starts[v - 1] && s.startsWith(t, i)) {
                    claim(scan, kinds[v - 1], t.length(), hex[v - 1], i);
                }
            }
        }
    }

    /** The slot of {@code key} in the open-addressed table: where it is, or the free slot where it goes. */
    private static int slot(long[] keys, int[] heads, long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ key >>> 29) & mask;
        while (heads[slot] != 0 && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    /** A hash of the {@link #MIN_LENGTH} characters from {@code start}. */
    private static long key(String s, int start) {
        long h = 0;
        for (int i = start; i < start + MIN_LENGTH; i++) {
            h = h * 0x100000001B3L + s.charAt(i);
        }
        return h;
    }

    /** {@link #key(String, int)} of the same characters in an array. */
    private static long key(char[] chars, int start) {
        long h = 0;
        for (int i = start; i < start + MIN_LENGTH; i++) {
            h = h * 0x100000001B3L + chars[i];
        }
        return h;
    }

    /** Claims the repeat at {@code at} where it is a whole run and, for a hex value, no path's segment. */
    private static void claim(Scan scan, SecretKind kind, int length, boolean hex, int at) {
        String s = scan.text;
        int end = at + length;
        if (whole(s, at, end) && !(hex && segment(s, at, end))) {
            scan.add(kind, at, end);
        }
    }

    /** The kinds a rule finds by what names them rather than by their shape. */
    static boolean echoed(SecretKind kind) {
        return switch (kind) {
            case PASSWORD, SESSION_ID, COOKIE, GENERIC_SECRET, BEARER_TOKEN, AWS_SECRET_KEY -> true;
            // a person's number found under its name ({@code On instance['aadhaar']: '…'}) is as often printed again
            // where nothing names it ({@code ValidationError: '…' does not match}, pandas' {@code first diff: …})
            case NATIONAL_ID, SSN, PHONE -> true;
            default -> false;
        };
    }

    /** Whether the value is hex digits and dashes, a dash among them: a UUID, an id rather than a secret. */
    private static boolean uuid(String s, int start, int end) {
        return hex(s, start, end) && Chars.indexOf(s, '-', start, end) >= 0;
    }

    /**
     * Whether the value is hex digits and dashes only. A hex value that a rule took for a secret by its name (an API
     * token, {@code ${API_TOKEN} = …}) goes where it is repeated as a value of its own ({@code <arg>…</arg>}), but a
     * WebDriver session's or element's id stays where it is a path segment ({@code /session/…/element/…/value}), as ids
     * do elsewhere.
     */
    private static boolean hex(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!Chars.hex(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s[start, end)} stands after or before a {@code /}: a path's or a URL's segment. */
    private static boolean segment(String s, int start, int end) {
        return start > 0 && s.charAt(start - 1) == '/' || end < s.length() && s.charAt(end) == '/';
    }

    private static boolean whole(String s, int start, int end) {
        return (start == 0 || !Chars.alnum(s.charAt(start - 1))) && (end >= s.length() || !Chars.alnum(s.charAt(end)));
    }
}
