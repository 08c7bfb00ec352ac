// Shared steps: where the API is and how to sign in. The sandbox draws its demo password at each start, so the
// runner passes it in HEALDESK_PASSWORD.
const { expect } = require('@playwright/test');

const apiUrl = (path) => new URL(path, process.env.API_URL || process.env.BASE_URL).toString();
const user = () => process.env.HEALDESK_USER || 'operator@example.com';
const password = () => process.env.HEALDESK_PASSWORD || '';

async function apiToken(request) {
  const response = await request.post(apiUrl('/api/login'), { data: { email: user(), password: password() } });
  expect(response.status(), `POST /api/login: ${await response.text()}`).toBe(200);
  const body = await response.json();
  expect(body.token).toBeTruthy();
  return body.token;
}

async function signIn(page) {
  await page.goto('/login');
  await page.locator('#email').fill(user());
  await page.locator('#password').fill(password());
  await page.locator('#login-button').click();
  await expect(page).toHaveURL(/\/app$/);
}

module.exports = { apiUrl, apiToken, signIn, user, password };
