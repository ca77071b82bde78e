import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { junitReport, runChecks, textReport } from './checks.js';
import { parityMarkdown } from '../parity/markdown.js';
import { summary } from '../parity/report.js';
import { replayTarget } from '../parity/target-replay.js';

export const VERIFY_USAGE = `tradeapi-sandbox verify: check any backend (the sandbox, Samco's service) against spec/openapi.json

usage: tradeapi-sandbox verify --target URL [options]
  --target URL          base URL, e.g. http://127.0.0.1:4010 or https://tradeapi.samco.in
  --session-token T     a session token of the backend (or env SAMCO_SESSION_TOKEN): enables the read-only session checks
  --api-key K --api-secret S   get one with POST /session/token instead (or env SAMCO_API_KEY, SAMCO_API_SECRET)
  --junit FILE          also write a JUnit XML report (default: none)
  --report FILE         also replay Samco's published samples and write the parity table (Markdown): per operation,
                        served, published request accepted, published fields present in the published format,
                        messages and errorCodes, and the drift (status, field added, field removed, format changed)
                        with a curl line for each; reads only unless --include-writes
  --include-writes      with --report: replay the published writing calls too (against Samco's service they trade!)
  --only LIST           comma-separated check ids or operationIds
  --help                this text

Every check is read-only: reads with the session, and refusals of made-up credentials.
Exit code 0 when every check that ran passed, 1 when one failed, 2 on a usage error.`;

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      target: { type: 'string' },
      'session-token': { type: 'string' },
      'api-key': { type: 'string' },
      'api-secret': { type: 'string' },
      junit: { type: 'string' },
      report: { type: 'string' },
      'include-writes': { type: 'boolean', default: false },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
}

/** The `verify` subcommand: returns the exit code. */
export async function verifyCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${VERIFY_USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    console.log(VERIFY_USAGE);
    return 0;
  }
  const target = values.target ?? env.SAMCO_BASE_URL;
  if (!target || !/^https?:\/\//.test(target)) {
    console.error(`--target must be an http(s) base URL\n\n${VERIFY_USAGE}`);
    return 2;
  }
  let sessionToken = values['session-token'] ?? env.SAMCO_SESSION_TOKEN;
  const apiKey = values['api-key'] ?? env.SAMCO_API_KEY;
  const apiSecret = values['api-secret'] ?? env.SAMCO_API_SECRET;
  if (!sessionToken && apiKey && apiSecret) {
    const res = await fetch(`${target.replace(/\/+$/, '')}/session/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey, apiSecret }) });
    const body = (await res.json().catch(() => ({}))) as { sessionToken?: string; statusMessage?: string };
    if (!body.sessionToken) {
      console.error(`could not get a session token: HTTP ${res.status} ${body.statusMessage ?? ''}`.trim());
      return 1;
    }
    sessionToken = body.sessionToken;
  }
  const results = await runChecks({ target, sessionToken, only: values.only?.split(',').map((s) => s.trim()) });
  console.log(textReport(target, results));
  if (values.junit) writeFileSync(values.junit, junitReport(target, results));
  if (values.report) {
    const rows = await replayTarget({ target, sessionToken, includeWrites: values['include-writes'] });
    writeFileSync(values.report, parityMarkdown(rows, target));
    console.log(`parity report written to ${values.report}: ${summary(rows)}`);
  }
  return results.some((r) => r.outcome === 'failed') ? 1 : 0;
}
