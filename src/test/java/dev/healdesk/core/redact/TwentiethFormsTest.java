package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms and mends written for what the twentieth corpus collection's tune part lost or leaked (released to
 * redact59 alone; its held-out part stays the clean measure). Mends of detectors that took too much: a PowerShell
 * subexpression after a secret-named parameter is code, not its value ({@link CommandLines}); a PowerShell error
 * record's {@code Cmdlet-Name: message} is no label ({@link KeyValues#cmdletName}); a sentence's full stop after a URL
 * query's value is no part of it ({@link KeyValues}); a mask that a bracket closes is no password ({@link NamedValues});
 * an Unleash token's project and environment stay ({@link KeyValues#unleashSecret}); a mail gem's Message-ID is no
 * person's address ({@link Emails}). Forms for what leaked: an address as a URL path's segment ({@link Emails});
 * papermill's {@code -p NAME VALUE} ({@link CommandLines}); Serbia's PIB and Indonesia's NPWP by their labels
 * ({@link KeyNames}); the Twilio and MessageBird SDKs' constructors by position (token-rules.json's positionalCalls).
 * Each on lines written for this test, not taken from the corpus, with counter-examples that must come through as
 * they are.
 */
class TwentiethFormsTest {

    private final Random random = new Random(20_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password a person might choose: letters, a capital, digits. */
    private String password() {
        return "Qx" + FormChecks.token(random, 8) + "7a";
    }

    @Test
    void aPowerShellSubexpressionAfterASecretParameterStaysAndItsLiteralGoes() {
        for (int k = 0; k < 6; k++) {
            String pw = password();
            String pester = " at New-Customer -Email 'ops@globex.io' -Password (ConvertTo-SecureString '" + pw
                    + "' -AsPlainText -Force), C:\\src\\tests\\New-Customer.Tests.ps1:41";
            FormChecks.gone(redactor, pester, pw, "-Password (ConvertTo-SecureString '", "' -AsPlainText -Force)");
            FormChecks.gone(Redactor.atRest(), pester, pw, "-Password (ConvertTo-SecureString '");
            String vault = "+ Set-AzKeyVaultSecret -VaultName kv-shop-eu -Name ApiKey -SecretValue (ConvertTo-SecureString \""
                    + pw + "\" -AsPlainText -Force)";
            FormChecks.gone(redactor, vault, pw, "-SecretValue (ConvertTo-SecureString \"", "-Name ApiKey");
        }
        // a value given as it is still goes whole
        String pw = password();
        FormChecks.gone(redactor, "New-LocalUser -Name svc -Password " + pw + " -NoPassword:$false", pw, "-Password ");
        FormChecks.gone(redactor, "deploy.sh --password " + pw, pw, "--password ");
    }

    @Test
    void aPowerShellErrorRecordsCommandIsNoLabel() {
        FormChecks.untouched(redactor, "Set-AzKeyVaultSecret: Operation returned an invalid status code 'Forbidden'");
        FormChecks.untouched(redactor, "Get-Secret: The secret ApiToken was not found.");
        FormChecks.untouched(Redactor.atRest(), "New-AzADAppCredential: Insufficient privileges to complete the operation.");
        FormChecks.untouched(redactor, "Remove-SecretToken: Access denied");
        // a header or a key whose first word is no PowerShell verb is still a label
        for (int k = 0; k < 4; k++) {
            String token = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "Client-Secret: " + token, token, "Client-Secret: ");
            FormChecks.gone(redactor, "Api-Secret: " + token, token, "Api-Secret: ");
            FormChecks.gone(redactor, "X-Secret-Token: " + token, token, "X-Secret-Token: ");
            FormChecks.gone(redactor, "HTTP/1.1 302 Found\r\nSet-Cookie: remember_me=" + token + "; path=/", token,
                    "Set-Cookie: remember_me=");
        }
    }

    @Test
    void aFullStopAfterAQuerysValueStays() {
        for (int k = 0; k < 6; k++) {
            String token = FormChecks.token(random, 24);
            FormChecks.gone(redactor, "DBG forward.go:190 > Remote error http://auth:4181/?token=" + token
                    + ". StatusCode: 401 middlewareName=forward-auth@file", token, "?token=", ". StatusCode: 401");
            FormChecks.gone(Redactor.atRest(), "GET https://api.globex.io/v1/orders?api_key=" + token + ". Retrying.",
                    token, "?api_key=", ". Retrying.");
            // a dot inside the value is the value's
            String dotted = token.substring(0, 12) + "." + token.substring(12);
            FormChecks.gone(redactor, "GET /cb?access_token=" + dotted + " 401", dotted.substring(13), "GET /cb?access_token=");
            assertFalse(redactor.redact("GET /cb?access_token=" + dotted + " 401").contains(token.substring(0, 12)));
        }
    }

