const { test, expect } = require('@playwright/test');

// A suite that spills a bearer token everywhere Playwright keeps text: the page (error-context.md's snapshot), the
// console (stdout in the reports), a text attachment and the failure message. The token comes from the environment
// (PW_PLANTED_JWT), made fresh by the test that runs this project; Healdesk must keep none of it in clear.
test('leaks a bearer token into every artifact', async ({ page }, testInfo) => {
  const jwt = process.env.PW_PLANTED_JWT || '';
  await page.setContent(`<main><h1>Session</h1><p>Authorization: Bearer ${jwt}</p><button>Sign out</button></main>`);
  console.log(`request headers: { authorization: 'Bearer ${jwt}' }`);
  await testInfo.attach('request.txt', { body: `GET /api/me\nAuthorization: Bearer ${jwt}\n`, contentType: 'text/plain' });
  const response = testInfo.outputPath('response.json');
  require('fs').writeFileSync(response, JSON.stringify({ status: 401, token: jwt }, null, 2));
  await testInfo.attach('response.json', { path: response, contentType: 'application/json' });
  expect(`token=${jwt}`, 'the API answered 401 for this token').toBe('token=valid');
});
