import { maskWords } from '../domain/mask.js';
import { amount } from '../domain/money.js';
import type { PersonalIndex } from '../domain/personal-index.js';
import { IST_FORMATS, IST_OFFSET_MS } from '../domain/ist.js';
import { istInstant, previousTradingDay } from '../domain/market/hours.js';
import { isIndex, isOption, scripExchange, symbolCodeOf, type Instrument, type Listing, type MarketIndex } from '../domain/market/instruments.js';
import type { Market } from '../domain/market/market.js';
import type { DailyBar, MinuteBar, PriceState } from '../domain/market/types.js';
import { MARKET_HOURS } from '../../spec/schemas/market-data-rules.js';
import { ORDER_RULES } from '../../spec/schemas/market-rules.js';

/** How each market-data answer and tick prints the market's state, in Samco's formats. */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');
const parts = (ms: number, offset = IST_OFFSET_MS) => {
  const d = new Date(ms + offset);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth(), d: two(d.getUTCDate()), h: d.getUTCHours(), mi: two(d.getUTCMinutes()), s: two(d.getUTCSeconds()) };
};

export const formats = {
  /** `28 Mar 2024, 07:11:43 PM` (IST, or UTC with offset 0). */
  ampm: (ms: number, offset = IST_OFFSET_MS) => {
    const p = parts(ms, offset);
    return `${p.d} ${MONTHS[p.mo]} ${p.y}, ${two(p.h % 12 === 0 ? 12 : p.h % 12)}:${p.mi}:${p.s} ${p.h < 12 ? 'AM' : 'PM'}`;
  },
  /** `05/09/2023 12:33:44` (IST, or UTC with offset 0). */
  slashed: (ms: number, offset = IST_OFFSET_MS) => (offset === IST_OFFSET_MS ? IST_FORMATS.slashed(ms) : IST_FORMATS.slashed(ms - IST_OFFSET_MS + offset)),
  /** `2024-04-04 14:34:12.0` */
  indexTime: (ms: number) => {
    const p = parts(ms);
    return `${p.y}-${two(p.mo + 1)}-${p.d} ${two(p.h)}:${p.mi}:${p.s}.0`;
  },
  /** `2020-04-27 11:50:00.0` */
  candleTime: (ms: number) => formats.indexTime(ms),
  /** An IST day as `yyyy-MM-dd`. */
  isoDay: (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10),
  /** `yyyy-MM-dd` -> `25 Apr 24`. */
  ddMonYy: (iso: string) => {
    const [y, m, d] = iso.split('-');
    return `${d} ${MONTHS[Number(m) - 1]} ${y!.slice(2)}`;
  },
};

/** Prices print with the exchange's precision: two decimals, four for a tick finer than 0.01 (currency). */
const fixed = (n: number, digits: number) => (Math.round(n * 10 ** digits) === 0 ? 0 : n).toFixed(digits);
export const px = (n: number, tick = 0.05) => fixed(n, tick < 0.01 ? 4 : 2);
const pct = (part: number, whole: number) => (whole === 0 ? 0 : (part / whole) * 100);

/** When the last price was made: the last trade, or (none yet) the previous session's close. */
export function lastTradedAt(state: PriceState): number {
  return state.lastTradedAt ?? istInstant(previousTradingDay(state.day), MARKET_HOURS.close) - 1000;
}

/** The day's figures every quote shows. Before the day's first trade open, high and low are the last price. */
function day(state: PriceState) {
  const open = state.open ?? state.ltp;
  return {
    open,
    high: state.high ?? state.ltp,
    low: state.low ?? state.ltp,
    change: state.ltp - state.prevClose,
    changePct: pct(state.ltp - state.prevClose, state.prevClose),
    average: state.volume > 0 ? state.value / state.volume : state.ltp,
  };
}

const totals = (book: ReturnType<Market['book']>) => ({
  buy: book.bids.reduce((sum, l) => sum + l.quantity, 0) * 20,
  sell: book.asks.reduce((sum, l) => sum + l.quantity, 0) * 20,
});

