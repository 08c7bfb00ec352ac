package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the thirteenth corpus collection's released held-out part and its tune part still
 * leaked or lost (redact33): a URL with a login in a Kubernetes Secret's data keeps all but its password or key, the
 * id a container engine's command prints below it, an SQL statement inside a Python string's repr, Redis' AUTH as a
 * log quotes it, a phone number in a parametrized test's id, the two ends of a text message, a filter's literal
 * between percent-encoded quotes, Twilio's test numbers, a Russian or Kazakh number with its trunk 8, PgBouncer's
 * auth file, Mexico's metropolitan numbers beside an address, an Israeli id under {@code tz} with its check, the value
 * a JSON error expected beside a secret's name.
 * Each on lines written for this test, not taken from the corpus, with counter-examples in other tools' syntax that
 * must come through as they are. Values are made at test time.
 */
class ReleasedThirteenthFormsTest {

    private final Random random = new Random(33_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String password() {
        return "Spruce" + FormChecks.digits(random, 4, '2', 7) + ".kq";
    }

    private static String secret(String name, String value) {
        return "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: api-env\ntype: Opaque\nstringData:\n  " + name
                + ": \"" + value + "\"\n";
    }

    @Test
    void aUrlWithALoginInASecretsDataKeepsItsUserHostPortAndDatabase() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            String pw = password();
            FormChecks.gone(r, secret("DATABASE_URL", "postgresql://billing_rw:" + pw + "@pg-main.acme.net:5433/ledger"),
                    pw, "billing_rw", "@pg-main.acme.net:5433/ledger", "DATABASE_URL: \"postgresql://");
            String key = FormChecks.hexAfterA1(random, 32);
            FormChecks.gone(r, secret("SENTRY_DSN", "https://" + key + "@o4411.ingest.sentry.io/5522"), key,
                    "@o4411.ingest.sentry.io/5522");
            String amqp = password();
            FormChecks.gone(r, secret("BROKER_URL", "amqp://worker:" + amqp + "@rabbit.internal:5672/orders"), amqp,
                    "worker", "@rabbit.internal:5672/orders");
            // a value that is no URL with a login still goes whole
            String plain = password();
            FormChecks.gone(r, secret("API_SECRET", plain), plain, "API_SECRET: \"");
            String path = FormChecks.hexAfterA1(random, 40);
            FormChecks.gone(r, secret("WEBHOOK_URL", "https://hooks.acme.net/in/" + path), path, "WEBHOOK_URL");
            String mail = password();
            FormChecks.gone(r, secret("NOTIFY", "ops@acme.net " + mail), mail, "NOTIFY");
        }
    }

    @Test
    void theIdAContainerEnginesCommandPrintsBelowItStaysAndTheSecretsItSetGo() {
        String pw = password();
        String id = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(redactor, "$ docker run -d --name pg -e POSTGRES_PASSWORD=" + pw + " postgres:16\n" + id + "\n", pw,
                id, "docker run -d --name pg -e POSTGRES_PASSWORD=");
        String pw2 = password();
        String id2 = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(atRest, "ci@runner:~$ sudo podman create -e MYSQL_ROOT_PASSWORD=" + pw2 + " mysql:8\n" + id2, pw2,
                id2);
        String token = FormChecks.hexAfterA1(random, 40);
        String id3 = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(redactor, "+ nerdctl run -d --env API_TOKEN=" + token + " api:1\n" + id3 + "\n", token, id3);
        // 64 hex digits below another command that names a secret: the secret it printed
        String key = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(redactor, "$ openssl rand -hex 32 > secret_key.txt && cat secret_key.txt\n" + key + "\n", key);
        String key2 = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(redactor, "$ kubectl get secret api -o jsonpath='{.data.signing_key}' | base64 -d\n" + key2 + "\n",
                key2);
    }

    @Test
    void anInsertInsideAPythonStringsReprLosesItsPersonalDataByColumn() {
        String text = "AssertionError: 'x' not found in 'INSERT INTO customers (name, phone, city) VALUES "
                + "(\\'Ann Lee\\', \\'6123 4471\\', \\'Lyon\\');'";
        String out = redactor.redact(text);
        assertFalse(out.contains("6123 4471"), out);
        assertTrue(out.contains("\\'Ann Lee\\'") && out.contains("\\'Lyon\\'") && out.contains("customers"), out);
        String pw = password();
        FormChecks.gone(atRest, "E   'INSERT INTO accounts (login, password, role) VALUES (\\'ci\\', \\'" + pw
                + "\\', \\'admin\\')'", pw, "\\'ci\\'", "\\'admin\\'");
        // the columns say nothing: the values stay
        FormChecks.untouched(redactor, "'INSERT INTO builds (branch, status) VALUES (\\'main\\', \\'6123 4471\\')'");
    }

    @Test
    void redisAuthAsALogQuotesItLosesItsPasswordAndSmtpAuthStays() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            String pw = password();
            FormChecks.gone(r, "(error) WRONGPASS invalid username-password pair; AUTH cache-rw " + pw + " from 10.1.2.3:40112",
                    pw, "AUTH cache-rw ", " from 10.1.2.3:40112");
            String pw2 = password();
            FormChecks.gone(r, "proxy: upstream rejected command\nAUTH " + pw2 + "\n", pw2, "AUTH ");
        }
        FormChecks.untouched(redactor, "smtp: 535 5.7.8; AUTH failed for ci-bot from 10.1.2.3");
        FormChecks.untouched(redactor, "250-mx.acme.net\n250-AUTH LOGIN PLAIN\n250 OK\nAUTH LOGIN\n334 VXNlcm5hbWU6");
        FormChecks.untouched(redactor, "redis: NOAUTH Authentication required; AUTH called without any password configured");
    }

    @Test
    void aPhoneInATestsIdGoesWhenTheTestIsNamedForAPhone() {
        String out = redactor.redact("____ test_normalize_phone[612 345 678-+34] ____\nraw = '612 345 678', cc = '+34'");
        assertFalse(out.contains("612 345 678"), out);
        assertTrue(out.contains("-+34]") && out.contains("cc = '+34'"), out);
        String out2 = redactor.redact("tests/test_sms.py::test_mobile_number_valid[0412-555-019-AU] FAILED");
        assertFalse(out2.contains("0412-555-019"), out2);
        assertTrue(out2.contains("-AU] FAILED"), out2);
        // a test not named for a phone keeps its ids, blanks and all
        FormChecks.untouched(redactor, "tests/test_orders.py::test_total[100 200 300-EUR] PASSED");
        FormChecks.untouched(redactor, "tests/test_phone.py::test_format[short-de] PASSED");
    }

    @Test
    void theTwoEndsOfATextMessageGoOnALineAboutOne() {
        String text = "[2024-05-14] WARNING: sms failed {\"to\":\"8123 4567\",\"from\":\"6123 9981\",\"account_sid\":\"x\"}";
        String out = redactor.redact(text);
        assertFalse(out.contains("8123 4567") || out.contains("6123 9981"), out);
        String vonage = redactor.redact("vonage.messages.send({ to: '0612 345 678', from: 'ACME', text: 'hi' })");
        assertFalse(vonage.contains("0612 345 678"), vonage);
        assertTrue(vonage.contains("from: 'ACME'"), vonage);
        // "to" and "from" on other lines: ranges, counts, versions stay
        FormChecks.untouched(redactor, "{\"to\":\"2024 0601\",\"from\":\"2024 0501\",\"report\":\"weekly\"}");
        FormChecks.untouched(redactor, "migrate {\"from\": \"1200 3400\", \"to\": \"1200 3500\"} done");
    }

    @Test
    void aFiltersLiteralBetweenPercentEncodedQuotesIsJudgedByItsField() {
        String out = redactor.redact("GET /api/v1/users?search=profile.mobilePhone+eq+%2207 61 42 93 18%22 401");
        assertFalse(out.contains("07 61 42 93 18"), out);
        assertTrue(out.contains("search=profile.mobilePhone+eq+%22") && out.contains("%22 401"), out);
        String out2 = redactor.redact("GET /v1.0/users?$filter=mobilePhone+eq+%27+33 6 12 34 56 78%27");
        assertFalse(out2.contains("12 34 56 78"), out2);
        FormChecks.untouched(redactor, "GET /api/v1/users?search=profile.department+eq+%22Sales 2024%22&limit=200");
        FormChecks.untouched(redactor, "GET /odata/Orders?$filter=Status+eq+%27Open%27");
    }

    @Test
    void aRussianOrKazakhNumberWithItsTrunkEightGoesInARowWithNothingNamingIt() {
        String out = redactor.redact("payload row 4: qa-bot,8 705 214 63 97\nfixture: 8-912-345-67-81;");
        assertFalse(out.contains("214 63 97") || out.contains("345-67-81"), out);
        assertTrue(out.contains("payload row 4: qa-bot,"), out);
        // other groupings, another first digit, a code outside the plans, an all-zero placeholder: no such number
        FormChecks.untouched(redactor, "sizes: 1 234 567 89 10, build 8 123 456 78 90, ids 9 701 936 72 88");
        FormChecks.untouched(redactor, "version 8 701 93 672 88, 8 701 9367 2 88, 8 900 000 00 00");
    }

    @Test
    void aMexicanNumberInItsMetropolitanLayoutGoesBesideAPersonsAddress() {
        String out = redactor.redact("  raw: \"Ana Ruiz\";\"ana.ruiz@correo.mx\";\"33 4127 9081\";\"Guadalajara\"");
        assertFalse(out.contains("4127 9081"), out);
        assertTrue(out.contains("\"Guadalajara\""), out);
        String out2 = redactor.redact("{\"email\": \"l.perez@acme.mx\", \"tel\": \"81 2290 4413\"}");
        assertFalse(out2.contains("2290 4413"), out2);
        // without an address, or another code, or another grouping: no such number
        FormChecks.untouched(redactor, "batch 55 1870 6154 done in 33 4127 ms");
        String out3 = redactor.redact("\"ops@acme.mx\";\"44 1870 6154\";\"55 187 06154\"");
        assertTrue(out3.contains("\"44 1870 6154\";\"55 187 06154\""), out3);
    }

    @Test
    void anIsraeliIdUnderItsShortNameGoesWhenItsCheckDigitIsRight() {
        String out = redactor.redact("AssertionError: {'id': 7, 'tz': '975466624'} != {'id': 7}");
        assertFalse(out.contains("975466624"), out);
        assertTrue(out.contains("{'id': 7, 'tz': '"), out);
        String out2 = redactor.redact("member tz=348121195 rejected");
        assertFalse(out2.contains("348121195"), out2);
        // a time zone, a wrong check digit, a key that only ends in tz, another length
        FormChecks.untouched(redactor, "{'tz': 'Asia/Jerusalem', 'tz2': '975466624', 'build_tz': '975466624'}");
        FormChecks.untouched(redactor, "tz=975466625 tz=97546662 tz: +02:00");
    }

    @Test
    void theValueAJsonErrorExpectedGoesWhenTheErrorNamesASecret() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            String csrf = FormChecks.token(random, 43);
            FormChecks.gone(r, "body:\n{\"error\":\"csrf token mismatch\",\"expected\":\"" + csrf + "\"}", csrf,
                    "{\"error\":\"csrf token mismatch\",\"expected\":\"");
            String key = "kQ7" + FormChecks.token(random, 29);
            FormChecks.gone(r, "{\"code\": 401, \"message\": \"invalid signing key\", \"expected\": \"" + key + "\"}", key,
                    "\"message\": \"invalid signing key\"");
        }
        // an error that names no secret, or a value that is a word: both stay
        FormChecks.untouched(redactor, "{\"error\":\"etag mismatch\",\"expected\":\"a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0\"}");
        FormChecks.untouched(redactor, "{\"error\":\"csrf token mismatch\",\"expected\":\"header\"}");
    }

    @Test
    void aPgBouncerAuthFilesLinesLoseTheirPasswordsAndOtherQuotedPairsStay() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            String pw = "xK" + FormChecks.token(random, 10) + "-7.q";
            FormChecks.gone(r, "$ sudo cat /etc/pgbouncer/userlist.txt\n\"app_ro\" \"" + pw + "\"\n", pw, "\"app_ro\" \"");
            String pw2 = password();
            FormChecks.gone(r, "auth_file = /etc/pgbouncer/users.txt\n...\n\"stats\" \"" + pw2 + "\"", pw2, "\"stats\"");
        }
        // the same layout without the auth file above: a Tcl dict's, a Makefile's words
        FormChecks.untouched(redactor, "set d [dict create]\n\"region\" \"eu-West-1b\"\n");
        FormChecks.untouched(redactor, "$ cat userlist.txt\n\"pgbouncer\" \"md5\"\n\"admin\" \"\"");
    }

    @Test
    void twiliosTestNumbersStayAndOtherNumbersOfTheSameShapeGo() {
        FormChecks.untouched(redactor, "messages.create({ to: '+15005550001', from: '+15005550006' }) -> 21211 invalid 'To'");
        FormChecks.untouched(redactor, "\"from\": \"+1 500-555-0006\", \"phone\": \"+1 (500) 555-0009\"");
        String out = redactor.redact("\"from\": \"+1 415-555-0006\", \"phone\": \"+15005550016\"");
        assertFalse(out.contains("415-555-0006") || out.contains("5005550016"), out);
    }
}
