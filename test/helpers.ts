import { SandboxClock } from '../mock/domain/clock.js';
import { SandboxDomain } from '../mock/domain/domain.js';
import { MemoryStore } from '../mock/store/memory.js';
import type { Account } from '../mock/domain/types.js';

/** 2025-12-17 10:00:00 IST: a fixed, ordinary working morning. */
export const T0 = Date.UTC(2025, 11, 17, 4, 30, 0);

export function makeDomain(seed: string | null = 'unit') {
  const clock = new SandboxClock();
  clock.set(T0);
  return new SandboxDomain({ seed, clock, store: new MemoryStore() });
}

export function openAccount(domain: SandboxDomain, uid = 'AB1234', password = 'secret-pw'): Account {
  const loaded = domain.load({
    accounts: [{ uid, name: `Holder ${uid}`, password, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` }],
  });
  if (!loaded.ok) throw new Error(loaded.error.code);
  return domain.accounts.get(uid)!;
}

/** The OTP the outbox holds for a challenge (or the newest for the account). */
export function otpOf(domain: SandboxDomain, uid: string, challengeId?: string): string {
  const messages = domain.store.messages({ uid, kind: 'otp-sms', limit: 1000 }).filter((m) => !challengeId || m.challengeId === challengeId);
  const otp = messages.at(-1)?.otp;
  if (!otp) throw new Error(`no OTP for ${uid}`);
  return otp;
}

export function wrongOtp(otp: string): string {
  return otp === '000000' ? '111111' : '000000';
}

/** Create + verify; returns the app with its plaintext credentials as the user would have them. */
export function createApp(domain: SandboxDomain, account: Account, appName: string, redirectUrl = 'https://example.com/cb') {
  const challenge = domain.apps.requestCreate(account, { appName, redirectUrl });
  if (!challenge.ok) throw new Error(challenge.error.code);
  const verified = domain.apps.verify(account, challenge.value.id, otpOf(domain, account.uid, challenge.value.id));
  if (!verified.ok) throw new Error(verified.error.code);
  const apiKey = domain.store.messages({ uid: account.uid, kind: 'api-key-email', limit: 1000 }).at(-1)!.apiKey!;
  return { app: verified.value.app, apiKey, apiSecret: verified.value.apiSecret! };
}

/** Request an app action and verify it with the right OTP. */
export function runAction(domain: SandboxDomain, account: Account, appId: string, action: 'deactivate' | 'activate' | 'regenerate-key' | 'regenerate-secret') {
  const challenge = action === 'deactivate' || action === 'activate' ? domain.apps.requestStatus(account, appId, action) : domain.apps.requestRegenerate(account, appId, action);
  if (!challenge.ok) return challenge;
  return domain.apps.verify(account, challenge.value.id, otpOf(domain, account.uid, challenge.value.id));
}
