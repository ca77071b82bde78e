import { ANALYTICS_RULES } from '../../spec/schemas/analytics-rules.js';
import type { DomainContext } from './context.js';
import { istDay } from './ist.js';
import { findInstrument, type Instrument } from './market/instruments.js';
import type { Market } from './market/market.js';
import { round2 } from './money.js';
import type { OrderProduct, Orders, TransactionType } from './orders.js';
import type { Account } from './types.js';

export { ANALYTICS_RULES };
export type Duration = (typeof ANALYTICS_RULES.durations)[number];
export type AnalyticsFilter = (typeof ANALYTICS_RULES.filters)[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** One fill of the trade book (or an opening holding, as a buy at its average price when the account was opened). */
export type TradeFill = { id: string; instrument: Instrument; productType: OrderProduct; transactionType: TransactionType; quantity: number; price: number; at: number };

/** A position opened and (partly) closed: one FIFO match of an opening fill with a closing one. */
export type RoundTrip = {
  instrument: Instrument;
  /** The product of the opening fill: it names the strategy. */
  productType: OrderProduct;
  side: 'Long' | 'Short';
  quantity: number;
  entryPrice: number;
  exitPrice: number;
  entryAt: number;
  exitAt: number;
  entryFill: string;
  exitFill: string;
  pnl: number;
  /** pnl as a percentage of the entry value. */
  pnlPercent: number;
  /** IST calendar days from entry to exit (0: the same day). */
  holdingDays: number;
};

export type OpenLot = { instrument: Instrument; productType: OrderProduct; side: 'Long' | 'Short'; quantity: number; entryPrice: number; entryAt: number; fill: string };

/**
 * The round trips of a trade book: per instrument, fills in time order; a fill on the side of the
 * open lots adds a lot, an opposite one closes the oldest lots first (FIFO), and what it has left
 * over opens a lot on its own side.
 */
export function matchTrades(fills: readonly TradeFill[]): { trips: RoundTrip[]; open: OpenLot[] } {
  const lots = new Map<Instrument, OpenLot[]>();
  const trips: RoundTrip[] = [];
  for (const fill of [...fills].sort((a, b) => a.at - b.at)) {
    const queue = lots.get(fill.instrument) ?? [];
    lots.set(fill.instrument, queue);
    const side = fill.transactionType === 'BUY' ? 'Long' : 'Short';
    let left = fill.quantity;
    while (left > 0 && queue.length > 0 && queue[0]!.side !== side) {
      const lot = queue[0]!;
      const quantity = Math.min(left, lot.quantity);
      const sign = lot.side === 'Long' ? 1 : -1;
      const pnl = round2(sign * (fill.price - lot.entryPrice) * quantity);
      trips.push({
        instrument: fill.instrument,
        productType: lot.productType,
        side: lot.side,
        quantity,
        entryPrice: lot.entryPrice,
        exitPrice: fill.price,
        entryAt: lot.entryAt,
        exitAt: fill.at,
        entryFill: lot.fill,
        exitFill: fill.id,
        pnl,
        pnlPercent: (pnl / (lot.entryPrice * quantity)) * 100,
        holdingDays: istDay(fill.at) - istDay(lot.entryAt),
      });
      left -= quantity;
      if (quantity === lot.quantity) queue.shift();
      else queue[0] = { ...lot, quantity: lot.quantity - quantity };
    }
    if (left > 0) queue.push({ instrument: fill.instrument, productType: fill.productType, side, quantity: left, entryPrice: fill.price, entryAt: fill.at, fill: fill.id });
  }
  return { trips, open: [...lots.values()].flat() };
}

/** The figures of a set of round trips, as the analytics answers show them. A trip that made nothing counts as a loser. */
export type TradeMetrics = {
  trades: number;
  winners: number;
  losers: number;
  /** Percentages of the trades. */
  winRate: number;
  lossRate: number;
  /** Average rupee gain of a winner, average rupee loss of a loser (positive). */
  averageWinSize: number;
  averageLossSize: number;
  averageGainPercentage: number;
  averageLossPercentage: number;
  /** (win rate x average gain %) / (loss rate x average loss %): 0 when there is no loss to divide by. */
  successRatio: number;
  /** Total and average (rounded to whole days) holding days of winners and losers. */
  holdingWinners: number;
  holdingLosers: number;
  averageHoldingWin: number;
  averageHoldingLoss: number;
  totalPnl: number;
  /** The fills taking part (an opening and a closing fill are two transactions). */
  transactions: number;
};

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((t, v) => t + v, 0) / values.length);
const sum = (values: number[]) => values.reduce((t, v) => t + v, 0);

