package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private final Map<String, Pattern> regexes = new HashMap<>();

    public Triage(PatternCatalog catalog) {
        this.classifier = new Classifier(Objects.requireNonNull(catalog, "catalog"));
        catalog.patterns().stream().filter(p -> !p.isCatchAll()).forEach(p -> regexes.put(p.id(), p.regex()));
        this.incidents = new Incidents(this);
    }

    public TriagedFailure triage(String message, String stack) {
        Classification c = atLeastHighInOwnCode(classifier.classify(message, stack), message, stack);
        return new TriagedFailure(c, fingerprinter.fingerprint(c.patternId(), identity(c, message)));
    }

    /**
     * The part of {@code message} that names the failure: the clause in which the pattern's expression first matches
     * (from the last {@code ": "} before the match) to the end of that line; whatever wrapped it before, a logger,
     * an exception class, an API call, is not identity. The whole message when the catch-all answered or the match
     * lies in a frame or a log section.
     */
    String identity(Classification c, String message) {
        if (message == null || message.isEmpty()) {
            return "";
        }
        Pattern regex = regexes.get(c.patternId());
        if (regex == null) {
            return message;
        }
        Matcher m = regex.matcher(message);
        if (!m.find()) {
            return message;
        }
        int at = m.start();
        int lineStart = message.lastIndexOf('\n', at) + 1;
        int lineEnd = message.indexOf('\n', at);
        String line = message.substring(lineStart, lineEnd < 0 ? message.length() : lineEnd);
        if (Fingerprinter.headline(line).isEmpty()) {
            return message; // the match is in a frame or a log section: the headline names the failure
        }
        int from = lineStart;
        for (String sep : CLAUSE_SEPARATORS) {
            int k = message.lastIndexOf(sep, at - 1);
            if (k >= lineStart && k + sep.length() <= at) {
                from = Math.max(from, k + sep.length());
            }
        }
        return message.substring(from, lineEnd < 0 ? message.length() : lineEnd);
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