    @Test
    void aMaskThatABracketClosesIsNoPassword() {
        FormChecks.untouched(redactor, "Notice: /Stage[main]/Profile::Db/Postgresql::Server::Role[reporting]/Postgresql_psql"
                + "[CREATE ROLE reporting ENCRYPTED PASSWORD ****]/command: command changed");
        FormChecks.untouched(Redactor.atRest(), "Notice: /Stage[main]/Mysql::Server/Mysql_user[app@%]/Exec[SET PASSWORD ********]"
                + "/returns: executed successfully");
        FormChecks.untouched(redactor, "connect(user=app, password ***) failed");
        // a password after the same words, and a value that only starts with stars, still go
        for (int k = 0; k < 4; k++) {
            String pw = password();
            FormChecks.gone(redactor, "Debug: CREATE ROLE reporting ENCRYPTED PASSWORD '" + pw + "'", pw, "ENCRYPTED PASSWORD '");
            FormChecks.gone(redactor, "login failed: password " + pw + " rejected", pw, "login failed: password ");
        }
    }

    @Test
    void anUnleashTokensProjectAndEnvironmentStayAndItsSecretGoes() {
        for (int k = 0; k < 6; k++) {
            String hex = FormChecks.hexAfterA1(random, 64);
            FormChecks.gone(redactor, "[unleash] register: POST https://flags.globex.io/api/client/register {\"appName\":\"web\","
                    + "\"headers\":{\"Authorization\":\"*:development." + hex + "\"}}", hex,
                    "{\"Authorization\":\"*:development.", "\"}}");
            FormChecks.gone(Redactor.atRest(), "Fetching toggles with customHttpHeaders {Authorization=default:production." + hex
                    + "}\nnext", hex, "{Authorization=default:production.", "}\nnext");
            FormChecks.gone(redactor, "Authorization: checkout-api:staging." + hex, hex, "Authorization: checkout-api:staging.");
            FormChecks.gone(redactor, "Authorization: []:production." + hex, hex, "Authorization: []:production.");
        }
        // a token without that scope still goes whole
        String token = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "Authorization: " + token, token, "Authorization: ");
        String hex = FormChecks.hexAfterA1(random, 64);
        String out = redactor.redact("Authorization: " + hex + ".x");
        assertFalse(out.contains(hex), out);
    }

    @Test
    void aMailGemsMessageIdStaysAndAPersonsAddressGoes() {
        for (int k = 0; k < 6; k++) {
            String id = FormChecks.hex(random, 13) + "_" + FormChecks.hexAfterA1(random, 4);
            FormChecks.untouched(redactor, "Delivered mail " + id + "@web-" + k + ".mail (3.4ms)");
            FormChecks.untouched(redactor, "Message-ID: <" + id + "f0" + "@runner-" + k + ".mail>");
        }
        // a person's address with an underscore, a short one, one of words
        FormChecks.gone(redactor, "To: ana_silva@globex-mail.com", "ana_silva@globex-mail.com", "To: ");
        FormChecks.gone(redactor, "To: a1_b2@globex-mail.com", "a1_b2@globex-mail.com", "To: ");
        FormChecks.gone(redactor, "To: deadbeef_cafe_face@globex-mail.com", "deadbeef_cafe_face@globex-mail.com", "To: ");
    }

    @Test
    void anAddressAsAUrlPathsSegmentGoes() {
        String[] people = {"mia.dubois@contoso-corp.net", "lucas_k42@web.de", "ana.silva@globex-mail.com"};
        for (String person : people) {
            FormChecks.gone(redactor, "$ curl -i -X POST http://localhost:8001/consumers/" + person
                    + "/key-auth --data key=none\nHTTP/1.1 409 Conflict", person,
                    "http://localhost:8001/consumers/", "/key-auth", "HTTP/1.1 409 Conflict");
            FormChecks.gone(redactor, "GET https://api.globex.io/v2/users/" + person + "/sessions 404", person,
                    "https://api.globex.io/v2/users/", "/sessions 404");
        }
        // a URL's user@host, a package's name@version, a file's name@scale stay as they were
        FormChecks.untouched(redactor, "Cloning into 'shop'... https://deploy@git.globex.io/shop/web.git");
        FormChecks.untouched(redactor, "GET https://cdn.jsdelivr.net/npm/lodash@4.17.21/lodash.min.js 200");
        FormChecks.untouched(redactor, "import 'https://deno.land/std@0.224.0/path/mod.ts'");
        FormChecks.untouched(redactor, "/static/img/logo@2x.png/ 404");
        FormChecks.untouched(Redactor.atRest(), "GET /consumers/" + people[0] + "/key-auth");
    }

    @Test
    void papermillsNamedParameterGoesByItsName() {
        for (int k = 0; k < 6; k++) {
            String hex = FormChecks.hexAfterA1(random, 40);
            String pw = password();
            String line = "$ papermill notebooks/report.ipynb out.ipynb -p api_token " + hex + " -p region eu-west-1";
            FormChecks.gone(redactor, line, hex, "-p api_token ", " -p region eu-west-1");
            FormChecks.gone(Redactor.atRest(), line, hex, "-p api_token ");
            FormChecks.gone(redactor, "papermill in.ipynb out.ipynb --parameters db_password " + pw + " --log-output", pw,
                    "--parameters db_password ", " --log-output");
            FormChecks.gone(redactor, "papermill in.ipynb out.ipynb -r secret_key " + hex, hex, "-r secret_key ");
        }
        // parameters not named like a secret stay, and another command's -p is not papermill's
        FormChecks.untouched(redactor, "$ papermill in.ipynb out.ipynb -p customer_id 42 -p run_date 2024-06-11 -p alpha 0.6");
        FormChecks.untouched(redactor, "$ mkdir -p token_cache build");
        FormChecks.untouched(redactor, "$ docker run -p 8080 token-service:latest");
    }

    /** Serbia's PIB check, ISO 7064 MOD 11,10 over the first eight digits. */
    static boolean pib(String v) {
        int p = 10;
        for (int k = 0; k < 8; k++) {
            int s = (p + v.charAt(k) - '0') % 10;
            p = (2 * (s == 0 ? 10 : s)) % 11;
        }
        return v.length() == 9 && (11 - p) % 10 == v.charAt(8) - '0';
    }

    /** Indonesia's NPWP's check, Luhn over its first nine digits. */
    static boolean npwp(String v) {
        return Values.luhn(v, 0, 9);
    }

    @Test
    void serbiasPibAndIndonesiasNpwpGoUnderTheirLabels() {
        for (int k = 0; k < 8; k++) {
            String pib = FormChecks.drawn(random, String.valueOf(1 + random.nextInt(9)), 8, TwentiethFormsTest::pib);
            FormChecks.gone(redactor, "Odgovor: {\"unos\":{\"ime\":\"Jovana\",\"pib\":\"" + pib + "\"}}", pib, "\"pib\":\"");
            FormChecks.gone(Redactor.atRest(), "parameters={korisnik=[jovana], pib=[" + pib + "]}", pib, "pib=[");
            FormChecks.gone(redactor, "PIB: " + pib + "\nnext", pib, "PIB: ", "\nnext");
            String digits = FormChecks.drawn(random, "0", 14, v -> npwp(v));
            String npwp = digits.substring(0, 2) + "." + digits.substring(2, 5) + "." + digits.substring(5, 8) + "."
                    + digits.charAt(8) + "-" + digits.substring(9, 12) + "." + digits.substring(12);
            FormChecks.gone(redactor, "  NPWP: " + npwp + "\n  Tests:    1 failed", npwp, "NPWP: ", "Tests:    1 failed");
            FormChecks.gone(Redactor.atRest(), "put('/profil', ['npwp' => '" + npwp + "', 'nama' => 'Budi'])", npwp,
                    "['npwp' => '", "', 'nama' => 'Budi']");
        }
        // the labels before a word or a flag stay, and inside another word they say nothing
        FormChecks.untouched(redactor, "{\"pib\": \"nepoznat\", \"npwp\": true}");
        FormChecks.untouched(redactor, "pibStatus=190199347 snpwp=123456789");
    }

    @Test
    void twilioAndMessageBirdClientsLoseTheirKeyByPosition() {
        for (int k = 0; k < 6; k++) {
            String hex = FormChecks.hexAfterA1(random, 32);
            String sid = "AC" + FormChecks.hexAfterA1(random, 32);
            String key = "kP" + FormChecks.token(random, 20) + "1b";
            FormChecks.gone(redactor, "    client = Twilio(\"" + sid + "\", \"" + hex + "\")\nEND RequestId", hex,
                    "client = Twilio(\"", "\")\nEND RequestId");
            FormChecks.gone(Redactor.atRest(), "client = twilio.rest.Client('" + sid + "', '" + hex + "')", hex);
            FormChecks.gone(redactor, "  client = messagebird.Client('" + key + "')\n  client.message_create(", key,
                    "client = messagebird.Client('", "')\n");
            FormChecks.gone(Redactor.atRest(), "const messagebird = require('messagebird')('" + key + "');", key,
                    "require('messagebird')('");
            FormChecks.gone(redactor, "$client = new \\MessageBird\\Client('" + key + "');", key, "$client = new \\MessageBird\\Client('");
        }
        // a variable, an environment look-up or a word stays
        FormChecks.untouched(redactor, "client = messagebird.Client(os.environ['MESSAGEBIRD_KEY'])");
        FormChecks.untouched(redactor, "client = messagebird.Client('test')");
        FormChecks.untouched(redactor, "client = Twilio(account_sid, auth_token)");
        String out = redactor.redact("client = Twilio(\"ACa1b2\", \"" + FormChecks.hexAfterA1(random, 32) + "\")");
        assertTrue(out.contains("Twilio(\"ACa1b2\""), out);
    }
}
