import { candleStart, isTradingDay, previousTradingDay } from './hours.js';
import { isIndex, unit, type Listing } from './instruments.js';
import type { DailyBar, MinuteBar } from './types.js';

/** An intraday candle: `at` is its first instant (epoch ms). */
export type Candle = MinuteBar;

/** Minute bars (oldest first) grouped into `interval`-minute candles counted from the session's open. */
export function intradayCandles(bars: readonly MinuteBar[], interval: number): Candle[] {
  const out: Candle[] = [];
  for (const bar of bars) {
    const at = candleStart(bar.at, interval);
    const last = out.at(-1);
    if (last && last.at === at) {
      out[out.length - 1] = { ...last, high: Math.max(last.high, bar.high), low: Math.min(last.low, bar.low), close: bar.close, volume: last.volume + bar.volume };
    } else {
      out.push({ ...bar, at });
    }
  }
  return out;
}

/** How far back the generated history goes (trading days, about five years). */
const HISTORY_DAYS = 1300;

const onTick = (price: number, tick: number) => Number((Math.round(price / tick) * tick).toFixed(4));

/**
 * Daily candles of `fromDay..toDay` (IST days; trading days only, none after today). Days the
 * market traded are the stored candles. Before the first of them the history is generated from
 * the seed, walking back from the listing's generated previous close (the close of the trading
 * day before the first trade): the same seed gives the same history. A trading day without
 * trades after the first stored one is a flat candle at the previous close, volume 0; today
 * appears once it has traded.
 */
export function dailyCandles(input: { seed: string | number; key: string; listing: Listing; stored: readonly DailyBar[]; today: number; fromDay: number; toDay: number }): DailyBar[] {
  const { seed, key, listing, stored, today } = input;
  const tick = listing.tickSize;
  const byDay = new Map(stored.map((b) => [b.day, b]));
  const firstStored = stored[0]?.day ?? today;
  const anchor = previousTradingDay(firstStored);
  const from = Math.max(input.fromDay, anchor - Math.ceil((HISTORY_DAYS * 7) / 5));
  const to = Math.min(input.toDay, today);
  const generated = generatedHistory(seed, key, listing, anchor, from);
  const out: DailyBar[] = [];
  let previousClose = listing.previousClose;
  for (let day = anchor + 1; day < from; day++) {
    const bar = byDay.get(day);
    if (bar) previousClose = bar.close;
  }
  for (let day = from; day <= to; day++) {
    if (!isTradingDay(day)) continue;
    const bar = byDay.get(day) ?? generated.get(day);
    if (bar) {
      out.push(bar);
      previousClose = bar.close;
    } else if (day > anchor && day < today) {
      const p = onTick(previousClose, tick);
      out.push({ day, open: p, high: p, low: p, close: p, volume: 0 });
    }
  }
  return out;
}

/** The generated candles from `anchor` (close = the listing's previous close) back to `from`. */
function generatedHistory(seed: string | number, key: string, listing: Listing, anchor: number, from: number): Map<number, DailyBar> {
  const out = new Map<number, DailyBar>();
  const tick = listing.tickSize;
  const index = isIndex(listing);
  let close = listing.previousClose;
  for (let day = anchor, k = 0; day >= from && k < HISTORY_DAYS; day = previousTradingDay(day), k++) {
    const u = (name: string) => unit(seed, key, 'day', k, name);
    const previousClose = close / (1 + (u('r') - 0.5) * 0.03);
    const open = previousClose * (1 + (u('o') - 0.5) * 0.01);
    const c = onTick(close, tick);
    const o = onTick(open, tick);
    out.set(day, {
      day,
      open: o,
      high: onTick(Math.max(o, c) * (1 + u('h') * 0.01), tick),
      low: onTick(Math.min(o, c) * (1 - u('l') * 0.01), tick),
      close: c,
      volume: index ? 0 : listing.lotSize * Math.floor(1000 + u('v') * 100000),
    });
    close = previousClose;
  }
  return out;
}
