package dev.healdesk.core.suite;

import dev.healdesk.core.process.Cancellation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The suites of a target that has several kinds (probes, Playwright Test, JUnit XML) as one {@link SuiteRunner}: the
 * projects are theirs together, each owned by exactly one runner; a run runs each runner's selected projects in the
 * order the target lists them; a targeted re-run sends each test to the runner of its project.
 */
public final class CompositeSuites implements SuiteRunner {

    private final List<SuiteRunner> runners;
    private final Map<String, SuiteRunner> owner = new LinkedHashMap<>();

    /** @throws IllegalArgumentException naming the project when two runners have a project of the same name */
    public CompositeSuites(List<SuiteRunner> runners) {
        this.runners = List.copyOf(runners);
        for (SuiteRunner runner : this.runners) {
            for (String project : runner.projects()) {
                if (owner.putIfAbsent(project, runner) != null) {
                    throw new IllegalArgumentException("Two suites have a project named '" + project
                            + "': give each project a name of its own.");
                }
            }
        }
    }

    /** One runner as is, several as a composite. */
    public static SuiteRunner of(List<SuiteRunner> runners) {
        return runners.size() == 1 ? runners.get(0) : new CompositeSuites(runners);
    }

    @Override
    public List<String> projects() {
        return List.copyOf(owner.keySet());
    }

    @Override
    public int count(Set<String> projects) {
        Map<SuiteRunner, Set<String>> split;
        try {
            split = split(projects);
        } catch (SuiteException unknownProject) {
            return -1;
        }
        int total = 0;
        for (Map.Entry<SuiteRunner, Set<String>> e : split.entrySet()) {
            int n = e.getKey().count(e.getValue());
            if (n < 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    @Override
    public List<TestResult> run(Set<String> projects, Consumer<TestResult> onResult, Cancellation cancel)
            throws SuiteException {
        List<TestResult> results = new ArrayList<>();
        for (Map.Entry<SuiteRunner, Set<String>> e : split(projects).entrySet()) {
            if (cancel != null && cancel.isCancelled()) {
                break;
            }
            results.addAll(e.getKey().run(e.getValue(), onResult, cancel));
        }
        return results;
    }

    @Override
    public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
        try (SuiteSession session = open()) {
            return session.run(projects, artifactsDir, notes, onResult, cancel);
        }
    }

    /**
     * The first runner's head start only: the others run after it, as they would without one, so that what the
     * target's suites put on the machine at once does not change.
     */
    @Override
    public HeadStart headStart(Set<String> projects) {
        Map<SuiteRunner, Set<String>> split;
        try {
            split = split(projects);
        } catch (SuiteException unknownProject) {
            return HeadStart.NONE;   // the run says so
        }
        return split.isEmpty() ? HeadStart.NONE : split.entrySet().iterator().next().getKey()
                .headStart(split.values().iterator().next());
    }

    /** The runners' own sessions, opened as they are first needed and closed together. */
    @Override
    public SuiteSession open() {
        return openEach(SuiteRunner::open);
    }

    /** The same, each runner writing what it writes while running through {@code redact}. */
    @Override
    public SuiteSession open(UnaryOperator<String> redact) {
        return openEach(runner -> runner.open(redact));
    }

    private SuiteSession openEach(java.util.function.Function<SuiteRunner, SuiteSession> opener) {
        return new SuiteSession() {
            private final Map<SuiteRunner, SuiteSession> open = new LinkedHashMap<>();

            private SuiteSession of(SuiteRunner runner) {
                return open.computeIfAbsent(runner, opener);
            }

            @Override
            public List<TestResult> run(Set<String> projects, Path artifactsDir, Consumer<String> notes,
                                        Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                List<TestResult> results = new ArrayList<>();
                for (Map.Entry<SuiteRunner, Set<String>> e : split(projects).entrySet()) {
                    if (cancel != null && cancel.isCancelled()) {
                        break;
                    }
                    results.addAll(of(e.getKey()).run(e.getValue(), artifactsDir, notes, onResult, cancel));
                }
                return results;
            }

            @Override
            public List<TestResult> rerun(List<TestResult> tests, Path artifactsDir, Consumer<String> notes,
                                          Consumer<TestResult> onResult, Cancellation cancel) throws SuiteException {
                Map<SuiteRunner, List<TestResult>> byRunner = new LinkedHashMap<>();
                for (SuiteRunner runner : runners) {
                    List<TestResult> mine = tests.stream().filter(t -> owner.get(t.project()) == runner).toList();
                    if (!mine.isEmpty()) {
                        byRunner.put(runner, mine);
                    }
                }
                List<TestResult> results = new ArrayList<>();
                for (Map.Entry<SuiteRunner, List<TestResult>> e : byRunner.entrySet()) {
                    if (cancel != null && cancel.isCancelled()) {
                        break;
                    }
                    results.addAll(of(e.getKey()).rerun(e.getValue(), artifactsDir, notes, onResult, cancel));
                }
                return results;
            }

            @Override
            public void close() {
                RuntimeException first = null;
                for (SuiteSession s : open.values()) {
                    try {
                        s.close();
                    } catch (RuntimeException e) {
                        first = first == null ? e : first;
                    }
                }
                open.clear();
                if (first != null) {
                    throw first;
                }
            }
        };
    }

    /** The selected projects (all when empty) by the runner that owns them, in the runners' order. */
    private Map<SuiteRunner, Set<String>> split(Set<String> projects) throws SuiteException {
        if (projects != null && !projects.isEmpty()) {
            Set<String> unknown = new TreeSet<>(projects);
            unknown.removeAll(owner.keySet());
            if (!unknown.isEmpty()) {
                throw new SuiteException("Unknown project" + (unknown.size() == 1 ? " " : "s ")
                        + String.join(", ", unknown) + "; this target has: " + String.join(", ", owner.keySet()));
            }
        }
        Map<SuiteRunner, Set<String>> split = new LinkedHashMap<>();
        for (SuiteRunner runner : runners) {
            Set<String> mine = new LinkedHashSet<>();
            for (String p : runner.projects()) {
                if (projects == null || projects.isEmpty() || projects.contains(p)) {
                    mine.add(p);
                }
            }
            if (!mine.isEmpty()) {
                split.put(runner, mine);
            }
        }
        return split;
    }
}
