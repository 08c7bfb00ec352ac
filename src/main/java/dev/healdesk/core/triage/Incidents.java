package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the failures of one run into {@link Incident}s, one per cause, and decides each incident's fix class from
 * the run's evidence.
 *
 * <p>The cause of a failure is, in this order:
 * <ol>
 *   <li>an address refusing connections ({@code ECONNREFUSED}, {@code ERR_CONNECTION_REFUSED}, WebKit's {@code
 *       Could not connect}, a database that is not accepting connections): every failure that names the same host
 *       and port is one incident, whatever the browser, client or test said around it; the loopback names
 *       (localhost, 127.0.0.1, ::1) are one host;</li>
 *   <li>a shared resource the catalog marks {@code groupBy: pattern} (one connection pool, one expired session or
 *       token): every failure of that pattern in the run;</li>
 *   <li>otherwise the failure's template (its fingerprint).</li>
 * </ol>
 * Where the evidence ties them, an incident also takes the failures of other categories that quote its cause (a page
 * whose error text is the pool's message joins the pool incident).
 *
 * <p>Fix class: class A only when the evidence shows that the automatic fix addresses the cause: an address that
 * refused every connection the run made to it, a pool or a session the catalog's A pattern names. Everything else
 * keeps the catalog's class, and a mix of classes in one incident takes the most careful (C before B before A).
 * Stateless and thread-safe.
 */
public final class Incidents {

    private static final Pattern REFUSED = Pattern.compile(
            "ECONNREFUSED|ERR_CONNECTION_REFUSED|NS_ERROR_CONNECTION_REFUSED|connection refused|Could not connect"
                    + "|actively refused|Connection was refused|refused to connect|not accepting (?:TCP/IP )?connections",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile(
            "\\b(?:https?|wss?|postgres(?:ql)?|mysql|redis|mongodb)://(?:[^@/\\s'\"<>]+@)?(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9.\\-_]+)"
                    + "(?::(\\d{1,5}))?");
    private static final Pattern HOST_PORT = Pattern.compile(
            "(?<![\\w.:])(\\[[0-9a-fA-F:.]+\\]|(?:\\d{1,3}\\.){3}\\d{1,3}|::1|localhost|[A-Za-z][A-Za-z0-9\\-]*(?:\\.[A-Za-z0-9\\-]+)+)"
                    + ":(\\d{2,5})\\b");
    private static final Pattern PG_HOST = Pattern.compile(
            "server (?:at|on host) \"([^\"]+)\".{0,40}?port (\\d{2,5})", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Triage triage;
    private final PatternCatalog catalog;

    public Incidents(Triage triage) {
        this.triage = triage;
        this.catalog = triage.classifier().catalog();
    }

    /**
     * The incidents of one run: the failed and timed-out results of {@code results} (passed, skipped and flaky ones
     * are not failures), in the order each incident's first failure appears. The same results in another order give
     * the same incidents, with the same ids, titles and members.
     */
    public List<Incident> of(List<TestResult> results) {
        Map<String, Builder> byCause = new LinkedHashMap<>();
        for (TestResult r : results) {
            if (!r.status().isFailure()) {
                continue;
            }
            TriagedFailure t = triage.triage(r.errorMessage(), r.errorStack());
            Cause cause = causeOf(r, t);
            byCause.computeIfAbsent(cause.key(), k -> new Builder(cause)).add(r, t);
        }
        tieQuotedCauses(byCause);
        List<Incident> out = new ArrayList<>(byCause.size());
        byCause.values().forEach(b -> out.add(b.build()));
        return distinctIds(out);
    }

    /**
     * Incidents of one run with one id made distinct: two addresses refusing with the same words (a Redis and a
     * PostgreSQL on one host, both {@code connect ECONNREFUSED}) have the same kind and fingerprints, since a port is
     * not part of a fingerprint; each of them then takes its address into its id ({@link #idOf(String, String,
     * java.util.Collection)}), whatever the order of the results.
     */
    private static List<Incident> distinctIds(List<Incident> incidents) {
        Map<String, Integer> seen = new HashMap<>();
        incidents.forEach(i -> seen.merge(i.id(), 1, Integer::sum));
        if (seen.values().stream().allMatch(n -> n == 1)) {
            return incidents;
        }
        List<Incident> out = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            String address = addressInTitle(i.title());
            if (seen.get(i.id()) > 1 && address != null) {
                i = new Incident(idOf(i.id(), address, i.fingerprints()), i.title(), i.category(), i.severity(),
                        i.fixClass(), i.patternIds(), i.playbook(), i.fingerprints(), i.tests(), i.evidence(),
                        i.classEvidence(), i.group());
            }
            out.add(i);
        }
        return out;
    }

    private static final Pattern TITLE_ADDRESS = Pattern.compile(" at (\\S+) refuses connections — ");

    /** The address a refused incident's title names ({@code Backend at 127.0.0.1:41234 refuses ..}), or null. */
    public static String addressInTitle(String title) {
        Matcher m = title == null ? null : TITLE_ADDRESS.matcher(title);
        return m != null && m.find() ? m.group(1) : null;
    }

    /**
     * The id of an incident whose kind and fingerprints another incident of its run shares: {@code id} (what {@link
     * #idOf(String, java.util.Collection)} gave both) with its address. The history recomputes stored ids with it
     * (schema 15).
     */
    public static String idOf(String id, String address, java.util.Collection<String> fingerprints) {
        return idOf(id + "@" + address, fingerprints);
    }

    /** A cause's grouping key, its kind (for the id and title) and, for an address, the address as written. */
    record Cause(String key, String kind, String address) {
    }

    Cause causeOf(TestResult r, TriagedFailure t) {
        String text = (r.errorMessage() == null ? "" : r.errorMessage());
        Category category = t.classification().category();
        boolean refused = (category == Category.NETWORK || category == Category.DATABASE || category == Category.API)
                && REFUSED.matcher(text).find();
        if (refused) {
            String[] endpoint = endpoint(text);
            if (endpoint != null) {
                String host = endpoint[0];
                String key = "refused|" + hostKey(host) + ":" + endpoint[1];
                return new Cause(key, "refused-" + category.id(), displayHost(host) + ":" + endpoint[1]);
            }
            return new Cause("refused|" + category.id(), "refused-" + category.id(), null);
        }
        FailurePattern p = catalog.find(t.classification().patternId()).orElse(null);
        if (p != null && p.groupBy() == FailurePattern.GroupBy.PATTERN) {
            return new Cause("pattern|" + p.id(), "pattern-" + p.id(), null);
        }
        return new Cause("fp|" + t.fingerprint(), TEMPLATE_KIND, null);
    }

    /** Host and port of the first address the text names: after a refusal word, in a URL, or as host:port. */
    static String[] endpoint(String text) {
        Matcher pg = PG_HOST.matcher(text);
        if (pg.find()) {
            return new String[] {pg.group(1), pg.group(2)};
        }
        Matcher refused = REFUSED.matcher(text);
        int from = refused.find() ? refused.start() : 0;
        Matcher hp = HOST_PORT.matcher(text);
        if (hp.find(from) && hp.start() - from < 80) {
            return new String[] {hp.group(1), hp.group(2)};
        }
        Matcher url = URL.matcher(text);
        if (url.find()) {
            String port = url.group(2);
            if (port == null) {
                String scheme = text.substring(url.start(), text.indexOf(':', url.start())).toLowerCase(Locale.ROOT);
                port = switch (scheme) {
                    case "https", "wss" -> "443";
                    case "postgres", "postgresql" -> "5432";
                    case "mysql" -> "3306";
                    case "redis" -> "6379";
                    case "mongodb" -> "27017";
                    default -> "80";
                };
            }
            return new String[] {url.group(1), port};
        }
        hp.reset();
        if (hp.find()) {
            return new String[] {hp.group(1), hp.group(2)};
        }
        return null;
    }

    private static String hostKey(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return switch (h) {
            case "localhost", "127.0.0.1", "::1", "0.0.0.0", "0:0:0:0:0:0:0:1" -> "loopback";
            default -> h;
        };
    }

    private static String displayHost(String host) {
        return host.equals("::1") ? "[::1]" : host;
    }

    /**
     * A failure of another incident whose text quotes an A-class shared cause's evidence (the page that shows the
     * pool's error) belongs to that cause: it moves there.
     */
    private void tieQuotedCauses(Map<String, Builder> byCause) {
        List<Builder> shared = byCause.values().stream()
                .filter(b -> b.cause.key().startsWith("pattern|") && !b.quotes.isEmpty()).toList();
        if (shared.isEmpty()) {
            return;
        }
        for (Builder other : new ArrayList<>(byCause.values())) {
            if (shared.contains(other) || other.cause.key().startsWith("refused|")) {
                continue;
            }
            for (Builder s : shared) {
                if (other.allQuote(s.quotes)) {
                    s.absorb(other);
                    byCause.remove(other.cause.key());
                    break;
                }
            }
        }
    }

    /** Collects one incident's failures. */
    private final class Builder {
        final Cause cause;
        final List<TestResult> tests = new ArrayList<>();
        final List<TriagedFailure> triaged = new ArrayList<>();
        final Set<String> fingerprints = new LinkedHashSet<>();
        final Set<String> quotes = new LinkedHashSet<>();

        Builder(Cause cause) {
            this.cause = cause;
        }

        void add(TestResult r, TriagedFailure t) {
            tests.add(r);
            triaged.add(t);
            fingerprints.add(t.fingerprint());
            if (cause.key().startsWith("pattern|")) {
                String q = quotedCause(r.errorMessage());
                if (q != null) {
                    quotes.add(q);
                }
            }
        }

        void absorb(Builder other) {
            for (int i = 0; i < other.tests.size(); i++) {
                tests.add(other.tests.get(i));
                triaged.add(other.triaged.get(i));
                fingerprints.add(other.triaged.get(i).fingerprint());
            }
        }

        boolean allQuote(Set<String> needles) {
            for (TestResult r : tests) {
                String text = (r.errorMessage() == null ? "" : r.errorMessage()) + "\n"
                        + (r.errorStack() == null ? "" : r.errorStack());
                if (needles.stream().noneMatch(text::contains)) {
                    return false;
                }
            }
            return true;
        }

        Incident build() {
            // The leading failure: the most severe, then the most common pattern, then the first seen.
            Map<String, Integer> perPattern = new LinkedHashMap<>();
            triaged.forEach(t -> perPattern.merge(t.classification().patternId(), 1, Integer::sum));
            // Deterministic whatever the order the results came in: severity, commonest pattern, pattern id, test id.
            int lead = 0;
            for (int i = 1; i < triaged.size(); i++) {
                Classification a = triaged.get(i).classification();
                Classification b = triaged.get(lead).classification();
                int c = Integer.compare(b.severity().ordinal(), a.severity().ordinal());
                if (c == 0) {
                    c = Integer.compare(perPattern.get(a.patternId()), perPattern.get(b.patternId()));
                }
                if (c == 0) {
                    c = b.patternId().compareTo(a.patternId());
                }
                if (c == 0) {
                    c = tests.get(lead).id().compareTo(tests.get(i).id());
                }
                if (c > 0) {
                    lead = i;
                }
            }
            Classification leading = triaged.get(lead).classification();
            List<String> patternIds = new ArrayList<>();
            patternIds.add(leading.patternId());
            perPattern.keySet().stream().filter(id -> !id.equals(leading.patternId())).sorted()
                    .forEach(patternIds::add);
            Severity severity = leading.severity();
            FixClass careful = FixClass.A;
            for (TriagedFailure t : triaged) {
                if (t.classification().severity().ordinal() < severity.ordinal()) {
                    severity = t.classification().severity();
                }
                if (t.classification().fixClass().ordinal() > careful.ordinal()) {
                    careful = t.classification().fixClass();
                }
            }
            int n = tests.size();
            String classEvidence;
            FixClass fixClass;
            if (cause.kind().startsWith("refused-")) {
                long refusals = tests.stream().filter(r -> r.errorMessage() != null
                        && REFUSED.matcher(r.errorMessage()).find()).count();
                boolean all = refusals == n && careful == FixClass.A;
                fixClass = all ? FixClass.A : careful;
                String where = cause.address() == null ? "the address" : cause.address();
                classEvidence = all
                        ? "class A: " + where + " refused " + refusals + " of " + n + " connections"
                        : "class " + fixClass + ": " + where + " refused " + refusals + " of " + n
                        + " connections; " + leading.patternName() + " is class " + fixClass + " in the catalog";
            } else if (careful == FixClass.A) {
                fixClass = FixClass.A;
                classEvidence = "class A: " + n + " of " + n + " failures name " + lower(leading.patternName());
            } else {
                fixClass = careful;
                classEvidence = "class " + fixClass + ": " + lower(leading.patternName())
                        + (careful == leading.fixClass() ? "" : " with failures that need class " + careful)
                        + (fixClass == FixClass.C ? ", a person has to look" : ", a reviewed change fits");
            }
            String playbook = fixClass == leading.fixClass() ? leading.playbook()
                    : catalog.patterns().stream().filter(p -> p.fixClass() == fixClass
                            && perPattern.containsKey(p.id())).map(FailurePattern::playbook).findFirst()
                    .orElse(fixClass == FixClass.C ? "file-issue" : leading.playbook());
            Classification decided = new Classification(leading.patternId(), leading.patternName(),
                    leading.category(), severity, fixClass, playbook);
            TestResult first = tests.get(lead);
            FailureGroup group = new FailureGroup(triaged.get(lead).fingerprint(), decided, tests,
                    first.errorMessage() == null ? "" : first.errorMessage(),
                    Triage.stackTop(first.errorStack(), Triage.STACK_TOP_FRAMES));
            List<String> ids = sortedIds(tests);
            return new Incident(id(), title(leading, n), leading.category(), severity, fixClass, patternIds, playbook,
                    List.copyOf(new TreeSet<>(fingerprints)), ids, evidence(), classEvidence, group);
        }

        private String id() {
            return idOf(cause.kind(), fingerprints);
        }

        private String title(Classification leading, int n) {
            String tests = n + (n == 1 ? " test" : " tests");
            if (cause.kind().startsWith("refused-")) {
                String what = switch (leading.category()) {
                    case DATABASE -> leading.patternName().replaceAll("(?i)\\s*unreachable$", "");
                    default -> "Backend";
                };
                if (what.isBlank() || what.equals(leading.patternName())) {
                    what = leading.category() == Category.DATABASE ? "Database" : "Backend";
                }
                return what + (cause.address() == null ? "" : " at " + cause.address())
                        + " refuses connections — " + tests;
            }
            return leading.patternName() + " — " + tests;
        }

        /** The distinct headlines of its failures (first five) and the address or pool that ties them. */
        private List<String> evidence() {
            Set<String> lines = new LinkedHashSet<>();
            if (cause.address() != null) {
                lines.add("address " + cause.address() + " named by " + tests.size() + " failure(s)");
            }
            Set<String> headlines = new TreeSet<>();
            for (TestResult r : tests) {
                String h = Fingerprinter.headline(r.errorMessage());
                if (!h.isEmpty()) {
                    headlines.add(h.length() > 240 ? h.substring(0, 240) + "…" : h);
                }
            }
            headlines.stream().limit(5).forEach(lines::add);
            return List.copyOf(lines);
        }
    }

    /** The text of a shared cause that other failures may quote: the headline's core, when long enough. */
    private static String quotedCause(String message) {
        String h = Fingerprinter.headline(message);
        int colon = h.lastIndexOf(": ");
        String core = colon >= 0 && h.length() - colon > 24 ? h.substring(colon + 2) : h;
        return core.length() >= 24 ? core : null;
    }

    private static String lower(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String sha256(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder(64);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * One incident per failure group, for runs stored before incidents existed (and summaries built without them):
     * the group's class as the catalog gave it.
     */
    public static List<Incident> fromGroups(List<FailureGroup> groups) {
        if (groups == null || groups.isEmpty()) {
            return List.of();
        }
        List<Incident> out = new ArrayList<>(groups.size());
        for (FailureGroup g : groups) {
            Classification c = g.classification();
            int n = g.count();
            out.add(new Incident(idOf(TEMPLATE_KIND, List.of(g.fingerprint())),
                    c.patternName() + " — " + n + (n == 1 ? " test" : " tests"), c.category(), c.severity(),
                    c.fixClass(), List.of(c.patternId()), c.playbook(), List.of(g.fingerprint()),
                    sortedIds(g.tests()),
                    g.message().isEmpty() ? List.of() : List.of(Fingerprinter.headline(g.message())),
                    "class " + c.fixClass() + ": " + lower(c.patternName()) + " (catalog)", g));
        }
        return out;
    }

    /**
     * The ids of {@code tests}, each once, in order: a set and a copy rather than a stream's distinct and sorted, which
     * a short process (a report rebuilt from the history) would otherwise link a score of stream classes for.
     */
    private static List<String> sortedIds(List<TestResult> tests) {
        Set<String> ids = new TreeSet<>();
        for (TestResult t : tests) {
            ids.add(t.id());
        }
        return List.copyOf(ids);
    }

    /** The kind of an incident that is one template's failures (no shared address or resource ties more). */
    public static final String TEMPLATE_KIND = "template";

    /**
     * An incident's id, stable across runs and orders: its cause's kind ({@value #TEMPLATE_KIND}, {@code
     * refused-<category>}, {@code pattern-<pattern id>}) and its sorted fingerprints. The history recomputes stored
     * ids with it when the fingerprints change (schema 12).
     */
    public static String idOf(String kind, java.util.Collection<String> fingerprints) {
        return "inc-" + sha256(kind + "|" + String.join(",", new TreeSet<>(fingerprints))).substring(0, 12);
    }

    /** The incident each test belongs to, by test id. */
    public static Map<String, Incident> byTest(List<Incident> incidents) {
        Map<String, Incident> out = new HashMap<>();
        incidents.forEach(i -> i.tests().forEach(t -> out.putIfAbsent(t, i)));
        return out;
    }
}
