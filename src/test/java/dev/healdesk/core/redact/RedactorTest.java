package dev.healdesk.core.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The redactor against {@code redaction/corpus.jsonl}: each line a realistic log text and what must come out
 * ({@code expect}), or, without {@code expect}, text that must come back untouched (the false-positive cases).
 * Fake secrets appear there as {@code <<name>>} markers filled in here from random characters, so that no
 * secret-shaped literal sits in the repository for a scanner to flag.
 */
class RedactorTest {

    private static final Redactor REDACTOR = Redactor.standard();
    private static final Pattern MARKER = Pattern.compile("<<([a-z_0-9]+)>>");
    private static final Map<String, String> FAKES = fakes(new Random(42));

    private record Case(int line, String text, String expect) {
        boolean positive() {
            return expect != null;
        }
    }

    private static Map<String, String> fakes(Random r) {
        String alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        String upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        String hex = "0123456789abcdef";
        String digits = "0123456789";
        Map<String, String> f = new HashMap<>();
        f.put("openai", "sk-" + "proj-" + random(r, alnum + "-_", 74) + "T3Blbk" + "FJ" + random(r, alnum, 74));
        f.put("openai_legacy", "sk-" + random(r, alnum, 20) + "T3Blbk" + "FJ" + random(r, alnum, 20));
        f.put("anthropic", "sk-" + "ant-" + "api03-" + random(r, alnum + "-_", 93) + "AA");
        f.put("ghp", "gh" + "p_" + random(r, alnum, 36));
        f.put("ghs", "gh" + "s_" + random(r, alnum, 36));
        f.put("github_pat", "github" + "_pat_" + random(r, alnum, 22) + "_" + random(r, alnum, 59));
        f.put("xoxb", "xo" + "xb-" + random(r, digits, 12) + "-" + random(r, digits, 13) + "-" + random(r, alnum, 24));
        f.put("xoxp", "xo" + "xp-" + random(r, digits, 12) + "-" + random(r, digits, 12) + "-"
                + random(r, digits, 13) + "-" + random(r, hex, 32));
        f.put("slack_hook", "https://hooks." + "slack.com/services/T" + random(r, upper, 10) + "/B"
                + random(r, upper, 10) + "/" + random(r, alnum, 24));
        f.put("akia", "AK" + "IA" + random(r, upper, 16));
        f.put("asia", "AS" + "IA" + random(r, upper, 16));
        f.put("aws_secret", random(r, alnum + "/+", 40));
        f.put("sk_live", "sk_" + "live_" + random(r, alnum, 24));
        f.put("rk_test", "rk_" + "test_" + random(r, alnum, 24));
        f.put("pk_live", "pk_" + "live_" + random(r, alnum, 24));
        f.put("google", "AI" + "za" + random(r, alnum + "-_", 35));
        f.put("twilio_ac", "A" + "C" + random(r, hex, 32));
        f.put("twilio_sk", "S" + "K" + random(r, hex, 32));
        f.put("jwt", "ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "ey" + random(r, alnum, 90) + "."
                + random(r, alnum + "-_", 43));
        f.put("jwt2", "ey" + "JhbGciOiJSUzI1NiJ9." + "ey" + random(r, alnum, 60) + "." + random(r, alnum + "-_", 86));
        f.put("apikey", random(r, alnum, 32));
        f.put("hexsecret", random(r, hex, 64));
        f.put("azure", random(r, alnum + "+/", 86) + "==");
        f.put("glpat", "gl" + "pat-" + random(r, alnum + "-_", 20));
        f.put("hf", "h" + "f_" + random(r, alnum, 34));
        f.put("npm", "np" + "m_" + random(r, alnum, 36));
        f.put("pypi", "py" + "pi-AgEIcHlwaS5vcmc" + random(r, alnum + "-_", 80));
        f.put("dckr", "dckr" + "_pat_" + random(r, alnum + "-_", 27));
        f.put("discord", random(r, "123456789", 18) + "/" + random(r, alnum + "-_", 68));
        f.put("azure_cs", random(r, alnum, 3) + "7Q~" + random(r, alnum + "_.-", 34));
        f.put("sendgrid", "S" + "G." + random(r, alnum, 22) + "." + random(r, alnum + "-_", 43));
        return f;
    }

    private static String random(Random r, String alphabet, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String fill(String s, int line) {
        if (s == null) {
            return null;
        }
        Matcher m = MARKER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String fake = FAKES.get(m.group(1));
            if (fake == null) {
                throw new AssertionError("corpus line " + line + ": unknown marker " + m.group());
            }
            m.appendReplacement(b, Matcher.quoteReplacement(fake));
        }
        return m.appendTail(b).toString();
    }

    private static List<Case> corpus() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> cases = new ArrayList<>();
        try (InputStream in = RedactorTest.class.getResourceAsStream("/redaction/corpus.jsonl");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                JsonNode node = mapper.readTree(line);
                cases.add(new Case(n, fill(node.get("text").asText(), n),
                        node.has("expect") ? fill(node.get("expect").asText(), n) : null));
            }
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> eachCorpusLineComesOutAsExpected() throws IOException {
        return corpus().stream().map(c -> DynamicTest.dynamicTest("line " + c.line() + ": " + abbreviate(c.text()), () -> {
            String out = REDACTOR.redact(c.text());
            if (c.positive()) {
                assertEquals(c.expect(), out);
            } else {
                assertSame(c.text(), out, () -> "must stay as it is, but found " + REDACTOR.find(c.text()));
            }
        }));
    }

    private static String abbreviate(String s) {
        String one = s.replace('\n', ' ');
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }

    @Test
    void theCorpusHasTwoRealisticCasesOfEveryKindAndMoreThanThirtyThatMustStay() throws IOException {
        Map<SecretKind, Integer> positives = new EnumMap<>(SecretKind.class);
        int negatives = 0;
        for (Case c : corpus()) {
            if (!c.positive()) {
                negatives++;
                continue;
            }
            for (SecretKind k : SecretKind.values()) {
                if (c.expect().contains(k.token()) && !c.text().contains(k.token())) {
                    positives.merge(k, 1, Integer::sum);
                }
            }
        }
        for (SecretKind k : SecretKind.values()) {
            assertTrue(positives.getOrDefault(k, 0) >= 2, k + " has " + positives.get(k) + " positive cases");
        }
        assertTrue(negatives > 30, "false-positive cases: " + negatives);
    }

    @Test
    void redactingTwiceChangesNothingMore() throws IOException {
        List<String> texts = new ArrayList<>();
        corpus().forEach(c -> texts.add(c.text()));
        texts.addAll(LogCorpus.generate(1, 7).documents());
        for (String t : texts) {
            String once = REDACTOR.redact(t);
            assertSame(once, REDACTOR.redact(once), () -> "second pass found " + REDACTOR.find(once) + " in " + once);
        }
    }

    @Test
    void atRestFindsEverySecretTheStandardRulesFindButKeepsAddresses() throws IOException {
        Redactor atRest = Redactor.atRest();
        List<String> texts = new ArrayList<>();
        corpus().forEach(c -> texts.add(c.text()));
        texts.addAll(LogCorpus.generate(1, 7).documents());
        java.util.Set<SecretKind> kept = java.util.EnumSet.of(SecretKind.IP_ADDRESS, SecretKind.EMAIL,
                SecretKind.PHONE);
        for (String t : texts) {
            List<Redactor.Finding> rest = atRest.find(t);
            assertTrue(rest.stream().noneMatch(f -> kept.contains(f.kind())), () -> "kept kinds found: " + rest);
            for (Redactor.Finding f : REDACTOR.find(t)) {
                if (!kept.contains(f.kind())) {
                    assertTrue(rest.stream().anyMatch(r -> r.start() <= f.start() && r.end() >= f.end()),
                            () -> f + " is not found at rest in " + t);
                }
            }
            String once = atRest.redact(t);
            assertSame(once, atRest.redact(once), () -> "second pass changed " + once);
        }
        assertEquals("connect ECONNREFUSED 10.0.0.5:5432 for ops@corp.com (+1 415 555 0132)",
                atRest.redact("connect ECONNREFUSED 10.0.0.5:5432 for ops@corp.com (+1 415 555 0132)"));
        String pw = FAKES.get("apikey");
        assertEquals("FATAL at postgres://healer:[REDACTED_PASSWORD]@db.internal:5432/crm",
                atRest.redact("FATAL at postgres://healer:" + pw + "@db.internal:5432/crm"));
        assertEquals("jdbc:postgresql://db.internal/crm?user=healer&password=[REDACTED_PASSWORD]",
                atRest.redact("jdbc:postgresql://db.internal/crm?user=healer&password=" + pw));
        assertEquals("postgres://db.internal:5432/crm", REDACTOR.redact("postgres://db.internal:5432/crm"),
                "a database URL without credentials says which database failed, and stays");
    }

    @Test
    void noPlantedSecretSurvivesInALargeMixedText() {
        LogCorpus.Corpus corpus = LogCorpus.generate(4, 11);
        String text = String.join("\n", corpus.documents());
        String out = REDACTOR.redact(text);
        assertTrue(corpus.planted().size() > 200, "planted: " + corpus.planted().size());
        List<String> survived = corpus.planted().stream().filter(out::contains).toList();
        assertTrue(survived.isEmpty(), "survived: " + survived);
        Map<SecretKind, Integer> kinds = new EnumMap<>(SecretKind.class);
        REDACTOR.find(text).forEach(f -> kinds.merge(f.kind(), 1, Integer::sum));
        for (SecretKind k : SecretKind.values()) {
            assertTrue(kinds.containsKey(k), k + " never found in the generated logs: " + kinds);
        }
    }

    @Test
    void findingsAreSortedDisjointAndExactlyWhatRedactReplaces() {
        for (String doc : LogCorpus.generate(1, 3).documents()) {
            List<Redactor.Finding> findings = REDACTOR.find(doc);
            StringBuilder rebuilt = new StringBuilder();
            int at = 0;
            for (Redactor.Finding f : findings) {
                assertTrue(f.start() >= at && f.end() > f.start() && f.end() <= doc.length(), f + " after " + at);
                rebuilt.append(doc, at, f.start()).append(f.kind().token());
                at = f.end();
            }
            rebuilt.append(doc, at, doc.length());
            assertEquals(rebuilt.toString(), REDACTOR.redact(doc));
        }
    }

