import type { Context } from 'hono';
import { candles, marketData as routes } from '../../spec/routes/index.js';
import { SCRIPMASTER_COLUMNS } from '../../spec/routes/market-data-shared.js';
import { ERRORS } from '../../spec/errors.js';
import { CANDLE_RULES } from '../../spec/schemas/market-data-rules.js';
import { IST_OFFSET_MS, istDay } from '../domain/ist.js';
import { type Instrument, type Listing, isIndex } from '../domain/market/instruments.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { sessionOf } from './session-of.js';
import { personalIndex } from '../domain/personal-index.js';
import { personalIndexJson } from './market-data-present.js';
import { analyseContracts } from '../domain/market/contracts-analyser.js';
import { strategyInfoJson } from './contracts-analyser-present.js';
import { futureChainItem, scripMasterCsv, historicalRow, indexDetails, intradayRow, marketDepth, multiQuoteItem, optionChainItem, quoteDetails, searchResult } from './market-data-present.js';

/** The market-data (07) and candle (12) chapters: thin handlers over the domain's Market. */
export function marketDataRoutes(app: SandboxApp, { domain, reply }: HttpDeps) {
  const market = domain.market;

  /** The one published market-data refusal: 400, serverTime, status, statusMessage, no msgId. */
  const noSymbol = (c: Context) => {
    c.set('refusal', 'MARKET_SYMBOL_NOT_FOUND');
    return c.json({ serverTime: reply.serverTime(), status: 'Failure' as const, statusMessage: ERRORS.MARKET_SYMBOL_NOT_FOUND.message }, 400) as never;
  };
  const invalid = (c: Context, message: string) => reply.fail(c, { code: 'VALIDATION', message: `Invalid request: ${message}` });

  let csv: string | undefined;
  app.openapi(routes.scripMaster, (c) => {
    csv ??= scripMasterCsv(market, SCRIPMASTER_COLUMNS);
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' }) as never;
  });

  app.openapi(routes.getQuote, (c) => {
    const { symbolName, exchange } = c.req.valid('query');
    const instrument = market.lookup(exchange ?? 'NSE', symbolName);
    if (!instrument) return noSymbol(c);
    return c.json(reply.success('Quote details retrieved successfully', { quoteDetails: quoteDetails(market, instrument) }), 200);
  });

  app.openapi(routes.multiQuote, (c) => {
    const body = c.req.valid('json') as Record<string, string[] | undefined>;
    const found: Listing[] = [];
    const invalidSymbol: string[] = [];
    for (const [segment, names] of Object.entries(body)) {
      for (const name of names ?? []) {
        const listing = segment === 'INDEX' ? market.findIndex(name) : market.lookup(segment, name);
        if (listing) found.push(listing);
        else invalidSymbol.push(name);
      }
    }
    return c.json(reply.success('Multiquotes data retrieved successfully', { multiQuotes: found.map((l) => multiQuoteItem(market, l)), invalidSymbol }), 200);
  });

  app.openapi(routes.indexQuote, (c) => {
    const index = market.findIndex(c.req.valid('query').indexName);
    if (!index) return noSymbol(c);
    return c.json(reply.success('Index Quote details retrieved successfully', { indexDetails: [indexDetails(market, index)] }), 200);
  });

  app.openapi(routes.marketDepth, (c) => {
    const { symbolName, exchange } = c.req.valid('json');
    const instrument = market.lookup(exchange ?? 'NSE', symbolName);
    if (!instrument) return noSymbol(c);
    return c.json(reply.success('Market depth data retrieved successfully', { MarketDepthDetails: { marketDepth: marketDepth(market, instrument) } }), 200);
  });

  app.openapi(routes.search, (c) => {
    const { exchange, searchSymbolName } = c.req.valid('query');
    const segment = normalise(exchange ?? 'NSE');
    const prefix = searchSymbolName.trim().toUpperCase();
    const results = market
      .instruments()
      .filter((i) => i.exchange === segment && (i.symbolName.toUpperCase().startsWith(prefix) || i.tradingSymbol.toUpperCase().startsWith(prefix)))
      .map(searchResult);
    return c.json(reply.success('Request successful', { searchResults: results }), 200);
  });

  /** The derivatives of an underlying on a segment, in chain order (expiry, strike, CE before PE). */
  const chainOf = (underlying: string, exchange: string | undefined, options: boolean) => {
    const segment = normalise(exchange ?? 'NFO');
    const name = underlying.trim().toUpperCase();
    return market
      .instruments()
      .filter((i) => i.exchange === segment && i.underlying.toUpperCase() === name && i.instrument !== 'EQ' && (options ? i.optionType !== null : i.optionType === null))
      .sort((a, b) => (a.expiry ?? '').localeCompare(b.expiry ?? '') || (a.strike ?? 0) - (b.strike ?? 0) || (a.optionType ?? '').localeCompare(b.optionType ?? ''));
  };

  app.openapi(routes.optionChain, (c) => {
    const q = c.req.valid('query');
    const all = chainOf(q.searchSymbolName, q.exchange, true);
    if (all.length === 0) return noSymbol(c);
    const strike = q.strikePrice !== undefined ? Number(q.strikePrice) : null;
    const type = q.optionType?.trim().toUpperCase();
    const chosen = all.filter((i) => (!q.expiryDate || i.expiry === q.expiryDate.trim()) && (strike === null || i.strike === strike) && (!type || i.optionType === type));
    return c.json(reply.success('OptionChain details retrived successfully. ', { optionChainDetails: chosen.map((i) => optionChainItem(market, i)) }), 200);
  });

  app.openapi(routes.futureChain, (c) => {
    const q = c.req.valid('query');
    const all = chainOf(q.searchSymbolName, q.exchange, false);
    if (all.length === 0) return noSymbol(c);
    const chosen = all.filter((i) => !q.expiryDate || i.expiry === q.expiryDate.trim());
    return c.json(reply.success('Future chain details retrived successfully. ', { futureChainDetails: chosen.map((i) => futureChainItem(market, i)) }), 200);
  });

  /** An intraday request's window and interval, or what is wrong with it. */
  const intradayWindow = (q: { fromDate: string; toDate?: string; interval?: string }): { from: number; to: number; interval: number } | string => {
    const from = parseIstDateTime(q.fromDate);
    if (from === null) return 'fromDate: expected yyyy-MM-dd HH:mm:ss';
    const to = q.toDate === undefined ? domain.clock.now() + 1 : parseIstDateTime(q.toDate);
    if (to === null) return 'toDate: expected yyyy-MM-dd HH:mm:ss';
    const interval = q.interval === undefined ? CANDLE_RULES.defaultInterval : Number(q.interval);
    if (!(CANDLE_RULES.intervals as readonly number[]).includes(interval)) return `interval: expected one of ${CANDLE_RULES.intervals.join(', ')}`;
    // A candle is included when it starts inside the window; a toDate of 10:00:00 includes the 10:00 minute.
    return { from, to: q.toDate === undefined ? to : to + 1000, interval };
  };

  const dailyWindow = (q: { fromDate: string; toDate?: string }): { from: number; to: number } | string => {
    const from = parseIsoDay(q.fromDate);
    if (from === null) return 'fromDate: expected yyyy-MM-dd';
    const to = q.toDate === undefined ? istDay(domain.clock.now()) : parseIsoDay(q.toDate);
    if (to === null) return 'toDate: expected yyyy-MM-dd';
    return { from, to };
  };

  app.openapi(routes.indexData, (c) => {
    const auth = sessionOf(domain, c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { account } = auth.value;
    const figures = personalIndex(domain.portfolio, market, account);
    return c.json(reply.success('Index Data retrieved successfully', { indexData: personalIndexJson(account.name, figures, domain.clock.now()) }), 200);
  });

  app.openapi(routes.contractsAnalyser, (c) => {
    const { exchange, contracts, targetDate } = c.req.valid('json');
    const targetDay = parseIsoDay(targetDate);
    if (targetDay === null) return invalid(c, 'targetDate: expected yyyy-MM-dd');
    const parsed = (contracts ?? []).map((k) => ({ tradingSymbol: k.tradingSymbol, side: k.transactionType.toUpperCase() as 'BUY' | 'SELL', price: Number(k.price), lots: Number(k.lot) }));
    const analysis = analyseContracts(market, domain.bulk, domain.clock.now(), exchange, parsed, targetDay);
    if (!analysis.ok) return analysis.error.code === 'MARKET_SYMBOL_NOT_FOUND' ? noSymbol(c) : reply.fail(c, analysis.error);
    return c.json(reply.success('Contracts analysis report is successfully generated.', { analyseReport: { strategyInfo: strategyInfoJson(market, analysis.value) } }), 200);
  });

  app.openapi(candles.intradayCandleData, (c) => {
    const q = c.req.valid('query');
    const window = intradayWindow(q);
    if (typeof window === 'string') return invalid(c, window);
    const instrument = market.lookup(q.exchange ?? 'NSE', q.symbolName);
    if (!instrument) return noSymbol(c);
    const rows = market.intraday(instrument, window.from, window.to, window.interval).map((b) => intradayRow(b, false));
    return c.json(reply.success('Request successful', { intradayCandleData: rows }), 200);
  });

  app.openapi(candles.indexIntradayCandleData, (c) => {
    const q = c.req.valid('query');
    const window = intradayWindow(q);
    if (typeof window === 'string') return invalid(c, window);
    const index = market.findIndex(q.indexName);
    if (!index) return noSymbol(c);
    const rows = market.intraday(index, window.from, window.to, window.interval).map((b) => intradayRow(b, true));
    return c.json(reply.success('Index details retrieved successfully.', { indexIntraDayCandleData: rows }), 200);
  });

  app.openapi(candles.historicalCandleData, (c) => {
    const q = c.req.valid('query');
    const window = dailyWindow(q);
    if (typeof window === 'string') return invalid(c, window);
    const instrument: Instrument | undefined = market.lookup(q.exchange ?? 'NSE', q.symbolName);
    if (!instrument) return noSymbol(c);
    const rows = market.daily(instrument, window.from, window.to).map((b) => historicalRow(b, isIndex(instrument)));
    return c.json(reply.success('Request successful', { historicalCandleData: rows }), 200);
  });

  app.openapi(candles.indexHistoricalCandleData, (c) => {
    const q = c.req.valid('query');
    const window = dailyWindow(q);
    if (typeof window === 'string') return invalid(c, window);
    const index = market.findIndex(q.indexName);
    if (!index) return noSymbol(c);
    const rows = market.daily(index, window.from, window.to).map((b) => historicalRow(b, true));
    return c.json(reply.success('Index details retrieved successfully.', { indexCandleData: rows }), 200);
  });
}

/** MFO and MCX name the same commodity segment; exchanges in any case. */
const normalise = (exchange: string) => {
  const upper = exchange.trim().toUpperCase();
  return upper === 'MFO' ? 'MCX' : upper;
};

/** `yyyy-MM-dd H:mm:ss` (IST; a one-digit hour accepted, as one sample sends) -> epoch ms, or null. */
export function parseIstDateTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi, s) - IST_OFFSET_MS;
}

/** `yyyy-MM-dd` -> the IST day number, or null. */
export function parseIsoDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return Math.floor(Date.UTC(y, mo - 1, d) / 86_400_000);
}
