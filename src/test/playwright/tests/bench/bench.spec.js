const { test, expect } = require('@playwright/test');
const { apiUrl } = require('../sandbox');

// 40 quick API checks: what a run costs beyond Playwright's own work is the figure, not the checks.
for (let i = 1; i <= 40; i++) {
  test(`health check ${String(i).padStart(2, '0')}`, async ({ request }) => {
    const response = await request.get(apiUrl('/api/health'));
    expect(response.status()).toBe(200);
  });
}
