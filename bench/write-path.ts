import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/store/pg-harness.js';
import { medianOf, wrk, type Sample } from './load.js';
import { pairs } from './pairs.js';
import { requestJson, start, stop } from './servers.js';

export type WriteMode = { name: string; args: string[] };
export type WritePathResult = { modes: string[]; skipped: string[]; rows: Record<string, Record<string, Record<number, Sample>>> };

/** The write-heavy call: a dashboard sign-in, which writes one new dashboard session per request (and reads one account). */
const LOGIN = { uid: 'WRITE1', password: 'pw' };

async function account(base: string) {
  await requestJson('POST', `${base}/__sandbox/accounts`, { uid: LOGIN.uid, name: 'Write Bench', password: LOGIN.password, yob: '1990', mobile: '9876543210', email: 'write@example.com' });
}

/**
 * The write path, side by side: memory, --state (SQLite) and --database-url (a throw-away
 * PostgreSQL cluster, when its binaries are here): a dashboard sign-in (one new session row per
 * request) with wrk, and the create-app + verify-OTP flow, at each connection count.
 */
export async function writePath(cli: string, connections: readonly number[], seconds: number, reps: number): Promise<WritePathResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-write-'));
  const pg = await startPostgres();
  const modes: WriteMode[] = [
    { name: 'memory', args: [] },
    { name: '--state (SQLite)', args: ['--state', join(dir, 'state.db')] },
  ];
  const skipped: string[] = [];
  if ('skip' in pg) skipped.push(`--database-url (PostgreSQL): ${pg.skip}`);
  else modes.push({ name: '--database-url (PostgreSQL)', args: ['--database-url', pg.url] });
  const rows: WritePathResult['rows'] = { 'dashboard sign-in': {}, 'create-app + verify-OTP': {} };
  try {
    for (const mode of modes) {
      const server = await start(`write-${mode.name}`, process.execPath, (port) => [cli, '--port', String(port), '--quiet', '--no-rate-limits', ...mode.args], '/__sandbox/info');
      try {
        await account(server.url);
        const login = { method: 'POST', body: JSON.stringify({ userId: LOGIN.uid, password: LOGIN.password }), headers: { 'content-type': 'application/json' } };
        rows['dashboard sign-in']![mode.name] = Object.fromEntries(connections.map((c) => [c, medianOf(Array.from({ length: reps }, () => wrk(`${server.url}/app/api/login`, login, c, seconds)))]));
        const flow: Record<number, Sample> = {};
        for (const c of connections) {
          const samples: Sample[] = [];
          for (let r = 0; r < reps; r++) samples.push(await pairs(server.url, c, seconds, `W${modes.indexOf(mode)}C${c}R${r}`));
          flow[c] = medianOf(samples);
        }
        rows['create-app + verify-OTP']![mode.name] = flow;
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
