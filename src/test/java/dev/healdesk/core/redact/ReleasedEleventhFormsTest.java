package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The general forms written for what the eleventh corpus collection's released held-out part, its tune part and the
 * tenth's released part still leaked or lost (redact28): a bare key's value of hex digits alone, a stored password's
 * hash in the modular crypt format, a login in words whose user or password is not quoted, a secret passed by the name
 * of the variable that holds it, a secret store's object named after "create secret", a listing of names and values, a
 * vendor's {@code ..._KEY} variable, a matching rule's "equals", an incoming webhook's id, Australia's Medicare number
 * by its key, a phone after the word phone in prose, a link of words after a secret's name kept, a generated key
 * encoded in base64, and text typed below the tap on a password field. Each on lines written for this test, not taken from the
 * corpus, with counter-examples that must come through as they are. Values are made at test time.
 */
class ReleasedEleventhFormsTest {

    private final Random random = new Random(28_2026L);
    private final Redactor redactor = Redactor.standard();

    /** Letters and digits, with a small and a capital letter and a digit for sure. */
    private String token(int n) {
        return "kQ7" + FormChecks.token(random, n - 3);
    }

    private String password() {
        return "Spruce" + FormChecks.digits(random, 4, '2', 7) + ".ly";
    }

    @Test
    void aBareKeysValueOfHexDigitsAloneGoesAndOtherKeysStay() {
        String k = FormChecks.hexAfterA1(random, 32);
        FormChecks.gone(redactor, "WARN notifier: POST https://errors.acme.net/api/v2/notices?key=" + k
                + ": Net::ReadTimeout", k, "?key=", ": Net::ReadTimeout");
        String jwk = FormChecks.hexAfterA1(random, 64);
        FormChecks.gone(redactor, "GRAPHQL_JWT_SECRET={\"type\":\"HS512\",\"key\":\"" + jwk + "\"}", jwk,
                "\"type\":\"HS512\"");
        String php = FormChecks.hexAfterA1(random, 32);
        FormChecks.gone(redactor, "config.php: 'crypt' => ['key' => '" + php + "'], 'debug' => false", php,
                "'debug' => false");
        FormChecks.untouched(redactor, "key-auth: key=2aa3e26c-1151-4c1a-8f0e-2b2c2a2d4118 rejected");
        FormChecks.untouched(redactor, "cache miss, key: v1-linux-node-18 (restore-keys: v1-linux-)");
        FormChecks.untouched(redactor, "key: not found");
    }

    @Test
    void aStoredPasswordsHashGoesAndItsAlgorithmStays() {
        String salt = FormChecks.token(random, 16);
        String hash = FormChecks.token(random, 43);
        FormChecks.gone(redactor, "users.yml: ci: { email: x, password: \"$argon2id$v=19$m=65536,t=3,p=4$" + salt + "$"
                + hash + "\" }", hash, "$argon2id$v=19$m=65536,t=3,p=4$");
        String bcrypt = FormChecks.token(random, 53);
        FormChecks.gone(redactor, "VALUES ('ann', '$2b$12$" + bcrypt + "', now())", bcrypt, "$2b$12$");
        String sha = FormChecks.token(random, 86);
        FormChecks.gone(redactor, "deploy:$6$rounds=5000$" + salt + "$" + sha + ":19000:0:99999:7:::", sha,
                "deploy:$6$rounds=5000$", ":19000:0:99999:7:::");
        // a truncated fixture value is no bcrypt hash; a shell's variables and prices stay
        FormChecks.untouched(redactor, "fixture digest: '$2a$12$o3pdnVhvcN5J5soA9s9Fjx6a'");
        FormChecks.untouched(redactor, "echo $1 $HOME$PATH costs $5 and $6$ a month");
    }

    @Test
    void aLoginInWordsLosesAnUnquotedPasswordAndKeepsItsUser() {
        String pw = password();
        FormChecks.gone(redactor, "ERROR could not log in as qa-runner with " + pw, pw, "log in as qa-runner with ");
        String pw2 = password();
        FormChecks.gone(redactor, "{\"text\": \"smoke failed: login as ci-bot / " + pw2 + " rejected\"}", pw2,
                "login as ci-bot / ", " rejected");
        FormChecks.untouched(redactor, "logged in as admin with SSO");
        FormChecks.untouched(redactor, "signed in as alice with OAuth2 and SAML2.0");
        FormChecks.untouched(redactor, "log in as bob with an expired token");
    }

    @Test
    void aSecretPassedByItsVariablesNameKeepsTheNameAndItsValueStillGoes() {
        FormChecks.untouched(redactor, "+e2e | --> RUN --secret NPM_TOKEN --secret DB_PASSWORD npm test");
        FormChecks.untouched(redactor, "$ dagger call test --token=env:GH_TOKEN --source=.");
        String v = token(24);
        FormChecks.gone(redactor, "+e2e | --> RUN --secret API_SECRET npm test\nAPI_SECRET=" + v, v,
                "--secret API_SECRET npm test", "API_SECRET=");
        String pw = password();
        FormChecks.gone(redactor, "password: " + pw, pw, "password: ");
    }

    @Test
    void theObjectACommandCreatesAsASecretIsNamedNotSecret() {
        FormChecks.untouched(redactor, "$ sem create secret payments-e2e-env -e REGION=eu");
        FormChecks.untouched(redactor, "$ kubectl get secret orders-db-creds -o yaml");
        String v = token(20);
        FormChecks.gone(redactor, "the client secret " + v + " was revoked", v, "the client secret ");
    }

