package dev.healdesk.core.triage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outside measurement, made general: "two messages that are the same failure with a different port, URL,
 * path, timestamp or quoted value get the same fingerprint". For every real message of the triage corpus (tune and
 * held-out alike: this test derives no rule from them, it checks an invariance the issue states) each volatile token
 * is replaced, one at a time, by another of its kind, and the failure's fingerprint must not change; log prefixes of
 * the common formats are put before the headline with two different values and must not change it either. The
 * other side of the bargain: changing one of the error's own words (not a volatile part) must change it.
 *
 * <p>The detectors below are written from the token kinds the issue names, not from the corpus: they find a token's
 * shape (a UUID, an ISO timestamp, host:port) wherever it stands. Numbers that are not volatile stay untouched: HTTP
 * statuses, exit codes, errno and error codes identify the failure (a 404 and a 500 are different failures).
 */
class FingerprintPerturbationTest {

    enum Kind {
        NUMBER, DURATION, PORT, SERVICE_PORT, IPV4, IPV6, HOST_NAME, URL, UNIX_PATH, WINDOWS_PATH, LINE_COL, TIMESTAMP, LOG_PREFIX, LOG_PREFIX_ADDED,
        HEX_ID, UUID, POD_NAME, QUOTED, SELECTOR
    }

    record Variant(Kind kind, String id, String original, String perturbed) {
    }

    /** A token kind: where it stands ({@code group} of {@code pattern}), which finds count, what replaces one. */
    record Detector(Kind kind, Pattern pattern, int group, Predicate<MatchResult> accept,
                    Function<String, String> replace, boolean claims) {
    }

    /** Per kind: the least share of variants that keep their fingerprint (measured; may only rise). */
    private static final Map<Kind, Double> FLOORS = new EnumMap<>(Kind.class);

    static {
        // Measured with these detectors on main at 04324c9, before the masking rules this test led to: IPV6 0.929,
        // HOST_NAME 0.935, TIMESTAMP 0.986, LOG_PREFIX 0.998, QUOTED 0.992, SERVICE_PORT 0.412, every other kind
        // 1.000. After: every kind 1.000 but QUOTED 0.992 (three quoted words that are the tool's own: a MySQL
        // resource name, a pod phase list, an Erlang error text), LOG_PREFIX_ADDED 0.982 as before (a prefix before a line
        // that starts a section or is evidence on its own, "Caused by:", "code:", C++'s "terminate called", or
        // AssertJ's "Expecting:", hides what that line is) and SERVICE_PORT 0.549, reported, not held. Then the
        // fingerprint was keyed by the pattern of the failure's words alone: SERVICE_PORT 1.000 (51 variants); that
        // made one failure group of a PostgreSQL, a Redis and a backend refusing in one run, named after the first
        // (PlaybookExecutorTest), so the key went back to the pattern the port chooses: reported, not held.
        for (Kind k : Kind.values()) {
            FLOORS.put(k, 1.0);
        }
        FLOORS.put(Kind.QUOTED, 0.99);
        FLOORS.put(Kind.LOG_PREFIX_ADDED, 0.98);
        FLOORS.put(Kind.SERVICE_PORT, 0.0);
    }

    /**
     * Ports the pattern catalog reads as the name of a service (PostgreSQL, MySQL, Redis, MongoDB): changing one to
     * another port changes which service the evidence names (the pattern, the category, the incident), not which
     * failure it is, so those variants are reported apart ({@link Kind#SERVICE_PORT}) and not held: the pattern keys
     * the fingerprint, and a failure group holds one pattern.
     */
    private static final java.util.Set<String> SERVICE_PORTS = java.util.Set.of("5432", "3306", "6379", "27017");

    private static final int MAX_PER_KIND = 4;

    private static Triage triage;
    private static List<TriageCorpusFiguresTest.Entry> corpus;

    @BeforeAll
    static void load() throws IOException {
        triage = new Triage(PatternCatalog.builtIn());
        corpus = new ArrayList<>(TriageCorpusFiguresTest.read("/triage-corpus/tune.jsonl"));
        corpus.addAll(TriageCorpusFiguresTest.read("/triage-corpus/heldout.jsonl"));
    }

