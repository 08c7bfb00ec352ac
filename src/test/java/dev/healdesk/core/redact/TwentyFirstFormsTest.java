package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The general forms and mends written for what the twenty-first corpus collection's tune part lost or leaked (released
 * to redact62 alone; its held-out part stays the clean measure). Mends of detectors that took too much: a shell's or
 * Compose's parameter expansion names a variable, no label ({@link KeyValues#expansionOperand}); a tool's phrase in
 * parentheses in a value's place is a mask ({@link Values#maskPhrase}); BuildKit's {@code --secret id=…,src=…} names
 * a file ({@link CommandLines#secretSpec}); RabbitMQ's documented {@code guest:guest} to a loopback host is no
 * credential ({@link Urls}); four numbers in a package's coordinates or file name are a version
 * ({@link Numbers#coordinateVersion}). Forms for what leaked: China's unified social credit code by its two checks
 * ({@link LetterIds#uscc}); a connection string's password runs to its {@code ;}, a {@code #} in it no URL's
 * fragment ({@link KeyValues}); JSON in a string as Python's repr doubles its backslashes ({@link KeyValues}); a form
 * field's label in another language in Capybara's {@code fill_in} ({@link Fills#classifyWords}), and Kazakh's and
 * Albanian's word for a password (local-labels.json); a statement's binds printed inside a string, quotes escaped
 * ({@link PlaceholderParams}); a URL's {@code code} of 32 characters or more that looks issued, as Azure Functions' key
 * is ({@link AuthorizationCodes}). Each on lines written for this test, not taken from the corpus, with counter-examples that
 * must come through as they are.
 */
class TwentyFirstFormsTest {

    private final Random random = new Random(21_2026L);
    private final Redactor redactor = Redactor.standard();

    /** A password a person might choose: letters, a capital, digits. */
    private String password() {
        return "Qx" + FormChecks.token(random, 8) + "7a";
    }

    @Test
    void aParameterExpansionIsAReferenceAndItsMessageStays() {
        for (String name : new String[] {"POSTGRES_PASSWORD", "DB_PASSWORD", "API_TOKEN", "REDIS_PASSWORD"}) {
            String compose = "      " + name + ": ${" + name + ":?set it in .env}";
            FormChecks.untouched(redactor, compose);
            FormChecks.untouched(Redactor.atRest(), compose);
            FormChecks.untouched(redactor, "export " + name + "=${" + name + ":?must be set for the e2e run}");
            FormChecks.untouched(redactor, "  # compose.yaml: " + name + ": ${" + name + "?required}");
            FormChecks.untouched(redactor, "  " + name + ": ${" + name + ":-}");
            FormChecks.untouched(redactor, "  " + name + ": ${" + name + ":-changeme}");
            FormChecks.untouched(redactor, "  " + name + ": ${" + name + ":-${FALLBACK_SECRET}}");
            FormChecks.untouched(redactor, "password=${" + name + ":=$DEFAULT_PW}");
        }
        // a literal default is written into the file: it still goes, the expansion around it stays
        for (int k = 0; k < 6; k++) {
            String pw = password();
            FormChecks.gone(redactor, "    POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-" + pw + "}", pw,
                    "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-", "}");
            FormChecks.gone(redactor, "DB_PASSWORD=${DB_PASSWORD:=" + pw + "}", pw, "${DB_PASSWORD:=");
            FormChecks.gone(Redactor.atRest(), "api_token: \"${API_TOKEN:-" + pw + "}\"", pw, "api_token: \"${API_TOKEN:-");
            String token = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "SECRET_KEY: ${SECRET_KEY:-'" + token + "'}", token, "${SECRET_KEY:-'");
            // a URL in the default still loses its password
            FormChecks.gone(redactor, "DATABASE_URL: ${DATABASE_URL:-postgres://app:" + pw + "@db.acme.net/app}", pw,
                    "${DATABASE_URL:-postgres://app:");
            // no expansion: a value after the name goes as before
            FormChecks.gone(redactor, "POSTGRES_PASSWORD: " + pw, pw, "POSTGRES_PASSWORD: ");
            FormChecks.gone(redactor, "{POSTGRES_PASSWORD:" + pw + "}", pw);
            FormChecks.gone(redactor, "password: ?" + pw, pw);
        }
    }

    /**
     * POSIX's operators without a colon, {@code ${NAME-default}} and {@code ${NAME+other}}, write a literal as the
     * colon's do, and no separator follows the name inside to tell {@link KeyValues#expansionOperand}: the value is
     * read from the key the expansion is assigned to (the stop after redact62's; its list of what was left).
     */
    @Test
    void aDefaultWrittenWithoutAColonIsALiteralToo() {
        for (int k = 0; k < 6; k++) {
            String pw = password();
            FormChecks.gone(redactor, "POSTGRES_PASSWORD=${POSTGRES_PASSWORD-" + pw + "}", pw,
                    "POSTGRES_PASSWORD=${POSTGRES_PASSWORD-", "}");
            FormChecks.gone(redactor, "PGPASSWORD=${PGPASSWORD-" + pw + "} psql -h db.internal -U app orders", pw,
                    "PGPASSWORD=${PGPASSWORD-", "} psql -h db.internal -U app orders");
            FormChecks.gone(Redactor.atRest(), "  environment: DB_PASSWORD=\"${DB_PASSWORD-" + pw + "}\"", pw,
                    "DB_PASSWORD=\"${DB_PASSWORD-", "}\"");
            FormChecks.gone(redactor, "      password: ${SMTP_PASSWORD-" + pw + "}", pw, "password: ${SMTP_PASSWORD-");
            String token = FormChecks.token(random, 32);
            FormChecks.gone(redactor, "API_TOKEN=${API_TOKEN+" + token + "}", token, "API_TOKEN=${API_TOKEN+");
        }
        // a reference, its message, an empty or placeholder default, a nested expansion and a setting that is no
        // credential come through as they are
        FormChecks.untouched(redactor, "DB_PASSWORD=${DB_PASSWORD}");
        FormChecks.untouched(redactor, "DB_PASSWORD=${DB_PASSWORD-}");
        FormChecks.untouched(redactor, "DB_PASSWORD=${DB_PASSWORD?set it in .env}");
        FormChecks.untouched(redactor, "API_TOKEN=${API_TOKEN-changeme}");
        FormChecks.untouched(redactor, "DB_PASSWORD=${DB_PASSWORD-${FALLBACK_PASSWORD}}");
        FormChecks.untouched(redactor, "DB_HOST=${DB_HOST-db.internal.acme.net}");
        FormChecks.untouched(redactor, "CACHE_KEY=${CACHE_KEY-v1-linux-node20}");
        // a path's last word read as a key names no secret the expansion holds (environment.d(5)'s example)
        FormChecks.untouched(redactor, "XDG_DATA_DIRS=/opt/foo/share:${XDG_DATA_DIRS:-/usr/local/share/:/usr/share/}");
        FormChecks.untouched(redactor, "LD_LIBRARY_PATH=/opt/key:${LD_LIBRARY_PATH-/usr/lib/x86_64-linux-gnu:/lib}");
    }

    @Test
    void aToolsPhraseInParenthesesIsAMask() {
        FormChecks.untouched(redactor, "      ~ password = (sensitive value)");
        FormChecks.untouched(redactor, "      + master_password = (sensitive value)");
        FormChecks.untouched(Redactor.atRest(), "      + client_secret = (known after apply)");
        FormChecks.untouched(redactor, "      + password_wo = (write-only attribute)");
        FormChecks.untouched(redactor, "db_password = (sensitive)");
        for (int k = 0; k < 6; k++) {
            String pw = password();
            // a password in parentheses is none of these: mixed case, digits, one word
            FormChecks.gone(redactor, "      ~ password = (" + pw + ")", pw, "~ password = ");
            FormChecks.gone(redactor, "password: (" + pw.toLowerCase() + ")", pw.toLowerCase());
            FormChecks.gone(redactor, "      ~ password = \"" + pw + "\" -> (sensitive value)", pw, "(sensitive value)");
        }
        FormChecks.gone(redactor, "password=(hunter)", "hunter");
    }

    @Test
    void aBuildKitSecretSpecificationNamesAFile() {
        FormChecks.untouched(redactor, "docker buildx build --secret id=npmrc,src=$HOME/.npmrc -t ghcr.io/acme/api:1.4.2 .");
        FormChecks.untouched(redactor, "docker build --secret id=aws,env=AWS_SECRET_ACCESS_KEY --secret type=file,id=pip,source=pip.conf .");
        FormChecks.untouched(Redactor.atRest(), "buildctl build --frontend dockerfile.v0 --secret id=mysecret,src=/run/secrets/token");
        for (int k = 0; k < 6; k++) {
            String token = FormChecks.token(random, 28);
            // a value given as it is still goes, beside a specification that stays
            FormChecks.gone(redactor, "docker buildx build --secret id=npmrc,src=.npmrc --build-arg SENTRY_AUTH_TOKEN="
                    + token + " .", token, "--secret id=npmrc,src=.npmrc --build-arg SENTRY_AUTH_TOKEN=");
            FormChecks.gone(redactor, "mytool --secret " + token + " --verbose", token, "mytool --secret ");
            // other keys than the specification's: no specification
            FormChecks.gone(redactor, "mytool --secret value=" + token, token);
            FormChecks.gone(redactor, "mytool --secret id=" + token.substring(0, 6) + ",password=" + token, token);
        }
    }

    @Test
    void rabbitMqsDocumentedDefaultToThisMachineStays() {
        FormChecks.untouched(redactor, "  amqplib: AMQP_URL=amqp://guest:guest@localhost:5672 (default)");
        FormChecks.untouched(redactor, "Connecting to amqp://guest:guest@127.0.0.1:5672/%2F");
        FormChecks.untouched(Redactor.atRest(), "BROKER_URL=amqps://guest:guest@localhost/");
        // the same login to another host, another password, another scheme's server: the password goes
        FormChecks.gone(redactor, "AMQP_URL=amqp://guest:guest@rabbit.prod.acme.net:5672", "guest@",
                "amqp://guest:", "@rabbit.prod.acme.net");
        for (int k = 0; k < 6; k++) {
            String pw = password();
            FormChecks.gone(redactor, "AMQP_URL=amqp://guest:" + pw + "@localhost:5672", pw, "@localhost:5672");
            FormChecks.gone(redactor, "AMQP_URL=amqp://admin:" + pw + "@127.0.0.1:5672", pw, "@127.0.0.1:5672");
        }
        assertTrue(redactor.redact("amqp://admin:admin@localhost:5672").contains("[REDACTED_PASSWORD]"));
        assertTrue(redactor.redact("postgres://guest:guest@localhost:5432/app").contains("[REDACTED_PASSWORD]"));
        assertTrue(redactor.redact("amqp://guest:guest@localhost.acme.io:5672").contains("[REDACTED_PASSWORD]"));
    }

    @Test
    void fourNumbersInAPackagesCoordinatesAreAVersion() {
        for (int k = 0; k < 6; k++) {
            String v = (1 + random.nextInt(30)) + "." + random.nextInt(20) + "." + random.nextInt(30) + "."
                    + (1 + random.nextInt(9));
            FormChecks.untouched(redactor, "> Could not find com.acme:orders-core:" + v + ".");
            FormChecks.untouched(redactor, "    - https://repo.acme.net/libs-release/com/acme/orders-core/" + v
                    + "/orders-core-" + v + ".pom");
            FormChecks.untouched(redactor, "Downloading orders_core-" + v + ".jar and billing-api-" + v + ".tgz");
            FormChecks.untouched(redactor, "  Restored Acme.Orders.Core." + v + ".nupkg (1.2 MB)");
            FormChecks.untouched(redactor, "➤ YN0041: │ @globex/api-client@npm:" + v + ": Invalid authentication");
            FormChecks.untouched(redactor, "implementation 'org.acme.billing:ledger-client:" + v + "'");
        }
        // addresses in shapes close to these stay addresses
        for (int k = 0; k < 6; k++) {
            String ip = "52." + (1 + random.nextInt(200)) + "." + random.nextInt(250) + "." + (1 + random.nextInt(250));
            FormChecks.gone(redactor, "INFO:werkzeug:" + ip + " - - [11/Jun/2024 09:14:02] \"GET / HTTP/1.1\" 200 -", ip,
                    "INFO:werkzeug:");
            FormChecks.gone(redactor, "INFO:uvicorn.access:" + ip + ":51234 - \"GET /health HTTP/1.1\" 200", ip);
            FormChecks.gone(redactor, "rotated /var/log/nginx/access-" + ip + ".log", ip);
            FormChecks.gone(redactor, "connect tcp:eth0:" + ip + " refused", ip);
        }
    }

    /** A unified social credit code made by its rules: authority, kind, division, organisation code and checks. */
    private String uscc(boolean valid) {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder();
        b.append("9159".charAt(random.nextInt(4))).append("1239".charAt(random.nextInt(4)));
        b.append(11 + random.nextInt(55)).append(FormChecks.digits(random, 4, '0', 10));
        int[] orgWeights = {3, 7, 9, 10, 5, 8, 4, 2};
        int org = 0;
        for (int k = 0; k < 8; k++) {
            char c = "0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(random.nextInt(31));
            b.append(c);
            org += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * orgWeights[k];
        }
        int check = 11 - org % 11;
        b.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            int w = 1;
            for (int p = 0; p < k; p++) {
                w = w * 3 % 31;
            }
            sum += chars.indexOf(b.charAt(k)) * w;
        }
        int c = (31 - sum % 31) % 31;
        b.append(chars.charAt(valid ? c : (c + 1 + random.nextInt(30)) % 31));
        return b.toString();
    }

    @Test
    void chinasUnifiedSocialCreditCodeGoesByItsChecks() {
        assertTrue(LetterIds.uscc("91350100M000100Y43", 0));
        for (int k = 0; k < 20; k++) {
            String code = uscc(true);
            assertTrue(LetterIds.uscc(code, 0), code);
            FormChecks.gone(redactor, "{'user_email': 'a@b.io', 'company_uscc': '" + code + "'}", code, "'company_uscc': '");
            FormChecks.gone(redactor, "  Seed row: @p0='x', @p2='" + code + "'", code, "@p2='");
            FormChecks.gone(Redactor.atRest(), "value={\"tel\":\"x\",\"uscc\":\"" + code + "\"}", code, "\"uscc\":\"");
            FormChecks.gone(redactor, code + ",Acme Trading Co.,Shanghai", code, ",Acme Trading Co.,Shanghai");
        }
        for (int k = 0; k < 20; k++) {
            String wrong = uscc(false);
            assertFalse(LetterIds.uscc(wrong, 0), wrong);
            FormChecks.untouched(redactor, "request id " + wrong + " done");
            // an 18-digit id of a program's (a snowflake) fails the checks
            String snowflake = "12" + FormChecks.digits(random, 16, '0', 10);
            if (!LetterIds.uscc(snowflake, 0)) {
                FormChecks.untouched(redactor, "message " + snowflake + " deleted");
            }
        }
        // inside a longer word or in small letters: no code
        String code = uscc(true);
        FormChecks.untouched(redactor, "build " + code + "7 ok");
        FormChecks.untouched(redactor, "key 91350100m000100y43 ok");
    }

    @Test
    void aConnectionStringsPasswordRunsToItsSemicolon() {
        for (int k = 0; k < 6; k++) {
            String pw = "W0" + FormChecks.token(random, 4) + "#" + FormChecks.token(random, 6) + "?!1";
            FormChecks.gone(redactor, "+ dotnet ef database update --connection \"Host=pg.acme.net;Port=5432;Database=app;"
                    + "Username=svc;Password=" + pw + "\"", pw.substring(pw.indexOf('#')), "Username=svc;Password=");
            FormChecks.gone(Redactor.atRest(), "Server=db;User Id=sa;Password=" + pw + ";Encrypt=true", pw,
                    ";Encrypt=true");
        }
        // a URL path's parameter still ends at the query or the fragment, whose own names judge them
        String out = redactor.redact("GET /cart;jsessionid=" + FormChecks.token(random, 24) + "?lang=de#top 200");
        assertTrue(out.contains("?lang=de#top 200"), out);
    }

    @Test
    void jsonInAStringThatPythonsReprPrintsKeepsItsQuotes() {
        for (int k = 0; k < 6; k++) {
            String pw = "Ct" + FormChecks.token(random, 4) + "." + FormChecks.token(random, 8) + ".3";
            FormChecks.gone(redactor, "b'{\"Name\":\"prod/db\",\"SecretString\":\"{\\\\\"password\\\\\":\\\\\""
                    + pw + "\\\\\"}\"}'", pw, "{\\\\\"password\\\\\":\\\\\"", "\\\\\"}\"}'");
        }
        FormChecks.untouched(redactor, "b'{\"SecretString\":\"{\\\\\"region\\\\\":\\\\\"eu-west-1\\\\\"}\"}'");
        FormChecks.untouched(redactor, "{\"path\": \"C:\\\\\", \"user\": \"ci\"}");
    }

    @Test
    void aFormsLabelInKazakhOrAlbanianNamesAPassword() {
        for (int k = 0; k < 6; k++) {
            String pw = password();
            FormChecks.gone(redactor, "  # fill_in '\u049a\u04b1\u043f\u0438\u044f \u0441\u04e9\u0437', with: '" + pw
                    + "'", pw, "fill_in '\u049a\u04b1\u043f\u0438\u044f \u0441\u04e9\u0437', with: '");
            FormChecks.gone(redactor, "fill_in '\u041f\u0430\u0440\u043e\u043b\u044c', with: '" + pw + "'", pw);
            FormChecks.gone(redactor, "data={'email': 'x', 'fjalekalimi': '" + pw + "'}", pw, "'fjalekalimi': '");
            FormChecks.gone(Redactor.atRest(), "fjal\u00ebkalimi: " + pw, pw, "fjal\u00ebkalimi: ");
            FormChecks.gone(redactor, "\u049b\u04b1\u043f\u0438\u044f \u0441\u04e9\u0437=" + pw, pw);
        }
        // other fields keep their values
        FormChecks.untouched(redactor, "fill_in '\u0406\u0437\u0434\u0435\u0443', with: '\u049b\u044b\u0437\u044b\u043b'");
        FormChecks.untouched(redactor, "fill_in 'Emri', with: 'Arben'");
        FormChecks.untouched(redactor, "data={'emri': 'Arben', 'qyteti': 'Tirana'}");
        FormChecks.untouched(redactor, "fill_in 'Search', with: 'Qx12abc7a'");
    }

    @Test
    void aStatementsBindsPrintedInsideAStringArePairedWithTheirColumns() {
        for (int k = 0; k < 6; k++) {
            String hash = FormChecks.hex(random, 64);
            String line = "[src/repo.rs:57] debug_query::<Pg, _>(&q).to_string() = \"INSERT INTO \\\"sessions\\\" "
                    + "(\\\"token\\\", \\\"email\\\") VALUES ($1, $2) -- binds: [\\\"" + hash + "\\\", \\\"x@acme.io\\\"]\"";
            FormChecks.gone(redactor, line, hash, "(\\\"token\\\", \\\"email\\\") VALUES ($1, $2) -- binds: [\\\"");
            FormChecks.gone(redactor, line, "x@acme.io");
            // the same hash under a column that names no secret stays: a commit, a digest
            String kept = "[src/repo.rs:57] debug_query::<Pg, _>(&q).to_string() = \"INSERT INTO \\\"builds\\\" "
                    + "(\\\"commit_sha\\\", \\\"status\\\") VALUES ($1, $2) -- binds: [\\\"" + hash + "\\\", \\\"ok\\\"]\"";
            FormChecks.untouched(redactor, kept);
        }
    }

    @Test
    void aLongIssuedCodeInAUrlIsACredentialWithoutOAuthBesideIt() {
        for (int k = 0; k < 6; k++) {
            String hex = FormChecks.hex(random, 32);
            FormChecks.gone(redactor, "  RequestMessage: Method: POST, RequestUri: 'https://crm.acme.net/api/contacts?code="
                    + hex + "', Version: 1.1", hex, "RequestUri: 'https://crm.acme.net/api/contacts?code=", "', Version: 1.1");
            String key = FormChecks.token(random, 54) + "==";
            FormChecks.gone(Redactor.atRest(), "POST https://orders-fn.azurewebsites.net/api/Checkout?code=" + key
                    + "&clientId=default 401", key, "?code=", "&clientId=default 401");
        }
        // short codes, words and numbers in a code parameter stay
        FormChecks.untouched(redactor, "GET https://shop.acme.net/api/countries?code=US 200");
        FormChecks.untouched(redactor, "GET https://shop.acme.net/api/promo?code=SUMMER2024 404");
        FormChecks.untouched(redactor, "GET https://shop.acme.net/api/errors?code=ERR_CONNECTION_TIMED_OUT_WHILE_READING_BODY 200");
        FormChecks.untouched(redactor, "redirect https://shop.acme.net/api/status?code=200&reason=ok");
    }

    @Test
    void aSnakeCaseNameOfASecretInProseTakesTheValueAfterIt() {
        // the scan read a snake_case word whole from its first letter, so its last part (password, token) never got
        // the look a dashed name's gets: Terraform's var.api_token is "…", db_password "…" in prose (left at stop 43)
        for (int k = 0; k < 6; k++) {
            String token = FormChecks.token(random, 40);
            String pw = password();
            FormChecks.gone(redactor, "\u2502 var.api_token is \"" + token + "\" \u2014 must be 40 characters", token,
                    "var.api_token is \"", "\" \u2014 must be 40 characters");
            FormChecks.gone(redactor, "failed: db_password \"" + pw + "\" rejected by server", pw, "failed: db_password \"",
                    "\" rejected by server");
            FormChecks.gone(redactor, "failed: DB_PASSWORD " + pw + " rejected", pw, "failed: DB_PASSWORD ", " rejected");
            FormChecks.gone(redactor, "Error: invalid api_token '" + token + "' for user ci", token, "' for user ci");
            FormChecks.gone(redactor, "retrying with refresh_token " + token + " now", token, " now");
            FormChecks.gone(Redactor.atRest(), "set client_secret \"" + token + "\" in env", token, "set client_secret \"");
        }
        // names that read, test or look up a secret, a test's name, a variable's reference, a call's arguments, a
        // table's cell: nothing after them is the value
        FormChecks.untouched(redactor, "core: change uv_get_password uid/gid to unsigned");
        FormChecks.untouched(redactor, "see check_token Bearer/Basic in auth.c");
        FormChecks.untouched(redactor, "    test_login_with_invalid_password (tests.test_auth.LoginTest) ... FAIL");
        FormChecks.untouched(redactor, "should_reject_expired_token Xk7pQ2mZ9wLr passed");
        FormChecks.untouched(redactor, "ApiTokenTest#test_masks_token [test/models/api_token_test.rb:19]:");
        FormChecks.untouched(redactor, "echo $DB_PASSWORD Pw-7731-x");
        FormChecks.untouched(redactor, "if \"%API_TOKEN%\" == \"\" exit /b 1");
        FormChecks.untouched(redactor, "reset_password(user_id=42) returned None");
        FormChecks.untouched(redactor, "the reset_password link expired; check db_password is set");
        // a label's note in parentheses before its colon is still a label: dd-trace's x-api-key (tag):…, in
        // ReleasedFifteenthFormsTest
    }
}
