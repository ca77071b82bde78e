import { ORDER_RULES } from '../../../spec/schemas/market-rules.js';
import { WALK_RULES } from '../../../spec/schemas/market-data-rules.js';
import type { DomainContext } from '../context.js';
import { istDay } from '../ist.js';
import { fail, ok, type Result } from '../result.js';
import { dailyCandles, intradayCandles, type Candle } from './candles.js';
import { istInstant, marketPhase, minuteStart, type MarketPhase } from './hours.js';
import { NO_GREEKS, optionGreeks, type Greeks } from './greeks.js';
import { MARKET_HOURS } from '../../../spec/schemas/market-data-rules.js';
import {
  findBySymbolCode,
  findIndex,
  findInstrument,
  indexOfUnderlying,
  INDICES,
  INSTRUMENTS,
  instrumentKey,
  isIndex,
  listingKey,
  lookupInstrument,
  SCRIPMASTER_SEED,
  unit,
  type Instrument,
  type Listing,
  type MarketIndex,
} from './instruments.js';
import type { PriceState } from './types.js';

const PRICE_BAND = ORDER_RULES.priceBand;

/** What a price change offers the open orders: at most `volume` units trade at `price` (unlimited when null). */
export type PriceEvent = { instrument: Instrument; price: number; volume: { remaining: number | null } };

/** Something that trades on price changes (Samco's orders, AutoTrader's): fills what the price crosses, returns how many fills. */
export type PriceListener = (event: PriceEvent) => number;

/** "A price changed": published after the change is applied (fills and all), to the stream and anyone else watching. */
export type PriceChange = { key: string; listing: Listing };
export type PriceChangeListener = (change: PriceChange) => void;

export type Quote = { instrument: Instrument; ltp: number; previousClose: number; lowerBand: number; upperBand: number };

export const roundToTick = (price: number, tick: number) => Number((Math.round(price / tick) * tick).toFixed(4));

/** One level of the book: price, quantity, orders. */
export type BookLevel = { price: number; quantity: number; orders: number };

/**
 * The simulated market: one price state per listing (every tradable instrument of the ScripMaster
 * and every index), kept in the store so that every view and every replica reads the same. Setting
 * a price is one event: every fill listener fills the open orders it crosses, within the volume the
 * event offers, in time order; then the change is published (after the whole operation) to the
 * price-change listeners (the stream).
 */
export class Market {
  private readonly listeners: PriceListener[] = [];
  private readonly extra: Map<string, Instrument>;
  private readonly changeListeners = new Set<PriceChangeListener>();

  constructor(
    private readonly ctx: DomainContext,
    extraInstruments: readonly Instrument[] = [],
  ) {
    this.extra = new Map(extraInstruments.map((i) => [instrumentKey(i.exchange, i.symbolName), i]));
  }

  onPrice(listener: PriceListener) {
    this.listeners.push(listener);
  }

