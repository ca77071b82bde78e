import type { Store } from './store.js';
import type { Clock } from './clock.js';
import type { Random } from './random.js';
import type { SecretHasher } from './secrets.js';

/** OTPs: 6 digits, 5 minutes, 5 wrong tries each; at most 20 sent to one uid in 10 minutes (the sandbox's choice). */
export const OTP_RULES = { length: 6, ttlMs: 5 * 60 * 1000, maxAttempts: 5, maxSends: 20, sendWindowMs: 10 * 60 * 1000 } as const;
export const DASHBOARD_SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** What every part of the domain shares. */
export interface DomainContext {
  store: Store;
  clock: Clock;
  random: Random;
  secrets: SecretHasher;
}
