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

  onBegin(config, suite) {
    this.config = config;
    this.suite = suite;
    this.rootDir = config.rootDir;
    this.write({ event: 'begin', rootDir: config.rootDir, version: config.version });
  }

  onTestEnd(test, result) {
    const outcome = test.outcome();
    // Playwright's own rule (reporters/base.js willRetry): an unexpected outcome with retries left runs again.
    const willRetry = outcome === 'unexpected' && test.results.length <= test.retries;
    this.write(Object.assign(this.describe(test), {
      expectedStatus: test.expectedStatus,
      outcome,
      final: !willRetry,
      status: result.status,
      retry: result.retry,
      duration: result.duration,
      error: result.error ? { message: result.error.message || String(result.error.value || ''), stack: result.error.stack || null } : null,
      attachments: result.attachments.filter((a) => a.path).map((a) => ({ name: a.name, contentType: a.contentType, path: a.path })),
      annotations: skipAnnotations(test, result),
    }));
  }

  describe(test) {
    const titlePath = test.titlePath();
    return {
      event: 'test',
      project: projectName(test),
      file: test.location.file,
      line: test.location.line,
      column: test.location.column,
      // titlePath() is ['', project, file, ...describes, title]
      titles: titlePath.slice(3),
    };
  }

  // Tests Playwright never started get no onTestEnd: say so for each, with Playwright's own reason (a dependency
  // project that failed, the maxFailures limit, an interrupt, the global timeout), so that none is told "the run
  // stopped" when it did not.
  reportNotRun(result) {
    if (!this.suite) {
      return;
    }
    const tests = this.suite.allTests();
    const failed = new Set();
    let failures = 0;
    for (const t of tests) {
      if (t.results.length && t.outcome() === 'unexpected') {
        failed.add(projectName(t));
        failures++;
      }
    }
    const deps = new Map();
    for (const p of this.config.projects) {
      deps.set(p.name, p.dependencies || []);
    }
    const failedDependency = (name, seen) => {
      for (const d of deps.get(name) || []) {
        if (seen.has(d)) continue;
        seen.add(d);
        if (failed.has(d)) return d;
        const further = failedDependency(d, seen);
        if (further) return d + ' (through ' + further + ')';
      }
      return null;
    };
    const maxFailures = this.config.maxFailures || 0;
    for (const t of tests) {
      if (t.results.length) continue;
      let why = null;
      const skip = skipAnnotations(t, null);
      const dependency = failedDependency(projectName(t), new Set());
      if (skip.length) {
        why = 'Skipped by test.' + skip[0].type + '()' + (skip[0].description ? ': ' + skip[0].description : '');
      } else if (dependency) {
        why = 'Skipped by Playwright: the project it depends on, ' + dependency + ', failed, so its tests did not run';
      } else if (maxFailures > 0 && failures >= maxFailures) {
        why = 'Skipped by Playwright: the run stopped starting tests after ' + failures + ' failure' + (failures === 1 ? '' : 's') + ' (its maxFailures limit is ' + maxFailures + ')';
      } else if (result.status === 'interrupted') {
        why = 'Did not run: the run was interrupted before this test started';
      } else if (result.status === 'timedout') {
        why = "Did not run: the run's global timeout ran out before this test started";
      } else {
        why = 'Did not run: Playwright did not start this test and did not say why';
      }
      this.write(Object.assign(this.describe(t), {
        expectedStatus: t.expectedStatus, outcome: 'skipped', final: true, status: 'skipped', retry: 0, duration: 0,
        error: null, attachments: [], annotations: skip, notRun: why,
      }));
    }
  }

  onEnd(result) {
    try {
      this.reportNotRun(result);
    } catch (e) {
      // the JSON report still lists these tests; Healdesk reads it at the end
    }
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

function projectName(test) {
  return test.parent.project() ? test.parent.project().name : '';
}

// test.skip('why') and test.fixme('why') as annotations on the test (Playwright 1.x) or on the attempt (1.52+).
function skipAnnotations(test, result) {
  const all = [].concat(test.annotations || [], (result && result.annotations) || []);
  const seen = new Set();
  return all.filter((a) => (a.type === 'skip' || a.type === 'fixme')).map((a) => ({ type: a.type, description: a.description || null }))
    .filter((a) => { const k = a.type + '\u0000' + a.description; if (seen.has(k)) return false; seen.add(k); return true; });
}

module.exports = HealdeskReporter;