/** "31.4211200 (Lacs)" below one crore, "592.47019 (Crs)" from it, as the samples print. */
function tradedValue(value: number) {
  return value < 1e7 ? `${(value / 1e5).toFixed(7)} (Lacs)` : `${(value / 1e7).toFixed(5)} (Crs)`;
}

const trimmed = (n: number) => String(Number(n.toFixed(4)));

export function quoteDetails(market: Market, i: Instrument) {
  const state = market.state(i);
  const d = day(state);
  const book = market.book(i, state);
  const t = totals(book);
  const band = market.band(i, state.prevClose);
  const p = (n: number) => px(n, i.tickSize);
  const derivative = i.instrument !== 'EQ';
  const spot = market.spot(i);
  return {
    symbolName: i.symbolName,
    tradingSymbol: i.tradingSymbol,
    exchange: scripExchange(i.exchange),
    ...(derivative ? {} : { companyName: i.description }),
    lastTradedTime: formats.slashed(lastTradedAt(state)),
    lastTradedPrice: p(state.ltp),
    previousClose: p(state.prevClose),
    changeValue: p(d.change),
    changePercentage: fixed(d.changePct, 2),
    lastTradedQuantity: String(state.ltq),
    lowerCircuitLimit: p(band.lowerBand),
    upperCircuitLimit: p(band.upperBand),
    averagePrice: p(d.average),
    openValue: p(d.open),
    highValue: p(d.high),
    lowValue: p(d.low),
    closeValue: p(state.prevClose),
    totalBuyQuantity: String(t.buy),
    totalSellQuantity: String(t.sell),
    totalTradedValue: tradedValue(state.value),
    totalTradedVolume: String(state.volume),
    yearlyHighPrice: p(state.yearHigh),
    yearlyLowPrice: p(state.yearLow),
    tickSize: trimmed(i.tickSize),
    bestBids: book.bids.map((l) => ({ number: String(l.orders), quantity: String(l.quantity), price: trimmed(l.price) })),
    bestAsks: book.asks.map((l) => ({ number: String(l.orders), quantity: String(l.quantity), price: trimmed(l.price) })),
    listingId: symbolCodeOf(i),
    ...(derivative
      ? {
          openInterest: String(state.oi),
          openInterestChange: String(state.oi - state.prevOi),
          oIChangePer: fixed(pct(state.oi - state.prevOi, state.prevOi), 2),
          instrument: i.instrument,
          ...(i.expiry ? { expiryDate: formats.ddMonYy(i.expiry) } : {}),
          ...(spot !== null ? { spotPrice: px(spot) } : {}),
          lotQuantity: String(i.lotSize),
        }
      : {}),
  };
}

/** misMultiplier: the leverage MIS gives (the sandbox's margin rates). */
const MIS_MULTIPLIER = (1 / ORDER_RULES.marginRate.intraday).toFixed(2);

