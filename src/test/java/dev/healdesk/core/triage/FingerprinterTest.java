package dev.healdesk.core.triage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FingerprinterTest {

    private final Fingerprinter fp = new Fingerprinter();

    static Stream<Arguments> normalization() {
        return Stream.of(
                arguments("Timeout 30000ms exceeded", "Timeout <n>ms exceeded"),
                arguments("waiting for locator('#login')", "waiting for <v>"),
                arguments("getByRole('button', { name: 'Sign in' }) resolved to 2 elements", "<v> resolved to <n> elements"),
                arguments("page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:41234/login?next=/home#top",
                        "page.goto: net::ERR_CONNECTION_REFUSED at <url>"),
                arguments("connect ECONNREFUSED 127.0.0.1:5432", "connect ECONNREFUSED <host>"),
                arguments("Redis connection to localhost:6379 failed", "Redis connection to <host> failed"),
                arguments("jdbc:postgresql://app:secret@db.internal:5432/shop_test?user=app", "jdbc:<url>"),
                arguments("JWT expired at 2024-01-01T10:00:00Z. Current time: 2024-01-01T11:00:00.123+02:00",
                        "JWT expired at <ts>. Current time: <ts>"),
                arguments("failed at 12:03:45.120 on 2024-03-09", "failed at <ts> on <ts>"),
                arguments("Duplicate entry 'a@b.c' for key 'users.email'", "Duplicate entry <v> for key <v>"),
                arguments("relation \"users\" does not exist", "relation <v> does not exist"),
                arguments("Can't connect to MySQL server on 'db' (111)", "Can't connect to MySQL server on <v> (<n>)"),
                arguments("GET /api/users/42/orders/550e8400-e29b-41d4-a716-446655440000", "GET <path>"),
                arguments("open /home/alice/proj/tests/fixtures/users.json", "open <path>"),
                arguments("at C:\\Users\\bob\\proj\\login.spec.ts:3:4", "at <path>:<n>:<n>"),
                arguments("contact user42@example.com now", "contact <email> now"),
                arguments("pod web-7d9f8c6b5-x2k4q restarted", "pod <id> restarted"),
                arguments("kubelet: Readiness probe for \"api-6846f658db-w4qhj_default\" failed",
                        "kubelet: Readiness probe for <v> failed"),
                arguments("from payments-api-6f9c8d7b4-k2m9x: OOMKilled", "from <id>: OOMKilled"),
                arguments("Mar  5 10:22:13 web-01 app[1234]: boom", "<ts> web-<n> app[<n>]: boom"),
                arguments("[Thu Jul 28 20:17:37 2011] [error] PHP Fatal error", "[<ts>] [error] PHP Fatal error"),
                arguments("Date: Wed, 14 Jul 2021 19:46:08 GMT", "Date: <ts> GMT"),
                arguments("May the 4th be with you at 10:00", "May the <n>th be with you at <n>:<n>"),
                arguments("Could not resolve host: api.example.com.", "Could not resolve host: <host>."),
                arguments("server: localhost, request: x", "server: <host>, request: x"),
                arguments("see ASP.NET and socket.connect()", "see ASP.NET and socket.connect()"),
                arguments("dial tcp fe80::1ff:fe23:4567:890a:8080: connect: refused", "dial tcp <host>: connect: refused"),
                arguments("Unable to resolve host \"x.me\": No address", "Unable to resolve host <v>: No address"),
                arguments("{\"error\": \"boom\", \"code\": 7}", "{\"error\": <v>, \"code\": <n>}"),
                arguments("commit a3f5c9e12 at 0x7ffe12ab", "commit <hex> at <hex>"),
                arguments("user_550e8400-e29b-41d4-a716-446655440000 and cus_Nf3k2L9x", "user_<uuid> and cus_<id>"),
                arguments("Expected status 200 but got 500", "Expected status 200 but got 500"),
                arguments("HTTP/1.1 503 Service Unavailable", "HTTP/<n> 503 Service Unavailable"),
                arguments("the export took 512 ms for 500 rows", "the export took <n> ms for <n> rows"),
                arguments("{\"method\":\"css selector\",\"selector\":\"#login-button\"}", "{\"method\":<v>,\"selector\":<v>}"),
                arguments("waiting for selector \"#submit\"", "waiting for selector <v>"),
                arguments("By.xpath: //button[@id='submit' and text()='Pay 42']", "By.xpath: //button[@id=<v> and text()=<v>]"),
                arguments("\u001b[31mError\u001b[39m:   connection \t refused  ", "Error: connection refused"),
                arguments("line one\n  line two  \n\n line one\n", "line one\nline two"),
                arguments("ERR_HTTP2_PROTOCOL_ERROR", "ERR_HTTP<n>_PROTOCOL_ERROR"),
                arguments("port 5432 and port 41234", "port <n> and port <n>"),
                arguments("org.junit.ComparisonFailure: expected:<[foo]> but was:<[bar]>",
                        "org.junit.ComparisonFailure: expected:<v> but was:<v>"),
                arguments("java.lang.AssertionError: expected [true] but found [false]",
                        "java.lang.AssertionError: expected [<v>] but found [<v>]"),
                arguments("assert 3 == 4", "assert <n> == <n>"),
                arguments("doesn't exist", "doesn't exist"),
                arguments("", ""));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("normalization")
    void normalizesVariableParts(String message, String expected) {
        assertEquals(expected, fp.normalize(message));
    }

    @Test
    void normalizesNullToEmpty() {
        assertEquals("", fp.normalize(null));
    }

    static Stream<Arguments> samePairs() {
        String retry = "\n  - retrying click action, attempt #%d\n  - waiting for element to be visible, enabled and stable"
                + "\n  - waiting %dms";
        return Stream.of(
                arguments("locator.click: Timeout 30000ms exceeded.\nCall log:\n  - waiting for locator('#login')",
                        "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#login')"),
                arguments("Timeout 30000ms exceeded waiting for locator('#login')",
                        "Timeout 10000ms exceeded waiting for locator('#login')"),
                arguments("page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:41234/login",
                        "page.goto: net::ERR_CONNECTION_REFUSED at http://localhost:39001/login"),
                arguments("Error: connect ECONNREFUSED 127.0.0.1:5432", "Error: connect ECONNREFUSED 10.0.3.17:5432"),
                arguments("io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024-01-01T10:00:00Z. Current time:"
                                + " 2024-01-01T10:05:12Z, a difference of 312000 milliseconds.",
                        "io.jsonwebtoken.ExpiredJwtException: JWT expired at 2024-02-11T08:30:00Z. Current time:"
                                + " 2024-02-11T09:00:01Z, a difference of 1801000 milliseconds."),
                arguments("ERROR 1062 (23000): Duplicate entry 'a@b.c' for key 'users.email'",
                        "ERROR 1062 (23000): Duplicate entry 'x@y.z' for key 'users.email'"),
                arguments("GET /api/users/42/orders failed", "GET /api/users/97/orders failed"),
                arguments("order 550e8400-e29b-41d4-a716-446655440000 not found",
                        "order 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b not found"),
                arguments("commit a3f5c9e1 is not deployed", "commit 0b12ffe9 is not deployed"),
                arguments("pod api-7d9f8c6b5-x2k4q is not ready", "pod api-5c4b3a2d1-q9w8e is not ready"),
                arguments("at 12:03:45 the job failed", "at 09:15:00 the job failed"),
                arguments("user4711@example.test cannot log in", "user12@example.test cannot log in"),
                arguments("ENOENT: no such file or directory, open /home/alice/app/tests/fixtures/users.json",
                        "ENOENT: no such file or directory, open /builds/ci/app/tests/fixtures/users.json"),
                arguments("token issued at 1712345678 was rejected", "token issued at 1709876543 was rejected"),
                arguments("GET https://api.example.com/v1/search?q=alice&page=2 failed",
                        "GET https://api.staging.example.com/v1/search?q=bob&page=3 failed"),
                arguments("locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#pay')"
                                + String.format(retry, 1, 20) + String.format(retry, 2, 100),
                        "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#pay')"
                                + String.format(retry, 1, 20) + String.format(retry, 2, 100) + String.format(retry, 3, 500)
                                + String.format(retry, 4, 500)),
                arguments("\u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).toBe(\u001b[22mexpected)\n\n"
                                + "Expected: \u001b[32m3\u001b[39m\nReceived: \u001b[31m2\u001b[39m",
                        "expect(received).toBe(expected)\n\nExpected: 4\nReceived: 7"),
                arguments("Error:   connection\t refused  ", "Error: connection refused"),
                arguments("Timeout 30000ms exceeded waiting for locator('#login')",
                        "Timeout 30000ms exceeded waiting for locator('#logout')"),
                arguments("Error: connect ECONNREFUSED 127.0.0.1:5432", "Error: connect ECONNREFUSED 127.0.0.1:6379"),
                arguments("GET http://localhost:3000/login failed", "GET http://localhost:3000/logout failed"),
                arguments("org.opentest4j.AssertionFailedError: expected: <200> but was: <500>",
                        "org.opentest4j.AssertionFailedError: expected: <true> but was: <false>"),
                arguments("org.junit.ComparisonFailure: expected:<[foo]> but was:<[bar]>",
                        "org.junit.ComparisonFailure: expected:<[x]> but was:<[y z]>"),
                arguments("java.lang.AssertionError: expected [3] but found [4]",
                        "java.lang.AssertionError: expected [true] but found [false]"),
                arguments("java.lang.AssertionError: \nExpecting actual:\n  \"abc\"\nto contain:\n  \"xyz\"",
                        "java.lang.AssertionError: \nExpecting actual:\n  [1, 2]\nto contain:\n  [7]"),
                arguments("java.lang.AssertionError:\nExpected: is <3>\n     but: was <4>",
                        "java.lang.AssertionError:\nExpected: is <\"a\">\n     but: was <\"b\">"),
                arguments("E       AssertionError: assert 3 == 4", "E       AssertionError: assert 10 == 200"),
                arguments("Locator: locator('#cart')\nExpected: 3\nReceived: 2\nCall log:\n  - waiting",
                        "Locator: locator('#basket')\nExpected: 1\nReceived: 0\nCall log:\n  - waiting"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samePairs")
    void sameFailureSameFingerprint(String a, String b) {
        assertEquals(fp.template(a), fp.template(b));
        assertEquals(fp.fingerprint(Category.UI, a, null), fp.fingerprint(Category.UI, b, null));
    }

    static Stream<Arguments> differentPairs() {
        return Stream.of(
                arguments("Expected status 200 but got 500", "Expected status 200 but got 404"),
                arguments("HTTP/1.1 502 Bad Gateway", "HTTP/1.1 503 Service Unavailable"),
                arguments("relation \"users\" does not exist", "column \"users\" does not exist"),
                arguments("TokenExpiredError: jwt expired", "JsonWebTokenError: jwt malformed"),
                arguments("connect ECONNREFUSED 10.0.0.5:8080", "connect ETIMEDOUT 10.0.0.5:8080"),
                arguments("Test timeout of 30000ms exceeded.",
                        "Test timeout of 30000ms exceeded while running \"beforeEach\" hook."),
                arguments("Error: expect(locator).toHaveText(expected)", "Error: expect(locator).toHaveCount(expected)"),
                arguments("ERR_CONNECTION_REFUSED", "ERR_CONNECTION_RESET"),
                arguments("org.opentest4j.AssertionFailedError: expected: <200> but was: <500>",
                        "java.lang.AssertionError: expected [200] but found [500]"),
                arguments("java.lang.AssertionError: \nExpecting actual:\n  \"abc\"\nto contain:\n  \"xyz\"",
                        "java.lang.AssertionError: \nExpecting actual:\n  \"abc\"\nto be empty"),
                arguments("E       AssertionError: assert 3 == 4", "E       AssertionError: assert 3 != 4"),
                arguments("expected [3] but found [4]", "expected [3] but was [4]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentPairs")
    void differentFailuresDifferentFingerprints(String a, String b) {
        assertNotEquals(fp.fingerprint(Category.UI, a, null), fp.fingerprint(Category.UI, b, null));
    }

    static Stream<Arguments> sameFailureQuotedTwoWays() {
        return Stream.of(
                arguments("upstream timed out (110: Connection timed out) while reading response header from upstream",
                        "upstream timed out (60: Operation timed out) while reading response header from upstream"),
                arguments("could not connect to server: Connection refused (0x0000274D/10061)",
                        "could not connect to server: Connection refused"),
                arguments("E11000 duplicate key error collection: shop.users index: email_1 dup key: { email: \"a@b.c\" }",
                        "E11000 duplicate key error collection: test.orders index: _id_ dup key: { _id: ObjectId('6370') }"),
                arguments("no such element: Unable to locate element: {\"method\":\"css selector\",\"selector\":\"[id=\"a\"]\"}",
                        "no such element: Unable to locate element: {\"method\":\"xpath\",\"selector\":\"//b\"}"),
                arguments("Expected to find element: [data-test=save], but never found it",
                        "Expected to find element: '#save', but never found it"),
                arguments("Warning FailedScheduling 12s (x3 over 40s) default-scheduler 0/3 nodes are available: 3 Insufficient"
                        + " memory.", "0/7 nodes are available: 2 node(s) were unschedulable, 5 Insufficient cpu"),
                arguments("Cannot invoke \"a.B.c()\" because the return value of \"a.D.e()\" is null",
                        "Cannot invoke \"a.B.f()\" because \"<local2>\" is null"),
                arguments("getaddrinfo ENOTFOUND db db:5432",
                        "getaddrinfo ENOTFOUND my-db.s3-eu-west-1.example.com my-db.s3-eu-west-1.example.com:443"),
                arguments("RedisException: OOM command not allowed when used memory > 'maxmemory'. in /srv/app/cache.php:212",
                        "OOM command not allowed when used memory > 'maxmemory'."),
                arguments("[POST http://localhost:4444/wd/hub/session/1/element/2/click] Element is not clickable at point (10,"
                        + " 20)", "Element <button id=\"pay\"> is not clickable at point (981, 839)"),
                arguments("Container web-1, dependency failed to start: container web-1 is unhealthy",
                        "dependency failed to start: container db is unhealthy"),
                arguments("0|api | Error: Redis connection to 127.0.0.1:6379 failed",
                        "Error: Redis connection to 10.0.0.2:6379 failed"),
                arguments("terminate called after throwing an instance of 'pqxx::unique_violation'\n  what():  ERROR:  duplicate"
                        + " key value violates unique constraint \"a_pkey\"",
                        "ERROR: duplicate key value violates unique constraint \"b_pkey\""),
                arguments("[conn2] E11000 duplicate key error index: a.b.$c_1 122ms",
                        "E11000 duplicate key error index: x.y.$z_1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameFailureQuotedTwoWays")
    void twoQuotesOfOneFailureThatDifferOnlyByStructureShareATemplate(String a, String b) {
        assertEquals(fp.template(a), fp.template(b));
        assertEquals(fp.fingerprint("key", a), fp.fingerprint("key", b));
    }

    static Stream<Arguments> differentFailuresAroundTheStructureRules() {
        return Stream.of(
                arguments("upstream timed out (110: Connection timed out) while reading response header from upstream",
                        "upstream prematurely closed connection while reading response header from upstream"),
                arguments("Cannot read properties of undefined (reading 'x')", "Cannot read properties of null (reading 'x')"),
                arguments("0/3 nodes are available: 3 Insufficient memory.",
                        "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims"),
                arguments("[Error: connect ECONNREFUSED 127.0.0.1:5432]", "[Error: connect ETIMEDOUT 127.0.0.1:5432]"),
                arguments("[conn2] duplicate key error index: a.b.$c_1", "[conn2] lock timeout on index: a.b.$c_1"),
                arguments("Warning BackOff 15s (x7 over 1m) kubelet, node-1 Back-off restarting failed container",
                        "Warning Unhealthy 15s (x7 over 1m) kubelet, node-1 Readiness probe failed"),
                arguments("Container web-1, dependency failed to start: container web-1 is unhealthy",
                        "Container web-1, dependency failed to start: container web-1 exited (1)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentFailuresAroundTheStructureRules")
    void theStructureRulesKeepDifferentFailuresApart(String a, String b) {
        assertNotEquals(fp.template(a), fp.template(b));
    }

    @Test
    void categoriesNeverShareAFingerprint() {
        Set<String> seen = new HashSet<>();
        for (Category c : Category.values()) {
            assertTrue(seen.add(fp.fingerprint(c, "Error: something failed", null)), c.id());
        }
    }

    @Test
    void fingerprintIsSixteenLowerCaseHexDigitsAndStable() {
        String f = fp.fingerprint(Category.NETWORK, "Error: connect ECONNREFUSED 127.0.0.1:3000", null);
        assertTrue(f.matches("[0-9a-f]{16}"), f);
        assertEquals(f, new Fingerprinter().fingerprint(Category.NETWORK, "Error: connect ECONNREFUSED 127.0.0.1:3000",
                null));
    }

    private static final String JS_STACK = "Error: boom\n"
            + "    at LoginPage.submit (%s/tests/pages/login.ts:%d:13)\n"
            + "    at Context.<anonymous> (%s/tests/login.spec.ts:%d:5)";

    @Test
    void stackFramesAreEvidenceNotIdentity() {
        String a = String.format(JS_STACK, "/home/alice/shop", 42, "/home/alice/shop", 12);
        String b = String.format(JS_STACK, "/builds/ci/shop", 47, "/builds/ci/shop", 19).replace("submit", "fill");
        assertEquals(fp.fingerprint(Category.UI, "Error: boom", a), fp.fingerprint(Category.UI, "Error: boom", b));
        assertEquals(fp.fingerprint(Category.UI, "Error: boom", a), fp.fingerprint(Category.UI, "Error: boom", null));
        assertEquals(fp.fingerprint(Category.UI, "Error: boom", null), fp.fingerprint(Category.UI, a, null));
    }

    @Test
    void callLogLinesAreEvidence() {
        String a = "locator.click: Timeout 5000ms exceeded.\nCall log:\n  - waiting for locator('#pay')";
        String b = "locator.click: Timeout 7000ms exceeded.\nCall log:\n  - navigating to \"http://x/\", waiting until \"load\"";
        assertEquals(fp.fingerprint("ui", a), fp.fingerprint("ui", b));
        assertEquals("timeout <n>ms exceeded", fp.template(a));
    }

    @Test
    void theKeySeparatesOtherwiseEqualTemplates() {
        assertNotEquals(fp.fingerprint("connection-refused", "boom"), fp.fingerprint("db-pool-exhausted", "boom"));
    }
}
