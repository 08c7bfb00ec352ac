package dev.healdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench --image}: a folder that is not an app image is a usage error that says how to build one. */
class StartupBenchmarkTest {

    @Test
    void anImageWithoutItsLauncherExitsTwoNamingTheFlagAndTheBuild(@TempDir Path dir) {
        CliRun r = CliRun.of("bench", "--only=startup", "--image=" + dir);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--image: " + dir.resolve("bin/healdesk") + " is not there")
                .contains("mvn -Ppackage -DskipTests package");
    }
}
