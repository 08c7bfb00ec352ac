package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for the strings the outside measures (Second..FifthMainstreamMeasureTest) lost, where the
 * rule was wrong and not the material (redact47): an OCI image pinned by its digest and Vault's {@code hmac-sha256:}
 * audit digests are no secrets ({@link Judge#digest}); a registry login's {@code -u user} is no positional password
 * ({@link Positionals}); a URL path parameter's value ends at the query ({@code ;jsessionid=…?lang=de}) and a cookie
 * header printed as one element of a list ends at the list's close ({@link KeyValues}); a run of numeric columns holds no
 * phone ({@code 200 200 412 1820}, {@link Numbers}); a key whose random part is a sample's word is a sample's
 * ({@link Tokens}); a Twilio resource's SID under "sid" is an id ({@link Judge#resourceSid}); Develocity's {@code
 * host=key} keeps its host; ExUnit's module in a failure's header is no password ({@link NamedValues}). And three of
 * their leaks: a national id in backquotes stands alone as a quoted one does (Beego ORM's args, {@link NationalIds}),
 * a certificate's password by its Portuguese and Spanish label ({@code local-labels.json}), and a request's signature
 * by its short name, {@code sign=…} ({@link KeyNames}). Each on lines written for this test, with counter-examples:
 * the secrets beside them must still go, the look-alikes stay.
 */
class OutsideMeasureFormsTest {

    private final Random random = new Random(47_2027L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    @Test
    void anImagePinnedByItsDigestIsKeptAfterCosignAndInItsError() {
        for (int k = 0; k < 6; k++) {
            String image = (k % 2 == 0 ? "ghcr.io/acme/api" : "registry.acme.test:5000/team/web:v2-RC" + k)
                    + "@sha256:" + FormChecks.hex(random, 64);
            String password = "Pw" + FormChecks.token(random, 12) + "9";
            String text = "+ COSIGN_PASSWORD=" + password + " cosign sign --key cosign.key " + image
                    + "\nError: signing [" + image + "]: getting signer: reading key: decrypt: decryption failed";
            FormChecks.gone(redactor, text, password, image, "Error: signing [" + image + "]: getting signer");
            FormChecks.gone(atRest, text, password, image);
            FormChecks.untouched(redactor, "ENV SIGNING_KEY_REF " + image);
        }
    }

    @Test
    void aSecretBeforeADigestsShapeStillGoes() {
        String digest = "@sha256:" + FormChecks.hex(random, 64);
        for (int k = 0; k < 6; k++) {
            // capitals in a repository's name (no registry takes them), a digest one digit short
            String secret = "Ab9" + FormChecks.token(random, 20);
            FormChecks.gone(redactor, "{\"api_key\":\"" + secret + digest + "\"}", secret);
            String shortDigest = "acme/api@sha256:" + FormChecks.hex(random, 63);
            String out = redactor.redact("{\"client_secret\":\"" + shortDigest + "\"}");
            assertFalse(out.contains(shortDigest), out);
        }
    }

    @Test
    void vaultsHmacDigestsAreKeptInItsAuditLogAndItsTables() {
        for (int k = 0; k < 6; k++) {
            String token = "hmac-sha256:" + FormChecks.hex(random, 64);
            String accessor = "hmac-sha256:" + FormChecks.hex(random, 64);
            String audit = "{\"time\":\"2024-06-11T12:53:02.118204Z\",\"type\":\"request\",\"auth\":{\"client_token\":\""
                    + token + "\",\"accessor\":\"" + accessor + "\",\"display_name\":\"approle\"}}";
            FormChecks.untouched(redactor, audit);
            String table = "Key                 Value\n---                 -----\naccessor            " + accessor
                    + "\ndisplay_name        approle\nttl                 767h59m51s";
            FormChecks.untouched(redactor, table);
        }
    }

    @Test
    void aTokenAfterAnHmacPrefixThatIsNoHexDigestStillGoes() {
        for (int k = 0; k < 6; k++) {
            String secret = "Zx" + FormChecks.token(random, 30);
            FormChecks.gone(redactor, "{\"client_token\":\"hmac-sha256:" + secret + "\"}", secret);
            String vaultToken = "hvs." + FormChecks.token(random, 90);
            FormChecks.gone(redactor, "{\"client_token\":\"" + vaultToken + "\"}", vaultToken);
        }
    }

    @Test
    void aRegistryLoginsUserIsKeptAndItsPasswordGoes() {
        for (int k = 0; k < 6; k++) {
            String pat = "ghp_" + FormChecks.token(random, 36);
            String line = "crane auth login ghcr.io -u acme-bot -p " + pat;
            FormChecks.gone(redactor, line, pat, "crane auth login ghcr.io -u acme-bot -p ");
            FormChecks.gone(atRest, line, pat, "-u acme-bot");
            String password = "Winter" + FormChecks.digits(random, 4, '1', 9) + "x";
            FormChecks.gone(redactor, "crane auth login registry.acme.test --username ci " + "-p " + password, password,
                    "--username ci -p ");
        }
    }

    @Test
    void aPositionalPasswordWithNoUserFlagBeforeItStillGoes() {
        String password = "Winter2024x" + FormChecks.token(random, 4);
        FormChecks.gone(redactor, "doveadm auth login bob " + password, password, "doveadm auth login bob ");
    }

    @Test
    void aPathParametersSessionEndsAtTheQuery() {
        for (int k = 0; k < 6; k++) {
            String session = FormChecks.hex(random, 32).toUpperCase();
            String line = "10.1.2.3 - - [11/Jun/2024:12:42:17 +0000] \"GET /portal/home;jsessionid=" + session
                    + "?lang=de HTTP/1.1\" 200 10422";
            FormChecks.gone(redactor, line, session, ";jsessionid=", "?lang=de HTTP/1.1\" 200 10422");
            FormChecks.gone(atRest, line, session, "?lang=de HTTP/1.1\"");
            // the fragment ends it too; the query's own token goes by its name
            String token = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "GET /a;jsessionid=" + session + "#top", session, "#top");
            String both = "GET /a;jsessionid=" + session + "?access_token=" + token + " 200";
            String out = redactor.redact(both);
            assertFalse(out.contains(session) || out.contains(token), out);
            assertTrue(out.contains("?access_token="), out);
        }
    }

    @Test
    void aCookieHeaderInAPrintedListEndsAtTheListsClose() {
        for (int k = 0; k < 6; k++) {
            String sid = FormChecks.hex(random, 32);
            String line = "  RequestLog: {startTime=2024-06-02T08:11:04.217Z, headers=[:method=POST, :path=/api/accounts,"
                    + " cookie=SID=" + sid + "], content=DefaultRpcRequest{serviceType=AccountService, method=create}}";
            FormChecks.gone(redactor, line, sid, "], content=DefaultRpcRequest{serviceType=AccountService, method=create}}");
            FormChecks.gone(atRest, line, sid, "content=DefaultRpcRequest{serviceType=AccountService");
            // in a map, braces; the cookies inside it still go one by one
            String other = FormChecks.token(random, 32);
            String map = "headers={Cookie=sid=" + sid + "; theme=dark; remember=" + other + "}, body=Order{id=42}";
            FormChecks.gone(redactor, map, sid, "theme=dark", "}, body=Order{id=42}");
            FormChecks.gone(redactor, map, other);
        }
    }

    @Test
    void aCookieHeaderOnItsOwnStillReadsEveryCookie() {
        String a = FormChecks.token(random, 32);
        String b = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "[req-7] Cookie: _shop_session=" + a + "; XSRF-TOKEN=" + b, a, "[req-7] Cookie: ");
        FormChecks.gone(redactor, "[req-7] Cookie: _shop_session=" + a + "; XSRF-TOKEN=" + b, b);
    }

    @Test
    void anAccessLogsNumericColumnsHoldNoPhone() {
        FormChecks.untouched(redactor, "https 2024-06-11T12:38:44.118204Z app/prod-alb/50dc6c495c0c9188 203.0.113.41:49822"
                .replace("203.0.113.41", "10.0.0.7") + " 10.0.1.12:8080 0.001 0.212 0.000 200 200 412 1820 \"GET /x HTTP/1.1\"");
        FormChecks.untouched(redactor, "stats 17 0 200 415 5550 ok");
        FormChecks.untouched(atRest, "0.000 502 502 212 8634 \"GET /y HTTP/1.1\"");
    }

    @Test
    void aPhoneAfterAWordOrATimeOrTheNanpTrunkStillGoes() {
        FormChecks.gone(redactor, "call 1 415 555 0132 now", "415 555 0132");
        FormChecks.gone(redactor, "customer phone 415 555 0132 missing", "415 555 0132");
        FormChecks.gone(redactor, "sent to 020 7946 0958 at 12:00", "7946 0958");
        FormChecks.gone(redactor, "| 42 | 415 555 0132 |", "415 555 0132");
    }

    @Test
    void aKeyWhoseRandomPartIsASamplesWordIsKept() {
        FormChecks.untouched(redactor, "pk_test_placeholder\nsk_test_placeholder\nSTRIPE_KEY=sk_live_example");
        FormChecks.untouched(redactor, "\"url\": \"https://hooks.slack.com/services/T00000000/B00000000/placeholder\"");
        FormChecks.untouched(redactor, "secret: sk_test_xxxxxxxxxxxxxxxx");
    }

    @Test
    void aKeyWithARandomPartStillGoesWhateverWordItHolds() {
        for (int k = 0; k < 6; k++) {
            String stripe = "sk_live_" + FormChecks.token(random, 24);
            FormChecks.gone(redactor, "STRIPE_KEY=" + stripe, stripe);
            String webhook = "https://hooks.slack.com/services/T0" + FormChecks.digits(random, 8, '1', 9) + "/B0"
                    + FormChecks.digits(random, 8, '1', 9) + "/" + FormChecks.token(random, 24);
            FormChecks.gone(redactor, "\"url\": \"" + webhook + "\"", webhook.substring(webhook.lastIndexOf('/')));
            // a word inside the random part, or the word with random characters after it
            String worded = "sk_test_placeholder" + FormChecks.token(random, 12);
            FormChecks.gone(redactor, "key " + worded, worded);
        }
    }

    @Test
    void aTwilioMessagesSidIsKeptUnderItsName() {
        for (int k = 0; k < 6; k++) {
            String sid = (k % 2 == 0 ? "SM" : "CA") + FormChecks.hex(random, 32);
            FormChecks.untouched(redactor, "Twilio error 21211: The 'To' number is not valid. Message SID: " + sid);
            FormChecks.untouched(redactor, "twilio: call failed call_sid=" + sid + " status=busy");
        }
    }

    @Test
    void aSessionUnderSidThatIsNoTwilioResourcesStillGoes() {
        for (int k = 0; k < 6; k++) {
            String session = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "login ok sid=" + session + " user=bob", session, " user=bob");
            // the account's SID is the user of its key pair; capitals in the hex; one digit short
            String account = "AC" + FormChecks.hex(random, 32);
            FormChecks.gone(redactor, "session_id=" + account, account);
            String upper = "SM" + FormChecks.hex(random, 32).toUpperCase() + "Q";
            FormChecks.gone(redactor, "sid=" + upper, upper);
        }
    }

    @Test
    void develocitysAccessKeyKeepsItsHost() {
        for (int k = 0; k < 6; k++) {
            String key = FormChecks.token(random, 52);
            String line = "  develocity.accessKey=ge.acme.io=" + key + "\nBUILD FAILED in 3m 12s";
            FormChecks.gone(redactor, line, key, "develocity.accessKey=ge.acme.io=", "BUILD FAILED in 3m 12s");
            FormChecks.gone(atRest, "DEVELOCITY_ACCESS_KEY=gradle.corp.acme.test=" + key, key,
                    "DEVELOCITY_ACCESS_KEY=gradle.corp.acme.test=");
        }
    }

    @Test
    void anAccessKeyWhosePaddingIsNoHostsSeparatorGoesWhole() {
        for (int k = 0; k < 6; k++) {
            // a base64 key's padding, and a key whose first part has a dot but is no host (a digit last)
            String padded = FormChecks.token(random, 42) + "==";
            FormChecks.gone(redactor, "accessKey: " + padded, padded.substring(0, 40));
            String dotted = "v1.2" + FormChecks.token(random, 40);
            FormChecks.gone(redactor, "develocity.accessKey=" + dotted, dotted.substring(4));
        }
    }

    @Test
    void exUnitsModuleInAFailuresHeaderIsKept() {
        FormChecks.untouched(redactor, "  1) test login mutation with bad password (ShopWeb.Schema.AuthTest)\n"
                + "     Assertion with == failed");
        FormChecks.untouched(redactor, "  12) doctest Accounts.verify_password/2 (3) (MyApp.AccountsTest)");
        String password = "S3cret" + FormChecks.token(random, 6) + "!";
        FormChecks.gone(redactor, "  1) test login mutation with bad password (ShopWeb.Schema.AuthTest)\n"
                + "     variables: %{\"email\" => \"a\", \"password\" => \"" + password + "\"}", password,
                "(ShopWeb.Schema.AuthTest)");
    }

    @Test
    void aPasswordInBracketsOutsideExUnitsHeaderStillGoes() {
        FormChecks.gone(redactor, "login failed with bad password (Winter.Sun2024)", "Winter.Sun2024");
        FormChecks.gone(redactor, "1) test bad password (Hunter.Two9) trailing", "Hunter.Two9");
    }

    /** China's resident id: region, birth date, order, and (12 - the weighted sum) mod 11 as the check (10, X, not drawn). */
    static boolean chineseId(String v) {
        int[] d = FormChecks.digitsOf(v);
        return d.length == 18 && (12 - FormChecks.sum(d, 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2) % 11) % 11
                == d[17];
    }

    private String chineseId() {
        String v;
        do {
            String body = "110101" + (1960 + random.nextInt(40)) + String.format("%02d%02d", 1 + random.nextInt(12),
                    1 + random.nextInt(28)) + FormChecks.digits(random, 3, '0', 10);
            int[] d = FormChecks.digitsOf(body);
            int check = (12 - FormChecks.sum(d, 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2) % 11) % 11;
            v = check == 10 ? null : body + check;
        } while (v == null);
        return v;
    }

    @Test
    void aNationalIdInBackquotesGoesAsAQuotedOneDoes() {
        // GB 11643-1999's own specimen, 11010519491231002X, has the check 10 (its X) as computed here; its digits
        // with a digit for X pass none
        for (char last = '0'; last <= '9'; last++) {
            assertFalse(chineseId("11010519491231002" + last));
        }
        assertTrue(chineseId("440524188001010014"));
        String orm = "[ORM]2024/06/11 10:22:41  -[Queries/default] - [INSERT INTO `user` (`username`, `id_card`) VALUES"
                + " (?, ?)] - `wang.fang`, `";
        for (int k = 0; k < 8; k++) {
            String v = chineseId();
            String twin = FormChecks.twin(v, OutsideMeasureFormsTest::chineseId);
            FormChecks.gone(redactor, orm + v + "`", v, "`wang.fang`, `");
            FormChecks.gone(atRest, "id card `" + v + "` rejected", v, "` rejected");
            if (!Values.luhn(twin, 0, twin.length())) {   // eighteen digits that pass Luhn go as a card's, rightly
                FormChecks.untouched(redactor, orm + twin + "`");
            }
        }
    }

    @Test
    void backquotedNumbersThatPassNoCheckStay() {
        // a snowflake id, a timestamp in milliseconds, an order number of the same length
        FormChecks.untouched(redactor, "- `1801234567890123456`, `1718109311118`, `202406110000000001`");
    }

    @Test
    void aCertificatesPasswordGoesByItsPortugueseOrSpanishLabel() {
        for (int k = 0; k < 6; k++) {
            String password = FormChecks.token(random, 12) + "#0";
            FormChecks.gone(redactor, "ERRO [nfe-emissor] Falha na emissão da NF-e: série=1, senha do certificado="
                    + password + ", número=4412", password, "senha do certificado=", ", número=4412");
            FormChecks.gone(atRest, "Senha do certificado: " + password, password, "Senha do certificado: ");
            FormChecks.gone(redactor, "contraseña del certificado=" + password, password);
        }
    }

    @Test
    void aCertificatesOtherFieldsAndItsLabelInProseStay() {
        FormChecks.untouched(redactor, "caminho do certificado=/etc/nfe/cert.pfx, validade do certificado=2025-06-01");
        FormChecks.untouched(redactor, "a senha do certificado expirou; informe a nova senha no painel");
    }

    @Test
    void aRequestsSignatureGoesByItsShortNameSign() {
        for (int k = 0; k < 6; k++) {
            String sign = FormChecks.token(random, 80);
            FormChecks.gone(redactor, "AfipWebServiceError: ValidacionDeToken\n  CUIT=x token=y sign=" + sign, sign,
                    " sign=");
            FormChecks.gone(atRest, "{\"app_id\":\"wx8888\",\"sign\":\"" + sign + "\"}", sign, "\"sign\":\"");
        }
    }

    @Test
    void aSignThatIsNoSignatureStays() {
        FormChecks.untouched(redactor, "sign=-1 sign: positive {\"sign\":\"+\"} sign_in=true design=Xk29fLq8");
        FormChecks.untouched(redactor, "{\"sign\": \"MD5\", \"sign_type\": \"RSA2\"}");
    }
}
