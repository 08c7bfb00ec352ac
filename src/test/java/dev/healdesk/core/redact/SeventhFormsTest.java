package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the seventh corpus collection's tune part leaked (a phone number by its label,
 * more countries' personal numbers, kubectl's describe layout, SAML responses, an authorization code in a server's log,
 * a Slack webhook's path alone, test clouds' tunnel keys and Cypress' record key), each on lines written for this test,
 * not taken from the corpus, with counter-examples that must come through as they are. Values are made at test time.
 */
class SeventhFormsTest {

    private final Random random = new Random(7_2026L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '6', 4);   // 6-9: a mobile's first digit in India
    }

    private String uuid() {
        return java.util.UUID.nameUUIDFromBytes(FormChecks.token(random, 12).getBytes()).toString();
    }

    @Test
    void aPhoneNumberGoesByItsLabelInEverySyntax() {
        String india = digits(5) + " " + digits(5);
        FormChecks.gone(redactor, "console: {\"name\":\"Ann\",\"phone\":\"" + india + "\",\"plan\":\"pro\"}", india,
                "\"plan\":\"pro\"", "\"phone\":\"");
        String dutch = "06" + digits(8);
        FormChecks.gone(redactor, "customer:\n  mobile: " + dutch + "\n  city: Utrecht", dutch, "city: Utrecht");
        String us = digits(10);
        FormChecks.gone(redactor, "INSERT failed: customerPhone=" + us + " tenant=acme", us, "tenant=acme");
        FormChecks.gone(redactor, "{\\\"contact\\\":{\\\"phone_no\\\":\\\"" + india + "\\\"}}", india);
    }

    @Test
    void aNumberNearAWordThatOnlyContainsAPhoneWordStays() {
        FormChecks.untouched(redactor, "hotel 1234567 rooms sold");
        FormChecks.untouched(redactor, "phones 12345678 shipped");
        FormChecks.untouched(redactor, "{\"phone\":\"unknown\",\"retries\":\"123456789\"}");
        FormChecks.untouched(redactor, "telemetry 98765432 events dropped");
    }

    @Test
    void morePersonalNumbersGoByTheirCountrysName() {
        String nir = "1 " + digits(2).substring(0, 2) + " 48 27 526 558 74";
        FormChecks.gone(redactor, "{\"iban\":\"x\",\"nir\":\"" + nir + "\"}", nir);
        String ahv = "756." + digits(4) + "." + digits(4) + ".12";
        FormChecks.gone(redactor, "ahv: " + ahv, ahv);
        String cpr = digits(6) + "-" + digits(4);
        FormChecks.gone(redactor, "CPR=" + cpr + " rejected", cpr, "rejected");
        FormChecks.untouched(redactor, "nir: unknown");
    }

    @Test
    void kubectlDescribesAConfigMapsSecretBelowARule() {
        String password = "Winter" + digits(4) + ".mt";
        FormChecks.gone(redactor, "Data\n====\nSMTP_PASSWORD:\n----\n" + password + "\nSMTP_HOST:\n----\nsmtp.acme.test\n",
                password, "SMTP_HOST:\n----\nsmtp.acme.test", "SMTP_PASSWORD:\n----\n");
        FormChecks.untouched(redactor, "Data\n====\nLOG_LEVEL:\n----\ndebug-verbose-mode\n");
        FormChecks.untouched(redactor, "Summary\n-------\nall 12 suites passed\n");
    }

    @Test
    void aSamlResponseGoesAndItsRelayStateStays() {
        String response = "PHNhbWxwOlJlc3BvbnNl" + FormChecks.token(random, 120);
        FormChecks.gone(redactor, "POST https://sp.acme.test/saml/acs body: SAMLResponse=" + response
                + "&RelayState=%2Fdashboard", response, "&RelayState=%2Fdashboard");
        FormChecks.untouched(redactor, "redirect to https://idp.acme.test/sso?SAMLRequest=fZJNT8MwDIbv&RelayState=x");
    }

    @Test
    void anAuthorizationCodeGoesInTheServersOwnLogLine() {
        String code = uuid() + "." + uuid() + "." + uuid();
        FormChecks.gone(redactor, "WARN [events] type=\"CODE_TO_TOKEN_ERROR\", grant_type=\"authorization_code\"\n"
                + "DEBUG [TokenEndpoint] code=" + code + " client_id=orders", code, "client_id=orders");
        FormChecks.untouched(redactor, "process exited with code=137 after grant_type=password was tried");
        FormChecks.untouched(redactor, "DEBUG mapper code=ORDER_STATUS_CHANGED client_secret=[REDACTED_PASSWORD]");
    }

    @Test
    void aSlackWebhooksPathGoesWithoutItsHost() {
        String path = "/services/T" + FormChecks.token(random, 10).toUpperCase() + "/B"
                + FormChecks.token(random, 10).toUpperCase() + "/" + FormChecks.token(random, 24);
        FormChecks.gone(redactor, "DEBUG:urllib3.connectionpool:https://hooks.slack.com:443 \"POST " + path
                + " HTTP/1.1\" 404 9", path.substring(path.lastIndexOf('/') + 1), "HTTP/1.1\" 404 9");
        FormChecks.untouched(redactor, "GET /services/Tenants/Billing/list HTTP/1.1 200");
    }

    @Test
    void aTestCloudsTunnelKeyAndCypressRecordKeyGo() {
        String key = uuid();
        FormChecks.gone(redactor, "+ sc -u ci-runner -k " + key + " --region eu-central --tunnel-name e2e-1", key,
                "-u ci-runner", "--region eu-central");
        FormChecks.gone(redactor, "+ BrowserStackLocal --key " + key + " --local-identifier build-7", key,
                "--local-identifier build-7");
        FormChecks.gone(redactor, "+ npx cypress run --record --key " + key + " --parallel --ci-build-id 88", key,
                "--parallel --ci-build-id 88");
        FormChecks.untouched(redactor, "+ openssl req -new --key server.key -out server.csr");
    }

    @Test
    void anAddressThatNamesNoHostStaysAndAHostsGoes() {
        FormChecks.untouched(redactor, "Browser: Chrome 124.0.0.0 / Ubuntu 22.04");
        FormChecks.untouched(redactor, "AllowedIPs = 10.9.0.0/24, 172.18.4.0/22");
        FormChecks.gone(redactor, "Address = 81.2.69.160/24", "81.2.69.160", "/24");
        FormChecks.gone(redactor, "connect ETIMEDOUT 172.18.4.0:443 from 81.2.69.142", "81.2.69.142");
    }

    @Test
    void aTokenGluedToATwoDigitColourCodeGoesWithOrWithoutItsEscape() {
        String token = "ghp_" + FormChecks.token(random, 36);
        FormChecks.gone(redactor, "\u001b[32m" + token + "\u001b[39m", token, "\u001b[32m", "\u001b[39m");
        FormChecks.gone(redactor, "\u001b[0;32m" + token + "\u001b[0m", token, "\u001b[0;32m");
        FormChecks.gone(redactor, "  [32m" + token + "[39m", token, "[32m", "[39m");   // the ESC dropped by a log viewer
        FormChecks.untouched(redactor, "  \u001b[2mexpect(\u001b[22m\u001b[31mreceived\u001b[39m\u001b[2m).toBe(\u001b[22m");
    }
}
