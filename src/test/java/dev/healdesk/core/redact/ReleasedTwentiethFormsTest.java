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

    // an API key as Basic's user with an empty password

    private String writeKey() {
        return "a" + FormChecks.token(random, 29) + "Q7";
    }

    @Test
    void aGeneratedUserBesideAnEmptyPasswordIsAKey() {
        for (int k = 0; k < 6; k++) {
            String key = writeKey();
            FormChecks.gone(redactor, "analytics-node: flush error AxiosError: Request failed with status code 401\n"
                    + "  config: { url: 'https://api.segment.io/v1/batch', auth: { username: '" + key
                    + "', password: '' } },", key, "auth: { username: '", "', password: '' } },",
                    "https://api.segment.io/v1/batch");
            FormChecks.gone(atRest, "{\"auth\": {\"username\": \"" + key + "\", \"password\": \"\"}}", key,
                    "{\"auth\": {\"username\": \"", "\", \"password\": \"\"}}");
        }
    }

    @Test
    void aNamedUserBesideAnEmptyPasswordStays() {
        FormChecks.untouched(redactor, "auth: { username: 'ci-bot', password: '' }");
        FormChecks.untouched(redactor, "auth: { username: 'deploy_user_2024_eu', password: '' }");
        FormChecks.untouched(redactor, "auth: { username: 'Kenneth.Robertson1984', password: '' }");
        // small letters and digits only, a digest's shape: no key of this form
        FormChecks.untouched(redactor, "auth: { username: '" + FormChecks.hexAfterA1(random, 32) + "', password: '' }");
        // a generated user whose password is given: the password's rules judge that pair
        String key = writeKey();
        assertEquals("auth: { username: '" + key + "', password: process.env.PW }",
                redactor.redact("auth: { username: '" + key + "', password: process.env.PW }"));
    }

    // Postmark's server token

    @Test
    void postmarksServerTokenGoesAsItsClientsFirstArgument() {
        for (int k = 0; k < 6; k++) {
            String token = UUID.nameUUIDFromBytes(FormChecks.token(random, 12).getBytes(StandardCharsets.UTF_8)).toString();
            FormChecks.gone(redactor, "  const client = new postmark.ServerClient('" + token + "');", token,
                    "const client = new postmark.ServerClient('", "');");
            FormChecks.gone(atRest, "  Postmark::ApiClient.new(\"" + token + "\", http_open_timeout: 15).deliver(to: x)",
                    token, "Postmark::ApiClient.new(\"", "\", http_open_timeout: 15)");
            FormChecks.gone(redactor, "var client = new PostmarkClient(\"" + token + "\");", token);
            FormChecks.gone(redactor, "client, err := postmark.NewClient(\"" + token + "\", \"\")", token);
            FormChecks.gone(redactor, "X-Postmark-Server-Token: " + token, token, "X-Postmark-Server-Token: ");
        }
    }

    @Test
    void aUuidInNoTokensSlotStays() {
        String id = UUID.nameUUIDFromBytes(FormChecks.token(random, 12).getBytes(StandardCharsets.UTF_8)).toString();
        FormChecks.untouched(redactor, "  const message = await client.getOutboundMessageDetails('" + id + "');");
        FormChecks.untouched(redactor, "X-Request-Id: " + id);
        FormChecks.untouched(redactor, "const client = new postmark.ServerClient(process.env.POSTMARK_SERVER_TOKEN);");
        // a ServerClient of no named library: nothing says its argument is a token
        FormChecks.untouched(redactor, "new ServerClient(\"" + id + "\")");
    }

    // HTTPie's bearer token

    private String jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + FormChecks.hex(random, 24) + "\",\"iat\":17146"
                + FormChecks.digits(random, 5, '0', 10) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + FormChecks.token(random, 43);
    }

    @Test
    void httpiesBearerTokenGoesAfterItsAuthFlag() {
        for (int k = 0; k < 6; k++) {
            String jwt = jwt();
            String text = "$ http --auth-type=bearer --auth " + jwt + " GET https://api.globex.io/api/me\n"
                    + "HTTP/1.1 403 Forbidden\n{\n    \"detail\": \"You do not have permission to perform this action.\"\n}";
            FormChecks.gone(redactor, text, jwt, "$ http --auth-type=bearer --auth ", " GET https://api.globex.io/api/me");
            FormChecks.gone(atRest, text, jwt, " GET https://api.globex.io/api/me");
            // any token HTTPie is told is a bearer's, whatever its shape
            String token = FormChecks.token(random, 24) + "4x";
            FormChecks.gone(redactor, "xh -A bearer -a " + token + " GET https://api.globex.io/me", token,
                    "xh -A bearer -a ", " GET https://api.globex.io/me");
            // a JWT given as --auth with no auth type: the token's shape says it
            FormChecks.gone(redactor, "http --auth " + jwt + " GET https://api.globex.io/me", jwt);
        }
    }

    @Test
    void httpiesUserWithoutAPasswordStays() {
        FormChecks.untouched(redactor, "$ http -a deploy GET https://api.globex.io/api/me");
        FormChecks.untouched(redactor, "$ http --auth-type=digest --auth ci-runner GET https://api.globex.io/api/me");
        FormChecks.untouched(redactor, "$ http --auth $USER GET https://api.globex.io/api/me");
    }

    // an e-mail as a URL's user

    @Test
    void anAddressThatIsAUrlsUserGoesAndTheHostStays() {
        for (int k = 0; k < 6; k++) {
            String local = "lena.berg" + FormChecks.digits(random, 2, '1', 9);
            String encoded = local + "%40northwind-mail.com";
            FormChecks.gone(redactor, "Successfully added `conn_id`=smtp_default : smtp://" + encoded
                    + ":******@smtp.billing.globex.com:587", local, "`conn_id`=smtp_default : smtp://",
                    ":******@smtp.billing.globex.com:587");
            FormChecks.gone(redactor, "AIRFLOW_CONN_SMTP=smtp://" + local + "@northwind-mail.com:s3cr3t"
                    + k + "@smtp.globex.com:587", local, "@smtp.globex.com:587");
            FormChecks.gone(redactor, "imap://" + encoded + "@imap.globex.com/INBOX", local, "@imap.globex.com/INBOX");
        }
    }

    @Test
    void aUrlsUserBeforeItsHostStays() {
        FormChecks.untouched(redactor, "git clone ssh://git@github.com/acme/shop.git");
        FormChecks.untouched(redactor, "remote: https://deploy@gitlab.globex.com/acme/shop.git");
        FormChecks.untouched(redactor, "redis://default@redis.acme.io:6379/0");
        FormChecks.untouched(redactor, "git+ssh://git@github.com:acme/shop.git");
    }

    // a Vietnamese tax code by its label

    /** Mã số thuế: nine digits and a check, 10 - (the digits by 31, 29, 23, 19, 17, 13, 7, 5, 3 mod 11). */
    private static boolean taxCode(String v) {
        int[] d = FormChecks.digitsOf(v);
        int check = 10 - FormChecks.sum(d, 31, 29, 23, 19, 17, 13, 7, 5, 3) % 11;
        return d.length == 10 && check < 10 && d[9] == check;
    }

    @Test
    void aVietnameseTaxCodeGoesUnderItsLabel() {
        for (int k = 0; k < 6; k++) {
            String mst = FormChecks.drawn(random, "0", 9, ReleasedTwentiethFormsTest::taxCode);
            FormChecks.gone(redactor, "  data={'email': 'x@example.com', 'ma_so_thue': '" + mst + "'}", mst,
                    "'ma_so_thue': '");
            FormChecks.gone(atRest, "form = DangKyForm(data={'ma_so_thue': '" + mst + "'})", mst);
            FormChecks.gone(redactor, "Mã số thuế: " + mst + "-001", mst, "Mã số thuế: ");
            FormChecks.gone(redactor, "ma_so_doanh_nghiep=" + mst, mst);
        }
    }

    @Test
    void aTaxCodesLabelWithoutANumberAndANumberWithoutTheLabelStay() {
        FormChecks.untouched(redactor, "ma_so_thue: chua co");
        FormChecks.untouched(redactor, "data={'ma_so_thue': ''}");
        String mst = FormChecks.drawn(random, "0", 9, ReleasedTwentiethFormsTest::taxCode);
        FormChecks.untouched(redactor, "order_id: " + mst);
        FormChecks.untouched(redactor, "ma_so: " + mst);
    }

    // a Vietnamese phone by its label

    @Test
    void aVietnamesePhoneInItsNationalFormatGoesUnderItsLabel() {
        for (int k = 0; k < 6; k++) {
            String mobile = "0" + "35789".charAt(random.nextInt(5)) + FormChecks.digits(random, 8, '0', 10);
            FormChecks.gone(redactor, "  data={'email': 'x@example.com', 'so_dien_thoai': '" + mobile + "'}", mobile,
                    "'so_dien_thoai': '");
            FormChecks.gone(redactor, "AssertionError: {'sdt': ['Số điện thoại không hợp lệ.']}\n  data={'sdt': '"
                    + mobile + "'}", mobile, "data={'sdt': '");
            FormChecks.gone(redactor, "soDienThoai: " + mobile, mobile, "soDienThoai: ");
        }
    }

    @Test
    void aNumberUnderAnotherVietnameseLabelOrNoNumberUnderThePhonesStays() {
        String mobile = "09" + FormChecks.digits(random, 8, '0', 10);
        FormChecks.untouched(redactor, "ma_don_hang: " + mobile);     // an order's number
        FormChecks.untouched(redactor, "so_dien_thoai: 2024");         // too short for a phone
        FormChecks.untouched(redactor, "data={'so_dien_thoai': ''}");
    }

    // a role's mailbox as a mail's sender

    @Test
    void aRolesMailboxAsTheSenderOfAMailStaysAndTheRecipientGoes() {
        for (int k = 0; k < 6; k++) {
            String domain = "mail" + k + ".initech.net";
            String to = "mia.okafor" + FormChecks.digits(random, 2, '1', 9) + "@outlook.com";
            FormChecks.gone(redactor, "  client.sendEmail({ From: 'billing@" + domain + "', To: '" + to
                    + "', Subject: 'Receipt' })", to, "client.sendEmail({ From: 'billing@" + domain + "', To: '");
            FormChecks.gone(redactor, "  Postmark::ApiClient.new(token).deliver(from: \"receipts@" + domain
                    + "\", to: \"" + to + "\")", to, "deliver(from: \"receipts@" + domain + "\", to: \"");
            FormChecks.gone(redactor, "send_mail('Hi', 'body', from_email='info@" + domain + "', recipient_list=['" + to
                    + "'])", to, "from_email='info@" + domain + "'");
        }
    }

    @Test
    void aPersonAsTheSenderAndARoleElsewhereGo() {
        // a person's address as the sender
        FormChecks.gone(redactor, "client.sendEmail({ From: 'jane.doe@globex.com', To: 'x' })", "jane.doe@globex.com");
        // a role's address as the recipient, or under another key
        FormChecks.gone(redactor, "client.sendEmail({ From: 'x', To: 'support@globex.com' })", "support@globex.com");
        FormChecks.gone(redactor, "reviewer: billing@globex.com", "billing@globex.com");
        // a local part that only starts like a role's
        FormChecks.gone(redactor, "From: 'billing.jane@globex.com'", "billing.jane@globex.com");
    }
}
