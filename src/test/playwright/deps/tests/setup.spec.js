const { test, expect } = require('@playwright/test');
const { signIn } = require('../../tests/sandbox');
const { sessionFile } = require('./session');

test('operator signs in and the session is kept for the other projects', async ({ page }, testInfo) => {
  await signIn(page);
  await expect(page.locator('#logout-link')).toBeVisible();
  await page.context().storageState({ path: sessionFile(testInfo) });
});
