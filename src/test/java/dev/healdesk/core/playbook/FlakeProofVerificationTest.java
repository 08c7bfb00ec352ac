package dev.healdesk.core.playbook;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.ApprovalPolicy;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.suite.junit.JUnitSelector;
import dev.healdesk.core.suite.junit.JUnitXmlRunner;
import dev.healdesk.core.suite.junit.JUnitXmlSuite;
import dev.healdesk.core.suite.junit.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.healdesk.core.playbook.HealHarness.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole loop over real suites (a real Maven project, a real pytest project) with a test that fails only on its
 * first attempt and a test that fails until a fix puts a file in place: a do-nothing "fix" mapped to the flaky failure
 * is never credited, a real fix of a failure that comes back is.
 */
class FlakeProofVerificationTest {

    private static final Guardrails FAST = Guardrails.defaults().withCooldown(Duration.ZERO).withSettle(Duration.ZERO);

    @TempDir
    Path dir;
    private HealHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void onARealMavenSuiteADoNothingFixForAFlakyTestIsNotCreditedAndARealFixIs() throws Exception {
        Path project = MavenProject.write(dir.resolve("shop"));
        JUnitXmlSuite suite = new JUnitXmlSuite("shop", List.of("mvn", "-o", "-q", "test"), project, Map.of(),
                "target/surefire-reports/TEST-*.xml", Duration.ofMinutes(3), JUnitSelector.MAVEN);

        check(new JUnitXmlRunner(List.of(suite)), project, MavenProject.FIRST_ATTEMPT, MavenProject.NEEDS_FIX);
    }

    @Test
    void onARealPytestSuiteADoNothingFixForAFlakyTestIsNotCreditedAndARealFixIs() throws Exception {
        Path project = Files.createDirectories(dir.resolve("py"));
        Files.writeString(project.resolve("test_shop.py"), """
                import os

                def test_first_attempt_only():
                    if not os.path.exists("marker"):
                        open("marker", "w").close()
                        assert False, "the price cache was still warming up"

                def test_charges_the_card():
                    if not os.path.exists("fixed"):
                        raise ConnectionError("card gateway unreachable: connection refused")

                def test_adds():
                    assert 2 + 2 == 4
                """);
        JUnitXmlSuite suite = new JUnitXmlSuite("shop", List.of("python3", "-m", "pytest", "-q", "-p",
                "no:cacheprovider", "--junitxml=reports/junit.xml"), project, Map.of(), "reports/*.xml",
                Duration.ofSeconds(60), JUnitSelector.PYTEST);

        check(new JUnitXmlRunner(List.of(suite)), project, "test_shop#test_first_attempt_only",
                "test_shop#test_charges_the_card");
    }

    private void check(JUnitXmlRunner runner, Path project, String flakyTest, String brokenTest) throws Exception {
        h = new HealHarness(dir);
        HealHarness.Fake doNothing = new HealHarness.Fake("do-nothing");
        doNothing.steps = List.of(PlanStep.command("Do nothing", List.of("/bin/true")));
        HealHarness.Fake putFixInPlace = new HealHarness.Fake("put-fix-in-place");
        putFixInPlace.effect = context -> {
            try {
                Files.writeString(project.resolve("fixed"), "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        h.registry.register(doNothing);
        h.registry.register(putFixInPlace);
        h.choices.put(flakyTest, "do-nothing");
        h.choices.put(brokenTest, "put-fix-in-place");

        RunSummary s = h.run(h.executor(FAST, Map.of()), policy(ApprovalPolicy.A), runner);

        assertThat(s.results()).filteredOn(r -> r.id().equals(flakyTest) || r.id().equals(brokenTest))
                .extracting(TestResult::status).containsOnly(TestStatus.FAILED);
        ActionRecord flaky = action(s, "do-nothing");
        assertThat(doNothing.applied).as("nothing to fix: it passed when run again").isEmpty();
        assertThat(flaky.decision()).isEqualTo(Decision.SKIPPED);
        assertThat(flaky.applied() || flaky.success() || flaky.verified()).isFalse();
        // Whichever group comes first, the flaky test's pass is never put down to a fix.
        assertThat(flaky.message()).isEqualTo("passed on re-run; the failure may have been flaky (" + flakyTest
                + "); do-nothing was not applied: a fix is verified only against a failure that comes back");

        ActionRecord fixed = action(s, "put-fix-in-place");
        assertThat(putFixInPlace.applied).hasSize(1);
        assertThat(fixed.applied() && fixed.success() && fixed.verified()).as(fixed.toString()).isTrue();
        assertThat(fixed.message()).startsWith("verified: the 1 failing test(s) pass");
        assertThat(s.flaky()).as("failed, then passed when run again with nothing changed").isEqualTo(1);
        assertThat(h.log(s)).contains("VERIFIED put-fix-in-place: yes").doesNotContain("VERIFIED do-nothing");
    }

    private static ActionRecord action(RunSummary s, String playbook) {
        return s.actions().stream().filter(a -> a.playbook().equals(playbook)).findFirst()
                .orElseThrow(() -> new AssertionError("no action of " + playbook + " in " + s.actions()));
    }
}
