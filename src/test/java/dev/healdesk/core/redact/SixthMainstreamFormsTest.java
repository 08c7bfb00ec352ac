package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the sixth outside measure ({@link SixthMainstreamMeasureTest}) found leaking or
 * lost: a proof-of-possession verifier by its name (PKCE's {@code code_verifier}, OAuth 1.0a's {@code oauth_verifier});
 * a SAML response or assertion in base64 by what its start decodes to ({@code token-rules.json}); an authorization code
 * as a word of its own in a log line's bracketed or comma-separated pairs, or as a map's quoted "code"; IMAP's {@code LOGIN} command's password;
 * Portugal's telemóvel as a phone's label; an object identifier of four arcs after its word kept (not an IPv4
 * address); a value masked but for its last four characters kept ({@code sk_live_****Xk9Q}); an id whose hyphenated
 * digit groups go on in letters kept (not a phone); a secret option's value as the next quoted element of an argument
 * vector ({@code ["-UITestPassword", "…"]}); a form's nested key quoted whole judged by its last subscript ({@code
 * 'card[cvc]': '…'}); Ukraine's taxpayer number by its Latin label (ipn, rnokpp); AUTH LOGIN's password on the
 * client's second line where no prompt is printed (PHPMailer's SMTPDebug). Each on lines of other tools and words than
 * the measure's, with
 * counter-examples that must come through as they are. Values are made at test time.
 */
class SixthMainstreamFormsTest {

    private final Random random = new Random(48_2028L);
    private final Redactor redactor = Redactor.standard();

    @Test
    void aPkceOrOAuthVerifierByItsName() {
        for (String name : new String[] {"code_verifier", "oauth_verifier", "codeVerifier", "pkce_verifier"}) {
            String verifier = FormChecks.token(random, 43);
            FormChecks.gone(redactor, "POST /token grant_type=authorization_code&" + name + "=" + verifier
                    + "&client_id=mobile-app", verifier, "client_id=mobile-app");
            FormChecks.gone(Redactor.atRest(), "{\"" + name + "\": \"" + verifier + "\", \"state\": \"ok\"}", verifier,
                    "\"state\": \"ok\"");
        }
        // a verifier that is a setting or a class, not a random value
        FormChecks.untouched(redactor, "ssl_verifier=strict host_verifier: default");
        FormChecks.untouched(redactor, "verifier: PactVerifier(provider=orders-api) failed 3 interactions");
        FormChecks.untouched(redactor, "\"verifier\": \"none\", \"signature_verifier\": \"rsa\"");
    }

    @Test
    void aSamlResponseOrAssertionInBase64ByWhatItsStartDecodesTo() {
        String[] starts = {"<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_",
                "<saml2p:Response Destination=\"https://sp.example/acs\" ID=\"_",
                "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_",
                "<saml2:Assertion ID=\"_", "<Response xmlns=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_"};
        for (String start : starts) {
            String b64 = b64(start + FormChecks.hex(random, 40) + "\" IssueInstant=\"2024-06-11T08:00:00Z\">"
                    + FormChecks.token(random, 120));
            FormChecks.gone(redactor, "SAML validation failed; last response: " + b64 + "\nrequest id: req-4471", b64,
                    "request id: req-4471");
            FormChecks.gone(Redactor.atRest(), "RelayState=/home&SAMLResponse=" + b64.replace("+", "%2B"),
                    b64.substring(0, 60), "RelayState=/home");
        }
        // a request carries no assertion, a certificate is public, other XML in base64 is no login
        String request = b64("<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_"
                + FormChecks.hex(random, 40) + "\" Version=\"2.0\">");
        FormChecks.untouched(redactor, "redirecting with SAMLRequest " + request);
        FormChecks.untouched(redactor, "metadata " + b64("<md:EntityDescriptor entityID=\"https://idp.example/\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"));
        assertFalse(redactor.redact("PHNhbWxwOlJlc3BvbnNl").contains("REDACTED"), "the start alone is no response");
    }

