package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the fourth outside measure ({@link FourthMainstreamMeasureTest}) found leaking:
 * labels in other languages than English before a colon or an equals sign ({@link LocalLabels}, {@code
 * local-labels.json}: a password, a one-time code, a token or secret key, a key whose word says no more, a person's
 * number, in German, French, Spanish, Portuguese, Italian, Dutch, Polish, Japanese, Chinese and Korean), a masked value
 * in brackets after such a label kept; China's resident identity number by its layout, date and check
 * ({@code national-ids.json}); Xendit's secret keys and Google's authorization codes by their prefix
 * ({@code token-rules.json}); after them (redact43), a value a step fills or a label's query types into a secret's
 * field, an sms code, a verify request's escaped body, a hash before a list's comma, hex after "API key=", and a
 * GlobalID URI's id kept. Each on lines of other tools and words than the measure's, with counter-examples that must
 * come through as they are. Values are made at test time.
 */
class FourthMainstreamFormsTest {

    private final Random random = new Random(41_2028L);
    private final Redactor redactor = Redactor.standard();

    private String password() {
        return "Maple" + FormChecks.digits(random, 4, '1', 9) + "^tz";
    }

    private String token(int n) {
        return "a1B" + FormChecks.token(random, n - 3);
    }

    @Test
    void aPasswordOrOneTimeCodeByItsLabelInAnotherLanguage() {
        String[] labels = {"Kennwort", "Zugangspasswort", "mot de passe", "Mot-de-passe", "contraseña", "Contraseña",
                "clave", "palavra-passe", "parola d'ordine", "hasło", "Hasło dostępu", "パスワード", "密码", "密碼",
                "비밀번호", "código de verificación", "Bestätigungscode", "验证码", "認証コード"};
        for (String label : labels) {
            String pw = label.contains("code") || label.contains("código") || label.contains("码")
                    || label.contains("コード") ? FormChecks.digits(random, 6, '1', 9) : password();
            FormChecks.gone(redactor, "Anmeldung fehlgeschlagen; " + label + "=" + pw + "; Benutzer=anna", pw,
                    label + "=", "; Benutzer=anna");
            FormChecks.gone(redactor, "{\"" + label + "\": \"" + pw + "\", \"host\": \"db-01\"}", pw, "db-01");
            FormChecks.gone(Redactor.atRest(), label + ": " + pw, pw);
        }
        // a label's word in prose (no separator), a masked value, a placeholder, and words English names otherwise
        FormChecks.untouched(redactor, "Das Kennwort wurde am 2024-06-11 geändert");
        FormChecks.untouched(redactor, "Le mot de passe doit contenir 12 caractères");
        FormChecks.untouched(redactor, "mot de passe : (masqué)");
        FormChecks.untouched(redactor, "hasło: [ukryte]");
        FormChecks.untouched(redactor, "contraseña: <oculta>");
        FormChecks.untouched(redactor, "パスワード: (非表示)");
        FormChecks.untouched(redactor, "密码: ******");
        FormChecks.untouched(redactor, "Kennwort: ***");
        FormChecks.untouched(redactor, "enclave=eu-west-1 conclave=north");
        FormChecks.untouched(redactor, "motdepasse_policy=strict");
    }

    @Test
    void aCardsSecurityCodeByItsLabelInAnotherLanguageEvenOfThreeDigits() {
        String[] labels = {"セキュリティコード", "安全码", "보안코드", "código de seguridad", "Código de segurança",
                "codice di sicurezza", "cryptogramme", "Kartenprüfnummer", "beveiligingscode", "kod bezpieczeństwa"};
        for (String label : labels) {
            String cvv = FormChecks.digits(random, 3, '1', 9);
            while (cvv.chars().distinct().count() == 1) {
                cvv = FormChecks.digits(random, 3, '1', 9);   // 222 is a placeholder's shape to the rules, as 000 is
            }
            FormChecks.gone(redactor, "pago rechazado: " + label + "=" + cvv + " / vence=12/27", cvv + " ",
                    "vence=12/27");
            FormChecks.gone(redactor, "{\"" + label + "\": \"" + cvv + "\", \"cuotas\": 3}", "\"" + cvv + "\"",
                    "\"cuotas\": 3");
        }
        // three digits after another localised password's label, or after no label, stay (a PIN's length, a count)
        FormChecks.untouched(redactor, "Kennwort: 120");
        FormChecks.untouched(redactor, "パスワード: 123");
        FormChecks.untouched(redactor, "código de pedido=505 / vence=12/27");
        FormChecks.untouched(redactor, "cryptogramme visuel : 3 chiffres");
    }

