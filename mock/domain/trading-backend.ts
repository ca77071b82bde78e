import { setTimeout as sleep } from 'node:timers/promises';
import { fail, ok, type Result } from './result.js';
import type { DomainContext } from './context.js';
import type { Account } from './types.js';

/**
 * Samco's trading backend, the step after the credentials are accepted: it starts a session for
 * the account. The only step that takes time on the real service, so the only one a request
 * yields in; a delay set through the control API makes it slow (to provoke EOAUTH030).
 */
export class TradingBackend {
  private delayMs = 0;

  constructor(private readonly ctx: DomainContext) {}

  setDelay(ms: number) {
    this.delayMs = ms;
  }

  get delay(): number {
    return this.delayMs;
  }

  /** Whether a session can be started for the account (as it stands after the delay): false when its backend is unavailable. */
  async startSession(uid: string): Promise<boolean> {
    if (this.delayMs > 0) await sleep(this.delayMs);
    return this.ctx.store.getAccount(uid)?.standing !== 'backend-unavailable';
  }

  reset() {
    this.delayMs = 0;
  }
}

/** Not subscribed or blocked: refused once the credentials are accepted, before any session starts. */
export function checkStanding(account: Account): Result<Account> {
  if (account.standing === 'not-subscribed') return fail('ACCOUNT_NOT_SUBSCRIBED');
  if (account.standing === 'blocked') return fail('ACCOUNT_BLOCKED');
  return ok(account);
}
