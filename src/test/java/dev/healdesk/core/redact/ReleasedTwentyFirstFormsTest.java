package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The general forms written for what the twenty-first corpus collection's released held-out part lost or leaked
 * (redact63). Kept: the realm, the host and the user of sbt's {@code Credentials(realm, host, user, password)}, whose
 * documented signature puts the password fourth (the {@code sbt-credentials} row of token-rules.json's
 * positionalCalls; a guess by the call's name, {@link AuthPairs}, leaves a call whose row says its second argument is
 * no secret, {@link PositionalCalls#secondNoSecret}); a four-part version in the file name of a Scala artifact that sbt
 * cross-built ({@code orders_2.13-2.31.0.4.pom}, {@link Numbers#coordinateVersion}); the user of curl's
 * {@code USERPWD}, {@code user:password} by libcurl's grammar ({@code userpwd: "reports:…"}, {@link KeyValues}); the
 * quotes around a table's cell ({@code APP_SECRET  n/a  "…"}, Symfony's {@code debug:container --env-vars},
 * {@link Quotes#around}). Gone: New Zealand's NZBN under its label ({@code "nzbn": "94…"}, {@link KeyNames}); the value
 * after a log's phrase that names a long option, {@code Using token from "--token" flag: …} (Vercel's CLI),
 * {@code authorizing via --token option: …} (firebase-tools), judged by the option's name ({@link CommandLines}); a
 * password under its label in Galician, Catalan and Basque ({@code contrasinal}, {@code contrasenya},
 * {@code pasahitza}; local-labels.json). Each on lines written for this test, not taken from the corpus, with
 * counter-examples that must come through as they are. The values are drawn here.
 */
class ReleasedTwentyFirstFormsTest {

    private final Random random = new Random(63_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String password() {
        return "Pw" + FormChecks.token(random, 10) + "#7";
    }

    // sbt's Credentials(realm, host, user, password)

    @Test
    void sbtsCredentialsLoseOnlyThePasswordInTheFourthSlot() {
        for (int k = 0; k < 6; k++) {
            String password = password();
            String host = "nexus" + k + ".example.com";
            String line = "[debug] credentials += Credentials(\"Sonatype Nexus Repository Manager\", \"" + host
                    + "\", \"ci-deployer\", \"" + password + "\")";
            FormChecks.gone(redactor, line, password, "Credentials(\"Sonatype Nexus Repository Manager\", \"" + host
                    + "\", \"ci-deployer\", \"");
            FormChecks.gone(atRest, line, password, "\"" + host + "\", \"ci-deployer\"");
            // a generated password, no symbol
            String generated = FormChecks.token(random, 24) + "9q";
            FormChecks.gone(redactor, "credentials += Credentials(\"Artifactory Realm\", \"repo.acme.io\", \"bot\", \""
                    + generated + "\")", generated, "\"Artifactory Realm\", \"repo.acme.io\", \"bot\", \"");
        }
    }

    @Test
    void aPairOfCredentialsWithNoSignatureInTheTableIsStillGuessed() {
        for (int k = 0; k < 4; k++) {
            String password = password();
            // two arguments: no row of four fits, so the pair's name still says user and password (AuthPairs)
            FormChecks.gone(redactor, "Credentials(\"deploy\", \"" + password + "\")", password, "Credentials(\"deploy\", \"");
            // OkHttp's Credentials.basic has a row whose secret is second
            FormChecks.gone(redactor, "Credentials.basic(\"deploy\", \"" + password + "\")", password);
        }
    }

    @Test
    void sbtsCredentialsFromAFileOrVariablesStay() {
        FormChecks.untouched(redactor, "credentials += Credentials(Path.userHome / \".sbt\" / \".credentials\")");
        FormChecks.untouched(redactor, "credentials += Credentials(\"Sonatype Nexus Repository Manager\", "
                + "\"oss.sonatype.org\", sys.env(\"SONATYPE_USER\"), sys.env(\"SONATYPE_PASS\"))");
        FormChecks.untouched(redactor, "credentials += Credentials(\"Sonatype Nexus Repository Manager\", "
                + "\"nexus.example.com\", \"ci-deployer\", \"\")");
    }

    // a Scala artifact's version

    @Test
    void aCrossBuiltArtifactsFourPartVersionStays() {
        for (int k = 0; k < 6; k++) {
            String v = (1 + random.nextInt(20)) + "." + random.nextInt(40) + "." + random.nextInt(10) + "."
                    + (1 + random.nextInt(9));
            for (String artifact : new String[] {"orders_2.13", "orders_3", "sbt-acme_2.12_1.0", "core_sjs1_2.13",
                    "billing-api_2.12"}) {
                String url = "https://nexus.example.com/repository/releases/com/acme/" + artifact + "/" + v + "/"
                        + artifact + "-" + v + ".pom";
                FormChecks.untouched(redactor, "[error] 401 for URL: " + url);
                FormChecks.untouched(redactor, "Downloading " + artifact + "-" + v + ".jar");
            }
        }
    }

    @Test
    void anAddressAfterADigitThatEndsNoScalaSuffixStillGoes() {
        // a host's address in a log's name; after another address; after a number with no name's letters before it
        FormChecks.gone(redactor, "rotated access-84.17.3.7.log", "84.17.3.7");
        FormChecks.gone(redactor, "ping 10.0.0.1_2.13-84.44.3.9.pom", "84.44.3.9");
        FormChecks.gone(redactor, "peer 2024_10-84.44.3.9.pom failed", "84.44.3.9");
        // a Scala suffix with no extension of a package's file after the version: an address in a file's name
        FormChecks.gone(redactor, "wrote orders_2.13-84.44.3.9.log", "84.44.3.9");
    }

    // curl's USERPWD

    @Test
    void curlsUserpwdKeepsItsUser() {
        for (int k = 0; k < 6; k++) {
            String password = password();
            FormChecks.gone(redactor, "Typhoeus::Request.new(\"https://staging.example.org/api/v1/exports\", method: :post,"
                    + " userpwd: \"reports:" + password + "\", verbose: true).run", password, "userpwd: \"reports:");
            FormChecks.gone(atRest, "curl_setopt_array($ch, [CURLOPT_USERPWD => 'svc-export:" + password + "']);",
                    password, "CURLOPT_USERPWD => 'svc-export:");
            FormChecks.gone(redactor, "c.setopt(pycurl.PROXYUSERPWD, 'proxy_user:" + password + "')", password);
            FormChecks.gone(redactor, "Ethon::Easy.new(url: u, proxyuserpwd: \"proxy.bot:" + password + "\")", password,
                    "proxyuserpwd: \"proxy.bot:");
            // no user: the whole value is the password
            FormChecks.gone(redactor, "userpwd: \"" + password + "\"", password, "userpwd: \"");
        }
    }

    @Test
    void aPasswordKeyWhoseValueHasAColonStillLosesItWhole() {
        for (int k = 0; k < 4; k++) {
            String tail = FormChecks.token(random, 12) + "3";
            // a password that holds a colon is no user:password
            FormChecks.gone(redactor, "password: \"ab:" + tail + "\"", "ab:" + tail);
            FormChecks.gone(redactor, "db_password=admin:" + tail, "admin:" + tail);
        }
    }

    // a quoted table cell

    @Test
    void aQuotedCellKeepsItsQuotesAndLosesItsValue() {
        for (int k = 0; k < 6; k++) {
            String secret = FormChecks.hex(random, 32);
            String table = " ------------------- ----------------- ------------------------------------------\n"
                    + "  Name                Default value     Real value\n"
                    + " ------------------- ----------------- ------------------------------------------\n"
                    + "  APP_SECRET          n/a               \"" + secret + "\"\n"
                    + "  MAILER_DSN          n/a               \"smtp://null:null@localhost:1025\"\n"
                    + "  APP_ENV             \"dev\"             \"prod\"\n";
            FormChecks.gone(redactor, table, secret, "  APP_SECRET          n/a               \"",
                    "\"smtp://null:null@localhost:1025\"", "\"dev\"             \"prod\"");
            FormChecks.gone(atRest, table, secret, "  APP_SECRET          n/a               \"");
            // one name, one quoted value
            FormChecks.gone(redactor, "  APP_SECRET          '" + secret + "'", secret, "  APP_SECRET          '");
            // an aligned listing's value column (chamber's, Helm's)
            String listing = "Key                 Version   Value\n"
                    + "db_password         3         \"" + secret + "\"\n";
            FormChecks.gone(redactor, listing, secret, "3         \"");
        }
    }

    @Test
    void anAbsentValueAndAQuotedWordStay() {
        String table = " ------------------- ----------------- ------------------------------------------\n"
                + "  Name                Default value     Real value\n"
                + " ------------------- ----------------- ------------------------------------------\n"
                + "  APP_SECRET          n/a               n/a\n"
                + "  APP_DEBUG           n/a               \"1\"\n"
                + "  APP_NAME            n/a               \"shop\"\n";
        FormChecks.untouched(redactor, table);
        FormChecks.untouched(redactor, "  APP_SECRET          \"\"");
    }

    // New Zealand's business number

    @Test
    void anNzbnGoesUnderItsLabelInEverySyntax() {
        for (int k = 0; k < 6; k++) {
            String nzbn = TwentyFirstIds.nzbnNz(random);
            FormChecks.gone(redactor, ":body  => \"{\\\"organization\\\":{\\\"nzbn\\\":\\\"" + nzbn + "\\\"}}\"", nzbn,
                    "\\\"nzbn\\\":\\\"");
            FormChecks.gone(redactor, "{\"nzbn\": \"" + nzbn + "\"}", nzbn, "{\"nzbn\": \"");
            FormChecks.gone(redactor, "NZBN=" + nzbn, nzbn, "NZBN=");
            FormChecks.gone(redactor, "  nzbn: " + nzbn, nzbn, "nzbn: ");
            FormChecks.gone(redactor, "Company(name='Acme Ltd', nzbn='" + nzbn + "')", nzbn, "nzbn='");
            FormChecks.gone(atRest, "<nzbn>" + nzbn + "</nzbn>", nzbn, "<nzbn>");
        }
    }

    @Test
    void thirteenDigitsWithNoNzbnLabelOrNoNumberStay() {
        String nzbn = TwentyFirstIds.nzbnNz(random);
        // a GS1 number under a product's label is a barcode
        FormChecks.untouched(redactor, "{\"gtin\": \"" + nzbn + "\"}");
        FormChecks.untouched(redactor, "{\"barcode\": \"" + nzbn + "\", \"qty\": 3}");
        FormChecks.untouched(redactor, "{\"order_id\": \"" + nzbn + "\"}");
        // the label with no number
        FormChecks.untouched(redactor, "{\"nzbn\": null, \"nzbn_status\": \"registered\"}");
        FormChecks.untouched(redactor, "nzbn: pending");
    }

    // a value after a phrase that names a long option

    @Test
    void aValueAfterAPhraseNamingASecretsOptionGoes() {
        for (int k = 0; k < 6; k++) {
            String token = FormChecks.token(random, 24);
            FormChecks.gone(redactor, "> [debug] [2024-06-11T09:14:02.231Z] Using token from \"--token\" flag: " + token,
                    token, "Using token from \"--token\" flag: ");
            FormChecks.gone(atRest, "[2024-06-11T09:14:02.118Z] > authorizing via --token option: AMf-v" + token
                    + "_" + token, token, "authorizing via --token option: ");
            FormChecks.gone(redactor, "authorizing via --token option: 1//0g" + token + "-" + token, token);
            FormChecks.gone(redactor, "read the secret from the --api-key argument: " + token, token,
                    "--api-key argument: ");
            String password = password();
            FormChecks.gone(redactor, "Using password from `--password` flag: " + password, password,
                    "`--password` flag: ");
        }
    }

    @Test
    void aPhraseNamingAnOptionThatHoldsNoSecretStays() {
        FormChecks.untouched(redactor, "> [debug] Using project from --project flag: acme-shop-staging");
        FormChecks.untouched(redactor, "> [debug] Using scope from \"--scope\" flag: acme-team");
        FormChecks.untouched(redactor, "Error: unknown option: --token-file");
        FormChecks.untouched(redactor, "Deprecated --token flag: use FIREBASE_TOKEN instead");
        FormChecks.untouched(redactor, "hint: pass the --token option: see firebase login:ci --help");
        FormChecks.untouched(redactor, "Error: the --password flag: required when --user is given");
        FormChecks.untouched(redactor, "Error: the \"--api-key\" argument: missing");
    }

    // a password's label in Galician, Catalan and Basque

    @Test
    void aPasswordUnderAGalicianCatalanOrBasqueLabelGoes() {
        for (int k = 0; k < 6; k++) {
            String password = "HkKG." + FormChecks.token(random, 9) + "." + k;
            FormChecks.gone(redactor, "$this->post('/contacto', ['email' => 'x', 'contrasinal' => '" + password + "'])",
                    password, "'contrasinal' => '");
            FormChecks.gone(atRest, "Contrasinal: " + password, password, "Contrasinal: ");
            FormChecks.gone(redactor, "contrasenya=" + password, password, "contrasenya=");
            FormChecks.gone(redactor, "{\"pasahitza\": \"" + password + "\"}", password, "\"pasahitza\": \"");
        }
    }

    @Test
    void aGalicianMessageAboutThePasswordStays() {
        FormChecks.untouched(redactor,
                "Session has unexpected errors: {\"contrasinal\":[\"O campo contrasinal é obrigatorio.\"]}");
        FormChecks.untouched(redactor, "O campo contrasinal debe ter polo menos 8 caracteres.");
        assertEquals("contrasinal: [REDACTED_PASSWORD]", redactor.redact("contrasinal: s3gredo-" + "Xq9"));
    }
}
