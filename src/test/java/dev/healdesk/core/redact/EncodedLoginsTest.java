package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A login sent as base64 where nothing names it, found by what it decodes to; and the base64 that stays. */
class EncodedLoginsTest {

    private static final Redactor REDACTOR = Redactor.standard();

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void untouched(String text) {
        assertEquals(text, REDACTOR.redact(text));
    }

    @Test
    void saslPlainsResponseGoesWholeAndWhatStandsBesideItStays() {
        String resp = b64("\0mailer\0Quartz2290%f");
        assertTrue(resp.endsWith("="), resp);   // the rule reads padded base64
        String line = "imapd[77]: auth-worker: in: AUTH\tPLAIN\tservice=imap\tsession=Wq3fZ0aLr9Tx\tresp=" + resp;
        String out = REDACTOR.redact(line);
        assertFalse(out.contains(resp), out);
        assertTrue(out.contains("resp=[REDACTED_PASSWORD]"), out);
        assertTrue(out.contains("AUTH\tPLAIN\tservice=imap"), out);
        assertEquals("resp=[REDACTED_PASSWORD] lport=993", REDACTOR.redact("resp=" + resp + " lport=993"));
    }

    @Test
    void aUserAndPasswordInBase64GoWithoutTheirHeader() {
        String creds = b64("svc-report:Bx7-lake-41");
        assertTrue(creds.endsWith("="), creds);
        String out = REDACTOR.redact("proxy said 407; we sent " + creds + " (retry 2)");
        assertEquals("proxy said 407; we sent [REDACTED_PASSWORD] (retry 2)", out);
    }

    @Test
    void base64OfOtherThingsStays() throws Exception {
        untouched("header " + b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + " parsed");   // JSON: no user before the colon
        untouched("upstream " + b64("cache-7.internal:8080") + " chosen");   // host:port, the port all digits
        untouched("note " + b64("hello world: it works") + " decoded");   // prose: blanks
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("x".getBytes(StandardCharsets.UTF_8));
        untouched("sha256-" + Base64.getEncoder().encodeToString(digest) + " integrity");   // binary
        untouched("request id " + b64("a:b") + " done");   // short
    }

    @Test
    void theDecodedShapesAreTheOnlyOnesTaken() {
        assertTrue(EncodedLogins.login("\0u\0pass1".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(EncodedLogins.login("admin\0u\0pass1".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(EncodedLogins.login("ops@acme.test:Zq9!x".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(EncodedLogins.login("\0\0pass1".getBytes(StandardCharsets.US_ASCII)));   // no user
        assertFalse(EncodedLogins.login("a:b:c:d:e".getBytes(StandardCharsets.US_ASCII)));   // fields
        assertFalse(EncodedLogins.login("db:5432".getBytes(StandardCharsets.US_ASCII)));     // a port
        assertFalse(EncodedLogins.login("urn:x".getBytes(StandardCharsets.US_ASCII)));       // too short
    }
}