    @Test
    void anAuthorizationCodeInALogLinesBracketedOrCommaSeparatedPairs() {
        String code = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "[oidc] token exchange failed (code=" + code + ", client_id=portal, grant_type="
                + "authorization_code)", code, "client_id=portal");
        String keycloak = uuid() + "." + uuid() + "." + uuid();
        FormChecks.gone(redactor, "level=warn msg=\"redeem failed\", code=" + keycloak + ", redirect_uri=https://app"
                + ".example/cb", keycloak, "redirect_uri=https://app.example/cb");
        // and as a map's or a JSON object's quoted "code", beside the OAuth words on its line or the line before
        String quoted = uuid() + "." + uuid() + "." + uuid();
        FormChecks.gone(redactor, "session: {'redirect_uri': 'https://app.example/cb'}\n  args: {'code': '" + quoted
                + "', 'state': 'xyz'}", quoted, "'state': 'xyz'", "'redirect_uri': 'https://app.example/cb'");
        String json = FormChecks.token(random, 24);
        FormChecks.gone(Redactor.atRest(), "{\"grant_type\": \"authorization_code\", \"code\": \"" + json + "\"}", json,
                "\"grant_type\": \"authorization_code\"");
        FormChecks.untouched(redactor, "{\"code\": \"ERR_TIMEOUT_AT_GATEWAY\", \"grant_type\": \"refresh_token\"}");
        FormChecks.untouched(redactor, "{'code': 400, 'grant_type': 'password'}");
        FormChecks.untouched(redactor, "{\"error\": {\"code\": \"" + FormChecks.token(random, 20) + "\", \"msg\": "
                + "\"boom\"}}");
        // a code that is a status or an error, or with no OAuth word on its line, stays
        FormChecks.untouched(redactor, "request failed (code=ERR_TIMEOUT, client_id=portal, grant_type=refresh)");
        FormChecks.untouched(redactor, "upstream error (code=503, retry=3)");
        FormChecks.untouched(redactor, "job 7 done, code=a1b2c3d4e5f6a7b8c9d0, exit=0");
    }

    @Test
    void imapsLoginCommandsPassword() {
        for (String tag : new String[] {"a1", "A0001", "JKLP1", "x.2"}) {
            String pw = "Qz" + FormChecks.token(random, 10) + "!7";
            FormChecks.gone(redactor, "C: " + tag + " LOGIN mkrause " + pw + "\nS: " + tag + " NO [AUTHENTICATIONFAILED]",
                    pw, tag + " LOGIN mkrause ", "AUTHENTICATIONFAILED");
            FormChecks.gone(Redactor.atRest(), "  08:12:01.55 > b'" + tag + " LOGIN \"svc-mail\" \"" + pw + "\"'", pw,
                    "LOGIN \"svc-mail\" \"");
        }
        String spaced = "two words " + FormChecks.token(random, 6);
        FormChecks.gone(redactor, "> A7 LOGIN \"ops\" \"" + spaced + "\"\r\n", spaced, "A7 LOGIN \"ops\"");
        // prose, a server's capability list, a tag-less word and a masked password stay
        FormChecks.untouched(redactor, "User LOGIN failed for jdoe from 10.0.0.4");
        FormChecks.untouched(redactor, "* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS AUTH=PLAIN");
        FormChecks.untouched(redactor, "a1 LOGIN jdoe ********");
        FormChecks.untouched(redactor, "a1 LOGIN jdoe {12}");
    }

    @Test
    void aPhoneByPortugalsTelemovelLabel() {
        String phone = "9" + FormChecks.digits(random, 1, '1', 3) + FormChecks.digits(random, 1, '0', 10) + " "
                + FormChecks.digits(random, 3, '0', 10) + " " + FormChecks.digits(random, 3, '0', 10);
        FormChecks.gone(redactor, "cliente={nome=Rui, telemovel=" + phone + ", nif_valido=true}", phone, "nome=Rui");
        FormChecks.gone(redactor, "\"telemovel_contacto\": \"" + phone + "\"", phone, "\"telemovel_contacto\": \"");
        FormChecks.untouched(redactor, "telemovel_verificado: 2024-06-11 telemovel: 3 tentativas");
    }

    @Test
    void anObjectIdentifierOfFourArcsAfterItsWordIsNoAddress() {
        FormChecks.untouched(redactor, "<saml:Attribute Name=\"urn:oid:2.5.4.42\" FriendlyName=\"givenName\">");
        FormChecks.untouched(redactor, "unknown extension OID 1.3.6.1 in certificate");
        FormChecks.untouched(redactor, "attribute oid=2.5.4.10 (organizationName)");
        // an address after other words, and after a word that only ends in oid, still goes
        FormChecks.gone(redactor, "connect to 81.2.69.160 failed", "81.2.69.160", "connect to ");
        FormChecks.gone(redactor, "android 81.2.69.142 void 81.2.69.143", "81.2.69.142", "android ");
        assertFalse(redactor.redact("void 81.2.69.143").contains("81.2.69.143"), "void is not oid");
    }

    @Test
    void aValueMaskedButForItsLastFourIsKept() {
        FormChecks.untouched(redactor, "Stripe::AuthenticationError: Invalid API Key provided: sk_live_****************Ab3Q");
        FormChecks.untouched(redactor, "card=************4242 exp=12/27");
        FormChecks.untouched(redactor, "password: ****x9");
        // stars inside a real value, too few stars, or more shown after them: a value
        String pw = "Ab***" + FormChecks.token(random, 9);
        FormChecks.gone(redactor, "password: " + pw, pw, "password: ");
        String shown = "sk_live_**" + FormChecks.token(random, 24);
        FormChecks.gone(redactor, "Invalid API Key provided: " + shown, shown.substring(10), "Invalid API Key provided");
        String longTail = "****" + FormChecks.token(random, 12);
        FormChecks.gone(redactor, "api_key=" + longTail, longTail.substring(4), "api_key=");
    }

    @Test
    void anIdWhoseDigitGroupsGoOnInLettersIsNoPhone() {
        FormChecks.untouched(redactor, "cluster_id='1108-093344-k3m9x2qa' state=TERMINATED");
        FormChecks.untouched(redactor, "job 0611-084455-retry started");
        // a phone that ends where it ends, or before a dash and digits, still goes
        assertTrue(redactor.redact("phone: 0611-084455").contains("[REDACTED"), "a labelled phone goes");
        assertTrue(redactor.redact("call (415) 555-0132 now").contains("[REDACTED_PHONE]"), "a US phone goes");
        assertTrue(redactor.redact("tel 0612-345678, fax 0612-345679").contains("[REDACTED"), "a Dutch phone goes");
    }

    @Test
    void aSecretOptionsValueAsTheNextQuotedElementOfAnArgumentVector() {
        for (String flag : new String[] {"-UITestPassword", "-api-token", "--db-password", "-clientSecret"}) {
            String value = "Pq" + FormChecks.token(random, 16) + "7x";
            FormChecks.gone(redactor, "launchArguments: [\"-UITestUser\", \"qa-07\", \"" + flag + "\", \"" + value
                    + "\", \"-reset\"]", value, "\"qa-07\"", "\"-reset\"");
            FormChecks.gone(Redactor.atRest(), "CalledProcessError: ['/opt/bin/sync', '" + flag + "', '" + value
                    + "', '--region', 'eu-west-1']", value, "'--region', 'eu-west-1'");
        }
        // an option that names no secret, an option followed by another, and a secret option's name in a list of names
        FormChecks.untouched(redactor, "args: [\"-verbose\", \"Pq8rTz2mKx9vL4nB\", \"-tokenizer\", \"bpe\"]");
        FormChecks.untouched(redactor, "[\"-UITestUser\", \"qa-07\", \"-password-reset\", \"-v\"]");
        FormChecks.untouched(redactor, "flags: [\"-api-token-file\", \"/run/secrets/api\"]");
    }

    @Test
    void aFormsNestedKeyQuotedWholeIsJudgedByItsLastSubscript() {
        String cvc = FormChecks.digits(random, 3, '1', 9);
        FormChecks.gone(redactor, "params={'type': 'card', 'card[cvc]': '" + cvc + "', 'card[exp_year]': '2028'}", cvc,
                "'card[exp_year]': '2028'");
        String pw = "Lm" + FormChecks.token(random, 10) + "!4";
        FormChecks.gone(redactor, "{\"user[password]\": \"" + pw + "\", \"user[email_confirmed]\": true}", pw,
                "\"user[email_confirmed]\": true");
        FormChecks.gone(Redactor.atRest(), "\"payment_method_data[card][cvc]\": \"" + cvc + "\"", "\"" + cvc + "\"",
                "payment_method_data[card][cvc]");
        // subscripts that name no secret, and a quoted bracket with no name before it
        FormChecks.untouched(redactor, "{'card[exp_month]': '11', 'card[brand]': 'visa', 'items[0][price]': '4999'}");
        FormChecks.untouched(redactor, "{'[cvc]': '912', 'rows[2]': '318'}");
    }

    @Test
    void ukrainesTaxpayerNumberByItsLatinLabel() {
        for (String label : new String[] {"ipn", "rnokpp", "client_ipn", "RNOKPP"}) {
            String id = TwelfthIds.rnokpp(random);
            FormChecks.gone(redactor, "{\"id\": 5512, \"" + label + "\": \"" + id + "\", \"city\": \"Lviv\"}", id,
                    "\"id\": 5512", "\"city\": \"Lviv\"");
        }
        // PayPal's Instant Payment Notification: its ids and states are no person's number
        FormChecks.untouched(redactor, "\"ipn_track_id\": \"e5b52f5bd8b4d\", \"ipn\": \"verified\", \"ipn_url\": "
                + "\"https://shop.example/ipn\"");
    }

    @Test
    void authLoginsPasswordOnTheClientsSecondLineWhereNoPromptIsPrinted() {
        String user = b64("mailer@" + "shop.example");
        String pw = b64("Vx" + FormChecks.token(random, 12));
        String log = "2024-06-11 08:30:11 CLIENT -> SERVER: EHLO web-3\n2024-06-11 08:30:11 CLIENT -> SERVER: AUTH LOGIN\n"
                + "2024-06-11 08:30:11 CLIENT -> SERVER: " + user + "\n2024-06-11 08:30:11 CLIENT -> SERVER: " + pw + "\n"
                + "2024-06-11 08:30:12 SERVER -> CLIENT: 535 Authentication failed";
        FormChecks.gone(redactor, log, pw, "SERVER -> CLIENT: 535 Authentication failed");
        FormChecks.gone(Redactor.atRest(), "send: 'AUTH LOGIN\\r\\n'\nsend: '" + user + "\\r\\n'\nsend: '" + pw
                + "\\r\\n'\nreply: b'535 5.7.8 Error'", pw, "reply: b'535 5.7.8 Error'");
        // the server's lines after AUTH LOGIN, a command with no answers, and the prompts swaks prints: read otherwise
        FormChecks.untouched(redactor, "C: AUTH LOGIN\nS: 503 5.5.1 Error: already authenticated\nC: QUIT");
        FormChecks.untouched(redactor, "2024-06-11 CLIENT -> SERVER: AUTH LOGIN\n2024-06-11 SERVER -> CLIENT: 334 "
                + "VXNlcm5hbWU6\n2024-06-11 CLIENT -> SERVER: " + user);
    }

    private String uuid() {
        return FormChecks.hex(random, 8) + "-" + FormChecks.hex(random, 4) + "-4" + FormChecks.hex(random, 3) + "-a"
                + FormChecks.hex(random, 3) + "-" + FormChecks.hex(random, 12);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