    @Test
    void findNamesTheKindAndTheSpanOfTheValueOnly() {
        String text = "user=bob password=hunter2 from 52.14.7.9:5432 <bob@acme-corp.io>";
        assertEquals(List.of(new Redactor.Finding(SecretKind.PASSWORD, 18, 25),
                new Redactor.Finding(SecretKind.IP_ADDRESS, 31, 40),
                new Redactor.Finding(SecretKind.EMAIL, 47, 63)), REDACTOR.find(text));
        assertEquals("user=bob password=[REDACTED_PASSWORD] from [REDACTED_IP_ADDRESS]:5432 <[REDACTED_EMAIL]>",
                REDACTOR.redact(text));
    }

    @Test
    void aKnownFormatNamesTheFindingRatherThanTheKeyItStandsUnder() {
        String key = FAKES.get("ghp");
        assertEquals(List.of(new Redactor.Finding(SecretKind.GITHUB_TOKEN, 13, 13 + key.length())),
                REDACTOR.find("GITHUB_TOKEN=" + key));
    }

    @Test
    void nothingFoundMeansTheSameInstanceAndNullStaysNull() {
        String clean = "Error: connect ECONNREFUSED 127.0.0.1:5432";
        assertSame(clean, REDACTOR.redact(clean));
        assertTrue(REDACTOR.find(clean).isEmpty());
        assertNull(REDACTOR.redact(null));
        assertTrue(REDACTOR.find(null).isEmpty());
        assertSame("", REDACTOR.redact(""));
    }

    @Test
    void tokensNameTheirKind() {
        assertEquals("[REDACTED_AWS_SECRET_KEY]", SecretKind.AWS_SECRET_KEY.token());
        assertEquals("[REDACTED_SSN]", SecretKind.SSN.token());
    }

