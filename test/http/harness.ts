import { createSandbox, type SandboxOptions } from '../../mock/server.js';
import { SandboxClock } from '../../mock/domain/clock.js';
import { T0 } from '../helpers.js';

type Json = Record<string, any>;

/** An in-process sandbox, a request helper that returns status + parsed body, and every log line it wrote. */
export function harness(options: SandboxOptions = {}) {
  const clock = new SandboxClock();
  clock.set(T0);
  const logs: string[] = [];
  const sandbox = createSandbox({ seed: 'http', clock, log: (l) => logs.push(l), requestLog: (l) => logs.push(l), ...options });

  async function request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; raw?: string; contentType?: string; srcIp?: string } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined;
    if (init.raw !== undefined) {
      body = init.raw;
      if (init.contentType) headers['content-type'] = init.contentType;
    } else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] = 'application/json';
    }
    const res = await sandbox.app.request(path, { method, headers, body }, init.srcIp ? { srcIp: init.srcIp } : undefined);
    const text = await res.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${method} ${path} answered ${res.status} with non-JSON: ${text.slice(0, 200)}`);
    }
    return { status: res.status, headers: res.headers, body: json };
  }

  async function account(uid = 'AB1234', password = 'pw-secret-1') {
    await request('POST', '/__sandbox/accounts', { body: { uid, name: 'Ravi Kumar', password, yob: '1990', mobile: '9876543210', email: 'ravi@example.com' } });
    const login = await request('POST', '/app/api/login', { body: { userId: uid, password } });
    return { uid, password, auth: { 'x-dashboard-token': login.body.dashboardToken as string } };
  }

  async function outbox(query: string) {
    return (await request('GET', `/__sandbox/outbox?${query}`)).body.messages as Json[];
  }

  async function createApp(who: { uid: string; auth: Record<string, string> }, appName: string) {
    const created = await request('POST', '/app/api/apps', { headers: who.auth, body: { appName, redirectUrl: 'https://example.com/cb' } });
    const challengeId = created.body.challenge.challengeId;
    const otp = (await outbox(`uid=${who.uid}&kind=otp-sms`)).filter((m) => m.challengeId === challengeId).at(-1)!.otp;
    const verified = await request('POST', `/app/api/challenges/${challengeId}/verify`, { headers: who.auth, body: { otp } });
    const apiKey = (await outbox(`uid=${who.uid}&kind=api-key-email`)).at(-1)!.apiKey as string;
    return { app: verified.body.app, apiKey, apiSecret: verified.body.apiSecret as string, otp };
  }

  /** Verifies the newest challenge of the account with its OTP from the outbox. */
  async function confirm(who: { uid: string; auth: Record<string, string> }, challengeId: string) {
    const otp = (await outbox(`uid=${who.uid}&kind=otp-sms`)).filter((m) => m.challengeId === challengeId).at(-1)!.otp;
    return request('POST', `/app/api/challenges/${challengeId}/verify`, { headers: who.auth, body: { otp } });
  }

  return { ...sandbox, clock, logs, request, account, outbox, createApp, confirm };
}
