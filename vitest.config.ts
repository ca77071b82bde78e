import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The log check greps the sandbox log of the whole run, so it runs after every other file. */
class LogCheckLast extends BaseSequencer {
  override async sort(files: TestSpecification[]) {
    const sorted = await super.sort(files);
    // The static-IP suite resets the shared sandbox (to bring its clock back): first, so that the log check, last, reads everyone's secrets.
    const place = (f: TestSpecification) => (f.moduleId.endsWith('secrets-in-log.contract.test.ts') ? 1 : f.moduleId.endsWith('static-ips.contract.test.ts') ? -1 : 0);
    return [...sorted].sort((a, b) => place(a) - place(b));
  }
}

/**
 * Four projects, run one after another (`npm run test:unit|test:contracts|test:reliability|test:browser`
 * picks one): only the contract suites start the shared sandbox and the two Prism processes;
 * the reliability suites start their own sandboxes; unit tests start nothing and need no build.
 */
export default defineConfig({
  test: {
    reporters: ['default', './test/summary-reporter.ts'],
    // A test that needs longer declares its own budget, with a wide margin (see the fuzz test).
    testTimeout: 30_000,
    // The contract suites share one sandbox, and some move its clock: one file at a time.
    fileParallelism: false,
    hookTimeout: 90_000,
    sequence: { sequencer: LogCheckLast },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/domain/**/*.test.ts', 'test/http/**/*.test.ts', 'test/store/**/*.test.ts', 'test/*.test.ts'], sequence: { groupOrder: 1 } } },
      {
        extends: true,
        test: { name: 'contracts', include: ['contracts/**/*.contract.test.ts'], globalSetup: ['contracts/setup/servers.ts'], sequence: { groupOrder: 2 } },
      },
      { extends: true, test: { name: 'reliability', include: ['test/reliability/**/*.test.ts'], sequence: { groupOrder: 3 } } },
      // The pages in Chromium (playwright-core, Debian's chromium); skipped with the reason when it is absent.
      {
        extends: true,
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 120_000, expect: { poll: { timeout: 20_000 } }, sequence: { groupOrder: 4 } },
      },
    ],
  },
});
