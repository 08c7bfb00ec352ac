package dev.healdesk.core.playbook.review;

import dev.healdesk.core.playbook.CommandRunner;
import dev.healdesk.core.playbook.PlaybookContext;
import dev.healdesk.core.playbook.TargetControl;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.Severity;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real git repositories, a recording stand-in for gh, and failure groups for the review playbook tests. */
final class ReviewFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:30:05Z"), ZoneOffset.UTC);
    static final String STAMP = "20250314-093005";
    static final String FINGERPRINT = "3f9a2c1d7e5b4a60";
    static final Path MARKER = Path.of("/tmp/pwn-review");
    /** A first line with every shell metacharacter the brief names; the title carries it whole (under 80 chars). */
    static final String HOSTILE_FIRST_LINE = "locator('#login-btn') $(touch /tmp/pwn-review) `id`; a && b ../x";
    static final String HOSTILE = HOSTILE_FIRST_LINE + "\n"
            + "  `touch /tmp/pwn-review`; touch /tmp/pwn-review && echo ../../etc/passwd\n"
            + "```\n# not a heading\n$(touch /tmp/pwn-review)";
    static final String SPEC = """
            import { test, expect } from '@playwright/test';

            test('login submits', async ({ page }) => {
              await page.goto('/login');
              await page.locator('#login-btn').click();
              await expect(page.locator('#welcome')).toBeVisible();
            });
            """;
    static final String CONFIG = """
            import { defineConfig } from '@playwright/test';

            export default defineConfig({
              retries: 0,
              use: { baseURL: 'http://localhost:3000' },
            });
            """;

    private ReviewFixtures() {
    }

    /** A repository on branch main with a Playwright config and a spec, committed, with a local identity. */
    static Path repo(Path dir) throws IOException {
        Path repo = dir.resolve("crm");
        Files.createDirectories(repo.resolve("tests"));
        git(dir, "init", "-q", "-b", "main", repo.toString());
        git(repo, "config", "user.name", "Test Author");
        git(repo, "config", "user.email", "test@example.com");
        Files.writeString(repo.resolve("playwright.config.ts"), CONFIG);
        Files.writeString(repo.resolve("tests/login.spec.ts"), SPEC);
        git(repo, "add", ".");
        git(repo, "commit", "-q", "-m", "Initial commit");
        return repo;
    }

    /** A bare repository as {@code origin} of {@code repo}, with main pushed. */
    static Path origin(Path dir, Path repo) throws IOException {
        Path origin = dir.resolve("origin.git");
        git(dir, "init", "-q", "--bare", "-b", "main", origin.toString());
        git(repo, "remote", "add", "origin", origin.toString());
        git(repo, "push", "-q", "origin", "main");
        return origin;
    }

    /** Runs git in {@code dir}, requires success and returns stdout. */
    static String git(Path dir, String... args) throws IOException {
        Run r = exec(dir, args);
        assertEquals(0, r.exit(), "git " + String.join(" ", args) + " failed: " + r.stderr());
        return r.stdout();
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs git in {@code dir} whatever its exit. */
    static Run exec(Path dir, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).start();
        try {
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            return new Run(p.exitValue(), out, err);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /**
     * A stand-in gh in {@code dir/bin}: appends each argument on its own line and a separator per call to
     * {@code dir/gh-calls.txt}, the content of a {@code --body-file} to {@code dir/gh-bodies.txt}, and prints the
     * URL GitHub would.
     */
    static Path ghStandIn(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path gh = bin.resolve("gh");
        Files.writeString(gh, """
                #!/bin/bash
                here="$(cd "$(dirname "$0")/.." && pwd)"
                for a in "$@"; do printf '%s\\n' "$a" >> "$here/gh-calls.txt"; done
                printf '%s\\n' '--- end of call ---' >> "$here/gh-calls.txt"
                prev=""
                for a in "$@"; do
                  if [ "$prev" = "--body-file" ]; then cat -- "$a" >> "$here/gh-bodies.txt"; fi
                  prev="$a"
                done
                case "$1 $2" in
                  "pr create") echo "https://github.com/acme/crm/pull/42" ;;
                  "issue create") echo "https://github.com/acme/crm/issues/7" ;;
                esac
                """);
        Files.setPosixFilePermissions(gh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /** The argument vectors the stand-in recorded, one list per call. */
    static List<List<String>> ghCalls(Path dir) throws IOException {
        Path log = dir.resolve("gh-calls.txt");
        List<List<String>> calls = new ArrayList<>();
        if (!Files.exists(log)) {
            return calls;
        }
        List<String> current = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.equals("--- end of call ---")) {
                calls.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        return calls;
    }

    /** Programs run with {@code bin} first on the PATH (the stand-in gh there). */
    static CommandRunner runnerWith(Path bin) {
        return new CommandRunner(Duration.ofSeconds(30), s -> s, Map.of("PATH", bin + ":" + System.getenv("PATH")));
    }

    /** Programs run with a PATH that holds git and nothing else, so no gh whatever the machine has. */
    static CommandRunner runnerWithoutGh(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("git-only"));
        Path git = Path.of("/usr/bin/git");
        if (!Files.exists(bin.resolve("git"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(bin.resolve("git"), Files.exists(git) ? git : Path.of("/bin/git"));
        }
        return new CommandRunner(Duration.ofSeconds(30), s -> s, Map.of("PATH", bin.toString()));
    }

    record Target(Path repo) implements TargetControl {
        @Override
        public String name() {
            return "crm";
        }

        @Override
        public Optional<URI> baseUrl() {
            return Optional.of(URI.create("http://localhost:3000"));
        }

        @Override
        public Optional<Path> repository() {
            return Optional.ofNullable(repo);
        }
    }

    static FailureGroup uiGroup(String message) {
        Classification c = new Classification("ui-element-not-found", "Element not found", Category.UI, Severity.HIGH,
                FixClass.B, "propose-selector-fix");
        TestResult t = TestResult.failed("e2e/login-submits", "e2e", "login submits", 1200, message,
                "at tests/login.spec.ts:5:38", List.of());
        return new FailureGroup(FINGERPRINT, c, List.of(t), message, "at tests/login.spec.ts:5:38");
    }

    static Diagnosis diagnosis() {
        return new Diagnosis(FINGERPRINT, "ollama", "qwen2.5:7b", "The login button's id changed to data-test=login",
                0.82, Category.UI, FixClass.B, "propose-selector-fix", "The markup now renders the button with"
                + " data-test=\"login\"; the spec still looks for #login-btn.",
                List.of("locator('#login-btn') timed out", "the page has [data-test=login]"), false, null, null,
                Instant.parse("2025-03-14T09:29:00Z"), 900, 120, 2100, false);
    }

    static PlaybookContext context(FailureGroup group, Optional<Diagnosis> diagnosis, Map<String, Object> settings,
                                   Map<String, String> env, CommandRunner runner, Path runFolder, Path repo) {
        return new PlaybookContext("run-20250314-093000", group, diagnosis, settings, env, runner, runFolder,
                new Target(repo), CLOCK);
    }
}
