// Where the setup project keeps the signed-in session for the projects that depend on it: inside Playwright's output
// folder, which it empties at the start of every run, so a session never outlives its run.
const path = require('path');
const { test: base } = require('@playwright/test');

const sessionFile = (testInfo) => path.join(testInfo.project.outputDir, '.session', 'operator.json');

// A test that starts signed in, with the session the setup project kept.
const test = base.extend({
  storageState: async ({}, use, testInfo) => use(sessionFile(testInfo)),
});

module.exports = { sessionFile, test };
