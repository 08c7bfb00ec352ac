package dev.healdesk.core.triage;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriageTest {

    private final Triage triage = new Triage(PatternCatalog.builtIn());

    private static final String STACK = "Error: connect ECONNREFUSED 127.0.0.1:%d\n"
            + "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n"
            + "    at /home/runner/work/shop/tests/%s.spec.ts:%d:7\n"
            + "    at Context.<anonymous> (/home/runner/work/shop/tests/%s.spec.ts:%d:3)\n"
            + "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)";

    private static TestResult result(String id, TestStatus status, String message, String stack) {
        return new TestResult(id, "modules", id, id, status, 120, message, stack, 0, List.of());
    }

    @Test
    void groupsFailuresByFingerprintInFirstSeenOrder() {
        String down1 = "page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:41234/login";
        String down2 = "page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:39876/login";
        String locator = "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#customers-table')";
        List<TestResult> results = List.of(
                TestResult.passed("health/api", "health", "API health", 40),
                result("modules/login", TestStatus.FAILED, down1, null),
                result("modules/customers", TestStatus.TIMED_OUT, locator, null),
                result("modules/skipped", TestStatus.SKIPPED, null, null),
                result("modules/flaky", TestStatus.FLAKY, down1, null),
                result("modules/login-again", TestStatus.FAILED, down2, null),
                result("modules/customers-2", TestStatus.FAILED,
                        locator.replace("5000ms", "30000ms"), null));

        List<FailureGroup> groups = triage.group(results);

        assertEquals(2, groups.size());
        FailureGroup first = groups.get(0);
        assertEquals(List.of("modules/login", "modules/login-again"), first.tests().stream().map(TestResult::id).toList());
        assertEquals(down1, first.message());
        assertEquals("", first.stackTop());
        assertEquals(Category.NETWORK, first.category());
        assertEquals(FixClass.A, first.fixClass());
        assertEquals("restart-backend", first.classification().playbook());
        assertEquals(triage.triage(down1, null).fingerprint(), first.fingerprint());
        FailureGroup second = groups.get(1);
        assertEquals(2, second.count());
        assertEquals(Category.UI, second.category());
        assertEquals("propose-selector-fix", second.classification().playbook());
    }

    @Test
    void groupKeepsTheFirstFailuresTopThreeFrames() {
        String s1 = String.format(STACK, 5432, "orders", 12, "orders", 40);
        String s2 = String.format(STACK, 5432, "orders", 14, "orders", 44);
        List<FailureGroup> groups = triage.group(List.of(
                result("a", TestStatus.FAILED, "Error: connect ECONNREFUSED 127.0.0.1:5432", s1),
                result("b", TestStatus.FAILED, "Error: connect ECONNREFUSED 10.0.0.9:5432", s2)));
        assertEquals(1, groups.size());
        assertEquals("at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)\n"
                + "at /home/runner/work/shop/tests/orders.spec.ts:12:7\n"
                + "at Context.<anonymous> (/home/runner/work/shop/tests/orders.spec.ts:40:3)", groups.get(0).stackTop());
        assertEquals("postgres-unreachable", groups.get(0).classification().patternId());
    }

    @Test
    void differentCallSitesAreEvidenceNotAnotherFailure() {
        List<FailureGroup> groups = triage.group(List.of(
                result("a", TestStatus.FAILED, "Error: boom", String.format(STACK, 3000, "orders", 1, "orders", 2)),
                result("b", TestStatus.FAILED, "Error: boom", String.format(STACK, 3000, "invoices", 1, "invoices", 2))));
        assertEquals(1, groups.size(), "the stack is evidence; the headline is the failure");
        assertEquals(2, groups.get(0).tests().size());
    }

    @Test
    void failuresWithoutMessagesStillGroup() {
        List<FailureGroup> groups = triage.group(List.of(
                result("a", TestStatus.FAILED, null, null),
                result("b", TestStatus.TIMED_OUT, null, null)));
        assertEquals(1, groups.size());
        assertEquals("", groups.get(0).message());
        assertEquals("unknown", groups.get(0).classification().patternId());
    }

    @Test
    void noFailuresNoGroups() {
        assertTrue(triage.group(List.of(TestResult.passed("a", "p", "A", 1))).isEmpty());
        assertTrue(triage.group(List.of()).isEmpty());
    }

    @Test
    void stackTopTakesFramesOnly() {
        String stack = "Error: x\n    at a (/a.js:1:1)\n\n    at b (/b.js:2:2)\nCaused by: y\n    at c (/c.js:3:3)\n"
                + "    at d (/d.js:4:4)";
        assertEquals("at a (/a.js:1:1)\nat b (/b.js:2:2)\nat c (/c.js:3:3)", Triage.stackTop(stack, 3));
        assertEquals("at a (/a.js:1:1)", Triage.stackTop(stack, 1));
        assertEquals("", Triage.stackTop(null, 3));
        assertEquals("", Triage.stackTop("no frames here", 3));
        assertEquals("File \"/app/t.py\", line 3, in test_x", Triage.stackTop(
                "Traceback (most recent call last):\n  File \"/app/t.py\", line 3, in test_x\n    assert False", 3));
    }

    @Test
    void triageCombinesClassificationAndFingerprint() {
        String refused = "page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:3000/login";
        TriagedFailure t = triage.triage(refused, null);
        assertEquals("connection-refused", t.classification().patternId());
        assertEquals(triage.triage("Error: page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:41999/cart", null)
                .fingerprint(), t.fingerprint(), "the address is a value; the wrapper is not the failure");
        TriagedFailure jwt = triage.triage("TokenExpiredError: jwt expired", null);
        assertEquals("jwt-expired", jwt.classification().patternId());
        assertEquals(new Fingerprinter().fingerprint("jwt-expired", "jwt expired"), jwt.fingerprint());
    }

    @Test
    void aServicesPortNamesTheServiceAndSoItsPatternAndFingerprintWhileAnyOtherPortIsMasked() {
        TriagedFailure postgres = triage.triage("Error: connect ECONNREFUSED 127.0.0.1:5432", null);
        TriagedFailure redis = triage.triage("Error: connect ECONNREFUSED 10.0.0.7:6379", null);
        TriagedFailure backend = triage.triage("Error: connect ECONNREFUSED 127.0.0.1:8080", null);

        assertEquals("postgres-unreachable", postgres.classification().patternId(), "the port is evidence");
        assertEquals("redis-unreachable", redis.classification().patternId());
        assertNotEquals(postgres.fingerprint(), redis.fingerprint(), "one failure group holds one pattern");
        assertNotEquals(postgres.fingerprint(), backend.fingerprint());
        assertEquals(backend.fingerprint(), triage.triage("Error: connect ECONNREFUSED 10.1.2.3:41234", null)
                .fingerprint(), "the same failure with another port");
        assertEquals(postgres.fingerprint(), triage.triage("Error: connect ECONNREFUSED db.internal:5432", null)
                .fingerprint(), "the same failure on another host");
    }

    @Test
    void twoAddressesRefusingWithTheSameWordsStayTwoIncidentsWithTheirOwnIdsInAnyOrder() {
        List<TestResult> results = List.of(
                result("db/orders", TestStatus.FAILED, "Error: connect ECONNREFUSED 127.0.0.1:5432", null),
                result("cache/session", TestStatus.FAILED, "Error: connect ECONNREFUSED 127.0.0.1:6379", null),
                result("db/users", TestStatus.FAILED, "Error: connect ECONNREFUSED 127.0.0.1:5432", null));

        List<Incident> incidents = triage.incidents(results);

        assertEquals(2, incidents.size(), incidents.toString());
        assertNotEquals(incidents.get(0).id(), incidents.get(1).id(), "the history keeps an incident by its id");
        assertEquals(List.of("db/orders", "db/users"), incidents.get(0).tests());
        assertTrue(incidents.get(0).title().contains("127.0.0.1:5432"), incidents.get(0).title());
        assertTrue(incidents.get(1).title().contains("127.0.0.1:6379"), incidents.get(1).title());
        List<Incident> reversed = triage.incidents(List.of(results.get(2), results.get(1), results.get(0)));
        assertEquals(java.util.Set.of(incidents.get(0).id(), incidents.get(1).id()),
                java.util.Set.of(reversed.get(0).id(), reversed.get(1).id()));
        List<Incident> alone = triage.incidents(List.of(results.get(0)));
        assertEquals(alone.get(0).id(), incidents.get(0).id(), "the same incident whoever else fails beside it");
    }
}