export function metricsOf(trips: readonly RoundTrip[]): TradeMetrics {
  const winners = trips.filter((t) => t.pnl > 0);
  const losers = trips.filter((t) => t.pnl <= 0);
  const n = trips.length;
  const winRate = n === 0 ? 0 : (winners.length / n) * 100;
  const lossRate = n === 0 ? 0 : (losers.length / n) * 100;
  const averageGainPercentage = mean(winners.map((t) => t.pnlPercent));
  const averageLossPercentage = mean(losers.map((t) => -t.pnlPercent));
  const denominator = lossRate * averageLossPercentage;
  return {
    trades: n,
    winners: winners.length,
    losers: losers.length,
    winRate,
    lossRate,
    averageWinSize: mean(winners.map((t) => t.pnl)),
    averageLossSize: mean(losers.map((t) => -t.pnl)),
    averageGainPercentage,
    averageLossPercentage,
    successRatio: denominator > 0 ? (winRate * averageGainPercentage) / denominator : 0,
    holdingWinners: sum(winners.map((t) => t.holdingDays)),
    holdingLosers: sum(losers.map((t) => t.holdingDays)),
    averageHoldingWin: Math.round(mean(winners.map((t) => t.holdingDays))),
    averageHoldingLoss: Math.round(mean(losers.map((t) => t.holdingDays))),
    totalPnl: round2(sum(trips.map((t) => t.pnl))),
    transactions: new Set(trips.flatMap((t) => [t.entryFill, t.exitFill])).size,
  };
}

/** An analytics window: IST calendar days, both ends included. */
export type Window = { startDay: number; endDay: number };

/** `yyyy-MM-dd` of an IST day number. */
export const dayDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The IST day number of a `yyyy-MM-dd` date, or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayDate(ms / DAY_MS) === text ? ms / DAY_MS : null;
}

/** The day `months` calendar months before `day` (the day of the month kept, or the month's last day). */
function monthsBefore(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)) / DAY_MS;
}

export type StrategyGroup = { groupName: string; strategies: Array<{ strategy: string; metrics: TradeMetrics; gainShare: number }> };

const SEGMENT: Record<Instrument['instrument'], string> = {
  EQ: 'Equity-Cash Market',
  FUTIDX: 'Equity-Futures',
  FUTSTK: 'Equity-Futures',
  OPTIDX: 'Equity-Options',
  OPTSTK: 'Equity-Options',
  FUTCOM: 'Commodity-Futures',
  FUTCUR: 'Currency-Futures',
};
const HOLDING_STYLE: Record<OrderProduct, string> = { MIS: 'Intraday', CNC: 'Delivery', NRML: 'Positional', BO: 'Intraday', CO: 'Intraday' };
/** The sector and market-cap class of the simulated market's underlyings (the sandbox's classification). */
const SECTOR: Record<string, string> = { SBIN: 'Banking', HDFCBANK: 'Banking', INFY: 'IT', TCS: 'IT', RELIANCE: 'Oil & Gas', IDEA: 'Telecom', ITC: 'FMCG' };
const MARKET_CAP: Record<string, string> = { IDEA: 'Mid Cap' };
const INDICES = ['NIFTY', 'BANKNIFTY', 'SENSEX', 'BANKEX'];

const underlyingOf = (i: Instrument) => i.atSymbol.split('_')[0]!;

export function sectorOf(i: Instrument): string {
  const u = underlyingOf(i);
  if (INDICES.includes(u)) return 'Index';
  return SECTOR[u] ?? 'Others';
}

export function marketCapOf(i: Instrument): string {
  const u = underlyingOf(i);
  if (INDICES.includes(u)) return 'Index';
  if (!SECTOR[u]) return 'Others';
  return MARKET_CAP[u] ?? 'Large Cap';
}

/** "Long Intraday", "Short Delivery", "Long Positional": the side of the opening and the product it was opened in. */
export const strategyOf = (t: RoundTrip) => `${t.side} ${HOLDING_STYLE[t.productType]}`;