    // ------------------------------------------------------------------------------------------ token kinds

    private static final String TLDS = "com|net|org|io|dev|app|local|internal|localdomain|svc|lan|cloud|test|example"
            + "|invalid|co|ai|me|us|uk|de|fr|nl|jp|cn|ru|in|br|eu|info|biz|xyz";
    private static final Pattern STATUS_OR_CODE_WORD = Pattern.compile(
            "(?i)(?:exit|exited|code|errno|signal|sqlstate|error|status|statuscode|http|sig)[\\s:=#(\\[]*$");
    private static final Pattern VERSIONISH = Pattern.compile("[vV]$");

    static List<Detector> detectors() {
        List<Detector> d = new ArrayList<>();
        // URLs first: what lies inside one (its host, port, path) belongs to it
        d.add(new Detector(Kind.URL, Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*)://[^\\s\"'`<>()\\[\\]{}|,;\\\\]+"),
                0, m -> true, FingerprintPerturbationTest::otherUrl, true));
        d.add(new Detector(Kind.UUID, Pattern.compile(
                "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b"), 0, m -> true,
                FingerprintPerturbationTest::otherUuid, true));
        d.add(new Detector(Kind.TIMESTAMP, Pattern.compile(
                "\\b\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\w:])"
                        + "|\\b\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}\\b"
                        + "|\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \\d]\\d \\d{2}:\\d{2}:\\d{2}\\b"
                        + "|(?<![\\w:.])\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?![\\w:])"), 0, m -> true,
                FingerprintPerturbationTest::otherTime, true));
        d.add(new Detector(Kind.WINDOWS_PATH, Pattern.compile("(?<![\\w])[A-Za-z]:\\\\[^\\s\"'<>|*?:()]+"), 0,
                m -> true, FingerprintPerturbationTest::otherWindowsPath, true));
        d.add(new Detector(Kind.IPV6, Pattern.compile(
                "(?<![\\w:.])(?=[0-9a-fA-F:]*::)(?=[0-9a-fA-F:]*\\d)[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,8}(?![\\w:])"),
                0, m -> !m.group().startsWith(":::"), s -> s.equals("2001:db8::8a2e:370:7334")
                        ? "fe80::1ff:fe23:4567:890a" : "2001:db8::8a2e:370:7334", true));
        d.add(new Detector(Kind.IPV4, Pattern.compile("(?<![\\w.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\w]|\\.\\d)"), 0,
                m -> true, s -> s.equals("10.42.7.19") ? "192.168.56.3" : "10.42.7.19", true));
        d.add(new Detector(Kind.UNIX_PATH, Pattern.compile(
                "(?<![^\\s(\"'=\\[{<,])/(?:[\\w.@~+-]+/)*[\\w.@~+-]*[\\w@~+-]"), 0,
                m -> m.group().length() > 2, FingerprintPerturbationTest::otherUnixPath, true));
        d.add(new Detector(Kind.LINE_COL, Pattern.compile("(?<=\\.[a-zA-Z]{1,10}):(\\d+(?::\\d+)?)\\b"), 1,
                m -> true, s -> s.contains(":") ? (s.equals("412:17") ? "9:3" : "412:17") : (s.equals("77") ? "3" : "77"),
                true));
        d.add(new Detector(Kind.SELECTOR, Pattern.compile(
                "\\b(?:locator|getByRole|getByText|getByTestId|getByLabel|getByPlaceholder|waitForSelector"
                        + "|querySelectorAll|querySelector|frameLocator)\\((?:[^()\\n]|\\([^()\\n]*\\))*\\)"
                        + "|\\[[\\w-]+=[^\\]\\s\"']+\\]"), 0, m -> true, FingerprintPerturbationTest::otherSelector,
                false));
        d.add(new Detector(Kind.POD_NAME, Pattern.compile(
                "\\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-f0-9]{8,10}-[a-z0-9]{5}\\b"
                        + "|\\b[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*_[a-z0-9]+_\\d+\\b"), 0, m -> true,
                s -> s.indexOf('_') >= 0 ? (s.equals("shop_worker_2") ? "billing_api_7" : "shop_worker_2")
                        : (s.startsWith("payments-api") ? "web-frontend-7c9d8f6b5-qz2lm" : "payments-api-6f9c8d7b4-k2m9x"),
                true));
        d.add(new Detector(Kind.HEX_ID, Pattern.compile(
                "\\b0x[0-9a-fA-F]+\\b|\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\\d)[0-9a-f]{7,64}\\b"), 0, m -> true,
                FingerprintPerturbationTest::otherHex, true));
        d.add(new Detector(Kind.PORT, Pattern.compile(
                "(?:\\blocalhost|\\b(?:[\\w-]+\\.)+[a-zA-Z][\\w-]*|\\d{1,3}(?:\\.\\d{1,3}){3}|\\]|(?<![\\w:])::1):(\\d{2,5})\\b(?![:.]\\d)"),
                1, m -> !isSourceFile(m.group()), s -> s.equals("5433") ? "8081" : "5433", true));
        d.add(new Detector(Kind.HOST_NAME, Pattern.compile(
                "(?<![@\\w.-])(?:localhost|(?:[a-zA-Z0-9-]+\\.)+(?:" + TLDS + "))(?![\\w-]|\\.\\w)"), 0,
                m -> true, s -> s.equals("cache.prod.example.net") ? "db-1.internal.example.org"
                        : "cache.prod.example.net", true));
        d.add(new Detector(Kind.DURATION, Pattern.compile(
                "(?<![\\w.])\\d+(?:\\.\\d+)?\\s?(?:ms|s|sec|secs|seconds|second|m|min|mins|minutes|h|hours|us|ns)\\b"
                        + "|(?<![\\w.])\\d+m\\d+(?:\\.\\d+)?s\\b"), 0, m -> true,
                FingerprintPerturbationTest::otherDuration, true));
        d.add(new Detector(Kind.NUMBER, Pattern.compile("(?<![\\w.-])\\d+(?![\\w]|\\.\\d)"), 0,
                m -> true, FingerprintPerturbationTest::otherNumber, true)); // which numbers count: accepted()
        d.add(new Detector(Kind.QUOTED, Pattern.compile(
                "(?<![\\w'])'([^'\\n]{0,200})'|\"([^\"\\n]{0,200})\"|`([^`\\n]{0,200})`"), 0,
                m -> true, FingerprintPerturbationTest::otherQuoted, false)); // a JSON key stays: accepted()
        return d;
    }

    private static boolean isSourceFile(String hostPort) {
        String host = hostPort.substring(0, hostPort.lastIndexOf(':')).toLowerCase(Locale.ROOT);
        return host.matches(".*\\.(js|mjs|cjs|jsx|ts|tsx|java|kt|py|rb|go|cs|php|vue|json|ya?ml|xml|html|css|sql|txt"
                + "|log|sh|rs|c|cc|cpp|h|scala|groovy|feature)$");
    }

    // ------------------------------------------------------------------------------------------ replacements

    private static String otherUrl(String url) {
        int colon = url.indexOf("://");
        String scheme = url.substring(0, colon);
        String other = "://ci-runner-7.internal.example.net:8443/v2/accounts/8812/settings?tab=billing&page=3";
        String alt = "://10.20.30.40:9000/health";
        String candidate = scheme + other;
        return candidate.equals(url) ? scheme + alt : candidate;
    }

    private static String otherUuid(String u) {
        String a = "0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b";
        String b = "9b2c7e41-55aa-4d0e-b7c3-1a2b3c4d5e6f";
        String r = u.equalsIgnoreCase(a) ? b : a;
        return Character.isUpperCase(firstLetter(u)) ? r.toUpperCase(Locale.ROOT) : r;
    }

    private static char firstLetter(String s) {
        for (char c : s.toCharArray()) {
            if (Character.isLetter(c)) {
                return c;
            }
        }
        return 'a';
    }

    /** The same layout, other values: each digit run replaced by a valid value of its length. */
    static String otherTime(String t) {
        String[] twos = {"11", "27", "04", "09", "58", "13"};
        int two = 0;
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("\\d+|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec").matcher(t);
        int last = 0;
        while (m.find()) {
            b.append(t, last, m.start());
            String g = m.group();
            String r;
            if (Character.isLetter(g.charAt(0))) {
                r = g.equals("Nov") ? "Feb" : "Nov";
            } else if (g.length() == 4 && b.length() == 0) {
                r = g.equals("2031") ? "2029" : "2031";
            } else if (g.length() == 2) {
                r = twos[two++ % twos.length];
                if (r.equals(g)) {
                    r = twos[two++ % twos.length];
                }
            } else if (g.length() == 1) {
                r = g.equals("7") ? "3" : "7";
            } else {
                r = "417123456".substring(0, Math.min(9, g.length()));
                if (r.equals(g)) {
                    r = "98765432100".substring(0, g.length());
                }
            }
            b.append(r);
            last = m.end();
        }
        b.append(t.substring(last));
        return b.toString();
    }

    private static String extension(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 && path.length() - dot <= 6 ? path.substring(dot) : "";
    }

    private static String otherUnixPath(String p) {
        String ext = extension(p);
        String name = p.substring(p.lastIndexOf('/') + 1);
        if (ext.equals(".sock") || name.startsWith(".s.PGSQL")) {
            return (p.startsWith("/srv/") ? "/run/user/1000/" : "/srv/ci/run/") + name; // a socket elsewhere
        }
        if (ext.isEmpty()) {
            String r = "/v2/accounts/8812/settings";
            return p.equals(r) ? "/internal/jobs/42" : r;
        }
        String r = "/srv/ci/workspace/shop-app/src/orders/checkout" + ext;
        return p.equals(r) ? "/home/runner/work/app/lib/main" + ext : r;
    }

    private static String otherWindowsPath(String p) {
        String ext = extension(p);
        String r = "D:\\a\\shop-app\\src\\orders\\checkout" + (ext.isEmpty() ? ".js" : ext);
        return p.equals(r) ? "C:\\Users\\runner\\work\\main" + ext : r;
    }

    private static String otherSelector(String s) {
        if (s.startsWith("[")) {
            return s.equals("[data-qa=submit-order]") ? "[name=email]" : "[data-qa=submit-order]";
        }
        String call = s.substring(0, s.indexOf('('));
        String arg = switch (call) {
            case "getByRole" -> "'link', { name: 'Orders' }";
            case "getByTestId" -> "'checkout-submit'";
            case "getByText", "getByLabel", "getByPlaceholder" -> "'Welcome back'";
            default -> "'#checkout button.primary:nth-child(2)'";
        };
        String r = call + "(" + arg + ")";
        return r.equals(s) ? call + "('.other')" : r;
    }

    private static String otherHex(String h) {
        boolean prefixed = h.startsWith("0x") || h.startsWith("0X");
        String body = prefixed ? h.substring(2) : h;
        String pool = "7f3a9c0e52b1d4864fa0c7e3b9152d8e6a7c0f3e9b2d4a1c8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = pool.charAt(i % pool.length());
            if (c == Character.toLowerCase(body.charAt(i))) {
                c = c == 'a' ? 'b' : 'a';
            }
            b.append(Character.isUpperCase(body.charAt(i)) || (Character.isDigit(body.charAt(i))
                    && body.chars().anyMatch(Character::isUpperCase)) ? Character.toUpperCase(c) : c);
        }
        if (!prefixed && b.chars().noneMatch(Character::isDigit)) {
            b.setCharAt(0, '7');
        }
        if (!prefixed && b.chars().noneMatch(Character::isLetter)) {
            b.setCharAt(b.length() - 1, 'c');
        }
        return (prefixed ? h.substring(0, 2) : "") + b;
    }

    private static String otherDuration(String d) {
        Matcher m = Pattern.compile("\\d+(?:\\.\\d+)?").matcher(d);
        StringBuilder b = new StringBuilder();
        int last = 0;
        while (m.find()) {
            b.append(d, last, m.start());
            String g = m.group();
            b.append(g.equals("2500") ? "45" : g.contains(".") ? "12.75" : "2500");
            last = m.end();
        }
        return b.append(d.substring(last)).toString();
    }

    private static String otherNumber(String n) {
        if (n.length() == 1) {
            return n.equals("7") ? "4" : "7"; // 0 and 1 are not reached: see accepted()
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            b.append((char) ('0' + (n.charAt(i) - '0' + 3) % 10));
        }
        if (b.length() > 1 && b.charAt(0) == '0') {
            b.setCharAt(0, '8');
        }
        if (b.length() == 3 && b.charAt(0) >= '1' && b.charAt(0) <= '5') {
            b.setCharAt(0, '8'); // never an HTTP status
        }
        return b.toString();
    }

    private static String otherQuoted(String q) {
        char quote = q.charAt(0);
        String inner = q.substring(1, q.length() - 1);
        String r;
        if (inner.matches(".*[#\\[\\]>=].*|\\..*")) {
            r = "#checkout button.primary";
        } else if (inner.matches("-?\\d+(?:\\.\\d+)?")) {
            r = inner.equals("4711") ? "12" : "4711";
        } else {
            r = inner.equals("orders_archive") ? "customer_email" : "orders_archive";
        }
        return quote + r + quote;
    }

    // ------------------------------------------------------------------------------------------ variants

    static List<Variant> variants(TriageCorpusFiguresTest.Entry e) {
        List<Variant> out = new ArrayList<>();
        String msg = e.message();
        boolean[] claimed = new boolean[msg.length()];
        Map<Kind, Integer> count = new EnumMap<>(Kind.class);
        for (Detector d : detectors()) {
            Matcher m = d.pattern().matcher(msg);
            while (m.find()) {
                int a = m.start(d.group());
                int b = m.end(d.group());
                if (a < 0 || b <= a || !accepted(d, m, msg)) {
                    continue;
                }
                if (d.kind() == Kind.IPV6 && msg.startsWith("::1:", a) && b > a + 4) {
                    b = a + 3; // Node's "::1:5432": the address, then its port
                }
                if (d.kind() == Kind.URL || d.kind() == Kind.UNIX_PATH) {
                    while (b > a + 1 && ".:".indexOf(msg.charAt(b - 1)) >= 0) {
                        b--; // a sentence's full stop or colon after it
                    }
                }
                boolean free = true;
                for (int k = a; k < b && free; k++) {
                    free = !claimed[k];
                }
                if (!free && d.claims()) {
                    continue;
                }
                String token = msg.substring(a, b);
                Kind kind = d.kind() == Kind.PORT && SERVICE_PORTS.contains(token) ? Kind.SERVICE_PORT : d.kind();
                if (d.claims()) {
                    for (int k = a; k < b; k++) {
                        claimed[k] = true;
                    }
                }
                int n = count.merge(kind, 1, Integer::sum);
                if (n > MAX_PER_KIND) {
                    continue;
                }
                String other = d.replace().apply(token);
                if (!other.equals(token)) {
                    out.add(new Variant(kind, e.id(), msg, msg.substring(0, a) + other + msg.substring(b)));
                }
                if (d.kind() == Kind.IPV4) { // the same host written as IPv6 (Node prints ::1:5432)
                    out.add(new Variant(Kind.IPV6, e.id(), msg, msg.substring(0, a) + "2001:db8::8a2e:370:7334"
                            + msg.substring(b)));
                }
                if (d.kind() == Kind.UNIX_PATH && !extension(token).isEmpty() && !token.endsWith(".sock")) {
                    // the same file on Windows (a Unix socket has no Windows twin)
                    out.add(new Variant(Kind.WINDOWS_PATH, e.id(), msg, msg.substring(0, a)
                            + otherWindowsPath(token) + msg.substring(b)));
                }
            }
        }
        for (String[] pair : LOG_PREFIXES) {
            out.add(new Variant(Kind.LOG_PREFIX, e.id(), pair[0] + msg, pair[1] + msg));
            out.add(new Variant(Kind.LOG_PREFIX_ADDED, e.id(), msg, pair[0] + msg)); // logged or not
        }
        return out;
    }

    private static boolean accepted(Detector d, Matcher m, String msg) {
        if (d.kind() == Kind.NUMBER) {
            String s = m.group();
            if (s.length() == 3 && s.charAt(0) >= '1' && s.charAt(0) <= '5') {
                return false; // could be an HTTP status: a 404 and a 500 are different failures
            }
            if (s.equals("0") || s.equals("1")) {
                return false; // "resolved to 0 elements", "1 of 3": none and one are words, not values
            }
            String before = msg.substring(Math.max(0, m.start() - 14), m.start());
            return !STATUS_OR_CODE_WORD.matcher(before).find() && !VERSIONISH.matcher(before).find();
        }
        if (d.kind() == Kind.QUOTED) {
            String inner = m.group().substring(1, m.group().length() - 1);
            if (inner.indexOf('\\') >= 0 || m.start() > 0 && msg.charAt(m.start() - 1) == '\\') {
                return false; // backslash-escaped quotes (\"x\"): which quote closes which is not a reader's call
            }
            if (inner.matches(".*\\b[1-5]\\d\\d\\b.*")) {
                return false; // a status inside the value ('403 FORBIDDEN'): statuses name the failure
            }
            boolean selector = inner.length() <= 60 && inner.matches(".*[#\\[\\]>=].*");
            if (inner.isBlank() || inner.matches("[A-Z][A-Z0-9_]+") || inner.trim().split("\\s+").length > 3
                    && !selector || inner.length() > 80) {
                return false; // an error code ('ECONNREFUSED') or a quoted sentence: words of the failure, not a value
            }
            String before = msg.substring(Math.max(0, m.start() - 10), m.start());
            if (before.matches("(?s).*\\b(?:code|errno|syscall|name|type|error|message|msg|reason|detail)[\"']?:?\\s*$")) {
                return false; // a dumped error object's code or message: which error it is, in its words
            }
            int k = m.end();
            while (k < msg.length() && msg.charAt(k) == ' ') {
                k++;
            }
            return k >= msg.length() || msg.charAt(k) != ':' || msg.startsWith("::", k); // a JSON key stays a key
        }
        return d.accept().test(m);
    }

    /** Log prefixes of the common formats, each twice with other values (timestamp, pid, thread, host). */
    private static final String[][] LOG_PREFIXES = {
        {"2024-03-05T10:22:13.123Z ERROR ", "2025-11-27T04:09:58.417Z ERROR "},
        {"Mar  5 10:22:13 web-01 app[1234]: ", "Nov 27 04:09:58 web-01 app[98]: "},
        {"2024/03/05 10:22:13 [error] 1234#1234: *5678 ", "2025/11/27 04:09:58 [error] 98#98: *12 "},
        {"2024-03-05 10:22:13.123 UTC [1234] ERROR:  ", "2025-11-27 04:09:58.417 UTC [98] ERROR:  "},
        {"2024-03-05 10:22:13,123 ERROR [main] c.e.shop.OrderService - ",
            "2025-11-27 04:09:58,417 ERROR [pool-3-thread-12] c.e.shop.OrderService - "},
        {"10:22:13.123 [main] ERROR com.example.shop.OrderService - ",
            "04:09:58.417 [http-nio-8080-exec-7] ERROR com.example.shop.OrderService - "},
    };

    private static String fingerprint(String message, String stack) {
        return triage.triage(message, stack).fingerprint();
    }

    // ------------------------------------------------------------------------------------------ tests

    @Test
    void aVolatileTokenReplacedByAnotherOfItsKindKeepsTheFingerprint() {
        Map<Kind, int[]> rates = new EnumMap<>(Kind.class);
        Map<Kind, List<String>> misses = new EnumMap<>(Kind.class);
        for (TriageCorpusFiguresTest.Entry e : corpus) {
            for (Variant v : variants(e)) {
                boolean same = fingerprint(v.original(), e.stack()).equals(fingerprint(v.perturbed(), e.stack()));
                int[] r = rates.computeIfAbsent(v.kind(), k -> new int[2]);
                r[0]++;
                r[1] += same ? 1 : 0;
                if (!same) {
                    misses.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v.id() + " " + difference(v));
                }
            }
        }
        StringBuilder report = new StringBuilder("[perturbation] invariance per kind of token:\n");
        List<String> below = new ArrayList<>();
        for (Kind k : Kind.values()) {
            int[] r = rates.getOrDefault(k, new int[2]);
            double rate = r[0] == 0 ? 1 : r[1] / (double) r[0];
            report.append(String.format(Locale.ROOT, "  %-13s %5d variants  %.3f kept%n", k, r[0], rate));
            if (rate < FLOORS.get(k)) {
                below.add(k + " " + rate + " < " + FLOORS.get(k));
            }
            assertTrue(r[0] > 0 || k == Kind.IPV6, "no variant of kind " + k + ": the detector found nothing");
        }
        System.out.print(report);
        if (Boolean.getBoolean("perturbation.misses")) {
            misses.forEach((k, l) -> {
                System.out.println("[perturbation] " + k + " misses: " + l.size());
                l.stream().limit(Integer.getInteger("perturbation.limit", 15))
                        .forEach(s -> System.out.println("    " + s));
            });
        }
        assertTrue(below.isEmpty(), "below floor: " + below);
    }

    /** The changed span of a variant with some context: {@code ..before [old => new] after..}. */
    private static String difference(Variant v) {
        String a = v.original();
        String b = v.perturbed();
        int p = 0;
        while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        int ea = a.length();
        int eb = b.length();
        while (ea > p && eb > p && a.charAt(ea - 1) == b.charAt(eb - 1)) {
            ea--;
            eb--;
        }
        int from = Math.max(0, p - 60);
        return ("…" + a.substring(from, p) + "[" + a.substring(p, ea) + " => " + b.substring(p, eb) + "]"
                + a.substring(ea, Math.min(a.length(), ea + 60)) + "…").replace("\n", "\\n");
    }

    private static String firstLine(String s) {
        String h = Fingerprinter.headline(s);
        return h.length() > 220 ? h.substring(0, 220) + "…" : h;
    }

    /** One of the error's own words: the longest word of its template, outside the placeholders. */
    private static final Pattern WORD = Pattern.compile("(?<![<\\w])[a-z]{4,}(?![>\\w])");
    private static final String[] OTHER_WORDS = {"rejected", "detached", "missing", "overflowed", "unmounted"};

    @Test
    void changingTheErrorsOwnWordingChangesTheFingerprint() {
        int tried = 0;
        int changed = 0;
        List<String> merged = new ArrayList<>();
        for (TriageCorpusFiguresTest.Entry e : corpus) {
            Classifier.Match match = triage.classifier().match(e.message(), e.stack());
            String template = triage.fingerprinter().template(triage.identity(e.message(), match.start()));
            String word = null;
            Matcher w = WORD.matcher(template);
            while (w.find()) {
                if (word == null || w.group().length() > word.length()) {
                    word = w.group();
                }
            }
            if (word == null) {
                continue;
            }
            String other = null;
            for (String o : OTHER_WORDS) {
                if (!e.message().toLowerCase(Locale.ROOT).contains(o)) {
                    other = o;
                    break;
                }
            }
            String reworded = Pattern.compile("(?i)(?<![\\w])" + Pattern.quote(word) + "(?![\\w])")
                    .matcher(e.message()).replaceAll(other);
            if (reworded.equals(e.message())) {
                continue; // the word sits inside a longer one: nothing to reword
            }
            tried++;
            if (!fingerprint(e.message(), e.stack()).equals(fingerprint(reworded, e.stack()))) {
                changed++;
            } else {
                merged.add(e.id() + " '" + word + "' -> '" + other + "': " + firstLine(e.message()));
            }
        }
        double rate = changed / (double) tried;
        System.out.printf(Locale.ROOT, "[perturbation] wording changed: %d of %d kept apart (%.3f)%n", changed, tried,
                rate);
        merged.stream().limit(10).forEach(s -> System.out.println("    merged: " + s));
        assertTrue(tried >= corpus.size() * 9 / 10, "only " + tried + " messages had a word to change");
        assertTrue(rate >= 0.99, "changing an error's own word kept the fingerprint " + (tried - changed) + " times");
    }
}
