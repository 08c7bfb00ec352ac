package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The general forms written for what the twentieth corpus collection's released held-out part leaked or lost
 * (redact61). Kept: a logger's dotted name after a record's level, whose last part is a subsystem such as auth
 * ({@code ERROR onelogin.saml2.auth: invalid_response: …}, {@link KeyValues#loggerName}); a configuration key's path
 * joined by colons, as .NET's configuration and {@code dotnet user-secrets list} print it
 * ({@code "Authentication:Google:ClientSecret": "…"}, {@link KeyValues#keyPath}), where only the value goes. Gone: an
 * API key sent as HTTP Basic's user with an empty password, as Segment's libraries send a write key
 * ({@code auth: { username: '…', password: '' }}, {@link UserKeys}); Postmark's server token, a UUID, as the first
 * argument of its libraries' clients (the {@code postmark} row of token-rules.json's positionalCalls); the token HTTPie
 * sends after {@code --auth-type=bearer --auth} (the command-line rule skipped a user:password value with no colon,
 * and the JWT inside it with it, {@link CommandLines}); an e-mail address that is a URL's user, as Airflow's
 * connection URIs print a login ({@code smtp://ana%40mail.com:…@smtp.host}, {@link Emails}); a Vietnamese tax code
 * under its label ({@code ma_so_thue}, {@code Mã số thuế}; local-labels.json).
 * Each on lines written for this test, not taken from the corpus, with counter-examples that must come through as
 * they are. The values are drawn here.
 */
class ReleasedTwentiethFormsTest {

    private final Random random = new Random(61_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    // a logger's name is no key

    @Test
    void aLoggersNameAfterTheLevelIsNoKeyWhateverItsLastPart() {
        String[] lines = {
                "ERROR onelogin.saml2.auth: invalid_response: Signature validation failed. SAML Response rejected",
                "WARNING billing.sso: redirect_failed: state mismatch",
                "INFO  orders.api.auth: token_refreshed: next in 300s",
                "DEBUG:django_auth_ldap.login:bind_failed: invalid credentials",
                "[2024-06-11 09:14:02] ERROR acme.security: access_denied: role viewer",
        };
        for (String line : lines) {
            FormChecks.untouched(redactor, line);
            FormChecks.untouched(atRest, line);
        }
    }

    @Test
    void aSecretsNameAfterALevelOrWithoutOneStillNamesItsValue() {
        for (int k = 0; k < 4; k++) {
            String token = FormChecks.token(random, 20) + "9a";
            // a property path whose last part names the secret outright
            FormChecks.gone(redactor, "ERROR spring.datasource.password: " + token, token,
                    "ERROR spring.datasource.password: ");
            // a token below a logger-like path: its last part is the token's
            FormChecks.gone(redactor, "ERROR app.auth.token: " + token, token, "ERROR app.auth.token: ");
            // a bare auth key with no level before it
            FormChecks.gone(redactor, "auth: " + token, token);
            // an upper-case name after the level is no module's logger
            FormChecks.gone(atRest, "ERROR API.AUTH: " + token, token);
        }
    }

    // a configuration key's path

    @Test
    void aDotnetKeyPathStaysAndItsValueGoes() {
        for (int k = 0; k < 6; k++) {
            String secret = "GOCSPX-" + FormChecks.token(random, 28);
            String password = "Pw" + FormChecks.token(random, 10) + "7";
            String json = "$ dotnet user-secrets list --json --project src/Acme.Orders.Api/Acme.Orders.Api.csproj\n"
                    + "//BEGIN\n{\n  \"Authentication:Google:ClientSecret\": \"" + secret + "\",\n"
                    + "  \"Smtp:Password\": \"" + password + "\"\n}\n//END";
            FormChecks.gone(redactor, json, secret, "\"Authentication:Google:ClientSecret\": \"", "\"Smtp:Password\": \"");
            FormChecks.gone(redactor, json, password);
            FormChecks.gone(atRest, json, secret, "\"Authentication:Google:ClientSecret\": \"");
            String plain = "Authentication:Google:ClientSecret = " + secret + "\nSmtp:Password = " + password;
            FormChecks.gone(redactor, plain, secret, "Authentication:Google:ClientSecret = ", "Smtp:Password = ");
            FormChecks.gone(redactor, plain, password);
        }
    }

    @Test
    void aValueAfterASecretsColonWithNoSeparatorAfterItStillGoes() {
        String token = FormChecks.token(random, 22) + "7b";
        // a user and its password, no key path: nothing after the value is a separator
        FormChecks.gone(redactor, "\"token:" + token + "\"", token);
        FormChecks.gone(redactor, "auth: deploy:" + token, token, "auth: deploy:");
        // a path of two parts: its last names the value
        FormChecks.gone(redactor, "\"Auth:ApiKey\": \"" + token + "\"", token, "\"Auth:ApiKey\": \"");
    }
}
