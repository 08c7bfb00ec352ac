const { test, expect } = require('@playwright/test');
const { apiUrl, apiToken, signIn } = require('../sandbox');

test.describe('customers page', () => {
  test('operator signs in and sees the customers table', async ({ page }) => {
    await signIn(page);
    await expect(page.locator('#customers-table')).toBeVisible();
  });

  test.describe('list', () => {
    test('lists at least one customer', async ({ page }) => {
      await signIn(page);
      await expect(page.locator('#customers-table tbody tr').first()).toBeVisible();
    });
  });
});

test('GET /api/customers/1 returns customer 1', async ({ request }) => {
  const token = await apiToken(request);
  const response = await request.get(apiUrl('/api/customers/1'), { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toMatchObject({ id: 1 });
});