export function multiQuoteItem(market: Market, l: Listing) {
  const state = market.state(l);
  const d = day(state);
  const index = isIndex(l);
  const tick = l.tickSize;
  const p = (n: number) => px(n, tick);
  const book = market.book(l, state);
  const bid = book.bids[0];
  const ask = book.asks[0];
  const base = {
    exchange: index ? l.exchange : l.exchange,
    symbolName: index ? l.name : l.symbolName,
    tradingSymbol: index ? l.name : l.tradingSymbol,
    companyName: index ? l.displayName : l.description,
    isin: index ? '--' : l.isin,
    lotSize: index ? '-' : String(l.lotSize),
    averagePrice: p(d.average),
    totalTradeVolume: String(state.volume),
    symbol: symbolCodeOf(l),
    lastTradeTime: formats.ampm(lastTradedAt(state)),
    lastTradeQuantity: String(state.ltq),
    lastTradePrice: p(state.ltp),
    misMultiplier: MIS_MULTIPLIER,
    change: p(d.change),
    changePercent: fixed(d.changePct, 2),
    open: p(d.open),
    close: p(state.prevClose),
    previousClose: p(state.prevClose),
    low: p(d.low),
    high: p(d.high),
    tickSize: index ? '-' : trimmed(tick),
    bidSize: String(bid?.quantity ?? 0),
    bidPrice: p(bid?.price ?? 0),
    totalTradedValue: fixed(state.value, 2),
    askSize: String(ask?.quantity ?? 0),
    askPrice: p(ask?.price ?? 0),
  };
  if (index || l.instrument === 'EQ') return { ...base, iv: '0.00' };
  const g = market.greeks(l, state);
  return {
    ...base,
    iv: fixed(g.iv, 2),
    ...(l.optionType ? { optionType: l.optionType } : {}),
    instrumentType: l.instrument,
    ...(l.strike !== null ? { strikePrice: l.strike.toFixed(4) } : {}),
    ...(l.expiry ? { expiry: formats.ddMonYy(l.expiry) } : {}),
    multiplier: '1',
    openInterest: String(state.oi),
    previousOpenInterest: String(state.prevOi),
    delta: fixed(g.delta, 2),
    vega: fixed(g.vega, 2),
    theta: fixed(g.theta, 2),
    gamma: fixed(g.gamma, 4),
  };
}

export function indexDetails(market: Market, index: MarketIndex) {
  const state = market.state(index);
  const d = day(state);
  const r = (n: number) => Number(n.toFixed(2));
  return {
    indexName: index.displayName,
    listingId: String(index.listingId),
    lastTradedTime: formats.indexTime(lastTradedAt(state)),
    spotPrice: r(state.ltp),
    changePercentage: r(d.changePct),
    averagePrice: 0,
    openValue: r(d.open),
    highValue: r(d.high),
    lowValue: r(d.low),
    closeValue: r(state.prevClose),
    totalBuyQuantity: 0,
    totalSellQuantity: 0,
    totalTradedValue: 0,
    totalTradedVolume: 0,
    change: r(d.change),
  };
}

/** The ATM strike's volatility: the option of the same underlying, expiry and type whose strike is nearest the spot. */
function atmIv(market: Market, i: Instrument): number {
  const spot = market.spot(i);
  if (spot === null || !i.optionType) return 0;
  let best: Instrument | undefined;
  for (const o of market.instruments()) {
    if (o.underlying !== i.underlying || o.expiry !== i.expiry || o.optionType !== i.optionType || o.exchange !== i.exchange || o.strike === null) continue;
    if (!best || Math.abs(o.strike - spot) < Math.abs(best.strike! - spot)) best = o;
  }
  return best ? market.greeks(best).iv : 0;
}

export function marketDepth(market: Market, i: Instrument) {
  const state = market.state(i);
  const book = market.book(i, state);
  const t = totals(book);
  const g = market.greeks(i, state);
  const p = (n: number) => px(n, i.tickSize);
  return {
    tradingSymbol: i.tradingSymbol,
    symbol: symbolCodeOf(i),
    exc: scripExchange(i.exchange),
    tBuyQty: String(t.buy),
    tSellQty: String(t.sell),
    iv: fixed(g.iv, 2),
    atmIV: fixed(isOption(i) ? atmIv(market, i) : 0, 2),
    delta: fixed(g.delta, 2),
    gamma: fixed(g.gamma, 4),
    theta: fixed(g.theta, 2),
    vega: fixed(g.vega, 2),
    bestFiveBid: book.bids.map((l) => ({ bidNumber: String(l.orders), bidSize: String(l.quantity), bidPrice: p(l.price) })),
    bestFiveAsk: book.asks.map((l) => ({ askNumber: String(l.orders), askSize: String(l.quantity), askPrice: p(l.price) })),
  };
}

export function searchResult(i: Instrument) {
  return {
    exchange: scripExchange(i.exchange),
    tradingSymbol: i.tradingSymbol,
    quantityInLots: String(i.lotSize),
    instrument: i.instrument,
    scripDescription: i.description,
    isin: i.isin,
    bodLotQuantity: String(i.lotSize),
    tickSize: trimmed(i.tickSize),
  };
}