    @Test
    void oneRedactorServesManyThreadsAlike() throws Exception {
        List<String> docs = LogCorpus.generate(1, 5).documents();
        List<String> expected = docs.stream().map(REDACTOR::redact).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> docs.stream().map(REDACTOR::redact).toList()));
            }
            for (Future<List<String>> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void textMadeOfTriggerFragmentsNeverBreaksIt() {
        String[] fragments = {"password", "=", ":", "://", "@", "1", "255", "4111", ".", "-", "+", "(", ")", "sk-",
                "sk_live_", "eyJ", "\"", "\\\"", "'", "\\", "Bearer ", "-----BEGIN ", "PRIVATE KEY-----", "-----END ",
                "Cookie:", "Set-Cookie: ", " ", "\n", ";", "&", "token", "Authorization: ", "Basic ", "postgres", "jdbc:",
                "example.com", "corp.io", "::", "fe80", "AKIA", "ghp_", "xoxb-", "[REDACTED_EMAIL]", "$", "{", "[", "]",
                "%", "sid", "Ab3dEf9hIjK2mNoP", ",", "mailto:", "<", "hooks.slack.com/services/", "/", "sqlplus ",
                "userid=", "jdbc:oracle:thin:", "db.password ", "1//0", "MTk4"};
        Random r = new Random(7);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder b = new StringBuilder();
            for (int i = 1 + r.nextInt(30); i > 0; i--) {
                b.append(fragments[r.nextInt(fragments.length)]);
            }
            String text = b.toString();
            int at = 0;
            for (Redactor.Finding f : REDACTOR.find(text)) {
                assertTrue(f.start() >= at && f.end() > f.start() && f.end() <= text.length(), f + " in " + text);
                at = f.end();
            }
            REDACTOR.redact(text);
        }
    }

    @Test
    void longValuesGoWhole() {
        assertEquals("password=[REDACTED_PASSWORD] next", REDACTOR.redact("password=" + "x7".repeat(5000) + " next"));
        StringBuilder header = new StringBuilder("Cookie: ");
        for (int i = 0; i < 200; i++) {
            header.append("c").append(i).append("=v").append(i).append("Xk9pQ2zR; ");
        }
        String out = REDACTOR.redact(header.toString());
        assertFalse(out.contains("Xk9pQ2zR"), out);
        assertEquals(200, REDACTOR.find(header.toString()).size());
    }

    @Test
    void anOracleLogonLosesOnlyItsPasswordAfterItsCommandOrUserid() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("sqlplus scott/Tiger2024x@//db.acme.net:1521/ORCL",
                "sqlplus scott/[REDACTED_PASSWORD]@//db.acme.net:1521/ORCL");
        cases.put("+ sqlplus system/Sup3rS3cret@orclpdb1 @deploy.sql",
                "+ sqlplus system/[REDACTED_PASSWORD]@orclpdb1 @deploy.sql");
        cases.put("sqlplus -S -L app_user/Pw4Deploy@db", "sqlplus -S -L app_user/[REDACTED_PASSWORD]@db");
        cases.put("$ORACLE_HOME/bin/sqlplus -s scott/Tiger2024x @/opt/sql/run.sql > logs/out.txt",
                "$ORACLE_HOME/bin/sqlplus -s scott/[REDACTED_PASSWORD] @/opt/sql/run.sql > logs/out.txt");
        cases.put("rman target sys/Rm4nPass99@prod catalog rcat/Cat4logPw@rcatdb",
                "rman target sys/[REDACTED_PASSWORD]@prod catalog rcat/[REDACTED_PASSWORD]@rcatdb");
        cases.put("expdp hr/Exp0rtPw@pdb1 directory=DATA_PUMP_DIR dumpfile=hr.dmp",
                "expdp hr/[REDACTED_PASSWORD]@pdb1 directory=DATA_PUMP_DIR dumpfile=hr.dmp");
        cases.put("expdp \\\"sys/Exp0rtPw@db as sysdba\\\" full=y", "expdp \\\"sys/[REDACTED_PASSWORD]@db as sysdba\\\" full=y");
        cases.put("impdp userid=system/Imp0rtPw@orcl schemas=hr", "impdp userid=system/[REDACTED_PASSWORD]@orcl schemas=hr");
        cases.put("sqlldr USERID=\"scott/L0aderPw@orcl\" control=load.ctl",
                "sqlldr USERID=\"scott/[REDACTED_PASSWORD]@orcl\" control=load.ctl");
        cases.put("exp scott/ExpPw11@orcl file=a.dmp", "exp scott/[REDACTED_PASSWORD]@orcl file=a.dmp");
        cases.put("dgmgrl sys/DgPass2024@primary", "dgmgrl sys/[REDACTED_PASSWORD]@primary");
        cases.put("url=jdbc:oracle:thin:scott/Tiger2024x@dbhost:1521:ORCL",
                "url=jdbc:oracle:thin:scott/[REDACTED_PASSWORD]@dbhost:1521:ORCL");
        cases.forEach((in, out) -> assertEquals(out, REDACTOR.redact(in), in));
        cases.forEach((in, out) -> assertEquals(out, Redactor.atRest().redact(in), in));
    }

    @Test
    void aSlashAndAnAtWithoutAnOracleCommandOrUseridStay() {
        for (String keep : List.of("copied a/b@c to d/e@f", "git push origin feature/login@v2",
                "npm i @scope/pkg@1.2.3 && npm ls lib/x@y", "docker pull library/nginx@sha256:0123456789abcdef",
                "sqlplus / as sysdba", "see docs/setup@main for sqlplus", "ratio 1//0 and 1//0abc",
                "sqlplus -s scott/Tiger2024x@db @scripts/deploy/run.sql < migrations/v1/a.sql")) {
            String out = REDACTOR.redact(keep);
            for (String part : List.of("a/b@c", "feature/login@v2", "@scope/pkg@1.2.3", "library/nginx@sha256",
                    "/ as sysdba", "docs/setup@main", "1//0abc", "@scripts/deploy/run.sql < migrations/v1/a.sql")) {
                if (keep.contains(part)) {
                    assertTrue(out.contains(part), out);
                }
            }
        }
    }

    @Test
    void aPropertiesLineWithABlankForItsSeparatorLosesItsSecretValue() {
        assertEquals("spring.datasource.password [REDACTED_PASSWORD]",
                REDACTOR.redact("spring.datasource.password Hunter2Hunter2"));
        assertEquals("url=x\n  db.password   [REDACTED_PASSWORD]  \nlog.level DEBUG",
                REDACTOR.redact("url=x\n  db.password   secretPass123!  \nlog.level DEBUG"));
        assertEquals("db_password [REDACTED_PASSWORD]\r\nnext", REDACTOR.redact("db_password WinCRLF99\r\nnext"));
        assertEquals("app.oauth.client-secret [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("app.oauth.client-secret q8Zr2LmX0vKp4TnW"));
    }

    @Test
    void proseAndLinesOfMoreThanOneValueAfterASecretWordStay() {
        for (String keep : List.of("password expired for user bob", "db.password is required",
                "spring.datasource.password must not be empty", "app.token_count 5", "log.level DEBUG",
                "spring.datasource.url jdbc:postgresql://db:5432/orders",
                "app.client-secret changeme-later please")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aLogonTypedAtRmanDgmgrlOrSqlPlusPromptAfterConnectLosesItsPassword() {
        assertEquals("RMAN> connect target sys/[REDACTED_PASSWORD]@prod",
                REDACTOR.redact("RMAN> connect target sys/Oracle_Pw1@prod"));
        assertEquals("RMAN> CONNECT CATALOG rcat/[REDACTED_PASSWORD]@rcatdb",
                REDACTOR.redact("RMAN> CONNECT CATALOG rcat/Rcat#Pw22@rcatdb"));
        assertEquals("DGMGRL> connect sys/[REDACTED_PASSWORD]@prim", REDACTOR.redact("DGMGRL> connect sys/Dg-Pw-333@prim"));
        assertEquals("DGMGRL> CONNECT sys/\"[REDACTED_PASSWORD]\"@stby AS SYSDBA",
                REDACTOR.redact("DGMGRL> CONNECT sys/\"Qu0ted#Pw\"@stby AS SYSDBA"));
        assertEquals("SQL> conn system/[REDACTED_PASSWORD]", REDACTOR.redact("SQL> conn system/Manager_123"));
    }

    @Test
    void aSlashAndAnAtAtAPromptWithoutConnectStay() {
        for (String keep : List.of("SQL> select a/b@c from dual;", "RMAN> backup database plus archivelog;",
                "DGMGRL> show configuration verbose", "SQL> @scripts/a.sql", "node> x = y/z@w")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aMaxMindLicenseKeyGoesUnderItsNamesInEnvUrlsConfigAndProse() {
        String key = randomAlnum(6) + "_" + randomAlnum(29) + "_mmk";
        assertEquals("MAXMIND_LICENSE_KEY=[REDACTED_GENERIC_SECRET]", REDACTOR.redact("MAXMIND_LICENSE_KEY=" + key));
        assertEquals("GET https://download.maxmind.com/app/geoip_download?edition_id=GeoLite2-City"
                        + "&license_key=[REDACTED_GENERIC_SECRET]&suffix=tar.gz",
                REDACTOR.redact("GET https://download.maxmind.com/app/geoip_download?edition_id=GeoLite2-City&license_key="
                        + key + "&suffix=tar.gz"));
        assertEquals("AccountID 123456\nLicenseKey [REDACTED_GENERIC_SECRET]\nEditionIDs GeoLite2-Country GeoLite2-City",
                REDACTOR.redact("AccountID 123456\nLicenseKey " + key + "\nEditionIDs GeoLite2-Country GeoLite2-City"));
        assertEquals("geoipupdate: error: license key [REDACTED_GENERIC_SECRET] is invalid",
                REDACTOR.redact("geoipupdate: error: license key " + key + " is invalid"));
    }

    @Test
    void aCamelCaseWordAloneOnItsLineWithoutAGeneratedValueStays() {
        for (String keep : List.of("SetPassword failed", "ApiKey missing", "LicenseKey 000000000000",
                "EditionIDs GeoLite2-Country GeoLite2-City", "NullPointerException thrown")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void redisConfPasswordDirectivesLoseTheirValues() {
        assertEquals("port 6380\nrequirepass [REDACTED_PASSWORD]\nmasterauth [REDACTED_PASSWORD]",
                REDACTOR.redact("port 6380\nrequirepass foobared\nmasterauth Replica-Pw-1"));
    }

    @Test
    void redisAuthLosesItsPasswordAtThePromptInMonitorAndInHello() {
        assertEquals("1715680000.123456 [0 10.0.4.12:51234] \"AUTH\" \"[REDACTED_PASSWORD]\"",
                REDACTOR.redact("1715680000.123456 [0 10.0.4.12:51234] \"AUTH\" \"Maple2638*xl\""));
        assertEquals("\"HELLO\" \"3\" \"AUTH\" \"billing_rw\" \"[REDACTED_PASSWORD]\"",
                REDACTOR.redact("\"HELLO\" \"3\" \"AUTH\" \"billing_rw\" \"Velvet0229#ef\""));
        assertEquals("\"CONFIG\" \"SET\" \"masterauth\" \"[REDACTED_PASSWORD]\"",
                REDACTOR.redact("\"CONFIG\" \"SET\" \"masterauth\" \"Velvet9798!nb\""));
        assertEquals("cache:6379> AUTH default [REDACTED_PASSWORD]", REDACTOR.redact("cache:6379> AUTH default s3cr3t-Pw!x"));
        assertEquals("cache:6379> HELLO 3 AUTH default [REDACTED_PASSWORD]",
                REDACTOR.redact("cache:6379> HELLO 3 AUTH default s3cr3t-Pw!y"));
    }

    @Test
    void theWordAuthInProseAndRedisErrorsStays() {
        for (String keep : List.of("(error) NOAUTH Authentication required.", "AUTH failed for user bob",
                "redis AUTH was rejected", "\"GET\" \"orders:42\"", "cache:6379> AUTH",
                "  1) [chromium] > tests/auth.spec.ts:103:28 > auth works", "tests/login.spec.ts:12:7 > Auth flow")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void anActuatorPropertyNamedLikeASecretLosesTheValueOfItsObject() {
        assertEquals("\"spring.redis.password\": {\n  \"value\": \"[REDACTED_PASSWORD]\"\n},",
                REDACTOR.redact("\"spring.redis.password\": {\n  \"value\": \"eOPk-hxOmsY7T2aa-7\"\n},"));
        assertEquals("{\"SPRING_DATASOURCE_PASSWORD\":{\"value\":\"[REDACTED_PASSWORD]\",\"origin\":\"env\"},"
                        + "\"SPRING_DATASOURCE_USERNAME\":{\"value\":\"orders_svc\"},\"server.port\":{\"value\":\"8080\"}}",
                REDACTOR.redact("{\"SPRING_DATASOURCE_PASSWORD\":{\"value\":\"eLdJ~uVlg3cSIi*7\",\"origin\":\"env\"},"
                        + "\"SPRING_DATASOURCE_USERNAME\":{\"value\":\"orders_svc\"},\"server.port\":{\"value\":\"8080\"}}"));
    }

    @Test
    void keyNamesEndingInPassOrPasswordsAndCompoundCookiesAreSecretNames() {
        assertEquals("LDAP_ROOTPASS=[REDACTED_PASSWORD]", REDACTOR.redact("LDAP_ROOTPASS=Summer9485.ly"));
        assertEquals("KAFKA_CLIENT_PASSWORDS=[REDACTED_PASSWORD]", REDACTOR.redact("KAFKA_CLIENT_PASSWORDS=Harbor7246!lh"));
        String cookie = randomAlnum(24);
        assertEquals("--set auth.erlangCookie=[REDACTED_GENERIC_SECRET],auth.username=admin",
                REDACTOR.redact("--set auth.erlangCookie=" + cookie + ",auth.username=admin"));
        assertEquals("RABBITMQ_ERLANG_COOKIE=[REDACTED_GENERIC_SECRET]", REDACTOR.redact("RABBITMQ_ERLANG_COOKIE=" + cookie));
    }

    @Test
    void namesEndingInPassThatAreNoPasswordAndCookieSettingsStay() {
        for (String keep : List.of("CACHE_BYPASS=enabled-for-tests", "render.compass=north", "SESSION_COOKIE_NAME=sessionid",
                "session_cookie: sessionid", "csrf_cookie_secure=true", "auth.username=admin")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void ldapClientsLoseTheirBindPasswordAndKeepTheirBindDn() {
        assertEquals("ldapsearch -x -H ldap://ldap-01.globex.io:389 -D \"cn=admin,dc=globex,dc=io\" -w [REDACTED_PASSWORD] -b dc=globex,dc=io",
                REDACTOR.redact("ldapsearch -x -H ldap://ldap-01.globex.io:389 -D \"cn=admin,dc=globex,dc=io\" -w Monkey1160#ia -b dc=globex,dc=io"));
        assertEquals("+ ldapmodify -D cn=bot,dc=acme,dc=net -w '[REDACTED_PASSWORD]' -f /tmp/update.ldif",
                REDACTOR.redact("+ ldapmodify -D cn=bot,dc=acme,dc=net -w 'Maple4392!no' -f /tmp/update.ldif"));
        assertEquals("ldappasswd -D cn=admin,dc=acme,dc=net -w [REDACTED_PASSWORD] -a [REDACTED_PASSWORD] -s [REDACTED_PASSWORD] uid=bob",
                REDACTOR.redact("ldappasswd -D cn=admin,dc=acme,dc=net -w Adm1n!pw -a Old-pw-123 -s New-pw-456 uid=bob"));
    }

    @Test
    void aDashWOfOtherCommandsStays() {
        for (String keep : List.of("wc -w report.txt", "curl -w '%{http_code}' https://acme.net/health",
                "gcc -w -o app main.c", "ldapsearch -x -W -D cn=admin,dc=acme,dc=net")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void powerShellPlainTextGivenToConvertToSecureStringGoes() {
        assertEquals("PS C:\\deploy> $secpw = ConvertTo-SecureString '[REDACTED_PASSWORD]' -AsPlainText -Force",
                REDACTOR.redact("PS C:\\deploy> $secpw = ConvertTo-SecureString 'jwKi-YJn7CVPMgJ_6' -AsPlainText -Force"));
        assertEquals("$p = ConvertTo-SecureString -String \"[REDACTED_PASSWORD]\" -AsPlainText -Force",
                REDACTOR.redact("$p = ConvertTo-SecureString -String \"hsXF!jrCzOZjA-5\" -AsPlainText -Force"));
    }

    @Test
    void convertToSecureStringOfAVariableOrWithoutAsPlainTextStays() {
        for (String keep : List.of("$p = ConvertTo-SecureString $env:DEPLOY_PW -AsPlainText -Force",
                "$s = ConvertTo-SecureString $encrypted", "Read-Host -AsSecureString",
                "Write-Output 'done' -AsPlainText")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void netUseLosesItsPasswordBeforeOrAfterItsUserAndKeepsShareAndUser() {
        assertEquals("net use Z: \\\\BUILD-WIN-07\\builds /user:GLOBEX\\release-eng [REDACTED_PASSWORD] /persistent:no",
                REDACTOR.redact("net use Z: \\\\BUILD-WIN-07\\builds /user:GLOBEX\\release-eng Monkey8698.hm /persistent:no"));
        assertEquals("net use \\\\fs01\\software_backup [REDACTED_PASSWORD] /USER:administrator /PERSISTENT:YES",
                REDACTOR.redact("net use \\\\fs01\\software_backup tpt_8498b2c7 /USER:administrator /PERSISTENT:YES"));
    }

    /**
     * The scan calls the IPv6 detector at a colon only where a hex digit or colon stands before it or a colon after it
     * (Detector.eitherSide): an address that opens with {@code ::} after a quote, a sign, a bracket or a blank is still
     * found, and so are the other colon's and slash's finds that the neighbour tests gate.
     */
    @Test
    void whatTheNeighbourTestsLetThroughIsStillFound() {
        assertEquals("peer \"[REDACTED_IP_ADDRESS]\" refused", REDACTOR.redact("peer \"::ffff:5db8:d822\" refused"));
        assertEquals("from=[REDACTED_IP_ADDRESS] refused", REDACTOR.redact("from=::ffff:5db8:d822 refused"));
        assertEquals("connect to [[REDACTED_IP_ADDRESS]]:443", REDACTOR.redact("connect to [::5db8:d822]:443"));
        assertEquals("ip [REDACTED_IP_ADDRESS] down", REDACTOR.redact("ip ::2:5db8:d822 down"));
        assertEquals("\"dsn\":\"mysql://u:[REDACTED_PASSWORD]@h/db\"", REDACTOR.redact("\"dsn\":\"mysql://u:Zx81pass@h/db\""));
        assertEquals("sqlplus scott/[REDACTED_PASSWORD]@orcl", REDACTOR.redact("sqlplus scott/Tiger2024x@orcl"));
    }

    @Test
    void netUseWithoutAPasswordOrWithAStarAndOtherUserSwitchesStay() {
        for (String keep : List.of("net use Z: \\\\fs01\\share /user:ACME\\bob /persistent:no",
                "net use Z: \\\\fs01\\share * /user:ACME\\bob", "runas /user:ACME\\bob cmd.exe",
                "whoami /user:verbose output")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aSignedUrlKeepsItsCredentialScopeAndLosesItsSignature() {
        String sig = randomHex(64);
        assertEquals("https://storage.googleapis.com/b/o.zip?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential="
                        + "bq-reader%40hooli-staging.iam.gserviceaccount.com%2F20240514%2Fauto%2Fstorage%2Fgoog4_request"
                        + "&X-Goog-Signature=[REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("https://storage.googleapis.com/b/o.zip?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential="
                        + "bq-reader%40hooli-staging.iam.gserviceaccount.com%2F20240514%2Fauto%2Fstorage%2Fgoog4_request"
                        + "&X-Goog-Signature=" + sig));
        String keyId = "ASIA" + randomUpper(16);
        assertEquals("?X-Amz-Credential=[REDACTED_AWS_ACCESS_KEY]%2F20240514%2Feu-west-1%2Fs3%2Faws4_request",
                REDACTOR.redact("?X-Amz-Credential=" + keyId + "%2F20240514%2Feu-west-1%2Fs3%2Faws4_request"));
        assertEquals("X-Goog-Credential: [REDACTED_GENERIC_SECRET]", REDACTOR.redact("X-Goog-Credential: xK9mZq2Lw8Rt5vB3nQ"));
    }

    @Test
    void aGeneratedPasswordThatASentenceIntroducesWithAColonGoesOnItsLineOrTheNext() {
        assertEquals("[Note] [MY-010454] [Server] A temporary password is generated for root@localhost: [REDACTED_PASSWORD]",
                REDACTOR.redact("[Note] [MY-010454] [Server] A temporary password is generated for root@localhost: O,k5.marHfFu"));
        String initial = randomHex(32);
        assertEquals("Please use the following password to proceed to installation:\n\n[REDACTED_PASSWORD]\n\n"
                        + "This may also be found at: /var/jenkins_home/secrets/initialAdminPassword",
                REDACTOR.redact("Please use the following password to proceed to installation:\n\n" + initial + "\n\n"
                        + "This may also be found at: /var/jenkins_home/secrets/initialAdminPassword"));
    }

    @Test
    void aColonAfterASecretWordBeforeAPlainWordAnIdOrASentenceEndStays() {
        for (String keep : List.of("password for user bob: rejected", "Invalid password: too short",
                "The password policy:\n- at least 12 characters",
                "Ensure the secret being sent is the client secret value, not the client secret ID. Trace ID: "
                        + "6a598474-6bb6-4546-82d6-c88a9c35f344",
                "the secret's ID: 6a598474-6bb6-4546-82d6-c88a9c35f344", "password reset requested for bob: see ticket 42",
                "login: {url: /api/login, json: {email: \"${TEST_EMAIL}\", password: \"${TEST_PASSWORD}\"}}")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aRowOfATableUnderADashedRuleLosesItsSecretValue() {
        assertEquals("====== Data ======\nKey         Value\n---         -----\npassword    [REDACTED_PASSWORD]\n"
                        + "username    orders_svc",
                REDACTOR.redact("====== Data ======\nKey         Value\n---         -----\npassword    zFN6^oJLfqAk1m8THJ.6\n"
                        + "username    orders_svc"));
        String accessor = randomAlnum(24);
        assertEquals("Key                  Value\n---                  -----\ntoken_accessor       [REDACTED_GENERIC_SECRET]\n"
                        + "token_duration       768h",
                REDACTOR.redact("Key                  Value\n---                  -----\ntoken_accessor       " + accessor
                        + "\ntoken_duration       768h"));
    }

    @Test
    void aSecretsNameInProseOrCodeTakesTheValueItPointsAtWhateverTheSyntaxBetween() {
        assertEquals("password    [REDACTED_PASSWORD]", REDACTOR.redact("password    Zx8kk2LmQ"));
        assertEquals("password [REDACTED_PASSWORD]", REDACTOR.redact("password Hunter2Hunter2"));
        assertEquals("2024-05-01 db.password [REDACTED_PASSWORD]",
                REDACTOR.redact("2024-05-01 db.password Hunter2Hunter2"));
        assertEquals("passphrase [REDACTED_PASSWORD]", REDACTOR.redact("passphrase Zx8kk2LmQ"));
        assertEquals("set PASSWORD \"[REDACTED_PASSWORD]\"", REDACTOR.redact("set PASSWORD \"Zx8kk2LmQ\""));
        assertEquals("Using password \"[REDACTED_PASSWORD]\" for user admin",
                REDACTOR.redact("Using password \"Zx8kk2LmQ\" for user admin"));
        assertEquals("the access token was [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("the access token was Zx8kk2LmQaaBB12Zx8kk2LmQaaBB12"));
        assertEquals("ERROR: invalid token '[REDACTED_GENERIC_SECRET]' for user bob",
                REDACTOR.redact("ERROR: invalid token 'Zx8kk2LmQaaBB12Zx8kk2LmQaaBB12' for user bob"));
        assertEquals("Setting master key to [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("Setting master key to Zx8kk2LmQaaBB12Zx8kk2LmQaaBB12"));
        assertEquals("api key [REDACTED_GENERIC_SECRET]", REDACTOR.redact("api key Zx8kk2LmQaaBB12"));
        assertEquals("(token . \"[REDACTED_GENERIC_SECRET]\")", REDACTOR.redact("(token . \"abcd1234efgh5678ijkl\")"));
        assertEquals("auth_token([REDACTED_GENERIC_SECRET])", REDACTOR.redact("auth_token(Zx8kk2LmQaaBB12)"));
        assertEquals("the api-key [REDACTED_GENERIC_SECRET] was rejected",
                REDACTOR.redact("the api-key Zx8kk2LmQaaBB12 was rejected"));
        assertEquals("DB_PASSWORD [REDACTED_PASSWORD]", REDACTOR.redact("DB_PASSWORD hunter2Xy"));
        assertEquals("client.setPassword(\"[REDACTED_PASSWORD]\")", REDACTOR.redact("client.setPassword(\"hunter2Xy9!\")"));
        assertEquals("key: \"[REDACTED_GENERIC_SECRET]\", cert: \"/etc/ssl/x.pem\"",
                REDACTOR.redact("key: \"Zx8kk2LmQaaBB12Zx8kk2LmQaaBB12\", cert: \"/etc/ssl/x.pem\""));
    }

    @Test
    void wordsIdsPathsAndUsersNearASecretsNameStay() {
        for (String keep : List.of("FATAL: password authentication failed for user \"bob\"",
                "password authentication failed for user \"admin1\"", "token expired", "ERROR: invalid token",
                "key not found", "the password is required", "Password Expired for account ops",
                "password reset-link sent", "password for admin1 rejected", "password ORA-01017 invalid",
                "password file /etc/app/pw.txt", "pwd /home/ci/work", "the token is sent to bob@example.com",
                "at com.acme.User.setPassword(User.java:42)", "validateToken(token)", "getApiKey()",
                "cache key: 9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c", "key: created_at", "sort_key: created_at",
                "secret generic x created", "token_count 5", "the refresh_token expired", "id_token is missing",
                "the api-key is invalid", "commit a1b2c3d4e5f6a7b8c9d0e1f2 token refresh failed",
                "GET https://api.acme.io/v1/orders/550e8400-e29b-41d4-a716-446655440000 404 trace 4bf92f3577b34da6a3ce929d0e0e4736")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aCredentialsLabelBeforeNameValuePairsLeavesTheUserAndTakesThePassword() {
        assertEquals("credentials: user=admin pass=[REDACTED_PASSWORD]",
                REDACTOR.redact("credentials: user=admin pass=Zx8kk2LmQ"));
    }

    @Test
    void aStatusWordAlignedOutsideADashedTableStays() {
        for (String keep : List.of("---   -----\nstatus      ok")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aPgpassLineLosesOnlyItsPassword() {
        assertEquals("db.internal.acme.net:5432:orders:app:[REDACTED_PASSWORD]\n*:*:*:replication:[REDACTED_PASSWORD]",
                REDACTOR.redact("db.internal.acme.net:5432:orders:app:yHTN^VHMKwe5hpEMRJ.3\n*:*:*:replication:j22F%SGPOTr.6"));
        assertEquals("+ echo 'pg:5432:*:barman:[REDACTED_PASSWORD]' >> ~/.pgpass",
                REDACTOR.redact("+ echo 'pg:5432:*:barman:example-password' >> ~/.pgpass"));
    }

    @Test
    void colonSeparatedLinesThatAreNoPgpassLineStay() {
        for (String keep : List.of("12:34:56:78:90", "aa:bb:cc:dd:ee", "root:x:0:0:root:/root:/bin/bash",
                "host:port:db", "a1:b2:c3:d4:e5", "at 10:11:12 the job failed")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void whatEchoPipesIntoACommandThatReadsItsPasswordFromStdinGoes() {
        assertEquals("Running: echo '[REDACTED_PASSWORD]' | docker login -u ci --password-stdin registry.acme.io",
                REDACTOR.redact("Running: echo 'Monkey0086*uu' | docker login -u ci --password-stdin registry.acme.io"));
        assertEquals("\"cmd\": \"echo [REDACTED_PASSWORD] | /usr/local/bin/sudo -S su - deploy >/dev/null\"",
                REDACTOR.redact("\"cmd\": \"echo Copper1787!gc | /usr/local/bin/sudo -S su - deploy >/dev/null\""));
        assertEquals("+ echo \"git:[REDACTED_PASSWORD]\" | chpasswd", REDACTOR.redact("+ echo \"git:Summer3318#zj\" | chpasswd"));
    }

    @Test
    void pipesIntoOtherCommandsAndSudoWithoutAPipeStay() {
        for (String keep : List.of("cat file.txt | sudo -S tee /etc/x", "sudo -S apt-get update", "ls -S | sort",
                "echo done | tee log.txt", "echo $DEPLOY_PW | docker login -u ci --password-stdin")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void nugetPushLosesAnApiKeyGivenByPositionAndKeepsItsPackage() {
        String key = java.util.UUID.nameUUIDFromBytes(randomAlnum(8).getBytes(StandardCharsets.UTF_8)).toString();
        assertEquals("C:\\build\\NuGet.exe push \"out\\Acme.Orders.2.3.1.nupkg\" [REDACTED_PASSWORD] -source https://www.nuget.org/api/v2/package",
                REDACTOR.redact("C:\\build\\NuGet.exe push \"out\\Acme.Orders.2.3.1.nupkg\" " + key
                        + " -source https://www.nuget.org/api/v2/package"));
        String keep = "nuget push out/Acme.Orders.2.3.1.nupkg -Source https://pkgs.dev.azure.com/acme/index.json";
        assertSame(keep, REDACTOR.redact(keep));
    }

    /** Issue 14's own list of what came through, one assertion each, with fakes made here. */
    @Test
    void everyLeakTheIssueListedGoesAndTheDatabaseUrlsKeepHostPortDatabaseAndOptions() {
        String keyId = "AKIA" + randomUpper(16);
        String secret = randomAlnum(30) + "/" + randomAlnum(9);
        String out = REDACTOR.redact("creds=" + keyId + ":" + secret);
        assertFalse(out.contains(keyId.substring(4)) || out.contains(secret.substring(0, 10)), out);
        String hf = "hf_" + randomAlnum(34).replaceAll("[0-9]", "x") + "Ab";
        assertEquals("token [REDACTED_HUGGINGFACE_TOKEN] rejected", REDACTOR.redact("token " + hf + " rejected"));
        assertEquals("curl -u ci-runner:[REDACTED_PASSWORD] https://api.acme-corp.io/v1/sync",
                REDACTOR.redact("curl -u ci-runner:S3cr3t-Pw! https://api.acme-corp.io/v1/sync"));
        assertEquals("{ name: 'connect.sid', value: '[REDACTED_SESSION_ID]' }",
                REDACTOR.redact("{ name: 'connect.sid', value: 's%3A" + randomAlnum(32) + "." + randomAlnum(20) + "%2F"
                        + randomAlnum(8) + "' }"));
        assertEquals("{\"cookies\":[{\"name\":\"sessionid\",\"value\":\"[REDACTED_SESSION_ID]\",\"domain\":\".acme.io\"}]}",
                REDACTOR.redact("{\"cookies\":[{\"name\":\"sessionid\",\"value\":\"" + randomHex(32)
                        + "\",\"domain\":\".acme.io\"}]}"));
        assertEquals("call me on [REDACTED_PHONE] or [REDACTED_PHONE]", REDACTOR.redact("call me on 020 7946 0018 or 0151 496 0123"));
        assertEquals("INSERT INTO customers (name, ssn) VALUES ('Bob', '[REDACTED_SSN]');",
                REDACTOR.redact("INSERT INTO customers (name, ssn) VALUES ('Bob', '123456789');"));
        assertEquals("UPDATE users SET ssn = '[REDACTED_SSN]' WHERE id = 4;",
                REDACTOR.redact("UPDATE users SET ssn = '987654321' WHERE id = 4;"));
        Map<String, String> urls = Map.of(
                "postgresql://app:Pg-Pw-1@db.internal.acme.net:5432/orders?sslmode=require&application_name=api",
                "postgresql://app:[REDACTED_PASSWORD]@db.internal.acme.net:5432/orders?sslmode=require&application_name=api",
                "mongodb+srv://svc:Mongo-Pw1@cluster0.x7kqp.mongodb.net/shop?retryWrites=true&w=majority",
                "mongodb+srv://svc:[REDACTED_PASSWORD]@cluster0.x7kqp.mongodb.net/shop?retryWrites=true&w=majority",
                "rediss://:Redis-Pw1@cache-01.globex.io:6380/2",
                "rediss://:[REDACTED_PASSWORD]@cache-01.globex.io:6380/2",
                "jdbc:mysql://mysql-02.staging.globex.io:3306/crm?user=root&password=My-Pw2&useSSL=true",
                "jdbc:mysql://mysql-02.staging.globex.io:3306/crm?user=root&password=[REDACTED_PASSWORD]&useSSL=true",
                "amqps://guest:Amqp-Pw1@mq.internal.acme.net:5671/orders",
                "amqps://guest:[REDACTED_PASSWORD]@mq.internal.acme.net:5671/orders");
        urls.forEach((in, expected) -> assertEquals(expected, REDACTOR.redact(in), in));
    }

    @Test
    void aQuotedNameAndItsQuotedValueGoTogetherWhereHeaderPairsAreListed() {
        String key = randomAlnum(32);
        assertEquals("':authority', 'api.acme-corp.io'\n'x-api-key', '[REDACTED_GENERIC_SECRET]'",
                REDACTOR.redact("':authority', 'api.acme-corp.io'\n'x-api-key', '" + key + "'"));
        assertEquals("headers: [{\"x-api-key\", \"[REDACTED_GENERIC_SECRET]\"}, {\"content-type\", \"application/json\"}]",
                REDACTOR.redact("headers: [{\"x-api-key\", \"" + key + "\"}, {\"content-type\", \"application/json\"}]"));
        // the arguments of a call are not a pair
        assertEquals("login(user, 'svc-e2e', 'token', 'expired')", REDACTOR.redact("login(user, 'svc-e2e', 'token', 'expired')"));
    }

    @Test
    void aDotLeaderPartsANameFromItsValueButAnEllipsisDoesNot() {
        assertEquals("  host ..................... db.internal.acme.net\n  password ................. [REDACTED_PASSWORD]",
                REDACTOR.redact("  host ..................... db.internal.acme.net\n  password ................. Pw-7731-x"));
        assertEquals("DEBUG HikariConfig - password........................[REDACTED_PASSWORD]",
                REDACTOR.redact("DEBUG HikariConfig - password........................Pw-7731-x"));
        assertEquals("checking password... done", REDACTOR.redact("checking password... done"));
    }

    @Test
    void aLabelOfAFewWordsThatStartsItsLineNamesItsValue() {
        String secret = java.util.UUID.randomUUID().toString();
        String accessor = java.util.UUID.randomUUID().toString();
        assertEquals("Accessor ID  = " + accessor + "\nSecret ID    = [REDACTED_GENERIC_SECRET]\nName         = Bootstrap Token",
                REDACTOR.redact("Accessor ID  = " + accessor + "\nSecret ID    = " + secret + "\nName         = Bootstrap Token"));
        assertEquals("AccessorID:       " + accessor + "\nSecretID:         [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("AccessorID:       " + accessor + "\nSecretID:         " + secret));
    }

    @Test
    void oktasSswsSchemeCarriesAToken() {
        assertEquals("Authorization: SSWS [REDACTED_BEARER_TOKEN]",
                REDACTOR.redact("Authorization: SSWS 00" + randomAlnum(40)));
    }

    @Test
    void sqlThatSetsAPasswordLosesTheLiteralAndKeepsTheStatement() {
        assertEquals("CREATE USER 'app'@'%' IDENTIFIED BY '[REDACTED_PASSWORD]'",
                REDACTOR.redact("CREATE USER 'app'@'%' IDENTIFIED BY 'Pw-7731-x'"));
        assertEquals("ALTER USER reporter IDENTIFIED WITH sha256_password BY '[REDACTED_PASSWORD]'",
                REDACTOR.redact("ALTER USER reporter IDENTIFIED WITH sha256_password BY 'Pw-7731-x'"));
        assertEquals("db2 connect to SAMPLE user db2inst1 using [REDACTED_PASSWORD]",
                REDACTOR.redact("db2 connect to SAMPLE user db2inst1 using Pw-7731-x"));
        assertEquals("CREATE INDEX orders_idx ON orders USING btree (created_at); SELECT * FROM a JOIN b USING (id)",
                REDACTOR.redact("CREATE INDEX orders_idx ON orders USING btree (created_at); SELECT * FROM a JOIN b USING (id)"));
    }

    @Test
    void thePassCommandOfAProtocolTranscriptCarriesAPasswordButATestRunnersPassDoesNot() {
        assertEquals("> USER ci-runner\n< 331 Please specify the password.\n> PASS [REDACTED_PASSWORD]\n< 230 Login successful.",
                REDACTOR.redact("> USER ci-runner\n< 331 Please specify the password.\n> PASS Pw-7731-x\n< 230 Login successful."));
        assertEquals("Command:  PASS [REDACTED_PASSWORD]", REDACTOR.redact("Command:  PASS Pw-7731-x"));
        String runners = " PASS  tests/login.spec.ts (1.2 s)\n--- PASS: TestLogin (0.00s)\nPASS\nok  \tacme/api\t0.01s";
        assertEquals(runners, REDACTOR.redact(runners));
    }

    @Test
    void aLongOptionWithOneDashNamedLikeASecretLosesItsValue() {
        String key = randomAlnum(43) + "=";
        String pub = randomAlnum(43) + "=";
        assertEquals("./wgfwd -wg-private-key [REDACTED_GENERIC_SECRET] -wg-public-key " + pub + " -wg-endpoint vpn.acme.net:60040",
                REDACTOR.redact("./wgfwd -wg-private-key " + key + " -wg-public-key " + pub + " -wg-endpoint vpn.acme.net:60040"));
    }

    @Test
    void anOptionAsRustPrintsItIsReadThrough() {
        assertEquals("UserOptions { hash_password: Some(\"[REDACTED_PASSWORD]\"), comment: Some(\"system admin\") }",
                REDACTOR.redact("UserOptions { hash_password: Some(\"Pw-7731-x\"), comment: Some(\"system admin\") }"));
    }

    @Test
    void snmpCommunitiesAndPassphrasesAreCommandLinePasswords() {
        assertEquals("snmpwalk -v2c -c [REDACTED_PASSWORD] core-sw-01.dc1.acme.net system",
                REDACTOR.redact("snmpwalk -v2c -c Pw-7731-x core-sw-01.dc1.acme.net system"));
        assertEquals("snmpget -v3 -l authPriv -u ops -a SHA -A [REDACTED_PASSWORD] -x AES -X [REDACTED_PASSWORD] sw01 sysDescr.0",
                REDACTOR.redact("snmpget -v3 -l authPriv -u ops -a SHA -A Pw-7731-x -x AES -X Pr1v-8842-y sw01 sysDescr.0"));
    }

    @Test
    void aRoutingKeyGoesOnlyWhenItLooksGenerated() {
        String key = "4c82ca2b593861dfd3517e0f4ea69b70";   // a PagerDuty integration key's shape
        assertEquals("{\"routing_key\":\"[REDACTED_GENERIC_SECRET]\",\"event_action\":\"trigger\"}",
                REDACTOR.redact("{\"routing_key\":\"" + key + "\",\"event_action\":\"trigger\"}"));
        assertEquals("publish exchange=orders routing_key=orders.created.v1",
                REDACTOR.redact("publish exchange=orders routing_key=orders.created.v1"));
    }

    @Test
    void aPasswordGivenAsAPositionalArgumentGoesByTheTablesCount() {
        assertEquals("$ sudo rabbitmqctl add_user deploy-bot [REDACTED_PASSWORD]\nAdding user \"deploy-bot\" ...",
                REDACTOR.redact("$ sudo rabbitmqctl add_user deploy-bot Pw-7731-x\nAdding user \"deploy-bot\" ..."));
        assertEquals("C:\\> net user svc-backup [REDACTED_PASSWORD] /add", REDACTOR.redact("C:\\> net user svc-backup Pw-7731-x /add"));
        String kept = "rabbitmqctl add_vhost orders\nrabbitmqctl list_users\nnet user svc-backup /delete\nadd_user is a subcommand";
        assertEquals(kept, REDACTOR.redact(kept));
    }

    @Test
    void aValueAfterASeparatorOutsideAsciiGoesWhateverTheSeparatorAndProseAfterOneStays() {
        String token = randomAlnum(32);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("password\uff1aPw-7731-x", "password\uff1a[REDACTED_PASSWORD]");                 // full-width colon
        cases.put("token\uff1d" + token, "token\uff1d[REDACTED_GENERIC_SECRET]");                  // full-width equals
        cases.put("password \u2192 Pw-7731-x", "password \u2192 [REDACTED_PASSWORD]");              // arrow
        cases.put("api_token \u21d2 " + token, "api_token \u21d2 [REDACTED_GENERIC_SECRET]");
        cases.put("DB password \u2014 Pw-7731-x", "DB password \u2014 [REDACTED_PASSWORD]");         // em dash
        cases.put("password\u00a0Pw-7731-x", "password\u00a0[REDACTED_PASSWORD]");                  // no-break space
        cases.put("password\u3000Pw-7731-x", "password\u3000[REDACTED_PASSWORD]");                  // ideographic space
        cases.put("password \u201cPw-7731-x\u201d rejected", "password \u201c[REDACTED_PASSWORD]\u201d rejected");
        cases.put("secret \u00ab" + token + "\u00bb", "secret \u00ab[REDACTED_GENERIC_SECRET]\u00bb");
        cases.forEach((in, out) -> assertEquals(out, REDACTOR.redact(in), in));
        for (String keep : List.of("password \u2014 too short", "login \u203a password \u203a rejects empty input",
                "checking password\u2026 done", "the word \u201cpassword\u201d is reserved", "\u2718 token \u203a refresh works",
                "\u5bc6\u7801\u9519\u8bef\uff1a\u7528\u6237 bob", "user \u2192 login \u2192 token \u2192 dashboard")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aSecretsNameThenAPipeATildeOrALoneDashThenItsValueLosesTheValue() {
        assertEquals("password | [REDACTED_PASSWORD]", REDACTOR.redact("password | Pw-7731-x"));
        assertEquals("password - [REDACTED_PASSWORD]", REDACTOR.redact("password - Pw-7731-x"));
        for (String keep : List.of("token | jq .access", "password - too short", "password -> PasswordEncoder.encode() -> hash")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void thePasswordOfANamedUserGoesAndTheUserStays() {
        String token = randomAlnum(32);
        assertEquals("Password for user deploy is [REDACTED_PASSWORD]", REDACTOR.redact("Password for user deploy is Pw-7731-x"));
        assertEquals("Resetting password of svc-ci to [REDACTED_PASSWORD]", REDACTOR.redact("Resetting password of svc-ci to Pw-7731-x"));
        assertEquals("generated token for runner-7: [REDACTED_GENERIC_SECRET]", REDACTOR.redact("generated token for runner-7: " + token));
        assertEquals("admin password changed to [REDACTED_PASSWORD] by root", REDACTOR.redact("admin password changed to Pw-7731-x by root"));
        for (String keep : List.of("invalid password for user bob", "password for user bob: rejected",
                "invalid password for user \"bob\"", "token for service api-gw: Expired", "password of the admin account expired")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aLineThatEndsInASecretsIdentifierAndOneValueLosesTheValueWhateverStandsBefore() {
        String token = randomAlnum(32);
        assertEquals("Step 4/9 : ENV DB_PASSWORD [REDACTED_PASSWORD]", REDACTOR.redact("Step 4/9 : ENV DB_PASSWORD Pw-7731-x"));
        assertEquals("set -gx API_TOKEN [REDACTED_GENERIC_SECRET]\nSetEnv DB_PASSWORD [REDACTED_PASSWORD]",
                REDACTOR.redact("set -gx API_TOKEN " + token + "\nSetEnv DB_PASSWORD Pw-7731-x"));
        assertEquals("fastcgi_param DB_PASSWORD [REDACTED_PASSWORD];", REDACTOR.redact("fastcgi_param DB_PASSWORD Pw-7731-x;"));
        assertEquals("DB_HOST          db.acme.net\nDB_PASSWORD      [REDACTED_PASSWORD]\nDB_PORT          5432",
                REDACTOR.redact("DB_HOST          db.acme.net\nDB_PASSWORD      Pw-7731-x\nDB_PORT          5432"));
        for (String keep : List.of("missing DB_PASSWORD variable", "user_token_count 42", "TOKEN_TTL 3600",
                "refresh_token grant failed", "ENV NODE_ENV production", "unset DB_PASSWORD", "echo $DB_PASSWORD Pw-7731-x")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aUserAndPasswordPairGoesWhereItsLineSaysItIsALoginAndOnlyThePasswordGoes() {
        assertEquals("[+] 10.0.0.5:22 - Login Successful: root:[REDACTED_PASSWORD]",
                REDACTOR.redact("[+] 10.0.0.5:22 - Login Successful: root:Pw-7731-x"));
        assertEquals("[SUCCESS] valid credentials found: admin:[REDACTED_PASSWORD]",
                REDACTOR.redact("[SUCCESS] valid credentials found: admin:Pw-7731-x"));
        for (String keep : List.of("Login Successful: connected to db01:5432", "last login: bob at 10:11:12",
                "Logging in as user:alice", "login.spec.ts:12:7 \u203a logs in", "account service at acct.acme.net:8443 down",
                "monkey: Banana12", "Login failed for user 'reporter'. ClientConnectionId:6c9bd697-833c-4d6a-9735-247a8ae73edf")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aValueAloneOnTheLineAfterItsNameGoesAndANestedMappingStays() {
        assertEquals("db:\n  password:\n    [REDACTED_PASSWORD]\n  host: db.acme.net",
                REDACTOR.redact("db:\n  password:\n    Pw-7731-x\n  host: db.acme.net"));
        assertEquals("secrets:\n  - [REDACTED_GENERIC_SECRET]", REDACTOR.redact("secrets:\n  - " + randomAlnum(32)));
        for (String keep : List.of("password:\n  minLength: 12\n  maxLength: 64", "token:\n    $ref: '#/components/schemas/Token'",
                "password:\nnext: line", "Enter password:\n  ********")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void anElementNamedByItsNameOrKeyAttributeLosesItsValueAndAFormControlKeepsItsText() {
        String token = randomAlnum(32);
        assertEquals("<entry key=\"db.password\">[REDACTED_PASSWORD]</entry>", REDACTOR.redact("<entry key=\"db.password\">Pw-7731-x</entry>"));
        assertEquals("<param name=\"token\">[REDACTED_GENERIC_SECRET]</param>", REDACTOR.redact("<param name=\"token\">" + token + "</param>"));
        assertEquals("<string name=\"api_key\">[REDACTED_GENERIC_SECRET]</string>",
                REDACTOR.redact("<string name=\"api_key\">" + token + "</string>"));
        assertEquals("<password><![CDATA[[REDACTED_PASSWORD]]]></password>", REDACTOR.redact("<password><![CDATA[Pw-7731-x]]></password>"));
        for (String keep : List.of("<input name=\"password\" type=\"password\"> Remember me <br>",
                "<button name=\"token\">Refresh</button>", "<label for=\"password\">Password</label>",
                "<add key=\"Environment\" value=\"staging\"/>")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aSecretsNameRunTogetherWithWhatItIsForIsStillItsName() {
        String token = randomAlnum(32);
        assertEquals("olcRootPW: [REDACTED_PASSWORD]", REDACTOR.redact("olcRootPW: Pw-7731-x"));
        assertEquals("dbpwd=[REDACTED_PASSWORD]", REDACTOR.redact("dbpwd=Pw-7731-x"));
        assertEquals("bindpw=[REDACTED_PASSWORD]", REDACTOR.redact("bindpw=Pw-7731-x"));
        assertEquals("adminpwd: [REDACTED_PASSWORD]", REDACTOR.redact("adminpwd: Pw-7731-x"));
        assertEquals("apptoken: [REDACTED_GENERIC_SECRET]", REDACTOR.redact("apptoken: " + token));
        assertEquals("consumersecret = [REDACTED_GENERIC_SECRET]", REDACTOR.redact("consumersecret = " + token));
        for (String keep : List.of("monkey: Banana12", "turkey=Roast2024", "hockey: Team12")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aUserAndPasswordPairAfterASecretsNameLosesOnlyThePassword() {
        assertEquals("sending credentials admin:[REDACTED_PASSWORD] to proxy", REDACTOR.redact("sending credentials admin:Pw-7731-x to proxy"));
        assertEquals("credentials admin/[REDACTED_PASSWORD] accepted", REDACTOR.redact("credentials admin/Pw-7731-x accepted"));
        assertEquals("valid credentials found: admin:[REDACTED_PASSWORD]", REDACTOR.redact("valid credentials found: admin:Pw-7731-x"));
        for (String keep : List.of("invalid credentials for user bob", "credentials expired at 10:11:12", "credentials db01:5432 refused")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aValueALogWrapsInBracketsGoesAndAListStays() {
        assertEquals("[auth] password=[[REDACTED_PASSWORD]] user=[bob]", REDACTOR.redact("[auth] password=[Pw-7731-x] user=[bob]"));
        for (String keep : List.of("password=[hidden] user=[bob]", "tokens=[a, b] done", "password: [REDACTED_PASSWORD]",
                "password_rules=[min8] ok")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aTupleThatOpensWithASecretsBareNameLosesItsQuotedValue() {
        assertEquals("[{username,\"app\"},{password,\"[REDACTED_PASSWORD]\"}]",
                REDACTOR.redact("[{username,\"app\"},{password,\"Pw-7731-x\"}]"));
        assertEquals("opts = [{:password, \"[REDACTED_PASSWORD]\"}]", REDACTOR.redact("opts = [{:password, \"Pw-7731-x\"}]"));
        assertEquals("#{password => <<\"[REDACTED_PASSWORD]\">>}", REDACTOR.redact("#{password => <<\"Pw-7731-x\">>}"));
        for (String keep : List.of("{username,\"app\"}", "check(password, \"expected\")", "(token, 'expired')",
                "{ok,\"done\"}")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    @Test
    void aPowerShellCommandAssignedToASecretsVariableIsNoValue() {
        for (String keep : List.of("$password = Read-Host -AsSecureString", "$secpwd = ConvertTo-SecureString $plain -AsPlainText -Force")) {
            assertSame(keep, REDACTOR.redact(keep), keep);
        }
    }

    /** Secret-sharing tools number the shares they print: Unseal Key 1:, Recovery Key 2:. */
    @Test
    void aNumberedKeyShareGoesAndAPublicOrWordValueStays() {
        assertEquals("Unseal Key 1: [REDACTED_GENERIC_SECRET]\nRecovery Key 2: [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("Unseal Key 1: Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u\nRecovery Key 2: Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u"));
        assertEquals("$ vault operator unseal [REDACTED_PASSWORD]",
                REDACTOR.redact("$ vault operator unseal Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u"));
        String kept2 = "Recovery Key 2: disabled\nPublic Key 1: Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u\nsort key 3: Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u";
        assertEquals(kept2, REDACTOR.redact(kept2));
    }

    /** Configuration loaders announce each key: NAME has been set as VALUE. */
    @Test
    void aSettingAnnouncedAsSetInProseLosesItsValueWhenTheNameIsASecrets() {
        assertEquals("INFO loader - key=db.adminPassword has been set as [REDACTED_PASSWORD]",
                REDACTOR.redact("INFO loader - key=db.adminPassword has been set as Pw-7731-x"));
        assertEquals("INFO loader - apiSecret was set to [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("INFO loader - apiSecret was set to Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u"));
        String kept2 = "INFO loader - serverAddr has been set as db-7.acme-corp.io:8848\nINFO loader - password has been set as expected\nthe timeout was set to 30s";
        assertEquals(kept2, REDACTOR.redact(kept2));
    }

    /** Samba's tools take -U [DOMAIN\\]USER%PASSWORD. */
    @Test
    void sambasUserPercentPasswordLosesThePasswordAndAnEscapedAtStays() {
        assertEquals("$ smbclient //fs01.acme-corp.io/share -U 'ACME\\ci-bot%[REDACTED_PASSWORD]' -c ls",
                REDACTOR.redact("$ smbclient //fs01.acme-corp.io/share -U 'ACME\\ci-bot%Pw-7731-x' -c ls"));
        assertEquals("$ samba-tool user list --user=ACME/admin%[REDACTED_PASSWORD] -H ldap://dc1.acme-corp.io",
                REDACTOR.redact("$ samba-tool user list --user=ACME/admin%Pw-7731-x -H ldap://dc1.acme-corp.io"));
        String kept2 = "$ smbclient //fs01.acme-corp.io/share -U ci-bot%40acme -c ls";
        assertEquals(kept2, REDACTOR.redact(kept2));
    }

    /** curl's flags on the lines after a trailing backslash belong to curl. */
    @Test
    void aCommandContinuedWithABackslashIsOneCommandLine() {
        assertEquals("$ curl -sS \\\n  -H 'Accept: application/json' \\\n  -u ci-bot:[REDACTED_PASSWORD] \\\n  https://api.acme-corp.io/v1/ping",
                REDACTOR.redact("$ curl -sS \\\n  -H 'Accept: application/json' \\\n  -u ci-bot:Pw-7731-x \\\n  https://api.acme-corp.io/v1/ping"));
        String kept1 = "$ curl -sS https://api.acme-corp.io/v1/ping\nssh -u ci-bot:x1 host";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** Header maps hold lists (JSON, Go's http.Header). */
    @Test
    void aSecretsValueInAListGoesAndOtherHeadersStay() {
        assertEquals("\"headers\":{\"Accept\":[\"application/json\"],\"X-Auth-Token\":[\"[REDACTED_GENERIC_SECRET]\"]}",
                REDACTOR.redact("\"headers\":{\"Accept\":[\"application/json\"],\"X-Auth-Token\":[\"Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u\"]}"));
        assertEquals("http.Header{\"Accept\":[]string{\"text/html\"}, \"X-Api-Key\":[]string{\"[REDACTED_GENERIC_SECRET]\"}}",
                REDACTOR.redact("http.Header{\"Accept\":[]string{\"text/html\"}, \"X-Api-Key\":[]string{\"Qm8xTz4pLw2RvN7cYk3HbJ5sDf9GaE1u\"}}"));
        String kept3 = "http.Header{\"X-Request-Id\":[]string{\"3f2a9c0b7d1e4f5a9b8c\"}}";
        assertEquals(kept3, REDACTOR.redact(kept3));
    }

    /** Erlang and Elixir print settings as {atom, Value}, strings as <<"...">> binaries. */
    @Test
    void anErlangTuplesStringOrBinaryGoesWhenTheAtomNamesASecret() {
        assertEquals("[{rabbit,[{default_user,<<\"guest\">>},{default_pass,<<\"[REDACTED_PASSWORD]\">>},{db_password, \"[REDACTED_PASSWORD]\"}]}]",
                REDACTOR.redact("[{rabbit,[{default_user,<<\"guest\">>},{default_pass,<<\"Pw-7731-x\">>},{db_password, \"Pw-7731-x\"}]}]"));
        String kept1 = "[{default_user,<<\"guest\">>},{log_levels,[{connection,info}]},{vhost,\"orders\"}]";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** go-spew, and testify's diffs: Password: (string) (len=9) "...". */
    @Test
    void goSpewsTypeAndLengthStandBetweenANameAndItsValue() {
        assertEquals("+ Password: [REDACTED_PASSWORD]) (len=9) \"[REDACTED_PASSWORD]\"",
                REDACTOR.redact("+ Password: (string) (len=9) \"Pw-7731-x\""));
        String kept1 = "  User: (string) (len=9) \"ci-bot-07\",\n  Host: (string) (len=14) \"db.acme-corp.io\"";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** Keycloak's credential representations: {"type":"password","value":"..."}. */
    @Test
    void aTypeNamesTheValueBesideIt() {
        assertEquals("{\"credentials\":[{\"type\":\"password\",\"value\":\"[REDACTED_PASSWORD]\",\"temporary\":false}]}",
                REDACTOR.redact("{\"credentials\":[{\"type\":\"password\",\"value\":\"Pw-7731-x\",\"temporary\":false}]}"));
        String kept1 = "{\"type\":\"text\",\"value\":\"Hello World\"}";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** root@host:~# keeps its host; a mailbox before a colon and a word is still one. */
    @Test
    void aShellPromptsUserAtHostIsNoEmailAddress() {
        assertEquals("Reply to [REDACTED_EMAIL]: on call",
                REDACTOR.redact("Reply to ops@acme-mail.io: on call"));
        String kept1 = "root@db01.acme-corp.io:~# systemctl restart vault\nci@build-7.acme-corp.io:/srv/app$ make";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** A secret alone on its line below a label or a shell command that names it; a fingerprint or a pod name stays. */
    @Test
    void aSecretAloneBelowTheLineThatNamesItGoesAndOtherLoneLinesStay() {
        assertEquals("Your API key (shown once):\n  [REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("Your API key (shown once):\n  Zk81LmQp0aXw93kPQm2"));
        assertEquals("Here is the password for user admin (change it at first login):\n\t[REDACTED_PASSWORD]",
                REDACTOR.redact("Here is the password for user admin (change it at first login):\n\tLq82#mmsaPP"));
        assertEquals("$ kubectl -n vault get secret root -o jsonpath=\"{.data.token}\" | base64 -d\n[REDACTED_GENERIC_SECRET]",
                REDACTOR.redact("$ kubectl -n vault get secret root -o jsonpath=\"{.data.token}\" | base64 -d\nhvsCAESIJx8kk2LmQaaBB12qwe"));
        assertEquals("ci@build-7:~$ cat /run/secrets/db_password\n[REDACTED_PASSWORD]",
                REDACTOR.redact("ci@build-7:~$ cat /run/secrets/db_password\nHunter2Xy9!z"));
        assertEquals("Password for the [grafana] admin successfully reset.\nNew value: [REDACTED_PASSWORD]",
                REDACTOR.redact("Password for the [grafana] admin successfully reset.\nNew value: Pq83_kdl!mmZ"));
        String kept1 = "HTTP CA certificate SHA-256 fingerprint:\n  29daabd52837afe2d908cb67f63ab0c1f230f097edadf25231dbf83f1ba49d93";
        assertEquals(kept1, REDACTOR.redact(kept1));
        String kept2 = "$ kubectl get pods\nweb-7f9c8d5b6-x2x9z\nPassword requirements:\n  minimum-eight";
        assertEquals(kept2, REDACTOR.redact(kept2));
        String kept3 = "Changed the retention setting.\nNew value: 30d-keep-daily\n$ cat ~/.pgpass\ndb.acme-corp.io:5432:orders:app:*";
        assertEquals(kept3, REDACTOR.redact(kept3));
    }

    /** Python's CalledProcessError, JSON and auditd print a command as quoted elements; the flags' rules hold there. */
    @Test
    void aCommandPrintedAsQuotedElementsLosesItsPasswordFlagsValue() {
        assertEquals("Command '['mysql', '-u', 'root', '-p[REDACTED_PASSWORD]', 'orders']' returned non-zero exit status 1.",
                REDACTOR.redact("Command '['mysql', '-u', 'root', '-pKk29!lmQ', 'orders']' returned non-zero exit status 1."));
        assertEquals("type=EXECVE argc=4 a0=\"curl\" a1=\"-u\" a2=\"ci:[REDACTED_PASSWORD]\" a3=\"https://api.acme-corp.io/v1\"",
                REDACTOR.redact("type=EXECVE argc=4 a0=\"curl\" a1=\"-u\" a2=\"ci:Tw9_kk2LmQ\" a3=\"https://api.acme-corp.io/v1\""));
        String kept1 = "[\"curl\", \"-u\", \"-v\", \"https://api.acme-corp.io\"] [\"ls\", \"-l\", \"/tmp\"]";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** A BMC's login on ipmitool's, FreeIPMI's and racadm's command lines; mysql's -P is a port. */
    @Test
    void aBmcToolsPasswordFlagLosesItsValueAndAPortFlagStays() {
        assertEquals("ipmitool -I lanplus -H bmc-7.acme-corp.io -U ADMIN -P [REDACTED_PASSWORD] chassis status",
                REDACTOR.redact("ipmitool -I lanplus -H bmc-7.acme-corp.io -U ADMIN -P Xv56!Iub7w8E chassis status"));
        assertEquals("racadm -r idrac.acme-corp.io -u root -p [REDACTED_PASSWORD] getsysinfo",
                REDACTOR.redact("racadm -r idrac.acme-corp.io -u root -p calvin8X getsysinfo"));
        String kept1 = "mysql -h db.acme-corp.io -P 3306 -u app orders; rsync -P -a src/ backup:/dst";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** mc alias set ALIAS URL ACCESSKEY SECRETKEY: the secret key by position; an alias without keys stays. */
    @Test
    void theMinioClientsSecretKeyGoesByPosition() {
        assertEquals("+ mc alias set prod https://s3.acme-corp.io svc-backup [REDACTED_PASSWORD]",
                REDACTOR.redact("+ mc alias set prod https://s3.acme-corp.io svc-backup Wq92kLmZpQ81aaBB77xyZ"));
        assertEquals("+ mc alias set ci http://10.40.2.17:9000 qa-bot [REDACTED_PASSWORD]",
                REDACTOR.redact("+ mc alias set ci http://10.40.2.17:9000 qa-bot jfSWfiqlnHk6lUB1u7TfJ1Sa1ZM9lb73cvgFY557"));
        String kept1 = "mc alias set prod https://s3.acme-corp.io\ngit config --global alias.set-upstream '!git push -u'";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** PDO, JDBC and ODBC connect with (data source, user, password): the third goes, a printf's arguments stay. */
    @Test
    void aConnectionCallsPasswordAfterItsDataSourceAndUserGoes() {
        assertEquals("PDO->__construct('mysql:host=db.acme-corp.io;dbname=orders', 'app', '[REDACTED_PASSWORD]', Array)",
                REDACTOR.redact("PDO->__construct('mysql:host=db.acme-corp.io;dbname=orders', 'app', 'Plum-4410!x', Array)"));
        assertEquals("DriverManager.getConnection(\"jdbc:postgresql://db.acme-corp.io:5432/orders\", \"report\", \"[REDACTED_PASSWORD]\")",
                REDACTOR.redact("DriverManager.getConnection(\"jdbc:postgresql://db.acme-corp.io:5432/orders\", \"report\", \"Rr8823!kk\")"));
        String kept1 = "printf('%s: %s', 'user', 'text is here'); log('Error: failed', 'user', 'plain words')";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** MySQL's SET PASSWORD; a SET of another variable stays. */
    @Test
    void mysqlsSetPasswordLosesItsLiteral() {
        assertEquals("SET PASSWORD FOR 'svc'@'localhost' = '[REDACTED_PASSWORD]';",
                REDACTOR.redact("SET PASSWORD FOR 'svc'@'localhost' = 'iA60-XMzJqA9_7';"));
        assertEquals("SET PASSWORD FOR bob@'%' = PASSWORD('[REDACTED_PASSWORD]');",
                REDACTOR.redact("SET PASSWORD FOR bob@'%' = PASSWORD('Rk92_zzLopQ');"));
        String kept1 = "SET password_policy = 'STRONG'; SET PASSWORD FOR 'app'@'%'";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** A plan's change, "old" -> "new", loses both sides under a secret's name, aligned or not. */
    @Test
    void aChangedSecretLosesItsNewValueAndOtherChangesStay() {
        assertEquals("  ~ \"DatabasePassword\"      = \"****\" -> \"[REDACTED_PASSWORD]\"",
                REDACTOR.redact("  ~ \"DatabasePassword\"      = \"****\" -> \"i2a4%GR9a9okyH-2\""));
        String kept1 = "  ~ \"instance_type\"         = \"t3.small\" -> \"t3.large\"\n  ~ \"Password\" = \"****\" -> (known after apply)";
        assertEquals(kept1, REDACTOR.redact(kept1));
    }

    /** Postfix's sasl_passwd lines, [relay]:port user:password, first line or not; a bracketed host and a port stay. */
    @Test
    void aRelayHostsLoginLineLosesItsPassword() {
        assertEquals("[mail.acme-corp.io] ci-runner:[REDACTED_PASSWORD]\n[smtp.relay.acme-corp.io]:587 alerts:[REDACTED_PASSWORD]",
                REDACTOR.redact("[mail.acme-corp.io] ci-runner:Kf08*5ufekK9D_0\n[smtp.relay.acme-corp.io]:587 alerts:Orange4920*xl"));
        String kept1 = "[db.acme-corp.io] 10.0.0.7:5432\n[main] INFO: started\n[2024-05-14 10:00:00] job:done";
        assertEquals(kept1, Redactor.atRest().redact(kept1));
    }

    /** The private lines of a PuTTY key file go; its public lines stay. */
    @Test
    void aPuttyKeyFilesPrivateLinesGo() {
        assertEquals("Public-Lines: 1\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\nPrivate-Lines: 2\n[REDACTED_PRIVATE_KEY]\nPrivate-MAC: 1234abcd",
                REDACTOR.redact("Public-Lines: 1\nAAAAB3NzaC1yc2EAAAADAQABAAABAQ\nPrivate-Lines: 2\nAAABAQCxxMZnB8kLm2pQ9zzA8d/ehfl93m\n"
                        + "Zk2Lm9QaaBB12qwe77+/ABCabc==\nPrivate-MAC: 1234abcd"));
    }

    /** A one-time code under its name goes (otpCode, mfa_code, pin_code); an error or a zip code stays. */
    @Test
    void aOneTimeCodeGoesAndOtherCodesStay() {
        assertEquals("LoginRequest(otpCode=[REDACTED_PASSWORD], mfa_code=[REDACTED_PASSWORD], statusCode=404, zip_code=10115)",
                REDACTOR.redact("LoginRequest(otpCode=488101, mfa_code=551234, statusCode=404, zip_code=10115)"));
    }

    /** PHP's define() aligns its values in a column: the secret's value goes whatever the blanks. */
    @Test
    void aPairAlignedInAColumnLosesItsSecretValue() {
        assertEquals("define( 'AUTH_KEY',         '[REDACTED_GENERIC_SECRET]' );\ndefine( 'WP_DEBUG',         'true' );",
                REDACTOR.redact("define( 'AUTH_KEY',         'QWxhZGRpbjpvcGVuIHNlc2FtZQ12345=' );\ndefine( 'WP_DEBUG',         'true' );"));
    }

    private static final Random LOCAL = new Random(7);

    private static String randomAlnum(int n) {
        return random(LOCAL, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n);
    }

    private static String randomUpper(int n) {
        return random(LOCAL, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
    }

    private static String randomHex(int n) {
        return random(LOCAL, "0123456789abcdef", n);
    }
}
