package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Classifies failures, fingerprints them (a fingerprint is the failure's template: see {@link Fingerprinter}),
 * groups repeats of one failure and joins the failures of one cause into {@link Incident}s. Thread-safe.
 */
public final class Triage {

    /** Frames kept in a group's {@link FailureGroup#stackTop()} (evidence: not part of the fingerprint). */
    public static final int STACK_TOP_FRAMES = 3;

    private final Classifier classifier;
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private final Incidents incidents;

    private static final String[] CLAUSE_SEPARATORS = {": ", " - ", "\uff1a"};

    public Triage(PatternCatalog catalog) {
        this(new Classifier(Objects.requireNonNull(catalog, "catalog")));
    }

    private Triage(Classifier classifier) {
        this.classifier = classifier;
        this.incidents = new Incidents(this);
    }

    /**
     * A triage with the same answers whose classifier tries each pattern's whole regex in turn instead of building
     * the literal pre-filter first: a tenth of the time to build (the pre-filter's split of every regex and its
     * scanner were half of a two-message {@code healdesk triage} process), slower per message. For a
     * process that triages a few messages; {@code TriageCorpusTest} proves the answers the same.
     */
    public static Triage withoutPreFilter(PatternCatalog catalog) {
        return new Triage(new Classifier(Objects.requireNonNull(catalog, "catalog"), false));
    }

    public TriagedFailure triage(String message, String stack) {
        Classifier.Match match = classifier.match(message, stack);
        Classification c = atLeastHighInOwnCode(match.classification(), message, stack);
        // Keyed by the pattern, which a service's port may choose (ECONNREFUSED ..:5432 is PostgreSQL): a failure
        // group holds one classification, so a PostgreSQL, a Redis and a backend refusing in one run must stay three
        // groups, not one group named after whichever came first. A port-blind fingerprint needs groups that hold
        // several classifications first (see triage.md).
        return new TriagedFailure(c, fingerprinter.fingerprint(c.patternId(), identity(message, match.start())));
    }

    /**
     * The part of {@code message} that names the failure: the clause in which the pattern's expression first matches
     * (from the last {@code ": "} before the match) to the end of that line; whatever wrapped it before, a logger,
     * an exception class, an API call, is not identity. The whole message when the catch-all answered or the match
     * lies in a frame or a log section. {@code at} is where the classifier found the pattern's first match in the
     * message ({@link Classifier.Match#start()}, -1 for none): the regex does not run a second time.
     */
    String identity(String message, int at) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        if (at < 0) {
            return message;
        }
        int lineStart = message.lastIndexOf('\n', at) + 1;
        int lineEnd = message.indexOf('\n', at);
        if (!Fingerprinter.isHeadlineLine(message, lineStart, lineEnd < 0 ? message.length() : lineEnd)) {
            return message; // the match is in a frame or a log section: the headline names the failure
        }
        int from = lineStart;
        for (String sep : CLAUSE_SEPARATORS) {
            // an occurrence that ends before the clause found so far cannot move it: look no further back
            int floor = Math.max(lineStart, from - sep.length() + 1);
            int k = lastIndexOf(message, sep, at - 1, floor);
            if (k >= floor && k + sep.length() <= at) {
                from = Math.max(from, k + sep.length());
            }
        }
        return message.substring(from, lineEnd < 0 ? message.length() : lineEnd);
    }

    /**
     * {@code message.lastIndexOf(sep, from)} when that is at least {@code floor}, else -1: the search stops at the
     * line's start instead of going back to the message's.
     */
    private static int lastIndexOf(String message, String sep, int from, int floor) {
        int p = sep.charAt(0) == ' ' && sep.length() > 1 ? 1 : 0; // look for a rarer character than a space
        char c = sep.charAt(p);
        for (int k = Math.min(from, message.length() - sep.length()); k >= floor; k--) {
            int at = message.lastIndexOf(c, k + p);
            k = at - p;
            if (at < 0 || k < floor) {
                return -1;
            }
            if (message.startsWith(sep, k)) {
                return k;
            }
        }
        return -1;
    }

    /** A failure raised by the application's own code ({@link OwnCode}) is at least high, whatever its pattern. */
    private static Classification atLeastHighInOwnCode(Classification c, String message, String stack) {
        if (c.severity().compareTo(Severity.HIGH) <= 0 || !OwnCode.raisedByApplication(message, stack)) {
            return c;
        }
        return new Classification(c.patternId(), c.patternName(), c.category(), Severity.HIGH, c.fixClass(),
                c.playbook());
    }

    /**
     * Groups the failed and timed-out results (passed, skipped and flaky ones are ignored) by fingerprint, in the
     * order each group's first failure appears.
     */
    public List<FailureGroup> group(List<TestResult> results) {
        Map<String, Builder> groups = new LinkedHashMap<>();
        for (TestResult r : results) {
            if (!r.status().isFailure()) {
                continue;
            }
            TriagedFailure t = triage(r.errorMessage(), r.errorStack());
            groups.computeIfAbsent(t.fingerprint(), fp -> new Builder(t, r)).tests.add(r);
        }
        List<FailureGroup> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, Builder> e : groups.entrySet()) {
            Builder b = e.getValue();
            out.add(new FailureGroup(e.getKey(), b.triaged.classification(), b.tests,
                    b.first.errorMessage() == null ? "" : b.first.errorMessage(),
                    stackTop(b.first.errorStack(), STACK_TOP_FRAMES)));
        }
        return out;
    }

    /** The first {@code frames} frames of {@code stack} joined by newlines, or "" (see {@link StackFrames}). */
    public static String stackTop(String stack, int frames) {
        return StackFrames.topJoined(stack, frames);
    }

    /** The incidents of a run's results: failures that share one cause (see {@link Incidents}). */
    public List<Incident> incidents(List<TestResult> results) {
        return incidents.of(results);
    }

    public Classifier classifier() {
        return classifier;
    }

    public Fingerprinter fingerprinter() {
        return fingerprinter;
    }

    private static final class Builder {
        final TriagedFailure triaged;
        final TestResult first;
        final List<TestResult> tests = new ArrayList<>();

        Builder(TriagedFailure triaged, TestResult first) {
            this.triaged = triaged;
            this.first = first;
        }
    }
}
