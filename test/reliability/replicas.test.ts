import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop, type Running } from '../../contracts/setup/processes.js';
import { startPostgres } from '../store/pg-harness.js';
import { client } from './http-client.js';

/**
 * Two sandbox replicas on one PostgreSQL database, as a team runs them behind a load balancer:
 * every invariant holds across them. Requests alternate between the replicas.
 */
const pg = await startPostgres();
const skip = 'skip' in pg ? pg.skip : null;
if (skip) console.log(`skipped: replicas on PostgreSQL: ${skip}`);

let replicas: Running[] = [];
let apis: Array<ReturnType<typeof client>> = [];

async function replica(name: string, url: string, extra: string[] = []): Promise<Running> {
  const port = await freePort();
  return startProcess(name, process.execPath, [join(ROOT, 'dist/mock/cli.js'), '--port', String(port), '--quiet', '--database-url', url, ...extra], port, '/__sandbox/info');
}

beforeAll(async () => {
  if ('skip' in pg) return;
  // The first replica creates the schema; the second joins it.
  // Rate limits off here, as in the single-process races: these races are about the rules.
  replicas = [await replica('replica-a', pg.url, ['--no-rate-limits'])];
  replicas.push(await replica('replica-b', pg.url, ['--no-rate-limits']));
  apis = replicas.map((r) => client(r.url));
});
afterAll(async () => {
  await Promise.all(replicas.map((r) => stop(r)));
  if (!('skip' in pg)) await pg.stop();
});

const either = (i: number) => apis[i % 2]!;

describe.skipIf(skip !== null)('replicas on one PostgreSQL database (issue 12)', () => {
  it('a 200-way create race split over two replicas ends with exactly 5 apps and unique names', async () => {
    const who = await apis[0]!.account('REPL01');
    const names = ['Alpha', 'alpha ', 'Beta', 'BETA', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'];
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const api = either(i);
        const created = await api.call('POST', '/app/api/apps', { appName: `${names[i % names.length]} Desk`, redirectUrl: 'https://example.com/cb' }, who.auth);
        if (created.status !== 200) return created.status;
        const id = created.body.challenge.challengeId;
        const verified = await either(i + 1).call('POST', `/app/api/challenges/${id}/verify`, { otp: await api.otpOf(who.uid, id) }, who.auth);
        return verified.status;
      }),
    );
    expect(outcomes.filter((s) => s === 200)).toHaveLength(5);
    expect(outcomes.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    for (const api of apis) {
      const apps = (await api.call('GET', '/app/api/apps', undefined, who.auth)).body.apps as Array<{ appName: string }>;
      expect(apps).toHaveLength(5);
      expect(new Set(apps.map((a) => a.appName.trim().toLowerCase())).size).toBe(5);
    }
  });

  it('one OTP verified at once on both replicas succeeds exactly once', async () => {
    const who = await apis[0]!.account('REPL02');
    const created = await apis[1]!.call('POST', '/app/api/apps', { appName: 'Once Desk', redirectUrl: 'https://example.com/cb' }, who.auth);
    const id = created.body.challenge.challengeId;
    const otp = await apis[0]!.otpOf(who.uid, id);
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => either(i).call('POST', `/app/api/challenges/${id}/verify`, { otp }, who.auth)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.statusMessage === 'Invalid OTP.')).toHaveLength(59);
  });

  it('an IP held by one account is refused to another account on the other replica', async () => {
    const app = async (uid: string, api: ReturnType<typeof client>) => {
      const who = await api.account(uid);
      const created = await api.call('POST', '/app/api/apps', { appName: `${uid} Desk`, redirectUrl: 'https://example.com/cb' }, who.auth);
      const id = created.body.challenge.challengeId;
      const verified = await api.call('POST', `/app/api/challenges/${id}/verify`, { otp: await api.otpOf(uid, id) }, who.auth);
      return { who, appId: verified.body.app.appId as string };
    };
    const first = await app('REPL03', apis[0]!);
    const second = await app('REPL04', apis[1]!);
    const ip = '49.36.210.7';
    const set = await apis[0]!.call('POST', '/app/api/static-ips', { appId: first.appId, ipType: 'PRIMARY', ipAddress: ip }, first.who.auth);
    const setId = set.body.challenge.challengeId;
    expect((await apis[0]!.call('POST', `/app/api/challenges/${setId}/verify`, { otp: await apis[0]!.otpOf('REPL03', setId) }, first.who.auth)).status).toBe(200);
    const taken = await apis[1]!.call('POST', '/app/api/static-ips', { appId: second.appId, ipType: 'PRIMARY', ipAddress: ip }, second.who.auth);
    expect(taken.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(taken.body)).toMatch(/already/i);
  });

  it('a session revoked on one replica is refused by the next call on the other', async () => {
    const who = await apis[0]!.account('REPL05');
    const created = await apis[0]!.call('POST', '/app/api/apps', { appName: 'Revoke Desk', redirectUrl: 'https://example.com/cb' }, who.auth);
    const id = created.body.challenge.challengeId;
    const verified = await apis[0]!.call('POST', `/app/api/challenges/${id}/verify`, { otp: await apis[0]!.otpOf('REPL05', id) }, who.auth);
    const key = ((await apis[1]!.call('GET', '/__sandbox/outbox?uid=REPL05&kind=api-key-email')).body.messages as Array<{ apiKey: string }>).at(-1)!.apiKey;
    const session = await apis[1]!.call('POST', '/session/token', { apiKey: key, apiSecret: verified.body.apiSecret });
    const token = { 'x-session-token': session.body.sessionToken as string };
    expect((await apis[0]!.call('GET', '/limit/getLimits', undefined, token)).status).toBe(200);
    expect((await apis[0]!.call('DELETE', '/logout', undefined, token)).status).toBe(200);
    expect((await apis[1]!.call('GET', '/limit/getLimits', undefined, token)).status).toBe(401);
  });
});

describe.skipIf(skip !== null)('replicas share rate limits (issue 12)', () => {
  let limited: Running[] = [];
  afterAll(async () => {
    await Promise.all(limited.map((r) => stop(r)));
  });

  it('the OTP send limit (20 in 10 minutes for one user) counts sends on both replicas together', async () => {
    if ('skip' in pg) return;
    const db = await pg.database('limits');
    limited = [await replica('limited-a', db), await replica('limited-b', db)];
    const [a, b] = limited.map((r) => client(r.url));
    const who = await a!.account('LIMIT1');
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await (i % 2 ? b! : a!).call('POST', '/app/api/apps', { appName: `Limit ${i}`, redirectUrl: 'https://example.com/cb' }, who.auth)).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
