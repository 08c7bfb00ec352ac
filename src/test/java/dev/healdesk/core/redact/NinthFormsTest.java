package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

/**
 * The general forms written for what the ninth corpus collection's tune part leaked or lost: addresses that are no
 * person's mailbox (a program's, a Kerberos principal, a generated Message-ID) and a person's address
 * after an {@code email:} key; a network device's secrets by their keyword and type; a phone number closing a
 * Hamcrest map entry; more names of persons' numbers; every row of a multi-row INSERT; bound values keyed by
 * their placeholders' places. Each on lines written for this test, not taken from the
 * corpus, with counter-examples that must come through as they are. Values are made at test time.
 */
class NinthFormsTest {

    private final Random random = new Random(9_2026L);
    private final Redactor redactor = Redactor.standard();

    private String digits(int n) {
        return FormChecks.digits(random, n, '2', 7);
    }

    private String person() {
        String[] first = {"ana", "jonas", "ewa", "tomas", "leila"};
        String[] last = {"ferreira", "berg", "novak", "haddad", "ito"};
        return first[random.nextInt(first.length)] + (random.nextBoolean() ? "." : "_") + last[random.nextInt(last.length)]
                + random.nextInt(90) + "@" + (random.nextBoolean() ? "posteo.de" : "example-mail.org");
    }

    @Test
    void aProgramsMailboxStaysAPersonsOrATeamsGoes() {
        FormChecks.untouched(redactor, "To: alerts@mx2.tyrell.net\nSubject: Cron <build@ci-04.tyrell.net> /opt/nightly.sh");
        FormChecks.untouched(redactor, "from           ci@smtp.wayne.org");
        FormChecks.untouched(redactor, "2024-05-14T10:23:02Z\t 9 Connect\tetl_batch@warehouse-db.wayne.org on dw using TCP/IP");
        FormChecks.untouched(redactor, "Reply-To: jenkins-bot@ci.wayne.org");
        String p = person();
        FormChecks.gone(redactor, "To: " + p + "\nCc: alerts@mx2.tyrell.net", p, "alerts@mx2.tyrell.net");
        FormChecks.gone(redactor, "Author: Ana Berg <ana.berg+ci@posteo.de>", "ana.berg+ci@posteo.de");
        FormChecks.gone(redactor, "escalated to ops@wayne.org", "ops@wayne.org");
        FormChecks.gone(redactor, "ask support@wayne.org", "support@wayne.org");
    }

    @Test
    void aKerberosPrincipalStaysAnAddressInCapitalsGoes() {
        FormChecks.untouched(redactor, "[311] 1715682151.4: Getting initial credentials for etl-loader@DATA.TYRELL.NET");
        FormChecks.untouched(redactor, "Krb5LoginModule required principal=\"hdfs@EXAMPLE-REALM.TYRELL.NET\";");
        String caps = "LEILA.HADDAD" + digits(2) + "@POSTEO.DE";
        FormChecks.gone(redactor, "CUSTOMER EMAIL " + caps + " REJECTED", caps, "REJECTED");
    }

    @Test
    void aGeneratedMessageIdStays() {
        FormChecks.untouched(redactor, "Message-ID: <5f0e9c1a-77b2-4c1e-9d0a-2b8e61f4c3aa@smtp.tyrell.net>");
        FormChecks.untouched(redactor, "References: <20240514102231.4f8a9c2e1b7d@mail.wayne.org>");
        String p = person();
        FormChecks.gone(redactor, "Message-ID: <5f0e9c1a-77b2-4c1e-9d0a-2b8e61f4c3aa@smtp.tyrell.net>\nTo: " + p, p,
                "5f0e9c1a-77b2-4c1e-9d0a-2b8e61f4c3aa@smtp.tyrell.net");
    }

