const { test, expect } = require('@playwright/test');
const { apiUrl, user, password } = require('../sandbox');

test('API refuses requests without a token', async ({ request }) => {
  const response = await request.get(apiUrl('/api/customers'));
  expect(response.status()).toBe(401);
});

test('API login refuses a wrong password', async ({ request }) => {
  const response = await request.post(apiUrl('/api/login'), { data: { email: user(), password: password() + '-wrong' } });
  expect(response.status()).toBe(401);
});

test('pages send CSP, X-Frame-Options and X-Content-Type-Options', async ({ request }) => {
  const headers = (await request.get('/login')).headers();
  expect(headers['content-security-policy']).toBeTruthy();
  expect(['DENY', 'SAMEORIGIN']).toContain((headers['x-frame-options'] || '').toUpperCase());
  expect(headers['x-content-type-options']).toBe('nosniff');
});
