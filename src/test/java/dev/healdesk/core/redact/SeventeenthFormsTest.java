package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the seventeenth corpus collection's tune part leaked or lost (released to redact46
 * alone; its held-out part stays the clean measure): MySQL's access-denied answer, whether a password was sent, in the
 * server's language ({@code (Password: SI)}, {@link KeyValues}); a source file and line after a logger's name
 * ({@code botocore.credentials:credentials.py:2152}, {@link KeyValues#sourceLine}); a member whose value is its own
 * type's name, as Swift's {@code dump()} prints it ({@link KeyValues#ownType}); a sentence's label that ends in "via"
 * or "from" ({@link NamedValues}); a subject's host, port and database after "password for" ({@link NamedValues});
 * the labels of a password, an API key and a tax number in Czech and Turkish (local-labels.json); a Slack webhook's
 * three ids without {@code services/} (token-rules.json); Bundler's credentials for a gem source
 * ({@link KeyValues#bundlerHost}); Russia's state registration numbers (ОГРН, ОГРНИП) by their check
 * ({@link NumberLabels}); and a key id of sixteen capitals and digits with two digits inside it ({@link UserKeys}).
 * Each on lines written for this test, not taken from the corpus, with counter-examples that must come through as they
 * are. Values are drawn here; numbers are made from the published check rules, each with a twin whose check is wrong.
 */
class SeventeenthFormsTest {

    private static final String CAPS_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Random random = new Random(17_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password a person might choose: letters, a capital, digits. */
    private String password() {
        return "Qx" + FormChecks.token(random, 8) + "7a";
    }

    private String capsDigits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(CAPS_DIGITS.charAt(random.nextInt(CAPS_DIGITS.length())));
        }
        return b.toString();
    }

    @Test
    void mysqlsAnswerWhetherAPasswordWasSentStaysInEachLanguageAndAPasswordInBracketsGoes() {
        String[][] lines = {
            {"ERROR 1045 (28000): Accesso non consentito per l'utente: 'app'@'10.0.0.3' (Password: ", "SI", ")"},
            {"ERROR 1045 (28000): Zugriff verweigert für Benutzer: 'app'@'10.0.0.3' (Passwort: ", "JA", ")"},
            {"ERROR 1045 (28000): Accès refusé pour l'utilisateur: 'app'@'10.0.0.3' (mot de passe: ", "OUI", ")"},
            {"SQLSTATE[HY000] [1045] Acesso negado para o usuário: 'app'@'10.0.0.3' (senha: ", "SIM", ") (Connection: mysql)"},
            {"ERROR 1045 (28000): Access denied for user 'app'@'10.0.0.3' (Password: ", "NO", ")"},
        };
        for (String[] l : lines) {
            FormChecks.untouched(redactor, l[0] + l[1] + l[2]);
            FormChecks.untouched(Redactor.atRest(), l[0] + l[1] + l[2]);
        }
        for (int k = 0; k < 8; k++) {
            String p = password();
            FormChecks.gone(redactor, "login failed (password: " + p + ")", p, "login failed (password: ");
            FormChecks.gone(redactor, "Anmeldung fehlgeschlagen (Passwort: " + p + ")", p, "(Passwort: ");
        }
        // an answer word in small letters, or glued to more, is no MySQL answer: it goes as any password
        FormChecks.gone(redactor, "retry (password: JAx9Qm2)", "JAx9Qm2");
        FormChecks.gone(redactor, "(password: yes)", "yes", "(password: ");
    }

    @Test
    void aSourceFileAndLineAfterALoggersNameStayAndASecretWithADotGoes() {
        FormChecks.untouched(redactor,
                "DEBUG    botocore.credentials:credentials.py:2152 Looking for credentials via: env");
        FormChecks.untouched(redactor, "2024-06-01 INFO auth.token:TokenStore.java:88 loaded from cache");
        FormChecks.untouched(redactor, "WARNING  app.secrets:vault_client.rb:41:7 lease renewed");
        for (int k = 0; k < 8; k++) {
            String t = FormChecks.token(random, 12);
            // not a source file's extension, or letters after the line
            FormChecks.gone(redactor, "secret: " + t + ".cfg:1234", t, "secret: ");
            FormChecks.gone(redactor, "api_key=" + t + ".py:12ab", t, "api_key=");
        }
    }

    @Test
    void aMemberWhoseValueIsItsOwnTypesNameStaysAndAValueWithADotGoes() {
        FormChecks.untouched(redactor, "  ▿ credentials: ShopApp.Credentials\n    - accessToken: nil");
        FormChecks.untouched(redactor, "  ▿ token: Auth.Token");
        FormChecks.untouched(redactor, "api_token: ApiV2.ApiToken");
        for (int k = 0; k < 8; k++) {
            String t = FormChecks.token(random, 10) + "9";
            // a random first part, or a last part that is not the key's name
            FormChecks.gone(redactor, "token: " + t + "x.Token", t, "token: ");
            FormChecks.gone(redactor, "credentials: ShopApp." + "Q" + t, t, "credentials: ");
        }
    }

    @Test
    void aLabelEndingInViaOrFromSaysWhereAndAGeneratedValueAfterALabelStillGoes() {
        FormChecks.untouched(redactor, "DEBUG botocore.credentials: Looking for credentials via: shared-credentials-file");
        FormChecks.untouched(redactor, "INFO token loaded from: vault-kv-2");
        FormChecks.untouched(redactor, "Reading the api key through: env-file");
        for (int k = 0; k < 8; k++) {
            String t = FormChecks.token(random, 6) + "-" + FormChecks.token(random, 6) + "-" + FormChecks.token(random, 6);
            FormChecks.gone(redactor, "the generated credentials are: " + t, t);
        }
    }

    @Test
    void aHostsPortAndDatabaseAfterPasswordForStayAndThePasswordAfterAColonGoes() {
        FormChecks.untouched(redactor, "Messages: password for svc_checkout@db.internal.acme.net:5432/analytics must be rotated");
        FormChecks.untouched(redactor, "password for crm-db.acme.net:5433 is stale");
        for (int k = 0; k < 8; k++) {
            String p = password();
            FormChecks.gone(redactor, "password for svc@db.acme.net: " + p, p, "password for svc@db.acme.net: ");
            FormChecks.gone(redactor, "password for user bob: " + p, p, "password for user bob: ");
        }
    }

    @Test
    void czechAndTurkishLabelsOfAPasswordAKeyAndATaxNumberGo() {
        for (int k = 0; k < 8; k++) {
            String p = password();
            String key = FormChecks.token(random, 32);
            String vkn = FormChecks.digits(random, 10, '0', 10);
            FormChecks.gone(redactor, "musteri: email=x@y.tr sifre=" + p + " durum=aktif", p, "durum=aktif");
            FormChecks.gone(redactor, "müşteri: {'şifre': '" + p + "'}", p, "müşteri: {'şifre': '");
            FormChecks.gone(redactor, "uživatel: {\"heslo\": \"" + p + "\"}", p, "\"heslo\": \"");
            FormChecks.gone(redactor, "zákazník: {\"api_klic\": \"" + key + "\", \"ico\": null}", key, "\"ico\": null");
            FormChecks.gone(redactor, "API klíč: " + key, key, "API klíč: ");
            FormChecks.gone(redactor, "request: {\"vergi_no\":\"" + vkn + "\",\"il\":\"Ankara\"}", vkn, "\"il\":\"Ankara\"");
            FormChecks.gone(Redactor.atRest(), "{'vergi_no': '" + vkn + "'}", vkn, "{'vergi_no': '");
        }
        // a label's value that says it is hidden, and a number too short to be a tax number, stay
        FormChecks.untouched(redactor, "heslo: (skryto)");
        FormChecks.untouched(redactor, "vergi_no: 12");
    }

    @Test
    void aSlackWebhooksThreeIdsGoWithoutTheirPathAndLookalikesStay() {
        for (int k = 0; k < 8; k++) {
            String ids = "T" + capsDigits(10) + "/B" + capsDigits(10) + "/" + FormChecks.token(random, 24);
            FormChecks.gone(redactor, "| FL_SLACK_URL     | " + ids + "      |", ids, "| FL_SLACK_URL     | ");
            FormChecks.gone(Redactor.atRest(), "SLACK_IDS=" + ids + "\n", ids, "SLACK_IDS=");
            // the secret part one short, or a workspace id in small letters: no webhook's ids
            FormChecks.untouched(redactor, "path T" + capsDigits(10) + "/B" + capsDigits(10) + "/"
                    + FormChecks.token(random, 23) + " seen");
            FormChecks.untouched(redactor, "path t" + capsDigits(10).toLowerCase() + "/B" + capsDigits(10) + "/"
                    + FormChecks.token(random, 24).toLowerCase().replaceAll("[0-9]", "a") + " seen");
        }
    }

    @Test
    void bundlersCredentialsForAGemSourceGoAndItsOtherSettingsStay() {
        for (int k = 0; k < 8; k++) {
            String login = FormChecks.hex(random, 8) + ":" + FormChecks.hex(random, 8);
            FormChecks.gone(redactor, "BUNDLE_GEMS__CONTRIBSYS__COM=" + login + "\n", login, "BUNDLE_GEMS__CONTRIBSYS__COM=");
            FormChecks.gone(Redactor.atRest(), "export BUNDLE_RUBYGEMS__PKG__GITHUB__COM=" + login, login);
        }
        FormChecks.untouched(redactor, "BUNDLE_BUILD__NOKOGIRI=--use-system-libraries");
        FormChecks.untouched(redactor, "BUNDLE_MIRROR__RUBYGEMS__ORG=https://gems.mirror.example.org");
        FormChecks.untouched(redactor, "BUNDLE_PATH=vendor/bundle BUNDLE_JOBS=4");
    }

    /** ОГРН: thirteen digits, the last the first twelve's number mod 11, then mod 10; ОГРНИП: fifteen, mod 13. */
    static boolean ogrn(String v) {
        int n = v.length();
        return (n == 13 || n == 15)
                && Long.parseLong(v.substring(0, n - 1)) % (n == 13 ? 11 : 13) % 10 == v.charAt(n - 1) - '0';
    }

    @Test
    void russiasStateRegistrationNumbersGoByTheirCheckAfterTheirNameAndAWrongCheckStays() {
        FormChecks.numbersAndTwins(() -> FormChecks.drawn(random, "1", 12, SeventeenthFormsTest::ogrn),
                SeventeenthFormsTest::ogrn, "клиент: ОГРН ", ", статус: активен");
        // a sole trader's fifteen digits from 3 are a card's shape too: its twin must fail Luhn's check as well
        FormChecks.numbersAndTwins(() -> FormChecks.drawn(random, "3", 14, SeventeenthFormsTest::ogrn),
                v -> ogrn(v) || Values.luhn(v, 0, v.length()), "ИП Иванов, ОГРНИП: ", "\n");
        FormChecks.numbersAndTwins(() -> FormChecks.drawn(random, "5", 12, SeventeenthFormsTest::ogrn),
                SeventeenthFormsTest::ogrn, "{\"ogrn\": \"", "\"}");
        String v = FormChecks.drawn(random, "1", 12, SeventeenthFormsTest::ogrn);
        // without the name, under another name, or a company's number under the sole trader's name
        FormChecks.untouched(redactor, "build " + v + " passed");
        FormChecks.untouched(redactor, "ИНН-ОГРНX " + v);
        FormChecks.untouched(redactor, "ОГРНИП " + v);
    }

    @Test
    void aKeyIdOfSixteenCapitalsWithTwoDigitsInsideGoesAndANamesNumberAtItsEndStays() {
        for (int k = 0; k < 8; k++) {
            String id = "R" + (char) ('1' + random.nextInt(9)) + "NWAZRZMQC" + (char) ('1' + random.nextInt(9)) + "LBCBX";
            FormChecks.gone(redactor, "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                    + "username=\"" + id + "\" password=\"x\";", id, "username=\"");
        }
        FormChecks.untouched(redactor, "username: REPORTINGSERVICE01");
        FormChecks.untouched(redactor, "user=DEADBEEF00112233");
    }
}
