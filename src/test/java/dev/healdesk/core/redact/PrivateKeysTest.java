package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Private key blocks: whole when they end, and only their own lines when a log cut them off. */
class PrivateKeysTest {

    private static final Redactor REDACTOR = Redactor.standard();
    private static final Random RANDOM = new Random(11);

    private static String body(int lines) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            for (int i = 0; i < 64; i++) {
                b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
            }
            b.append('\n');
        }
        return b.append("Xk9=").toString();
    }

    @Test
    void aWholeBlockGoesWithItsArmourLines() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\n" + body(3) + "\n-----END RSA PRIVATE KEY-----";
        assertEquals("loading key:\n[REDACTED_PRIVATE_KEY]\ndone", REDACTOR.redact("loading key:\n" + key + "\ndone"));
    }

    @Test
    void anEncryptedBlocksHeaderLinesGoWithIt() {
        String key = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F2A9C\n\n"
                + body(2) + "\n-----END RSA PRIVATE KEY-----";
        assertEquals("[REDACTED_PRIVATE_KEY]\nok", REDACTOR.redact(key + "\nok"));
    }

    @Test
    void aCutOffBlockTakesItsOwnLinesAndNotTheLogAfterIt() {
        String text = "log cut off: -----BEGIN EC PRIVATE KEY-----\n" + body(2)
                + "\ndone\nERROR connect ECONNREFUSED db.internal.acme.net:5432\n";
        assertEquals("log cut off: [REDACTED_PRIVATE_KEY]\ndone\nERROR connect ECONNREFUSED db.internal.acme.net:5432\n",
                REDACTOR.redact(text));
    }

    @Test
    void aCutOffBlockEndsBeforeTheNextBlocksBeginAndTheLinesBetweenAreKept() {
        String text = "first: -----BEGIN PRIVATE KEY-----\n" + body(1) + "\n[truncated]\nretrying with key.pem\n"
                + "-----BEGIN PRIVATE KEY-----\n" + body(2) + "\n-----END PRIVATE KEY-----\nok";
        assertEquals("first: [REDACTED_PRIVATE_KEY]\n[truncated]\nretrying with key.pem\n[REDACTED_PRIVATE_KEY]\nok",
                REDACTOR.redact(text));
    }

    @Test
    void aCutOffBlockInsideAJsonStringStopsAtItsQuote() {
        String text = "{\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + body(2).replace("\n", "\\n")
                + "\",\"project_id\":\"shop-prod\"}";
        assertEquals("{\"private_key\":\"[REDACTED_PRIVATE_KEY]\",\"project_id\":\"shop-prod\"}", REDACTOR.redact(text));
    }
}
