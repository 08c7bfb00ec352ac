package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.UUID;

/**
 * The general forms written for what the eighteenth corpus collection's released held-out part leaked or lost
 * (redact54): a statement's parameter traced by its place on a line of its own, below the statement whose column
 * names it (Hibernate's {@code binding parameter [3] as [VARCHAR] - […]} and Hibernate 6's {@code (3:VARCHAR) <- […]},
 * Spring's {@code column index 3, parameter value […]}, EclipseLink's {@code bind => […]}; {@link BindingParameters});
 * a national number grouped by dots with its trunk 0 ({@code 0912.336.221}, {@link Numbers}); a label in another
 * language written as an identifier in camel case ({@code motDePasse=}, {@code cleApi=}, {@link LocalLabels}); a bare
 * "key" in prose before a quoted generated value ({@code uses key "…"}, {@link NamedValues}); and, kept, the key a
 * command typed at redis-cli's prompt names ({@code host:6379> HSET session:<id> …}, {@link RedisSets#promptKey}).
 * And four the outside measures named: a map from hosts to their credential under a secret's name (Composer's
 * {@code "bearer": {"host": "…"}}, {@link KeyValues}), a {@code .yarnrc} line's quoted pair ({@code "//host/:_password"
 * "…"}, {@link SpacedProperties}), and, kept, a private key's file path ({@code privateKey=
 * /home/ci/.ssh/id_ed25519}, {@link Judge#filePath}) and an error's class after a password's word ({@code password:
 * org.…SecDispatcherException}, {@link Judge#throwableName}).
 * Each on lines written for this test, not taken from the corpus, with counter-examples that must come through as
 * they are. The values are drawn here.
 */
class ReleasedEighteenthFormsTest {

