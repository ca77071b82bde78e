import type { SandboxDomain } from '../domain/domain.js';
import type { Listing } from '../domain/market/instruments.js';
import type { Result } from '../domain/result.js';
import { fail, ok } from '../domain/result.js';

export type ReplayTick = { listing: Listing; price: number; volume: number | null };

/**
 * The market's real-time drivers for the control API: the random walk's timer and timed CSV
 * replays. The rules (how a step moves, what a trade does) are the domain's; this holds only
 * timers, which are unref'ed so they never keep a process alive.
 */
export class MarketDriver {
  private walkTimer: NodeJS.Timeout | null = null;
  private replayTimers = new Set<NodeJS.Timeout>();
  private walkSymbols: string[] = [];
  private walkListings: readonly Listing[] = [];
  private walkInterval: number | null = null;
  steps = 0;

  constructor(private readonly domain: SandboxDomain) {}

  startWalk(intervalMs: number, listings: readonly Listing[], symbols: string[]) {
    this.stopWalk();
    this.walkListings = listings;
    this.walkSymbols = symbols;
    this.walkInterval = intervalMs;
    this.walkTimer = setInterval(() => {
      this.steps++;
      // One unit of work per step: fills and all, durable like a request's changes.
      this.domain.uow.run(() => this.domain.market.walk(this.walkListings)).catch(() => {});
    }, intervalMs);
    this.walkTimer.unref();
  }

  stopWalk() {
    if (this.walkTimer) clearInterval(this.walkTimer);
    this.walkTimer = null;
    this.walkInterval = null;
    this.walkSymbols = [];
    this.walkListings = [];
  }

  walkState() {
    return { running: this.walkTimer !== null, intervalMs: this.walkInterval, symbols: this.walkSymbols, steps: this.steps, phase: this.domain.market.phase() };
  }

  /** Applies the first tick now and the others every `intervalMs` (all now when 0). */
  replay(ticks: ReplayTick[], intervalMs: number): Result<{ trades: number; fills: number }> {
    if (intervalMs <= 0 || ticks.length <= 1) return this.domain.market.replay(ticks);
    const first = this.domain.market.replay(ticks.slice(0, 1));
    if (!first.ok) return first;
    let at = 1;
    const timer = setInterval(() => {
      const line = ticks.slice(at, at + 1);
      at++;
      const last = at >= ticks.length;
      if (last) {
        clearInterval(timer);
        this.replayTimers.delete(timer);
      }
      this.domain.uow
        .run(() => this.domain.market.replay(line))
        .then((result) => {
          if (!result.ok) {
            clearInterval(timer);
            this.replayTimers.delete(timer);
          }
        })
        .catch(() => {});
    }, intervalMs);
    timer.unref();
    this.replayTimers.add(timer);
    return first;
  }

  /** Stops everything (a reset, a shutdown). */
  stop() {
    this.stopWalk();
    this.steps = 0;
    for (const timer of this.replayTimers) clearInterval(timer);
    this.replayTimers.clear();
  }
}

/** Reads a replay CSV: `exchange,symbolName,price[,volume]` per line, an optional header. Every line checked before anything runs. */
export function parseReplayCsv(domain: SandboxDomain, csv: string): Result<ReplayTick[]> {
  const ticks: ReplayTick[] = [];
  const lines = csv.split(/\r?\n/);
  for (const [n, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || (n === 0 && /^exchange\s*,/i.test(line))) continue;
    const [exchange = '', symbolName = '', price = '', volume] = line.split(',').map((f) => f.trim());
    const listing = exchange.toUpperCase() === 'INDEX' ? domain.market.findIndex(symbolName) : domain.market.lookup(exchange || 'NSE', symbolName);
    if (!listing) return fail('MARKET_SYMBOL_NOT_FOUND', `Line ${n + 1}: no symbol ${symbolName} on ${exchange}.`);
    const p = Number(price);
    const v = volume === undefined || volume === '' ? null : Number(volume);
    if (!(p > 0) || (v !== null && !(Number.isInteger(v) && v > 0)))
      return fail('VALIDATION', `Invalid request: line ${n + 1}: expected exchange,symbolName,price[,volume] with a positive price and a positive whole volume.`);
    ticks.push({ listing, price: p, volume: v });
  }
  return ok(ticks);
}
