export type Limit = { windowMs: number; max: number };
export type KeyedLimits = { key: string; limits: readonly Limit[] };
/** A full window: whose it is, which limit, and how long until it has room again. */
export type FullWindow = { key: string; limit: Limit; retryAfterMs: number };

export type LimiterOptions = {
  /** The longest window used: older entries are dropped (default 5 minutes). */
  horizonMs?: number;
  /** At most this many keys are tracked; beyond it the least recently counted key is forgotten (default 100,000). */
  maxKeys?: number;
};

/**
 * Sliding-window request logs: a request is allowed when every window still has room, and only
 * allowed requests are counted. Runtime throttling, not sandbox state: a reset clears it too.
 * Bounded whatever the keys callers make up: a key whose log is empty is dropped, and past
 * `maxKeys` the least recently counted one goes.
 */
export class SlidingWindowLimiter {
  private readonly logs = new Map<string, number[]>();
  private readonly horizonMs: number;
  private readonly maxKeys: number;

  constructor(options: LimiterOptions = {}) {
    this.horizonMs = options.horizonMs ?? 300_000;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** The first full window, or null when the request may go (and is then counted). */
  take(keys: readonly KeyedLimits[], now: number): FullWindow | null {
    const full = this.full(keys, now);
    if (!full) this.count(keys, now);
    return full;
  }

  /** The first full window, without counting anything. */
  full(keys: readonly KeyedLimits[], now: number): FullWindow | null {
    for (const { key, limits } of keys) {
      const log = this.prune(key, now);
      for (const limit of limits) {
        const from = firstAtOrAfter(log, now - limit.windowMs + 1);
        // Room comes back when the entry `max` places from the newest leaves the window.
        if (log.length - from >= limit.max) return { key, limit, retryAfterMs: log[log.length - limit.max]! + limit.windowMs - now };
      }
    }
    return null;
  }

  /** Counts one event against every key. */
  count(keys: readonly KeyedLimits[], now: number): void {
    for (const { key } of keys) {
      const log = this.logs.get(key) ?? [];
      this.logs.delete(key);
      this.logs.set(key, log);
      log.push(now);
    }
    for (const key of this.logs.keys()) {
      if (this.logs.size <= this.maxKeys) break;
      this.logs.delete(key);
    }
  }

  get size(): number {
    return this.logs.size;
  }

  private prune(key: string, now: number): number[] {
    const log = this.logs.get(key);
    if (!log) return [];
    const keepFrom = firstAtOrAfter(log, now - this.horizonMs + 1);
    if (keepFrom > 0) log.splice(0, keepFrom);
    if (log.length === 0) this.logs.delete(key);
    return log;
  }

  clear() {
    this.logs.clear();
  }
}

/** Index of the first timestamp >= t in a sorted log. */
function firstAtOrAfter(log: number[], t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
