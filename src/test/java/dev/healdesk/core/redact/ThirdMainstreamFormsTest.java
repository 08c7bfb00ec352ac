package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the third outside measure ({@link ThirdMainstreamMeasureTest}) found leaking or
 * lost: a phone's word in prose with an abbreviation's dot or an accent ({@code tel. 604 317 943}, {@code tlf.},
 * {@code telemóvel}), a labelled phone before a form body's {@code &} or a closing bracket; a card's security code by
 * PayPal's and Adyen's names; Oracle's Easy Connect {@code host:port/service} without its {@code //}; and, kept, four
 * numbers a version's word names, and a word of prose after a secret's name in an error message; (redact39) a Go
 * struct's empty field, a locator before a typed password, a JWK's private members, Envoy's inline value under a
 * secret's name, the command after a Dockerfile's RUN. Each on lines of
 * other tools than the measure's, with counter-examples that must come through as they are. Values are made at test
 * time.
 */
class ThirdMainstreamFormsTest {

    private final Random random = new Random(37_2027L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '1', 9);
    }

    private String password() {
        return "Copper" + digits(4) + "#qv";
    }

    @Test
    void aPhonesWordInProseWithAnAbbreviationsDotOrAnAccent() {
        String cz = "6" + digits(2) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "Kontakt: Jana Nováková, tel. " + cz + ", Brno", cz, "tel. ", ", Brno");
        String dk = "2" + digits(1) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        FormChecks.gone(redactor, "Kunde oprettet (tlf. " + dk + ")", dk, "(tlf. ", ")");
        String no = "4" + digits(2) + " " + digits(2) + " " + digits(3);
        FormChecks.gone(redactor, "sendt til Tlf. " + no + " kl. 09:14", no, "Tlf. ", " kl. 09:14");
        String uk = "07" + digits(3) + " " + digits(6);
        FormChecks.gone(redactor, "Regards, Sam — mob. " + uk, uk, "mob. ");
        String be = "04" + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        FormChecks.gone(redactor, "contact gsm " + be + " niet bereikbaar", be, "contact gsm ", " niet bereikbaar");
        String pt = "91" + digits(1) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "cliente sem telemóvel " + pt + " válido", pt, " válido");
        // a dot after a longer word ends a sentence; a number with no phone's word, or too short, stays
        FormChecks.untouched(redactor, "Switched to mobile. 12 34 56 78 rows copied");
        FormChecks.untouched(redactor, "Art. 12 34 56 78 of the contract");
        FormChecks.untouched(redactor, "see tel. 2 for the schema");
        FormChecks.untouched(redactor, "gsm modem 12 34 56 78 attached");
        FormChecks.untouched(redactor, "tlf. 2024-06-11");
    }

    @Test
    void aLabelledPhoneBeforeAFormBodysAmpersandOrAClosingBracket() {
        String cl = "9 " + digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "POST /registro rut=1&telefono=" + cl + "&comuna=Providencia", cl, "&comuna=Providencia");
        String us = "(415) 8" + digits(2) + "-" + digits(4);
        FormChecks.gone(redactor, "body: name=Ann&phone=" + us + "&zip=94107", us, "&zip=94107");
        String fr = "06 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        FormChecks.gone(redactor, "client (téléphone: " + fr + ")", fr, ")");
        // numbers of a query string under no phone's name, a date, a count stay
        FormChecks.untouched(redactor, "GET /orders?page=2&size=1234567&sort=desc");
        FormChecks.untouched(redactor, "GET /search?id=12 345 678&lang=en");
        FormChecks.untouched(redactor, "phone_verified=2024-06-11&next=/home");
        FormChecks.untouched(redactor, "(phones: 3)");
    }

    @Test
    void aCardsSecurityCodeByPaypalsAndAdyensNames() {
        String code = digits(3);
        FormChecks.gone(redactor, "\"card\":{\"expiry\":\"2027-05\",\"security_code\":\"" + code + "\"}",
                "\"security_code\":\"" + code, "\"expiry\":\"2027-05\"");
        String code2 = digits(3);
        FormChecks.gone(redactor, "paymentMethod: { type: 'scheme', securityCode: '" + code2 + "' }",
                "securityCode: '" + code2, "type: 'scheme'");
        String code3 = digits(4);
        FormChecks.gone(redactor, "card_security_code=" + code3 + "&amount=1200", "card_security_code=" + code3,
                "&amount=1200");
        // a security word before another word, or another code, keeps its number
        FormChecks.untouched(redactor, "security_level: 3, security_group: 123, error_code: 404");
        FormChecks.untouched(redactor, "\"securityGroupCount\": 123");
        FormChecks.untouched(redactor, "status_code=401 reason_code=123");
    }

    @Test
    void oraclesEasyConnectWithoutItsSlashes() {
        String pw = password();
        FormChecks.gone(redactor, "dsn = \"hr/" + pw + "@dbhost.example.internal:1521/orclpdb1\"", pw,
                "hr/", "@dbhost.example.internal:1521/orclpdb1");
        String pw2 = password();
        FormChecks.gone(redactor, "connectString: 'app_ro/" + pw2 + "@10.20.0.7:1522/REPORTS'", pw2, "app_ro/",
                "@10.20.0.7:1522/REPORTS");
        // a package's version, an image's digest, an SSH remote, a path without a port stay
        FormChecks.untouched(redactor, "npm ERR! notarget pkg/v1@1.2.3 not found");
        FormChecks.untouched(redactor, "pulled library/nginx@sha256:8f434346648f6b96df89dda901c5176b");
        FormChecks.untouched(redactor, "remote: git@gitlab.example.com:org/repo.git");
        FormChecks.untouched(redactor, "see docs/setup@main for the steps");
    }

    @Test
    void fourNumbersAVersionsWordNamesAreNoAddress() {
        FormChecks.untouched(redactor, "Code: 516. DB::Exception: Authentication failed (version 24.3.2.23 (official build))");
        FormChecks.untouched(redactor, "OS Version: 10.0.19045.4412");
        FormChecks.untouched(redactor, "driver ver 5.7.44.1 loaded");
        FormChecks.untouched(redactor, "agent v1.22.3.4 started");
        FormChecks.untouched(redactor, "version=81.2.69.160");
        // an address after any other word is one
        FormChecks.gone(redactor, "connect to server 81.2.69.160 failed", "81.2.69.160", "connect to server ");
        FormChecks.gone(redactor, "conversion 81.2.69.161 dropped", "81.2.69.161", "conversion ");
        FormChecks.gone(redactor, "dev 81.2.69.162 up", "81.2.69.162", "dev ");
    }

    @Test
    void aWordOfProseAfterASecretsNameInAnErrorStays() {
        FormChecks.untouched(redactor, "MongoServerError: bad auth : Authentication failed.");
        FormChecks.untouched(redactor, "Error: failed to update app secrets: unauthorized");
        FormChecks.untouched(redactor, "refresh failed, invalid token: expired; signing in again");
        FormChecks.untouched(redactor, "the api key: Revoked by the owner");
        // a random value in prose goes: digits or mixed case, or small letters no word is spelt with
        String mixed = "xK9pQ2mZ7vL4" + digits(3);
        FormChecks.gone(redactor, "got token: " + mixed + " from cache", mixed, "got token: ", " from cache");
        FormChecks.gone(redactor, "the api token: kqzjxwvbnmlpfhrtd was rejected", "kqzjxwvbnmlpfhrtd", " was rejected");
        FormChecks.gone(redactor, "rotated the secret: hwqtzrpkmvbxnd today", "hwqtzrpkmvbxnd", " today");
        // a password's name judges its value as before: a word with a digit goes
        String pw = password();
        FormChecks.gone(redactor, "login failed, password: " + pw + " rejected", pw, " rejected");
    }

    @Test
    void anEmptyFieldOfAGoStructClaimsNothing() {
        // Go's %+v prints an empty string as nothing after the colon: the next field is its own, not the empty one's value
        FormChecks.untouched(redactor, "cfg: &{Host:db.example.internal Port:5432 User:app Password: Database:orders"
                + " SSLMode:disable}");
        FormChecks.untouched(redactor,
                "value: {Provider:static SessionToken: Source:EnvConfigCredentials CanExpire:false}");
        FormChecks.untouched(redactor, "opts={Region:eu-west-1 ApiKey: Secret: Timeout:30s}");
        String secret = "Zq8vX2mN5pL7kR3t" + digits(4);
        FormChecks.gone(redactor, "aws: {AccessKeyID:app SecretAccessKey:" + secret + " SessionToken: Source:Static}",
                secret, "SessionToken: Source:Static}");
        // a value after the blank that is no next field goes as before: a user:password pair, a URL, a struct's first
        // field written with a blank, a capital key before a small name (no Go struct mixes them so)
        String pw = password();
        FormChecks.gone(redactor, "got {Host:db Password: " + pw + "}", pw, "{Host:db Password: ");
        FormChecks.gone(redactor, "got {Host:db Password: hunter:" + pw + "}", pw, "{Host:db Password: ");
        FormChecks.gone(redactor, "{Password: Admin:" + pw + "}", pw);
        FormChecks.gone(redactor, "password: admin:" + pw, pw, "password: ");
    }

    @Test
    void aLocatorBeforeTheTypedPasswordStays() {
        // Robot Framework's SeleniumLibrary and Browser library: Input Password, the field's locator, then the value
        String pw = password();
        FormChecks.gone(redactor, "KEYWORD SeleniumLibrary . Input Password    id:password    " + pw, pw,
                "Input Password    id:password    ");
        String pw2 = password();
        FormChecks.gone(redactor, "    Input Password    name=passwd    " + pw2, pw2, "name=passwd    ");
        String pw3 = password();
        FormChecks.gone(redactor, "Input Password    css=#login-pwd    " + pw3, pw3, "css=#login-pwd    ");
        String pw4 = password();
        FormChecks.gone(redactor, "Input Password    xpath=//input[@type='password']    " + pw4, pw4,
                "xpath=//input[@type='password']");
        // no strategy's word before the colon: a user:password pair or a password with a sign goes whole or in part
        String pw5 = password();
        FormChecks.gone(redactor, "login with password admin:" + pw5, pw5, "admin:");
        String pw6 = "ident:" + password();
        FormChecks.gone(redactor, "the password " + pw6 + " was rejected", pw6.substring(6));
        FormChecks.untouched(redactor, "Input Password    id:password    ${PASSWORD}");
    }

    private String b64url(int n) {
        return FormChecks.token(random, n - 2) + "-_";
    }

    @Test
    void aJsonWebKeysPrivateMembersGoItsPublicOnesStay() {
        String x = b64url(43);
        String y = b64url(43);
        String d = b64url(43);
        FormChecks.gone(redactor, "jwk: {\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + x + "\",\"y\":\"" + y
                + "\",\"d\":\"" + d + "\"}", d, x, y, "\"kty\":\"EC\"");
        String n = b64url(342);
        String[] priv = {b64url(342), b64url(171), b64url(171), b64url(171), b64url(171), b64url(171)};
        String rsa = "{\"kty\": \"RSA\", \"kid\": \"sig-2024\", \"n\": \"" + n + "\", \"e\": \"AQAB\", \"d\": \""
                + priv[0] + "\", \"p\": \"" + priv[1] + "\", \"q\": \"" + priv[2] + "\", \"dp\": \"" + priv[3]
                + "\", \"dq\": \"" + priv[4] + "\", \"qi\": \"" + priv[5] + "\"}";
        String out = redactor.redact(rsa);
        for (String p : priv) {
            org.junit.jupiter.api.Assertions.assertFalse(out.contains(p), () -> "kept a private member: " + out);
        }
        org.junit.jupiter.api.Assertions.assertTrue(out.contains(n) && out.contains("\"e\": \"AQAB\""), out);
        // a public key alone, and members of those names in an object with no "kty", stay
        FormChecks.untouched(redactor, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}");
        FormChecks.untouched(redactor, "{\"p\":\"page-2\",\"q\":\"status:open\",\"d\":\"2024-06-11\"}");
        FormChecks.untouched(redactor, "point {\"x\":\"" + x + "\",\"d\":\"" + y + "\"} then {\"kty\":\"EC\"}");
    }

    @Test
    void anEnvoyDataSourcesInlineValueGoesUnderASecretsName() {
        String hmac = FormChecks.hex(random, 64);
        FormChecks.gone(redactor, "\"generic_secret\": {\n   \"secret\": {\n    \"inline_string\": \"" + hmac
                + "\"\n   }\n  }", hmac, "\"inline_string\": \"");
        String key = FormChecks.token(random, 40);
        String cert = "MIIBszCCAVmgAwIBAgIU" + FormChecks.token(random, 12);
        FormChecks.gone(redactor, "\"tls_certificate\": {\"certificate_chain\": {\"inline_string\": \"" + cert
                + "\"}, \"private_key\": {\"inline_string\": \"" + key + "\"}}", key, cert);
        String bytes = FormChecks.token(random, 28);
        FormChecks.gone(redactor, "tls_certificate:\n  private_key: {inline_bytes: \"" + bytes + "\"}", bytes,
                "private_key: {inline_bytes: ");
        // under a certificate's, a body's or a CA's name the inline value stays
        FormChecks.untouched(redactor, "\"trusted_ca\": {\"inline_string\": \"" + cert + "\"}");
        FormChecks.untouched(redactor, "\"body\": {\"inline_string\": \"Service Unavailable\"}");
        FormChecks.untouched(redactor, "certificate_chain: {inline_string: \"" + cert + "\"}");
    }

    @Test
    void theCommandAfterADockerfilesRunIsACommandLine() {
        String pw = password();
        FormChecks.gone(redactor, "#8 [4/6] RUN htpasswd -Bbn admin " + pw + " > /etc/nginx/.htpasswd", pw,
                "RUN htpasswd -Bbn admin ", " > /etc/nginx/.htpasswd");
        String pw2 = password();
        FormChecks.gone(redactor, "Step 5/9 : RUN htpasswd -cb /etc/apache2/.htpasswd admin " + pw2, pw2,
                "/etc/apache2/.htpasswd admin ");
        String pw3 = password();
        FormChecks.gone(redactor, " > [stage-1 3/5] RUN set -eux && htpasswd -bc /etc/nginx/.htpasswd ci " + pw3, pw3,
                "/etc/nginx/.htpasswd ci ");
        // RUN inside a longer word, in small letters as prose writes it, or a word of prose as the argument stays
        FormChecks.untouched(redactor, "RUNNING htpasswd -Bbn admin Copper1234qv");
        FormChecks.untouched(redactor, "TEST_RUN htpasswd -Bbn admin Copper1234qv");
        FormChecks.untouched(redactor, "we run htpasswd -Bbn admin Copper1234qv");
        FormChecks.untouched(redactor, "Step 5/9 : RUN htpasswd -cb /etc/apache2/.htpasswd admin password");
    }
}
