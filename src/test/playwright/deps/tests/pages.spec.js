const { expect } = require('@playwright/test');
const { test } = require('./session');
const { user } = require('../../tests/sandbox');

test('the kept session opens the app without signing in', async ({ page }) => {
  await page.goto('/app');
  await expect(page).toHaveURL(/\/app$/);
});

test('the header names the operator', async ({ page }) => {
  await page.goto('/app');
  await expect(page.getByText(`Signed in as ${user()}`)).toBeVisible();
});

test('the customers table has eight rows', async ({ page }) => {
  await page.goto('/app');
  await expect(page.locator('#customers-table tbody tr')).toHaveCount(8);
});

test('the page title says Customers', async ({ page }) => {
  await page.goto('/app');
  await expect(page.locator('#page-title')).toHaveText('Customers');
});

test('customer 1 has a row of its own', async ({ page }) => {
  await page.goto('/app');
  await expect(page.locator('#customers-table tr[data-id="1"]')).toBeVisible();
});

test('the stylesheet loads', async ({ page }) => {
  const css = page.waitForResponse((r) => r.url().endsWith('/assets/app.css'));
  await page.goto('/app');
  expect((await css).status()).toBe(200);
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('the app sends a visitor to the sign-in page', async ({ page }) => {
    await page.goto('/app');
    await expect(page).toHaveURL(/\/login\?expired=1$/);
  });
});