  /** Price changes, after they are applied: returns the way to stop listening. */
  onPriceChange(listener: PriceChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  instruments(): readonly Instrument[] {
    return INSTRUMENTS;
  }

  indices(): readonly MarketIndex[] {
    return INDICES;
  }

  find(exchange: string, symbol: string): Instrument | undefined {
    return this.extra.get(instrumentKey(exchange, symbol)) ?? findInstrument(exchange, symbol);
  }

  /** As the market-data calls name a scrip: case-insensitive, MFO or MCX. */
  lookup(exchange: string, symbol: string): Instrument | undefined {
    return lookupInstrument(exchange, symbol);
  }

  findIndex(name: string): MarketIndex | undefined {
    return findIndex(name);
  }

  /** By the stream's symbol (`3045_NSE`, `-21`). */
  bySymbolCode(code: string): Listing | undefined {
    return findBySymbolCode(code);
  }

  get seed(): string | number {
    return this.ctx.random.seed ?? SCRIPMASTER_SEED;
  }

  phase(now = this.ctx.clock.now()): MarketPhase {
    return marketPhase(now);
  }

  /** The listing's price state as of now: the stored one, rolled over to today when it is from an earlier day (not written). */
  state(listing: Listing): PriceState {
    const now = this.ctx.clock.now();
    const today = istDay(now);
    const stored = this.ctx.store.getPriceState(listingKey(listing)) ?? this.initialState(listing, today);
    if (stored.day === today) return stored;
    return { ...stored, day: today, prevClose: stored.ltp, open: null, high: null, low: null, volume: 0, value: 0, ltq: 0, prevOi: stored.oi };
  }

  private initialState(listing: Listing, day: number): PriceState {
    const key = listingKey(listing);
    const p = listing.previousClose;
    const derivative = !isIndex(listing) && listing.instrument !== 'EQ';
    const oi = derivative ? listing.lotSize * (200 + Math.floor(unit(this.seed, key, 'oi') * 5000)) : 0;
    const tick = listing.tickSize;
    return {
      key,
      day,
      ltp: p,
      prevClose: p,
      open: null,
      high: null,
      low: null,
      volume: 0,
      value: 0,
      ltq: 0,
      lastTradedAt: null,
      oi,
      prevOi: oi,
      yearHigh: roundToTick(p * (1.08 + 0.25 * unit(this.seed, key, 'yh')), tick),
      yearLow: roundToTick(p * (0.92 - 0.25 * unit(this.seed, key, 'yl')), tick),
      seq: 0,
    };
  }

  quote(instrument: Instrument): Quote {
    const { ltp, prevClose } = this.state(instrument);
    return { instrument, ltp, previousClose: prevClose, ...this.band(instrument, prevClose) };
  }

  ltp(instrument: Instrument): number {
    return this.state(instrument).ltp;
  }

  /** The circuit limits: previous close ± the band, on the tick. */
  band(listing: Listing, prevClose = this.state(listing).prevClose) {
    return { lowerBand: roundToTick(prevClose * (1 - PRICE_BAND), listing.tickSize), upperBand: roundToTick(prevClose * (1 + PRICE_BAND), listing.tickSize) };
  }

  /**
   * The five best bids (descending) and asks (ascending) around the last price, one tick apart,
   * their quantities and order counts drawn from the seed and the trade count: the same state
   * always shows the same book. Indices have none.
   */
  book(listing: Listing, state = this.state(listing)): { bids: BookLevel[]; asks: BookLevel[] } {
    if (isIndex(listing)) return { bids: [], asks: [] };
    const { tickSize: tick, lotSize } = listing;
    const level = (side: 'b' | 'a', n: number): BookLevel => {
      const u = unit(this.seed, state.key, state.seq, side, n);
      const price = roundToTick(side === 'b' ? state.ltp - tick * (n + 1) : state.ltp + tick * (n + 1), tick);
      return { price: Math.max(price, tick), quantity: lotSize * (1 + Math.floor(u * 50)), orders: 1 + Math.floor(unit(this.seed, state.key, state.seq, side, n, 'o') * 20) };
    };
    return { bids: [0, 1, 2, 3, 4].map((n) => level('b', n)), asks: [0, 1, 2, 3, 4].map((n) => level('a', n)) };
  }

  /** The price of what a derivative follows: the index for index derivatives, the NSE equity for stock ones (null when none is listed). */
  spot(instrument: Instrument): number | null {
    if (instrument.instrument === 'EQ') return null;
    const underlying = indexOfUnderlying(instrument.underlying) ?? findInstrument('NSE', instrument.underlying);
    return underlying ? this.state(underlying).ltp : null;
  }

  /** An option's Greeks at its last price (zeros for anything else, and for an option whose spot is not listed). */
  greeks(instrument: Instrument, state = this.state(instrument)): Greeks {
    const spot = this.spot(instrument);
    const expiresAt = this.expiresAt(instrument);
    if (!instrument.optionType || instrument.strike === null || expiresAt === null || spot === null) return NO_GREEKS;
    return optionGreeks(instrument.optionType, spot, instrument.strike, expiresAt, this.ctx.clock.now(), state.ltp);
  }

  /** A derivative's last instant: its expiry day's close (IST); null for equity. */
  expiresAt(instrument: Instrument): number | null {
    if (!instrument.expiry) return null;
    const [y, m, d] = instrument.expiry.split('-').map(Number) as [number, number, number];
    return istInstant(Math.floor(Date.UTC(y, m - 1, d) / 86_400_000), MARKET_HOURS.close);
  }

  /** A trade at `price` (rounded to the tick, within the band): open orders it crosses fill, at most `volume` units. */
  setPrice(exchange: string, symbol: string, price: number, volume: number | null = null): Result<{ quote: Quote; fills: number }> {
    const instrument = this.find(exchange, symbol);
    if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
    const traded = this.trade(instrument, price, volume);
    if (!traded.ok) return traded;
    this.publish([instrument]);
    return ok({ quote: this.quote(instrument), fills: traded.value });
  }

  /** An index's value moves (indices do not trade: no orders, no volume). */
  setIndexValue(name: string, value: number): Result<{ state: PriceState }> {
    const index = findIndex(name);
    if (!index) return fail('MARKET_SYMBOL_NOT_FOUND');
    const traded = this.trade(index, value, null);
    if (!traded.ok) return traded;
    this.publish([index]);
    return ok({ state: this.state(index) });
  }

  /**
   * One step of the random walk for each listing: a seeded move of at most WALK_RULES.maxStepShare
   * (at least one tick), kept inside the band. Only while the market is open; returns the trades made.
   */
  walk(listings: readonly Listing[]): number {
    if (this.phase() !== 'open') return 0;
    const moved: Listing[] = [];
    for (const listing of listings) {
      const state = this.state(listing);
      const bytes = this.ctx.random.bytes('market-walk', 4);
      const r = bytes.readUInt32BE(0) / 4294967296 - 0.5;
      const tick = listing.tickSize;
      let next = roundToTick(state.ltp * (1 + 2 * r * WALK_RULES.maxStepShare), tick);
      if (next === state.ltp) next = roundToTick(state.ltp + (r >= 0 ? tick : -tick), tick);
      const { lowerBand, upperBand } = this.band(listing, state.prevClose);
      next = Math.min(upperBand, Math.max(lowerBand, next));
      if (this.trade(listing, next, null).ok) moved.push(listing);
    }
    this.publish(moved);
    return moved.length;
  }

  /** Several trades in order, all or none checked first (a replayed CSV): returns the trades made, or the first line's refusal. */
  replay(ticks: ReadonlyArray<{ listing: Listing; price: number; volume: number | null }>): Result<{ trades: number; fills: number }> {
    let fills = 0;
    const moved: Listing[] = [];
    for (const t of ticks) {
      const traded = this.trade(t.listing, t.price, t.volume);
      if (!traded.ok) {
        this.publish(moved);
        return traded;
      }
      fills += traded.value;
      moved.push(t.listing);
    }
    this.publish(moved);
    return ok({ trades: moved.length, fills });
  }

  /** The price-checked trade: the state, candles and fills; nothing published yet. Returns the fills. */
  private trade(listing: Listing, price: number, volume: number | null): Result<number> {
    const rounded = roundToTick(price, listing.tickSize);
    const state = this.state(listing);
    const band = this.band(listing, state.prevClose);
    if (!(rounded > 0) || rounded < band.lowerBand || rounded > band.upperBand) {
      return fail('MARKET_PRICE_OUT_OF_BAND', `The price must be within ${band.lowerBand} and ${band.upperBand} (previous close ${state.prevClose} ± ${PRICE_BAND * 100}%).`);
    }
    const now = this.ctx.clock.now();
    const next = this.applyTrade(listing, state, rounded, volume, now);
    this.ctx.store.putPriceState(next);
    if (this.phase(now) === 'open') this.recordCandles(next.key, rounded, next.ltq, now);
    if (isIndex(listing)) return ok(0);
    this.ctx.store.putLtp(instrumentKey(listing.exchange, listing.symbolName), rounded);
    const event: PriceEvent = { instrument: listing, price: rounded, volume: { remaining: volume } };
    let fills = 0;
    for (const listener of this.listeners) fills += listener(event);
    return ok(fills);
  }

  private applyTrade(listing: Listing, state: PriceState, price: number, volume: number | null, now: number): PriceState {
    const seq = state.seq + 1;
    const index = isIndex(listing);
    const lot = index ? 0 : listing.lotSize;
    const quantity = index ? 0 : (volume ?? lot * (1 + Math.floor(unit(this.seed, state.key, seq, 'q') * 10)));
    const derivative = !index && listing.instrument !== 'EQ';
    const oiMove = derivative ? lot * Math.round((unit(this.seed, state.key, seq, 'oi') - 0.45) * 20) : 0;
    return {
      ...state,
      ltp: price,
      open: state.open ?? price,
      high: Math.max(state.high ?? price, price),
      low: Math.min(state.low ?? price, price),
      volume: state.volume + quantity,
      value: state.value + quantity * price,
      ltq: quantity,
      lastTradedAt: now,
      oi: Math.max(0, state.oi + oiMove),
      yearHigh: Math.max(state.yearHigh, price),
      yearLow: Math.min(state.yearLow, price),
      seq,
    };
  }

  private recordCandles(key: string, price: number, quantity: number, now: number) {
    const at = minuteStart(now);
    const day = istDay(now);
    const { store } = this.ctx;
    const minute = store.minuteBars(key, at, at + 1).at(0);
    store.putMinuteBar(key, minute ? merge(minute, price, quantity) : { at, open: price, high: price, low: price, close: price, volume: quantity });
    const daily = store.dailyBars(key).at(-1);
    store.putDailyBar(key, daily?.day === day ? merge(daily, price, quantity) : { day, open: price, high: price, low: price, close: price, volume: quantity });
  }

  /**
   * Where "a price changed" leaves the domain: the one place the stream (and, across replicas, the
   * store's notification) hears of it. Called once the whole operation (fills and all) is applied;
   * with a unit of work it runs after the commit.
   */
  private publish(listings: readonly Listing[]) {
    if (this.changeListeners.size === 0) return;
    const seen = new Map<string, Listing>();
    for (const listing of listings) seen.set(listingKey(listing), listing);
    this.ctx.afterCommit(() => this.announce(seen));
  }

  private announce(changed: ReadonlyMap<string, Listing>) {
    for (const [key, listing] of changed) for (const listener of this.changeListeners) listener({ key, listing });
  }

  /** Row changes another replica committed (replayed here): its price changes are announced here as well. */
  changedElsewhere(changes: ReadonlyArray<{ table: string; key: string }>) {
    if (this.changeListeners.size === 0) return;
    const changed = new Map<string, Listing>();
    for (const { table, key } of changes) {
      if (table !== 'priceStates' || changed.has(key)) continue;
      const listing = this.listingOf(key);
      if (listing) changed.set(key, listing);
    }
    this.announce(changed);
  }

  /** The listing a price-state key names (`INDEX:NAME` or `EXCHANGE:SYMBOL`). */
  private listingOf(key: string): Listing | undefined {
    if (key.startsWith('INDEX:')) return findIndex(key.slice('INDEX:'.length));
    const at = key.indexOf(':');
    return this.find(key.slice(0, at), key.slice(at + 1));
  }

  /** Intraday candles of `interval` minutes with `from <= start < to` (session minutes only). */
  intraday(listing: Listing, from: number, to: number, interval: number): Candle[] {
    return intradayCandles(this.ctx.store.minuteBars(listingKey(listing), from, to), interval);
  }

  /** Daily candles of the IST days `fromDay..toDay` (trading days up to today). */
  daily(listing: Listing, fromDay: number, toDay: number) {
    return dailyCandles({ seed: this.seed, key: listingKey(listing), listing, stored: this.ctx.store.dailyBars(listingKey(listing)), today: istDay(this.ctx.clock.now()), fromDay, toDay });
  }
}

const merge = <T extends { high: number; low: number; close: number; volume: number }>(bar: T, price: number, quantity: number): T => ({
  ...bar,
  high: Math.max(bar.high, price),
  low: Math.min(bar.low, price),
  close: price,
  volume: bar.volume + quantity,
});

/** The quantity a fill may take from the event's volume, and takes it. */
export function takeVolume(event: PriceEvent, wanted: number): number {
  if (event.volume.remaining === null) return wanted;
  const got = Math.min(wanted, event.volume.remaining);
  event.volume.remaining -= got;
  return got;
}
