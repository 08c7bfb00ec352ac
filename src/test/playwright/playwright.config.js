// @ts-check
// A real Playwright Test project against the Healdesk sandbox, for the PlaywrightTestRunner tests and `healdesk bench`.
// Browsers are not downloaded: it drives the system's Chromium (HEALDESK_BROWSER, which Healdesk sets when a browser
// is configured, else Debian's /usr/bin/chromium).
const { defineConfig } = require('@playwright/test');

const int = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) ? value : fallback;
};

module.exports = defineConfig({
  testDir: './tests',
  // The runner under test passes its own reporters on the command line; this one is for people running it by hand.
  reporter: 'list',
  retries: int('PW_RETRIES', 0),
  workers: int('PW_WORKERS', 1),
  timeout: int('PW_TEST_TIMEOUT', 15000),
  expect: { timeout: int('PW_EXPECT_TIMEOUT', 2000) },
  use: {
    baseURL: process.env.BASE_URL,
    actionTimeout: int('PW_EXPECT_TIMEOUT', 2000),
    navigationTimeout: int('PW_EXPECT_TIMEOUT', 2000) * 2,
    screenshot: 'only-on-failure',
    trace: process.env.PW_TRACE || 'off',
    launchOptions: {
      executablePath: process.env.HEALDESK_BROWSER || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'health', testDir: './tests/health' },
    { name: 'contracts', testDir: './tests/contracts' },
    { name: 'modules', testDir: './tests/modules' },
    { name: 'security', testDir: './tests/security' },
    // Runs that go wrong on purpose: flaky, skipped, hostile text, a hang, a crashed runner. Each file is its own
    // project so that a test selects exactly what it needs.
    { name: 'quirks', testDir: './tests/quirks', testMatch: 'quirks.spec.js' },
    { name: 'hang', testDir: './tests/quirks', testMatch: 'hang.spec.js' },
    { name: 'crash', testDir: './tests/quirks', testMatch: 'crash.spec.js' },
    { name: 'leaky', testDir: './tests/quirks', testMatch: 'leaky.spec.js' },
  ],
});
