package dev.healdesk.core.triage;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * Gives one failure the same fingerprint every time it happens, and different failures different ones: the
 * fingerprint is the failure's template (issue 13).
 *
 * <p>{@link #normalize(String)} masks the volatile parts in one hand-written pass (no regex): numbers, durations,
 * line and column numbers {@code <n>}; UUIDs, hashes, hex and random ids, pod suffixes; ISO and log timestamps
 * {@code <ts>}; URLs {@code <url>}, file and route paths {@code <path>}, hosts, IPs (v4 and v6) and their ports
 * {@code <host>}; e-mail addresses; quoted values ('..', "..", `..`) and selector calls ({@code locator(..)},
 * {@code getByRole(..)}) {@code <v>} (JSON keys stay); JUnit's {@code expected: <..> but was: <..>}, Hamcrest's
 * {@code <..>}, TestNG's {@code expected [..] but found [..]} and a constraint's {@code Key (..)=(..)} {@code <v>}.
 * Common HTTP statuses stay where a status word leads them (a 404 and a 500 are different failures).
 *
 * <p>{@link #fingerprint(String, String)} then takes only the {@link #headline}: call logs, headers and stack frames
 * are evidence, kept with the failure, not part of its identity. It drops the headline's wrappers (log prefixes,
 * container gutters, {@code Error:} and exception or API names before the failure's own words), spells every value
 * {@code <v>} and ignores case, and hashes the result with the key (triage gives the pattern id, so two services refusing stay two failures). The fingerprint is the
 * first 16 hex digits of that SHA-256. Thread-safe.
 */
public final class Fingerprinter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final Normalizer normalizer = new Normalizer();
    private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

    /** Per-thread buffers, so that a fingerprint allocates little more than its result. */
    private static final class Work {
        final MessageDigest sha256 = newDigest();
        final StringBuilder text = new StringBuilder(512);
        final StringBuilder frame = new StringBuilder(128);
        final byte[] sum = new byte[32];
        final byte[] hex = new byte[16];
        byte[] bytes = new byte[1024];
    }

    /** The message with its variable parts replaced by placeholders; "" for null. */
    public String normalize(String message) {
        return normalizer.normalize(message);
    }

    /**
     * The fingerprint of a failure classified as {@code category}: the category and the template of the headline.
     * The stack is evidence, not identity, and is ignored (kept as a parameter for callers that have it at hand).
     */
    public String fingerprint(Category category, String message, String stack) {
        Objects.requireNonNull(category, "category");
        return fingerprint(category.id(), message);
    }

    /**
     * The fingerprint of {@code message} under {@code key} (triage uses the pattern id): the first 16 hex digits of
     * SHA-256 over the key and the normalised {@link #headline headline}, its leading log prefixes and generic error
     * words dropped.
     */
    public String fingerprint(String key, String message) {
        Objects.requireNonNull(key, "key");
        Work w = work.get();
        StringBuilder b = w.text;
        b.setLength(0);
        b.append(key).append('\u001f');
        int start = b.length();
        normalizer.normalizeInto(headline(message), b);
        stripWrappers(b, start);
        canonical(b, start);
        structure(b, start);
        byte[] digest = digest(w, b);
        byte[] hex = w.hex;
        for (int i = 0; i < 8; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex, 0, 16, StandardCharsets.ISO_8859_1); // one copy, no char[] between
    }

    /** The identity of a failure as the fingerprint sees it: the normalised headline without its wrappers. */
    public String template(String message) {
        StringBuilder b = new StringBuilder();
        normalizer.normalizeInto(headline(message), b);
        stripWrappers(b, 0);
        canonical(b, 0);
        structure(b, 0);
        return b.toString();
    }

    /** Lines of the message that make its headline (the rest is call log, stack or detail: evidence). */
    static final int HEADLINE_LINES = 1;

    /**
     * The headline of a failure message: its first {@value #HEADLINE_LINES} meaningful lines, stopping at a call
     * log, a log section or a stack trace, and skipping stack frames, code excerpts and numbered lists. Call-log
     * lines, request headers and frames are evidence, not identity.
     */
    public static String headline(String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        int n = message.length();
        int lines = 0;
        StringBuilder out = null;
        int i = 0;
        while (i < n && lines < HEADLINE_LINES) {
            int e = message.indexOf('\n', i);
            if (e < 0) {
                e = n;
            }
            int a = i;
            int b = e;
            while (a < b && Character.isWhitespace(message.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(message.charAt(b - 1))) {
                b--;
            }
            i = e + 1;
            if (a == b) {
                continue;
            }
            if (endsHeadline(message, a, b)) {
                break;
            }
            if (isEvidenceLine(message, a, b)) {
                continue;
            }
            b = cutAtInlineSection(message, a, b);
            if (lines == 0 && i >= n) {
                return message.substring(a, b); // one line: no copy of the rest
            }
            if (out == null) {
                out = new StringBuilder(b - a + 64);
            } else {
                out.append('\n');
            }
            out.append(message, a, b);
            lines++;
            if (message.charAt(b - 1) == ':' && (message.startsWith("Expecting", a) || b - a < 48 && i < n
                    && isBareName(message, a, b))) {
                return continuation(message, i, out);
            }
        }
        return out == null ? "" : out.toString();
    }

    /**
     * Whether the line {@code [a, b)} of {@code message} (no line break inside) could be a headline: not blank, not
     * the start of a log section, not a frame or other evidence line. Same as {@code !headline(line).isEmpty()},
     * without a copy of the line.
     */
    static boolean isHeadlineLine(String message, int a, int b) {
        while (a < b && Character.isWhitespace(message.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(message.charAt(b - 1))) {
            b--;
        }
        return a < b && !endsHeadline(message, a, b) && !isEvidenceLine(message, a, b);
    }

    /** A line that is only an exception name and a colon ({@code java.lang.AssertionError:}). */
    private static boolean isBareName(String m, int a, int b) {
        for (int k = a; k < b - 1; k++) {
            char c = m.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The rest of a multi-line assertion headline (AssertJ's {@code Expecting actual:\n  "x"\nto contain:\n  "y"}):
     * its unindented lines are the assertion's words, its indented lines the values (evidence); a bare exception name
     * is followed by its message on the next line.
     */
    private static String continuation(String m, int i, StringBuilder out) {
        int n = m.length();
        int added = 0;
        while (i < n && added < 3) {
            int e = m.indexOf('\n', i);
            if (e < 0) {
                e = n;
            }
            int a = i;
            int b = e;
            i = e + 1;
            while (b > a && Character.isWhitespace(m.charAt(b - 1))) {
                b--;
            }
            if (a == b) {
                continue;
            }
            boolean indented = Character.isWhitespace(m.charAt(a));
            if (indented && !(added == 0 && out.charAt(out.length() - 1) == ':' && !out.toString().contains("Expecting"))) {
                continue;
            }
            while (a < b && Character.isWhitespace(m.charAt(a))) {
                a++;
            }
            if (endsHeadline(m, a, b) || isEvidenceLine(m, a, b)) {
                break;
            }
            out.append('\n').append(m, a, cutAtInlineSection(m, a, b));
            added++;
            if (!m.startsWith("Expecting", a) && out.indexOf("Expecting") < 0) {
                break; // a bare name's message: one line
            }
        }
        return out.toString();
    }

    private static final String[] SECTION_STARTS = {"call log:", "=====", "browser logs:", "stacktrace:", "stack trace:",
        "build info:", "system info:", "driver info:", "require stack:", "common situations why", "for documentation on",
        "traceback (most recent call last)", "----- native stack", "the stack trace for this error", "logs:",
        "remote stacktrace:", "session info:", "(session info:", "command duration or timeout:", "note: use debug=",
        "details:", "caused by:"};

    private static final String[] INLINE_SECTIONS = {" (Session info:", "; For documentation", " =====",
        " Build info:", " Call log:", " (Background on this error", " Command duration or timeout:", ", client: "};

    /** The line's end before an inline log section (one-line renderings of call logs and driver info). */
    private static int cutAtInlineSection(String m, int a, int b) {
        int end = b;
        scan:
        for (int k = a, n = m.length(); k < b; k++) {
            char c = m.charAt(k);
            char next = k + 1 < n ? m.charAt(k + 1) : 0;
            // how every inline section starts: " (", " =", " B", " C", "; " or ", "
            if (c == ' ' ? next == '(' || next == '=' || next == 'B' || next == 'C' : (c == ';' || c == ',') && next == ' ') {
                for (String section : INLINE_SECTIONS) {
                    if (m.startsWith(section, k)) {
                        end = k; // the first section to start: what the least of their first indexes was
                        break scan;
                    }
                }
            }
        }
        while (end > a && Character.isWhitespace(m.charAt(end - 1))) {
            end--;
        }
        return end > a ? end : b;
    }

    /**
     * {@link #SECTION_STARTS} by their first character, both cases (each starts with a lower-case letter or a sign):
     * a line is compared only with the starts that begin as it does, and most lines with none.
     */
    private static final String[][] SECTIONS_BY_FIRST = new String[128][];

    static {
        for (String start : SECTION_STARTS) {
            char c = start.charAt(0);
            for (char k : new char[] {c, Character.toUpperCase(c)}) {
                String[] old = SECTIONS_BY_FIRST[k];
                String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
                now[now.length - 1] = start;
                SECTIONS_BY_FIRST[k] = now;
                if (k == c && Character.toUpperCase(c) == c) {
                    break;
                }
            }
        }
    }

    private static boolean endsHeadline(String m, int a, int b) {
        char first = m.charAt(a);
        String[] starts = first < 128 ? SECTIONS_BY_FIRST[first] : null;
        if (starts == null) {
            return false;
        }
        for (String start : starts) {
            if (m.regionMatches(true, a, start, 0, start.length())) {
                return true;
            }
        }
        return false;
    }

    /** A stack frame, a code excerpt line ({@code > 6 |}), a numbered list item ({@code 1) <button>}), a diff line. */
    private static boolean isEvidenceLine(String m, int a, int b) {
        char c = m.charAt(a);
        if (m.startsWith("at ", a) || m.startsWith("File \"", a) || m.startsWith("from ", a)
                || m.startsWith("terminate called after throwing an instance of", a)) { // C++: what() follows
            return true;
        }
        int k = c == '>' || c == '#' ? a + 1 : a;
        while (k < b && m.charAt(k) == ' ') {
            k++;
        }
        int d = k;
        while (k < b && Character.isDigit(m.charAt(k))) {
            k++;
        }
        if (k > d && k < b) {
            char after = m.charAt(k);
            boolean gutter = after == '|' && k + 1 < b && m.charAt(k + 1) != ' '; // pm2's "0|app | ", not "12 | code"
            if (after == ')' || (after == '|' && !gutter) || (c == '#' && after == ' ')) {
                return true;
            }
            if (after == ':' && k + 1 < b && m.charAt(k + 1) == ' ' && k - d <= 2 && c != '#') {
                return false;
            }
        }
        if (k == d && (c == '|' || ((c == '-' || c == '+') && b > a + 1 && m.charAt(a + 1) == ' '))) {
            return true; // a bare code gutter or a diff / call-log line
        }
        if (m.startsWith("<---", a) || c == '}' || c == ']') {
            return true; // decoration, the end of a dumped object
        }
        return isPropertyLine(m, a, b);
    }

    private static final String[] ERROR_PROPERTIES = {"errno:", "code:", "syscall:", "address:", "port:", "type:",
        "erroredsyscall:", "name:", "status:", "statuscode:", "config:", "request:", "response:", "headers:"};

    /**
     * {@link #ERROR_PROPERTIES} by their first letter, lower case; String.regionMatches folds case both ways, so a
     * line starting with U+017F (long s, upper case S) is compared as one starting with s.
     */
    private static final String[][] PROPERTIES_BY_FIRST = new String[128][];

    static {
        for (String p : ERROR_PROPERTIES) {
            char c = p.charAt(0);
            String[] old = PROPERTIES_BY_FIRST[c];
            String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = p;
            PROPERTIES_BY_FIRST[c] = now;
        }
    }

    /** A property of a dumped error object ({@code errno: 'ECONNREFUSED',}), not its message. */
    private static boolean isPropertyLine(String m, int a, int b) {
        char first = m.charAt(a);
        int folded = first == '\u017f' ? 's' : first >= 'A' && first <= 'Z' ? first + 32 : first;
        String[] properties = folded < 128 ? PROPERTIES_BY_FIRST[folded] : null;
        if (properties == null) {
            return false;
        }
        for (String p : properties) {
            int colon = a + p.length() - 1; // every property ends with its colon: one look rules most out
            if (colon < m.length() && m.charAt(colon) == ':' && m.regionMatches(true, a, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    private static final String[] WRAPPERS = {"<ts> ", "<ts>, ", "error: ", "uncaught ", "unhandled rejection ",
        "unhandledpromiserejectionwarning: ", "(node:<n>) ", "caused by: ", "e ", "err! ", "error ", "[error] ", "error - ",
        "request error: ", "exception: ", "<ts>: ", "* ", "*<n> ", "<n>#<n>: ", "[<n>] ", "<n> ", "warn -- : ", "error -- : ",
        "fatal: ", "error! ", "exception in thread <v> ", "{ ", "err { ", "[", "(error) ", "utc ", "gmt ", "cet ",
        "cest ", "pst ", "est "};

    private static final String[] NO_WRAPPERS = {};

    /** The first characters of {@link #WRAPPERS}, both cases: most lines are ruled out by one look-up. */
    private static final boolean[] WRAPPER_FIRST = new boolean[128];

    static {
        for (String w : WRAPPERS) {
            char c = w.charAt(0);
            WRAPPER_FIRST[c] = true;
            WRAPPER_FIRST[Character.toUpperCase(c)] = true;
        }
    }

    /**
     * Drops, at the start of each headline line, the wrappers one failure carries or not depending on who printed
     * it: timestamps and log levels, pids, {@code Error:} and {@code Uncaught}, container name gutters
     * ({@code db_1 |}).
     */
    static void stripWrappers(StringBuilder b, int start) {
        int line = start;
        while (line < b.length()) {
            boolean changed = true;
            boolean noInnerError = false; // stays so while only the line's start is cut: its rest has none either
            while (changed) {
                changed = false;
                int gutter = Math.max(gutterEnd(b, line), Math.max(bracketPrefixEnd(b, line),
                        Math.max(eventPrefixEnd(b, line), subjectPrefixEnd(b, line))));
                if (gutter > line) {
                    b.delete(line, gutter);
                    changed = true;
                    continue;
                }
                char first = line < b.length() ? b.charAt(line) : 0;
                for (String w : first < 128 && WRAPPER_FIRST[first] ? WRAPPERS : NO_WRAPPERS) {
                    if (regionMatchesIgnoreCase(b, line, w)) {
                        b.delete(line, line + w.length());
                        changed = true;
                        break;
                    }
                }
                if (!changed) {
                    int inner = noInnerError ? -1 : innermostError(b, line);
                    noInnerError = inner < 0;
                    if (inner > line) {
                        b.delete(line, inner);
                        changed = true;
                        continue;
                    }
                    int name = namePrefixEnd(b, line);
                    if (name > line) {
                        b.delete(line, name);
                        changed = true;
                    }
                }
            }
            int end = b.indexOf("\n", line);
            if (end < 0) {
                end = b.length();
            }
            int trimmed = end;
            while (trimmed > line && ".:, )'\"]}".indexOf(b.charAt(trimmed - 1)) >= 0) {
                trimmed--;
            }
            b.delete(trimmed, end);
            int nl = b.indexOf("\n", line);
            if (nl < 0) {
                break;
            }
            line = nl + 1;
        }
    }

    /**
     * End of a leading {@code Name: } (an exception class, an API call, a program or a log level: {@code
     * RequestError: }, {@code locator.click: }, {@code psql: }, {@code ERROR: }) when text follows it: who printed a
     * failure is not what failed. -1 when the line does not start so.
     */
    private static int namePrefixEnd(StringBuilder b, int line) {
        int limit = Math.min(b.length(), line + 100);
        for (int k = line; k < limit; k++) {
            char c = b.charAt(k);
            if (c == ':') {
                if (k > line && k + 1 < b.length() && b.charAt(k + 1) == ' ' && b.length() - k > 8
                        && b.charAt(k + 2) != '\n') {
                    return k + 2;
                }
                if (k + 1 < b.length() && b.charAt(k + 1) == ':') {
                    return -1; // net::ERR_..., a scope operator: part of the failure
                }
                continue;
            }
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$' || c == '<' || c == '>'
                    || c == '-' || c == '[' || c == ']' || c == '(' || c == ')')) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * End of a leading bracketed tag ({@code [POST http://../click] }, {@code [conn2] }, {@code [error] }) followed by
     * the failure's words: who or what printed it, not what failed. Not an error printed in brackets ({@code [Error:
     * connect ECONNREFUSED ..]}). -1 when the line does not start so.
     */
    private static int bracketPrefixEnd(StringBuilder b, int line) {
        if (line >= b.length() || b.charAt(line) != '[') {
            return -1;
        }
        int limit = Math.min(b.length(), line + 200);
        for (int k = line + 1; k < limit; k++) {
            char c = b.charAt(k);
            if (c == '\n' || c == '[' || (c == ':' && k + 1 < limit && b.charAt(k + 1) == ' ')) {
                return -1;
            }
            if (c == ']') {
                int e = k + 1;
                if (e < b.length() && b.charAt(e) == ' ' && b.length() - e > 8 && b.charAt(e + 1) != '\n') {
                    return e + 1;
                }
                return -1;
            }
        }
        return -1;
    }

    /**
     * End of a Kubernetes event row's columns before its message ({@code Warning FailedScheduling 38s (x8 over 1m)
     * default-scheduler }, {@code Warning BackOff 15s (x7 over 1m) kubelet, node-1 }): type, reason, age, count and
     * source. -1 when the line does not start so.
     */
    private static int eventPrefixEnd(StringBuilder b, int line) {
        int first = line < b.length() ? b.charAt(line) | 0x20 : 0; // no other character folds to w or n
        if (first != 'w' && first != 'n') {
            return -1;
        }
        int k;
        if (regionMatchesIgnoreCase(b, line, "warning ")) {
            k = line + 8;
        } else if (regionMatchesIgnoreCase(b, line, "normal ")) {
            k = line + 7;
        } else {
            return -1;
        }
        int reason = k;
        while (k < b.length() && Character.isLetter(b.charAt(k))) {
            k++;
        }
        if (k == reason || k >= b.length() || b.charAt(k) != ' ' || !Character.isUpperCase(b.charAt(reason))) {
            return -1; // the reason is one CamelCase word
        }
        k++;
        if (k >= b.length() || b.charAt(k) != '<') {
            return -1; // the age: a number or a value
        }
        k = tokenEnd(b, k) + 1;
        if (regionMatchesIgnoreCase(b, k, "(x<n> over ")) {
            int close = b.indexOf(") ", k);
            int nl = b.indexOf("\n", k);
            if (close < 0 || (nl >= 0 && nl < close)) {
                return -1;
            }
            k = close + 2;
        }
        int source = tokenEnd(b, k);
        if (source <= k || source >= b.length()) {
            return -1;
        }
        if (b.charAt(source - 1) == ',') {
            source = tokenEnd(b, source + 1); // kubelet, node-name
        }
        return source < b.length() && b.charAt(source) == ' ' ? source + 1 : -1;
    }

    /** The end of the token (no space, no line break) starting at {@code k}. */
    private static int tokenEnd(StringBuilder b, int k) {
        while (k < b.length() && b.charAt(k) != ' ' && b.charAt(k) != '\n') {
            k++;
        }
        return k;
    }

    /**
     * End of a leading subject naming a container, pod or service before a comma ({@code Container web-1, dependency
     * failed to start: ..}): which one is a value, the failure follows. -1 when the line does not start so.
     */
    private static final String[] SUBJECTS = {"container ", "pod ", "service ", "deployment ", "node "};

    private static int subjectPrefixEnd(StringBuilder b, int line) {
        int first = line < b.length() ? b.charAt(line) | 0x20 : 0; // no other character folds to c, p, s, d or n
        if (first != 'c' && first != 'p' && first != 's' && first != 'd' && first != 'n') {
            return -1;
        }
        for (String word : SUBJECTS) {
            if (regionMatchesIgnoreCase(b, line, word)) {
                int e = tokenEnd(b, line + word.length());
                if (e > line + word.length() + 1 && b.charAt(e - 1) == ',' && e + 1 < b.length()
                        && b.charAt(e) == ' ') {
                    return e + 1;
                }
            }
        }
        return -1;
    }

    /**
     * Structure-based masking on the canonical template (lower case, values {@code <v>}, numbers {@code <n>}): the
     * parts of a failure's clause that vary between two quotes of one failure by who printed it or how much detail it
     * gave, not by what failed.
     * <ul>
     *   <li>an errno's parenthesis ({@code (110: Connection timed out)}, {@code (0x274D/10061)}): its words and codes
     *   differ by platform; likewise any parenthesis of values and numbers only;</li>
     *   <li>a dumped object after a colon ({@code dup key: { _id: ObjectId(..) }}, {@code element: {"method":..}}) is
     *   one value; an unquoted attribute selector ({@code [data-testid=x]}) is one value;</li>
     *   <li>a list of counts after a colon ({@code nodes are available: 1 Insufficient cpu, 2 node(s) were
     *   unschedulable}) is one value;</li>
     *   <li>the JVM's description of a null expression ({@code because the return value of "a.B.c()" is null},
     *   {@code because "x" is null}) is one value;</li>
     *   <li>the hosts after {@code getaddrinfo ENOTFOUND} are values;</li>
     *   <li>a value standing between words is dropped: one tool names the element or origin, another leaves it out
     *   ({@code Element <a> is not clickable}, {@code Element is not clickable});</li>
     *   <li>a trailing location ({@code in /srv/x.php:22}, {@code at x.js:3:9}) and a trailing timing ({@code 122ms})
     *   are dropped.</li>
     * </ul>
     */
    static void structure(StringBuilder b, int start) {
        if (b.indexOf("(", start) >= 0) {
            valueParentheses(b, start);
        }
        if (b.indexOf("{", start) >= 0) {
            objects(b, start);
        }
        if (b.indexOf("=", start) >= 0) {
            attributeSelectors(b, start);
        }
        if (b.indexOf(": <n> ", start) >= 0) {
            countLists(b, start);
        }
        replaceAll(b, start, "the return value of <v>", "<v>");
        restIsValue(b, start, "getaddrinfo enotfound ");
        restIsValue(b, start, "getaddrinfo eai_again ");
        tails(b, start);
        replaceAll(b, start, " <v> ", " "); // whether a tool quoted the value or left it out is not identity
    }

    /** Drops {@code (<n>: words)} and a parenthesis of placeholders, numbers and punctuation only. */
    private static void valueParentheses(StringBuilder b, int start) {
        int k = b.indexOf("(", start);
        while (k >= 0) {
            int close = k + 1;
            while (close < b.length() && b.charAt(close) != ')' && b.charAt(close) != '(' && b.charAt(close) != '\n') {
                close++;
            }
            boolean closed = close < b.length() && b.charAt(close) == ')';
            boolean atEnd = close >= b.length() || b.charAt(close) == '\n';
            boolean drop = (closed || atEnd) && close > k + 1
                    && (regionMatchesIgnoreCase(b, k + 1, "<n>: ") || onlyValues(b, k + 1, close));
            if (drop && k > start && b.charAt(k - 1) != ' ' && b.charAt(k - 1) != '\n') {
                drop = false; // a call's arguments (f(<v>)): part of the words
            }
            if (drop) {
                int from = k > start && b.charAt(k - 1) == ' ' ? k - 1 : k;
                b.delete(from, closed ? close + 1 : close);
                k = b.indexOf("(", from);
            } else {
                k = b.indexOf("(", k + 1);
            }
        }
    }

    /** Only placeholders, digits, punctuation and spaces in {@code [a, e)}. */
    private static boolean onlyValues(StringBuilder b, int a, int e) {
        for (int k = a; k < e; k++) {
            char c = b.charAt(k);
            if (c == '<') {
                int close = b.indexOf(">", k);
                if (close < 0 || close > e || close - k > 6) {
                    return false;
                }
                k = close;
            } else if (Character.isLetter(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code ": {..}"} (to its closing brace, or to the end of the line) → {@code ": <v>"}. */
    private static void objects(StringBuilder b, int start) {
        int k = b.indexOf(": {", start);
        while (k >= 0) {
            int open = k + 2;
            int depth = 0;
            int e = open;
            for (; e < b.length() && b.charAt(e) != '\n'; e++) {
                char c = b.charAt(e);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    e++;
                    break;
                }
            }
            b.replace(open, e, "<v>");
            k = b.indexOf(": {", open);
        }
    }

    /** {@code [data-testid=x]}, {@code [name="q"]}: one token in brackets with an {@code =} inside → {@code <v>}. */
    private static void attributeSelectors(StringBuilder b, int start) {
        int k = b.indexOf("[", start);
        while (k >= 0) {
            int e = k + 1;
            boolean eq = false;
            while (e < b.length() && b.charAt(e) != ']' && b.charAt(e) != ' ' && b.charAt(e) != '\n'
                    && b.charAt(e) != '[') {
                eq |= b.charAt(e) == '=';
                e++;
            }
            if (eq && e < b.length() && b.charAt(e) == ']' && e > k + 2) {
                b.replace(k, e + 1, "<v>");
                k = b.indexOf("[", k + 3);
            } else {
                k = b.indexOf("[", k + 1);
            }
        }
    }

    /** {@code ": <n> insufficient cpu, <n> node(s) were unschedulable"} to the end of its line → {@code ": <v>"}. */
    private static void countLists(StringBuilder b, int start) {
        int k = b.indexOf(": <n> ", start);
        while (k >= 0) {
            int end = b.indexOf("\n", k);
            if (end < 0) {
                end = b.length();
            }
            boolean list = true;
            int item = k + 2;
            while (item < end) {
                if (!regionMatchesIgnoreCase(b, item, "<n> ")) {
                    list = false;
                    break;
                }
                int next = b.indexOf(", ", item);
                if (next < 0 || next > end) {
                    break;
                }
                item = next + 2;
            }
            if (list) {
                b.replace(k + 2, end, "<v>");
            }
            k = b.indexOf(": <n> ", k + 2);
        }
    }

    /** Everything after {@code lead} to the end of its line is a value (a list of hosts). */
    private static void restIsValue(StringBuilder b, int start, String lead) {
        int k = b.indexOf(lead, start);
        if (k < 0) {
            return;
        }
        int a = k + lead.length();
        int end = b.indexOf("\n", a);
        if (end < 0) {
            end = b.length();
        }
        if (end > a) {
            b.replace(a, end, "<v>");
        }
    }

    private static final String[] LOCATION_TAILS = {" in <v>", " at <v>", " in <v> on line <n>"};
    private static final String[] TIMING_TAILS = {" <n>ms", " <n>s", " <n>"};

    /**
     * At each line's end: drops a location ({@code in <v>:<n>}) and a timing ({@code <n>ms}), then stray punctuation.
     * Each look is at one place (a search from there would go on to the template's end).
     */
    private static void tails(StringBuilder b, int start) {
        int line = start;
        while (line < b.length()) {
            int end = b.indexOf("\n", line);
            if (end < 0) {
                end = b.length();
            }
            boolean changed = true;
            while (changed && end > line) {
                changed = false;
                int e = end;
                while (e > line && ".:, )'\"]}".indexOf(b.charAt(e - 1)) >= 0) {
                    e--;
                }
                while (e - 4 >= line && b.charAt(e - 1) == '>' && regionEquals(b, e - 4, ":<n>")) {
                    e -= 4; // :line:col
                }
                int cut = -1;
                for (String tail : LOCATION_TAILS) {
                    if (e - tail.length() > line && regionEquals(b, e - tail.length(), tail)) {
                        cut = e - tail.length();
                    }
                }
                for (String timing : TIMING_TAILS) {
                    if (cut < 0 && e - timing.length() > line && regionEquals(b, e - timing.length(), timing)) {
                        cut = e - timing.length();
                    }
                }
                if (cut < 0 && e < end && e > line) {
                    cut = e;
                }
                if (cut > line) {
                    b.delete(cut, end);
                    end = cut;
                    changed = true;
                }
            }
            int nl = b.indexOf("\n", line);
            if (nl < 0) {
                break;
            }
            line = nl + 1;
        }
    }

    private static final String[] VALUE_PLACEHOLDERS = {"<url>", "<path>", "<host>", "<email>", "<uuid>", "<hex>",
        "<id>"};
    private static final String[] CHAINS = {"<v>.first", "<v>.last", "<v>.<v>", "<v><v>", "<v>:<v>", "<v>...<v>",
        "<v>\\<v>", "<v>/<v>", "::<n>:<n>", "::<n>", "<v>,)"};
    /** Words after which a name is a container, a pod or an endpoint: volatile, like an id. */
    private static final String[] NAMED = {"container ", "endpoint ", "pod ", "deployment ", "node ", "collection: ",
        "index: "};

    /**
     * One spelling per value: every kind of placeholder reads {@code <v>} (a quoted URL and a bare one are the same
     * value), chained values ({@code locator(..).first.locator(..)}) are one value, and case does not count.
     */
    static void canonical(StringBuilder b, int start) {
        int lt = b.indexOf("<", start);
        if (lt >= 0) {
            placeholdersToValue(b, lt);
        }
        boolean again = lt >= 0 && mayChain(b, lt);
        while (again) {
            again = false;
            for (String c : CHAINS) {
                again |= replaceAll(b, start, c, c.endsWith(",)") ? "<v>)" : "<v>");
            }
        }
        // lower case first: masking a name after a word folds ASCII case and writes "<v>", so the order is free
        if (lowerCaseAndMayNameAfter(b, start)) {
            for (String word : NAMED) {
                maskNameAfter(b, start, word);
            }
        }
    }

    /**
     * Whether one of {@link #CHAINS} may occur from {@code from} on: each is {@code <v>} followed by one of
     * {@code .<:\\/,}, or starts with {@code ::<n>}. One pass instead of a search per chain.
     */
    private static boolean mayChain(StringBuilder b, int from) {
        for (int k = b.indexOf("<", from); k >= 0; k = b.indexOf("<", k + 1)) {
            if (k + 3 < b.length() && b.charAt(k + 1) == 'v' && b.charAt(k + 2) == '>'
                    && ".<:\\/,".indexOf(b.charAt(k + 3)) >= 0) {
                return true;
            }
            if (k >= 2 && b.charAt(k - 1) == ':' && b.charAt(k - 2) == ':' && k + 2 < b.length()
                    && b.charAt(k + 1) == 'n' && b.charAt(k + 2) == '>') {
                return true;
            }
        }
        return false;
    }

    /** Every {@link #VALUE_PLACEHOLDERS} placeholder from {@code from} on → {@code <v>}, in one pass. */
    private static void placeholdersToValue(StringBuilder b, int from) {
        int k = from;
        while (k >= 0 && k < b.length()) {
            int replaced = -1;
            for (String p : VALUE_PLACEHOLDERS) {
                if (b.length() - k >= p.length() && b.charAt(k + 1) == p.charAt(1) && regionEquals(b, k, p)) {
                    b.replace(k, k + p.length(), "<v>");
                    replaced = k + 3;
                    break;
                }
            }
            k = b.indexOf("<", replaced > 0 ? replaced : k + 1);
        }
    }

    private static boolean regionEquals(StringBuilder b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b.charAt(at + i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The first letters of {@link #NAMED}. */
    private static final boolean[] NAMED_FIRST = new boolean[128];

    static {
        for (String w : NAMED) {
            NAMED_FIRST[w.charAt(0)] = true;
        }
    }

    /**
     * Folds ASCII upper case to lower case from {@code start} on and tells whether one of {@link #NAMED} occurs where
     * {@link #maskNameAfter} looks for it (at the start of a word): one pass for both.
     */
    private static boolean lowerCaseAndMayNameAfter(StringBuilder b, int start) {
        boolean may = false;
        boolean afterWord = start > 0 && Character.isLetterOrDigit(b.charAt(start - 1));
        for (int k = start, n = b.length(); k < n; k++) {
            char ch = b.charAt(k);
            if (ch >= 'A' && ch <= 'Z') {
                ch += 32;
                b.setCharAt(k, ch);
            }
            if (!afterWord && !may && ch < 128 && NAMED_FIRST[ch]) {
                for (String w : NAMED) {
                    if (w.charAt(0) == ch && regionMatchesIgnoreCase(b, k, w)) {
                        may = true;
                        break;
                    }
                }
            }
            afterWord = ch < 128 ? LETTER_OR_DIGIT[ch] : Character.isLetterOrDigit(ch);
        }
        return may;
    }

    private static final boolean[] LETTER_OR_DIGIT = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            LETTER_OR_DIGIT[c] = Character.isLetterOrDigit(c);
        }
    }

    /** {@code container web_app-3 is unhealthy} → {@code container <v> is unhealthy}. */
    private static void maskNameAfter(StringBuilder b, int start, String word) {
        int k = indexOfIgnoreCase(b, word, start);
        while (k >= 0) {
            int a = k + word.length();
            int e = a;
            while (e < b.length() && (Character.isLetterOrDigit(b.charAt(e)) || b.charAt(e) == '-'
                    || b.charAt(e) == '_' || b.charAt(e) == '<' || b.charAt(e) == '>' || b.charAt(e) == '.'
                    || b.charAt(e) == '$')) {
                e++;
            }
            while (e > a && b.charAt(e - 1) == '.') {
                e--;
            }
            if (e > a && !(e - a == 3 && b.indexOf("<v>", a) == a)) {
                b.replace(a, e, "<v>");
            }
            k = indexOfIgnoreCase(b, word, a);
        }
    }

    private static int indexOfIgnoreCase(StringBuilder b, String lower, int from) {
        char first = lower.charAt(0); // an ASCII letter
        for (int k = from; k + lower.length() <= b.length(); k++) {
            if ((b.charAt(k) | 0x20) == first && (k == 0 || !Character.isLetterOrDigit(b.charAt(k - 1))) && regionMatchesIgnoreCase(b, k, lower)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean replaceAll(StringBuilder b, int start, String from, String to) {
        int k = b.indexOf(from, start);
        if (k < 0) {
            return false;
        }
        while (k >= 0) {
            b.replace(k, k + from.length(), to);
            k = b.indexOf(from, k + to.length());
        }
        return true;
    }

    /**
     * After the last {@code Error: } inside a line, where one error wraps another ({@code Failed to locate element:
     * Locator.element_handle: Error: strict mode violation}): the innermost error is the failure. -1 when none.
     */
    private static int innermostError(StringBuilder b, int line) {
        int end = b.indexOf("\n", line);
        if (end < 0) {
            end = b.length();
        }
        int best = -1;
        for (int k = line + 1; k + 7 <= end; k++) {
            if ((b.charAt(k) == 'E' || b.charAt(k) == 'e') && b.charAt(k - 1) == ' '
                    && regionMatchesIgnoreCase(b, k, "error: ") && k + 7 < end) {
                best = k + 7;
            }
        }
        return best;
    }

    /** {@code name_1 | } or {@code <n>|xxx | } at the start of a line (docker compose / pm2 gutters). */
    private static int gutterEnd(StringBuilder b, int line) {
        int limit = Math.min(b.length(), line + 40);
        for (int k = line; k < limit; k++) {
            char c = b.charAt(k);
            if (c == '|') {
                if (k > line && k + 1 < b.length() && b.charAt(k + 1) == ' ') {
                    return k + 2;
                }
                return -1;
            }
            if (c == '\n' || (c == ' ' && !(k + 1 < limit && (b.charAt(k + 1) == '|' || b.charAt(k + 1) == ' ')))) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean regionMatchesIgnoreCase(StringBuilder b, int at, String lower) {
        if (at + lower.length() > b.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = b.charAt(at + k);
            char folded = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c < 128 ? c : Character.toLowerCase(c);
            if (folded != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}, without a String or byte[] per call (the thread's buffer). */
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
        try {
            w.sha256.digest(w.sum, 0, w.sum.length); // into the thread's buffer: no array per call
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 gives 32 bytes", e);
        }
        return w.sum;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
