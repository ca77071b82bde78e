import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The log check greps the sandbox log of the whole run, so it runs after every other file. */
class LogCheckLast extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    const last = (f: TestSpecification) => (f.moduleId.endsWith('secrets-in-log.contract.test.ts') ? 1 : 0);
    return [...sorted].sort((a, b) => last(a) - last(b));
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'contracts/**/*.contract.test.ts'],
    globalSetup: ['contracts/setup/servers.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    testTimeout: 30_000,
    // The contract suites share one sandbox, and some move its clock: one file at a time.
    fileParallelism: false,
    hookTimeout: 90_000,
    sequence: { sequencer: LogCheckLast },
  },
});
