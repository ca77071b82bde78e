#!/usr/bin/env node
import { startupDone } from './start-heap.js';
import { parseArgs } from 'node:util';
import { openSandbox, readFixtureFile, type Sandbox } from './server.js';
import { listen, REQUEST_TIMEOUT_MS } from './http/node-server.js';
import { DEFAULT_CLIENT_IP } from './http/source-ip.js';
import type { FixtureSetData } from '../spec/schemas/fixtures.js';
import type { FaultProfileData } from '../spec/schemas/faults.js';
import { readFaultProfile } from './sandbox/faults/profile.js';

const USAGE = `tradeapi-sandbox: a local sandbox of the Samco Trade API credential and session surface

usage: tradeapi-sandbox [options]
       tradeapi-sandbox verify --target URL [options]   (check any backend against the spec; verify --help)
  --port N          port to listen on (default 4010; 0 picks a free one)
  --host ADDR       address to bind (default 127.0.0.1)
  --fixtures FILE   fixture set loaded at start and on every reset (e.g. fixtures/default.json)
  --seed S          same seed, same OTPs, keys and ids (default: random)
  --outbox-retention N  keep the newest N outbox messages (default 10000)
  --state FILE      keep state in FILE (an embedded database; every answered change is durable first) so it survives restarts, even a kill; in memory otherwise
  --database-url URL  keep state in PostgreSQL (postgres://...), shared by every replica started on it
  --no-check-responses  skip checking every response against the spec (faster)
  --no-rate-limits  switch off the rate limits (AutoTrader's API limits, the OTP send limit) for load tests
  --control-token-env NAME  let non-loopback callers use /__sandbox with the token in this environment variable (x-sandbox-token)
  --client-ip ADDR  the public IP a caller on this machine is seen from (default ${DEFAULT_CLIENT_IP}): register it as your static IP
  --trust-proxy     take the source IP from X-Forwarded-For (behind a proxy you trust, or to simulate several clients)
  --request-timeout-ms N  a whole request must arrive within N ms (default 30000; headers within 10 s); else 408
  --faults FILE     a chaos profile ({"rules":[...]}): faults from the start, back after every reset; change them at /__sandbox/faults
  --quiet           no request log
  --help            this text`;

