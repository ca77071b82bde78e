import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres } from '../test/store/pg-harness.js';
import { medianOf, wrk, type Sample } from './load.js';
import { pairs } from './pairs.js';
import { requestJson, start, stop } from './servers.js';

export type WriteMode = { name: string; args: string[] };
export type WritePathResult = { modes: string[]; skipped: string[]; rows: Record<string, Record<string, Record<number, Sample>>> };

const ORDER = { symbolName: 'IDEA', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '1', price: '12.00', orderValidity: 'DAY', productType: 'CNC' };

/** A session whose app has this machine's IP registered, so that orders are accepted: the dashboard flow, once. */
async function orderSession(base: string): Promise<string> {
  const uid = 'WRITE1';
  await requestJson('POST', `${base}/__sandbox/accounts`, { uid, name: 'Write Bench', password: 'pw', yob: '1990', mobile: '9876543210', email: 'write@example.com' });
  const auth = { 'x-dashboard-token': (await requestJson('POST', `${base}/app/api/login`, { userId: uid, password: 'pw' })).body.dashboardToken };
  const otpOf = async (id: string) =>
    ((await requestJson('GET', `${base}/__sandbox/outbox?uid=${uid}&kind=otp-sms&limit=50`)).body.messages as Array<{ challengeId: string; otp: string }>).filter((m) => m.challengeId === id).at(-1)!
      .otp;
  const created = await requestJson('POST', `${base}/app/api/apps`, { appName: 'Write Desk', redirectUrl: 'https://example.com/cb' }, auth);
  const cid = created.body.challenge.challengeId;
  const verified = await requestJson('POST', `${base}/app/api/challenges/${cid}/verify`, { otp: await otpOf(cid) }, auth);
  const appId = verified.body.app.appId;
  const ip = (await requestJson('GET', `${base}/app/api/static-ips`, undefined, auth)).body.yourIp;
  const set = await requestJson('POST', `${base}/app/api/static-ips`, { appId, ipType: 'PRIMARY', ipAddress: ip }, auth);
  const sid = set.body.challenge.challengeId;
  await requestJson('POST', `${base}/app/api/challenges/${sid}/verify`, { otp: await otpOf(sid) }, auth);
  const key = ((await requestJson('GET', `${base}/__sandbox/outbox?uid=${uid}&kind=api-key-email&limit=1`)).body.messages as Array<{ apiKey: string }>)[0]!.apiKey;
  const session = await requestJson('POST', `${base}/session/token`, { apiKey: key, apiSecret: verified.body.apiSecret });
  if (session.status !== 200) throw new Error(`no session for the write bench: ${JSON.stringify(session.body)}`);
  return session.body.sessionToken;
}

/**
 * The write path, side by side: memory, --state (SQLite) and --database-url (a throw-away
 * PostgreSQL cluster, when its binaries are here): placeOrder (one new order row per request)
 * with wrk, and the create-app + verify-OTP flow, at each connection count.
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
  const rows: WritePathResult['rows'] = { placeOrder: {}, 'create-app + verify-OTP': {} };
  try {
    for (const mode of modes) {
      const server = await start(`write-${mode.name}`, process.execPath, (port) => [cli, '--port', String(port), '--quiet', '--no-rate-limits', ...mode.args], '/__sandbox/info');
      try {
        const token = await orderSession(server.url);
        const order = { method: 'POST', body: JSON.stringify(ORDER), headers: { 'content-type': 'application/json', 'x-session-token': token } };
        rows.placeOrder![mode.name] = Object.fromEntries(connections.map((c) => [c, medianOf(Array.from({ length: reps }, () => wrk(`${server.url}/order/placeOrder`, order, c, seconds)))]));
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