/** The round trips grouped as analyticsDetails lists them: by segment (strategy filter), market-cap class or sector, then strategy. */
export function groupTrips(trips: readonly RoundTrip[], filter: AnalyticsFilter): StrategyGroup[] {
  const groupOf = (t: RoundTrip) => (filter === 'sector' ? sectorOf(t.instrument) : filter === 'market cap' ? marketCapOf(t.instrument) : SEGMENT[t.instrument.instrument]);
  const totalGains = sum(trips.filter((t) => t.pnl > 0).map((t) => t.pnl));
  const groups = new Map<string, Map<string, RoundTrip[]>>();
  for (const t of trips) {
    const group = groups.get(groupOf(t)) ?? new Map<string, RoundTrip[]>();
    groups.set(groupOf(t), group);
    group.set(strategyOf(t), [...(group.get(strategyOf(t)) ?? []), t]);
  }
  return [...groups].map(([groupName, strategies]) => ({
    groupName,
    strategies: [...strategies].map(([strategy, list]) => {
      const gains = sum(list.filter((t) => t.pnl > 0).map((t) => t.pnl));
      return { strategy, metrics: metricsOf(list), gainShare: totalGains > 0 ? (gains / totalGains) * 100 : 0 };
    }),
  }));
}

/**
 * Samco's Trade View analytics, computed from the sandbox's own trade book: every fill of the
 * account's orders (and its opening holdings, as buys at their average price on the day the
 * account was opened), matched into round trips FIFO per instrument.
 */
export class Analytics {
  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
    private readonly orders: Orders,
  ) {}

  fills(account: Account): TradeFill[] {
    const held: TradeFill[] = account.holdings.map((h) => ({
      id: `holding:${h.exchange}:${h.symbolName}`,
      instrument: findInstrument(h.exchange, h.symbolName)!,
      productType: 'CNC',
      transactionType: 'BUY',
      quantity: h.quantity,
      price: h.averagePrice,
      at: account.createdAt,
    }));
    const traded = this.orders.book(account.uid).flatMap((o) =>
      o.fills.map((f) => ({
        id: f.tradeNumber,
        instrument: this.orders.instrumentOf(o),
        productType: o.productType,
        transactionType: o.transactionType,
        quantity: f.quantity,
        price: f.price,
        at: f.at,
      })),
    );
    return [...held, ...traded];
  }

  /** The window of a duration, ending today (IST): ALL from the day of the account's first trade. */
  window(account: Account, duration: Duration): Window {
    const endDay = istDay(this.ctx.clock.now());
    const months: Record<Exclude<Duration, 'ALL' | '1D'>, number> = { '1Y': 12, '6M': 6, '1M': 1 };
    if (duration === '1D') return { startDay: endDay - 1, endDay };
    if (duration !== 'ALL') return { startDay: monthsBefore(endDay, months[duration]), endDay };
    const first = this.fills(account).reduce((min, f) => Math.min(min, f.at), Number.POSITIVE_INFINITY);
    return { startDay: Number.isFinite(first) ? Math.min(istDay(first), endDay) : endDay, endDay };
  }

  /** The round trips closed within the window. */
  trips(account: Account, window: Window): RoundTrip[] {
    return matchTrades(this.fills(account)).trips.filter((t) => istDay(t.exitAt) >= window.startDay && istDay(t.exitAt) <= window.endDay);
  }

  /**
   * gainLoss: `close` adds up the P&L of the round trips closed in the window (realized);
   * `open` values the lots still open that were opened in the window at the last traded price (unrealized).
   */
  gainLoss(account: Account, status: 'open' | 'close', window: Window): { realized: number; unrealized: number } {
    if (status === 'close') return { realized: round2(sum(this.trips(account, window).map((t) => t.pnl))), unrealized: 0 };
    const inWindow = (at: number) => istDay(at) >= window.startDay && istDay(at) <= window.endDay;
    const open = matchTrades(this.fills(account)).open.filter((lot) => inWindow(lot.entryAt));
    const unrealized = sum(open.map((lot) => (lot.side === 'Long' ? 1 : -1) * (this.market.ltp(lot.instrument) - lot.entryPrice) * lot.quantity));
    return { realized: 0, unrealized: round2(unrealized) };
  }
}