function parse() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        fixtures: { type: 'string' },
        seed: { type: 'string' },
        state: { type: 'string' },
        'database-url': { type: 'string' },
        'outbox-retention': { type: 'string', default: '10000' },
        'no-check-responses': { type: 'boolean', default: false },
        'no-rate-limits': { type: 'boolean', default: false },
        'trust-proxy': { type: 'boolean', default: false },
        'client-ip': { type: 'string', default: DEFAULT_CLIENT_IP },
        'control-token-env': { type: 'string' },
        'request-timeout-ms': { type: 'string', default: String(REQUEST_TIMEOUT_MS) },
        faults: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function main() {
  if (process.argv[2] === 'verify') {
    // Loaded only for this subcommand, so that serving loads none of it.
    void import('../contracts/verify/cli.js').then(async ({ verifyCommand }) => process.exit(await verifyCommand(process.argv.slice(3))));
    return;
  }
  const values = parse();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not ${values.port}`);
    process.exit(2);
  }

  const requestTimeoutMs = Number(values['request-timeout-ms']);
  if (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs < 100) {
    console.error(`--request-timeout-ms must be a whole number of at least 100, not ${values['request-timeout-ms']}`);
    process.exit(2);
  }

  const outboxRetention = Number(values['outbox-retention']);
  if (!Number.isInteger(outboxRetention) || outboxRetention < 1) {
    console.error(`--outbox-retention must be a whole number of at least 1, not ${values['outbox-retention']}`);
    process.exit(2);
  }

  let fixtures: FixtureSetData | null = null;
  let faults: FaultProfileData | undefined;
  try {
    faults = values.faults ? readFaultProfile(values.faults) : undefined;
    fixtures = values.fixtures ? readFixtureFile(values.fixtures) : null;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }

  // The token comes from the environment, not the command line, where any local user could read it.
  const tokenEnv = values['control-token-env'];
  const controlToken = tokenEnv ? process.env[tokenEnv] : undefined;
  if (tokenEnv && !controlToken) {
    console.error(`--control-token-env ${tokenEnv}: that environment variable is empty`);
    process.exit(2);
  }

  const log = (line: string) => console.error(`[sandbox] ${line}`);
  if (values.state && values['database-url']) {
    console.error('give --state FILE or --database-url URL, not both');
    process.exit(2);
  }
  let sandbox: Sandbox;
  try {
    sandbox = await openSandbox({
      state: values.state,
      databaseUrl: values['database-url'],
      outboxRetention,
      seed: values.seed ?? null,
      fixtures,
      checkResponses: !values['no-check-responses'],
      rateLimits: !values['no-rate-limits'],
      trustProxy: values['trust-proxy'],
      clientIp: values['client-ip'],
      controlToken,
      faults,
      log,
      requestLog: values.quiet ? undefined : (line) => console.log(line),
    });
  } catch (error) {
    console.error(`cannot start: ${(error as Error).message}`);
    process.exit(2);
  }
  const { persistence } = sandbox;
  // What the banner shows of the set, not the set: the domain keeps only the rows it wrote (a large set would be held twice).
  const shown = fixtures && { count: fixtures.accounts.length, first: fixtures.accounts.slice(0, 5), autotraderUsers: fixtures.autotraderUsers ?? [] };
  fixtures = null;
  const fixturesLoaded = !persistence || persistence.fixturesLoaded;
  const server = listen(sandbox, { port, hostname: values.host, requestTimeoutMs, log }, (info) => {
    startupDone();
    const base = `http://${values.host}:${info.port}`;
    console.log(`tradeapi-sandbox listening on ${base}`);
    console.log(`  docs: ${base}/docs   spec: ${base}/openapi.json`);
    console.log(`  OTPs, API keys and secret keys arrive in the outbox: curl '${base}/__sandbox/outbox?uid=USER_ID'`);
    console.log(`  your IP: callers on this machine are seen from ${values['client-ip']} (--client-ip); register it as the app's static IP to place orders`);
    if (values['trust-proxy']) console.log('  --trust-proxy: the source IP is the first X-Forwarded-For entry when one is sent');
    if (!persistence) console.log('  state: in memory, lost when the sandbox stops (--state FILE keeps it)');
    if (values.seed !== undefined) console.log(`  seed: ${values.seed}`);
    if (faults) console.log(`  faults: ${values.faults} (${faults.rules.length} rule(s); list and change them at ${base}/__sandbox/faults)`);
    if (persistence) {
      const what = persistence.kind === 'postgres' ? 'PostgreSQL, shared by every replica on it' : 'embedded database';
      console.log(`  state: ${persistence.where} (${what}; ${persistence.rows} rows loaded${persistence.fixturesLoaded ? '; empty, fixtures loaded' : ''})`);
    }
    if (shown && !fixturesLoaded) console.log(`  fixtures: ${values.fixtures} not loaded: the state already holds data (POST /__sandbox/reset reloads them)`);
    if (shown && fixturesLoaded) {
      console.log(`  fixtures: ${values.fixtures} (${shown.count} accounts; API keys and secrets of its apps are in the file)`);
      for (const account of shown.first) {
        console.log(`    user id ${account.uid}  password ${account.password}  apps ${account.apps?.length ?? 0}`);
      }
      if (shown.count > 5) console.log(`    ... and ${shown.count - 5} more`);
      for (const user of shown.autotraderUsers) {
        console.log(`    AutoTrader user ${user.username}  password ${user.password}${user.disabled ? '  (disabled)' : ''}`);
      }
    }
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ' (another sandbox?): stop it, or start this one with --port N (--port 0 picks a free one)' : '';
    console.error(`cannot listen on ${values.host}:${port}: ${error.message}${hint}`);
    process.exit(1);
  });
  const stop = () =>
    server.close(() => {
      sandbox.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
