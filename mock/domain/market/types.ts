/**
 * The market's rows in the store: one price state per listing (instrument or index), its minute
 * bars and its daily bars. Every view (quotes, depth, chains, candles, the stream, fills) reads these.
 */
export type PriceState = {
  /** The listing's key (listingKey): `NSE:SBIN`, `INDEX:NIFTY 50`. */
  key: string;
  /** The IST day (istDay) the day fields belong to; a state read on a later day rolls over. */
  day: number;
  ltp: number;
  /** The previous day's last price: the centre of the price band and of every change figure. */
  prevClose: number;
  /** The day's first, highest and lowest trade; null before the day's first trade. */
  open: number | null;
  high: number | null;
  low: number | null;
  /** The day's traded quantity and value (quantity x price). */
  volume: number;
  value: number;
  /** The last trade's quantity and instant (null: none yet, the previous close stands). */
  ltq: number;
  lastTradedAt: number | null;
  /** Open interest now and at the previous close (0 for equity and indices). */
  oi: number;
  prevOi: number;
  yearHigh: number;
  yearLow: number;
  /** Trades so far, ever: the book and the seeded quantities are drawn from it. */
  seq: number;
};

/** A one-minute candle of the session, stored as trades arrive. `at` is the minute's first instant (epoch ms). */
export type MinuteBar = { at: number; open: number; high: number; low: number; close: number; volume: number };

/** A day's candle, stored as trades arrive; `day` is the IST day (istDay). */
export type DailyBar = { day: number; open: number; high: number; low: number; close: number; volume: number };