    @Test
    void anAddressAfterAnEmailKeyWithAColonGoes() {
        String p = person();
        FormChecks.gone(redactor, "Member(id:77, email:" + p + ", plan:pro)", p, "Member(id:77", "plan:pro)");
        String q = person();
        FormChecks.gone(redactor, "{contactEmail:" + q + "}", q, "{contactEmail:");
        FormChecks.untouched(redactor, "dependency pkg:npm/left-pad@1.3.0 resolved");
        FormChecks.gone(redactor, "amqp://mail:Gv7pQ2xLw9@rabbit.wayne.org:5672/", "Gv7pQ2xLw9", "rabbit.wayne.org:5672");
    }

    @Test
    void aNetworkDevicesSecretGoesByItsKeywordAndType() {
        String hash = "$9$" + FormChecks.token(random, 14) + "$" + FormChecks.token(random, 43);
        FormChecks.gone(redactor, "enable secret 9 " + hash + "\nhostname core-sw1", hash, "enable secret 9 ",
                "hostname core-sw1");
        String clear = "Tq" + digits(4) + ".zk";
        FormChecks.gone(redactor, "username netops privilege 15 password 0 " + clear + "\n!", clear,
                "username netops privilege 15 password 0 ");
        String seven = "0" + digits(3) + "5D0A16" + digits(4);
        FormChecks.gone(redactor, "tacacs-server host 10.9.9.9 key 7 " + seven, seven, "tacacs-server host");
        String ks = "Kx" + digits(3) + "-pLm" + digits(2) + "Qz";
        FormChecks.gone(redactor, " authentication-key key-string 0 " + ks, ks, "authentication-key");
        FormChecks.untouched(redactor, "ALTER TABLE orders ADD primary key id_orders1, foreign key fk_users_2");
        FormChecks.untouched(redactor, "unseal progress: key 1 of 3, password 0 attempts left, secret 5");
        FormChecks.untouched(redactor, "rotated key 5 2024-05-14T10:22:31Z by ops");
        FormChecks.untouched(redactor, "missing key orders.total in the response");
        String community = "Rv" + digits(4) + ".qx";
        FormChecks.gone(redactor, "snmp-server community " + community + " RO\nsnmp-server location dc1", community,
                "snmp-server location dc1");
        FormChecks.untouched(redactor, "snmp-server community public RO");
    }

