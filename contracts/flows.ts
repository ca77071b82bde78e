import { randomInt } from 'node:crypto';
import { call } from './client.js';
import type { Target } from './targets.js';

export type TestAccount = { uid: string; password: string };
type Body = Record<string, any>;

let counter = 0;

/** Opens a fresh account on the target through the control API, so suites never share state. */
export async function newAccount(target: Target): Promise<TestAccount> {
  const uid = `CT${process.pid % 1000}${++counter}${randomInt(100_000, 999_999)}`.slice(0, 20);
  const password = `pw-${randomInt(1e9)}`;
  await call(target, 'sandboxCreateAccount', {
    body: { uid, name: 'Contract Tester', password, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` },
  }).expectStatus(200);
  return { uid, password };
}

/** The newest message of a kind in the account's outbox (optionally for one challenge). */
export async function lastMessage(target: Target, uid: string, kind: string, match: (m: Body) => boolean = () => true): Promise<Body> {
  const res = await call(target, 'sandboxOutbox', { query: { uid, kind, limit: 1000 } }).expectStatus(200);
  const messages = (res.json as Body).messages.filter(match);
  if (!messages.length) throw new Error(`no ${kind} message for ${uid} in the outbox`);
  return messages.at(-1);
}

export async function otpFor(target: Target, uid: string, challengeId?: string): Promise<string> {
  const message = await lastMessage(target, uid, 'otp-sms', (m) => challengeId === undefined || m.challengeId === challengeId);
  return message.otp;
}

export async function signIn(target: Target, account: TestAccount): Promise<Record<string, string>> {
  const res = await call(target, 'dashboardLogin', { body: { userId: account.uid, password: account.password } }).expectStatus(200);
  return { 'x-dashboard-token': (res.json as Body).dashboardToken };
}

/** Verifies a pending challenge with the OTP from the outbox; returns the verify response body. */
export async function confirm(target: Target, account: TestAccount, auth: Record<string, string>, challenge: Body): Promise<Body> {
  const otp = await otpFor(target, account.uid, challenge.challengeId);
  const res = await call(target, 'verifyChallenge', { params: { challengeId: challenge.challengeId }, headers: auth, body: { otp } }).expectStatus(200);
  return res.json as Body;
}

export type CreatedApp = { app: Body; apiKey: string; apiSecret: string };

/** The whole create flow: request, OTP, verify; the key comes from the e-mail. */
export async function createApp(target: Target, account: TestAccount, auth: Record<string, string>, appName: string, redirectUrl = 'https://tradeapi.samco.in/app/callback'): Promise<CreatedApp> {
  const res = await call(target, 'createApp', { headers: auth, body: { appName, redirectUrl } }).expectStatus(200);
  const done = await confirm(target, account, auth, (res.json as Body).challenge);
  const mail = await lastMessage(target, account.uid, 'api-key-email', (m) => m.appId === done.app.appId);
  return { app: done.app, apiKey: mail.apiKey, apiSecret: done.apiSecret };
}

/** Runs an OTP-gated app action to the end. */
export async function appAction(target: Target, account: TestAccount, auth: Record<string, string>, operationId: string, appId: string): Promise<Body> {
  const res = await call(target, operationId, { params: { appId }, headers: auth }).expectStatus(200);
  return confirm(target, account, auth, (res.json as Body).challenge);
}

export async function openSession(target: Target, apiKey: string, apiSecret: string): Promise<string> {
  const res = await call(target, 'sessionToken', { body: { apiKey, apiSecret } }).expectStatus(200);
  return (res.json as Body).sessionToken;
}

export type TestAtUser = { username: string; password: string; apiKey: string };

/** Registers an AutoTrader user with one live and one idle pseudo account, and views its key with the password. */
export async function newAtUser(target: Target): Promise<TestAtUser> {
  const username = `ct${process.pid}.${++counter}.${randomInt(1e9)}@example.com`;
  const password = `at-${randomInt(1e9)}`;
  await call(target, 'sandboxCreateAtUser', {
    body: {
      username,
      password,
      name: 'Contract Trader',
      accounts: [
        { pseudoAccount: 'LIVE_1', tradingAccount: 'ZX1234', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-31' },
        { pseudoAccount: 'IDLE_1', tradingAccount: 'ZX5678', broker: 'Zerodha', platform: 'KITE', live: false, licenseExpiryDate: '2031-01-31' },
      ],
    },
  }).expectStatus(200);
  const view = await call(target, 'atViewApiKey', { body: { username, password } }).expectStatus(200);
  return { username, password, apiKey: (view.json as Body).result.apiKey };
}