    @Test
    void aTokenOrSecretKeyByItsLabelInAnotherLanguage() {
        String[] labels = {"Geheimnis", "Zugangstoken", "jeton d'accès", "clé API", "clave de API", "clave_secreta",
                "chave_api", "chiave API", "api_sleutel", "toegangstoken", "klucz_api", "token autoryzacyjny",
                "アクセストークン", "APIキー", "APIv3密钥", "访问令牌", "应用私钥", "토큰"};
        for (String label : labels) {
            String t = token(32);
            FormChecks.gone(redactor, "config: " + label + "=" + t + ", region=eu-central-1", t, "region=eu-central-1");
            FormChecks.gone(redactor, "{\"" + label + "\":\"" + t + "\",\"id\":\"42\"}", t, "\"id\":\"42\"");
            FormChecks.gone(Redactor.atRest(), label + ": " + t, t);
        }
        // a key's word alone goes only with a generated value; a word value, a placeholder and a resource's name stay
        String hex = FormChecks.hexAfterA1(random, 40);
        FormChecks.gone(redactor, "Schlüssel=" + hex, hex);
        FormChecks.untouched(redactor, "Schlüssel=kunde_id");
        FormChecks.untouched(redactor, "clé=nom_du_client");
        FormChecks.untouched(redactor, "キー=user_id");
        FormChecks.untouched(redactor, "jeton: expiré");
        FormChecks.untouched(redactor, "Zugangstoken: abgelaufen");
        FormChecks.untouched(redactor, "令牌: <已隐藏>");
    }

    @Test
    void aPersonsNumberByItsLabelInAnotherLanguage() {
        String[][] cases = {{"burgerservicenummer", "1" + FormChecks.digits(random, 8, '0', 10)},
                {"Partita IVA", FormChecks.digits(random, 11, '0', 10)},
                {"codice fiscale", FormChecks.digits(random, 11, '0', 10)},
                {"Steuernummer", FormChecks.digits(random, 11, '1', 9)},
                {"numéro fiscal", FormChecks.digits(random, 13, '1', 9)},
                {"法人番号", FormChecks.digits(random, 13, '1', 9)},
                {"身分證字號", "B" + FormChecks.digits(random, 9, '1', 2)},
                {"統一編號", FormChecks.digits(random, 8, '1', 9)},
                {"사업자등록번호", FormChecks.digits(random, 3, '1', 9) + "-" + FormChecks.digits(random, 2, '1', 9)
                        + "-" + FormChecks.digits(random, 5, '1', 9)}};
        for (String[] c : cases) {
            FormChecks.gone(redactor, "Kunde: " + c[0] + "=" + c[1] + ", Ort=Wien", c[1], c[0] + "=", "Ort=Wien");
            FormChecks.gone(redactor, "{\"" + c[0] + "\":\"" + c[1] + "\"}", c[1]);
        }
        // a number's label before what is no number stays: a word, a status
        FormChecks.untouched(redactor, "burgerservicenummer=onbekend");
        FormChecks.untouched(redactor, "Partita IVA: mancante");
        FormChecks.untouched(redactor, "法人番号: 未登録");
    }

    @Test
    void theLabelsFileIsFoldedAndEachLabelIsReadBackWhole() {
        assertEquals("mot de passe", LocalLabels.fold("Mot-de-Passe"));
        assertEquals("haslo dostepu", LocalLabels.fold("Hasło_dostępu"));
        assertEquals("parola d ordine", LocalLabels.fold("parola d'ordine"));
        assertEquals("api schlussel", LocalLabels.fold("API-Schlüssel"));
        String line = "x, mot de passe=1";
        assertEquals(line.indexOf("mot"), LocalLabels.start(line, line.indexOf('=')));
        assertEquals(KeyNames.Key.PASSWORD, LocalLabels.key(line, line.indexOf("mot"), line.indexOf('=')));
        String cjk = "注册信息: 身份证号=1";
        assertEquals(cjk.indexOf("身份证号"), LocalLabels.start(cjk, cjk.indexOf('=')));
        assertEquals(KeyNames.Key.PERSONAL_ID, LocalLabels.key(cjk, cjk.indexOf("身份证号"), cjk.indexOf('=')));
        // a label's last word inside a longer word, and a word the file does not have, are no labels
        String glued = "enclave=1";
        assertEquals(-1, LocalLabels.start(glued, glued.indexOf('=')));
        String other = "Passwortlänge=12";
        assertEquals(-1, LocalLabels.start(other, other.indexOf('=')));
        assertTrue(LocalLabels.masked(" (masqué)", 0));
        assertTrue(!LocalLabels.masked(" (x1)", 0) && !LocalLabels.masked(" abc", 0));
    }

