import { IST_OFFSET_MS, istDay } from '../ist.js';
import { MARKET_HOURS } from '../../../spec/schemas/market-data-rules.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

export type MarketPhase = 'pre-open' | 'open' | 'closed';

/** Minutes since IST midnight. */
const istMinute = (ms: number) => Math.floor(((((ms + IST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);

/** Whether an IST day (istDay) is a trading day: Monday to Friday (the sandbox keeps no holiday calendar). */
export function isTradingDay(day: number): boolean {
  // istDay 0 is Thursday 1 January 1970.
  const weekday = (day + 4) % 7;
  return weekday !== 0 && weekday !== 6;
}

/** Where the market stands at an instant: pre-open 09:00-09:15, open 09:15-15:30 IST on trading days, closed otherwise. */
export function marketPhase(ms: number): MarketPhase {
  if (!isTradingDay(istDay(ms))) return 'closed';
  const minute = istMinute(ms);
  if (minute >= MARKET_HOURS.preOpen && minute < MARKET_HOURS.open) return 'pre-open';
  if (minute >= MARKET_HOURS.open && minute < MARKET_HOURS.close) return 'open';
  return 'closed';
}

/** The first instant (epoch ms) of an IST day's minute `minuteOfDay`. */
export const istInstant = (day: number, minuteOfDay: number) => day * DAY_MS - IST_OFFSET_MS + minuteOfDay * MINUTE_MS;

/** The start of the minute an instant falls in. */
export const minuteStart = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** The start of the `interval`-minute candle an instant falls in, candles counted from the session's open (09:15, 09:20, ...). */
export function candleStart(ms: number, intervalMinutes: number): number {
  const day = istDay(ms);
  const open = istInstant(day, MARKET_HOURS.open);
  const n = Math.floor((ms - open) / (intervalMinutes * MINUTE_MS));
  return open + n * intervalMinutes * MINUTE_MS;
}

/** The trading day before `day`. */
export function previousTradingDay(day: number): number {
  let d = day - 1;
  while (!isTradingDay(d)) d--;
  return d;
}