const chainBook = (book: ReturnType<Market['book']>, tick: number) => ({
  bestBids: book.bids.map((l, n) => ({ number: n + 1, quantity: String(l.quantity), price: px(l.price, tick) })),
  bestAsks: book.asks.map((l, n) => ({ number: n + 1, quantity: String(l.quantity), price: px(l.price, tick) })),
});

const oiFigures = (state: PriceState, lot: number) => ({
  openInterest: state.oi,
  openInterestInLot: Math.floor(state.oi / lot),
  openInterestChange: state.oi - state.prevOi,
  openInterestChangeInLot: Math.trunc((state.oi - state.prevOi) / lot),
  oichangePer: state.prevOi === 0 ? (state.oi === 0 ? '0.00' : 'Infinity') : fixed(pct(state.oi - state.prevOi, state.prevOi), 2),
});

export function optionChainItem(market: Market, i: Instrument) {
  const state = market.state(i);
  const g = market.greeks(i, state);
  return {
    tradingSymbol: i.tradingSymbol,
    exchange: scripExchange(i.exchange),
    symbol: symbolCodeOf(i),
    strikePrice: (i.strike ?? 0).toFixed(4),
    expiryDate: i.expiry ?? '',
    instrument: i.instrument,
    optionType: i.optionType ?? '',
    underLyingSymbol: i.underlying,
    spotPrice: px(market.spot(i) ?? 0),
    lastTradedPrice: state.ltp,
    ...oiFigures(state, i.lotSize),
    volume: state.volume,
    impliedVolatility: fixed(g.iv, 4),
    delta: fixed(g.delta, 4),
    gamma: fixed(g.gamma, 6),
    theta: fixed(g.theta, 4),
    vega: fixed(g.vega, 4),
    ...chainBook(market.book(i, state), i.tickSize),
  };
}

export function futureChainItem(market: Market, i: Instrument) {
  const state = market.state(i);
  return {
    tradingSymbol: i.tradingSymbol,
    exchange: scripExchange(i.exchange),
    symbol: symbolCodeOf(i),
    expiryDate: i.expiry ?? '',
    instrument: i.instrument,
    underLyingSymbol: i.underlying,
    spotPrice: Number((market.spot(i) ?? 0).toFixed(2)),
    lastTradedPrice: px(state.ltp, i.tickSize),
    ...oiFigures(state, i.lotSize),
    volume: state.volume,
    impliedVolatility: '0',
    delta: '0',
    gamma: '0',
    theta: '0',
    vega: '0',
    ...chainBook(market.book(i, state), i.tickSize),
  };
}

/** Candle prices print without padding ("689.9"), as the samples do. */
const cp = (n: number) => String(Number(n.toFixed(4)));

export const intradayRow = (bar: MinuteBar, index: boolean) => ({
  dateTime: formats.candleTime(bar.at),
  open: cp(bar.open),
  high: cp(bar.high),
  low: cp(bar.low),
  close: cp(bar.close),
  volume: index ? '0' : String(bar.volume),
});

export const historicalRow = (bar: DailyBar, index: boolean) => ({
  date: formats.isoDay(bar.day),
  open: cp(bar.open),
  high: cp(bar.high),
  low: cp(bar.low),
  close: cp(bar.close),
  ltp: cp(bar.close),
  volume: index ? '0' : String(bar.volume),
});

