package dev.healdesk.core.suite.junit;

import dev.healdesk.core.suite.SuiteException;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JUnit XML reports, the de facto format that Maven Surefire, {@code pytest --junitxml}, go-junit-report and
 * most other test tools write, into {@link TestResult}s.
 *
 * <p>Every {@code <testcase>} is a result wherever it sits (a {@code <testsuites>} root, a lone {@code <testsuite>},
 * suites nested in suites): the test's identity lives on the test case ({@code classname} and {@code name}), not on
 * the suites around it. A {@code <failure>} or {@code <error>} makes it failed (an {@code <error>} one
 * {@link TestResult#errored() errored}), with Surefire's {@code <rerunFailure>}s counted as retries;
 * {@code <flakyFailure>}s without a final failure make it flaky; {@code <skipped>} makes it skipped.
 * {@code <system-out>} and {@code <system-err>} are not kept: they can be megabytes of logs, and the failure text
 * already says what broke.
 *
 * <p>The reports are written by the code under test, so they are untrusted input: DTDs and external entities are
 * refused, and an {@code <!ENTITY e SYSTEM "file:///etc/passwd">} never reaches the file it names.
 */
public final class JUnitXmlParser {

    /**
     * How much of a failure's text is kept. A stack overflow's trace can be megabytes; what triage reads is the top.
     */
    static final int MAX_TEXT_CHARS = 64 * 1024;

    private final XMLInputFactory factory;

    public JUnitXmlParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /**
     * The results in {@code report}, in the order the report lists them, all in {@code project}.
     *
     * @throws SuiteException when the file cannot be read, is not well-formed XML (the message names the file, line
     *                        and column), or is XML of another kind
     */
    public List<TestResult> parse(Path report, String project) throws SuiteException {
        try (InputStream in = Files.newInputStream(report)) {
            XMLStreamReader reader = factory.createXMLStreamReader(report.toString(), in);
            try {
                return read(reader, report, project);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String where = at == null ? report.toString()
                    : report + ":" + at.getLineNumber() + ":" + at.getColumnNumber();
            throw new SuiteException(where + ": not a well-formed JUnit XML report (" + cause(e) + "). It may be"
                    + " damaged or still being written: run the suite again, or narrow the report glob so that it"
                    + " matches only JUnit XML files.", e);
        } catch (IOException e) {
            throw new SuiteException("Could not read the report " + report + ": " + e.getMessage()
                    + ". Check that the file is readable by Healdesk.", e);
        }
    }

    private List<TestResult> read(XMLStreamReader reader, Path report, String project)
            throws XMLStreamException, SuiteException {
        while (reader.next() != XMLStreamConstants.START_ELEMENT) {
            if (reader.getEventType() == XMLStreamConstants.DTD) {
                throw new SuiteException(report + " declares a DTD, which Healdesk refuses: no test tool writes one"
                        + " into a JUnit XML report, and its entities could make the parser read local files. Check"
                        + " what wrote this file.");
            }
        }
        String root = reader.getLocalName();
        if (!root.equals("testsuites") && !root.equals("testsuite")) {
            throw new SuiteException(report + " is not a JUnit XML report: its root element is <" + root
                    + ">, not <testsuites> or <testsuite>. Narrow the report glob so that it matches only JUnit XML"
                    + " files.");
        }
        List<TestResult> results = new ArrayList<>();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("testcase")) {
                results.add(testCase(reader, project));
            }
        }
        return results;
    }

    /** Reads one {@code <testcase>}, from its start tag to its end tag. */
    private TestResult testCase(XMLStreamReader reader, String project) throws XMLStreamException {
        String classname = blankToNull(reader.getAttributeValue(null, "classname"));
        String name = blankToNull(reader.getAttributeValue(null, "name"));
        String file = blankToNull(reader.getAttributeValue(null, "file"));
        String line = blankToNull(reader.getAttributeValue(null, "line"));
        long durationMs = durationMs(reader.getAttributeValue(null, "time"));
        String title = name == null ? "(unnamed test)" : name;
        String id = classname == null ? title : classname + "#" + title;
        String location = file == null ? id : line == null ? file : file + ":" + line;

        Outcome failure = null;
        boolean errored = false;
        Outcome flaky = null;
        int reruns = 0;
        int flakes = 0;
        boolean skipped = false;
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            switch (reader.getLocalName()) {
                case "failure", "error" -> {
                    boolean error = reader.getLocalName().equals("error");
                    Outcome outcome = outcome(reader);
                    if (failure == null) {
                        failure = outcome;
                        errored = error;
                    }
                }
                case "rerunFailure", "rerunError" -> {
                    reruns++;
                    outcome(reader);
                }
                case "flakyFailure", "flakyError" -> {
                    flakes++;
                    Outcome outcome = outcome(reader);
                    flaky = flaky == null ? outcome : flaky;
                }
                case "skipped" -> {
                    skipped = true;
                    skip(reader);
                }
                default -> skip(reader);
            }
        }
        if (failure != null) {
            return new TestResult(id, project, title, location, TestStatus.FAILED, durationMs, failure.message,
                    failure.text, reruns, List.of(), errored);
        }
        if (skipped) {
            return new TestResult(id, project, title, location, TestStatus.SKIPPED, durationMs, null, null, 0,
                    List.of());
        }
        if (flaky != null) {
            return new TestResult(id, project, title, location, TestStatus.FLAKY, durationMs, flaky.message,
                    flaky.text, flakes, List.of());
        }
        return new TestResult(id, project, title, location, TestStatus.PASSED, durationMs, null, null, 0, List.of());
    }

    /** What a failure-like element says. */
    private record Outcome(String message, String text) {
    }

    /**
     * Reads a {@code <failure>}-like element to its end. Its text is the stack; Surefire's rerun and flaky elements
     * carry it in a {@code <stackTrace>} child instead, next to output that is not kept.
     */
    private Outcome outcome(XMLStreamReader reader) throws XMLStreamException {
        String element = reader.getLocalName();
        String message = blankToNull(reader.getAttributeValue(null, "message"));
        String type = blankToNull(reader.getAttributeValue(null, "type"));
        StringBuilder text = new StringBuilder();
        int depth = 0;
        boolean inStackTrace = false;
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                inStackTrace = depth == 1 && reader.getLocalName().equals("stackTrace");
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    break;
                }
                depth--;
                inStackTrace = false;
            } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                    && (depth == 0 || inStackTrace) && text.length() < MAX_TEXT_CHARS) {
                text.append(reader.getText(), 0, Math.min(reader.getTextLength(), MAX_TEXT_CHARS - text.length()));
            }
        }
        String stack = blankToNull(text.toString().strip());
        if (message == null) {
            message = stack != null ? stack.lines().filter(l -> !l.isBlank()).findFirst().orElseThrow().strip()
                    : type != null ? type
                    : "<" + element + "> with no message";
        }
        return new Outcome(message, stack);
    }

    /** Reads past the current element, whatever it holds. */
    private static void skip(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /**
     * The {@code time} attribute (seconds) in milliseconds. Some writers format it for humans ({@code 1,234.5});
     * a missing or unreadable value is 0 rather than a reason to lose the result.
     */
    static long durationMs(String seconds) {
        if (seconds == null || seconds.isBlank()) {
            return 0;
        }
        try {
            double value = Double.parseDouble(seconds.strip().replace(",", ""));
            return Double.isFinite(value) && value > 0 ? Math.round(value * 1000) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The parser's own words, without the location it prefixes (the caller names the file, line and column). */
    private static String cause(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable XML" : dev.healdesk.core.process.InputText.plain(e.getMessage());
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + "Message: ".length()).strip() : message.strip();
    }
}
