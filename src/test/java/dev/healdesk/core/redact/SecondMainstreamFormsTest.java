package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the second outside measure ({@link SecondMainstreamMeasureTest}) and probe lines
 * beside it found leaking in mainstream tools' failure output: a phone's label with an accent, in Cyrillic, with a
 * number's word after it or run into it, and a slash between a number's groups; the text of an Android view that a
 * hierarchy dump says is a password field; the body an element's {@code /value} endpoint gets in a driver's proxy log;
 * the bind parameters Sequelize prints after its statement and Entity Framework Core's positional ones above theirs; a
 * card in three groups between blanks; a connection string's value in braces; zip's, 7-Zip's and rabbitmqadmin's
 * password flags; a secret's name with a type annotation before its value ({@code let token: &str = …}); and, kept,
 * a host's port and path after a login word. Each on the line it was written for and on invented lines of other tools,
 * with counter-examples that must come through as they are. Values are made at test time.
 */
class SecondMainstreamFormsTest {

    private final Random random = new Random(34_2027L);
    private final Redactor redactor = Redactor.standard();

    private String password() {
        return "Harbor" + FormChecks.digits(random, 4, '1', 9) + ".qz";
    }

    private String digits(int n) {
        return FormChecks.digits(random, n, '1', 9);
    }

