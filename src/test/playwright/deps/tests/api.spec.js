const { test, expect } = require('@playwright/test');
const { apiUrl, apiToken, user, password } = require('../../tests/sandbox');

const authorized = async (request) => ({ headers: { Authorization: `Bearer ${await apiToken(request)}` } });

test('health answers ok', async ({ request }) => {
  const response = await request.get(apiUrl('/api/health'));
  expect(response.status(), await response.text()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok' });
});

test('login gives a token', async ({ request }) => {
  expect(await apiToken(request)).toMatch(/\S{16,}/);
});

test('login refuses a wrong password', async ({ request }) => {
  const response = await request.post(apiUrl('/api/login'), { data: { email: user(), password: password() + 'x' } });
  expect(response.status()).toBe(401);
});

test('customers need a token', async ({ request }) => {
  expect((await request.get(apiUrl('/api/customers'))).status()).toBe(401);
});

test('customers list has eight customers', async ({ request }) => {
  const response = await request.get(apiUrl('/api/customers'), await authorized(request));
  expect(response.status(), await response.text()).toBe(200);
  expect((await response.json()).customers).toHaveLength(8);
});

for (const id of [1, 2, 3]) {
  test(`customer ${id} is found by id`, async ({ request }) => {
    const response = await request.get(apiUrl(`/api/customers/${id}`), await authorized(request));
    expect(response.status(), await response.text()).toBe(200);
    expect(await response.json()).toMatchObject({ id });
  });
}