    @Test
    void aPhoneClosingAMapEntryGoes() {
        String no = "6" + digits(2) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "but: map was [<id=77>, <mobile=" + no + ">, <plan=pro>]", no, "<id=77>", "<plan=pro>");
        FormChecks.untouched(redactor, "but: map was [<build=2024 0514 77>, <plan=pro>]");
    }

    @Test
    void moreNamesOfPersonsNumbersAreRead() {
        String rut = digits(2) + "." + digits(3) + "." + digits(3) + "-" + digits(1);
        FormChecks.gone(redactor, "{\"rut\": \"" + rut + "\", \"plan\": \"pro\"}", rut, "\"plan\": \"pro\"");
        String ird = digits(3) + "-" + digits(3) + "-" + digits(3);
        FormChecks.gone(redactor, "ird: \"" + ird + "\"", ird);
        String taj = digits(3) + " " + digits(3) + " " + digits(3);
        FormChecks.gone(redactor, "taj='" + taj + "'", taj);
        String eid = "784-" + digits(4) + "-" + digits(7) + "-" + digits(1);
        FormChecks.gone(redactor, "{\"_emirates_id\":\"" + eid + "\",\"level\":3}", eid, "\"level\":3");
        String bn = digits(6) + "/" + digits(4);
        FormChecks.gone(redactor, "[<birthNumber=" + bn + ">, <status=PENDING>]", bn, "<status=PENDING>");
        FormChecks.untouched(redactor, "{\"birth_date\": \"1990-04-12\", \"civil_status\": \"single\"}");
        FormChecks.untouched(redactor, "{\"rut\": \"pending\", \"ird\": 0}");
    }

    @Test
    void aConcourseOrCredHubReferenceStays() {
        FormChecks.untouched(redactor, "  params:\n    DB_PASSWORD: ((db_password))\n    API_TOKEN: ((vault:ci/api_token))");
        String pw = "Lm" + digits(5) + "!rT";
        FormChecks.gone(redactor, "    DB_PASSWORD: " + pw, pw);
    }

    @Test
    void aspNetsFormsAuthenticationCookieGoes() {
        String ticket = FormChecks.token(random, 64);
        FormChecks.gone(redactor, "Cookie: theme=dark; .ASPXAUTH=" + ticket + "; lang=en", ticket, "theme=dark", "lang=en");
    }

    @Test
    void aNatsSeedGoesItsPublicKeyStays() {
        String seed = "SA" + FormChecks.token(random, 56).toUpperCase(java.util.Locale.ROOT);
        String pub = "UD" + FormChecks.token(random, 54).toUpperCase(java.util.Locale.ROOT);
        FormChecks.gone(redactor, "nsc add user --name ci --seed " + seed + "\n{\"nkey\":\"" + pub + "\"}", seed, pub);
        FormChecks.untouched(redactor, "SUCCESSFULLY_COMPLETED_ALL_OPERATIONS_IN_THE_BATCH_JOB_NUMBER_12345678");
    }

    @Test
    void everyRowOfAMultiRowInsertIsReadByItsColumnsInADiffToo() {
        String a = digits(3) + " " + digits(3) + " " + digits(3);
        String b = digits(6) + "-" + digits(2) + "-" + digits(4);
        String diff = "@@ -3,3 +3,5 @@ INSERT INTO staff (name, nin, taj) VALUES\n-  ('Ann Berg', '000-00-0000', NULL),\n"
                + "+  ('Ann Berg', '" + b + "', NULL),\n+  ('Jon Ito', NULL, '" + a + "');";
        FormChecks.gone(redactor, diff, a, "('Ann Berg', '000-00-0000', NULL)", "('Jon Ito', ");
        FormChecks.gone(redactor, diff, b);
        String pw = "Vq" + digits(4) + "xZ";
        FormChecks.gone(redactor, "INSERT INTO users (name, password) VALUES ('a', 'x'), ('b', '" + pw + "');", pw, "('b', ");
        FormChecks.untouched(redactor, "INSERT INTO runs (name, build) VALUES ('nightly', 4211), ('weekly', 4212);");
    }

    @Test
    void boundValuesKeyedByTheirPlacesArePairedWithTheirColumns() {
        String token = FormChecks.token(random, 40).toLowerCase(Locale.ROOT);
        String pw = "Tarn" + digits(4) + ".qe";
        String line = "app.DEBUG: Executing statement: UPDATE member SET reset_token = ?, password = ? WHERE id = ? "
                + "(parameters: {\"1\":\"" + token + "\",\"2\":\"" + pw + "\",\"3\":4471}, types: {\"1\":2,\"2\":2,\"3\":1})";
        FormChecks.gone(redactor, line, token, "WHERE id = ?", "\"3\":4471", "types: {\"1\":2,\"2\":2,\"3\":1}");
        FormChecks.gone(redactor, line, pw, "\"3\":4471");
        // the places' values of columns that are no secret stay, and an object of named keys is no such list
        FormChecks.untouched(redactor, "Executing statement: SELECT * FROM runs WHERE status = ? AND build = ? "
                + "(parameters: {\"1\":\"failed\",\"2\":4211}, types: {\"1\":2,\"2\":1})");
        FormChecks.untouched(redactor, "SELECT * FROM runs WHERE build = ? with params: {\"limit\": 50, \"page\": 2}");
    }

    @Test
    void anAssertionsExpectedAndActualValuesAreJudgedUnderTheFieldTheyDifferIn() {
        String rut = digits(2) + "." + digits(3) + "." + digits(3) + "-" + digits(1);
        FormChecks.gone(redactor, "  2.1) body: $.customer.rut Expected '11.111.111-1' (String) but received '" + rut
                + "' (String)", rut, "$.customer.rut Expected '11.111.111-1' (String) but received '");
        String phone = "9 " + digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "  2.2) body: $.contact.phone Expected '+56 2 0000 0000' (String) but received '" + phone
                + "'", phone, "$.contact.phone Expected");
        String nin = "QQ" + digits(6) + "C";
        FormChecks.gone(redactor, "body.nino: expected \"" + nin + "\" but got \"AB123456C\"", nin);
        String cnp = "1" + digits(12);
        FormChecks.gone(redactor, "field/property 'person.cnp' differ:\n- actual value  : \"" + cnp
                + "\"\n- expected value: \"1111111111111\"", cnp, "field/property 'person.cnp' differ:",
                "- expected value: \"1111111111111\"");
        // a field that names nothing personal keeps both values, and prose with "expected" is no field's
        FormChecks.untouched(redactor, "  1.1) body: $.status Expected 'paid' (String) but received 'open' (String)");
        FormChecks.untouched(redactor, "field/property 'order.total' differ:\n- actual value  : 4211\n- expected value: 4200");
        FormChecks.untouched(redactor, "Build 4211 took longer than expected 600 but got 812 seconds");
    }

    @Test
    void aQueryFiltersLiteralIsJudgedUnderTheFieldItIsComparedWith() {
        String phone = "0" + digits(2) + "-" + digits(3) + " " + digits(4);
        FormChecks.gone(redactor, "2024-05-14 10:23:03 GET /odata/Members $filter=Phone+eq+'" + phone + "'&$top=5 443 - 500",
                phone, "$filter=Phone+eq+'", "'&$top=5 443 - 500");
        String ssn = "2" + digits(2) + "-" + digits(2) + "-" + digits(4);
        FormChecks.gone(redactor, "GET /scim/v2/Users?filter=ssn eq \"" + ssn + "\"", ssn, "filter=ssn eq \"");
        FormChecks.untouched(redactor, "GET /odata/Orders?$filter=Status eq 'Open' and Total ne 0 and Region eq 'EU-West'");
        FormChecks.untouched(redactor, "if x eq 'y' then the phone eq test passes");
    }

    @Test
    void aCheckCharacterInParenthesesAndAnExampleNumberUnderAPersonsName() {
        String hkid = "K" + digits(6) + "(" + digits(1) + ")";
        FormChecks.gone(redactor, "+    \"hkid\": \"" + hkid + "\",", hkid, "\"hkid\": \"");
        // the example numbers forms and fixtures show are no one's
        FormChecks.untouched(redactor, "-    \"hkid\": \"A123456(7)\",");
        FormChecks.untouched(redactor, "    \"rut\": \"11.111.111-1\",");
        FormChecks.untouched(redactor, "    \"ref\": \"K482913(5)\",");
    }

    @Test
    void aDevicesKeyWithoutItsTypeGoesWhereItHasAPasswordsShape() {
        String a = "Rk" + digits(3) + "-qW" + digits(2) + "zY";
        String b = "Slate" + digits(4) + ".pv";
        FormChecks.gone(redactor, "radius-server key " + a, a, "radius-server key ");
        FormChecks.gone(redactor, "fatal: [sw-01]: FAILED! => {\"commands\": [\"tacacs-server key " + a
                + "\", \"crypto isakmp key " + b + " address 0.0.0.0\"]}", b, "address 0.0.0.0", "tacacs-server key ");
        FormChecks.gone(redactor, "fatal: [sw-01]: FAILED! => {\"commands\": [\"tacacs-server key " + a + "\"]}", a);
        FormChecks.untouched(redactor, "ALTER TABLE t ADD primary key idx_userId2");
        FormChecks.untouched(redactor, "crypto isakmp key-exchange group 14 address 0.0.0.0");
        FormChecks.untouched(redactor, "ntp trusted-key 10");
    }

    @Test
    void aOneWordCommandsPositionalSecretAndAPasswordPipedIntoACommandThatReadsIt() {
        String pw = "Vale" + digits(4) + "!k";
        String shared = FormChecks.token(random, 16);
        FormChecks.gone(redactor, "$ radtest ci-probe " + pw + " radius.tyrell.net 0 " + shared, shared,
                "$ radtest ci-probe ", " radius.tyrell.net 0 ");
        FormChecks.gone(redactor, "$ radtest ci-probe " + pw + " radius.tyrell.net 0 " + shared, pw);
        FormChecks.gone(redactor, "echo \"User-Name = ci\" | /usr/bin/radclient -x radius.tyrell.net:1812 auth " + shared,
                shared, "auth ");
        FormChecks.gone(redactor, "+ echo " + pw + " | kinit etl-loader@DATA.TYRELL.NET", pw,
                " | kinit etl-loader@DATA.TYRELL.NET");
        FormChecks.gone(redactor, "printf '%s' '" + pw + "' | kinit -V etl@DATA.TYRELL.NET", pw);
        // the command named in prose, and kinit with a keytab, keep their words
        FormChecks.untouched(redactor, "radtest is what we use; radtest sends one request and prints the reply");
        FormChecks.untouched(redactor, "kinit -kt /etc/etl.keytab etl-loader@DATA.TYRELL.NET");
        FormChecks.untouched(redactor, "echo done | tee kinit.log");
    }

    @Test
    void keyMaterialDumpedInHexUnderItsName() {
        StringBuilder hex = new StringBuilder();
        for (int k = 0; k < 32; k++) {
            hex.append(Integer.toHexString(16 + random.nextInt(240)));
        }
        String dump = hex.toString();
        FormChecks.gone(redactor, "wlan1: WPA: PMK - hexdump(len=32): " + dump, dump, "wlan1: WPA: PMK - hexdump(len=32): ");
        String spaced = dump.substring(0, 2) + " " + dump.substring(2, 4) + " " + dump.substring(4, 6);
        FormChecks.gone(redactor, "EAP: EMSK - hexdump(len=3): " + spaced, spaced);
        FormChecks.untouched(redactor, "wlan1: WPA: Replay Counter - hexdump(len=8): 00 00 00 00 00 00 00 01");
        FormChecks.untouched(redactor, "wlan1: WPA: RSN IE in EAPOL-Key - hexdump(len=22): 30 14 01 00 00 0f ac 04");
        FormChecks.untouched(redactor, "wlan1: WPA: Key MIC - hexdump(len=16): 5c 1f 0a 77");
    }

    @Test
    void anIntegrationKeyOfHexUnderABareKeysName() {
        String hex = FormChecks.token(random, 32).toLowerCase(Locale.ROOT).replaceAll("[g-z]", "e");
        hex = "4" + hex.substring(1, 31) + "c";
        FormChecks.gone(redactor, "receivers:\n- name: oncall\n  pagerduty_configs:\n  - routing_key: " + hex, hex,
                "routing_key: ");
        FormChecks.untouched(redactor, "  - routing_key: orders.created\n    dedup_key: " + hex);
        FormChecks.untouched(redactor, "    cache_key: " + hex);
    }

    @Test
    void aKubernetesSecretsValuesGoWhereverItsKindStands() {
        String value = FormChecks.token(random, 40) + "==";
        String manifest = "apiVersion: v1\ndata:\n  REDIS_URL: " + value + "\n  username: c3ZjLWV0bA==\nkind: Secret\n"
                + "metadata:\n  name: etl-env\ntype: Opaque\n---\napiVersion: v1\ndata:\n  LOG_LEVEL: aW5mbw==\n"
                + "  API_BASE: https://api.tyrell.net\nkind: ConfigMap\n";
        FormChecks.gone(redactor, manifest, value, "  username: c3ZjLWV0bA==\n", "  LOG_LEVEL: aW5mbw==\n",
                "  API_BASE: https://api.tyrell.net\nkind: ConfigMap");
        FormChecks.untouched(redactor, "apiVersion: v1\ndata:\n  LOG_LEVEL: aW5mbw==\n  SHARDS: \"4\"\nkind: ConfigMap\n");
    }

    @Test
    void aLinkAfterAPasswordsWordAndAnExampleLoginStay() {
        String token = FormChecks.token(random, 32);
        FormChecks.gone(redactor, "Hi Ann, reset your password here: https://shop.tyrell.net/reset?token=" + token, token,
                "reset your password here: https://shop.tyrell.net/reset?token=");
        FormChecks.untouched(redactor, "E   - GET https://api.tyrell.net/v1/me doesn't match {'Authorization': 'Basic dGVzdDp0ZXN0'}");
        FormChecks.untouched(redactor, "Authorization: Basic dXNlcjpwYXNz");
        String login = java.util.Base64.getEncoder().encodeToString(("ci:" + "Vale" + digits(4) + "!k").getBytes());
        FormChecks.gone(redactor, "Authorization: Basic " + login, login);
        FormChecks.gone(redactor, "curl -H 'Authorization: Basic " + login + "' https://api.tyrell.net", login);
    }

    @Test
    void nationalNumbersWithLettersByTheirExactLayoutAlone() {
        String cf = "BNCLRA" + digits(2) + "M" + "1" + digits(1) + "F" + digits(3) + "Q";
        FormChecks.gone(redactor, "   customer_id   name        cf\n0  1842  Ana Berg  " + cf + "\n", cf, "customer_id", "Ana Berg");
        String curp = "BEAA" + "9" + digits(1) + "0" + "4" + "1" + digits(1) + "MDFRRN" + digits(2);
        FormChecks.gone(redactor, "row 12: Ana;Berg;" + curp + ";active", curp, "row 12: Ana;Berg;", ";active");
        // the same letters and digits out of those places, or in a word, stay
        FormChecks.untouched(redactor, "artifact ABCDEF12G34H567I built, tag RELEASE2024BUILD77X pushed");
        FormChecks.untouched(redactor, "com.tyrell.BNCLRA85M10F205QTest failed");
    }

    @Test
    void aPhoneColumnsValueInAnInsertGoes() {
        String phone = digits(4) + " " + digits(4);
        FormChecks.gone(redactor, "Query\tINSERT INTO members (email, phone) VALUES ('x', '" + phone + "')", phone,
                "INSERT INTO members (email, phone) VALUES ('x', '");
        FormChecks.untouched(redactor, "INSERT INTO devices (phone_model, build) VALUES ('Pixel 8', 4211)");
        FormChecks.untouched(redactor, "INSERT INTO members (name, phone) VALUES ('Ann', '0000 0000')");
    }

    @Test
    void aLiteralAWhereComparesWithAColumnOfASecretsTable() {
        StringBuilder b = new StringBuilder("7a");
        while (b.length() < 40) {
            b.append(Integer.toHexString(random.nextInt(16)));
        }
        String hex = b.toString();
        FormChecks.gone(redactor, "[1.2ms] [rows:1] SELECT * FROM \"access_tokens\" WHERE value = '" + hex + "' LIMIT 1",
                hex, "WHERE value = '", "' LIMIT 1");
        String pw = "Tarn" + digits(4) + ".qe";
        FormChecks.gone(redactor, "SELECT id FROM users WHERE login = 'ann' AND password = '" + pw + "'", pw, "login = 'ann'");
        FormChecks.untouched(redactor, "SELECT * FROM runs WHERE status = 'failed' AND build = '4211'");
        FormChecks.untouched(redactor, "SELECT * FROM settings WHERE value = 'dark-mode' LIMIT 1");
    }

    @Test
    void aPowerAssertionsValueBelowTheWordItIsTheValueOf() {
        String phone = "69" + digits(1) + " " + digits(3) + " " + digits(4);
        String spock = "Condition not satisfied:\n\nmember.mobile == '+30 690 000 0000'\n|      |      |\n"
                + "|      |      false\n|      " + phone + "\nMember(id:7)\n";
        FormChecks.gone(redactor, spock, phone, "member.mobile == '+30 690 000 0000'", "|      |      false\n|      ");
        String pw = "Tarn" + digits(4) + ".qe";
        FormChecks.gone(redactor, "user.password == 'x'\n|    |        |\n|    |        false\n|    " + pw + "\nUser(ann)", pw);
        FormChecks.untouched(redactor, "response.status == 200\n|        |      |\n|        401    false\n<HttpResponse status=401>");
        FormChecks.untouched(redactor, "cart.items.size() == 3\n|    |     |      |\n|    |     2      false\n|    [a, b]\nCart(7)");
        FormChecks.untouched(redactor, "header\n| a | b |\n| 1 | 2 |");
    }
}
