package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * A call, an environment look-up or a member after a secret's name is no secret's value (redact56, issue #14,
 * {@link KeyValues#expression}): {@code token = jwt.sign(…)}, {@code password=os.environ['…']}, {@code token =
 * self.token} come through as they are, in each mainstream language's spelling, while a quoted literal, a random
 * bare value, a JWT (dotted, but mixed-case) and a literal inside the call still go. The secrets are made here at
 * random.
 */
class CallValuesFormsTest {

    private final Random random = new Random(56_2026L);
    private final Redactor redactor = Redactor.standard();
    private final Redactor atRest = Redactor.atRest();

    private String key() {
        return "Kq7" + FormChecks.token(random, 21);
    }

    private void kept(String line) {
        FormChecks.untouched(redactor, line);
        FormChecks.untouched(atRest, line);
    }

    @Test
    void aCallOfAQualifiedNameStays() {
        for (String name : new String[] {"token", "sig", "creds", "credentials", "auth", "api_key", "secret",
                "password", "client_secret"}) {
            kept(name + " = jwt.sign({ sub: user.id }, signingKey)");
            kept("    " + name + " = crypto.createHmac('sha256', key)");
            kept("val " + name + " = AwsBasicCredentials.create(id, awsSecret)");
            kept(name + " = pika.PlainCredentials('guest', pw)");
            kept(name + " = tweepy.OAuth1UserHandler(consumer_key, consumer_secret)");
            kept("const " + name + " = vault.read(path);");
        }
    }

    @Test
    void aConstructorAndAPlainCallStay() {
        kept("SecretKeySpec secret = new SecretKeySpec(keyBytes, \"HmacSHA256\");");
        kept("credentials = new UsernamePasswordCredentials(user, pass)");
        kept("password = getenv(\"PW\")");
        kept("token = fetch_token()");
        kept("api_key = load_key(settings)");
    }

    @Test
    void anEnvironmentLookUpStays() {
        kept("password=os.environ['LDAP_PASS']");
        kept("password = os.environ[\"DB_PASSWORD\"]");
        kept("api_key = os.getenv(\"API_KEY\")");
        kept("const token = process.env.GITHUB_TOKEN;");
        kept("String password = System.getenv(\"DB_PASSWORD\");");
        kept("secret = ENV[\"APP_SECRET\"]");
        kept("my $password = $ENV{DB_PASS};");
    }

    @Test
    void aMemberOfTheReceiverStays() {
        kept("token = self.token");
        kept("apiKey: this.apiKey,");
    }

    @Test
    void aDottedPasswordIsNoMember() {
        // another object's member is not told from a dotted password: both go
        String dotted = FormChecks.token(random, 4).toLowerCase() + "." + FormChecks.token(random, 4).toLowerCase()
                + "0" + FormChecks.token(random, 3) + "_0";
        FormChecks.gone(redactor, "FASTLANE_PASSWORD=" + dotted, dotted, "FASTLANE_PASSWORD=");
        FormChecks.gone(redactor, "db password: " + dotted + " (rotated)", dotted, "db password: ");
        // a receiver's name at the start of a random value is no receiver
        String self = "self" + FormChecks.token(random, 12);
        FormChecks.gone(redactor, "password=" + self, self, "password=");
    }

    @Test
    void aLiteralStillGoes() {
        String secret = key();
        FormChecks.gone(redactor, "token = \"" + secret + "\"", secret, "token = ");
        FormChecks.gone(atRest, "token = '" + secret + "'", secret, "token = ");
        String password = FormChecks.token(random, 6).toLowerCase() + "Secret!";
        FormChecks.gone(redactor, "password=" + password, password, "password=");
        String stripe = "sk_live_" + FormChecks.token(random, 24);
        FormChecks.gone(redactor, "api_key: " + stripe, stripe, "api_key: ");
    }

    @Test
    void lookAlikesOfACallStillGo() {
        // a random value with a parenthesis or a full stop in it: no call, no member
        String secret = key();
        FormChecks.gone(redactor, "password=" + secret + "(x", secret, "password=");
        String dotted = FormChecks.token(random, 4).toLowerCase() + "." + secret;
        FormChecks.gone(redactor, "password=" + dotted + "!", secret, "password=");
        // a JWT's segments are joined by dots, but its first is mixed-case
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx" + FormChecks.token(random, 8) + "."
                + FormChecks.token(random, 43);
        FormChecks.gone(redactor, "token = " + jwt, jwt.substring(jwt.lastIndexOf('.') + 1), "token = ");
        // a subscript of something other than the environment
        String hex = FormChecks.hex(random, 40);
        FormChecks.gone(redactor, "secret=" + hex, hex, "secret=");
    }

    @Test
    void aLiteralInsideTheCallIsJudgedOnItsOwn() {
        String secret = key();
        FormChecks.gone(redactor, "token = jwt.sign(payload, \"" + secret + "\")", secret, "jwt.sign(payload");
        FormChecks.gone(atRest, "token = jwt.sign(payload, \"" + secret + "\")", secret, "jwt.sign(payload");
    }
}
