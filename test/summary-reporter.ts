import type { Reporter, SerializedError, TestModule, TestRunEndReason } from 'vitest/node';

/**
 * Closes the run with the plain line CI reads, `N passed, N failed, N skipped`, after listing
 * why tests were skipped (each reason once, with how many tests it skipped).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason) {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const reasons = new Map<string, number>();
    for (const module of modules) {
      let tests = 0;
      for (const test of module.children.allTests()) {
        tests++;
        const result = test.result();
        if (result.state === 'passed') passed++;
        else if (result.state === 'failed') failed++;
        else if (result.state === 'skipped') {
          skipped++;
          if (result.note) reasons.set(result.note, (reasons.get(result.note) ?? 0) + 1);
        }
      }
      // A file that failed to load has no tests but must not pass silently.
      if (tests === 0 && module.state() === 'failed') failed++;
    }
    // A run that failed outside any test (a global setup that could not start the servers) is a failure too.
    if (reason !== 'passed' && failed === 0) failed = 1;
    const lines = [...reasons].map(([note, n]) => `  skipped ${n}: ${note}`);
    if (lines.length) process.stdout.write(`\nSkipped, and why:\n${lines.join('\n')}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
