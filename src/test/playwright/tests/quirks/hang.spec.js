const { test, expect } = require('@playwright/test');

test('finishes at once', async () => {
  expect(1).toBe(1);
});

// Hangs with a browser open until the run is cancelled.
test('hangs with a browser open', async ({ page }) => {
  test.setTimeout(120000);
  await page.setContent('<p>hanging</p>');
  await page.waitForTimeout(110000);
});
