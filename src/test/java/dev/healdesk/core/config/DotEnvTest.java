package dev.healdesk.core.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The .env reader: the forms the seeds and dotenv write, and a clear line-numbered problem for anything else. */
class DotEnvTest {
    private static final Path FILE = Path.of("/srv/app/.env");

    @Test
    void readsBareQuotedAndExportedValuesAndSkipsComments() {
        DotEnv env = DotEnv.parse(FILE, """
                # Test credentials
                TEST_EMAIL=ops@example.org
                export HEAL_MAX_FIXES = 5
                TEST_PASSWORD='p@ss #not a comment'
                BASE_URL=http://127.0.0.1:3000 # the app
                GREETING="line one\\nline \\"two\\""

                EMPTY=
                MULTI="first
                second"
                """);

        assertThat(env.problems()).isEmpty();
        assertThat(env.values()).containsEntry("TEST_EMAIL", "ops@example.org")
                .containsEntry("HEAL_MAX_FIXES", "5")
                .containsEntry("TEST_PASSWORD", "p@ss #not a comment")
                .containsEntry("BASE_URL", "http://127.0.0.1:3000")
                .containsEntry("GREETING", "line one\nline \"two\"")
                .containsEntry("EMPTY", "")
                .containsEntry("MULTI", "first\nsecond");
        assertThat(env.lines()).containsEntry("TEST_EMAIL", 2).containsEntry("HEAL_MAX_FIXES", 3)
                .containsEntry("MULTI", 9);
    }

    @Test
    void aLineThatIsNoAssignmentIsAProblemWithItsNumberAndTheRestStillCounts() {
        DotEnv env = DotEnv.parse(FILE, """
                OLLAMA_HOST=gpu-box:11434
                sk-ant-this-is-a-pasted-key-without-a-name
                BROKEN="never closed
                HEAL_DRY_RUN=true
                """);

        assertThat(env.values()).containsEntry("OLLAMA_HOST", "gpu-box:11434");
        assertThat(env.problems()).hasSize(2);
        assertThat(env.problems().get(0)).startsWith("line 2: ").contains("is not NAME=value")
                // never the whole pasted line: it may be a secret
                .doesNotContain("pasted-key");
        assertThat(env.problems().get(1)).startsWith("line 3: ").contains("BROKEN").contains("never closed");
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        DotEnv env = DotEnv.parse(FILE, "A='x' y\n");
        assertThat(env.values()).doesNotContainKey("A");
        assertThat(env.problems()).hasSize(1);
        assertThat(env.problems().get(0)).startsWith("line 1: ").contains("after the closing '");
    }
}
