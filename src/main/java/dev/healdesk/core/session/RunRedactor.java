package dev.healdesk.core.session;

import dev.healdesk.core.redact.Redactor;
import dev.healdesk.core.redact.KnownSecrets;
import dev.healdesk.core.redact.SecretMemory;

import dev.healdesk.core.suite.TestResult;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What every text of a run goes through where it enters the run, so that nothing downstream (the history database,
 * the run folder, the live log, the audit trail, prompts, Slack) ever holds a secret: first the values of the run's
 * secret variables by name ({@link KnownSecrets}: {@code $TEST_PASSWORD}), then secrets by their shape
 * ({@link Redactor#atRest()}: {@code [REDACTED_BEARER_TOKEN]}). Both replace with constants, so a failure keeps its
 * fingerprint from run to run. Redacting twice changes nothing more. A value found by its context in one text of the
 * run ({@code password=…} in a live log's line) goes from every later text of the run that prints it alone (an
 * assertion's {@code expected '…'}): the run's {@link SecretMemory}.
 */
public final class RunRedactor implements UnaryOperator<String> {

    private final KnownSecrets known;
    private final Redactor shapes = Redactor.atRest();
    /** What this run's texts named so far ({@link #newRun}); a session's redactor serves one run after another. */
    private volatile SecretMemory memory = new SecretMemory();

    /** @param env the run's variables (environment and {@code .env}): the secret ones are masked by value */
    public RunRedactor(Map<String, String> env) {
        this.known = new KnownSecrets(env);
    }

    /**
     * Starts a new run's memory: what an earlier run's texts named is not looked for in this one's, so that a failure's
     * text and fingerprint do not depend on which runs the process made before.
     */
    public void newRun() {
        memory = new SecretMemory();
    }

    /** Shapes only: for callers that hold no variables. */
    public static RunRedactor shapesOnly() {
        return new RunRedactor(Map.of());
    }

    @Override
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return shapes.redact(known.apply(text), memory);
    }

    /**
     * {@code r} with its free text redacted: title, message and stack. The id and location stay as the suite gave
     * them, since a re-run finds the test by them; the same instance when nothing changed. A value that the stack names
     * goes from the message and the title before it too.
     */
    public TestResult redact(TestResult r) {
        SecretMemory memory = this.memory;
        int known = memory.size();
        String title = apply(r.title());
        String message = apply(r.errorMessage());
        String stack = apply(r.errorStack());
        if (memory.size() != known) {
            title = apply(title);
            message = apply(message);
        }
        if (title == r.title() && message == r.errorMessage() && stack == r.errorStack()) {
            return r;
        }
        return r.withText(title, message, stack);
    }
}
