import { OTP_RULES, type DomainContext } from './context.js';
import type { Outbox } from './outbox.js';
import { SlidingWindowLimiter } from './rate-limit.js';
import { fail, ok, type Result } from './result.js';
import type { Account, App, Challenge, ChallengeAction } from './types.js';

const PURPOSE: Record<ChallengeAction, string> = {
  'legacy-secret-key': 'generate your secret API key',
  create: 'create the app',
  edit: 'edit the app',
  deactivate: 'deactivate the app',
  activate: 'activate the app',
  'regenerate-key': 'regenerate the API key of the app',
  'regenerate-secret': 'regenerate the API secret of the app',
  'set-ip': 'register a static IP for the app',
  'delete-ip': 'delete a static IP of the app',
};

/** OTP challenges: one per pending action, single use, short-lived, a few tries. */
const SEND_LIMIT = { windowMs: OTP_RULES.sendWindowMs, max: OTP_RULES.maxSends };

export class Challenges {
  private readonly sends: SlidingWindowLimiter;

  private readonly sendLimit: boolean;

  constructor(
    private readonly ctx: DomainContext,
    private readonly outbox: Outbox,
    options: { sendLimit?: boolean } = {},
  ) {
    this.sendLimit = options.sendLimit ?? true;
    this.sends = new SlidingWindowLimiter(() => ctx.store, 'otp-sends');
  }

  issue(account: Account, action: ChallengeAction, app: App | null, payload: Challenge['payload'] = {}): Result<Challenge> {
    const challenge: Challenge = {
      id: this.ctx.random.uuid('challenge-id'),
      uid: account.uid,
      action,
      appId: app?.id ?? null,
      payload,
      otpHash: '',
      expiresAt: 0,
      attempts: 0,
      state: 'pending',
    };
    return this.sendNewOtp(account, challenge, app?.name ?? payload.appName ?? null);
  }

  /** A fresh OTP for a pending challenge: the previous OTP stops working. */
  resend(account: Account, challenge: Challenge, appName: string | null): Result<Challenge> {
    return this.sendNewOtp(account, { ...challenge, attempts: 0 }, appName);
  }

  private sendNewOtp(account: Account, challenge: Challenge, appName: string | null): Result<Challenge> {
    // Every OTP sent to a uid counts, whatever it is for: the limit protects the phone and the mailbox.
    if (this.sendLimit && this.sends.take([{ key: account.uid, limits: [SEND_LIMIT] }], this.ctx.clock.now())) return fail('OTP_RATE_LIMITED');
    const otp = this.ctx.random.digits('otp', OTP_RULES.length);
    const next: Challenge = { ...challenge, otpHash: this.ctx.secrets.hash(otp), expiresAt: this.ctx.clock.now() + OTP_RULES.ttlMs };
    this.ctx.store.putChallenge(next);
    const purpose = appName ? `${PURPOSE[challenge.action]} "${appName}"` : PURPOSE[challenge.action];
    this.outbox.otp(account, otp, purpose, next.id, { id: challenge.appId, name: appName });
    return ok(next);
  }

  /**
   * Checks an OTP without using it up. A wrong OTP counts an attempt; the last allowed wrong
   * attempt kills the challenge. A used, dead or expired challenge fails like a wrong OTP.
   */
  check(challenge: Challenge, otp: string): Result<Challenge> {
    if (challenge.state === 'dead') return fail('OTP_ATTEMPTS_EXCEEDED');
    if (challenge.state === 'used' || this.ctx.clock.now() >= challenge.expiresAt) return fail('INVALID_OTP');
    if (this.ctx.secrets.matches(challenge.otpHash, otp)) return ok(challenge);
    const attempts = challenge.attempts + 1;
    const dead = attempts >= OTP_RULES.maxAttempts;
    this.ctx.store.putChallenge({ ...challenge, attempts, state: dead ? 'dead' : 'pending' });
    return dead ? fail('OTP_ATTEMPTS_EXCEEDED') : fail('INVALID_OTP');
  }

  markUsed(challenge: Challenge): void {
    this.ctx.store.putChallenge({ ...challenge, state: 'used' });
  }
}
