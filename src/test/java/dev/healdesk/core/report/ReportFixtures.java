package dev.healdesk.core.report;

import dev.healdesk.core.run.ActionRecord;
import dev.healdesk.core.run.Decision;
import dev.healdesk.core.run.Diagnosis;
import dev.healdesk.core.run.FlipRate;
import dev.healdesk.core.run.LlmUsage;
import dev.healdesk.core.run.RunSummary;
import dev.healdesk.core.suite.TestResult;
import dev.healdesk.core.suite.TestStatus;
import dev.healdesk.core.triage.Category;
import dev.healdesk.core.triage.Classification;
import dev.healdesk.core.triage.FailureGroup;
import dev.healdesk.core.triage.FixClass;
import dev.healdesk.core.triage.HealthStatus;
import dev.healdesk.core.triage.Severity;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A run with every part a report shows, and text that tries to break out of it. */
final class ReportFixtures {

    static final String TARGET = "shop-staging";
    static final String SECRET = "hunter2-Zq9xW7";
    /** Markup, an attribute break-out, a control character and a secret, in one failure message. */
    static final String HOSTILE = "Expected <b>OK</b> but got <script>window.pwned=1</script>"
            + "<img src=x onerror=\"window.pwned=2\"> & \"quotes\" \u0007 password=" + SECRET;
    static final String DB_MESSAGE = "FATAL: remaining connection slots are reserved for non-replication superuser"
            + " connections";

    private ReportFixtures() {
    }

    /** A small real PNG: a red square. */
    static Path png(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(200, 40, 40));
        g.fillRect(8, 8, 32, 24);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    static RunSummary run(Path runFolder) throws IOException {
        Path shot = png(runFolder.resolve("artifacts/ui-checkout.png"));
        TestResult ui = new TestResult("ui/checkout", "ui", "Checkout button", "tests/checkout.spec.ts:12",
                TestStatus.FAILED, 5100, HOSTILE, "Error: " + HOSTILE + "\n    at checkout.spec.ts:12:5", 0,
                List.of(shot.toString()));
        TestResult db1 = new TestResult("api/orders", "api", "Orders list", "api/orders", TestStatus.FAILED, 300,
                DB_MESSAGE, "at pg (pool.js:1)", 0, List.of());
        TestResult db2 = new TestResult("api/customers", "api", "Customers list", "api/customers",
                TestStatus.TIMED_OUT, 30000, DB_MESSAGE, null, 0, List.of());
        TestResult flaky = new TestResult("ui/search", "ui", "Search box", "ui/search", TestStatus.FLAKY, 900,
                "Timeout 5000ms exceeded waiting for #results", null, 1, List.of());
        TestResult skipped = new TestResult("api/legacy", "api", "Legacy export", "api/legacy", TestStatus.SKIPPED, 0,
                null, null, 0, List.of());
        TestResult passed = TestResult.passed("api/health", "api", "Health endpoint", 40);
        FailureGroup uiGroup = new FailureGroup("fp-ui-0001", new Classification("ui-locator-timeout",
                "Locator timeout", Category.UI, Severity.HIGH, FixClass.B, "propose-selector-fix"), List.of(ui),
                HOSTILE, "at checkout.spec.ts:12:5");
        FailureGroup dbGroup = new FailureGroup("fp-db-0001", new Classification("db-connection-pool-exhausted",
                "Pool exhausted", Category.DATABASE, Severity.CRITICAL, FixClass.A, "kill-idle-db-connections"),
                List.of(db1, db2), DB_MESSAGE, "at pg (pool.js:1)");
        Diagnosis diagnosis = new Diagnosis("fp-db-0001", "ollama", "llama3.2", "The pool is held by idle sessions"
                + " (token=" + SECRET + ")", 0.82, Category.DATABASE, FixClass.A, "kill-idle-db-connections",
                "Idle sessions keep every slot.", List.of("remaining connection slots"), false, null, null,
                Instant.parse("2026-01-02T10:00:00Z"), 100, 50, 900, false);
        List<ActionRecord> actions = List.of(
                new ActionRecord("fp-db-0001", "kill-idle-db-connections", FixClass.A, Decision.AUTO, true, true, true,
                        "ended 7 idle sessions", 1800),
                new ActionRecord("fp-ui-0001", "propose-selector-fix", FixClass.B, Decision.REJECTED, false, false,
                        false, "rejected by operator", 0));
        Instant start = Instant.parse("2026-01-02T10:00:00Z");
        return new RunSummary("run-20260102-100000-abcdef01", TARGET, List.of("api", "ui"), false, start,
                start.plusSeconds(42), HealthStatus.FAILING, HealthStatus.FAILING, 40.0, 6, 2, 3, 1,
                List.of(ui, db1, db2, flaky, skipped, passed), List.of(dbGroup, uiGroup), actions,
                new LlmUsage("ollama", "llama3.2", 1, 0, 100, 50, 900, 0, null), Map.of("fp-db-0001", diagnosis), false,
                Map.of("ui/search", new FlipRate("ui/search", 10, 4, "PPFPKPPFPK"),
                        "api/orders", new FlipRate("api/orders", 5, 1, "PPPPF")));
    }

    static List<HtmlReport.TrendPoint> trend() {
        Instant t = Instant.parse("2025-12-20T10:00:00Z");
        return List.of(new HtmlReport.TrendPoint("run-a", t, 100, HealthStatus.HEALTHY),
                new HtmlReport.TrendPoint("run-b", t.plusSeconds(86_400), 80, HealthStatus.DEGRADED),
                new HtmlReport.TrendPoint("run-20260102-100000-abcdef01", t.plusSeconds(2 * 86_400), 33.3,
                        HealthStatus.FAILING));
    }
}
