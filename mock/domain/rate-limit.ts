export type Limit = { windowMs: number; max: number };
const LONGEST = 300_000;

/**
 * Sliding-window request logs: a request is allowed when every window still has room, and only
 * allowed requests are counted. Runtime throttling, not sandbox state: a reset clears it too.
 */
export class SlidingWindowLimiter {
  private readonly logs = new Map<string, number[]>();

  /** The first full window and whose it is, or null when the request may go (and is then counted). */
  take(keys: Array<{ key: string; limits: readonly Limit[] }>, now: number): { key: string; limit: Limit } | null {
    for (const { key, limits } of keys) {
      const log = this.prune(key, now);
      for (const limit of limits) {
        if (countSince(log, now - limit.windowMs) >= limit.max) return { key, limit };
      }
    }
    for (const { key } of keys) this.logs.get(key)!.push(now);
    return null;
  }

  private prune(key: string, now: number): number[] {
    let log = this.logs.get(key);
    if (!log) {
      log = [];
      this.logs.set(key, log);
    }
    const keepFrom = firstAtOrAfter(log, now - LONGEST + 1);
    if (keepFrom > 0) log.splice(0, keepFrom);
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

function countSince(log: number[], start: number): number {
  return log.length - firstAtOrAfter(log, start + 1);
}
