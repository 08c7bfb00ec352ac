const { test, expect } = require('@playwright/test');

test('finishes before the crash', async () => {
  expect(1).toBe(1);
});

// Kills the Playwright runner (this worker's parent) the way an out-of-memory kill would: no JSON report is written.
test('kills the runner', async () => {
  process.kill(process.ppid, 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, 10000));
});

test('never runs', async () => {
  expect(1).toBe(1);
});
