import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop, type Running } from '../../contracts/setup/processes.js';
import { client } from './http-client.js';

/**
 * Concurrency over real HTTP: a sandbox on a loopback port (rate limits off, so the races are
 * about the rules, not the throttles), hammered with simultaneous requests.
 */
let sandbox: Running;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  const port = await freePort();
  sandbox = await startProcess('races', process.execPath, [join(ROOT, 'dist/mock/cli.js'), '--port', String(port), '--quiet', '--no-rate-limits'], port, '/__sandbox/info');
  api = client(sandbox.url);
});
afterAll(() => stop(sandbox));

describe('races', () => {
  it('200 concurrent create-app flows for one account end with exactly 5 apps and no duplicate name', async () => {
    const who = await api.account('RACE1');
    const names = ['Alpha', 'alpha ', 'Beta', 'BETA', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta'];
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const created = await api.call('POST', '/app/api/apps', { appName: `${names[i % names.length]} Desk`, redirectUrl: 'https://example.com/cb' }, who.auth);
        if (created.status !== 200) return created.status;
        const id = created.body.challenge.challengeId;
        const verified = await api.call('POST', `/app/api/challenges/${id}/verify`, { otp: await api.otpOf(who.uid, id) }, who.auth);
        return verified.status;
      }),
    );
    expect(outcomes.filter((s) => s === 200)).toHaveLength(5);
    expect(outcomes.every((s) => s === 200 || s === 409)).toBe(true);
    const apps = (await api.call('GET', '/app/api/apps', undefined, who.auth)).body.apps as Array<{ appName: string }>;
    expect(apps).toHaveLength(5);
    expect(new Set(apps.map((a) => a.appName.trim().toLowerCase())).size).toBe(5);
  });

  it('100 concurrent verifications of one OTP succeed exactly once', async () => {
    const who = await api.account('RACE2');
    const created = await api.call('POST', '/app/api/apps', { appName: 'Once Desk', redirectUrl: 'https://example.com/cb' }, who.auth);
    const id = created.body.challenge.challengeId;
    const otp = await api.otpOf(who.uid, id);
    const results = await Promise.all(Array.from({ length: 100 }, () => api.call('POST', `/app/api/challenges/${id}/verify`, { otp }, who.auth)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.statusMessage === 'Invalid OTP.')).toHaveLength(99);
    expect((await api.call('GET', '/app/api/apps', undefined, who.auth)).body.apps).toHaveLength(1);
  });

  it('session tokens raced against regenerate-secret: none stays valid for the superseded secret', async () => {
    const who = await api.account('RACE3');
    const created = await api.call('POST', '/app/api/apps', { appName: 'Secret Desk', redirectUrl: 'https://example.com/cb' }, who.auth);
    const createId = created.body.challenge.challengeId;
    const verified = await api.call('POST', `/app/api/challenges/${createId}/verify`, { otp: await api.otpOf(who.uid, createId) }, who.auth);
    const oldSecret = verified.body.apiSecret as string;
    const apiKey = ((await api.call('GET', `/__sandbox/outbox?uid=${who.uid}&kind=api-key-email`)).body.messages as Array<{ apiKey: string }>).at(-1)!.apiKey;
    const regen = await api.call('POST', `/app/api/apps/${verified.body.app.appId}/regenerate-secret`, undefined, who.auth);
    const regenId = regen.body.challenge.challengeId;
    const regenOtp = await api.otpOf(who.uid, regenId);

    const sessionCalls = Array.from({ length: 100 }, () => api.call('POST', '/session/token', { apiKey, apiSecret: oldSecret }));
    const regenerated = api.call('POST', `/app/api/challenges/${regenId}/verify`, { otp: regenOtp }, who.auth);
    const [sessions, done] = await Promise.all([Promise.all(sessionCalls), regenerated]);
    expect(done.status).toBe(200);
    const tokens = sessions.filter((s) => s.status === 200).map((s) => s.body.sessionToken as string);
    expect(sessions.every((s) => s.status === 200 || s.body.statusMessage === 'Invalid API secret')).toBe(true);
    const after = await Promise.all(tokens.map((t) => api.call('GET', '/limit/getLimits', undefined, { 'x-session-token': t })));
    expect(after.every((r) => r.status === 401)).toBe(true);
    const fresh = await api.call('POST', '/session/token', { apiKey, apiSecret: done.body.apiSecret });
    expect((await api.call('GET', '/limit/getLimits', undefined, { 'x-session-token': fresh.body.sessionToken })).status).toBe(200);
  });
});
