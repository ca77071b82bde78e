import { LOGIN_CODE_RULES } from '../../spec/schemas/session.js';
import type { DomainContext } from './context.js';
import { fail, ok, type Result } from './result.js';
import type { Sessions } from './sessions.js';
import type { Session } from './types.js';

/**
 * Samco's Login Code: a live session asks for an 8-character code (4 letters, 4 digits, 120 s),
 * and the code alone logs in once (POST /webSecretCodeValidation). A new code replaces the
 * account's earlier one; a used one is refused like a wrong one.
 */
export class LoginCodes {
  constructor(
    private readonly ctx: DomainContext,
    private readonly sessions: Sessions,
  ) {}

  issue(session: Session): { code: string; expiresInS: number } {
    const { store, secrets, random, clock } = this.ctx;
    const previous = store.loginCodeOf(session.uid);
    if (previous) store.deleteLoginCode(previous.codeHash);
    let code: string;
    // Two live codes of different accounts must differ: the code is all validation receives.
    do code = random.token('login-code', LOGIN_CODE_RULES.letters, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') + random.digits('login-code', LOGIN_CODE_RULES.digits);
    while (store.loginCodeByHash(secrets.hash(code)));
    store.putLoginCode({ codeHash: secrets.hash(code), uid: session.uid, appId: session.appId, expiresAt: clock.now() + LOGIN_CODE_RULES.ttlMs, usedAt: null });
    return { code, expiresInS: LOGIN_CODE_RULES.ttlMs / 1000 };
  }

  validate(otp: string | undefined, srcIp: string): Result<ReturnType<Sessions['issue']>> {
    const { store, secrets, clock } = this.ctx;
    const entry = otp ? store.loginCodeByHash(secrets.hash(otp)) : undefined;
    const account = entry && store.getAccount(entry.uid);
    if (!entry || !account || entry.usedAt !== null) return fail('LOGIN_CODE_INVALID');
    if (clock.now() >= entry.expiresAt) return fail('LOGIN_CODE_EXPIRED');
    store.putLoginCode({ ...entry, usedAt: clock.now() });
    return ok(this.sessions.issue(account, entry.appId, srcIp));
  }
}
