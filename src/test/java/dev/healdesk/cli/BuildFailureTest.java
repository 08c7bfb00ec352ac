package dev.healdesk.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Maven project whose code does not compile, run as a JUnit XML suite of a target file: the run is recorded
 * with a suite-error state and the compiler's message without Maven's colours, {@code healdesk run} exits 1 (a red
 * build, not a usage error), and {@code history} and {@code report latest} show that run, not an older one.
 */
class BuildFailureTest {

    @TempDir
    Path dir;

    @Test
    void aBuildThatDoesNotCompileIsARecordedSuiteErrorRunThatExitsOne() throws Exception {
        Path app = Files.createDirectories(dir.resolve("app"));
        // The plugins Healdesk's own build uses, so that the build runs offline from the local repository.
        Files.writeString(app.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.example</groupId>
                  <artifactId>prices</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <build>
                    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>
                        <version>3.3.1</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
                        <version>3.13.0</version></plugin>
                    </plugins>
                  </build>
                </project>
                """);
        Path src = Files.createDirectories(app.resolve("src/main/java/dev/example/prices"));
        Files.writeString(src.resolve("Price.java"), """
                package dev.example.prices;

                public final class Price {
                    public static long cents(String amount) {
                        return Math.round(Double.parseDouble(amount) * 100) + discount;
                    }
                }
                """);
        Path target = dir.resolve("prices.yaml");
        Files.writeString(target, """
                name: prices
                suites:
                  - kind: junit
                    project: unit
                    command: [mvn, -o, -B, -Dstyle.color=always, test]
                    dir: app
                    reports: 'target/surefire-reports/*.xml'
                    select: maven
                    timeoutSeconds: 300
                """);
        Path results = dir.resolve("results");

        CliRun run = CliRun.of("run", "--target=" + target, "--skip-llm", "--results-dir=" + results);

        assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("the unit suite").contains("exited with 1")
                .contains("Compilation failure").contains("cannot find symbol").doesNotContain("\u001B");
        assertThat(run.out()).contains("finished: suite-error");

        CliRun history = CliRun.of("history", "--results-dir=" + results, "--json");
        assertThat(history.out()).contains("\"state\":\"suite-error\"").contains("\"target\":\"prices\"")
                .doesNotContain("\\u001B");
        CliRun report = CliRun.of("report", "latest", "--results-dir=" + results, "--format=json", "--out=-");
        assertThat(report.code()).isZero();
        assertThat(report.out()).contains("\"state\" : \"suite-error\"").contains("\"suiteError\" : ")
                .contains("cannot find symbol").doesNotContain("\\u001B").doesNotContain("\u001B");
        String md = Files.readString(Files.list(results).filter(Files::isDirectory).findFirst().orElseThrow()
                .resolve("summary.md"));
        assertThat(md).contains("| Status | **suite-error** |").contains("| Suite error |");
    }
}
