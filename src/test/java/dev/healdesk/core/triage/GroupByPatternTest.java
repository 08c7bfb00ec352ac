package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared causes (an exhausted pool, an expired token) make one group, whichever test met them. */
class GroupByPatternTest {

    private final Triage triage = new Triage(PatternCatalog.builtIn());

    private static TestResult failed(String id, String message, String stack) {
        return new TestResult(id, "p", id, id, TestStatus.FAILED, 10, message, stack, 0, List.of());
    }

    @Test
    void anExhaustedPoolMetByManyEndpointsIsOneGroup() {
        String pg = "org.postgresql.util.PSQLException: FATAL: remaining connection slots are reserved for"
                + " non-replication superuser connections";
        List<FailureGroup> groups = triage.group(List.of(
                failed("health/api", "Expected status 200 but got 503 for GET http://127.0.0.1:41000/api/health:"
                        + " {\"status\":\"error\",\"message\":\"" + pg + "\"}", "at Probes.apiHealth(Probes.java:89)"),
                failed("contracts/customers", "Expected status 200 but got 500 for GET"
                        + " http://127.0.0.1:41000/api/customers: {\"error\":\"internal_error\",\"message\":\"" + pg
                        + "\"}", "at Probes.customersSchema(Probes.java:120)"),
                failed("modules/detail", pg, null)));
        assertEquals(1, groups.size(), () -> groups.toString());
        assertEquals(3, groups.get(0).count());
        assertEquals("db-connection-pool-exhausted", groups.get(0).classification().patternId());
    }

    @Test
    void failuresOfOtherPatternsStillSplitByMessage() {
        List<FailureGroup> groups = triage.group(List.of(
                failed("a", "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#save')", null),
                failed("b", "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#cancel')", null),
                failed("c", "Error: relation \"users\" does not exist", null)));
        assertEquals(2, groups.size(), "the call log is evidence; another template is another failure");
        assertNotEquals(groups.get(0).fingerprint(), groups.get(1).fingerprint());
    }

    @Test
    void theSameCauseInAnotherCategoryIsAnotherFingerprint() {
        String a = triage.triage("TokenExpiredError: jwt expired", null).fingerprint();
        String b = triage.triage("Session expired", null).fingerprint();
        assertNotEquals(a, b);
    }

    @Test
    void aBadGroupByIsReportedWithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, """
                {"version": 1, "patterns": [
                  {"id": "mine", "name": "Mine", "regex": "boom",
                   "category": "api", "severity": "high", "fixClass": "A",
                   "groupBy": "everything"}
                ]}
                """);
        PatternCatalogException e = assertThrows(PatternCatalogException.class, () -> PatternCatalog.load(file));
        assertTrue(e.getMessage().contains("mine.json") && e.getMessage().contains("line 4")
                && e.getMessage().contains("groupBy"), e.getMessage());
    }
}