    private final Random random = new Random(54_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String key() {
        return "Ab9" + FormChecks.token(random, 29);
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    // a statement's parameter traced by its place

    @Test
    void hibernatesBoundParameterGoesByTheColumnOfItsPlaceInAnInsert() {
        for (int k = 0; k < 6; k++) {
            String secret = key();
            String text = "DEBUG org.hibernate.SQL : insert into service_clients (name, api_key, created_by, id) "
                    + "values (?, ?, ?, ?)\n"
                    + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [1] as [VARCHAR] - [checkout-svc]\n"
                    + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [2] as [VARCHAR] - [" + secret + "]\n"
                    + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [3] as [VARCHAR] - [ops-team]\n"
                    + "TRACE o.h.type.descriptor.sql.BasicBinder : binding parameter [4] as [BIGINT] - [" + (k + 3811) + "]";
            FormChecks.gone(redactor, text, secret, "binding parameter [2] as [VARCHAR] - [",
                    "as [VARCHAR] - [checkout-svc]", "as [VARCHAR] - [ops-team]", "[" + (k + 3811) + "]");
            FormChecks.gone(atRest, text, secret, "[checkout-svc]");
        }
    }

    @Test
    void theBoundParameterOfAnUpdateGoesInHibernateFourFiveAndSixsLayouts() {
        for (int k = 0; k < 6; k++) {
            String token = uuid();
            String statement = "Hibernate: update accounts set password_hash=?, reset_token=?, updated_at=? where id=?\n";
            FormChecks.gone(redactor, statement
                    + "binding parameter [2] as [VARCHAR] - [" + token + "]\n"
                    + "binding parameter [3] as [TIMESTAMP] - [2024-06-01 12:04:17.312]", token,
                    "binding parameter [3] as [TIMESTAMP] - [2024-06-01 12:04:17.312]");
            // Hibernate 4 prints the value without its brackets
            FormChecks.gone(redactor, statement + "binding parameter [2] as [VARCHAR] - " + token, token,
                    "binding parameter [2] as [VARCHAR] - ");
            // Hibernate 6.2's JdbcBindingLogging
            FormChecks.gone(redactor, statement
                    + "TRACE org.hibernate.orm.jdbc.bind : binding parameter (2:VARCHAR) <- [" + token + "]\n"
                    + "TRACE org.hibernate.orm.jdbc.bind : binding parameter (4:BIGINT) <- [" + (k + 77) + "]", token,
                    "binding parameter (2:VARCHAR) <- [", "binding parameter (4:BIGINT) <- [" + (k + 77) + "]");
        }
    }

    @Test
    void aParameterFarBelowItsStatementAndAfterAValueWithAQuestionMarkStillFindsItsColumn() {
        String secret = key();
        StringBuilder text = new StringBuilder("insert into webhooks (c1, c2, c3, c4, c5, c6, c7, callback_url, "
                + "signing_secret, owner_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\n");
        for (int p = 1; p <= 7; p++) {
            text.append("binding parameter [").append(p).append("] as [INTEGER] - [").append(p).append("]\n");
        }
        text.append("binding parameter [8] as [VARCHAR] - [https://hooks.example.org/in?id=5&x=?]\n");
        text.append("binding parameter [9] as [VARCHAR] - [").append(secret).append("]\n");
        text.append("binding parameter [10] as [BIGINT] - [42]");
        FormChecks.gone(redactor, text.toString(), secret, "[https://hooks.example.org/in?id=5&x=?]",
                "binding parameter [10] as [BIGINT] - [42]");
    }

    @Test
    void springsAndEclipseLinksBoundParametersGoByTheirPlace() {
        for (int k = 0; k < 4; k++) {
            String secret = key();
            FormChecks.gone(redactor, "Executing prepared SQL statement [update accounts set api_key = ? where login = ?]\n"
                    + "Setting SQL statement parameter value: column index 1, parameter value [" + secret
                    + "], value class [java.lang.String], SQL type unknown\n"
                    + "Setting SQL statement parameter value: column index 2, parameter value [jdoe], value class "
                    + "[java.lang.String], SQL type unknown", secret, "parameter value [jdoe], value class",
                    "column index 1, parameter value [");
            FormChecks.gone(redactor, "[EL Fine]: sql: 2024-06-01 12:04:17.311--ClientSession(1318)--Connection(77)--"
                    + "INSERT INTO CLIENTS (ID, NAME, API_KEY) VALUES (?, ?, ?)\n\tbind => [" + (k + 5) + ", acme, "
                    + secret + "]", secret, "\tbind => [" + (k + 5) + ", acme, ");
        }
    }

    @Test
    void aBoundParameterOfAColumnNoSecretsNameTakesStays() {
        // random-looking values bound to columns that name no secret; the same traces with no statement above
        String a = key();
        String b = key();
        FormChecks.untouched(redactor, "Hibernate: update users set display_name=?, login=? where id=?\n"
                + "binding parameter [1] as [VARCHAR] - [" + a + "]\n"
                + "binding parameter (2:VARCHAR) <- [" + b + "]\n"
                + "binding parameter [3] as [BIGINT] - [1019]");
        FormChecks.untouched(redactor, "binding parameter [2] as [VARCHAR] - [" + a + "]");
        FormChecks.untouched(redactor, "Setting SQL statement parameter value: column index 1, parameter value ["
                + b + "], value class [java.lang.String], SQL type unknown");
        // a place the statement does not have, and prose that says "binding parameter" without a place
        FormChecks.untouched(redactor, "update accounts set api_key=? where id=?\nbinding parameter [7] as [VARCHAR] - ["
                + a + "]\nbinding parameter api_key failed: [" + b + "]");
    }

    // a national number grouped by dots

    @Test
    void aNationalNumberGroupedByDotsWithItsTrunkZeroGoes() {
        for (int k = 0; k < 8; k++) {
            String vietnam = "09" + FormChecks.digits(random, 2, '1', 9) + "." + FormChecks.digits(random, 3, '1', 9)
                    + "." + FormChecks.digits(random, 3, '0', 10);
            FormChecks.gone(redactor, "   > 131 |    .typeText('#phone', '" + vietnam + "')", vietnam,
                    ".typeText('#phone', '", "')");
            FormChecks.gone(redactor, "request: {\"so_dien_thoai\":\"" + vietnam + "\",\"ghi_chu\":\"x\"}", vietnam,
                    "\",\"ghi_chu\":\"x\"}");
            String belgium = "04" + FormChecks.digits(random, 2, '6', 4) + "." + FormChecks.digits(random, 2, '1', 9)
                    + "." + FormChecks.digits(random, 2, '1', 9) + "." + FormChecks.digits(random, 2, '1', 9);
            FormChecks.gone(redactor, "GSM: " + belgium + " (privé)", belgium, "GSM: ", " (privé)");
        }
    }

    @Test
    void dottedNumbersThatAreNoNationalNumberStay() {
        // no trunk 0, a group of one digit, two zeros first, six digits or more than twelve, a version, an address, a date
        FormChecks.untouched(redactor, "release 2024.06.01 build 3.0.12.336; v0912.336.221; version 0912.336.221");
        FormChecks.untouched(redactor, "frames 00.12.34.56.78, 0.912.336.221, 0912.336, 0912.336.221.4409.1");
        FormChecks.untouched(redactor, "on 01.02.2024 at 10.120.33.4, 012.336.2 and 09.1.336.221");
        // a placeholder's zeros; and 4-3-3, the layout of Belgium's enterprise numbers, with no phone's word before it
        FormChecks.untouched(redactor, "sample 06.00.00.00.00 and 0900.000.000; invoice ref 0912.336.221 posted");
    }

    // a label in another language written as an identifier

    @Test
    void aLocalLabelInCamelCaseNamesItsValue() {
        for (int k = 0; k < 6; k++) {
            String password = "Ete" + FormChecks.digits(random, 4, '1', 9) + "*" + FormChecks.token(random, 3);
            String secret = key();
            // a French message before it: the text is not ASCII
            String line = "ConstraintViolationException: creerClient.arg0.email: doit être une adresse électronique\n"
                    + "  ClientDto(email=a, motDePasse=" + password + ", telephone=b)";
            FormChecks.gone(redactor, line, password, "ClientDto(email=a, motDePasse=", ", telephone=b)");
            FormChecks.gone(atRest, line, password);
            FormChecks.gone(redactor, "message [doit être renseigné]\n  cleApi=" + secret, secret, "cleApi=");
            FormChecks.gone(redactor, "é {\"claveSecreta\":\"" + secret + "\",\"usuarioContrasena\":\"" + password
                    + "\"}", secret, "{\"claveSecreta\":\"");
            FormChecks.gone(redactor, "é {\"usuarioContrasena\":\"" + password + "\"}", password);
            FormChecks.gone(redactor, "ä senhaDeAcesso=" + password + "; nome=Ana", password, "; nome=Ana");
        }
    }

    @Test
    void aCamelCaseNameWhoseLastWordsAreNoLabelOrWhoseValueIsNoSecretStays() {
        FormChecks.untouched(redactor, "é motDePasseOublie=true, cleApiActive=false, passeport=1234, deMot=Bonjour");
        FormChecks.untouched(redactor, "é cleApi=*****, motDePasse=(masqué), articleCle=theme-dark");
        FormChecks.untouched(redactor, "é motDePasse=, claveSecreta=null");
    }

    // a bare "key" in prose before a quoted value

    @Test
    void aQuotedGeneratedValueRightAfterABareKeyInProseGoes() {
        for (int k = 0; k < 6; k++) {
            String secret = key();
            FormChecks.gone(redactor, "And the API client uses key \"" + secret + "\"", secret,
                    "And the API client uses key \"");
            FormChecks.gone(redactor, "Given a tenant with key '" + secret + "' exists", secret, "' exists");
            FormChecks.gone(atRest, "And the API client uses key \"" + secret + "\"", secret);
        }
    }

    @Test
    void aQuotedWordOrNameAfterABareKeyStays() {
        FormChecks.untouched(redactor, "When I press key \"Enter\" and then key \"ArrowDown\"");
        FormChecks.untouched(redactor, "cache key \"user:42:profile\" missing; key \"orders-2024-06-01-eu-west-1\"");
        FormChecks.untouched(redactor, "the key \"" + uuid() + "\" and key \"feature_flag_checkout_v2\" and key \"\"");
        // a dotted name: MySQL's index after "for key", with a generated-looking part
        FormChecks.untouched(redactor, "Integrity constraint violation: 1062 Duplicate entry 'x' for key "
                + "'orders.UNIQ_5F2A9C7E01B3D4E6'");
    }

    // kept: the key a command at redis-cli's prompt names

    @Test
    void aNamespacedKeyAfterACommandAtRedisClisPromptIsKept() {
        for (int k = 0; k < 4; k++) {
            String id = uuid();
            String token = key();
            String line = "cache-" + k + ".acme.internal:6379> HSET session:" + id + " email x token " + token;
            FormChecks.gone(redactor, line, token, "cache-" + k + ".acme.internal:6379> HSET session:" + id + " email");
            FormChecks.untouched(redactor, "127.0.0.1:6379[2]> HGETALL session:" + id);
            FormChecks.untouched(atRest, "127.0.0.1:6379> GET session:" + id);
        }
    }

    @Test
    void aSessionsIdOutsideAPromptsKeyOrAValueSetAtThePromptStillGoes() {
        String id = uuid();
        String password = "Pw" + FormChecks.token(random, 12) + "9";
        FormChecks.gone(redactor, "GET session:" + id, id, "GET session:");
        FormChecks.gone(redactor, "prompt> GET session:" + id, id);
        FormChecks.gone(redactor, "127.0.0.1:6379> SET password:admin " + password, password, "SET password:admin ");
        FormChecks.gone(redactor, "127.0.0.1:6379> SET session " + id, id);
    }

    // what the outside measures named: a map from hosts to their credential under a secret's name

    @Test
    void aHostsCredentialInAMapNamedForASecretGoes() {
        for (int k = 0; k < 4; k++) {
            String secret = key();
            FormChecks.gone(redactor, "#12 0.214 {\"http-basic\":{},\"bearer\":{\"satis.example-" + k + ".dev\":\""
                    + secret + "\"}}", secret, "\"bearer\":{\"satis.example-" + k + ".dev\":\"");
            FormChecks.gone(atRest, "{\n  \"bearer\": {\n    \"repo.example.org\": \"" + secret + "\"\n  }\n}", secret,
                    "\"repo.example.org\": \"");
        }
    }

    @Test
    void aHostsValueInAMapNamedForNoSecretOrAWordStays() {
        String value = key();
        FormChecks.untouched(redactor, "{\"mirrors\": {\"repo.example.org\": \"" + value + "\"}}");
        FormChecks.untouched(redactor, "{\"bearer\": {\"repo.example.org\": \"disabled\"}}");
        // a key that is no host's name under the map
        FormChecks.untouched(redactor, "{\"bearer\": {\"enabled\": true, \"hosts\": 3}}");
    }

    @Test
    void aSecretsQuotedValueOnAYarnrcLineGoes() {
        for (int k = 0; k < 4; k++) {
            String password = java.util.Base64.getEncoder().encodeToString(("Pw" + FormChecks.token(random, 10) + "9")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String token = key();
            String yarnrc = "registry \"https://npm.example.dev/repository/npm-group/\"\n"
                    + "\"//npm.example.dev/repository/npm-group/:_password\" \"" + password + "\"\n"
                    + "\"//npm.example.dev/repository/npm-group/:username\" \"yarn-ci\"\n"
                    + "  \"_authToken\" \"" + token + "\"\r\n"
                    + "error An unexpected error occurred: \"Request failed \\\"401 Unauthorized\\\"\"";
            FormChecks.gone(redactor, yarnrc, password, "npm-group/:_password\" \"", "\"yarn-ci\"");
            FormChecks.gone(atRest, yarnrc, token, "\"_authToken\" \"");
        }
    }

    @Test
    void aQuotedPairWhoseNameSaysNoSecretOrThatDoesNotEndItsLineStays() {
        FormChecks.untouched(redactor, "\"//npm.example.dev/:username\" \"yarn-ci\"\n\"always-auth\" \"true\"\n"
                + "\"password\" \"see the vault\" for it\n\"password\": \"\"");
        FormChecks.untouched(redactor, "\"_password\" \"\"\n\"token\" \"<redacted>\"");
    }

    // kept: what the outside measures named (a key's file, an error's class after a password's word)

    @Test
    void aPrivateKeysFilePathIsKeptWithOpenSshsNamesAndExtensionsWithDigits() {
        for (String path : new String[] {"/home/ci/.ssh/id_ed25519", "~/.ssh/id_rsa", "/var/lib/jenkins/.ssh/id_ecdsa_sk",
                "./keys/AuthKey_4X7Q2.p8", "/etc/pki/release-signing.p12"}) {
            FormChecks.untouched(redactor, "[DEBUG] connector for sftp://repo.example.dev/m2 with username=deployer, "
                    + "privateKey=" + path + ", passphrase=***");
            FormChecks.untouched(atRest, "signing.privateKey=" + path);
        }
    }

    @Test
    void aKeyThatOnlyLooksLikeAPathOrAnIdentityFilesNameStillGoes() {
        // no directory, a name OpenSSH does not give, an extension from a digit, a random value with slashes
        String secret = key();
        FormChecks.gone(redactor, "privateKey=id_ed25519" + secret, secret);
        FormChecks.gone(redactor, "privateKey=/home/ci/.ssh/id_" + secret, secret);
        FormChecks.gone(redactor, "private_key=/" + secret.substring(0, 10) + "/" + secret.substring(10) + ".8", secret);
        FormChecks.gone(redactor, "privateKey=/" + secret.substring(0, 12) + "/" + secret.substring(12), secret);
    }

    @Test
    void anErrorsClassNamedAfterAPasswordsWordIsKept() {
        FormChecks.untouched(redactor, "[ERROR] Unable to decrypt server password: "
                + "org.sonatype.plexus.components.sec.dispatcher.SecDispatcherException");
        FormChecks.untouched(redactor, "could not read password: java.io.UncheckedIOException; "
                + "password: com.example.vault.VaultAccessError");
    }

    @Test
    void aPasswordShapedLikeAClassNameButNotAnErrorsStillGoes() {
        // no package, one package, a capital in a package, a class that names no error, a sign in it
        for (String password : new String[] {"SecretException", "acme.PassException", "com.Acme.PwException",
                "org.acme.Hunter2Secret", "org.acme.My-PassException", "org.acme.MyPassExceptions"}) {
            FormChecks.gone(redactor, "db password: " + password + " (rotated)", password, "db password: ");
        }
    }
}