/** The stream's L1 tick (`quote`): all strings; `c` is the previous close, so ch = ltp - c. */
export function quoteTick(market: Market, l: Listing) {
  const state = market.state(l);
  const d = day(state);
  const tick = l.tickSize;
  const p = (n: number) => px(n, tick);
  const book = market.book(l, state);
  const t = totals(book);
  const derivative = !isIndex(l) && l.instrument !== 'EQ';
  const at = lastTradedAt(state);
  return {
    response: {
      data: {
        sym: symbolCodeOf(l),
        ltp: p(state.ltp),
        ltq: String(state.ltq),
        o: p(d.open),
        h: p(d.high),
        l: p(d.low),
        c: p(state.prevClose),
        ch: p(d.change),
        chPer: fixed(d.changePct, 2),
        avgPr: p(d.average),
        vol: String(state.volume),
        ttv: fixed(state.value, 2),
        tBQ: String(t.buy),
        tSQ: String(t.sell),
        bPr: p(book.bids[0]?.price ?? 0),
        bSz: String(book.bids[0]?.quantity ?? 0),
        aPr: p(book.asks[0]?.price ?? 0),
        aSz: String(book.asks[0]?.quantity ?? 0),
        oI: derivative ? String(state.oi) : '',
        oIChg: derivative ? fixed(pct(state.oi - state.prevOi, state.prevOi), 2) : '',
        yH: p(state.yearHigh),
        yL: p(state.yearLow),
        lTrdT: formats.ampm(at),
        ltt: formats.ampm(at),
        lttUTC: formats.ampm(at, 0),
      },
      streaming_type: 'quote' as const,
    },
  };
}

/** The stream's depth tick (`quote2`): five levels each side, totals, Greeks ("0.00" for cash), times dd/MM/yyyy. */
export function quote2Tick(market: Market, l: Listing) {
  const state = market.state(l);
  const tick = l.tickSize;
  const book = market.book(l, state);
  const t = totals(book);
  const g = isIndex(l) ? { iv: 0, delta: 0, gamma: 0, theta: 0, vega: 0 } : market.greeks(l, state);
  const at = lastTradedAt(state);
  const level = (x: { orders: number; price: number; quantity: number }) => ({ no: String(x.orders), price: px(x.price, tick), qty: String(x.quantity) });
  return {
    response: {
      data: {
        symbol: symbolCodeOf(l),
        bidValues: book.bids.map(level),
        askValues: book.asks.map(level),
        tbq: String(t.buy),
        taq: String(t.sell),
        delta: fixed(g.delta, 2),
        gamma: fixed(g.gamma, 2),
        theta: fixed(g.theta, 2),
        vega: fixed(g.vega, 2),
        iv: fixed(g.iv, 2),
        ltt: formats.slashed(at),
        lttUTC: formats.slashed(at, 0),
      },
      streaming_type: 'quote2' as const,
    },
  };
}

/** The ScripMaster, one line per listing, in Samco's columns (no field needs quoting). */
export function scripMasterCsv(market: Market, columns: readonly string[]): string {
  const lines = [columns.join(',')];
  for (const i of market.instruments()) {
    const exchange = scripExchange(i.exchange);
    lines.push(
      [
        exchange,
        exchange,
        symbolCodeOf(i),
        i.tradingSymbol,
        i.instrument === 'EQ' ? i.symbolName : i.underlying,
        px(i.previousClose, i.tickSize),
        i.instrument,
        i.lotSize,
        i.strike ?? 0,
        i.expiry ?? '',
        i.tickSize,
      ].join(','),
    );
  }
  for (const x of market.indices()) lines.push(['INDEX', x.exchange, symbolCodeOf(x), x.name, x.name, px(x.previousClose, x.tickSize), 'INDEX', 1, 0, '', x.tickSize].join(','));
  return `${lines.join('\n')}\n`;
}

/** GET /indexData's payload: every figure a two-decimal string, latestTime the current minute (IST). */
export function personalIndexJson(accountName: string, f: PersonalIndex, now: number) {
  const p = parts(now);
  const owner = accountName.trim().split(/\s+/)[0] || 'Personal';
  return {
    indexName: maskWords(`${owner} Index`),
    networth: amount(f.networth),
    indexData: {
      index: amount(f.index),
      indexChange: amount(f.indexChange),
      indexChangePercentage: amount(f.indexChangePercentage),
      latestTime: `${p.y}-${two(p.mo + 1)}-${p.d} ${two(p.h)}:${p.mi}:00`,
      networthChange: amount(f.networthChange),
      networthChangePercentage: amount(f.networthChangePercentage),
      fundReceipt: amount(f.fundReceipt),
    },
  };
}