    @Test
    void aPhonesLabelIsReadOverItsAccentAndANumbersWordAfterItOrRunIntoIt() {
        String mx = "55 " + digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "Teléfono: " + mx, mx, "Teléfono: ");
        String fr = "06 " + digits(2) + " " + digits(2) + " " + digits(2) + " " + digits(2);
        FormChecks.gone(redactor, "{\"téléphone\": \"" + fr + "\", \"ville\": \"Lyon\"}", fr, "\"ville\": \"Lyon\"");
        String in = "9" + digits(4) + "-" + digits(5);
        FormChecks.gone(redactor, "Mobile No: " + in + " OTP sent", in, "Mobile No: ", " OTP sent");
        String de = "030 " + digits(7);
        FormChecks.gone(redactor, "  Phone Nr.: " + de, de);
        String nl = "020-" + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "\"telefoonnummer\": \"" + nl + "\"", nl, "\"telefoonnummer\"");
        String de2 = "0171 " + digits(7);
        FormChecks.gone(redactor, "kunde.telefonnummer=" + de2, de2, "kunde.telefonnummer=");
        // a number's word after another word, or a phone's word that is no label, keeps its number
        FormChecks.untouched(redactor, "Order No: 2024-0514-7781");
        FormChecks.untouched(redactor, "build No: 1234567");
        FormChecks.untouched(redactor, "Invoice Nr.: 4711-0815-22");
        FormChecks.untouched(redactor, "Número: 12 345 678");
        FormChecks.untouched(redactor, "telephony worker count: 1234567");
    }

    @Test
    void aSlashBetweenAPhonesGroupsAfterItsLabel() {
        String de = "0171/" + digits(7);
        FormChecks.gone(redactor, "Telefon: " + de, de, "Telefon: ");
        String de2 = "(089) " + digits(3) + "/" + digits(4);
        FormChecks.gone(redactor, "{\"phone\": \"" + de2 + "\"}", de2);
        String de3 = "0711/" + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "    phone: '" + de3 + "',", de3, "phone: '");
        // a date, a ratio, a path's numbers: no phone, label or not
        FormChecks.untouched(redactor, "phone: 12/05/2024");
        FormChecks.untouched(redactor, "phone_verified_at: 2024/05/12");
        FormChecks.untouched(redactor, "pages: 1234/5678");
        FormChecks.untouched(redactor, "version: 1/2/3/4567890");
        FormChecks.untouched(redactor, "GET /api/phones/1234567/8901234 404");
    }

    @Test
    void theTextOfAnAndroidViewAHierarchyDumpCallsAPasswordFieldGoes() {
        String pw = password();
        FormChecks.gone(redactor, "androidx.test.espresso.NoMatchingViewException: No views in hierarchy found "
                + "matching: with id is <com.acme.app:id/btnLogin>\nView Hierarchy:\n+>EditText{id=2131230821, "
                + "res-name=password_input, text=" + pw + ", input-type=129}", pw, "res-name=password_input",
                "input-type=129}", "<com.acme.app:id/btnLogin>");
        String pin = digits(6);
        FormChecks.gone(redactor, "+------>AppCompatEditText{id=2131230822, res-name=code, visibility=VISIBLE, "
                + "text=" + pin + ", input-type=18, ime-target=true}", pin, "input-type=18, ime-target=true}");
        String words = "harbor " + password() + " velvet";
        FormChecks.gone(redactor, "+-->TextInputEditText{id=2131230823, res-name=login_secret, text=" + words
                + ", input-type=225, has-links=false}", words, "res-name=login_secret", "input-type=225");
        String pw2 = password();
        FormChecks.gone(redactor, "+---->EditText{id=2131230827, res-name=passwordField, visibility=VISIBLE, text="
                + pw2 + ", input-type=1}", pw2, "res-name=passwordField");
        // an e-mail field, a search box, a label: their text stays
        FormChecks.untouched(redactor, "+------>AppCompatEditText{id=2131230824, res-name=username, visibility=VISIBLE,"
                + " text=grace.okafor, input-type=33}");
        FormChecks.untouched(redactor, "+------>AppCompatEditText{id=2131230825, res-name=search_box, visibility="
                + "VISIBLE, text=Velvet4540.rm, input-type=1}");
        FormChecks.untouched(redactor, "+------>TextView{id=2131230826, res-name=password_hint, text=Forgot your "
                + "password?, input-type=0}");
        FormChecks.untouched(redactor, "+--->Spinner{id=2131230828, res-name=shipping_pin_region, text=North, "
                + "input-type=1}");
    }

    @Test
    void theBodyAnElementsValueEndpointGetsInADriversProxyLog() {
        String pw = password();
        String line = "[AndroidUiautomator2Driver@9f3a] Proxying [POST /element/00000000-0000-0033-ffff-ffff00000019/"
                + "value] to [POST http://127.0.0.1:8200/session/5e6f/element/00000000-0000-0033-ffff-ffff00000019/"
                + "value] with body: {\"elementId\":\"00000000-0000-0033-ffff-ffff00000019\",\"text\":\"" + pw
                + "\",\"replace\":false}";
        FormChecks.gone(redactor, line, pw, "00000000-0000-0033-ffff-ffff00000019", "\"replace\":false}");
        String pw2 = password();
        FormChecks.gone(redactor, "[XCUITest] Proxying [POST /element/0B000000-0000-0000-5C0F-000000000000/value] "
                + "with body: {\"value\":[\"" + pw2 + "\"]}", pw2, "0B000000-0000-0000-5C0F-000000000000");
        // typed text with no password's shape, and what a command reads rather than types, stay
        FormChecks.untouched(redactor, "[AndroidUiautomator2Driver@9f3a] Proxying [POST /element/0019/value] with "
                + "body: {\"elementId\":\"0019\",\"text\":\"hello world\",\"replace\":false}");
        FormChecks.untouched(redactor, "Proxying [GET /element/0019/attribute/value] to [GET http://127.0.0.1:8200/"
                + "session/5e6f/element/0019/attribute/value] with body: {\"text\":\"Ready2Ship\"}");
        FormChecks.untouched(redactor, "Proxying [POST /element/0019/property/value] with body: {\"text\":\"Ready2Ship\"}");
    }

    @Test
    void sequelizesBindParametersAfterItsStatementAreJudgedByTheirColumns() {
        String key = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "Executing (default): SELECT \"id\", \"email\" FROM \"Users\" AS \"User\" WHERE "
                + "\"User\".\"apiKey\" = $1 LIMIT 1; \"" + key + "\"", key, "\"User\".\"apiKey\" = $1 LIMIT 1; \"");
        String token = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "Executing (default): SELECT `id` FROM `users` WHERE `reset_token` = ? AND `id` = ?;"
                + " \"" + token + "\", 42", token, "\", 42");
        String pw = password();
        FormChecks.gone(redactor, "Executing (default): INSERT INTO \"Admins\" (\"id\",\"login\",\"password\") VALUES "
                + "(DEFAULT,$1,$2) RETURNING \"id\"; \"root\", \"" + pw + "\"", pw, "\"root\"");
        // ids, states and dates of the same lists stay; a "; " in prose or a cookie is no list
        FormChecks.untouched(redactor, "Executing (default): SELECT \"id\" FROM \"Orders\" WHERE \"status\" = $1 AND "
                + "\"customerId\" = $2; \"PAID\", 1842");
        FormChecks.untouched(redactor, "Executing (default): UPDATE \"Users\" SET \"updatedAt\"=$1 WHERE \"id\" = $2; "
                + "\"2024-05-03 11:05:00.000 +00:00\", 7");
        FormChecks.untouched(redactor, "Set-Cookie: theme=dark; \"Path=/\" where id = $1");
        FormChecks.untouched(redactor, "total = $1; 42 rows");
    }

    @Test
    void entityFrameworkCoresPositionalParametersAreJudgedByTheColumnsOfTheStatementBelow() {
        String phone = "06" + digits(8);
        String key = FormChecks.token(random, 32);
        String insert = "info: Microsoft.EntityFrameworkCore.Database.Command[20101]\n"
                + "      Executed DbCommand (3ms) [Parameters=[@p0='ana@example.org' (Nullable = false) (Size = 4000), "
                + "@p1='" + phone + "' (Size = 4000), @p2='" + key + "' (Size = 64), @p3='7'], CommandType='Text', "
                + "CommandTimeout='30']\n      SET IMPLICIT_TRANSACTIONS OFF;\n      SET NOCOUNT ON;\n"
                + "      INSERT INTO [Customers] ([Email], [Phone], [ApiKey], [TierId])\n      OUTPUT INSERTED.[Id]\n"
                + "      VALUES (@p0, @p1, @p2, @p3);";
        FormChecks.gone(redactor, insert, phone, "@p3='7'", "[TierId]", "OUTPUT INSERTED.[Id]");
        FormChecks.gone(redactor, insert, key);
        String token = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "      Executed DbCommand (2ms) [Parameters=[@p1='" + token + "', @p0='42'], "
                + "CommandType='Text', CommandTimeout='30']\n      UPDATE \"Users\" SET \"ResetToken\" = @p1\n"
                + "      WHERE \"Id\" = @p0;", token, "@p0='42'");
        // ids, states and counts of the same commands stay
        FormChecks.untouched(redactor, "      Executed DbCommand (1ms) [Parameters=[@p0='PAID' (Size = 16), @p1='1842'], "
                + "CommandType='Text', CommandTimeout='30']\n      UPDATE [Orders] SET [Status] = @p0\n"
                + "      WHERE [Id] = @p1;");
        FormChecks.untouched(redactor, "      Executed DbCommand (4ms) [Parameters=[@p0='2024-05-03T11:05:00.0000000Z', "
                + "@p1='3'], CommandType='Text', CommandTimeout='30']\n      INSERT INTO \"Events\" (\"At\", \"Count\")\n"
                + "      VALUES (@p0, @p1);");
    }

    @Test
    void aCardOfThreeGroupsAsAmericanExpressAndDinersPrintThemGoesBetweenBlanks() {
        String amex = Fakes.luhn("37" + digits(12));
        String spaced = amex.substring(0, 4) + " " + amex.substring(4, 10) + " " + amex.substring(10);
        FormChecks.gone(redactor, "Stripe::CardError: Your card was declined. (card: " + spaced + ", decline_code: "
                + "insufficient_funds)", spaced, "decline_code: insufficient_funds");
        String diners = Fakes.luhn("3056" + digits(9));
        String grouped = diners.substring(0, 4) + " " + diners.substring(4, 10) + " " + diners.substring(10);
        FormChecks.gone(redactor, "payment: { pan: '" + grouped + "' }", grouped);
        // the same grouping where the check digit fails, or a first digit no card has, stays
        String twin = FormChecks.twin(amex, t -> Values.luhn(t, 0, t.length()));
        FormChecks.untouched(redactor, "card: " + twin.substring(0, 4) + " " + twin.substring(4, 10) + " "
                + twin.substring(10) + ", decline_code: incorrect_number");
        FormChecks.untouched(redactor, "order 1234 567890 12345 shipped");
        FormChecks.untouched(redactor, "build 7782 822463 10005 (nightly)");
    }

    @Test
    void aConnectionStringsValueInBracesGoesWholeSemicolonsAndAll() {
        String pw = "Zq" + digits(2) + ";Harbor" + digits(3) + "x";
        FormChecks.gone(redactor, "jdbc:sqlserver://sql.ci:1433;databaseName=Shop;user=shop;password={" + pw
                + "};encrypt=true", pw, "databaseName=Shop;user=shop;", ";encrypt=true");
        String pw2 = password() + "}}" + digits(2);
        FormChecks.gone(redactor, "Driver={ODBC Driver 18 for SQL Server};Server=sql.ci;UID=shop;PWD={" + pw2
                + "};Encrypt=yes", pw2, "Driver={ODBC Driver 18 for SQL Server};Server=sql.ci;UID=shop;", ";Encrypt=yes");
        String pw3 = password();
        FormChecks.gone(redactor, "connectionString: \"Server=db;Password={" + pw3 + "};\"", pw3, "Server=db;");
        // templates' placeholders and a driver's name in braces stay
        FormChecks.untouched(redactor, "Server=db;User Id=app;Password={password};");
        FormChecks.untouched(redactor, "Password={0};User={1}");
        FormChecks.untouched(redactor, "password={{ .Values.db.password }}");
        FormChecks.untouched(redactor, "Driver={ODBC Driver 18 for SQL Server};Server=sql.ci;Trusted_Connection=yes");
        // a JSON object after '=' is read as JSON: its ids stay, its secret goes by its own name
        String secret = password();
        FormChecks.gone(redactor, "##[debug]AZURE_CREDENTIALS={\"clientId\":\"dd2caa11-2347-49ec-8bce-e25c93aed0bc\","
                + "\"clientSecret\":\"" + secret + "\",\"tenantId\":\"e8ddb4a8-137a-40c1-b10d-2fc9f4b05503\"}", secret,
                "dd2caa11-2347-49ec-8bce-e25c93aed0bc", "e8ddb4a8-137a-40c1-b10d-2fc9f4b05503");
    }

    @Test
    void anArchivesPasswordAndRabbitmqadminsGoAfterTheirFlags() {
        String pw = password();
        FormChecks.gone(redactor, "+ zip -P " + pw + " artifacts.zip report.html", pw, "artifacts.zip report.html");
        String pw2 = password();
        FormChecks.gone(redactor, "+ unzip -o -P " + pw2 + " artifacts.zip -d out", pw2, "artifacts.zip -d out");
        String pw3 = password();
        FormChecks.gone(redactor, "+ 7z x -p" + pw3 + " backup.7z -o/tmp/restore", pw3, " backup.7z -o/tmp/restore");
        String pw4 = password();
        FormChecks.gone(redactor, "+ rabbitmqadmin -H rabbit.internal -u admin -p " + pw4 + " list queues", pw4,
                "-H rabbit.internal -u admin -p ", " list queues");
        // the same tools' other flags, and -p of other commands, stay
        FormChecks.untouched(redactor, "+ zip -r -q build.zip dist -x '*.map'");
        FormChecks.untouched(redactor, "+ 7z a -t7z -mx=9 -mhe=on backup.7z data/");
        FormChecks.untouched(redactor, "+ rabbitmqadmin -H rabbit.internal -P 15672 -V orders list queues");
        FormChecks.untouched(redactor, "+ mkdir -p /tmp/restore && tar -xzf backup.tgz -C /tmp/restore");
        FormChecks.untouched(redactor, "+ docker run -p 5672:5672 -p 15672:15672 rabbitmq:3-management");
    }

    @Test
    void aPhonesLabelInAnotherScriptOrWithAnAccentInsideIt() {
        String ru = "8 (9" + digits(2) + ") " + digits(3) + "-" + digits(2) + "-" + digits(2);
        FormChecks.gone(redactor, "Телефон: " + ru, ru, "Телефон: ");
        String ru2 = "8 495 " + digits(3) + " " + digits(2) + " " + digits(2);
        FormChecks.gone(redactor, "{\"тел.\": \"" + ru2 + "\"}", ru2);
        String pt = "91" + digits(1) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "telemóvel: " + pt, pt, "telemóvel: ");
        // a label in the same script that names no phone keeps its number (grouped as no phone is: a trunk 8 before
        // 3-3-2-2 is a Russian phone wherever it stands, ReleasedThirteenthFormsTest)
        FormChecks.untouched(redactor, "Номер заказа: 912 345 678");
        FormChecks.untouched(redactor, "телеграм_id: 912 345 678");
        FormChecks.untouched(redactor, "módulo: 912 345 678");
    }

    @Test
    void aSecretsNameWithATypeAnnotationBeforeItsValue() {
        String key = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "    let token: &str = \"" + key + "\";", key, "let token: &str = \"");
        String key2 = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "const TOKEN: &'static str = \"" + key2 + "\";", key2, "const TOKEN: &'static str");
        String key3 = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "  private readonly apiSecret: string = '" + key3 + "';", key3, "apiSecret: string = '");
        String key4 = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "val slackToken: String = \"" + key4 + "\"", key4, "val slackToken: String = ");
        String key5 = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "api_key: str = \"" + key5 + "\"", key5, "api_key: str = ");
        String pw = password();
        FormChecks.gone(redactor, "    password: Optional[str] = \"" + pw + "\"", pw, "password: Optional[str] = \"");
        String key6 = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "let api_key: String = String::from(\"" + key6 + "\");", key6, "String::from(\"");
        // a name that names no secret, a value that is no secret, a comparison: as they are
        FormChecks.untouched(redactor, "let count: u32 = 42;");
        FormChecks.untouched(redactor, "const name: string = 'Zq8vN2rT5xLwYb4kP7mC9dF3hJ6gS1aE';");
        FormChecks.untouched(redactor, "let token_kind: &str = \"bearer\";");
        FormChecks.untouched(redactor, "secret: ${{ secrets.DEPLOY_KEY }}");
        FormChecks.untouched(redactor, "  expect(token: string = undefined)");
    }

    @Test
    void aHostsPortAndPathAfterALoginWordIsNoUserAndPassword() {
        String pw = password();
        FormChecks.gone(redactor, "$ http --auth admin:" + pw + " GET :8080/api/users", pw, "GET :8080/api/users");
        String pw2 = password();
        FormChecks.gone(redactor, "$ http --auth admin:" + pw2 + " GET localhost:8080/api", pw2, "localhost:8080/api");
        // a password after a login word still goes, digits first or not
        String pw3 = "8080" + password();
        FormChecks.gone(redactor, "stats auth admin:" + pw3, pw3, "stats auth admin:");
        FormChecks.untouched(redactor, "login to registry.acme.dev:5000/v2/ failed");
    }
}
