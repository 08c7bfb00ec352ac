// @ts-check
// A second real Playwright Test project against the Healdesk sandbox: 16 tests in 3 projects, two of which depend on
// a setup project that signs in through the page and keeps the session (Playwright's documented storageState set-up).
// `healdesk bench --only=playwright` times it bare and through Healdesk. It shares ../node_modules.
const { defineConfig } = require('@playwright/test');

const int = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) ? value : fallback;
};

module.exports = defineConfig({
  testDir: './tests',
  // Its own, here: Playwright's default is beside the nearest package.json (../test-results), which a run of the
  // project above empties when it starts, the setup project's kept session with it.
  outputDir: './test-results',
  reporter: 'list',
  retries: 0,
  workers: int('PW_WORKERS', 1),
  timeout: int('PW_TEST_TIMEOUT', 15000),
  expect: { timeout: int('PW_EXPECT_TIMEOUT', 2000) },
  use: {
    baseURL: process.env.BASE_URL,
    actionTimeout: int('PW_EXPECT_TIMEOUT', 2000),
    navigationTimeout: int('PW_EXPECT_TIMEOUT', 2000) * 2,
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.HEALDESK_BROWSER || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'setup', testMatch: 'setup.spec.js' },
    { name: 'api', testMatch: 'api.spec.js', dependencies: ['setup'] },
    { name: 'pages', testMatch: 'pages.spec.js', dependencies: ['setup'] },
  ],
});
