import { ORDER_RULES } from '../../../spec/schemas/market-rules.js';
import type { DomainContext } from '../context.js';
import { fail, ok, type Result } from '../result.js';
import { findInstrument, INSTRUMENTS, instrumentKey, type Instrument } from './instruments.js';

const PRICE_BAND = ORDER_RULES.priceBand;

/** What a price change offers the open orders: at most `volume` units trade at `price` (unlimited when null). */
export type PriceEvent = { instrument: Instrument; price: number; volume: { remaining: number | null } };

/** Something that trades on price changes (Samco's orders, AutoTrader's): fills what the price crosses, returns how many fills. */
export type PriceListener = (event: PriceEvent) => number;

export type Quote = { instrument: Instrument; ltp: number; previousClose: number; lowerBand: number; upperBand: number };

const roundToTick = (price: number, tick: number) => Number((Math.round(price / tick) * tick).toFixed(4));

/**
 * The simulated market: one last traded price per instrument (the previous close until someone
 * sets it), kept in the store so it survives restarts. Setting a price is one event: every
 * listener fills the open orders it crosses, within the volume the event offers, in time order.
 */
export class Market {
  private readonly listeners: PriceListener[] = [];
  private readonly extra: Map<string, Instrument>;

  constructor(
    private readonly ctx: DomainContext,
    extraInstruments: readonly Instrument[] = [],
  ) {
    this.extra = new Map(extraInstruments.map((i) => [instrumentKey(i.exchange, i.symbolName), i]));
  }

  onPrice(listener: PriceListener) {
    this.listeners.push(listener);
  }

  instruments(): readonly Instrument[] {
    return INSTRUMENTS;
  }

  find(exchange: string, symbol: string): Instrument | undefined {
    return this.extra.get(instrumentKey(exchange, symbol)) ?? findInstrument(exchange, symbol);
  }

  quote(instrument: Instrument): Quote {
    const ltp = this.ctx.store.getLtp(instrumentKey(instrument.exchange, instrument.symbolName)) ?? instrument.previousClose;
    const { previousClose, tickSize } = instrument;
    return {
      instrument,
      ltp,
      previousClose,
      lowerBand: roundToTick(previousClose * (1 - PRICE_BAND), tickSize),
      upperBand: roundToTick(previousClose * (1 + PRICE_BAND), tickSize),
    };
  }

  ltp(instrument: Instrument): number {
    return this.quote(instrument).ltp;
  }

  /** A trade at `price` (rounded to the tick, within the band): open orders it crosses fill, at most `volume` units. */
  setPrice(exchange: string, symbol: string, price: number, volume: number | null = null): Result<{ quote: Quote; fills: number }> {
    const instrument = this.find(exchange, symbol);
    if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
    const rounded = roundToTick(price, instrument.tickSize);
    const band = this.quote(instrument);
    if (!(rounded > 0) || rounded < band.lowerBand || rounded > band.upperBand) {
      return fail('MARKET_PRICE_OUT_OF_BAND', `The price must be within ${band.lowerBand} and ${band.upperBand} (previous close ${band.previousClose} ± ${PRICE_BAND * 100}%).`);
    }
    this.ctx.store.putLtp(instrumentKey(instrument.exchange, instrument.symbolName), rounded);
    const event: PriceEvent = { instrument, price: rounded, volume: { remaining: volume } };
    let fills = 0;
    for (const listener of this.listeners) fills += listener(event);
    return ok({ quote: this.quote(instrument), fills });
  }
}

/** The quantity a fill may take from the event's volume, and takes it. */
export function takeVolume(event: PriceEvent, wanted: number): number {
  if (event.volume.remaining === null) return wanted;
  const got = Math.min(wanted, event.volume.remaining);
  event.volume.remaining -= got;
  return got;
}