    @Test
    void aListingOfNamesAndValuesLosesTheValuesOfSecretNames() {
        String v = token(32);
        String pw = password();
        String text = "$ chamber list web -e\n"
                + "Key             Version   LastModified      User         Value\n"
                + "api_key         3         05-14 12:04:11    ci-runner    " + v + "\n"
                + "db_password     2         05-14 12:04:11    ci-runner    " + pw + "\n"
                + "region          1         05-14 12:04:11    ci-runner    eu-west-1\n";
        FormChecks.gone(redactor, text, v, "api_key         3", "eu-west-1");
        FormChecks.gone(redactor, text, pw, "db_password     2");
        FormChecks.untouched(redactor, "Name            Version   Value\nlog_level       4         debug\n"
                + "region          1         eu-west-1\n");
    }

    @Test
    void aVendorsKeyVariableLosesAGeneratedValueAndDataKeysStay() {
        String v = token(24);
        FormChecks.gone(redactor, "BEACON_EVENT_KEY=" + v + "\nBEACON_SIGNING_KEY=x", v, "BEACON_EVENT_KEY=");
        FormChecks.untouched(redactor, "CACHE_KEY=v1-Linux-3f2aAb9\nSORT_KEY=createdAt\nPARTITION_KEY=Tenant42id");
    }

    @Test
    void aMatchingRulesValueGoesAfterEquals() {
        String v = "live_" + token(26);
        FormChecks.gone(redactor, "stub /v1/charges rule: header x-api-key equals " + v + "; status 200", v,
                "header x-api-key equals ", "; status 200");
        FormChecks.untouched(redactor, "assert: password equals expected");
    }

    @Test
    void anIncomingWebhooksIdGoesAndOtherHookPathsStay() {
        String id = FormChecks.token(random, 10).toLowerCase() + "7" + FormChecks.token(random, 15).toLowerCase();
        FormChecks.gone(redactor, "notify failed: Post \"https://chat.acme.net/hooks/" + id + "\": dial tcp", id,
                "https://chat.acme.net/hooks/", "\": dial tcp");
        FormChecks.untouched(redactor, "remote: https://git.acme.net/hooks/pre-receive declined; see "
                + "https://ci.acme.net/webhooks/github");
    }

    @Test
    void aMedicareNumberGoesUnderItsKey() {
        int[] d = FormChecks.body(random, 10);
        d[0] = 2 + random.nextInt(5);
        d[8] = FormChecks.sum(d, 1, 3, 7, 9, 1, 3, 7, 9) % 10;
        String t = FormChecks.text(d);
        String number = t.substring(0, 4) + " " + t.substring(4, 9) + " " + t.substring(9);
        FormChecks.gone(redactor, "{\"$set\":{\"medicare\":\"" + number + "\"}}", number, "\"medicare\":\"");
        FormChecks.untouched(redactor, "medicare: not covered");
    }

    @Test
    void aLinkOfWordsAfterASecretsNameStaysAndARandomLinkStillGoes() {
        FormChecks.untouched(redactor, "→ See the docs on how to set the project token: "
                + "https://www.acme-ci.dev/docs/cli#configure");
        String hook = token(24);
        FormChecks.gone(redactor, "webhook token: https://hooks.acme.net/services/" + hook, hook, "webhook token: ");
    }

    @Test
    void aGeneratedKeyEncodedInBase64GoesAndEncodedTextStays() {
        String key = token(32);
        String encoded = java.util.Base64.getEncoder().encodeToString(key.getBytes(java.nio.charset.StandardCharsets
                .US_ASCII));
        FormChecks.gone(redactor, "$ app-signer sign -k " + encoded + " -p x dist/app.exe", encoded,
                "$ app-signer sign -k ", " dist/app.exe");
        String words = java.util.Base64.getEncoder().encodeToString("release notes for build".getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        FormChecks.untouched(redactor, "annotation: " + words + " ok");
        String hexDigest = java.util.Base64.getEncoder().encodeToString(FormChecks.hexAfterA1(random, 40).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII));
        FormChecks.untouched(redactor, "etag " + hexDigest + " ok");
    }

    @Test
    void textTypedBelowATapOnAPasswordFieldGoes() {
        String pw = "rk4M-" + FormChecks.token(random, 6) + "-2";
        String flow = "Tap on id: email_input... COMPLETED\nInput text qa.runner... COMPLETED\n"
                + "Tap on id: password_input... COMPLETED\nInput text " + pw + "... COMPLETED\n";
        FormChecks.gone(redactor, flow, pw, "Input text qa.runner... COMPLETED", "Tap on id: password_input");
        FormChecks.untouched(redactor, "Tap on text: Show password... COMPLETED\nAssert visible: Hidden... COMPLETED\n"
                + "Tap on id: search... COMPLETED\nInput text winter boots... COMPLETED\n");
    }

    @Test
    void aCredentialsOptionsUserStaysAndItsPasswordGoes() {
        String pw = password();
        FormChecks.gone(redactor, "$ buildah bud --creds release-bot:" + pw + " -t registry.acme.io/web:1.2 .", pw,
                "--creds release-bot:", " -t registry.acme.io/web:1.2 .");
        String hook = token(24);
        FormChecks.gone(redactor, "webhook token: https://hooks.acme.net/services/" + hook, "hooks.acme.net");
    }

    @Test
    void aGroupedNumberAfterTheWordPhoneGoes() {
        String phone = "9" + FormChecks.digits(random, 1, '0', 9) + " " + FormChecks.digits(random, 3, '1', 9) + " "
                + FormChecks.digits(random, 2, '1', 9) + " " + FormChecks.digits(random, 2, '1', 9);
        FormChecks.gone(redactor, "FAIL test/customers.test.ts > creates a customer with phone " + phone, phone,
                "creates a customer with phone ");
        FormChecks.untouched(redactor, "phone 2 of 3 rings; mobile 12345678 bytes");
    }
}
