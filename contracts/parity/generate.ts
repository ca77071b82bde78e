import { readFileSync, writeFileSync } from 'node:fs';
import { BASELINE_PATH, type BaselineRow, baselineOf, PARITY_PATH, parityMarkdown, regressions } from './markdown.js';
import { summary } from './report.js';
import { replaySandbox } from './sandbox-replay.js';

/** npm run parity: writes spec/PARITY.md; with --baseline, records the current rows as the baseline too. */
async function main() {
  const rows = await replaySandbox();
  writeFileSync(PARITY_PATH, parityMarkdown(rows));
  const baseline = JSON.parse(readFileSync(BASELINE_PATH, 'utf8')) as Record<string, BaselineRow>;
  const fallen = regressions(rows, baseline);
  if (process.argv.includes('--baseline')) writeFileSync(BASELINE_PATH, `${JSON.stringify(baselineOf(rows), null, 1)}\n`);
  console.log(`wrote ${PARITY_PATH}: ${summary(rows)}`);
  if (fallen.length && !process.argv.includes('--baseline')) {
    console.error(`below the baseline:\n${fallen.join('\n')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1]?.endsWith('generate.js')) void main();
