package dev.healdesk.core.suite.probes;

import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** command checks with real bash scripts: exit codes, output, time limits, and text that never meets a shell. */
class CommandProbeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void scripts() throws Exception {
        script("ok.sh", "echo starting\necho all migrations up to date\n");
        script("fails.sh", "for i in $(seq 1 30); do echo line $i; done\necho 'disk full' >&2\nexit 3\n");
        script("hangs.sh", "sleep 300 &\necho $! > child.pid\nwait\n");
        script("echo-args.sh", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\nexit 1\n");
    }

    private void script(String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "#!/bin/bash\n" + body);
        assertThat(f.toFile().setExecutable(true)).isTrue();
    }

    private Map<String, TestResult> run(String yaml, Map<String, String> env) throws Exception {
        return ProbeRuns.run(dir, yaml, env, ProbeRuns.noBrowser(dir));
    }

    @Test
    void exitCodeAndOutputDecideAndTheFailureCarriesTheTail() throws Exception {
        Map<String, TestResult> r = run("""
                defaults: {project: ops}
                checks:
                  - {id: ok, command: {argv: [./ok.sh], workdir: ., outputContains: up to date}}
                  - {id: wrong-text, command: {argv: [./ok.sh], workdir: ., outputContains: pending}}
                  - {id: fails, command: {argv: [./fails.sh], workdir: .}}
                  - {id: expected-3, command: {argv: [./fails.sh], workdir: ., expectExit: 3}}
                  - {id: missing, command: {argv: [./no-such-program]}}
                """, Map.of());
        assertThat(r.get("ops/ok").status()).isEqualTo(TestStatus.PASSED);
        assertThat(r.get("ops/expected-3").status()).isEqualTo(TestStatus.PASSED);
        assertThat(r.get("ops/wrong-text").errorMessage()).isEqualTo("Expected the output of `./ok.sh` to contain"
                + " \"pending\" but it ends with:\nstarting\nall migrations up to date");
        String fails = r.get("ops/fails").errorMessage();
        assertThat(fails).startsWith("Expected `./fails.sh` to exit with 0 but it exited with 3; its output ends"
                + " with:\nline 12\n").endsWith("line 30\ndisk full").doesNotContain("line 11\n");
        assertThat(r.get("ops/missing").errorMessage()).startsWith("Could not start `./no-such-program`:")
                .contains("No such file or directory");
    }

    @Test
    void aCommandOverItsTimeIsKilledWithItsChildren() throws Exception {
        long t0 = System.nanoTime();
        TestResult r = run("""
                checks:
                  - {id: hangs, project: ops, command: {argv: [./hangs.sh], workdir: ., timeoutSeconds: 1}}
                """, Map.of()).get("ops/hangs");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.errorMessage()).isEqualTo("`./hangs.sh` did not exit within 1 s; it and its children were killed");
        assertThat(ms).isLessThan(6_000);
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).trim());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the sleep child").isFalse();
    }

    @Test
    void argumentsAndVariablesAreNeverShellTextAndSecretsAreMasked() throws Exception {
        Path marker = dir.resolve("pwned");
        String hostile = "$(touch " + marker + "); `touch " + marker + "` ; rm -rf / && echo $HOME | cat";
        TestResult r = run("""
                checks:
                  - id: args
                    project: ops
                    command:
                      argv: [./echo-args.sh, '%s', "${DEPLOY_TOKEN}", "$${NOT_A_VAR}"]
                      workdir: .
                """.formatted(hostile.replace("'", "''")), Map.of("DEPLOY_TOKEN", "tok-$(id)-secret-value"))
                .get("ops/args");
        assertThat(marker).doesNotExist();
        String m = r.errorMessage();
        // The script saw each argument as one literal string; the token was passed but never shown.
        assertThat(m).contains("[" + hostile + "]", "[***]", "[${NOT_A_VAR}]")
                .doesNotContain("tok-$(id)-secret-value");
        assertThat(m).startsWith("Expected `./echo-args.sh " + hostile + " ${DEPLOY_TOKEN} $${NOT_A_VAR}` to exit");
        assertThat(r.errorStack()).doesNotContain("tok-$(id)-secret-value");
    }
}
