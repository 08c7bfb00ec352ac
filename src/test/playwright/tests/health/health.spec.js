const { test, expect } = require('@playwright/test');
const { apiUrl } = require('../sandbox');

test('API health endpoint answers ok', async ({ request }) => {
  const response = await request.get(apiUrl('/api/health'));
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('login page shows the sign-in form', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('#email')).toBeVisible();
  await expect(page.locator('#password')).toBeVisible();
});
