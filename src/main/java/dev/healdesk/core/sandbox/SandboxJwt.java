package dev.healdesk.core.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HS256 JSON Web Tokens signed with a key drawn at random for each start of the sandbox,
 * so a restart invalidates every token issued before it, as a real backend that rotates its key would.
 */
final class SandboxJwt {

    static final String ISSUER = "healdesk-sandbox";

    /** Why a token was refused; the texts are those of the popular Node.js jsonwebtoken library. */
    enum Rejection {
        MALFORMED("JsonWebTokenError: jwt malformed"),
        BAD_SIGNATURE("JsonWebTokenError: invalid signature"),
        EXPIRED("TokenExpiredError: jwt expired");

        final String message;

        Rejection(String message) {
            this.message = message;
        }
    }

    /** The outcome of a check: a subject, or why there is none. */
    record Verdict(String subject, Rejection rejection) {
        boolean valid() {
            return rejection == null;
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final ObjectMapper json;
    private final SecureRandom random;
    private final Clock clock;
    private volatile byte[] key;

    SandboxJwt(ObjectMapper json, SecureRandom random, Clock clock) {
        this.json = json;
        this.random = random;
        this.clock = clock;
        rotateKey();
    }

    /** Draws a new signing key: tokens signed before stop verifying. */
    void rotateKey() {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        key = fresh;
    }

    String issue(String subject, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        ObjectNode header = json.createObjectNode().put("alg", "HS256").put("typ", "JWT");
        byte[] jti = new byte[12];
        random.nextBytes(jti);
        ObjectNode payload = json.createObjectNode()
                .put("sub", subject)
                .put("iss", ISSUER)
                .put("iat", now)
                .put("exp", now + lifetime.toSeconds())
                .put("jti", HexFormat.of().formatHex(jti));
        String signingInput = B64.encodeToString(bytes(header)) + "." + B64.encodeToString(bytes(payload));
        return signingInput + "." + B64.encodeToString(sign(signingInput, key));
    }

    Verdict verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return new Verdict(null, Rejection.MALFORMED);
        }
        JsonNode payload;
        byte[] signature;
        try {
            JsonNode header = json.readTree(B64D.decode(parts[0]));
            payload = json.readTree(B64D.decode(parts[1]));
            signature = B64D.decode(parts[2]);
            if (header == null || !"HS256".equals(header.path("alg").asText()) || payload == null) {
                return new Verdict(null, Rejection.MALFORMED);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            return new Verdict(null, Rejection.MALFORMED);
        }
        byte[] expected = sign(parts[0] + "." + parts[1], key);
        if (!MessageDigest.isEqual(expected, signature)) {
            return new Verdict(null, Rejection.BAD_SIGNATURE);
        }
        if (payload.path("exp").asLong(0) <= clock.instant().getEpochSecond()) {
            return new Verdict(null, Rejection.EXPIRED);
        }
        return new Verdict(payload.path("sub").asText(), null);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(String input, byte[] secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
