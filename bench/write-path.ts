import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/store/pg-harness.js';
import { medianOf, wrk, type Sample } from './load.js';
import { pairs, simpleCall } from './pairs.js';
import { requestJson, start, stop } from './servers.js';

export type WriteMode = { name: string; args: string[]; simple: boolean };
export type WritePathResult = { modes: string[]; skipped: string[]; rows: Record<string, Record<string, Record<number, Sample>>> };

export const SIGN_IN = 'dashboard sign-in';
export const FLOW = 'create-app + outbox + verify-OTP flow (node:http client)';
export const SIMPLE = 'simple call, wrong OTP (same node:http client)';
export const SIMPLE_WRK = 'simple call, wrong OTP (wrk)';

/** The write-heavy call: a dashboard sign-in, which writes one new dashboard session per request (and reads one account). */
const LOGIN = { uid: 'WRITE1', password: 'pw' };

async function account(base: string) {
  await requestJson('POST', `${base}/__sandbox/accounts`, { uid: LOGIN.uid, name: 'Write Bench', password: LOGIN.password, yob: '1990', mobile: '9876543210', email: 'write@example.com' });
}

/**
 * The write path, side by side: memory, --state (SQLite) and --database-url (a throw-away
 * PostgreSQL cluster, when its binaries are here): a dashboard sign-in (one new session row per
 * request) with wrk, and the create-app + outbox + verify-OTP flow, at each connection count;
 * in memory and --state also the simple call (wrong OTP) with the flow's own client and with wrk,
 * the yardstick of the flow's ratio. One server at a time.
 */
export async function writePath(cli: string, connections: readonly number[], seconds: number, reps: number): Promise<WritePathResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-write-'));
  const pg = await startPostgres();
  const modes: WriteMode[] = [
    { name: 'memory', args: [], simple: true },
    { name: '--state (SQLite)', args: ['--state', join(dir, 'state.db')], simple: true },
  ];
  const skipped: string[] = [];
  if ('skip' in pg) skipped.push(`--database-url (PostgreSQL): ${pg.skip}`);
  // PostgreSQL: its write throughput (sign-in) and the flow; the flow's ratio target names memory and --state only.
  else modes.push({ name: '--database-url (PostgreSQL)', args: ['--database-url', pg.url], simple: false });
  const rows: WritePathResult['rows'] = { [SIGN_IN]: {}, [FLOW]: {}, [SIMPLE]: {}, [SIMPLE_WRK]: {} };
  const median = async (f: () => Promise<Sample>) => {
    const samples: Sample[] = [];
    for (let r = 0; r < reps; r++) samples.push(await f());
    return medianOf(samples);
  };
  try {
    for (const mode of modes) {
      const server = await start(`write-${mode.name}`, process.execPath, (port) => [cli, '--port', String(port), '--quiet', '--no-rate-limits', ...mode.args], '/__sandbox/info');
      try {
        await account(server.url);
        const login = { method: 'POST', body: JSON.stringify({ userId: LOGIN.uid, password: LOGIN.password }), headers: { 'content-type': 'application/json' } };
        rows[SIGN_IN]![mode.name] = Object.fromEntries(connections.map((c) => [c, medianOf(Array.from({ length: reps }, () => wrk(`${server.url}/app/api/login`, login, c, seconds)))]));
        const flow: Record<number, Sample> = {};
        for (const c of connections) flow[c] = await median(() => pairs(server.url, c, seconds, `W${modes.indexOf(mode)}C${c}R${Math.random().toString(36).slice(2, 6).toUpperCase()}`));
        rows[FLOW]![mode.name] = flow;
        if (mode.simple) {
          const simple: Record<number, Sample> = {};
          for (const c of connections) simple[c] = await median(() => simpleCall(server.url, LOGIN.uid, c, seconds));
          rows[SIMPLE]![mode.name] = simple;
          const otp = { method: 'POST', body: JSON.stringify({ uid: LOGIN.uid, otp: '000000' }), headers: { 'content-type': 'application/json' } };
          rows[SIMPLE_WRK]![mode.name] = Object.fromEntries(connections.map((c) => [c, medianOf(Array.from({ length: reps }, () => wrk(`${server.url}/otp/secretKeyGenerator`, otp, c, seconds)))]));
        }
      } finally {
        await stop(server);
      }
    }
  } finally {
    if (!('skip' in pg)) await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { modes: modes.map((m) => m.name), skipped, rows };
}
