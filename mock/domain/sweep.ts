import type { Store } from './store.js';

/** What the sweep keeps: an hour past the end of what ended, and at most this many finished challenges and revoked sessions. */
export const SWEEP_RULES = { graceMs: 60 * 60 * 1000, keepDead: 10_000 } as const;

/**
 * Drops what can no longer matter: challenges, sessions, OAuth grants and refresh tokens, Login
 * Codes, dashboard sessions and access tokens dead for longer than `graceMs`; and, within the
 * grace period too, beyond `keepDead` finished challenges or revoked sessions, the oldest. Until
 * then a late caller still gets the precise refusal ("Invalid OTP.", "Session expired.").
 * Returns how many rows went.
 */
export function sweep(store: Store, now: number, rules: { graceMs: number; keepDead: number } = SWEEP_RULES): number {
  const before = now - rules.graceMs;
  let dropped = 0;
  const finished = [...store.challenges()].filter((c) => c.state !== 'pending');
  for (const c of finished.slice(0, Math.max(0, finished.length - rules.keepDead))) {
    store.deleteChallenge(c.id);
    dropped++;
  }
  const revoked = [...store.sessions()].filter((s) => s.revokedAt !== null).sort((a, b) => a.revokedAt! - b.revokedAt!);
  for (const s of revoked.slice(0, Math.max(0, revoked.length - rules.keepDead))) {
    store.deleteSession(s.tokenHash);
    dropped++;
  }
  const gone = <T>(rows: Iterable<T>, dead: (row: T) => boolean, drop: (row: T) => void) => {
    for (const row of [...rows].filter(dead)) {
      drop(row);
      dropped++;
    }
  };
  gone(
    store.challenges(),
    (c) => c.expiresAt < before,
    (c) => store.deleteChallenge(c.id),
  );
  gone(
    store.sessions(),
    (s) => s.expiresAt < before || (s.revokedAt !== null && s.revokedAt < before),
    (s) => store.deleteSession(s.tokenHash),
  );
  gone(
    store.grants(),
    (g) => g.expiresAt < before || (g.revokedAt !== null && g.revokedAt < before),
    (g) => store.deleteGrant(g.id),
  );
  gone(
    store.refreshTokens(),
    (t) => t.expiresAt < before || (t.replacedAt !== null && t.replacedAt < before) || !store.getGrant(t.grantId),
    (t) => store.deleteRefreshToken(t.tokenHash),
  );
  gone(
    store.loginCodes(),
    (c) => c.expiresAt < before,
    (c) => store.deleteLoginCode(c.codeHash),
  );
  gone(
    store.dashboardSessions(),
    (d) => d.expiresAt < before,
    (d) => store.deleteDashboardSession(d.tokenHash),
  );
  gone(
    store.accessTokens(),
    (t) => t.expiresAt < before,
    (t) => store.deleteAccessToken(t.tokenHash),
  );
  return dropped;
}
