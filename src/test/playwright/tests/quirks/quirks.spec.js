const { test, expect } = require('@playwright/test');

// Fails on its first attempt and passes on the retry: Playwright calls it flaky (run with retries).
test('passes on the retry', async ({}, testInfo) => {
  expect(testInfo.retry, 'first attempt fails on purpose').toBeGreaterThan(0);
});

test.skip('is skipped', async () => {});

test.describe('outer', () => {
  test.describe('inner', () => {
    test('$(touch /tmp/healdesk-pwned) `touch /tmp/healdesk-pwned` <img src=x onerror=alert(1)>', async () => {
      throw new Error('$(touch /tmp/healdesk-pwned); `rm -rf ~` \u001b[31mred\u001b[39m <script>alert(1)</script>');
    });
  });
});

test('times out', async ({ page }) => {
  test.setTimeout(1000);
  await page.setContent('<p>waiting</p>');
  await page.waitForTimeout(5000);
});
