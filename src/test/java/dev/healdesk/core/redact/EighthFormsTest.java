package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the eighth corpus collection's tune part leaked or lost: a phone number by its
 * label in more syntaxes (a hash rocket, a dumper's sign before a property, an XML element's name attribute, a table's
 * column, an error's prose), China's mobile and India's Aadhaar by their printed layout, more names of persons' numbers
 * and passwords, CSRF cookies, ASP.NET Core's protected payloads, Stripe's card tokens, cqlsh's -p, wider tables under a
 * dashed rule and namespaced keys under a KEY/VALUE header, a PIN in shared_prefs; and two keeps: a CI's own mask word
 * and the URL that Cocoa's userInfo keys hold. Each on lines written for this test, not taken from the corpus, with
 * counter-examples that must come through as they are. Values are made at test time.
 */
class EighthFormsTest {

    private final Random random = new Random(8_2026L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '2', 7);   // 2-8: no leading 0 or 1, no 9xx
    }

    @Test
    void aPhoneNumberGoesByItsLabelInMoreSyntaxes() {
        String pt = "9" + digits(2) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "App\\Entity\\Member {#77\n  -id: 4410\n  -phone: \"" + pt + "\"\n}", pt, "-id: 4410");
        FormChecks.gone(redactor, "  \"mobile\" => \"" + pt + "\",\n  \"plan\" => \"pro\"", pt, "\"plan\" => \"pro\"");
        FormChecks.gone(redactor, "%{phone: \"" + pt + "\"}", pt);
        String sg = "8" + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "<map>\n    <string name=\"contact_phone\">" + sg + "</string>\n    <int name=\"launches\" "
                + "value=\"4211\" />\n</map>", sg, "<int name=\"launches\" value=\"4211\" />");
        FormChecks.gone(redactor, "<entry key=\"user.mobile\">" + sg + "</entry>", sg, "<entry key=\"user.mobile\">");
        FormChecks.untouched(redactor, "<string name=\"build_number\">2024 0514 77</string>");
        FormChecks.untouched(redactor, "  \"retries\" => \"1234 5678\"");
    }

    @Test
    void aPhoneColumnOfAPsqlOrCqlshTableGoesInAnyLayout() {
        String no = digits(3) + " " + digits(2) + " " + digits(3);
        FormChecks.gone(redactor, " id | name | mobile_phone | city\n----+------+--------------+------\n 7 | Ann | " + no
                + " | Oslo\n", no, " 7 | Ann | ", " | Oslo");
        FormChecks.untouched(redactor, " id | phone_verified | city\n----+----------------+------\n 7 | 2024-05-14 | Oslo\n");
        FormChecks.untouched(redactor, " id | phone | city\n----+-------+------\n 7 | +47 000 00 000 | Oslo\n");
    }

    @Test
    void aNumberAnSmsErrorCallsANumberGoes() {
        String sg = "9" + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "Unable to create record: The 'To' number " + sg + " is not a valid phone number.", sg,
                "is not a valid phone number.");
        FormChecks.gone(redactor, "SMS failed: mobile number " + sg + " is unreachable", sg, "is unreachable");
        FormChecks.untouched(redactor, "Order number 20240514 shipped to the phone shop");
        FormChecks.untouched(redactor, "build number 4711 0815 failed");
    }

    @Test
    void chinasMobileAndAnAadhaarGoByTheirPrintedLayout() {
        String cn = "13" + digits(1) + " " + digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "XCTAssertEqual failed: (\"" + cn + "\") is not equal to (\"stub\")", cn,
                "XCTAssertEqual failed");
        String aadhaar = digits(4) + " " + digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "ValidationError: '" + aadhaar + "' does not match '^\\\\d{12}$'", aadhaar,
                "does not match");
        FormChecks.untouched(redactor, "+86 138 0000 0000 is the placeholder");
        FormChecks.untouched(redactor, "sizes 128 1024 4096 bytes; 1024 2048 4096 too");
    }

    @Test
    void morePersonalNumbersAndPasswordsGoByTheirNames() {
        String pps = digits(7) + "T";
        FormChecks.gone(redactor, "level=INFO msg=signup user.pps=" + pps + " request_id=42", pps, "request_id=42");
        FormChecks.untouched(redactor, "tx pps=1200 rx pps=980");
        String password = "Harbour" + digits(4) + "*zq";
        FormChecks.gone(redactor, "connectionString=\"Server=sql1;User ID=app;Pasword=" + password + "\"", password,
                "User ID=app");
        FormChecks.gone(redactor, "Passwort: " + password, password);
        FormChecks.untouched(redactor, "Keyword not supported: 'pasword'.");
    }

    @Test
    void aCsrfCookieGoesByItsName() {
        String csrf = FormChecks.token(random, 43);
        FormChecks.gone(redactor, "Cookies: [sid=abc; path=/, _csrf=" + csrf + "; path=/; sameSite=Strict]", csrf,
                "sameSite=Strict");
        FormChecks.gone(redactor, "Cookies\n.AspNetCore.Antiforgery.Qx7p\t" + csrf + "\n", csrf, ".AspNetCore.Antiforgery.Qx7p\t");
        FormChecks.gone(redactor, "XSRF-TOKEN=" + csrf, csrf);
        FormChecks.untouched(redactor, "csrf=disabled for /health");
        FormChecks.untouched(redactor, "Cookies\n.AspNetCore.Culture.v2\tc=en-GB|uic=en-GB\n");
    }

    @Test
    void protectedPayloadsAndCardTokensGoByTheirShape() {
        String payload = "CfDJ8" + FormChecks.token(random, 120);
        FormChecks.gone(redactor, "Cookie\t.AspNetCore.Session=" + payload, payload, "Cookie\t.AspNetCore.Session=");
        FormChecks.gone(redactor, "GET /Account/Confirm?token=x&state=" + payload + " 302", payload, " 302");
        String tok = "tok_1" + FormChecks.token(random, 23);
        FormChecks.gone(redactor, "post_data=amount=4200&source=" + tok + "&currency=eur", tok, "&currency=eur");
        FormChecks.untouched(redactor, "(Request req_Qx7pLm2Nb4Vc9z) payment_intent pi_3PQx7pLm2Nb4Vc9zAbCdEfGh");
        FormChecks.untouched(redactor, "lexer: tok_eof reached after tok_ident");
    }

    @Test
    void aCqlshOrCypherShellPasswordGoesAfterItsFlag() {
        String password = "Copper" + digits(4) + ".jz";
        FormChecks.gone(redactor, "$ cqlsh cass-1.acme.test 9042 -u orders_svc -p " + password + " -e \"SELECT 1\"", password,
                "-u orders_svc", "-e \"SELECT 1\"");
        FormChecks.gone(redactor, "cypher-shell -a bolt://graph:7687 -u neo4j -p " + password, password, "-u neo4j");
        FormChecks.untouched(redactor, "nodetool -h cass-1 -p 7199 status");
    }

    @Test
    void aWiderTableUnderADashedRuleAndANamespacedKeyUnderAHeaderGo() {
        String hex = FormChecks.token(random, 32).toLowerCase();
        String hex2 = FormChecks.token(random, 32).toLowerCase();
        String table = " ------------ ------------------------------------ ------- ------\n"
                + "  Variable     Value                                .env    .env.local\n"
                + " ------------ ------------------------------------ ------- ------\n"
                + "  APP_SECRET   " + hex + "   n/a     " + hex2 + "\n"
                + "  APP_ENV      dev                                  n/a     prod\n";
        FormChecks.gone(redactor, table, hex, "APP_ENV      dev                                  n/a     prod");
        FormChecks.gone(redactor, table, hex2);
        String password = "Quartz" + digits(4) + "-vt";
        FormChecks.gone(redactor, "KEY                 VALUE\naws:region          eu-west-1\nshop:dbPassword     " + password
                + "\n", password, "aws:region          eu-west-1");
        FormChecks.untouched(redactor, "note:password changed");
        FormChecks.untouched(redactor, "NAME                VALUE\nshop:dbHost         db.acme.test\n");
    }

    @Test
    void aPinInSharedPrefsGoesAndAFormsControlStays() {
        String pin = digits(6);
        FormChecks.gone(redactor, "<map>\n    <string name=\"pin\">" + pin + "</string>\n</map>", pin, "<string name=\"pin\">");
        FormChecks.untouched(redactor, "<button name=\"password\">Show</button>");
        FormChecks.untouched(redactor, "<int name=\"pin_attempts\">3</int>");
    }

    @Test
    void aServiceAccountsPrivateKeyIdStaysAsTheFirstCollectionAsks() {
        String id = FormChecks.token(random, 40).toLowerCase();
        FormChecks.untouched(redactor, "{\"type\": \"service_account\", \"private_key_id\": \"" + id + "\"}");
    }

    @Test
    void aCisOwnMaskWordStays() {
        FormChecks.untouched(redactor, "$ export DB_PASSWORD=[secure]");
        FormChecks.untouched(redactor, "api_token: [protected]");
        String password = "Secure" + digits(4) + "!x";
        FormChecks.gone(redactor, "$ export DB_PASSWORD=" + password, password);
        FormChecks.gone(redactor, "password=secure", "secure");
    }

    @Test
    void aFailingUrlInCocoasUserInfoKeepsItsHostAndPath() {
        String token = "gho_" + FormChecks.token(random, 36);
        FormChecks.gone(redactor, "UserInfo={NSErrorFailingURLStringKey=https://api.acme.test/v2/carts?access_token=" + token
                + ", NSErrorFailingURLKey=https://api.acme.test/v2/carts, _kCFStreamErrorDomainKey=4}", token,
                "NSErrorFailingURLStringKey=https://api.acme.test/v2/carts?access_token=",
                "NSErrorFailingURLKey=https://api.acme.test/v2/carts,", "_kCFStreamErrorDomainKey=4");
        String secret = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "STRIPE_SIGNING_KEY=" + secret, secret);
    }

    @Test
    void theSecondHalfOfAPairAfterAKeyOfKnownShapeGoes() {
        String sid = "AC" + FormChecks.hex(random, 32);
        String token = FormChecks.hex(random, 32);
        FormChecks.gone(redactor, "    client = Client(\"" + sid + "\", \"" + token + "\")", token, "client = Client(\"");
        FormChecks.gone(redactor, "    client = Client('" + sid + "', '" + token + "')", token);
        FormChecks.untouched(redactor, "    client = Client(\"orders\", \"0123456789abcdef0123456789abcdef\")");
        FormChecks.gone(redactor, "Credentials(\"AKIAZ7QX2LM4NB6VC3PD\", \"us-east-1\")", "AKIAZ7QX2LM4NB6VC3PD", "\"us-east-1\"");
    }

    @Test
    void aPasswordTypedAsACommandGoesFromAShellsHistory() {
        String password = "Orchid" + digits(4) + ".vk";
        FormChecks.gone(redactor, "$ cat ~/.bash_history\n#1715682151\ncd /srv/orders\n#1715682230\n" + password
                + "\n#1715682240\nsudo systemctl restart orders\n", password, "cd /srv/orders",
                "sudo systemctl restart orders");
        FormChecks.untouched(redactor, "#1715682151\npython3\n#1715682160\nmake test\n#1715682170\nDockerfile\n");
        FormChecks.untouched(redactor, "#1715682151\nexport PGPASSWORD\n#1715682160\n./gradlew2\n");
    }
}
