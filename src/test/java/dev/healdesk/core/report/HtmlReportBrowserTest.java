package dev.healdesk.core.report;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.healdesk.core.suite.BrowserChoice;
import dev.healdesk.core.suite.BrowserLocator;
import dev.healdesk.core.suite.ProbeRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTML report as a reader gets it: opened in the system's Chromium (as the probes launch it), offline. */
class HtmlReportBrowserTest {

    @TempDir
    Path dir;

    @Test
    void rendersInChromiumWithoutErrorsAndRunsNoInjectedScript() throws Exception {
        Path report = dir.resolve("report.html");
        var run = ReportFixtures.run(dir);
        new HtmlReport().write(run, ReportFixtures.trend(), dir, report);
        BrowserChoice choice = new BrowserLocator().locate();
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                    .setArgs(ProbeRunner.CHROMIUM_ARGS);
            choice.executable().ifPresent(options::setExecutablePath);
            try (Browser browser = pw.chromium().launch(options)) {
                Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
                List<String> errors = new ArrayList<>();
                List<String> requests = new ArrayList<>();
                page.onConsoleMessage(m -> {
                    if ("error".equals(m.type())) {
                        errors.add(m.text());
                    }
                });
                page.onPageError(errors::add);
                page.onRequest(r -> requests.add(r.url()));
                page.navigate(report.toUri().toString());

                assertThat(page.title()).isEqualTo("Healdesk report: " + ReportFixtures.TARGET
                        + " \u2013 run-20260102-100000-abcdef01");
                Locator groups = page.locator("section.group:not(.incident)");
                assertThat(groups.count()).isEqualTo(2);
                assertThat(page.locator("section.incident").count()).isEqualTo(run.incidents().size());
                assertThat(groups.first().isVisible()).isTrue();
                assertThat(groups.first().innerText()).contains("remaining connection slots");
                assertThat(page.locator("section.group:not(.incident) pre.msg").nth(1).innerText())
                        .contains("<script>window.pwned=1</script>");
                assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
                assertThat(page.locator("svg").count()).isEqualTo(3);
                assertThat(page.locator("svg.donut").boundingBox().width).isGreaterThan(100);
                Object imgWidth = page.evaluate("() => document.querySelector('.shots img').naturalWidth");
                assertThat(((Number) imgWidth).intValue()).isEqualTo(64);
                assertThat(errors).isEmpty();
                assertThat(requests).allMatch(u -> u.startsWith("file:") || u.startsWith("data:"));

                Path shot = Path.of("target", "report-html-test.png");
                Files.createDirectories(shot.getParent());
                page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
                assertThat(Files.size(shot)).isGreaterThan(10_000);
            }
        }
    }
}
