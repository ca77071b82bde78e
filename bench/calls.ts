import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianOf, wrk, type Sample } from './load.js';
import { installPeers, MOCKOON_VERSION, mockoonArgs, type Stubs, WIREMOCK_VERSION, wiremockArgs } from './peers.js';
import { BARE_SERVER, requestJson, requestRaw, rssMb, type Server, start, stop } from './servers.js';

/**
 * (a) the stateless refusal (wrong OTP) and (b) the authenticated read (getLimits) on the sandbox
 * and on every peer, one server at a time: start it, load it, read its RSS, stop it, next. The
 * peers send the sandbox's exact bytes (captured from the first sandbox). A peer that cannot be
 * installed or started is skipped with the reason; the sandbox failing fails the section.
 */
export const SERVERS = {
  sandbox: 'sandbox',
  fast: 'sandbox, --no-check-responses',
  bare: 'bare node:http',
  wiremock: `WireMock ${WIREMOCK_VERSION}, --no-request-journal`,
  mockoon: `Mockoon CLI ${MOCKOON_VERSION}`,
  prism: 'Prism mock, -v silent',
} as const;
export const CALL_A = '(a) wrong OTP';
export const CALL_B = '(b) getLimits';
export const CALL_Q = '(b) getQuote SBIN';

export type CallsResult = {
  /** results[call][server][connections] */
  results: Record<string, Record<string, Record<number, Sample>>>;
  memory: Record<string, { start: number; loaded: number }>;
  skipped: string[];
  notes: string[];
};

export type CallsConfig = {
  cli: string;
  fixtures: string;
  prism: string;
  spec: string;
  wrongOtp: { uid: string };
  app: { apiKey: string; apiSecret: string };
  connections: readonly number[];
  seconds: number;
  reps: number;
};

export async function callsBench(cfg: CallsConfig): Promise<CallsResult> {
  const out: CallsResult = { results: { [CALL_A]: {}, [CALL_B]: {}, [CALL_Q]: {} }, memory: {}, skipped: [], notes: [] };
  const otpBody = JSON.stringify({ uid: cfg.wrongOtp.uid, otp: '000000' });
  type Call = { path: string; request: { method: string; body?: string; headers: Record<string, string> } };
  const requests = (token: string): Record<string, Call> => ({
    [CALL_A]: { path: '/otp/secretKeyGenerator', request: { method: 'POST', body: otpBody, headers: { 'content-type': 'application/json' } } },
    [CALL_B]: { path: '/limit/getLimits', request: { method: 'GET', headers: { 'x-session-token': token } } },
    [CALL_Q]: { path: '/quote/getQuote?symbolName=SBIN&exchange=NSE', request: { method: 'GET', headers: { 'x-session-token': token } } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  let stubs: Stubs | null = null;
  let peerToken = 'bench-session-token';

  /** One server alone: start, the calls at each connection count (median of reps), RSS before and after, stop. */
  const measure = async (name: string, launch: () => Promise<Server>, calls: string[], prepare?: (server: Server) => Promise<string>) => {
    const server = await launch();
    try {
      const token = prepare ? await prepare(server) : peerToken;
      const start = rssMb(server.child.pid!);
      const reqs = requests(token);
      for (const call of calls) {
        const { path, request } = reqs[call]!;
        out.results[call]![name] = Object.fromEntries(cfg.connections.map((c) => [c, medianOf(Array.from({ length: cfg.reps }, () => wrk(`${server.url}${path}`, request, c, cfg.seconds)))]));
        // Still the same answer after the load (no rate limit or lockout took over)?
        const after = await requestRaw(request.method, `${server.url}${path}`, request.body, request.headers);
        const expected = stubs && (call === CALL_A ? stubs.otp : call === CALL_B ? stubs.limits : null);
        if (expected && after.status !== expected.status) out.notes.push(`${name} answered ${call} with ${after.status} after the load (the sandbox: ${expected.status})`);
      }
      out.memory[name] = { start, loaded: rssMb(server.child.pid!) };
    } finally {
      await stop(server);
    }
  };
  const peer = async (name: string, launch: (() => Promise<Server>) | string) => {
    if (typeof launch === 'string') {
      out.skipped.push(`${name}: ${launch}`);
      return;
    }
    try {
      await measure(name, launch, [CALL_A, CALL_B]);
    } catch (error) {
      out.skipped.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  };

  try {
    const sandboxArgs = (extra: string[]) => (port: number) => [cfg.cli, '--port', String(port), '--quiet', '--fixtures', cfg.fixtures, ...extra];
    const session = async (server: Server) => {
      const res = await requestJson('POST', `${server.url}/session/token`, cfg.app);
      if (res.status !== 200) throw new Error(`no session on ${server.name}: ${JSON.stringify(res.body)}`);
      const token = res.body.sessionToken as string;
      if (!stubs) {
        // The sandbox's exact bytes for the peers and the bare server.
        const r = requests(token);
        const otp = await requestRaw('POST', `${server.url}${r[CALL_A]!.path}`, otpBody, r[CALL_A]!.request.headers);
        const limits = await requestRaw('GET', `${server.url}${r[CALL_B]!.path}`, undefined, r[CALL_B]!.request.headers);
        stubs = {
          otp: { method: 'POST', path: r[CALL_A]!.path, ...otp },
          limits: { method: 'GET', path: r[CALL_B]!.path, ...limits },
        };
        peerToken = token;
      }
      return token;
    };
    await measure(SERVERS.sandbox, () => start('sandbox', process.execPath, sandboxArgs([]), '/__sandbox/info'), [CALL_A, CALL_B, CALL_Q], session);
    await measure(SERVERS.fast, () => start('sandbox-fast', process.execPath, sandboxArgs(['--no-check-responses']), '/__sandbox/info'), [CALL_A, CALL_B, CALL_Q], session);
    const s = stubs as Stubs | null;
    if (!s) throw new Error('no stubs captured from the sandbox');
    await peer(SERVERS.bare, () => start('bare', process.execPath, (port) => ['-e', BARE_SERVER, String(port), JSON.stringify(s)], '/__sandbox/info'));
    const install = installPeers();
    out.skipped.push(...install.skipped);
    if (install.wiremockJar) {
      const jar = install.wiremockJar;
      await peer(SERVERS.wiremock, () => start('wiremock', 'java', wiremockArgs(jar, s, join(dir, 'wiremock')), '/__admin/health'));
    }
    if (install.mockoonRun) {
      const run = install.mockoonRun;
      await peer(SERVERS.mockoon, () => start('mockoon', process.execPath, mockoonArgs(run, s, join(dir, 'mockoon.json')), s.limits.path));
    }
    await peer(SERVERS.prism, () => start('prism', cfg.prism, (port) => ['mock', cfg.spec, '-h', '127.0.0.1', '-p', String(port), '-v', 'silent'], '/__sandbox/info'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
