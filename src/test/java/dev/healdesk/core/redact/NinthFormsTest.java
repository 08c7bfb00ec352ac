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
}
