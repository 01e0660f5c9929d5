/**
 * Prints one plain `N passed, N failed` line after a web-test-runner run, so CI and people can
 * read how many browser tests ran.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const count = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites) count(child);
      };
      for (const session of sessions) {
        if (session.testResults) count(session.testResults);
        // A file that failed to load has no test results but is a failure all the same.
        else if (!session.passed) failed += 1;
      }
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      process.stdout.write(`\nbrowser: ${line}\n`);
      globalThis.__osaBrowserSummary = { passed, failed, skipped };
    },
  };
}
