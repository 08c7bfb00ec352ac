package dev.healdesk.core.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generated logs for measuring and testing redaction: documents of about 8 KB, each what a failed test hands
 * a model (Java and Playwright stack traces, HTTP access logs, JSON log lines, SQL errors, CI and Kubernetes
 * output), with a realistic sprinkle of secrets and personal data and plenty of look-alikes that must stay
 * (versions, hashes, UUIDs, timestamps, ports, error codes, placeholders). Every document differs, and every
 * planted secret is recorded, so a test can prove none survives. Fake secrets are built at run time from
 * random characters, never spelt out. Deterministic for a seed; ASCII only.
 */
final class LogCorpus {

    static final int DOCUMENT_CHARS = 8 * 1024;

    /** @param planted the sensitive strings put into the documents, each of which redaction must remove */
    record Corpus(List<String> documents, List<String> planted, long bytes) {
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String HEX = "0123456789abcdef";
    private static final String[] SERVICES = {"orders", "billing", "auth", "catalog", "search", "gateway", "cart",
            "notifications", "inventory", "reports"};
    private static final String[] ROUTES = {"/api/users", "/api/orders", "/login", "/checkout", "/api/v2/invoices",
            "/api/products/search", "/settings/profile", "/api/auth/refresh", "/admin/reports", "/health"};
    private static final String[] TABLES = {"users", "orders", "invoices", "sessions", "payments", "carts",
            "line_items", "accounts", "audit_log"};
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
            "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "walter"};
    private static final String[] DOMAINS = {"acme-corp.io", "globex.com", "initech.net", "umbrella.co.uk",
            "hooli.dev", "stark-industries.com"};
    private static final String[] SELECTORS = {"#login", "#email", "#password", "[data-testid=\"submit\"]",
            ".btn-primary", "text=Sign in", "#cart-total", "nav >> text=Orders", "#customers-table tr"};

    private final Random r;
    private final List<String> planted = new ArrayList<>();
    private final List<Consumer<StringBuilder>> logs = List.of(this::javaStack, this::playwright, this::accessLog,
            this::jsonLog, this::sqlError, this::kubernetes, this::ci);
    private final List<Consumer<StringBuilder>> secrets = List.of(this::urlPassword, this::databaseUrl,
            this::authorization, this::apiKeyJson, this::awsEnv, this::githubRemote, this::slack, this::stripe,
            this::google, this::twilio, this::cookies, this::privateKey, this::contact, this::card, this::ssn,
            this::openAi, this::anthropic, this::passwordKeyValue, this::codeHost, this::registry, this::discord,
            this::azure, this::sendgrid, this::iban, this::commandLine);

    private LogCorpus(long seed) {
        r = new Random(seed);
    }

    /** Documents adding up to at least {@code megabytes} million bytes. */
    static Corpus generate(int megabytes, long seed) {
        LogCorpus c = new LogCorpus(seed);
        List<String> documents = new ArrayList<>();
        long bytes = 0;
        long target = megabytes * 1_000_000L;
        while (bytes < target) {
            String d = c.document();
            documents.add(d);
            bytes += d.length();   // ASCII: one byte a character
        }
        return new Corpus(documents, c.planted, bytes);
    }

