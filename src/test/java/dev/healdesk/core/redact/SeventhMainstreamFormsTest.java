package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

/**
 * The general forms written for what the seventh outside measure ({@link SeventhMainstreamMeasureTest}) found leaking:
 * an Authorization header's credential after a vendor's own scheme word (RFC 9110's {@code auth-scheme 1*SP token68};
 * Opsgenie's {@code GenieKey}, Klaviyo's {@code Klaviyo-API-Key}, and any such word). Each on lines of other tools and
 * words than the measure's, with counter-examples that must come through as they are. Values are made at test time.
 */
class SeventhMainstreamFormsTest {

    private final Random random = new Random(51_2028L);
    private final Redactor redactor = Redactor.standard();

    @Test
    void aCredentialAfterAVendorsOwnAuthSchemeWord() {
        for (String scheme : new String[] {"GenieKey", "Klaviyo-API-Key", "Zoho-oauthtoken", "Acme-Ingest", "PVEAPIToken"}) {
            String token = FormChecks.token(random, 36);
            FormChecks.gone(redactor, "> GET /v1/status HTTP/1.1\n> Authorization: " + scheme + " " + token
                    + "\n> Accept: */*", token, "> Accept: */*");
            String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
            FormChecks.gone(Redactor.atRest(), "curl -H \"Authorization: " + scheme + " " + uuid
                    + "\" https://api.example.test/v2/alerts", uuid, "https://api.example.test/v2/alerts");
        }
        // prose after the header's name, a lower-case word, a scheme with parameters, a value that is no token
        FormChecks.untouched(redactor, "Authorization: Required for /admin, see docs/auth.md");
        FormChecks.untouched(redactor, "Authorization: failed 3 times for user-17");
        FormChecks.untouched(redactor, "Authorization: Denied by policy allow-read-v2");
        FormChecks.untouched(redactor, "Authorization: Custom realm=\"api\", scope=orders.read");
        FormChecks.untouched(redactor, "Authorization: Pending (request 4471)");
    }
}
