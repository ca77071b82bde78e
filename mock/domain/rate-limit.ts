import type { Store } from './store.js';

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
 * allowed requests are counted. The logs are rows of the store (so replicas count together and a
 * reset clears them), written immutably like every row. Bounded whatever the keys callers make
 * up: a key whose log is empty is dropped, and past `maxKeys` windows the one counted least
 * recently goes.
 */
export class SlidingWindowLimiter {
  private readonly horizonMs: number;
  private readonly maxKeys: number;

  constructor(
    private readonly store: () => Store,
    private readonly name: string,
    options: LimiterOptions = {},
  ) {
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
      const log = this.live(key, now);
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
    const store = this.store();
    for (const { key } of keys) store.putRateWindow(this.rowKey(key), [...this.live(key, now), now]);
    while (store.rateWindowCount() > this.maxKeys) store.putRateWindow(store.stalestRateWindow()!, null);
  }

  /** How many windows the store holds (every limiter's). */
  get size(): number {
    return this.store().rateWindowCount();
  }

  private rowKey(key: string) {
    return `${this.name}:${key}`;
  }

  /** The log within the horizon; an emptied one is dropped. */
  private live(key: string, now: number): readonly number[] {
    const store = this.store();
    const log = store.rateWindow(this.rowKey(key));
    if (!log) return [];
    const keepFrom = firstAtOrAfter(log, now - this.horizonMs + 1);
    if (keepFrom === 0) return log;
    const kept = log.slice(keepFrom);
    if (kept.length === 0) store.putRateWindow(this.rowKey(key), null);
    return kept;
  }
}

/** Index of the first timestamp >= t in a sorted log. */
function firstAtOrAfter(log: readonly number[], t: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
