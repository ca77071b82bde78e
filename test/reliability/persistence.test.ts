import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop, type Running } from '../../contracts/setup/processes.js';
import { openSandbox } from '../../mock/server.js';
import { client } from './http-client.js';
import { createApp, openAccount } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function start(file: string): Promise<Running> {
  const port = await freePort();
  return startProcess('persistence', process.execPath, [join(ROOT, 'dist/mock/cli.js'), '--port', String(port), '--quiet', '--no-rate-limits', '--state', file], port, '/__sandbox/info');
}

type Acked = { accounts: Map<string, string>; apps: Array<{ uid: string; appId: string }>; sessions: string[] };

/** Workers that open accounts, create apps and sessions until told to stop; only 200s count as acknowledged. */
async function mutate(base: string, acked: Acked, prefix: string, stopped: () => boolean) {
  const api = client(base);
  const worker = async (w: number) => {
    for (let i = 0; !stopped(); i++) {
      try {
        const uid = `${prefix}${w}X${i}`;
        const password = `pw-${uid}`;
        const opened = await api.call('POST', '/__sandbox/accounts', { uid, name: 'Kill Test', password, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` });
        if (opened.status !== 200) continue;
        acked.accounts.set(uid, password);
        const login = await api.call('POST', '/app/api/login', { userId: uid, password });
        const auth = { 'x-dashboard-token': login.body.dashboardToken };
        const created = await api.call('POST', '/app/api/apps', { appName: 'Durable Desk', redirectUrl: 'https://example.com/cb' }, auth);
        const id = created.body.challenge.challengeId;
        const verified = await api.call('POST', `/app/api/challenges/${id}/verify`, { otp: await api.otpOf(uid, id) }, auth);
        if (verified.status !== 200) continue;
        acked.apps.push({ uid, appId: verified.body.app.appId });
        const key = ((await api.call('GET', `/__sandbox/outbox?uid=${uid}&kind=api-key-email`)).body.messages as Array<{ apiKey: string }>).at(-1)!.apiKey;
        const session = await api.call('POST', '/session/token', { apiKey: key, apiSecret: verified.body.apiSecret });
        if (session.status === 200) acked.sessions.push(session.body.sessionToken);
      } catch {
        return; // the server was killed mid-request: that request was never acknowledged
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
}

describe('persistence through SIGKILL', () => {
  it('every acknowledged mutation is there after a kill in the middle of a stream, twice over', async () => {
    const file = join(dir, 'state.db');
    const acked: Acked = { accounts: new Map(), apps: [], sessions: [] };
    // Each round is killed once it has made progress (apps acknowledged), not after a fixed time: a loaded machine is slower, not different.
    for (const [round, appsBefore] of [
      [1, 8],
      [2, 16],
    ] as const) {
      const server = await start(file);
      let stopped = false;
      let ended = false;
      const stream = mutate(server.url, acked, `K${round}W`, () => stopped).finally(() => {
        ended = true;
      });
      while (!ended && acked.apps.length < appsBefore) await new Promise((r) => setTimeout(r, 10));
      // Then a little more, so that the kill lands in the middle of requests.
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 150)));
      server.child.kill('SIGKILL');
      stopped = true;
      await stream;
      await stop(server);
    }
    expect(acked.apps.length).toBeGreaterThanOrEqual(16);

    const server = await start(file);
    try {
      const api = client(server.url);
      for (const [uid, password] of acked.accounts) {
        expect((await api.call('POST', '/app/api/login', { userId: uid, password })).status, uid).toBe(200);
      }
      const byUid = new Map<string, string[]>();
      for (const { uid, appId } of acked.apps) byUid.set(uid, [...(byUid.get(uid) ?? []), appId]);
      for (const [uid, appIds] of byUid) {
        const login = await api.call('POST', '/app/api/login', { userId: uid, password: acked.accounts.get(uid) });
        const apps = (await api.call('GET', '/app/api/apps', undefined, { 'x-dashboard-token': login.body.dashboardToken })).body.apps as Array<{ appId: string }>;
        expect(apps.length).toBeLessThanOrEqual(5);
        for (const appId of appIds) expect(apps.map((a) => a.appId)).toContain(appId);
      }
      for (const token of acked.sessions) expect((await api.call('GET', '/limit/getLimits', undefined, { 'x-session-token': token })).status).toBe(200);
      const info = (await api.call('GET', '/__sandbox/info')).body;
      expect(info.counts.accounts).toBeGreaterThanOrEqual(acked.accounts.size);
      if (process.env.PERSISTENCE_REPORT)
        console.log(JSON.stringify({ acknowledged: { accounts: acked.accounts.size, apps: acked.apps.length, sessions: acked.sessions.length }, recovered: info.counts }));
    } finally {
      await stop(server);
    }
  });
});

describe('the durable state (--state)', () => {
  it('a restart keeps the seeded streams where they were: no id is handed out twice', async () => {
    const file = join(dir, 'seed.db');
    const account = { uid: 'SEED01', name: 'S', password: 'p', yob: '1990', mobile: '9876543210', email: 's@example.com' };
    const first = await openSandbox({ state: file, seed: 'same' });
    await first.domain.uow.run(() => {
      first.domain.load({ accounts: [account] });
      first.domain.accounts.generateLegacyOtp('SEED01');
    });
    const firstIds = first.domain.store.messages({}).map((m) => m.challengeId);
    await first.close();
    const second = await openSandbox({ state: file, seed: 'same' });
    await second.domain.uow.run(() => second.domain.accounts.generateLegacyOtp('SEED01'));
    const ids = second.domain.store.messages({}).map((m) => m.challengeId);
    expect(ids.slice(0, firstIds.length)).toEqual(firstIds);
    expect(new Set(ids).size).toBe(2);
    await second.close();
  });

  it('OAuth sessions, refresh tokens and Login Codes survive restarts', async () => {
    const file = join(dir, 'oauth.db');
    const first = await openSandbox({ state: file, seed: 'oauth' });
    const { uow } = first.domain;
    const account = await uow.run(() => openAccount(first.domain, 'OAUTH1'));
    const app = await uow.run(() => createApp(first.domain, account, 'Durable OAuth'));
    const consent = await uow.run(() => first.domain.oauth.authenticate({ api_key: app.apiKey, redirect_url: 'https://example.com/cb', api_secret: app.apiSecret }, '127.0.0.1'));
    if (!consent.ok) throw new Error(consent.error.code);
    const code = consent.value.code;
    const issued = await uow.run(() => first.domain.oauth.token({ grant_type: 'authorization_code', code }, '127.0.0.1'));
    if (!issued.ok) throw new Error(issued.error.code);
    const loginCode = (await uow.run(() => first.domain.loginCodes.issue(issued.value.session))).code;
    await first.close();

    const second = await openSandbox({ state: file, seed: 'oauth' });
    expect(second.domain.sessions.authenticate(issued.value.accessToken).ok).toBe(true);
    const refreshed = await second.domain.uow.run(() => second.domain.oauth.token({ grant_type: 'refresh_token', refresh_token: issued.value.refreshToken }, '127.0.0.1'));
    if (!refreshed.ok) throw new Error(refreshed.error.code);
    expect((await second.domain.uow.run(() => second.domain.loginCodes.validate(loginCode, '127.0.0.1'))).ok).toBe(true);
    await second.close();

    const third = await openSandbox({ state: file, seed: 'oauth' });
    const t = third.domain;
    expect(await t.uow.run(() => t.oauth.token({ grant_type: 'refresh_token', refresh_token: issued.value.refreshToken }, '127.0.0.1'))).toMatchObject({
      ok: false,
      error: { code: 'OAUTH_REFRESH_INVALID' },
    });
    expect(t.sessions.authenticate(refreshed.value.accessToken).ok).toBe(true);
    expect(t.loginCodes.validate(loginCode, '127.0.0.1')).toMatchObject({ ok: false, error: { code: 'LOGIN_CODE_INVALID' } });
    expect(await t.uow.run(() => t.oauth.token({ grant_type: 'authorization_code', code }, '127.0.0.1'))).toMatchObject({ ok: false, error: { code: 'OAUTH_CODE_USED' } });
    expect(t.sessions.authenticate(refreshed.value.accessToken)).toMatchObject({ ok: false, error: { code: 'SESSION_REVOKED' } });
    await third.close();
  });
});
