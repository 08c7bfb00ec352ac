package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the ninth corpus collection's released held-out part leaked or lost (redact23):
 * a secret's value in a list as Jackson's pretty printer writes it, a URL whose user is a key of hex digits, any
 * armoured key that is not a public one, a field of a record that pipes separate, a telephone number under an
 * {@code INSERT}'s phone column, a long option named in a sentence or acting on secrets, a secret after the word of its
 * type ({@code : PSK "…"}), a key printed for paper. Each on lines written for this test, not taken from the corpus,
 * with counter-examples that must come through as they are. Values are made at test time.
 */
class ReleasedNinthFormsTest {

    private final Random random = new Random(23_2026L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '2', 7);
    }

    private String password() {
        return "Maple" + digits(4) + "." + "qz";
    }

    @Test
    void aSecretsValueInAListAsJacksonsPrettyPrinterWritesItGoesAndOtherListsStay() {
        String key = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "request:\n  {\n    \"queryStringParameters\" : {\n      \"api_key\" : [ \"" + key
                + "\" ],\n      \"page\" : [ \"2\" ]\n    }\n  }", key, "\"queryStringParameters\" : {", "\"page\" : [ \"2\" ]");
        String pw = password();
        FormChecks.gone(redactor, "x\n    \"password\" : [ \"" + pw + "\" ],", pw, "\"password\" : [ \"");
        FormChecks.untouched(redactor, "x\n    \"headers\" : {\n      \"Accept\" : [ \"application/json\" ],\n"
                + "      \"Host\" : [ \"localhost:1080\" ],\n      \"X-Request-Id\" : [ \"" + FormChecks.hex(random, 32) + "\" ]\n    }");
        FormChecks.untouched(redactor, "x\n[ INFO] Building shop 1.4.2\n\"tags\" : [ \"smoke\", \"checkout\" ]");
    }

    @Test
    void aUrlWhoseUserIsAKeyOfHexDigitsLosesItAndOtherUsersStay() {
        String key = FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "SENTRY_DSN=https://" + key + "@o412.ingest.sentry.io/4504", key,
                "@o412.ingest.sentry.io/4504");
        FormChecks.untouched(redactor, "git clone https://deploy@git.acme.net/shop.git");
        FormChecks.untouched(redactor, "fetching https://cdn.acme.net/assets/" + FormChecks.hex(random, 32) + "/app.js");
        FormChecks.untouched(redactor, "remote: https://cafe1234@git.acme.net/shop.git");
    }

    @Test
    void anArmouredKeyThatIsNoPublicOneGoesWhateverItsLabelsCase() {
        String body = FormChecks.hex(random, 32) + "\n" + FormChecks.hex(random, 32) + "\n" + FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "<tls-auth>\n#\n# 2048 bit OpenVPN static key\n#\n-----BEGIN OpenVPN Static key V1-----\n"
                + body + "\n-----END OpenVPN Static key V1-----\n</tls-auth>\nkey-direction 1", body.substring(0, 32),
                "2048 bit OpenVPN static key", "</tls-auth>", "key-direction 1");
        FormChecks.untouched(redactor, "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHC\n"
                + "-----END PUBLIC KEY-----");
        FormChecks.untouched(redactor, "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGXqZ0oBEADQx2kV7Rt8Lm3Yb5Nc\n"
                + "-----END PGP PUBLIC KEY BLOCK-----");
        FormChecks.untouched(redactor, "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUF\n"
                + "-----END CERTIFICATE-----");
    }

    @Test
    void aValueInARecordThatPipesSeparateEndsAtTheNextPipe() {
        String pw = password();
        FormChecks.gone(redactor, "1715682151412|3|statement|connection 7|url jdbc:mysql://db.acme.net:3306/shop?user=ci"
                + "&password=" + pw + "|select * from orders where id=?|select * from orders where id=7", pw,
                "|select * from orders where id=?|");
        // with no pipe before it on its line, a pipe is part of the value
        String tail = digits(6) + "xq";
        FormChecks.gone(redactor, "mysql --host=db password=Tr0ub4|" + tail + " done", tail, "done");
    }

    @Test
    void aTelephoneNumberUnderAPhoneColumnOfAnInsertOrARefusedRowGoesInAnyCountrysLayout() {
        String phone = "0" + digits(2) + "-" + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "insert into customers (email, mobile_phone, iban) values ('x@acme.io', '" + phone
                + "', 'n/a')", phone, "insert into customers (email, mobile_phone, iban) values (");
        FormChecks.untouched(redactor, "insert into customers (id, phone_verified) values (1842, '2024-05-14')");
        FormChecks.untouched(redactor, "insert into items (sku, quantity) values ('0123 4567', 12345678)");
        String mobile = "0" + digits(2) + " " + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "ERROR:  new row for relation \"customers\" violates check constraint\nDETAIL:  Failing "
                + "row contains (1842, Grace, " + mobile + ", null).\ncolumns: id, first_name, phone, iban", mobile,
                "Failing row contains (1842, Grace, ", "columns: id, first_name, phone, iban");
        FormChecks.untouched(redactor, "DETAIL:  Failing row contains (1842, 2024-05-14, null).\ncolumns: id, "
                + "phone_verified_at, note");
    }

    @Test
    void aLongOptionNamedInASentenceOrActingOnSecretsKeepsWhatFollowsIt() {
        FormChecks.untouched(redactor, "WARNING! Using --password via the CLI is insecure. Use --password-stdin.");
        FormChecks.untouched(redactor, "note: --api-token is deprecated, use --token-file");
        String fingerprint = FormChecks.hex(random, 40);
        FormChecks.untouched(redactor, "+ gpg --batch --armor --export-secret-keys " + fingerprint);
        FormChecks.untouched(redactor, "+ gpg --batch --yes --delete-secret-keys " + fingerprint);
        String pw = password();
        FormChecks.gone(redactor, "+ vault login --password " + pw + " --method userpass", pw, "--method userpass");
        String token = FormChecks.token(random, 24);
        FormChecks.gone(redactor, "+ tool --set-token " + token + " --verbose", token, "--verbose");
    }

    @Test
    void aSecretAfterTheWordOfItsTypeGoesAsIpsecSecretsWriteIt() {
        String psk = password();
        String eap = password();
        FormChecks.gone(redactor, "$ sudo cat /etc/ipsec.secrets\nvpn.acme.net %any : PSK \"" + psk + "\"\n", psk,
                "vpn.acme.net %any : PSK \"");
        FormChecks.gone(redactor, "x\nrelease-eng : EAP \"" + eap + "\"\n", eap, "release-eng : EAP \"");
        String xauth = password();
        FormChecks.gone(redactor, "x\nbob : XAUTH " + xauth + "\n", xauth, "bob : XAUTH ");
        FormChecks.untouched(redactor, "x\n : RSA moonKey.pem\nName : PSK\nType : EAP TLS");
    }

    @Test
    void aKeyPrintedForPaperLosesItsLinesAndAHexDumpStays() {
        String line1 = FormChecks.hex(random, 32);
        String line2 = FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "$ borg key export --paper ssh://backup@nas:2222/./repo\nBORG PAPER KEY v1\nid: 2 / "
                + "23263ebdbe9358d5a2fc0d3d8c2d1930 / 35ff1344eaa1724f - 4f\n 1: " + line1 + " - 8a\n 2: " + line2
                + " - 0b\n", line1, "BORG PAPER KEY v1", "35ff1344eaa1724f - 4f", " - 8a");
        FormChecks.gone(redactor, "x\n# Secret portions of key 7A2B\n# Base16 data extracted\n"
                + "  1: " + line1.replaceAll("(..)", "$1 ").trim() + " 3F 9C\n", line1.substring(0, 2) + " "
                + line1.substring(2, 4) + " " + line1.substring(4, 6), "# Secret portions of key 7A2B");
        FormChecks.untouched(redactor, "hexdump of the frame:\n  1: 0a 0b 0c 0d 0e 0f 1a 1b 1c 1d 1e 1f 2a 2b 2c 2d\n"
                + "  2: 3a 3b 3c 3d 3e 3f 4a 4b 4c 4d 4e 4f 5a 5b 5c 5d");
    }
}
