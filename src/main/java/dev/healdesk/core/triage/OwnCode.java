package dev.healdesk.core.triage;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a failure was raised by the application's own code: an assertion on its values (the test compared what
 * the application gave with what it should give), or an exception thrown from the application's own frames. Such a
 * failure says the application is wrong, so it is at least {@link Severity#HIGH} whatever its pattern says.
 *
 * <p>The application's frames are told apart by what they are not: the language runtime, a test framework or build
 * tool, a browser driver or HTTP client library, Healdesk itself, or the test code (a class named {@code *Test},
 * {@code *Tests}, {@code *IT}, a {@code *.spec.*} or {@code *.test.*} file, {@code test_*.py}, {@code *_test.go}, a
 * folder named {@code test} or {@code tests}).
 */
public final class OwnCode {

    /** Assertion failures as JUnit 4/5, AssertJ, Hamcrest, TestNG and pytest word them. */
    private static final Pattern ASSERTION = Pattern.compile(
            "\\b(?:AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError)\\b"
                    + "|\\bexpected:? ?<[\\s\\S]*?> but was:? ?<"
                    + "|\\bexpected \\[[\\s\\S]*?\\] but found \\["
                    + "|(?m:^E\\s+assert\\s)"
                    + "|\\bExpecting (?:actual|value)\\b");

    /** Frames that are not the application's: runtimes, test frameworks, build tools, drivers, Healdesk. */
    private static final List<String> NOT_OWN = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.", "groovy.", "org.codehaus.groovy.",
            "org.junit.", "junit.", "org.opentest4j.", "org.assertj.", "org.hamcrest.", "org.testng.", "org.mockito.",
            "org.spockframework.", "org.apache.maven.", "org.gradle.", "worker.org.gradle.", "dev.healdesk.",
            "com.microsoft.playwright.", "org.openqa.selenium.", "io.restassured.", "okhttp3.", "org.apache.http.",
            "reactor.", "io.netty.", "node:", "internal/", "<anonymous>");

    /** Words without which {@link #ASSERTION} cannot match: a message without any skips the regex. */
    private static final String[] ASSERTION_WORDS = {"Assertion", "ComparisonFailure", "MultipleFailuresError",
        "expected", "assert", "Expecting"};

    private static final Pattern JAVA_FRAME = Pattern.compile("^at ([\\w$.]+)\\.[\\w$<>]+\\(([^)]*)\\)");
    /** A test file's or folder's name somewhere in a frame (found, not matched whole: no backtracking over it). */
    private static final Pattern TEST_FILE = Pattern.compile("[/\\\\(\" ]test_[^/\\\\]*\\.py|_test\\.py"
            + "|_test\\.go|\\.spec\\.[jt]sx?|\\.test\\.[jt]sx?|[/\\\\]tests?[/\\\\]|[/\\\\]__tests__[/\\\\]");

    private OwnCode() {
    }

    /** Whether {@code message} and {@code stack} tell a failure raised by the application's own code. */
    public static boolean raisedByApplication(String message, String stack) {
        if (message != null && mayAssert(message) && ASSERTION.matcher(message).find()) {
            return true;
        }
        List<String> top = StackFrames.top(stack, 1);
        return !top.isEmpty() && isOwnFrame(top.get(0));
    }

    private static boolean mayAssert(String message) {
        for (String word : ASSERTION_WORDS) {
            if (message.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String s, List<String> prefixes) {
        for (String p : prefixes) {
            if (s.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAny(String s, List<String> parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one stack frame ({@code at a.b.C.m(C.java:3)}, {@code File "x.py"}, a Go path) is the application's. */
    static boolean isOwnFrame(String frame) {
        String f = frame.strip();
        var java = JAVA_FRAME.matcher(f);
        if (java.find()) {
            String cls = java.group(1);
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            int inner = simple.indexOf('$');
            if (inner >= 0) {
                simple = simple.substring(0, inner); // an inner or anonymous class: its outer class's name
            }
            return !startsWithAny(cls, NOT_OWN) && !isTestName(simple)
                    && !java.group(2).contains("Native Method");
        }
        String lower = f.toLowerCase(Locale.ROOT);
        if (lower.contains("node_modules") || lower.contains("site-packages") || lower.contains("dist-packages")
                || lower.contains("/lib/python") || lower.contains("/usr/local/go/") || lower.contains("/go/pkg/mod/")
                || lower.contains("_pytest") || containsAny(f, NOT_OWN)) {
            return false;
        }
        return !TEST_FILE.matcher(lower).find();
    }

    private static boolean isTestName(String simpleName) {
        return simpleName.endsWith("Test") || simpleName.endsWith("Tests") || simpleName.endsWith("IT")
                || simpleName.endsWith("TestCase") || simpleName.endsWith("Spec") || simpleName.startsWith("Test");
    }
}
