package dev.healdesk.core.suite.probes;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.healdesk.core.suite.Checks;
import dev.healdesk.core.suite.ProbeCheck;
import dev.healdesk.core.suite.ProbeContext;

import java.net.URI;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A {@code page} check: open the URL, run the steps, then expect what must be on the page. */
final class PageProbe implements ProbeCheck {

    private final CheckSpec.Page spec;
    private final Variables vars;

    PageProbe(CheckSpec.Page spec, Variables vars) {
        this.spec = spec;
        this.vars = vars;
    }

    @Override
    public void check(ProbeContext ctx) {
        Page page = ctx.page();
        Checks.open(page, ctx.url(vars.resolve(spec.url(), ctx.credentials())));
        if (spec.steps() != null) {
            for (CheckSpec.Step step : spec.steps()) {
                step(ctx, page, step);
            }
        }
        if (spec.visible() != null) {
            for (String selector : spec.visible()) {
                Checks.expectVisible(ctx, page.locator(selector));
            }
        }
        if (spec.minCount() != null) {
            Locator all = page.locator(spec.minCount().selector());
            Checks.expectVisible(ctx, all.first());
            int count = all.count();
            if (count < spec.minCount().count()) {
                throw new AssertionError("Expected at least " + spec.minCount().count() + " elements matching "
                        + spec.minCount().selector() + " but found " + count);
            }
        }
        if (spec.text() != null) {
            Locator scope = page.locator(spec.textIn() == null ? "body" : spec.textIn());
            assertThat(scope).containsText(spec.text(),
                    new LocatorAssertions.ContainsTextOptions().setTimeout(ctx.timeoutMs()));
        }
    }

    private void step(ProbeContext ctx, Page page, CheckSpec.Step step) {
        if (step.fill() != null) {
            page.locator(step.fill().selector()).fill(vars.resolve(step.fill().value(), ctx.credentials()));
            return;
        }
        String expected = step.expectUrl() == null ? null : ctx.url(step.expectUrl());
        if (step.click() == null) {
            awaitPath(ctx, page, expected);
            expectPath(page, expected, "");
            return;
        }
        String what = step.name() != null ? step.name() : "clicking " + step.click();
        if (Boolean.TRUE.equals(step.waitForNavigation())) {
            // The document the click ends on (after redirects), or whatever the app answered instead.
            Response landed = page.waitForResponse(
                    r -> r.request().isNavigationRequest() && r.frame() == page.mainFrame()
                            && (r.status() < 300 || r.status() > 399),
                    () -> page.locator(step.click()).click());
            page.waitForLoadState();
            if (landed.status() >= 400) {
                throw new AssertionError("Expected " + what + " to open " + (expected == null ? "a page" : expected)
                        + " but " + landed.request().method() + " " + landed.url() + " answered " + landed.status()
                        + ": " + Checks.pageSays(page));
            }
        } else {
            page.locator(step.click()).click();
            awaitPath(ctx, page, expected);
        }
        expectPath(page, expected, " after " + what);
    }

    /** Gives a navigation the step started the check's timeout to reach {@code expected}; the check follows. */
    private static void awaitPath(ProbeContext ctx, Page page, String expected) {
        if (expected == null) {
            return;
        }
        String path = URI.create(expected).getPath();
        try {
            page.waitForURL(u -> URI.create(u).getPath().equals(path),
                    new Page.WaitForURLOptions().setTimeout(ctx.timeoutMs()));
        } catch (TimeoutError e) {
            // expectPath says where the page is instead, and what it shows
        }
    }

    private static void expectPath(Page page, String expected, String after) {
        if (expected != null && !URI.create(page.url()).getPath().equals(URI.create(expected).getPath())) {
            throw new AssertionError("Expected page URL to be " + expected + after + " but was " + page.url()
                    + "; the page says: " + Checks.pageSays(page));
        }
    }
}
