import type { DomainContext } from './context.js';
import type { Market } from './market/market.js';
import type { Instrument } from './market/instruments.js';
import { fail, ok, type Result } from './result.js';

const keyOf = (instrument: Instrument) => `${instrument.exchange}:${instrument.symbolName}`;

/**
 * Market and exchange events on demand: the exchange rejecting the next order of a symbol, a
 * halted symbol, a trade of a given size, the trading day ending early for an account. Held in
 * memory like the trading backend's delay (a test sets them up, a reset drops them); the orders
 * and sessions they touch are written to the store like any other change.
 */
export class ExchangeEvents {
  private readonly rejectNext = new Map<string, string[]>();
  private readonly halted = new Map<string, string>();

  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
  ) {}

  private instrument(exchange: string | undefined, symbolName: string): Result<Instrument> {
    const instrument = this.market.find(exchange || 'NSE', symbolName);
    return instrument ? ok(instrument) : fail('MARKET_SYMBOL_NOT_FOUND');
  }

  rejectNextOrder(exchange: string | undefined, symbolName: string, reason: string): Result<Instrument> {
    const found = this.instrument(exchange, symbolName);
    if (!found.ok) return found;
    const key = keyOf(found.value);
    this.rejectNext.set(key, [...(this.rejectNext.get(key) ?? []), reason]);
    return found;
  }

  halt(exchange: string | undefined, symbolName: string, reason: string): Result<Instrument> {
    const found = this.instrument(exchange, symbolName);
    if (found.ok) this.halted.set(keyOf(found.value), reason);
    return found;
  }

  resume(exchange: string | undefined, symbolName: string): Result<Instrument> {
    const found = this.instrument(exchange, symbolName);
    if (found.ok) this.halted.delete(keyOf(found.value));
    return found;
  }

  /** A trade of `quantity` units at the last traded price: open orders at that price fill, partly when it runs out. */
  partialFill(exchange: string | undefined, symbolName: string, quantity: number): Result<{ fills: number }> {
    const found = this.instrument(exchange, symbolName);
    if (!found.ok) return found;
    const traded = this.market.setPrice(found.value.exchange, found.value.symbolName, this.market.ltp(found.value), quantity);
    return traded.ok ? ok({ fills: traded.value.fills }) : traded;
  }

  /** Every live session of the account's apps ends now, as it would at 08:00 IST (expired, not revoked). */
  endSessions(uid: string): Result<{ ended: number }> {
    const { store, clock } = this.ctx;
    const account = store.getAccount(uid.toUpperCase()) ?? store.getAccount(uid);
    if (!account) return fail('UNKNOWN_USER');
    const now = clock.now();
    let ended = 0;
    for (const app of store.appsOf(account.uid)) {
      for (const session of store.sessionsOfApp(app.id)) {
        if (session.revokedAt !== null || session.expiresAt <= now) continue;
        store.putSession({ ...session, expiresAt: now });
        ended++;
      }
    }
    return ok({ ended });
  }

  /**
   * Why the exchange refuses an order in this instrument now, or null. A placement (`placing`)
   * uses up a pending one-time rejection; a modification only meets a halt.
   */
  refusal(instrument: Instrument, placing: boolean): string | null {
    const key = keyOf(instrument);
    const halt = this.halted.get(key);
    if (halt !== undefined) return halt;
    if (!placing) return null;
    const queue = this.rejectNext.get(key);
    if (!queue?.length) return null;
    const [reason, ...rest] = queue;
    if (rest.length) this.rejectNext.set(key, rest);
    else this.rejectNext.delete(key);
    return reason!;
  }

  reset() {
    this.rejectNext.clear();
    this.halted.clear();
  }
}