    @Test
    void aLabelWrittenWithSharpSIsReadAsTheFileWritesItWithSs() {
        // redact44: fold writes ß as ss, so the table of last words' hashes must too (German before 1996 and Austria's
        // software still print Paßwort); a label spelt with ss and one with ß are the same label
        String secret = FormChecks.token(random, 14);
        for (String label : new String[] {"Paßwort", "Zugangspaßwort", "Geheimer Schlüßel", "API-Schlüßel", "PASSWORT"}) {
            FormChecks.gone(redactor, label + ": " + secret, secret, label + ": ");
            FormChecks.gone(redactor, "  " + label + " = " + secret + "\n", secret);
        }
        String line = "Benutzer: qa, Paßwort: x";
        assertEquals(line.indexOf("Paß"), LocalLabels.start(line, line.indexOf(": x")));
        // a word with ß that is no label stays, and so does its value
        FormChecks.untouched(redactor, "Straße: Hauptstraße 5, Größe: 42");
        FormChecks.untouched(redactor, "Paßbild: beigefügt");
    }

    /** China's resident identity number: region, YYYYMMDD, order, and the ISO 7064 MOD 11-2 check (digits only). */
    private String chineseId() {
        while (true) {
            String body = FormChecks.digits(random, 2, '1', 8) + FormChecks.digits(random, 4, '0', 10)
                    + (1950 + random.nextInt(60)) + String.format("%02d%02d", 1 + random.nextInt(12),
                    1 + random.nextInt(28)) + FormChecks.digits(random, 3, '0', 10);
            int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int k = 0; k < 17; k++) {
                sum += w[k] * (body.charAt(k) - '0');
            }
            int check = Math.floorMod(12 - sum % 11, 11);
            if (check < 10) {
                return body + check;
            }
        }
    }

    private static boolean chineseIdPasses(String id) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += w[k] * (id.charAt(k) - '0');
        }
        return Math.floorMod(12 - sum % 11, 11) == id.charAt(17) - '0';
    }

    @Test
    void chinasResidentIdentityNumberByItsLayoutDateAndCheck() {
        FormChecks.numbersAndTwins(this::chineseId, FourthMainstreamFormsTest::chineseIdPasses, "{\"ref\": \"", "\"}");
        FormChecks.numbersAndTwins(this::chineseId, FourthMainstreamFormsTest::chineseIdPasses, "holder_doc=", " status=pending");
        // eighteen digits with no date where the birth date goes, or a nineteenth century the card has not, stay
        FormChecks.untouched(redactor, "trace 110101201399990012 done");
        FormChecks.untouched(redactor, "order 110101097309280661 shipped");
    }

    @Test
    void aContainerPullsUserAndPasswordAndAltoolsPasswordFlag() {
        String ecr = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "+ ctr -n k8s.io images pull --user AWS:" + ecr + " 1234.dkr.ecr.eu-west-1.amazonaws.com/a:1",
                ecr, "--user AWS:", "1234.dkr.ecr.eu-west-1.amazonaws.com/a:1");
        String pw = password();
        FormChecks.gone(redactor, "ctr images pull -u robot:" + pw + " ghcr.io/acme/api:2", pw, "robot:", "ghcr.io/acme/api:2");
        FormChecks.gone(redactor, "crictl pull --creds deploy:" + pw + " quay.io/acme/web:3", pw, "deploy:");
        String app = "abcd-efgh-ijkl-mnop".replace('a', (char) ('a' + random.nextInt(26)));
        FormChecks.gone(redactor, "xcrun altool --upload-app -f build/App.ipa -t ios -u ci@acme.test -p " + app, app,
                "--upload-app -f build/App.ipa");
        // ctr's other -u and another command's -p, and altool's password read from the keychain or the environment
        FormChecks.untouched(redactor, "ctr -n k8s.io images ls -u 10");
        FormChecks.untouched(redactor, "nodetool -h cass-0 -p 7199 status");
        FormChecks.untouched(redactor, "xcrun altool --list-apps -u ci@acme.test -p @keychain:AC_PASSWORD");
        FormChecks.untouched(redactor, "xcrun altool --validate-app -f App.ipa -p @env:APP_SPECIFIC_PASSWORD");
    }

    @Test
    void xenditSecretKeysAndGoogleAuthorizationCodesByTheirPrefix() {
        String xendit = "xnd_development_" + FormChecks.token(random, 48) + "+" + FormChecks.token(random, 10) + "==";
        FormChecks.gone(redactor, "XENDIT_SECRET_KEY not accepted: " + xendit + " (401)", xendit.substring(16), "(401)");
        String prod = "xnd_production_" + FormChecks.token(random, 60);
        FormChecks.gone(redactor, "new Xendit({ secretKey: process.env.K }) // was " + prod, prod.substring(15));
        String code = "4/0A" + FormChecks.token(random, 20) + "_" + FormChecks.token(random, 40) + "-w";
        FormChecks.gone(redactor, "GET /oauth2callback?state=abc&code=" + code + "&scope=email", code.substring(4),
                "&scope=email");
        FormChecks.gone(redactor, "exchange failed for " + code + ": invalid_grant", code.substring(4), "invalid_grant");
        // a public key, a short prefix, a version path and a ratio stay
        FormChecks.untouched(redactor, "publicKey: xnd_public_development_" + "Ab12" + "x".repeat(40));
        FormChecks.untouched(redactor, "xnd_development_ is the sandbox prefix");
        FormChecks.untouched(redactor, "GET /api/v4/0AbCdEfGh1/items returned 404");
        FormChecks.untouched(redactor, "scaled 4/0A to fit");
    }

    @Test
    void aValueAStepFillsIntoASecretsFieldByTheStepsGrammar() {
        String cvc = FormChecks.digits(random, 3, '1', 9);
        String pw = password();
        // Behat's and Mink's two word orders, Capybara's with:, in and out of brackets
        FormChecks.gone(redactor, "    And I fill in \"cvc\" with \"" + cvc + "\"   # features/pay.feature:9", cvc,
                "I fill in \"cvc\" with", "features/pay.feature:9");
        FormChecks.gone(redactor, "    When I fill in \"" + pw + "\" for \"Password\"", pw, "for \"Password\"");
        FormChecks.gone(redactor, "  fill_in \"user[password]\", with: \"" + pw + "\"", pw, "fill_in \"user[password]\"");
        String token = token(32);
        FormChecks.gone(redactor, "     # ./spec/features/keys_spec.rb:14:in fill_in('API token', with: '" + token + "')",
                token, "fill_in('API token', with: '", "keys_spec.rb:14");
        // a field that names no secret keeps its value; a step with no value or a word that only ends in "fill" stays
        FormChecks.untouched(redactor, "    And I fill in \"City\" with \"Lisbon\"   # features/pay.feature:10");
        FormChecks.untouched(redactor, "    And I fill in \"Lisbon\" for \"city\"");
        FormChecks.untouched(redactor, "  fill_in \"Email address\", with: \"ana.test\"");
        FormChecks.untouched(redactor, "    And I fill in \"cvc\" with \"\"");
        FormChecks.untouched(redactor, "    And I fill in the following:");
        FormChecks.untouched(redactor, "backfill in \"token\" with \"daily\" done");
    }

    @Test
    void aValueTypedIntoAFieldFoundByItsLabelsQuery() {
        String cvc = FormChecks.digits(random, 3, '1', 9);
        FormChecks.gone(redactor, "  userEvent.type(getByLabelText('CVC'), '" + cvc + "')", cvc,
                "userEvent.type(getByLabelText('CVC'), '");
        String pw = password();
        FormChecks.gone(redactor, "  await user.type(screen.getByRole('textbox', { name: \"Password\" }), \"" + pw
                + "\");", pw, "screen.getByRole('textbox', { name: \"Password\" })");
        String token = token(40);
        FormChecks.gone(redactor, "fireEvent.type(getByPlaceholderText(\"API key\"), \"" + token + "\")", token,
                "getByPlaceholderText(\"API key\")");
        // a query that names no secret, a label elsewhere on the line, a nested call, and a second argument not quoted
        FormChecks.untouched(redactor, "  userEvent.type(getByLabelText('City'), 'Lisbon')");
        FormChecks.untouched(redactor, "  userEvent.type(getByLabelText('Card holder'), 'Ana Silva') // then CVC");
        FormChecks.untouched(redactor, "  userEvent.type(within(form('pay')).getByLabelText('Name'), 'Ana')");
        FormChecks.untouched(redactor, "  userEvent.type(getByLabelText('Password'), value)");
    }

    @Test
    void anSmsCodeByItsNameAndAVerifyRequestsEscapedBodyWithARecipient() {
        String code = FormChecks.digits(random, 6, '1', 9);
        FormChecks.gone(redactor, "flutter: [auth] smsCode=" + code, code, "smsCode=");
        FormChecks.gone(redactor, "verify(sms_code: \"" + code + "\", phone: redacted)", code, "sms_code:");
        String body = "Received: \"https://api.example.test/v1/verify\", {\"body\": \"{\\\"phone\\\":\\\"[REDACTED_PHONE]"
                + "\\\",\\\"code\\\":\\\"" + code + "\\\"}\", \"method\": \"POST\"}";
        FormChecks.gone(redactor, body, code, "\\\"code\\\":\\\"", "\"method\": \"POST\"");
        String to = "{\"payload\": \"{\\\"to\\\":\\\"[REDACTED_EMAIL]\\\",\\\"code\\\":\\\"" + code + "\\\"}\"}";
        FormChecks.gone(redactor, to, code);
        // an escaped error body's code with no recipient, an sms count or flag, and a short number stay
        FormChecks.untouched(redactor, "{\"body\": \"{\\\"error\\\":\\\"bad_request\\\",\\\"code\\\":\\\"4012\\\"}\"}");
        FormChecks.untouched(redactor, "sms_count=3 smsEnabled=true sms_code_length=6");
        FormChecks.untouched(redactor, "smsCode=null");
    }

    /** A Luhn-valid number of {@code n} digits, issuer's first digit 4 (what the card rule takes). */
    private String luhnNumber(int n) {
        return FormChecks.drawn(random, "4", n - 1, v -> {
            int sum = 0;
            for (int k = 0; k < v.length(); k++) {
                int d = v.charAt(v.length() - 1 - k) - '0';
                sum += k % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
            }
            return sum % 10 == 0;
        });
    }

    @Test
    void aLuhnValidIdInAGlobalIdUriStaysAndTheSameNumberElsewhereGoes() {
        for (int n : new int[] {13, 16, 19}) {
            String id = luhnNumber(n);
            FormChecks.untouched(redactor, "Shopify order gid://shopify/Order/" + id + " not found");
            FormChecks.untouched(redactor, "{\"id\": \"gid://acme/Billing::Invoice/" + id + "\"}");
            // the same number as a card: in a gid with no model, in another scheme's path, bare
            FormChecks.gone(redactor, "payment_method=card:" + id + " declined", id, "declined");
            FormChecks.gone(redactor, "see gid:/" + "/shopify/" + id + " now", id);
            FormChecks.gone(redactor, "card " + id + " declined", id, "declined");
        }
    }

    @Test
    void aStoredPasswordsHashBareInAListOfValuesBeforeItsComma() {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 53; k++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String bcrypt = b.toString();
        FormChecks.gone(redactor, "SQL: insert into \"users\" (\"name\", \"password\", \"role\") values (Ana, $2y$10$"
                + bcrypt + ", admin) returning \"id\")", bcrypt, "$2y$10$", ", admin)");
        String salt = token(22);
        String hash = token(43);
        FormChecks.gone(redactor, "params=[ana, $argon2id$v=19$m=65536,t=3,p=4$" + salt + "$" + hash + ", 7]", hash,
                "$argon2id$v=19$m=65536,t=3,p=4$", ", 7]");
        // a bcrypt one character short before the comma, and a shell's variables in a list, stay
        FormChecks.untouched(redactor, "values (Ana, $2y$10$" + bcrypt.substring(1) + ", admin)");
        FormChecks.untouched(redactor, "args: $1, $2, $HOME$PATH, done");
    }

    @Test
    void hexDigitsAfterAnApiKeysTwoWordLabelGoAndAfterACacheKeysStay() {
        String hex = FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "level=warning msg=\"invalid key\" api_name=Billing API key=" + hex + " org_id=7", hex,
                "api_name=Billing API key=", "org_id=7");
        String hex40 = FormChecks.hex(random, 40);
        FormChecks.gone(redactor, "rejected: secret key: " + hex40, hex40);
        FormChecks.gone(redactor, "Access key=" + hex + " denied", hex, "denied");
        // a cache's, a row's and an object's key, and a word that says nothing of whose key it is, keep their hex
        FormChecks.untouched(redactor, "Cache key=" + hex + " restored");
        FormChecks.untouched(redactor, "partition key: " + hex40);
        FormChecks.untouched(redactor, "Object key=" + hex + " uploaded");
        FormChecks.untouched(redactor, "Idempotency key=" + hex + " reused");
    }
}
