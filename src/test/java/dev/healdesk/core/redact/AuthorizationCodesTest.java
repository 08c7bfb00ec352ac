package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * An OAuth authorization code in its redirect or in the request that redeems it ({@link AuthorizationCodes}), on lines
 * written for this test; a parameter named {@code code} where nothing on its line says OAuth stays. Codes are made at
 * test time.
 */
class AuthorizationCodesTest {

    private final Random random = new Random(4121L);
    private final Redactor redactor = Redactor.standard();

    @Test
    void aCodeGoesInTheRedirectThatCarriesItBackAndTheStateStays() {
        String code = FormChecks.token(random, 22);
        FormChecks.gone(redactor, "Error: expect(page).toHaveURL(expected) failed\n  Expected: \"https://app.acme.test/home\"\n"
                + "  Received: \"https://app.acme.test/auth/callback?code=" + code + "&state=n0nce42\"", code,
                "https://app.acme.test/auth/callback?code=", "&state=n0nce42", "https://app.acme.test/home");
        String google = "4/0A" + FormChecks.token(random, 30);
        FormChecks.gone(redactor, "navigated to https://app.acme.test/cb?state=k9&code=" + google + "&scope=email",
                google.substring(4), "&scope=email", "state=k9");
        FormChecks.gone(redactor, "{\"url\":\"https://app.acme.test/cb?code=" + code + "\\u0026state=abc\"}", code,
                "\\u0026state=abc");
    }

    @Test
    void aCodeGoesInTheRequestThatRedeemsIt() {
        String code = FormChecks.token(random, 16);
        FormChecks.gone(redactor, "POST /oauth2/v1/exchange grant_type=authorization_code&code=" + code
                + "&redirect_uri=https%3A%2F%2Fapp.acme.test%2Fcb&client_id=web", code, "grant_type=authorization_code",
                "&redirect_uri=https%3A%2F%2Fapp.acme.test%2Fcb&client_id=web");
    }

    @Test
    void aCodeParameterWhereNothingSaysOAuthStays() {
        FormChecks.untouched(redactor, "GET /api/orders?code=A7f93kd02LmQ&page=2 404");
        FormChecks.untouched(redactor, "GET /status?code=200&state=CA 200");
        FormChecks.untouched(redactor, "GET /api?code=ERR_TIMEOUT&state=open 500");
        FormChecks.untouched(redactor, "GET /cb?error_code=access_denied7&state=xyz 302");
        FormChecks.untouched(redactor, "https://shop.acme.test/item?zipcode=90210abcde&state=CA");
    }
}
