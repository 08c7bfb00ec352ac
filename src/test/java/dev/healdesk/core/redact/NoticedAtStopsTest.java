package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * Bugs noticed at earlier stops of issue #14 (redact37's list), each a failing case first and then its fix: a word
 * after an SMTP/IMAP {@code AUTH} mechanism taken for its SASL response; an OData filter whose blanks are written
 * {@code %20}; a Go struct printed with {@code %#v} whose type took its first field's name into the mask; a Kazakh
 * or Russian number with its trunk 8 in 1-3-3-4, read as a US one; {@code htpasswd}'s password given by position in
 * batch mode. And redact39's list, noticed at redact38's stop (redact40): a Go struct printed with {@code %+v} whose
 * {@code Source:EnvConfigCredentials} was read as a login pair; an EC key written as a JSON Web Key's members with no
 * {@code "kty"} (QuestDB's ILP auth key), whose {@code d} leaked. And fast16's, noticed at this stop: a Greek label in
 * capitals ({@code ΚΩΔΙΚΟΣ:}) was read as no label, because the last word's hash lowered its final sigma letter by letter
 * (σ) where the label's fold lowers the whole word (ς). Values are made at test time.
 */
class NoticedAtStopsTest {

    private final Random random = new Random(37_2028L);
    private final Redactor redactor = Redactor.standard();

    private String password() {
        return "letmein" + FormChecks.digits(random, 3, '1', 9);
    }

    @Test
    void aWordAfterAnAuthMechanismIsNoSaslResponse() {
        FormChecks.untouched(redactor, "S: AUTH XOAUTH2 rejected");
        FormChecks.untouched(redactor, "< 504 5.7.4 AUTH PLAIN disabled");
        FormChecks.untouched(redactor, "A1 NO AUTHENTICATE OAUTHBEARER unavailable");
        // what a client sends goes: base64 of the mechanism's own grammar
        String bearer = "ya29.a0" + FormChecks.token(random, 40);
        String xoauth = java.util.Base64.getEncoder().encodeToString(
                ("user=bob@acme.io\u0001auth=Bearer " + bearer + "\u0001\u0001").getBytes());
        FormChecks.gone(redactor, "C: AUTH XOAUTH2 " + xoauth, xoauth.substring(8), "C: AUTH XOAUTH2 ");
        String plain = java.util.Base64.getEncoder().encodeToString(("\u0000bob\u0000" + password()).getBytes());
        FormChecks.gone(redactor, "send: 'AUTH PLAIN " + plain + "'", plain, "send: 'AUTH PLAIN ");
        String login = java.util.Base64.getEncoder().encodeToString(password().getBytes());
        FormChecks.gone(redactor, "AUTH LOGIN " + login, login, "AUTH LOGIN ");
    }

    @Test
    void anODataFilterWithItsBlanksPercentEncoded() {
        String token = FormChecks.token(random, 24) + "9Zq";
        FormChecks.gone(redactor, "GET /odata/Users?$filter=apiToken%20eq%20'" + token + "' HTTP/1.1", token,
                "$filter=apiToken%20eq%20'", "' HTTP/1.1");
        String nino = "AB" + FormChecks.digits(random, 6, '1', 9) + "C";
        FormChecks.gone(redactor, "GET /odata/Employees?$filter=NationalId%20eq%20%27" + nino + "%27&$top=1", nino,
                "&$top=1");
        // a field that names nothing personal keeps its literal, and a percent sign elsewhere is no operator
        FormChecks.untouched(redactor, "GET /odata/Users?$filter=Status%20ne%20'Closed'%20and%20Age%20eq%2042 HTTP/1.1");
        FormChecks.untouched(redactor, "progress 20%20eq done, 100%");
    }

    @Test
    void aGoStructsTypeIsNoValueOfTheNameBeforeIt() {
        String key = "AKIA" + FormChecks.token(random, 16).toUpperCase();
        String out = redactor.redact("creds: aws.Credentials{AccessKeyID:\"" + key + "\", SessionToken:\"\","
                + " Source:\"EnvConfigCredentials\"}");
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("creds: aws.Credentials{AccessKeyID:\""), out);
        org.junit.jupiter.api.Assertions.assertFalse(out.contains(key.substring(4)), out);
        String token = "ya29.a0" + FormChecks.token(random, 60);
        out = redactor.redact("tok = &oauth2.Token{AccessToken:\"" + token + "\", TokenType:\"Bearer\"}");
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("&oauth2.Token{AccessToken:\""), out);
        org.junit.jupiter.api.Assertions.assertFalse(out.contains(token.substring(7)), out);
        // a secret's name before a value that only starts like a type stays a secret
        String secret = "Zx" + FormChecks.token(random, 30);
        FormChecks.gone(redactor, "api_token: " + secret + "{x}", secret);
    }

    /**
     * {@code 8 701 936 7288}: no US number (NANP's country code is 1) but a Kazakh mobile (701, Kcell) after the trunk
     * prefix 8, as Russians and Kazakhs write theirs at home in 1-3-3-4 as in 1-3-3-2-2. Read as a US number its trunk
     * stayed and the dashed form stayed whole; it goes whole.
     */
    @Test
    void aTrunkEightNumberInThreeThreeFourIsOnePhone() {
        String kz = "8 7" + FormChecks.digits(random, 2, '0', 10) + " " + FormChecks.digits(random, 3, '2', 8) + " "
                + FormChecks.digits(random, 4, '1', 9);
        String out = redactor.redact("call " + kz + " now");
        org.junit.jupiter.api.Assertions.assertEquals("call [REDACTED_PHONE] now", out);
        String ru = "8-9" + FormChecks.digits(random, 2, '1', 9) + "-" + FormChecks.digits(random, 3, '1', 9) + "-"
                + FormChecks.digits(random, 4, '1', 9);
        FormChecks.gone(redactor, "Клиент " + ru + " не отвечает", ru, "Клиент ", " не отвечает");
        // another first digit or code, or a placeholder of zeros, is no such number
        FormChecks.untouched(redactor, "build 8 123 456 7890 queued");
        FormChecks.untouched(redactor, "8 900 000 0000");
        FormChecks.untouched(redactor, "sizes 8 601 93 6728 8");
    }

    @Test
    void htpasswdsPasswordByPositionInBatchMode() {
        String pw = password();
        FormChecks.gone(redactor, "$ htpasswd -b /etc/nginx/.htpasswd admin " + pw, pw, "/etc/nginx/.htpasswd admin ");
        String pw2 = password();
        FormChecks.gone(redactor, "+ htpasswd -cbB .htpasswd ci-bot " + pw2, pw2, ".htpasswd ci-bot ");
        String pw3 = password();
        FormChecks.gone(redactor, "$ htpasswd -nbB deploy " + pw3 + " > /auth/htpasswd", pw3, "deploy ",
                " > /auth/htpasswd");
        // without -b htpasswd prompts: its arguments are a file and a user
        FormChecks.untouched(redactor, "$ htpasswd -c /etc/nginx/.htpasswd admin");
        FormChecks.untouched(redactor, "$ htpasswd -n deploy");
        FormChecks.untouched(redactor, "$ htpasswd -b /etc/nginx/.htpasswd");
    }

    /** Base64url of {@code n} characters: a coordinate or private scalar of a P-256 key is 43. */
    private String base64url(int n) {
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append(a.charAt(random.nextInt(a.length())));
        }
        return b.toString();
    }

    @Test
    void aGoStructsFieldsPrintedWithPercentPlusVAreNoLoginPair() {
        FormChecks.untouched(redactor, "aws: creds {Provider:static Source:EnvConfigCredentials}");
        FormChecks.untouched(redactor, "retrieved credentials {Source:SharedConfigCredentials Expires:false} after login");
        // a field named for a secret still goes by its name, and a login pair outside such braces still goes
        String secret = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "creds {AccessKeyID:AKIA0000EXAMPLE SecretAccessKey:" + secret
                + " Source:EnvConfigCredentials}", secret, "Source:EnvConfigCredentials}");
        String pw = password() + "Qx";
        FormChecks.gone(redactor, "valid credentials found: Admin:" + pw, pw, "found: Admin:");
        FormChecks.gone(redactor, "login {ok} Admin:" + pw, pw, "Admin:");   // braces closed before the pair
    }

    @Test
    void anEcKeysMembersWithNoKtyStillMakeItsDAPrivateMember() {
        for (int k = 0; k < 8; k++) {
            String d = base64url(43);
            String x = base64url(43);
            String y = base64url(43);
            FormChecks.gone(redactor, "io.questdb.cutlass.line.LineSenderException: [32] could not authenticate\n  auth: "
                    + "{\"kid\":\"admin\",\"d\":\"" + d + "\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}", d,
                    "\"kid\":\"admin\"", x, y);
            String d384 = base64url(64);
            FormChecks.gone(redactor, "{\"x\":\"" + base64url(64) + "\",\"y\":\"" + base64url(64) + "\",\"d\":\""
                    + d384 + "\"}", d384);
        }
    }

    @Test
    void aDBesideNoKeysCoordinatesStays() {
        // an SVG path's d beside a point's x and y; coordinates of unequal length or too short for a curve
        FormChecks.untouched(redactor, "{\"x\":10,\"y\":20,\"d\":\"M0 0 L10 10\"}");
        String d = base64url(43);
        FormChecks.untouched(redactor, "{\"x\":\"" + base64url(43) + "\",\"y\":\"" + base64url(42) + "\",\"d\":\"" + d + "\"}");
        FormChecks.untouched(redactor, "{\"x\":\"abc\",\"y\":\"def\",\"d\":\"" + d + "\"}");
    }

    @Test
    void aGreekLabelInCapitalsIsALabelAsInSmallLetters() {
        for (String label : new String[] {"ΚΩΔΙΚΟΣ", "Κωδικός", "κωδικός", "ΚΩΔΙΚΟΣ ΠΡΟΣΒΑΣΗΣ", "Κωδικός πρόσβασης"}) {
            String pw = password();
            FormChecks.gone(redactor, label + ": " + pw, pw, label + ": ");
            String other = password();
            FormChecks.gone(redactor, "Σφάλμα σύνδεσης (" + label + "=" + other + ", χρήστης=eleni)", other, label + "=",
                    "χρήστης=eleni");
        }
        // a code that names no secret keeps its value, in capitals too; a lone capital sigma is no label's end
        FormChecks.untouched(redactor, "ΚΩΔΙΚΟΣ ΠΡΟΪΟΝΤΟΣ: PRD-4412");
        FormChecks.untouched(redactor, "ΑΡΙΘΜΟΣ ΠΑΡΑΓΓΕΛΙΑΣ: 20240611");
        FormChecks.untouched(redactor, "Σ: 42 items");
    }
}
