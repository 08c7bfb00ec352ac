// Healdesk's live reporter for Playwright Test. Healdesk writes this file to a temporary folder and passes it with
// --reporter next to Playwright's own json reporter; the project's configuration is not touched.
//
// For every finished attempt of a test it appends one JSON line to the file named by HEALDESK_EVENTS_FILE, so that
// Healdesk can show results while the run goes on. Each line is written with one synchronous write on a file opened
// for appending, so a reader never sees half a line from a live process, and a runner that is killed leaves every
// line it wrote before. No dependencies: only Node's fs and path.
'use strict';

const fs = require('fs');

class HealdeskReporter {
  constructor() {
    const file = process.env.HEALDESK_EVENTS_FILE;
    this.fd = file ? fs.openSync(file, 'a') : null;
    this.rootDir = '';
  }

  printsToStdio() {
    return false;
  }

  onBegin(config) {
    this.rootDir = config.rootDir;
    this.write({ event: 'begin', rootDir: config.rootDir, version: config.version });
  }

  onTestEnd(test, result) {
    const outcome = test.outcome();
    // Playwright's own rule (reporters/base.js willRetry): an unexpected outcome with retries left runs again.
    const willRetry = outcome === 'unexpected' && test.results.length <= test.retries;
    const titlePath = test.titlePath();
    this.write({
      event: 'test',
      project: test.parent.project() ? test.parent.project().name : '',
      file: test.location.file,
      line: test.location.line,
      column: test.location.column,
      // titlePath() is ['', project, file, ...describes, title]
      titles: titlePath.slice(3),
      expectedStatus: test.expectedStatus,
      outcome,
      final: !willRetry,
      status: result.status,
      retry: result.retry,
      duration: result.duration,
      error: result.error ? { message: result.error.message || String(result.error.value || ''), stack: result.error.stack || null } : null,
      attachments: result.attachments.filter((a) => a.path).map((a) => ({ name: a.name, contentType: a.contentType, path: a.path })),
    });
  }

  onEnd(result) {
    this.write({ event: 'end', status: result.status, duration: result.duration });
  }

  write(event) {
    if (this.fd === null) {
      return;
    }
    fs.writeSync(this.fd, JSON.stringify(event) + '\n');
  }

  async onExit() {
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }
}

module.exports = HealdeskReporter;
