const { test, expect } = require('@playwright/test');
const { apiUrl, apiToken } = require('../sandbox');

test.describe('customers API', () => {
  test('every customer has id, name and email', async ({ request }) => {
    const token = await apiToken(request);
    const response = await request.get(apiUrl('/api/customers'), { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    expect(body.customers.length).toBeGreaterThan(0);
    for (const customer of body.customers) {
      expect(customer).toHaveProperty('id');
      expect(customer).toHaveProperty('name');
      expect(customer).toHaveProperty('email');
    }
  });
});

test('health answers status, database and version', async ({ request }) => {
  const body = await (await request.get(apiUrl('/api/health'))).json();
  expect(Object.keys(body).sort()).toEqual(['database', 'status', 'version']);
});