    private String document() {
        StringBuilder b = new StringBuilder(DOCUMENT_CHARS + 2048);
        while (b.length() < DOCUMENT_CHARS) {
            if (r.nextInt(12) == 0) {
                secrets.get(r.nextInt(secrets.size())).accept(b);
            } else {
                logs.get(r.nextInt(logs.size())).accept(b);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------- values

    private String pick(String[] values) {
        return values[r.nextInt(values.length)];
    }

    private String random(String alphabet, int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private String plant(String secret) {
        planted.add(secret);
        return secret;
    }

    private String ts() {
        return String.format("2024-%02d-%02dT%02d:%02d:%02d.%03dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000));
    }

    private String uuid() {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private String privateIp() {
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private String publicIp() {
        return (11 + r.nextInt(100)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private String version() {
        return r.nextInt(20) + "." + r.nextInt(30) + "." + r.nextInt(100);
    }

    private String email() {
        return pick(NAMES) + "." + random("abcdefghijklmnopqrstuvwxyz", 5) + r.nextInt(1000) + "@" + pick(DOMAINS);
    }

    private String password() {
        return random(ALNUM, 10 + r.nextInt(8)) + "!" + r.nextInt(100);
    }

    // ------------------------------------------------------------------------------------------------ logs

    private void javaStack(StringBuilder b) {
        String svc = pick(SERVICES);
        b.append(ts()).append(" ERROR [").append(svc).append("-worker-").append(r.nextInt(16)).append("] c.e.")
                .append(svc).append(".Service - request ").append(uuid()).append(" failed\n")
                .append("org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection;"
                        + " nested exception is java.sql.SQLTransientConnectionException: HikariPool-1 - Connection is"
                        + " not available, request timed out after ").append(30000 + r.nextInt(100)).append("ms.\n");
        int frames = 6 + r.nextInt(10);
        for (int i = 0; i < frames; i++) {
            String cls = Character.toUpperCase(svc.charAt(0)) + svc.substring(1) + new String[] {"Repository",
                    "Service", "Controller", "Mapper"}[r.nextInt(4)];
            b.append("\tat com.example.").append(svc).append('.').append(cls).append('.')
                    .append(new String[] {"find", "save", "load", "handle", "lambda$apply$" + r.nextInt(9)}[r.nextInt(5)])
                    .append('(').append(cls).append(".java:").append(10 + r.nextInt(400)).append(")\n");
        }
        b.append("\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1136)\n")
                .append("Caused by: org.postgresql.util.PSQLException: FATAL: sorry, too many clients already"
                        + " (SQLSTATE 53300)\n\t... ").append(r.nextInt(40)).append(" common frames omitted\n");
    }

    private void playwright(StringBuilder b) {
        String spec = pick(SERVICES);
        b.append("  1) [chromium] > tests/").append(spec).append(".spec.ts:").append(5 + r.nextInt(200)).append(':')
                .append(1 + r.nextInt(30)).append(" > ").append(spec).append(" works\n\n    Error: locator.click:"
                + " Timeout ").append((1 + r.nextInt(30)) * 1000).append("ms exceeded.\n    Call log:\n      -"
                + " waiting for locator('").append(pick(SELECTORS)).append("')\n      - navigating to \"http://")
                .append(r.nextBoolean() ? "localhost" : "127.0.0.1").append(':').append(3000 + r.nextInt(6000))
                .append(pick(ROUTES)).append("\", waiting until \"load\"\n\n      at /home/runner/work/app/app/tests/")
                .append(spec).append(".spec.ts:").append(10 + r.nextInt(300)).append(':').append(5 + r.nextInt(20))
                .append("\n    attachment #1: trace (application/zip) test-results/").append(spec).append('-')
                .append(random(HEX, 5)).append("/trace.zip\n");
    }

    private void accessLog(StringBuilder b) {
        int lines = 3 + r.nextInt(8);
        for (int i = 0; i < lines; i++) {
            String ip = r.nextInt(4) == 0 ? publicIp() : r.nextBoolean() ? privateIp() : "127.0.0.1";
            b.append(ip).append(" - - [").append(1 + r.nextInt(28)).append("/Jun/2024:").append(r.nextInt(24))
                    .append(':').append(10 + r.nextInt(50)).append(':').append(10 + r.nextInt(50))
                    .append(" +0000] \"").append(r.nextBoolean() ? "GET " : "POST ").append(pick(ROUTES)).append("?page=")
                    .append(r.nextInt(40)).append("&sort=created_at HTTP/1.1\" ")
                    .append(new int[] {200, 200, 200, 201, 304, 404, 500, 502}[r.nextInt(8)]).append(' ')
                    .append(r.nextInt(90000)).append(" \"-\" \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
                    + " (KHTML, like Gecko) Chrome/").append(110 + r.nextInt(20)).append(".0.0.0 Safari/537.36\" ")
                    .append(r.nextInt(2000) / 1000.0).append('\n');
        }
    }

    private void jsonLog(StringBuilder b) {
        int lines = 2 + r.nextInt(6);
        for (int i = 0; i < lines; i++) {
            b.append("{\"ts\":\"").append(ts()).append("\",\"level\":\"").append(r.nextBoolean() ? "info" : "warn")
                    .append("\",\"logger\":\"").append(pick(SERVICES)).append(".http\",\"msg\":\"")
                    .append(r.nextBoolean() ? "GET " : "PUT ").append(pick(ROUTES)).append('/').append(r.nextInt(100000))
                    .append(" completed\",\"status\":").append(r.nextBoolean() ? 200 : 503).append(",\"durationMs\":")
                    .append(r.nextInt(5000)).append(",\"traceId\":\"").append(random(HEX, 32)).append("\",\"spanId\":\"")
                    .append(random(HEX, 16)).append("\",\"userId\":\"").append(uuid()).append("\",\"version\":\"")
                    .append(version()).append("\",\"token_type\":\"Bearer\",\"tokens\":").append(r.nextInt(4000))
                    .append(",\"password\":\"${DB_PASSWORD}\"}\n");
        }
    }

    private void sqlError(StringBuilder b) {
        switch (r.nextInt(3)) {
            case 0 -> b.append("ERROR:  duplicate key value violates unique constraint \"").append(pick(TABLES))
                    .append("_email_key\"\nDETAIL:  Key (email)=(").append(pick(NAMES)).append(r.nextInt(1000))
                    .append("@example.com) already exists.\nSQLSTATE: 23505 at character ").append(r.nextInt(400))
                    .append('\n');
            case 1 -> b.append("java.sql.SQLSyntaxErrorException: ORA-00942: table or view does not exist\n"
                    + "  query: SELECT id, created_at FROM ").append(pick(TABLES)).append(" WHERE tenant_id = ")
                    .append(r.nextInt(10000)).append(" AND updated_at > '2024-06-0").append(1 + r.nextInt(9))
                    .append(" 12:00:00'\n");
            default -> b.append("ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction (table ")
                    .append(pick(TABLES)).append(", ").append(r.nextInt(60)).append(".").append(r.nextInt(1000))
                    .append("s, connection to localhost:3306)\n");
        }
    }

    private void kubernetes(StringBuilder b) {
        String svc = pick(SERVICES);
        b.append("Normal  Pulled  ").append(r.nextInt(60)).append("s  kubelet  Successfully pulled image"
                + " \"registry.example.com/").append(svc).append('@').append("sha256:").append(random(HEX, 64))
                .append("\" in ").append(r.nextInt(9000)).append("ms\nWarning  BackOff  pod/").append(svc).append('-')
                .append(random(HEX, 10)).append('-').append(random("abcdefghijklmnopqrstuvwxyz0123456789", 5))
                .append(" Back-off restarting failed container (exit code ").append(r.nextInt(140))
                .append(", image tag ").append(random(HEX, 12)).append(", commit ").append(random(HEX, 40))
                .append(")\n");
    }

    private void ci(StringBuilder b) {
        b.append("Run npm ci\nadded ").append(r.nextInt(2000)).append(" packages in ").append(r.nextInt(90))
                .append('.').append(r.nextInt(10)).append("s\n> playwright test --shard=").append(1 + r.nextInt(4))
                .append("/4\nRunning ").append(r.nextInt(500)).append(" tests using ").append(1 + r.nextInt(8))
                .append(" workers (Node v").append(18 + r.nextInt(4)).append('.').append(r.nextInt(20)).append(".0,"
                + " @playwright/test ").append(version()).append(", sk-learn-report 0.").append(r.nextInt(9))
                .append(")\nenv: CI=true HOME=/home/runner PWD=/home/runner/work token=invalid password=****\n  ")
                .append(r.nextInt(400)).append(" passed (").append(r.nextInt(10)).append('m').append(r.nextInt(60))
                .append("s)\n");
    }

    // --------------------------------------------------------------------------------------------- secrets

    private void urlPassword(StringBuilder b) {
        b.append("fetch https://deploy:").append(plant(password())).append("@artifacts.").append(pick(DOMAINS))
                .append("/releases/").append(version()).append(".tar.gz failed: 503\n");
    }

    private void databaseUrl(StringBuilder b) {
        b.append("DATABASE_URL=postgres://app:").append(plant(password())).append("@db-").append(r.nextInt(9))
                .append(".internal:5432/shop?sslmode=require\n");
    }

    private void authorization(StringBuilder b) {
        String token = r.nextBoolean() ? random(ALNUM, 40)
                : "eyJ" + random(ALNUM, 30) + ".eyJ" + random(ALNUM, 80 + r.nextInt(80)) + "." + random(ALNUM + "-_", 43);
        b.append("> GET ").append(pick(ROUTES)).append(" HTTP/1.1\n> Host: api.").append(pick(DOMAINS))
                .append("\n> Authorization: Bearer ").append(plant(token)).append("\n< HTTP/1.1 401 Unauthorized\n");
    }

    private void apiKeyJson(StringBuilder b) {
        b.append("{\"service\":\"").append(pick(SERVICES)).append("\",\"config\":{\"apiKey\":\"")
                .append(plant(random(ALNUM, 32))).append("\",\"timeoutMs\":").append(r.nextInt(10000)).append("}}\n");
    }

    private void awsEnv(StringBuilder b) {
        b.append("AWS_ACCESS_KEY_ID=").append(plant("AKIA" + random(UPPER, 16))).append("\nAWS_SECRET_ACCESS_KEY=")
                .append(plant(random(ALNUM + "/+", 40))).append("\nAWS_REGION=eu-west-1\n");
    }

    private void githubRemote(StringBuilder b) {
        b.append("git remote set-url origin https://x-access-token:").append(plant("gh" + "s_" + random(ALNUM, 36)))
                .append("@github.com/acme/shop.git\n");
    }

    private void slack(StringBuilder b) {
        if (r.nextBoolean()) {
            b.append("notify: POST ").append(plant("https://hooks.slack.com/services/T" + random(UPPER, 8) + "/B"
                    + random(UPPER, 10) + "/" + random(ALNUM, 24))).append(" -> 404 no_service\n");
        } else {
            b.append("slack_sdk.errors.SlackApiError: invalid_auth (token ").append(plant("xox" + "b-"
                    + random("0123456789", 12) + "-" + random("0123456789", 13) + "-" + random(ALNUM, 24)))
                    .append(")\n");
        }
    }

    private void stripe(StringBuilder b) {
        b.append("Stripe::AuthenticationError: Invalid API Key provided: ")
                .append(plant("sk_" + "live_" + random(ALNUM, 24))).append('\n');
    }

    private void google(StringBuilder b) {
        b.append("GET https://maps.googleapis.com/maps/api/geocode/json?address=x&key=")
                .append(plant("AI" + "za" + random(ALNUM + "-_", 35))).append(" 403\n");
    }

    private void twilio(StringBuilder b) {
        b.append("TwilioRestException: HTTP 401 for account ").append(plant("AC" + random(HEX, 32))).append('\n');
    }

    private void cookies(StringBuilder b) {
        b.append("> Cookie: JSESSIONID=").append(plant(random(UPPER, 32))).append("; theme=dark; csrftoken=")
                .append(plant(random(ALNUM, 32))).append('\n');
    }

    private void privateKey(StringBuilder b) {
        String body = random(ALNUM + "+/", 64) + "\n" + random(ALNUM + "+/", 64);
        b.append("loading key:\n-----BEGIN RSA PRIVATE KEY-----\n").append(plant(body))
                .append("\n-----END RSA PRIVATE KEY-----\n");
    }

    private void contact(StringBuilder b) {
        String phone = "+1 " + (200 + r.nextInt(800)) + " 555 " + (1000 + r.nextInt(9000));
        b.append("customer ").append(plant(email())).append(" (").append(plant(phone)).append(") from ")
                .append(plant(publicIp())).append(" opened ticket ").append(r.nextInt(100000)).append('\n');
    }

    private void card(StringBuilder b) {
        StringBuilder digits = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            digits.append(r.nextInt(10));
        }
        for (int check = 0; check < 10; check++) {
            String candidate = digits.toString() + check;
            if (Values.luhn(candidate, 0, candidate.length())) {
                b.append("payment declined for card ").append(plant(candidate)).append(", amount ")
                        .append(r.nextInt(100000) / 100.0).append(" EUR\n");
                return;
            }
        }
    }

    private void ssn(StringBuilder b) {
        if (r.nextInt(3) == 0) {
            String passport = (char) ('A' + r.nextInt(26)) + String.valueOf(10_000_000 + r.nextInt(90_000_000));
            b.append("fixture customer-42: {\"passport_number\": \"").append(plant(passport))
                    .append("\", \"country\": \"IE\"}\n");
            return;
        }
        String ssn = (100 + r.nextInt(500)) + "-" + (10 + r.nextInt(89)) + "-" + (1000 + r.nextInt(9000));
        b.append("kyc check failed for applicant ssn=").append(plant(ssn)).append('\n');
    }

    private void codeHost(StringBuilder b) {
        if (r.nextBoolean()) {
            b.append("fatal: Authentication failed for 'https://oauth2:").append(plant("gl" + "pat-" + random(ALNUM, 20)))
                    .append("@gitlab.").append(pick(DOMAINS)).append("/shop.git/'\n");
        } else {
            b.append("huggingface_hub.errors.HfHubHTTPError: 401 Client Error, HF_TOKEN=")
                    .append(plant("h" + "f_" + random(ALNUM, 34))).append('\n');
        }
    }

    private void registry(StringBuilder b) {
        switch (r.nextInt(3)) {
            case 0 -> b.append("//registry.npmjs.org/:_authToken=").append(plant("np" + "m_" + random(ALNUM, 36)))
                    .append("\nnpm error code E401\n");
            case 1 -> b.append("HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/ password ")
                    .append(plant("pypi-" + "AgEIcHlwaS5vcmc" + random(ALNUM + "-_", 70))).append('\n');
            default -> b.append("+ echo ").append(plant("dckr" + "_pat_" + random(ALNUM + "-_", 27)))
                    .append(" | docker login -u ci --password-stdin\nError response from daemon: unauthorized\n");
        }
    }

    private void discord(StringBuilder b) {
        b.append("DiscordAPIError[10015]: Unknown Webhook url=https://discord.com/api/webhooks/")
                .append(plant(random("123456789", 18) + "/" + random(ALNUM + "-_", 68))).append('\n');
    }

    private void azure(StringBuilder b) {
        b.append("AADSTS7000215: Invalid client secret provided (").append(plant(random(ALNUM, 3) + r.nextInt(10)
                + "Q~" + random(ALNUM + "_.-", 34))).append(")\n");
    }

    private void sendgrid(StringBuilder b) {
        b.append("ResponseError: Unauthorized (").append(plant("S" + "G." + random(ALNUM, 22) + "." + random(ALNUM, 43)))
                .append(")\n");
    }

    private void iban(StringBuilder b) {
        String bban = random("0123456789", 18);
        int check = 98 - new java.math.BigInteger(bban + "131400").mod(java.math.BigInteger.valueOf(97)).intValue();
        b.append("SEPA mandate rejected for ").append(plant("DE" + String.format("%02d", check) + bban))
                .append(": invalid_bank_account_iban\n");
    }

    private void commandLine(StringBuilder b) {
        b.append("+ mysql -h db.").append(pick(DOMAINS)).append(" -u app -p").append(plant(password()))
                .append(" shop\nERROR 1045 (28000): Access denied for user 'app'\n");
    }

    private void openAi(StringBuilder b) {
        b.append("openai.AuthenticationError: Incorrect API key provided: ")
                .append(plant("sk-" + "proj-" + random(ALNUM, 48))).append('\n');
    }

    private void anthropic(StringBuilder b) {
        b.append("x-api-key: ").append(plant("sk-" + "ant-api03-" + random(ALNUM, 93) + "AA")).append('\n');
    }

    private void passwordKeyValue(StringBuilder b) {
        b.append("INFO connecting user=svc_").append(pick(NAMES)).append(" password=").append(plant(password()))
                .append(" host=").append(privateIp()).append(" port=5432\n");   // a private address stays (Addresses)
    }
}
