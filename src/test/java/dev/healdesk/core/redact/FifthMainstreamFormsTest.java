package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms written for what the fifth outside measure ({@link FifthMainstreamMeasureTest}) found leaking or
 * lost: labels in more languages, Cyrillic and Greek script among them ({@code local-labels.json}: пароль, jelszó, kata
 * sandi, şifre, parolă, lösenord, κωδικός; СНИЛС, ИНН, rodné číslo, NIK, ΑΦΜ, ΑΜΚΑ, henkilötunnus); a time- or
 * counter-based one-time code by its bare name (totp, hotp); a declaration's scalar type after a password's name kept
 * ({@code $password: String!}, {@code password: String}); a breadcrumb's angle quote between blanks kept as no
 * separator (a test runner's title path, {@code resetPassword › rejects}); and skopeo's --creds, --src-creds and
 * --dest-creds, whose user stays and whose password goes ({@code token-rules.json}); an OpenTelemetry attribute's
 * typed value judged by its key ({@code {"key": "…auth_token", "value": {"stringValue": "…"}}}); a sample config's
 * "changeme" kept as a placeholder ({@code Values}). Each on lines of other tools and
 * words than the measure's, with counter-examples that must come through as they are. Values are made at test time.
 */
class FifthMainstreamFormsTest {

    private final Random random = new Random(45_2028L);
    private final Redactor redactor = Redactor.standard();

    private String password() {
        return "Birch" + FormChecks.digits(random, 4, '1', 9) + "%qv";
    }

    @Test
    void aPasswordByItsLabelInMoreLanguagesAndScripts() {
        String[] labels = {"пароль", "Пароль", "ПАРОЛЬ", "jelszó", "Jelszó", "kata sandi", "Kata-Sandi", "şifre", "Şifre",
                "parolă", "heslo", "lozinka", "mật khẩu", "κωδικός", "Κωδικός πρόσβασης", "lösenord", "Lösenord",
                "adgangskode", "geslo", "parool", "slaptažodis"};
        for (String label : labels) {
            String pw = password();
            FormChecks.gone(redactor, "2024-06-11 ERROR sync: " + label + "=" + pw + ", host=db-07.internal", pw,
                    label + "=", "host=db-07.internal");
            FormChecks.gone(redactor, "{\"" + label + "\": \"" + pw + "\", \"port\": 5433}", pw, "\"port\": 5433");
            FormChecks.gone(Redactor.atRest(), label + ": " + pw, pw, label + ": ");
        }
        // the labels' words in prose (no separator), masked values, placeholders, and words that only contain them
        FormChecks.untouched(redactor, "Пароль успешно изменён 2024-06-11");
        FormChecks.untouched(redactor, "пароль: ********");
        FormChecks.untouched(redactor, "jelszó: (rejtett)");
        FormChecks.untouched(redactor, "Şifre: <gizli>");
        FormChecks.untouched(redactor, "κωδικός: [κρυφό]");
        FormChecks.untouched(redactor, "lösenord=${DB_LOSENORD}");
        FormChecks.untouched(redactor, "parolachiave_policy=strict parolaccia=no");
        FormChecks.untouched(redactor, "Der Parolaweg 12 ist gesperrt");
    }

    @Test
    void aPersonsNumberByItsLabelInMoreLanguagesAndScripts() {
        String inn = FifthMainstreamMeasureTest.inn(random);
        String afm = FifthMainstreamMeasureTest.afm(random);
        String[][] cases = {
                {"ИНН", inn}, {"инн", inn}, {"СНИЛС", "112-233-445 95"}, {"РНОКПП", "3184710691"},
                {"rodné číslo", "736028/5163"}, {"Rodne-cislo", "7360285163"}, {"NIK", "3174096112900001"},
                {"ΑΦΜ", afm}, {"αφμ", afm}, {"ΑΜΚΑ", "01018012345"}, {"henkilötunnus", "131052-308T"},
                {"TAJ szám", "037687210"}, {"adóazonosító jel", "8123456789"}, {"số CCCD", "001203012345"}};
        for (String[] c : cases) {
            FormChecks.gone(redactor, "registration failed: " + c[0] + "=" + c[1] + ", branch=KIEV-04", c[1],
                    c[0] + "=", "branch=KIEV-04");
            FormChecks.gone(redactor, "{\"" + c[0] + "\":\"" + c[1] + "\",\"status\":\"rejected\"}", c[1],
                    "\"status\":\"rejected\"");
        }
        // a word where the label's number would be, and the labels inside longer words or in prose
        FormChecks.untouched(redactor, "ИНН: не указан");
        FormChecks.untouched(redactor, "NIK=jan_kowalski nickname=jan");
        FormChecks.untouched(redactor, "ΑΦΜ: άγνωστο");
        FormChecks.untouched(redactor, "Ihr ИНН wurde geprüft; Status ok");
        FormChecks.untouched(redactor, "nikon=D750 pannik=4 mosinn=2");
    }

    @Test
    void aTimeOrCounterBasedCodeByItsBareName() {
        for (String name : new String[] {"totp", "TOTP", "hotp"}) {
            String code = FormChecks.digits(random, 6, '1', 9);
            FormChecks.gone(redactor, "{\"" + name + "\":\"" + code + "\",\"device\":\"yubikey-5c\"}", code,
                    "yubikey-5c");
            FormChecks.gone(redactor, "POST /mfa/verify " + name + "=" + code + " user=svc-ops", code, "user=svc-ops");
        }
        // a flag, a setting's word, and the names of a secret's settings
        FormChecks.untouched(redactor, "{\"totp\": true, \"hotp\": false}");
        FormChecks.untouched(redactor, "totp_enabled=yes totp_issuer=Acme totp_digits=6 totp_period=30");
        FormChecks.untouched(redactor, "mfa methods: totp, webauthn, sms");
    }

    @Test
    void aDeclarationsTypeAfterAPasswordsNameIsNoValue() {
        FormChecks.untouched(redactor, "mutation Register($email: String!, $password: String!) { register(email: $email,"
                + " password: $password) { id } }");
        FormChecks.untouched(redactor, "func login(user: String, password: String) async throws -> Session");
        FormChecks.untouched(redactor, "fun authenticate(username: String, password: CharSequence?): Boolean");
        FormChecks.untouched(redactor, "def connect(host: str, password: str, port: Int = 5432)");
        FormChecks.untouched(redactor, "class Settings(BaseSettings): db_password: SecretStr");
        assertTrue(Judge.typeName("password: String!", 10, 17));
        assertTrue(Judge.typeName("pw:str", 3, 6) == false, "a type is written after a colon and a blank");
        // a value that only begins like a type, one after =, one quoted: values still
        for (String line : new String[] {"password: String1!", "password=String!", "password: Stringent42x",
                "password: \"Bool\"", "pin: Int3g3r!"}) {
            String out = redactor.redact(line);
            assertTrue(out.contains("[REDACTED_"), () -> line + " -> " + out);
        }
    }

    @Test
    void aBreadcrumbsAngleQuoteBetweenBlanksIsNoSeparator() {
        FormChecks.untouched(redactor, "  ✘ chromium › auth/login.spec.ts:14:5 › Login › password › rejects a wrong"
                + " one (2.1s)");
        FormChecks.untouched(redactor, "● Account › changePassword › keeps the old session");
        FormChecks.untouched(redactor, "Settings » Security » Password » Change");
        assertTrue(Separators.breadcrumb("a › b", 2));
        assertFalse(Separators.breadcrumb("Passwort »geheim«", 9));
        // a quote that touches what it quotes, and a value after another separator, still go
        String pw = password();
        FormChecks.gone(redactor, "Passwort »" + pw + "« wurde abgelehnt", pw);
        FormChecks.gone(redactor, "token › " + pw.length() + " chars; password → " + pw, pw);
    }

    @Test
    void anOpenTelemetryAttributesTypedValueIsJudgedByItsKey() {
        String token = "tk" + FormChecks.token(random, 30);
        String pw = password();
        FormChecks.gone(redactor, "{\"resource\":{\"attributes\":[{\"key\":\"host.name\",\"value\":{\"stringValue\":"
                + "\"ip-10-0-4-12\"}},{\"key\":\"stripe.api_key\",\"value\":{\"stringValue\":\"" + token + "\"}}]}}",
                token, "ip-10-0-4-12", "stripe.api_key");
        FormChecks.gone(redactor, "attributes: [{ key: 'db.user', value: { stringValue: 'reporting' } }, { key: 'db.password',"
                + " value: { stringValue: '" + pw + "' } }]", pw, "reporting");
        FormChecks.gone(Redactor.atRest(), "{\"key\":\"mqtt.password\",\"value\":{\"stringValue\":\"" + pw + "\"}}", pw);
        // attributes whose keys name no secret, a number's type, and a stringValue that is no value's member
        FormChecks.untouched(redactor, "[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"checkout-7f9c2a1b0e\"}},"
                + "{\"key\":\"http.status_code\",\"value\":{\"intValue\":\"401\"}}]");
        FormChecks.untouched(redactor, "{\"key\":\"token.count\",\"value\":{\"intValue\":\"4096\"}}");
        FormChecks.untouched(redactor, "{\"key\":\"auth.method\",\"value\":{\"stringValue\":\"password\"}}");
        FormChecks.untouched(redactor, "{\"label\":{\"stringValue\":\"Reset your password\"}}");
    }

    @Test
    void aSampleConfigsChangemeIsAPlaceholder() {
        FormChecks.untouched(redactor, "POSTGRES_PASSWORD=changeme REDIS_PASSWORD=change_me SMTP_PASSWORD=replaceme");
        FormChecks.untouched(redactor, "{\"adminPassword\": \"changeme\", \"host\": \"grafana.local\"}");
        FormChecks.untouched(Redactor.atRest(), "elastic.password: CHANGEME");
        // a password that only begins with the word, or has more to it, is one
        for (String pw : new String[] {"changeme1", "Changeme!2024", "changemeplz", "change_me_" + password()}) {
            FormChecks.gone(redactor, "POSTGRES_PASSWORD=" + pw + " POSTGRES_DB=app", pw, "POSTGRES_DB=app");
        }
    }

    @Test
    void skopeosCredentialsKeepTheUserAndLoseThePassword() {
        String pw = password();
        String other = password();
        FormChecks.gone(redactor, "skopeo copy --src-creds reader:" + pw + " --dest-creds writer:" + other
                + " docker://quay.io/acme/app:1.0 docker://registry.local/app:1.0", pw, "reader:", "writer:",
                "docker://quay.io/acme/app:1.0", "docker://registry.local/app:1.0");
        assertFalse(redactor.redact("skopeo inspect --creds bot:" + other + " docker://x/y").contains(other));
        FormChecks.gone(redactor, "skopeo inspect --creds=bot:" + pw + " docker://quay.io/acme/app", pw, "bot:");
        // the same flags on a command that is not skopeo's, and skopeo without credentials
        FormChecks.untouched(redactor, "skopeo copy docker://quay.io/acme/app:1.0 dir:/tmp/app");
        FormChecks.untouched(redactor, "rsync --src-creds-file /etc/creds.conf a b");
    }
}
