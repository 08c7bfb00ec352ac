package dev.healdesk.core.redact;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Values of secret variables, masked by name: which names, which values, and what stays. */
class KnownSecretsTest {

    @Test
    void valuesOfSecretNamedVariablesBecomeTheirNames() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TEST_PASSWORD", "pw-" + "x9f2");
        env.put("DB_PASS", "plain words");
        env.put("SENTRY_DSN", "https://k3y@o1.example.com/1");
        env.put("SLACK_WEBHOOK_URL", "https://hooks.example.com/T1/B2/c3");
        env.put("SESSION_COOKIE", "c00kie-value");
        env.put("HOME", "/home/operator");
        env.put("PWD", "/work/app");
        KnownSecrets known = new KnownSecrets(env);

        assertThat(known.apply("login with pw-x9f2 as plain words failed; dsn https://k3y@o1.example.com/1,"
                + " hook https://hooks.example.com/T1/B2/c3, cookie c00kie-value in /work/app of /home/operator"))
                .isEqualTo("login with $TEST_PASSWORD as $DB_PASS failed; dsn $SENTRY_DSN, hook $SLACK_WEBHOOK_URL,"
                        + " cookie $SESSION_COOKIE in /work/app of /home/operator");
        assertThat(known.names()).doesNotContain("HOME", "PWD");
    }

    @Test
    void shortValuesShortNumbersAndNoValueWordsAreLeftAlone() {
        KnownSecrets known = new KnownSecrets(Map.of("API_KEY", "abc", "AUTH_PORT", "8443", "AUTH_ENABLED", "true",
                "REDIS_PASSWORD", "none", "PIN_SECRET", "12345678", "JOB_TOKEN", "ab12"));

        assertThat(known.names()).containsExactlyInAnyOrder("PIN_SECRET", "JOB_TOKEN");
        assertThat(known.apply("abc true none: connect ECONNREFUSED 127.0.0.1:8443 with 12345678 and ab12"))
                .isEqualTo("abc true none: connect ECONNREFUSED 127.0.0.1:8443 with $PIN_SECRET and $JOB_TOKEN");
    }

    @Test
    void aSecretContainingAnotherIsReplacedWhole() {
        KnownSecrets known = new KnownSecrets(Map.of("SHORT_TOKEN", "abcdef", "LONG_TOKEN", "abcdef-123456"));

        assertThat(known.apply("got abcdef-123456 then abcdef")).isEqualTo("got $LONG_TOKEN then $SHORT_TOKEN");
    }

    @Test
    void textWithoutSecretsIsTheSameInstance() {
        String text = "nothing to see";
        assertThat(new KnownSecrets(Map.of("API_TOKEN", "zzzzzzzz")).apply(text)).isSameAs(text);
        assertThat(new KnownSecrets(Map.of()).apply(null)).isNull();
    }
}
