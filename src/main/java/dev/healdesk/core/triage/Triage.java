package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Classifies failures, fingerprints them and groups repeats of one failure. Thread-safe. */
public final class Triage {

    /** Frames kept in a group's {@link FailureGroup#stackTop()} (and hashed into fingerprints). */
    public static final int STACK_TOP_FRAMES = 3;

    private final Classifier classifier;
    private final Fingerprinter fingerprinter = new Fingerprinter();

    private final Set<String> groupedByPattern;

    public Triage(PatternCatalog catalog) {
        this.classifier = new Classifier(Objects.requireNonNull(catalog, "catalog"));
        this.groupedByPattern = catalog.patterns().stream()
                .filter(p -> p.groupBy() == FailurePattern.GroupBy.PATTERN)
                .map(FailurePattern::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    public TriagedFailure triage(String message, String stack) {
        Classification c = atLeastHighInOwnCode(classifier.classify(message, stack), message, stack);
        String fingerprint = groupedByPattern.contains(c.patternId())
                ? fingerprinter.fingerprint(c.category(), "pattern:" + c.patternId(), null)
                : fingerprinter.fingerprint(c.category(), message, stack);
        return new TriagedFailure(c, fingerprint);
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
