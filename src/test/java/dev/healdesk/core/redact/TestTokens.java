package dev.healdesk.core.redact;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A fresh bearer token for the tests that plant one in a run and look for it afterwards: a JWT made at test time
 * (random subject, expiry and signature), so no secret-shaped literal sits in the repository and no two runs share
 * one. Not a real credential.
 */
public final class TestTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {
    }

    /** header.payload.signature, base64url without padding, as an identity provider prints it. */
    public static String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"user-" + RANDOM.nextInt(1_000_000) + "\",\"exp\":"
                + (1_800_000_000L + RANDOM.nextInt(1_000_000)) + ",\"scope\":\"orders:write\"}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] signature = new byte[32];
        RANDOM.nextBytes(signature);
        return header + "." + payload + "." + b64.encodeToString(signature);
    }
}
