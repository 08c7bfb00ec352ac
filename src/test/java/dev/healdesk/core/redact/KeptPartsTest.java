package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * What the standard rules keep beside a secret they mask: the account of a {@code user:password} whatever detector
 * found it, a documentation page named after "token:", a word a tool prints where the credential is absent.
 */
class KeptPartsTest {

    private final Redactor redactor = Redactor.standard();
    private final Random random = new Random(61);

    @Test
    void theUserOfAUserPasswordStaysWhicheverDetectorFoundIt() {
        String pw = FormChecks.token(random, 14);
        FormChecks.gone(redactor, "$ buildah bud --creds qa-automation:" + pw + " -t registry.acme.io/orders:1.4.2 .", pw,
                "--creds qa-automation:", "registry.acme.io/orders:1.4.2");
        FormChecks.gone(redactor, "solr.xml: <str name=\"basicAuth\">deploy-bot:" + pw + "</str>", pw,
                "<str name=\"basicAuth\">deploy-bot:");
        FormChecks.gone(redactor, "creds=svc-e2e:" + pw, pw, "creds=svc-e2e:");
        // an API key used as the user, a key id in capitals, a URL: judged whole as before
        String hex = "0123456789abcdef0123";
        FormChecks.gone(redactor, "creds=" + hex + ":" + pw, pw);
        FormChecks.gone(redactor, "creds=" + hex + ":" + pw, hex);
        String id = "AKIA" + FormChecks.digits(random, 16, '0', 10);
        FormChecks.gone(redactor, "creds=" + id + ":" + pw, id);
    }

    @Test
    void aPageAddressAfterATokensNameStaysAndAWebhooksKeyStillGoes() {
        FormChecks.untouched(redactor, "→ View the Chromatic CLI docs on how to set the project token: "
                + "https://www.chromatic.com/docs/cli#configure");
        FormChecks.untouched(redactor, "token: https://docs.acme-corp.io/ci/tokens/rotate");
        String key = FormChecks.token(random, 24);
        FormChecks.gone(redactor, "token: https://hooks.acme-corp.io/services/T0A1B2C3D/" + key, key);
        FormChecks.gone(redactor, "secret: https://ci-bot:" + key + "@git.acme-corp.io/app.git", key, "git.acme-corp.io");
        String uuid = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        FormChecks.gone(redactor, "token: https://acme.webhook.office.com/webhookb2/" + uuid + "/IncomingWebhook/x", uuid);
    }

    @Test
    void aWordPrintedWhereTheCredentialIsAbsentStays() {
        FormChecks.untouched(redactor, "nock.scope bodies don't match: { reqheaders: { authorization: 'token expected' } }");
        FormChecks.untouched(redactor, "session token: expired");
        String token = FormChecks.token(random, 40);
        FormChecks.gone(redactor, "{ reqheaders: { authorization: 'token " + token + "' } }", token, "authorization: 'token ");
        FormChecks.gone(redactor, "password=hunter2expected", "hunter2expected");
    }
}
