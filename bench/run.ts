import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALL_A, CALL_B, type CallsResult, callsBench, SERVERS } from './calls.js';
import { CACHE_DIR } from './peers.js';
import { inProcess, type ScaleResult, scaleBench } from './scale.js';
import { type Startup, builtEntry, startupBench } from './startup.js';
import { type FanOut, streamBench } from './stream.js';
import { type TargetInput, targetRows } from './targets.js';
import { type TriggerFigures, triggerBench, triggerTable } from './triggers.js';
import { FLOW, SIGN_IN, SIMPLE, type WritePathResult, writePath } from './write-path.js';

/**
 * `npm run bench`: every target of issue 21 in one run, on loopback, each server under load alone
 * (the machine has two cores: one for the server, one for the load). Every figure the median of
 * REPS runs. Prints each section's tables as it ends, then the targets table (met / missed with
 * the figure), and writes it all to bench/results.md. BENCH_ONLY=<sections> runs some sections
 * (their output goes to bench/results.partial.md, never over a full run's results.md); a section
 * that crashes prints why and the others still run. Stops every process it started, by PID.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPS = 3;
const CONNECTIONS = [1, 10, 50] as const;
const CLI = builtEntry(ROOT);
const PRISM = join(ROOT, 'node_modules/.bin/prism');
const SPEC = join(ROOT, 'spec/openapi.json');
const FIXTURES = join(ROOT, 'fixtures/default.json');
const SECTIONS = ['peers', 'flow', 'startup', 'scale', 'inprocess', 'triggers', 'stream'] as const;
type Section = (typeof SECTIONS)[number];

const fixture = JSON.parse(readFileSync(FIXTURES, 'utf8')) as { accounts: Array<{ uid: string; apps?: Array<{ status: string; apiKey: string; apiSecret: string }> }> };
const active = fixture.accounts.flatMap((a) => a.apps ?? []).find((x) => x.status === 'Active')!;
const APP = { apiKey: active.apiKey, apiSecret: active.apiSecret };

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

function callTables(calls: CallsResult): string[] {
  const lines = [
    `Calls (wrk, one thread, ${SECONDS} s a run): (a) \`POST /otp/secretKeyGenerator\` with a wrong OTP, the stateless refusal; (b) \`GET /limit/getLimits\` with x-session-token, the authenticated read. The peers and the bare node:http server send the sandbox's exact bytes (status, content-type, body), captured from it first. One server at a time.`,
    '',
    row(['scenario', ...CONNECTIONS.map((c) => `${c} conn: req/s`), ...CONNECTIONS.map((c) => `${c} conn: p50 / p99 ms`)]),
    row(['---', ...CONNECTIONS.map(() => '---:'), ...CONNECTIONS.map(() => '---:')]),
  ];
  for (const [call, byServer] of Object.entries(calls.results)) {
    for (const [server, byConn] of Object.entries(byServer)) {
      lines.push(row([`${call}: ${server}`, ...CONNECTIONS.map((c) => fmt(byConn[c]!.rps)), ...CONNECTIONS.map((c) => `${fmt(byConn[c]!.p50, 2)} / ${fmt(byConn[c]!.p99, 2)}`)]));
    }
  }
  lines.push('');
  const sandbox = calls.results;
  const ratioRows: string[] = [];
  for (const call of [CALL_A, CALL_B]) {
    const mine = sandbox[call]![SERVERS.sandbox];
    if (!mine) continue;
    for (const peer of [SERVERS.wiremock, SERVERS.bare, SERVERS.mockoon, SERVERS.prism]) {
      const theirs = sandbox[call]![peer];
      if (!theirs) continue;
      const r = CONNECTIONS.map((c) => mine[c]!.rps / theirs[c]!.rps);
      ratioRows.push(row([`${call}: sandbox / ${peer}`, ...r.map((x) => (peer === SERVERS.bare ? `${fmt(x * 100)}%` : `${fmt(x, 2)}x`))]));
    }
  }
  if (ratioRows.length) lines.push(row(['ratio', ...CONNECTIONS.map((c) => `${c} conn`)]), row(['---', ...CONNECTIONS.map(() => '---:')]), ...ratioRows, '');
  lines.push(row(['server', 'RSS after start (MB)', 'RSS after its load (MB)']), row(['---', '---:', '---:']));
  for (const [server, m] of Object.entries(calls.memory)) lines.push(row([server, fmt(m.start, 1), fmt(m.loaded, 1)]));
  for (const reason of calls.skipped) lines.push('', `Skipped: ${reason}.`);
  for (const note of calls.notes) lines.push('', `Note: ${note}.`);
  return lines;
}

function writeTables(writes: WritePathResult): string[] {
  const lines = [
    `The write path and the flow (durability: each answer leaves once its changes are durable; group commit). The dashboard sign-in writes one new session per request (wrk). The flow, counted request by request (account creation, sign-in, then per app: create, outbox read, verify), and the simple call beside it use the same Node client (node:http, keep-alive, one socket per connection). Ratios: sign-in to memory mode; flow to the simple call with the same client in the same mode.`,
    '',
    row(['call: mode', ...CONNECTIONS.map((c) => `${c} conn: req/s (ratio)`), ...CONNECTIONS.map((c) => `${c} conn: p99 ms`)]),
    row(['---', ...CONNECTIONS.map(() => '---:'), ...CONNECTIONS.map(() => '---:')]),
  ];
  for (const [call, byMode] of Object.entries(writes.rows)) {
    for (const mode of writes.modes) {
      const byConn = byMode[mode];
      if (!byConn) continue;
      const base = call === SIGN_IN ? (mode === 'memory' ? undefined : byMode.memory) : call === FLOW ? writes.rows[SIMPLE]![mode] : undefined;
      const ratio = (c: number) => (base ? ` (${fmt((byConn[c]!.rps / base[c]!.rps) * 100)}%)` : '');
      lines.push(row([`${call}: ${mode}`, ...CONNECTIONS.map((c) => `${fmt(byConn[c]!.rps)}${ratio(c)}`), ...CONNECTIONS.map((c) => fmt(byConn[c]!.p99, 2))]));
    }
  }
  for (const reason of writes.skipped) lines.push('', `Skipped: ${reason}.`);
  return lines;
}

function startupTables(s: Startup): string[] {
  return [
    `Start-up (median of ${REPS}). \`npm start -- --port P\` in a fresh \`git clone\` of HEAD ${s.cloneOf} (node_modules linked from this tree as \`npm ci\` leaves it; no dist/, no build cache), to the first 200 on /__sandbox/info; then again in the same clone, now built. Cold start: \`node ${s.entry}\` (package.json's bin) beside the bare node:http server; RSS 0.5 s after the first answer.`,
    '',
    row(['start-up', 'to first 200 (ms)', 'RSS idle (MB)']),
    row(['---', '---:', '---:']),
    row(['npm start, fresh clone', fmt(s.npmFreshMs), '']),
    row(['npm start, built tree', fmt(s.npmBuiltMs), '']),
    row([`node ${s.entry} (default fixtures)`, fmt(s.sandboxColdMs), fmt(s.idleRssMb, 1)]),
    row(['bare node:http', fmt(s.bareColdMs), fmt(s.bareRssMb, 1)]),
    ...s.notes.map((n) => `\nNote: ${n}.`),
  ];
}

function scaleTables(s: ScaleResult): string[] {
  return [
    row(['scale: getLimits', '10 conn: req/s', '50 conn: req/s', '50 conn: p99 ms']),
    row(['---', '---:', '---:', '---:']),
    ...Object.entries(s.rows).map(([name, byConn]) => row([name, fmt(byConn[10]!.rps), fmt(byConn[50]!.rps), fmt(byConn[50]!.p99, 2)])),
    '',
    `Scaled sandbox: loaded in ${fmt(s.loadMs / 1000, 1)} s; RSS ${fmt(s.emptyRss, 1)} MB with the default fixtures vs ${fmt(s.loadedRss, 1)} MB loaded: ${fmt(s.bytesPerApp)} bytes per app (its account's share included).`,
  ];
}

function streamTable(fanOut: { sandbox: FanOut[]; bare: FanOut[] }): string[] {
  return [
    'The stream: subscribers each holding 100 symbols; a round moves all 100 once (one replay through the control API) and waits for every tick; p99 from the price change to the arrival. The bare ws server sends the same frames to every connection on request.',
    '',
    row(['subscribers', 'sandbox ticks/s', 'bare ws ticks/s', 'sandbox / bare', 'sandbox p99 ms', 'bare p99 ms']),
    row(['---:', '---:', '---:', '---:', '---:', '---:']),
    ...fanOut.sandbox.map((s, i) => {
      const b = fanOut.bare[i]!;
      return row([s.subscribers, fmt(s.ticksPerSecond), fmt(b.ticksPerSecond), `${fmt((s.ticksPerSecond / b.ticksPerSecond) * 100)}%`, fmt(s.p99Ms, 1), fmt(b.p99Ms, 1)]);
    }),
  ];
}

async function main() {
  // `wrk --version` prints its version and exits 1.
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.error('wrk is not installed: apt-get install wrk (Debian)');
    process.exit(2);
  }
  const wrkVersion = probe.stdout.split(' ')[1] ?? 'unknown';
  const only = process.env.BENCH_ONLY?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s)) ?? [];
  if (unknown.length) {
    console.error(`BENCH_ONLY: unknown section(s) ${unknown.join(', ')}; the sections: ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
  const chosen = SECTIONS.filter((s) => !only || only.includes(s));

  const began = performance.now();
  const sections: Array<{ name: Section; lines: string[]; seconds: number; error?: string }> = [];
  const failed: Partial<Record<Section, string>> = {};
  const input: TargetInput = { connections: CONNECTIONS, failed, ran: chosen };
  const run = async (name: Section, body: () => Promise<string[]>) => {
    if (!chosen.includes(name)) return;
    const t0 = performance.now();
    console.error(`bench: ${name}...`);
    try {
      const lines = await body();
      const seconds = (performance.now() - t0) / 1000;
      sections.push({ name, lines, seconds });
      console.log(`${lines.join('\n')}\n`);
      console.error(`bench: ${name} done in ${fmt(seconds)} s`);
    } catch (error) {
      const reason = (error as Error).stack ?? String(error);
      failed[name] = reason.split('\n')[0]!;
      sections.push({ name, lines: [`Section ${name} failed: ${failed[name]}`], seconds: (performance.now() - t0) / 1000, error: reason });
      console.error(`bench: section ${name} FAILED (the other sections still run):\n${reason}`);
    }
  };

  await run('peers', async () => {
    input.calls = await callsBench({
      cli: CLI,
      fixtures: FIXTURES,
      prism: PRISM,
      spec: SPEC,
      wrongOtp: { uid: fixture.accounts[0]!.uid },
      app: APP,
      connections: CONNECTIONS,
      seconds: SECONDS,
      reps: REPS,
    });
    return callTables(input.calls);
  });
  await run('flow', async () => {
    input.writes = await writePath(CLI, CONNECTIONS, SECONDS, REPS);
    return writeTables(input.writes);
  });
  await run('startup', async () => {
    input.startup = await startupBench(ROOT, FIXTURES, REPS);
    return startupTables(input.startup);
  });
  await run('scale', async () => {
    input.scale = await scaleBench(CLI, FIXTURES, APP, SECONDS, REPS);
    return scaleTables(input.scale);
  });
  await run('inprocess', async () => {
    const checked = await inProcess(FIXTURES, APP, true, SECONDS, REPS);
    const unchecked = await inProcess(FIXTURES, APP, false, SECONDS, REPS);
    input.inProcess = checked;
    return [`In-process, app.request() with no socket (getLimits, sequential): ${fmt(checked)} req/s with response checking, ${fmt(unchecked)} req/s without.`];
  });
  await run('triggers', async () => {
    const figures: TriggerFigures = triggerBench();
    input.triggers = figures;
    return triggerTable(figures);
  });
  await run('stream', async () => {
    input.stream = await streamBench([1, 100, 1000]);
    return streamTable(input.stream);
  });

  const total = (performance.now() - began) / 1000;
  const targets = targetRows(input);
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const javaVersion = java.error ? 'none' : (java.stderr.split('\n')[0] ?? '').replace(/"/g, '');
  const lines = [
    '# tradeapi-sandbox benchmark',
    '',
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${javaVersion}. Load: wrk ${wrkVersion} (Debian), one thread, ${SECONDS} s a run; the flow with a node:http client. Every figure is the median of ${REPS} runs. Loopback only; every server under load runs alone. Peers installed at bench time into ${CACHE_DIR}. ${new Date().toISOString()}.`,
    '',
    `Sections: ${sections.map((s) => `${s.name} ${fmt(s.seconds)} s${s.error ? ' (failed)' : ''}`).join(', ')}; ${fmt(total / 60, 1)} min in all.`,
    '',
    ...sections.flatMap((s) => [...s.lines, '']),
    '## Targets (issue 21)',
    '',
    '| target | figure | |',
    '| --- | --- | --- |',
    ...targets.map((t) => row([t.target, t.figure, t.status])),
  ];
  console.log(['## Targets (issue 21)', '', '| target | figure | |', '| --- | --- | --- |', ...targets.map((t) => row([t.target, t.figure, t.status]))].join('\n'));
  const file = only ? 'bench/results.partial.md' : 'bench/results.md';
  writeFileSync(join(ROOT, file), `${lines.join('\n')}\n`);
  console.error(`bench: ${fmt(total / 60, 1)} min in all; written to ${file}${only ? ' (a partial run: results.md is left as it was)' : ''}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
