package dev.healdesk.core.session;

import dev.healdesk.core.suite.TestResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What every text of a run goes through: a value one of its texts names goes from the others that print it alone. */
class RunRedactorTest {

    private static final String PASSWORD = "Kq7" + "vRt2pLm9xW";

    @Test
    void aPasswordTheStackNamesGoesFromTheMessageBeforeIt() {
        RunRedactor redactor = new RunRedactor(Map.of());
        TestResult r = TestResult.failed("login.spec.ts:12", "chromium", "logs in", 812,
                "Error: expect(received).toBe(expected)\nExpected: \"" + PASSWORD + "\"\nReceived: null",
                "at login (login.spec.ts:12)\n  config: { user: 'qa-bot', password: '" + PASSWORD + "' }",
                List.of());

        TestResult clean = redactor.redact(r);

        assertFalse(clean.errorMessage().contains(PASSWORD), clean.errorMessage());
        assertFalse(clean.errorStack().contains(PASSWORD), clean.errorStack());
        assertEquals("Error: expect(received).toBe(expected)\nExpected: \"[REDACTED_PASSWORD]\"\nReceived: null",
                clean.errorMessage());
        assertEquals("logs in", clean.title());
    }

    @Test
    void aValueNamedInOneLineOfTheRunGoesFromItsLaterLines() {
        RunRedactor redactor = new RunRedactor(Map.of());
        assertEquals("[setup] seeding user qa-bot password=[REDACTED_PASSWORD]",
                redactor.apply("[setup] seeding user qa-bot password=" + PASSWORD));
        assertEquals("[console] retrying login with [REDACTED_PASSWORD] (attempt 2)",
                redactor.apply("[console] retrying login with " + PASSWORD + " (attempt 2)"));
        assertEquals("[console] retrying login with " + PASSWORD + " (attempt 2)",
                new RunRedactor(Map.of()).apply("[console] retrying login with " + PASSWORD + " (attempt 2)"),
                "another run's redactor has not seen it");
    }

    @Test
    void aNewRunDoesNotLookForWhatTheRunBeforeNamed() {
        RunRedactor redactor = new RunRedactor(Map.of());
        redactor.apply("password=" + PASSWORD);
        assertEquals("was [REDACTED_PASSWORD]", redactor.apply("was " + PASSWORD));
        redactor.newRun();
        assertEquals("was " + PASSWORD, redactor.apply("was " + PASSWORD),
                "a failure's text does not depend on the runs before it");
    }

    @Test
    void aResultWithNothingToHideIsTheSameInstance() {
        RunRedactor redactor = new RunRedactor(Map.of());
        redactor.apply("password=" + PASSWORD);
        TestResult r = TestResult.failed("a.spec.ts:3", "chromium", "adds", 5, "expected 2 to be 3", "at a.spec.ts:3",
                List.of());
        assertSame(r, redactor.redact(r));
    }
}
