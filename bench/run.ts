import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox } from '../mock/server.js';
import { writeBigFixture } from './big-fixture.js';
import { median, medianOf, wrk, type Sample } from './load.js';
import { pairs } from './pairs.js';
import { triggerBench, triggerTable } from './triggers.js';
import { writePath } from './write-path.js';
import { streamBench } from './stream.js';
import { BARE_SERVER, requestJson, rssMb, start, stop, type Server } from './servers.js';

/**
 * `npm run bench`: the sandbox against the Prism mock of the same spec and against a bare
 * node:http server, in one run, on loopback; every figure the median of REPS runs. Prints one
 * table and writes it to bench/results.md. Stops every process it started, by PID.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const REPS = 3;
const CONNECTIONS = [1, 10, 50] as const;
const CLI = join(ROOT, 'dist/mock/cli.js');
const PRISM = join(ROOT, 'node_modules/.bin/prism');
const SPEC = join(ROOT, 'spec/openapi.json');
const FIXTURES = join(ROOT, 'fixtures/default.json');

const fixture = JSON.parse(readFileSync(FIXTURES, 'utf8')) as { accounts: Array<{ uid: string; apps?: Array<{ status: string; apiKey: string; apiSecret: string }> }> };
const app = fixture.accounts.flatMap((a) => a.apps ?? []).find((x) => x.status === 'Active')!;
const WRONG_OTP = { method: 'POST', body: JSON.stringify({ uid: fixture.accounts[0]!.uid, otp: '000000' }), headers: { 'content-type': 'application/json' } };

const sandboxArgs =
  (extra: string[] = []) =>
  (port: number) => [CLI, '--port', String(port), '--quiet', '--fixtures', FIXTURES, ...extra];
const prismArgs = (level: string) => (port: number) => ['mock', SPEC, '-h', '127.0.0.1', '-p', String(port), '-v', level];

async function sessionOn(server: Server, key = app.apiKey, secret = app.apiSecret): Promise<string> {
  const res = await requestJson('POST', `${server.url}/session/token`, { apiKey: key, apiSecret: secret });
  if (res.status !== 200) throw new Error(`no session on ${server.name}: ${JSON.stringify(res.body)}`);
  return res.body.sessionToken;
}

function runs(f: () => Sample): Sample {
  return medianOf(Array.from({ length: REPS }, f));
}

async function coldStart(name: string, command: string, args: (port: number) => string[]): Promise<{ ms: number; rss: number }> {
  const samples: Array<{ ms: number; rss: number }> = [];
  for (let i = 0; i < REPS; i++) {
    const server = await start(name, command, args, '/__sandbox/info');
    await new Promise((r) => setTimeout(r, 500));
    samples.push({ ms: server.coldStartMs, rss: rssMb(server.child.pid!) });
    await stop(server);
  }
  return { ms: median(samples.map((s) => s.ms)), rss: median(samples.map((s) => s.rss)) };
}

async function inProcess(checkResponses: boolean): Promise<number> {
  const { app: hono } = createSandbox({ fixtures: FIXTURES, checkResponses });
  const token = (
    (await (
      await hono.request('/session/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiKey: app.apiKey, apiSecret: app.apiSecret }) })
    ).json()) as { sessionToken: string }
  ).sessionToken;
  const rates: number[] = [];
  for (let r = 0; r < REPS; r++) {
    let n = 0;
    const end = performance.now() + SECONDS * 1000;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) await (await hono.request('/limit/getLimits', { headers: { 'x-session-token': token } })).arrayBuffer();
      n += 100;
    }
    rates.push(n / SECONDS);
  }
  return median(rates);
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;

async function main() {
  // `wrk --version` prints its version and exits 1.
  const probe = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  if (probe.error) {
    console.error('wrk is not installed: apt-get install wrk (Debian)');
    process.exit(2);
  }
  const wrkVersion = probe.stdout.split(' ')[1] ?? 'unknown';
  const lines: string[] = [];
  const out = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  const started: Server[] = [];
  const begin = async (...a: Parameters<typeof start>) => {
    const s = await start(...a);
    started.push(s);
    return s;
  };
  const results: Record<string, Record<number, Sample>> = {};
  const memory: Record<string, { idle: number; loaded: number }> = {};

  try {
    // (a) the same wrong-OTP call on every server, and (b) an authenticated call, (d) the bare server.
    const servers: Array<[string, Server]> = [
      ['sandbox', await begin('sandbox', process.execPath, sandboxArgs(), '/__sandbox/info')],
      ['sandbox, --no-check-responses', await begin('sandbox-fast', process.execPath, sandboxArgs(['--no-check-responses']), '/__sandbox/info')],
      ['Prism mock, -v silent', await begin('prism-silent', PRISM, prismArgs('silent'), '/__sandbox/info')],
      ['Prism mock, default logging', await begin('prism-info', PRISM, prismArgs('info'), '/__sandbox/info')],
      ['bare node:http', await begin('bare', process.execPath, (port) => ['-e', BARE_SERVER, String(port)], '/')],
    ];
    for (const [name, server] of servers) memory[name] = { idle: rssMb(server.child.pid!), loaded: 0 };
    const byName = Object.fromEntries(servers);

    for (const [name, server] of servers) {
      const path = name.startsWith('bare') ? '/' : '/otp/secretKeyGenerator';
      results[`(a) wrong OTP: ${name}`] = Object.fromEntries(CONNECTIONS.map((c) => [c, runs(() => wrk(`${server.url}${path}`, WRONG_OTP, c, SECONDS))]));
    }
    for (const name of ['sandbox', 'sandbox, --no-check-responses']) {
      const server = byName[name]!;
      const token = await sessionOn(server);
      results[`(b) getLimits with x-session-token: ${name}`] = Object.fromEntries(
        CONNECTIONS.map((c) => [c, runs(() => wrk(`${server.url}/limit/getLimits`, { method: 'GET', headers: { 'x-session-token': token } }, c, SECONDS))]),
      );
      results[`(b) getQuote SBIN with x-session-token: ${name}`] = Object.fromEntries(
        CONNECTIONS.map((c) => [c, runs(() => wrk(`${server.url}/quote/getQuote?symbolName=SBIN&exchange=NSE`, { method: 'GET', headers: { 'x-session-token': token } }, c, SECONDS))]),
      );
    }
    for (const name of ['sandbox', 'sandbox, --no-check-responses']) {
      const server = byName[name]!;
      const byConn: Record<number, Sample> = {};
      for (const c of CONNECTIONS) {
        const samples: Sample[] = [];
        for (let r = 0; r < REPS; r++) samples.push(await pairs(server.url, c, SECONDS, `${name.length}C${c}R${r}`));
        byConn[c] = medianOf(samples);
      }
      results[`(c) create-app + verify-OTP pairs: ${name}`] = byConn;
    }
    for (const [name, server] of servers) memory[name]!.loaded = rssMb(server.child.pid!);
  } finally {
    await Promise.all(started.splice(0).map(stop));
  }

  // Cold start and idle memory: the compiled sandbox as `npm start` runs it, and Prism.
  const coldSandbox = await coldStart('sandbox', process.execPath, sandboxArgs());
  const coldPrism = await coldStart('prism', PRISM, prismArgs('silent'));

  // Scale: the same authenticated call with 100,000 accounts and 500,000 apps loaded.
  const bigFile = join(tmpdir(), `bench-scale-${process.pid}.json`);
  const scale: Record<string, Record<number, Sample>> = {};
  let scaleRss = { empty: 0, loaded: 0, loadMs: 0 };
  try {
    const creds = await writeBigFixture(bigFile, 100_000, 5);
    const empty = await begin('empty', process.execPath, (port) => [CLI, '--port', String(port), '--quiet', '--fixtures', FIXTURES], '/__sandbox/info');
    const big = await begin('scaled', process.execPath, (port) => [CLI, '--port', String(port), '--quiet', '--fixtures', bigFile], '/__sandbox/info', 600_000);
    scaleRss = { empty: rssMb(empty.child.pid!), loaded: rssMb(big.child.pid!), loadMs: big.coldStartMs };
    for (const [name, server, key, secret] of [
      ['default fixtures (12 accounts, 30 apps)', empty, app.apiKey, app.apiSecret],
      ['100,000 accounts, 500,000 apps', big, creds.apiKey, creds.apiSecret],
    ] as const) {
      const token = await sessionOn(server, key, secret);
      scale[name] = Object.fromEntries([10, 50].map((c) => [c, runs(() => wrk(`${server.url}/limit/getLimits`, { method: 'GET', headers: { 'x-session-token': token } }, c, SECONDS))]));
    }
  } finally {
    await Promise.all(started.splice(0).map(stop));
    rmSync(bigFile, { force: true });
  }

  const inProc = await inProcess(true);
  const inProcFast = await inProcess(false);
  const triggers = triggerBench();

  // The write path: memory, --state and PostgreSQL, one after another.
  const writes = await writePath(CLI, CONNECTIONS, SECONDS, REPS);

  // The stream's fan-out beside a bare ws server sending the same frames.
  const fanOut = await streamBench([1, 100, 1000]);

  // The table.
  out(`# tradeapi-sandbox benchmark`);
  out();
  out(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}. Load: wrk ${wrkVersion} (Debian), one thread, ${SECONDS} s a run; (c) with a Node fetch client. Every figure is the median of ${REPS} runs. Loopback only. ${new Date().toISOString()}.`,
  );
  out();
  out(row(['scenario', ...CONNECTIONS.map((c) => `${c} conn: req/s`), ...CONNECTIONS.map((c) => `${c} conn: p50 / p99 ms`)]));
  out(row(['---', ...CONNECTIONS.map(() => '---:'), ...CONNECTIONS.map(() => '---:')]));
  for (const [name, byConn] of Object.entries(results)) {
    out(row([name, ...CONNECTIONS.map((c) => fmt(byConn[c]!.rps)), ...CONNECTIONS.map((c) => `${fmt(byConn[c]!.p50, 2)} / ${fmt(byConn[c]!.p99, 2)}`)]));
  }
  out();
  const rps = (key: string, c: number) => results[key]![c]!.rps;
  const ratios = CONNECTIONS.map((c) => ({
    c,
    prism: rps('(a) wrong OTP: sandbox', c) / rps('(a) wrong OTP: Prism mock, -v silent', c),
    prismFast: rps('(a) wrong OTP: sandbox, --no-check-responses', c) / rps('(a) wrong OTP: Prism mock, -v silent', c),
    bare: rps('(b) getLimits with x-session-token: sandbox', c) / rps('(a) wrong OTP: bare node:http', c),
    bareFast: rps('(b) getLimits with x-session-token: sandbox, --no-check-responses', c) / rps('(a) wrong OTP: bare node:http', c),
  }));
  out(row(['ratio', ...CONNECTIONS.map((c) => `${c} conn`)]));
  out(row(['---', ...CONNECTIONS.map(() => '---:')]));
  out(row(['(a) sandbox / Prism -v silent', ...ratios.map((r) => `${fmt(r.prism, 1)}x`)]));
  out(row(['(a) sandbox --no-check-responses / Prism -v silent', ...ratios.map((r) => `${fmt(r.prismFast, 1)}x`)]));
  out(row(['(b) sandbox / bare node:http', ...ratios.map((r) => `${fmt(r.bare * 100)}%`)]));
  out(row(['(b) sandbox --no-check-responses / bare node:http', ...ratios.map((r) => `${fmt(r.bareFast * 100)}%`)]));
  out();
  out(row(['server', 'cold start to first 200 (ms)', 'RSS after start (MB)', 'RSS after the load (MB)']));
  out(row(['---', '---:', '---:', '---:']));
  out(row(['sandbox (node dist/mock/cli.js, default fixtures)', fmt(coldSandbox.ms), fmt(coldSandbox.rss, 1), fmt(memory.sandbox!.loaded, 1)]));
  out(row(['Prism mock (-v silent)', fmt(coldPrism.ms), fmt(coldPrism.rss, 1), fmt(memory['Prism mock, -v silent']!.loaded, 1)]));
  out();
  out(row(['scale: getLimits', '10 conn: req/s', '50 conn: req/s', '50 conn: p99 ms']));
  out(row(['---', '---:', '---:', '---:']));
  for (const [name, byConn] of Object.entries(scale)) out(row([name, fmt(byConn[10]!.rps), fmt(byConn[50]!.rps), fmt(byConn[50]!.p99, 2)]));
  const scaleNames = Object.keys(scale);
  const scaledRatio = scale[scaleNames[1]!]![50]!.rps / scale[scaleNames[0]!]![50]!.rps;
  const bytesPerApp = ((scaleRss.loaded - scaleRss.empty) * 1024 * 1024) / 500_000;
  out();
  out(
    `Scaled sandbox: loaded in ${fmt(scaleRss.loadMs / 1000, 1)} s; RSS ${fmt(scaleRss.empty, 1)} MB empty vs ${fmt(scaleRss.loaded, 1)} MB loaded: ${fmt(bytesPerApp)} bytes per app (its account's share included).`,
  );
  out();
  out(`In-process, app.request() with no socket (getLimits, sequential): ${fmt(inProc)} req/s with response checking, ${fmt(inProcFast)} req/s without.`);
  out();
  for (const line of triggerTable(triggers)) out(line);
  out();
  out(
    'The write path (durability: each answer leaves once its changes are durable; group commit). placeOrder writes one new order per request (wrk); the flow is create-app + outbox + verify-OTP (Node client). Ratio: to memory mode at the same connection count.',
  );
  out();
  out(row(['write path', ...CONNECTIONS.map((c) => `${c} conn: req/s (ratio)`), ...CONNECTIONS.map((c) => `${c} conn: p99 ms`)]));
  out(row(['---', ...CONNECTIONS.map(() => '---:'), ...CONNECTIONS.map(() => '---:')]));
  for (const [call, byMode] of Object.entries(writes.rows)) {
    const base = byMode.memory!;
    for (const mode of writes.modes) {
      const byConn = byMode[mode]!;
      const ratio = (c: number) => (mode === 'memory' ? '' : ` (${fmt((byConn[c]!.rps / base[c]!.rps) * 100)}%)`);
      out(row([`${call}: ${mode}`, ...CONNECTIONS.map((c) => `${fmt(byConn[c]!.rps)}${ratio(c)}`), ...CONNECTIONS.map((c) => fmt(byConn[c]!.p99, 2))]));
    }
  }
  for (const reason of writes.skipped) out(`Skipped: ${reason}.`);
  out();
  out(
    'The stream: subscribers each holding 100 symbols; a round moves all 100 once (one replay through the control API) and waits for every tick; p99 from the price change to the arrival. The bare ws server sends the same frames to every connection on request.',
  );
  out();
  out(row(['subscribers', 'sandbox ticks/s', 'bare ws ticks/s', 'sandbox / bare', 'sandbox p99 ms', 'bare p99 ms']));
  out(row(['---:', '---:', '---:', '---:', '---:', '---:']));
  fanOut.sandbox.forEach((s, i) => {
    const b = fanOut.bare[i]!;
    out(row([s.subscribers, fmt(s.ticksPerSecond), fmt(b.ticksPerSecond), `${fmt((s.ticksPerSecond / b.ticksPerSecond) * 100)}%`, fmt(s.p99Ms, 1), fmt(b.p99Ms, 1)]));
  });
  out();
  const mark = (ok: boolean) => (ok ? 'met' : 'missed');
  out('| target | result | |');
  out('| --- | --- | --- |');
  out(row(['(a) >= 5x Prism -v silent', `${ratios.map((r) => `${fmt(r.prism, 1)}x`).join(' / ')} (1/10/50 conn)`, mark(ratios.every((r) => r.prism >= 5))]));
  out(
    row([
      '(b) >= 70% of bare node:http',
      `${ratios.map((r) => `${fmt(r.bare * 100)}%`).join(' / ')}; --no-check-responses ${ratios.map((r) => `${fmt(r.bareFast * 100)}%`).join(' / ')}`,
      mark(ratios.every((r) => r.bare >= 0.7)),
    ]),
  );
  const p99a = results['(a) wrong OTP: sandbox']![50]!.p99;
  const p99b = results['(b) getLimits with x-session-token: sandbox']![50]!.p99;
  out(row(['p99 at 50 conn <= 10 ms', `(a) ${fmt(p99a, 2)} ms, (b) ${fmt(p99b, 2)} ms`, mark(p99a <= 10 && p99b <= 10)]));
  out(row(['cold start <= 250 ms', `${fmt(coldSandbox.ms)} ms`, mark(coldSandbox.ms <= 250)]));
  out(row(['idle memory <= 70 MB', `${fmt(coldSandbox.rss, 1)} MB`, mark(coldSandbox.rss <= 70)]));
  out(row(['scaled within 10% of empty', `${fmt(scaledRatio * 100)}% of the empty sandbox's req/s at 50 conn`, mark(scaledRatio >= 0.9)]));
  out(row(['in-process >= 30,000 req/s', `${fmt(inProc)} req/s`, mark(inProc >= 30_000)]));
  const fanRatios = fanOut.sandbox.map((s, i) => s.ticksPerSecond / fanOut.bare[i]!.ticksPerSecond);
  out(row(['stream fan-out >= 50% of bare ws', `${fanRatios.map((r) => `${fmt(r * 100)}%`).join(' / ')} (1/100/1,000 subscribers)`, mark(fanRatios.every((r) => r >= 0.5))]));
  writeFileSync(join(ROOT, 'bench/results.md'), `${lines.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
