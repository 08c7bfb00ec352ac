package dev.healdesk.core.suite.junit;

import dev.healdesk.core.suite.TestResult;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
 * JUnit XML names a test by class and name ({@code classname#name} in a {@link TestResult}'s id); each tool takes
 * them its own way. Every selected name goes in as one argument vector element, never through a shell.
 *
 * <p>A report's name is not always a name the tool can select: JUnit 5 writes a parameterized case as
 * {@code trims(Character, boolean)[2]} and a dynamic test as {@code factory()[1]}, and Surefire splits {@code -Dtest}
 * on commas. Such a test is selected by its method (all its cases run; the case asked for is among them), a name that
 * is not a method name at all (a display name) by its class, and characters that the command line may not carry
 * intact (anything outside ASCII, when the JVM runs under a C locale) become the tool's wildcard. Widening runs more
 * than was asked, never less; a test that is still not in the re-run's reports is "not re-run", and
 * {@link JUnitXmlRunner} says so.
 */
public enum JUnitSelector {
    /** The tool cannot select single tests: a re-run runs the whole suite. */
    NONE,
    /** Maven Surefire / Failsafe: {@code -Dtest=pkg.ATest#m1+m2,pkg.BTest#m3}. */
    MAVEN,
    /** Gradle: {@code --tests pkg.ATest.m1 --tests pkg.BTest.m3}. */
    GRADLE,
    /**
     * pytest: by node id ({@code tests/test_shop.py::TestCart::test_adds[1-x,y]}) when the report's class names a
     * test file under the working directory, else {@code -k "name1 or name2"} by function name.
     */
    PYTEST,
    /** go test: {@code -run ^(TestA|TestB)$}; a subtest runs through its top-level test. */
    GO;

    private static final Pattern PYTEST_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** How many files a search for a pytest module may look at before giving up on node ids. */
    private static final int PYTEST_SEARCH_LIMIT = 20_000;

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

    /** As {@link #arguments(List, Path)} without a working directory: pytest tests are selected by name. */
    public List<String> arguments(List<TestResult> tests) {
        return arguments(tests, (Path) null);
    }

    /**
     * The arguments that select {@code tests} when appended to {@code suite}'s command. A pytest command that names
     * test paths of its own ({@code pytest tests/}) would run them all next to any node id, so there the tests are
     * selected by name ({@code -k}), which filters whatever the command collects.
     */
    public List<String> arguments(List<TestResult> tests, JUnitXmlSuite suite) {
        boolean paths = this == PYTEST && suite.command().stream().skip(1)
                .anyMatch(a -> !a.startsWith("-") && !a.equals("pytest") && isPath(suite.workdir(), a));
        return arguments(tests, paths ? (Path) null : suite.workdir());
    }

    private static boolean isPath(Path workdir, String arg) {
        try {
            return Files.exists(workdir.resolve(arg));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * The arguments that select {@code tests} (or a wider set that holds them), or an empty list when this tool, or a
     * name among them, cannot be selected; the caller then runs the whole suite. {@code workdir} is where the command
     * runs: pytest's node ids are paths relative to it.
     */
    public List<String> arguments(List<TestResult> tests, Path workdir) {
        Map<String, Set<String>> byClass = new LinkedHashMap<>();
        for (TestResult t : tests) {
            Name n = Name.of(t);
            byClass.computeIfAbsent(n.classname(), k -> new LinkedHashSet<>()).add(n.name());
        }
        List<String> args = new ArrayList<>();
        switch (this) {
            case NONE -> {
                return List.of();
            }
            case MAVEN -> {
                List<String> parts = new ArrayList<>();
                for (Map.Entry<String, Set<String>> e : byClass.entrySet()) {
                    if (!isJavaClassName(e.getKey())) {
                        return List.of();
                    }
                    Set<String> methods = methods(e.getValue());
                    // A name that is no method (a display name) widens to its class: every test in it runs.
                    parts.add(ascii(e.getKey(), "*") + (methods == null ? "" : "#" + String.join("+", methods)));
                }
                args.add("-Dtest=" + String.join(",", parts));
                args.add("-Dsurefire.failIfNoSpecifiedTests=false");
            }
            case GRADLE -> {
                for (Map.Entry<String, Set<String>> e : byClass.entrySet()) {
                    if (!isJavaClassName(e.getKey())) {
                        return List.of();
                    }
                    String cls = ascii(e.getKey(), "*");
                    Set<String> methods = methods(e.getValue());
                    if (methods == null) {
                        args.add("--tests");
                        args.add(cls);
                    } else {
                        methods.forEach(m -> {
                            args.add("--tests");
                            args.add(cls + "." + m);
                        });
                    }
                }
            }
            case PYTEST -> {
                List<String> nodeIds = workdir == null ? null : pytestNodeIds(byClass, workdir);
                if (nodeIds != null) {
                    return nodeIds;
                }
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
                for (Set<String> methods : byClass.values()) {
                    for (String m : methods) {
                        String top = m.contains("/") ? m.substring(0, m.indexOf('/')) : m;
                        if (top.isEmpty()) {
                            return List.of();
                        }
                        names.add(goRegex(top));
                    }
                }
                args.add("-run");
                args.add("^(" + String.join("|", names) + ")$");
            }
            default -> throw new IllegalStateException(name());
        }
        return args;
    }

    /** A report's class and name: {@code classname#name} split at the first {@code #} (a name may hold one). */
    private record Name(String classname, String name) {
        static Name of(TestResult t) {
            String id = t.id();
            // The parser builds the id as classname#title: the title tells where the class ends.
            if (t.title() != null && id.endsWith("#" + t.title()) && id.length() > t.title().length() + 1) {
                return new Name(id.substring(0, id.length() - t.title().length() - 1), t.title());
            }
            int hash = id.indexOf('#');
            return hash < 0 ? new Name("", id) : new Name(id.substring(0, hash), id.substring(hash + 1));
        }
    }

    /** {@code pkg.Outer$Inner}: dotted Java identifiers. */
    static boolean isJavaClassName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (!isJavaIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isJavaIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    /**
     * The method a JUnit report's test name stands for: {@code trims} for {@code trims(Character, boolean)[2]},
     * {@code factory} for {@code factory()[1]}, the name itself for a plain method; null when the name is not a method
     * name (a display name such as {@code "adds two items, then one"}).
     */
    static String javaMethod(String name) {
        int cut = name.length();
        int paren = name.indexOf('(');
        int bracket = name.indexOf('[');
        if (paren >= 0) {
            cut = paren;
        }
        if (bracket >= 0 && bracket < cut) {
            cut = bracket;
        }
        String method = name.substring(0, cut);
        return isJavaIdentifier(method) ? method : null;
    }

    /**
     * {@code s} with every run of characters outside printable ASCII replaced by {@code wildcard}: a JVM under a C
     * locale would hand them to the tool as '?', which then matches nothing.
     */
    static String ascii(String s, String wildcard) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
                inRun = false;
            } else if (!inRun) {
                b.append(wildcard);
                inRun = true;
            }
        }
        return b.toString();
    }

    /** A regular expression for exactly {@code name}, with every character outside ASCII matched by '.'. */
    private static String goRegex(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp >= 0x7f) {
                b.append('.');
            } else if (".^$|()[]{}*+?\\".indexOf(cp) >= 0) {
                b.append('\\').append((char) cp);
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    /**
     * pytest node ids for every test, or null when one cannot be made. pytest names a test's class after its module's
     * path with dots ({@code tests.test_shop.TestCart}); the module is the longest prefix that is a {@code .py} file
     * under {@code workdir} (or, when pytest's root is deeper, the one file under it that ends with that path). A
     * parameter id that holds {@code ::}, or anything outside printable ASCII, is widened to its function: older pytest
     * versions split node ids on {@code ::}, and pytest itself writes ids in ASCII.
     */
    private static List<String> pytestNodeIds(Map<String, Set<String>> byClass, Path workdir) {
        List<String> ids = new ArrayList<>();
        Map<String, String> modules = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> e : byClass.entrySet()) {
            String classname = e.getKey();
            if (classname.isEmpty() || !ascii(classname, "*").equals(classname)) {
                return null;
            }
            String[] parts = classname.split("\\.", -1);
            String module = null;
            int classesFrom = parts.length;
            for (int k = parts.length; k >= 1 && module == null; k--) {
                String rel = String.join("/", java.util.Arrays.copyOfRange(parts, 0, k)) + ".py";
                module = modules.computeIfAbsent(rel, r -> findModule(workdir, r));
                classesFrom = k;
            }
            if (module == null) {
                return null;
            }
            StringBuilder prefix = new StringBuilder(module);
            for (int i = classesFrom; i < parts.length; i++) {
                if (!PYTEST_NAME.matcher(parts[i]).matches()) {
                    return null;
                }
                prefix.append("::").append(parts[i]);
            }
            for (String name : e.getValue()) {
                String function = name.contains("[") ? name.substring(0, name.indexOf('[')) : name;
                if (!PYTEST_NAME.matcher(function).matches()) {
                    return null;
                }
                boolean plain = ascii(name, "*").equals(name) && !name.substring(function.length()).contains("::")
                        && (name.equals(function) || name.endsWith("]"));
                String id = prefix + "::" + (plain ? name : function);
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        // A function selected whole already runs its cases: naming them too could run them twice.
        return ids.stream().filter(id -> !id.endsWith("]") || !ids.contains(id.substring(0, id.indexOf('[', id
                .lastIndexOf("::"))))).toList();
    }

    /** {@code rel} (a/b/test_x.py) as a path relative to {@code workdir}, or null when no single file matches. */
    private static String findModule(Path workdir, String rel) {
        if (Files.isRegularFile(workdir.resolve(rel))) {
            return rel;
        }
        Path base = workdir.toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            return null;
        }
        List<String> found = new ArrayList<>();
        int[] seen = {0};
        try {
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(base) && (name.startsWith(".") || name.equals("node_modules")
                            || name.equals("__pycache__") || name.equals("site-packages"));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String relative = base.relativize(file).toString().replace('\\', '/');
                    if (relative.endsWith("/" + rel)) {
                        found.add(relative);
                    }
                    return ++seen[0] > PYTEST_SEARCH_LIMIT ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return null;
        }
        return found.size() == 1 && seen[0] <= PYTEST_SEARCH_LIMIT ? found.get(0) : null;
    }

    /**
     * The Java methods {@code names} select, as a build tool's filter takes them (non-ASCII as {@code *}); null when one
     * of them is no method (a display name): then the whole class runs.
     */
    private static Set<String> methods(Set<String> names) {
        Set<String> methods = new LinkedHashSet<>();
        for (String name : names) {
            String method = javaMethod(name);
            if (method == null) {
                return null;
            }
            methods.add(ascii(method, "*"));
        }
        return methods;
    }
}
