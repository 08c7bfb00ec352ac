package dev.healdesk.core.suite.junit;

import dev.healdesk.core.suite.TestResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a test tool is told to run only some tests, for targeted re-runs: the arguments appended to the suite's command.
 * JUnit XML names a test by class and method ({@code classname#name} in a {@link TestResult}'s id); each tool takes
 * them its own way. Every selected name goes in as one argument vector element, never through a shell.
 */
public enum JUnitSelector {
    /** The tool cannot select single tests: a re-run runs the whole suite. */
    NONE,
    /** Maven Surefire / Failsafe: {@code -Dtest=pkg.ATest#m1+m2,pkg.BTest#m3}. */
    MAVEN,
    /** Gradle: {@code --tests pkg.ATest.m1 --tests pkg.BTest.m3}. */
    GRADLE,
    /** pytest: {@code -k "m1 or m3"} (parameters in brackets dropped: pytest's -k matches the function's name). */
    PYTEST,
    /** go test: {@code -run ^(TestA|TestB)$}. */
    GO;

    private static final Pattern PYTEST_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The selector called {@code name} ({@code none}, {@code maven}, ...). */
    public static JUnitSelector of(String name) {
        for (JUnitSelector s : values()) {
            if (s.id().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown test selector '" + name + "': use one of none, maven, gradle,"
                + " pytest, go");
    }

    /**
     * The arguments that select {@code tests}, or an empty list when this tool (or a name among them) cannot be
     * selected exactly; the caller then runs the whole suite.
     */
    public List<String> arguments(List<TestResult> tests) {
        Map<String, Set<String>> byClass = new LinkedHashMap<>();
        for (TestResult t : tests) {
            int hash = t.id().lastIndexOf('#');
            String cls = hash < 0 ? "" : t.id().substring(0, hash);
            String method = hash < 0 ? t.id() : t.id().substring(hash + 1);
            byClass.computeIfAbsent(cls, k -> new LinkedHashSet<>()).add(method);
        }
        List<String> args = new ArrayList<>();
        switch (this) {
            case NONE -> {
                return List.of();
            }
            case MAVEN -> {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Set<String>> e : byClass.entrySet()) {
                    if (e.getKey().isEmpty()) {
                        return List.of();
                    }
                    parts.add(e.getKey() + "#" + String.join("+", e.getValue()));
                }
                args.add("-Dtest=" + String.join(",", parts));
                args.add("-Dsurefire.failIfNoSpecifiedTests=false");
            }
            case GRADLE -> byClass.forEach((cls, methods) -> methods.forEach(m -> {
                args.add("--tests");
                args.add(cls.isEmpty() ? m : cls + "." + m);
            }));
            case PYTEST -> {
                Set<String> names = new LinkedHashSet<>();
                for (Set<String> methods : byClass.values()) {
                    for (String m : methods) {
                        String name = m.contains("[") ? m.substring(0, m.indexOf('[')) : m;
                        if (!PYTEST_NAME.matcher(name).matches()) {
                            return List.of();
                        }
                        names.add(name);
                    }
                }
                args.add("-k");
                args.add(String.join(" or ", names));
            }
            case GO -> {
                // go matches -run level by level on '/': a subtest is selected through its top-level test
                Set<String> names = new LinkedHashSet<>();
                byClass.values().forEach(methods -> methods.forEach(m -> names.add(
                        (m.contains("/") ? m.substring(0, m.indexOf('/')) : m)
                                .replaceAll("([.^$|()\\[\\]{}*+?\\\\])", "\\\\$1"))));
                args.add("-run");
                args.add("^(" + String.join("|", names) + ")$");
            }
            default -> throw new IllegalStateException(name());
        }
        return args;
    }
}
