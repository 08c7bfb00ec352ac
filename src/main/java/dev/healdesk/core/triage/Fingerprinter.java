package dev.healdesk.core.triage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Gives one failure the same fingerprint every time it happens, and different failures different ones.
 *
 * <p>{@link #normalize(String)} rules (one hand-written pass, no regex):
 * <ul>
 *   <li>numbers {@code <n>} (also inside words: {@code 30000ms} → {@code <n>ms}, {@code user42} → {@code user<n>});
 *       UUIDs {@code <uuid>}; {@code 0x..} and hex runs of 6+ with a digit (hashes, commits) {@code <hex>};
 *       words mixing letters and digits several times (random ids, pod suffixes) {@code <id>};
 *       ISO-8601 dates and times and clock times {@code <ts>}; e-mail addresses {@code <email>}</li>
 *   <li>quoted values ('..', "..", `..`) become {@code '<v>'}, except JSON keys (a quote followed by ':'), a quote
 *       after the words selector/element/role, attribute values in [..=".."] selectors, and whole selector calls
 *       ({@code locator(..)}, {@code getByRole(..)}, {@code frameLocator(..)}, {@code waitForSelector(..)},
 *       {@code querySelector(..)}): a selector is the identity of a UI failure, not a variable value</li>
 *   <li>URLs keep scheme and path words; host (and user info) become {@code <host>}; numeric, UUID, hex and id
 *       segments become placeholders; query values {@code <v>}; a fragment {@code #<v>}. Bare IPv4, localhost and
 *       dotted host names followed by a port read {@code <host>} too</li>
 *   <li>ports: a service port (below 32768, e.g. :5432 vs :6379) tells which service failed and is kept;
 *       an ephemeral port (32768 and up, a test server's random port) is dropped</li>
 *   <li>common HTTP statuses (200, 401, 404, 500, 503, ...) stay when a status word precedes them (status, code,
 *       HTTP, expected, received, got, was, ...) or a reason phrase follows (503 Service Unavailable): a 404 and a
 *       500 are different failures; other numbers, a 512 ms duration included, become {@code <n>}</li>
 *   <li>file paths keep only the file name ({@code <path>/login.spec.ts}); route paths keep their words</li>
 *   <li>ANSI colours are dropped, runs of blanks become one space, each line is trimmed, and a line already seen
 *       is dropped (retry loops in call logs vary in length, not in content)</li>
 * </ul>
 *
 * <p>The fingerprint is the first 16 hex digits of SHA-256 over the category id, the normalised message and the
 * top three stack frames, each normalised: {@code at } prefix, line and column numbers, absolute path prefixes
 * (paths keep their last two segments), everything up to the last {@code node_modules/} (a package keeps its name
 * and file name), jar suffixes {@code ~[x.jar:1.0]} and lambda / anonymous class numbers are dropped.
 * Thread-safe.
 */
public final class Fingerprinter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Normalizer normalizer = new Normalizer();
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

    /** Per-thread buffers, so that a fingerprint allocates little more than its result. */
    private static final class Work {
        final MessageDigest sha256 = newDigest();
        final StringBuilder text = new StringBuilder(512);
        final StringBuilder frame = new StringBuilder(128);
        byte[] bytes = new byte[1024];
    }

    /** The message with its variable parts replaced by placeholders; "" for null. */
    public String normalize(String message) {
        return normalizer.normalize(message);
    }

    public String fingerprint(Category category, String message, String stack) {
        Objects.requireNonNull(category, "category");
        Work w = work.get();
        StringBuilder b = w.text;
        b.setLength(0);
        b.append(category.id()).append('\u001f');
        normalizer.normalizeInto(message, b);
        if (stack != null) {
            for (String frame : StackFrames.top(stack, 3)) {
                b.append('\u001f');
                normalizeFrameInto(frame, b, w.frame);
            }
        }
        byte[] digest = digest(w, b);
        char[] hex = new char[16];
        for (int i = 0; i < 8; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}, without a String or byte[] per call. */
    private static byte[] digest(Work w, StringBuilder text) {
        int n = text.length();
        if (w.bytes.length < n * 3) {
            w.bytes = new byte[Math.max(n * 3, w.bytes.length * 2)];
        }
        byte[] out = w.bytes;
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[k++] = (byte) c;
            } else if (c < 0x800) {
                out[k++] = (byte) (0xc0 | (c >> 6));
                out[k++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[k++] = (byte) (0xf0 | (cp >> 18));
                out[k++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                out[k++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                out[k++] = (byte) (0x80 | (cp & 0x3f));
            } else {
                out[k++] = (byte) (0xe0 | (c >> 12));
                out[k++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[k++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        w.sha256.update(out, 0, k);
        return w.sha256.digest();
    }

    /** One stack frame without what varies between machines, builds and runs. */
    String normalizeFrame(String frame) {
        StringBuilder out = new StringBuilder(frame.length());
        normalizeFrameInto(frame, out, new StringBuilder(frame.length()));
        return out.toString();
    }

    private void normalizeFrameInto(String frame, StringBuilder out, StringBuilder scratch) {
        String f = frame.strip();
        if (f.startsWith("at ")) {
            f = f.substring(3).stripLeading();
        }
        if (f.startsWith("File \"")) { // Python: File "/app/tests/test_login.py", line 42, in test_login
            int close = f.indexOf('"', 6);
            if (close > 6) {
                int inAt = f.indexOf(", in ", close);
                out.append(location(f.substring(6, close)));
                if (inAt > 0) {
                    out.append(" in ");
                    normalizer.normalizeInto(f.substring(inAt + 5), out);
                }
                return;
            }
        }
        int jar = f.indexOf(" ~[");
        if (jar < 0 && f.endsWith("]")) {
            jar = f.lastIndexOf(" [");
        }
        if (jar > 0) {
            f = f.substring(0, jar);
        }
        StringBuilder b = scratch;
        b.setLength(0);
        int n = f.length();
        int i = 0;
        while (i < n) {
            char c = f.charAt(i);
            if (c == ':' && i + 1 < n && Character.isDigit(f.charAt(i + 1))) { // :line:col
                i++;
                while (i < n && Character.isDigit(f.charAt(i))) {
                    i++;
                }
                continue;
            }
            boolean start = i == 0 || f.charAt(i - 1) == '(' || f.charAt(i - 1) == ' ';
            if (start && (c == '/' || c == '\\' || f.startsWith("file:", i) || f.startsWith("webpack", i)
                    || (i + 2 < n && Character.isLetter(c) && f.charAt(i + 1) == ':'
                    && (f.charAt(i + 2) == '\\' || f.charAt(i + 2) == '/')))) {
                int e = i;
                while (e < n && f.charAt(e) != ')' && f.charAt(e) != ' ') {
                    e++;
                }
                b.append(location(f.substring(i, e)));
                i = e;
                continue;
            }
            b.append(c);
            i++;
        }
        normalizer.normalizeInto(b.toString(), out);
    }

    /** A source location without line numbers, absolute prefix and dependency install paths. */
    static String location(String loc) {
        String l = loc.replace('\\', '/');
        for (String prefix : new String[] {"file://", "webpack-internal:///", "webpack://"}) {
            if (l.startsWith(prefix)) {
                l = l.substring(prefix.length());
            }
        }
        int lineAt = l.indexOf(":line ");
        if (lineAt > 0) {
            l = l.substring(0, lineAt);
        }
        int end = l.length();
        while (end > 0) { // trailing :12:5
            int k = end;
            while (k > 0 && Character.isDigit(l.charAt(k - 1))) {
                k--;
            }
            if (k < end && k > 0 && l.charAt(k - 1) == ':') {
                end = k - 1;
            } else {
                break;
            }
        }
        l = l.substring(0, end);
        int nm = l.lastIndexOf("node_modules/");
        if (nm >= 0) {
            String rest = l.substring(nm + "node_modules/".length());
            String[] parts = rest.split("/");
            String pkg = parts[0].startsWith("@") && parts.length > 1 ? parts[0] + "/" + parts[1] : parts[0];
            return pkg + ":" + parts[parts.length - 1];
        }
        int last = l.lastIndexOf('/');
        if (last < 0) {
            return l;
        }
        int prev = l.lastIndexOf('/', last - 1);
        return l.substring(prev + 1);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
