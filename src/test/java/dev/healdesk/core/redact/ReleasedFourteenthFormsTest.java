package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the fourteenth corpus collection's released held-out part and its tune part still
 * leaked or lost (redact36): Austria's UID by its ATU and check digit; a composite key that holds a UUID
 * ({@code CUST#<uuid>}, DynamoDB's single-table design) kept from the password shapes; a phone under a name that says so
 * at a line's end ({@code var.support_phone is "…"}, Terraform's validation error); a business's support line
 * ({@code SUPPORT_LINE="…"}); a VAT number by its label ({@code vat_id}, and a bare {@code vat} over 8 to 12 digits);
 * a gem source's credentials in Bundler's {@code bundle config} listing; and a verdict line that starts with a capital
 * {@code PASS:} (ZAP's baseline scan) kept. Each on lines written for this test, not taken from the corpus, in several
 * tools' syntaxes, with counter-examples that must come through as they are. Values are made at test time.
 */
class ReleasedFourteenthFormsTest {

    private static final String HEX = "0123456789abcdef";

    private final Random random = new Random(36_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String hex(int n) {
        StringBuilder b = new StringBuilder();
        b.append('a').append((char) ('1' + random.nextInt(9)));
        while (b.length() < n) {
            b.append(HEX.charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    private String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-8" + h.substring(17, 20)
                + "-" + h.substring(20, 32);
    }

    private String password() {
        return "Larch" + FormChecks.digits(random, 4, '2', 7) + "-qv";
    }

    /** Austria's UID check: (10 - (4 + S) mod 10) mod 10, S the odd places and the digit sums of the doubled even ones. */
    private static int uidCheck(String seven) {
        int s = 0;
        for (int k = 0; k < 7; k++) {
            int d = seven.charAt(k) - '0';
            s += k % 2 == 0 ? d : (2 * d) / 10 + (2 * d) % 10;
        }
        return (10 - (4 + s) % 10) % 10;
    }

    private String uid() {
        String body = FormChecks.digits(random, 7, '0', 10);
        return "ATU" + body + uidCheck(body);
    }

    private static boolean uidValid(String u) {
        return u.startsWith("ATU") && u.length() == 11 && uidCheck(u.substring(3, 10)) == u.charAt(10) - '0';
    }

    @Test
    void austriasUidGoesByItsAtuAndCheckDigitAndAWrongCheckStays() {
        // the specimen of python-stdnum's documentation, U13585627, with the country's AT
        FormChecks.gone(redactor, "{\"vatId\":\"ATU13585627\"}", "ATU13585627");
        FormChecks.numbersAndTwins(this::uid, ReleasedFourteenthFormsTest::uidValid, "Item: { uid: '", "', name: 'x' }");
        FormChecks.numbersAndTwins(this::uid, ReleasedFourteenthFormsTest::uidValid, "customer,", ",Wien,AT\n");
        FormChecks.numbersAndTwins(this::uid, ReleasedFourteenthFormsTest::uidValid, "<UID>", "</UID>");
        // the same digits after other letters, or run into a longer word, stay
        FormChecks.untouched(redactor, "sku: ATX13585627, part ATU135856271, ref XATU13585627");
    }

    @Test
    void aCompositeKeyThatHoldsAUuidStaysAndAPasswordOfTheSameSignsGoes() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            String id = uuid();
            FormChecks.untouched(r, "  command: PutCommand { input: { TableName: 'orders', Item: { pk: 'CUST#" + id
                    + "', sk: 'ORDER#" + uuid() + "#ITEM#3' } } }");
            FormChecks.untouched(r, "GetItem Key={\"PK\": {\"S\": \"TENANT#" + id + "\"}, \"SK\": {\"S\": \"PROFILE#v2\"}}");
            FormChecks.untouched(r, "cache miss for Invoice#" + id + "!");
            // a password of the same signs, and one with hex digits that are no UUID, still go
            String pw = "Fjord#" + FormChecks.digits(random, 4, '2', 7) + "Kx!q";
            FormChecks.gone(r, "login failed for bob with " + pw + " at step 2", pw);
            String near = "Cu#" + hex(8) + "-" + hex(4) + "-Zz9";
            FormChecks.gone(r, "retrying with " + near + " now", near);
        }
    }

    @Test
    void aPhoneUnderANameThatSaysSoAtALinesEndGoesInAnyGrouping() {
        String[] phones = {"8 65 " + FormChecks.digits(random, 2, '1', 8) + "-" + FormChecks.digits(random, 2, '1', 8)
                + "-" + FormChecks.digits(random, 2, '1', 8), "+" + FormChecks.digits(random, 11, '2', 7),
                "(0" + FormChecks.digits(random, 2, '1', 8) + ") " + FormChecks.digits(random, 6, '2', 7)};
        for (String phone : phones) {
            String tf = "╷\n│ Error: Invalid value for variable\n│\n│   on <value for var.support_phone> line 1:\n"
                    + "│   (source code not available)\n│     │ var.support_phone is \"" + phone + "\"\n│\n"
                    + "│ Phone numbers must be in E.164 format.\n╵";
            FormChecks.gone(redactor, tf, phone, "on <value for var.support_phone> line 1:", "var.support_phone is \"");
            FormChecks.gone(redactor, "[init] Setting CUSTOMER_PHONE to \"" + phone + "\"\nnext", phone,
                    "Setting CUSTOMER_PHONE to");
            FormChecks.gone(redactor, "prefs\n  owner.mobileNumber is '" + phone + "'\n", phone, "owner.mobileNumber is");
            // kept at rest, as phones are
            String at = atRest.redact(tf);
            org.junit.jupiter.api.Assertions.assertTrue(at.contains(phone), at);
        }
        String unquoted = "+" + FormChecks.digits(random, 11, '2', 7);
        FormChecks.gone(redactor, "ENV SUPPORT_PHONE " + unquoted + "\n", unquoted, "ENV SUPPORT_PHONE ");
        // a name that names no phone, a value that is no phone, a bare count or date under a phone's name: kept
        FormChecks.untouched(redactor, "x\n│     │ var.region is \"eu-west-1\"\n│     │ var.replicas is \"3\"\n");
        FormChecks.untouched(redactor, "x\n│     │ var.support_phone is \"call us\"\n");
        FormChecks.untouched(redactor, "x\nphone_verified_at 20240514\nphone_count is 12345678\n");
        FormChecks.untouched(redactor, "x\n│     │ var.support_phone is \"+1 555 000 0000\"\n");
    }

    @Test
    void aBusinessesSupportLineGoesWhenItsNumberIsGrouped() {
        String[] numbers = {FormChecks.digits(random, 4, '7', 3) + " " + FormChecks.digits(random, 4, '0', 10),
                "+268 " + FormChecks.digits(random, 4, '2', 7) + " " + FormChecks.digits(random, 4, '0', 10),
                FormChecks.digits(random, 3, '2', 7) + "-" + FormChecks.digits(random, 3, '2', 7) + "-"
                        + FormChecks.digits(random, 4, '0', 10)};
        for (String n : numbers) {
            FormChecks.gone(redactor, "  .env: API_URL=\"https://api.acme.net\" SUPPORT_LINE=\"" + n + "\"", n,
                    "API_URL=\"https://api.acme.net\" SUPPORT_LINE=\"");
            FormChecks.gone(redactor, "{ supportLine: '" + n + "', region: 'eu' }", n, "supportLine: '");
            FormChecks.gone(redactor, "help-line: " + n + "\n", n, "help-line: ");
        }
        // a line number, a line alone, a word that ends in "line", a value run together: kept
        FormChecks.untouched(redactor, "x\nend_line: 1234567\nline: \"7604 4558\"\npipeline: \"7604 4558\"\n");
        FormChecks.untouched(redactor, "x\nSUPPORT_LINE=\"76044558\"\nbaseline: 123 456 789\n");
    }

    @Test
    void sixDigitsBesideAnAddressAsOneContactGoAndACountNearAnAddressStays() {
        for (int k = 0; k < 4; k++) {
            String three = FormChecks.digits(random, 3, '3', 6) + " " + FormChecks.digits(random, 3, '0', 10);
            String two = FormChecks.digits(random, 2, '3', 6) + " " + FormChecks.digits(random, 2, '0', 10) + " "
                    + FormChecks.digits(random, 2, '0', 10);
            FormChecks.gone(redactor, "Checkout | readyEvent console: customer anna@shop.example.ad / " + three
                    + " loaded", three, "Checkout | readyEvent console: customer ", " loaded");
            FormChecks.gone(redactor, "contact: " + two + ", jon@mail.example.fo\n", two, "contact: ");
            FormChecks.gone(redactor, "| 42 | Aka Olsen | aka@example.gl | " + three + " |", three, "| 42 | Aka Olsen |");
        }
        // a count or a size on the address's line but not paired with it, a 4-2 grouping, a year: kept
        String counts = redactor.redact("sent 125 430 bytes to anna@shop.example.ad\n"
                + "anna@shop.example.ad / 2024 05 loaded, 317 282 rows\nanna@shop.example.ad / 1 234 567");
        for (String kept : new String[] {"sent 125 430 bytes", "/ 2024 05 loaded, 317 282 rows", "/ 1 234 567"}) {
            org.junit.jupiter.api.Assertions.assertTrue(counts.contains(kept), () -> "loses " + kept + " in\n" + counts);
        }
        FormChecks.untouched(redactor, "ok / 317 282 rows / 12 34 56");
    }

    @Test
    void aVatNumberGoesByItsLabelAndAnAmountOrRateUnderItStays() {
        for (int k = 0; k < 6; k++) {
            String eight = FormChecks.digits(random, 8, '1', 9);
            String twelve = FormChecks.digits(random, 12, '1', 9);
            FormChecks.gone(redactor, "E AssertionError: assert {'email': 'x@acme.net', 'vat': '" + eight + "'} == {}",
                    eight, "'vat': '");
            FormChecks.gone(atRest, "vat=" + twelve + "&country=IT", twelve, "vat=", "&country=IT");
            FormChecks.gone(redactor, "{\"vat_id\": \"" + eight + "\", \"plan\": \"pro\"}", eight, "\"vat_id\": \"");
            FormChecks.gone(redactor, "customer.vatNumber = 'SI" + eight + "'", eight, "customer.vatNumber = '");
            FormChecks.gone(redactor, "rejected: VAT number " + eight + " is not registered", eight,
                    "VAT number ", " is not registered");
            // under a column named for it, whatever its check digits say
            String eleven = FormChecks.digits(random, 11, '0', 10);
            FormChecks.gone(redactor, "INSERT INTO customers (email, vat_id) VALUES ('x', 'FR" + eleven + "')", eleven,
                    "INSERT INTO customers (email, vat_id) VALUES ('x', '");
        }
        FormChecks.untouched(redactor, "{'net': 100.0, 'vat': 19.0, 'gross': 119.0}");
        FormChecks.untouched(redactor, "{\"vat\": 2150, \"vat_rate\": 20, \"total_vat\": 36978523}");
        FormChecks.untouched(redactor, "'vat': '369785.23', vat.amount = 36978523, 'vat': '1234567'");
    }

    @Test
    void aGemSourcesCredentialsGoInBundlersConfigListingAndOtherSettingsStay() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            String pw = password();
            String user = hex(32);
            String key = hex(32);
            String listing = "$ bundle config\nSettings are listed in order of priority. The top value will be used.\n"
                    + "jobs\nSet for the current user (/home/ci/.bundle/config): \"4\"\n\n"
                    + "gems.internal.example-corp.com\nSet for your local app (/srv/app/.bundle/config): \"deploy-bot:"
                    + pw + "\"\n\nenterprise.contribsys.com\n"
                    + "Set for the current user (/home/ci/.bundle/config): \"" + user + ":" + key + "\"\n"
                    + "Set via BUNDLE_ENTERPRISE__CONTRIBSYS__COM: \"" + user + ":" + key + "\"\n\n"
                    + "build.nokogiri\nSet for your local app (/srv/app/.bundle/config): \"--use-system-libraries\"\n\n"
                    + "mirror.https://rubygems.org\nSet for the current user (/home/ci/.bundle/config): "
                    + "\"https://gems.mirror.example-corp.com\"\n";
            String out = r.redact(listing);
            for (String gone : new String[] {pw, user, key}) {
                org.junit.jupiter.api.Assertions.assertFalse(out.contains(gone), out);
            }
            for (String kept : new String[] {"\"deploy-bot:", "\"4\"", "\"--use-system-libraries\"",
                    "\"https://gems.mirror.example-corp.com\"", "gems.internal.example-corp.com",
                    "Set via BUNDLE_ENTERPRISE__CONTRIBSYS__COM: \"", "Set for your local app (/srv/app/.bundle/config):"}) {
                org.junit.jupiter.api.Assertions.assertTrue(out.contains(kept), () -> "loses " + kept + " in\n" + out);
            }
            String token = hex(40);
            FormChecks.gone(r, "$ bundle config get https://gems.pkg.example-corp.com/acme\n"
                    + "Settings for `https://gems.pkg.example-corp.com/acme` in order of priority. The top value will be used\n"
                    + "Set for your local app (/app/.bundle/config): \"ci-reader:" + token + "\"\n", token, "\"ci-reader:");
            String env = password();
            FormChecks.gone(r, "Set via BUNDLE_GEMS__EXAMPLE__NET: \"release:" + env + "\"\n", env, "\"release:");
        }
        // a setting with no host in its name keeps a value even of the same shape; one already redacted stays
        FormChecks.untouched(redactor, "path\nSet for your local app (/app/.bundle/config): \"vendor/bundle\"\n"
                + "without\nSet via BUNDLE_WITHOUT: \"development:test\"\n"
                + "gems.example.net\nSet for the current user (/root/.bundle/config): \"deploy:[REDACTED]\"\n");
    }

    @Test
    void aVerdictLineThatStartsWithPassKeepsTheNameOfWhatPassed() {
        for (Redactor r : new Redactor[] {redactor, atRest}) {
            FormChecks.untouched(r, "Total of 41 URLs\nPASS: Vulnerable JS Library (Powered by Retire.js) [10003]\n"
                    + "PASS: Session ID in URL Rewrite [3]\nWARN-NEW: Cookie No HttpOnly Flag [10010] x 1\n");
            FormChecks.untouched(r, "PASS: tests/checkout.spec.ts (5.2 s)\n--- PASS: TestLogin (0.00s)\n");
            // a password after PASS: or Pass: that ends its line, or a quoted one, still goes
            String pw = password();
            FormChecks.gone(r, "USER ci\nPASS: " + pw + "\n230 Login successful.", pw);
            String quoted = password();
            FormChecks.gone(r, "PASS: \"" + quoted + "\" (from vault)", quoted);
            String lower = password();
            FormChecks.gone(r, "Pass: " + lower + " for bob", lower);
        }
    }
}
