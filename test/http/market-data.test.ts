import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FIXTURES, readFixtureFile } from '../../mock/server.js';
import { harness } from './harness.js';

/**
 * The published request/response samples of chapters 07 (market data) and 12 (candles), as a
 * table: each request as Samco's sample sends it (our symbols where theirs are not listed), each
 * answer holding the sample's keys with the sample's JSON types. Chapter 13's frames are in
 * stream.test.ts. Every answer is also checked against the spec by the sandbox's response check.
 */
type Json = Record<string, any>;

const fixtures = readFixtureFile(DEFAULT_FIXTURES);
const fixtureApp = fixtures.accounts.flatMap((a) => a.apps ?? []).find((a) => a.apiKey && a.apiSecret)!;
/** Tuesday 1 December 2026, 10:00 IST: the market is open. */
const OPEN = Date.UTC(2026, 11, 1, 4, 30, 0);

const h = harness({ fixtures });
let headers: Record<string, string>;

beforeAll(async () => {
  h.clock.set(OPEN);
  const session = await h.request('POST', '/session/token', { body: { apiKey: fixtureApp.apiKey, apiSecret: fixtureApp.apiSecret } });
  headers = { 'x-session-token': session.body.sessionToken, Accept: 'application/json' };
});

const get = (path: string) => h.request('GET', path, { headers });
const post = (path: string, body: unknown) => h.request('POST', path, { headers, body });

/** The value's JSON type as the samples print it: string, number, array, object. */
const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
function sameShape(actual: Json, sample: Record<string, string>) {
  for (const [key, type] of Object.entries(sample)) expect([key, typeOf(actual[key])]).toEqual([key, type]);
}
const strings = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 'string']));
const numbers = (...keys: string[]) => Object.fromEntries(keys.map((k) => [k, 'number']));

const QUOTE_EQ = strings(
  'symbolName',
  'tradingSymbol',
  'exchange',
  'companyName',
  'lastTradedTime',
  'lastTradedPrice',
  'previousClose',
  'changeValue',
  'changePercentage',
  'lastTradedQuantity',
  'lowerCircuitLimit',
  'upperCircuitLimit',
  'averagePrice',
  'openValue',
  'highValue',
  'lowValue',
  'closeValue',
  'totalBuyQuantity',
  'totalSellQuantity',
  'totalTradedValue',
  'totalTradedVolume',
  'yearlyHighPrice',
  'yearlyLowPrice',
  'tickSize',
  'listingId',
);
const QUOTE_FO = strings('openInterest', 'openInterestChange', 'oIChangePer', 'instrument', 'expiryDate', 'spotPrice', 'lotQuantity');
const MULTI = strings(
  'exchange',
  'symbolName',
  'tradingSymbol',
  'companyName',
  'isin',
  'lotSize',
  'averagePrice',
  'totalTradeVolume',
  'symbol',
  'lastTradeTime',
  'lastTradeQuantity',
  'lastTradePrice',
  'misMultiplier',
  'change',
  'changePercent',
  'open',
  'close',
  'previousClose',
  'low',
  'high',
  'tickSize',
  'bidSize',
  'bidPrice',
  'totalTradedValue',
  'askSize',
  'askPrice',
  'iv',
);
const MULTI_FO = strings('optionType', 'instrumentType', 'strikePrice', 'expiry', 'multiplier', 'openInterest', 'previousOpenInterest', 'delta', 'vega', 'theta', 'gamma');
const INDEX = {
  ...strings('indexName', 'listingId', 'lastTradedTime'),
  ...numbers(
    'spotPrice',
    'changePercentage',
    'averagePrice',
    'openValue',
    'highValue',
    'lowValue',
    'closeValue',
    'totalBuyQuantity',
    'totalSellQuantity',
    'totalTradedValue',
    'totalTradedVolume',
    'change',
  ),
};
const DEPTH = { ...strings('tradingSymbol', 'vega', 'theta', 'gamma', 'symbol', 'tBuyQty', 'iv', 'tSellQty', 'atmIV', 'delta', 'exc'), bestFiveAsk: 'array', bestFiveBid: 'array' };
const OPTION = {
  ...strings(
    'tradingSymbol',
    'exchange',
    'symbol',
    'strikePrice',
    'expiryDate',
    'instrument',
    'optionType',
    'underLyingSymbol',
    'spotPrice',
    'oichangePer',
    'impliedVolatility',
    'delta',
    'gamma',
    'theta',
    'vega',
  ),
  ...numbers('lastTradedPrice', 'openInterest', 'openInterestInLot', 'openInterestChange', 'openInterestChangeInLot', 'volume'),
  bestBids: 'array',
  bestAsks: 'array',
};
const FUTURE = {
  ...strings('tradingSymbol', 'exchange', 'symbol', 'expiryDate', 'instrument', 'underLyingSymbol', 'lastTradedPrice', 'oichangePer', 'impliedVolatility', 'delta', 'gamma', 'theta', 'vega'),
  ...numbers('spotPrice', 'openInterest', 'openInterestInLot', 'openInterestChange', 'openInterestChangeInLot', 'volume'),
  bestBids: 'array',
  bestAsks: 'array',
};
const INTRADAY = strings('dateTime', 'open', 'high', 'low', 'close', 'volume');
const DAILY = strings('date', 'open', 'high', 'low', 'close', 'ltp', 'volume');

/** The chapter 07 sample's request, with NIFTY options for its HDFCBANK ones. */
const ANALYSER_BODY = {
  exchange: 'NFO',
  contracts: [
    { tradingSymbol: 'NIFTY29DEC2626000CE', transactionType: 'Buy', price: '310.50', lot: '2' },
    { tradingSymbol: 'NIFTY29DEC2626200CE', transactionType: 'SELL', price: '296.65', lot: '2' },
  ],
  targetDate: '2026-12-11',
};
const ANALYSER = {
  ...strings('symbol', 'symbolName', 'change', 'changePer', 'exchange', 'breakeven1', 'breakeven2', 'maxProfit', 'sMaxProfit', 'maxLoss', 'sMaxLoss'),
  ...strings('sNetTheta', 'sNetDelta', 'sNetGamma', 'sNetVega', 'sRRRatio', 'estimatedMargin', 'targetExpiryDate', 'lotSize'),
  noOfStrategyLegs: 'number',
  strategyLegs: 'array',
  plDataByPricePointPayoffChart: 'array',
};
const ANALYSER_LEG = strings(
  'tradingSymbol',
  'symName',
  'symbol',
  'optionType',
  'instrument',
  'expiry',
  'lotSize',
  'quantity',
  'lTP',
  'avgPrc',
  'askPrice',
  'bidPrice',
  'openInterest',
  'strategyLegType',
  'strategyExpiryType',
  'upperCktLimit',
  'lowerCktLimit',
  'tickSize',
);

type Row = { name: string; send: () => Promise<{ status: number; body: Json }>; message: string; pick: (b: Json) => Json; shape: Record<string, string> };

const TABLE: Row[] = [
  {
    name: 'getQuote SBIN NSE (Node sample getQuote.ts)',
    send: () => get('/quote/getQuote?symbolName=SBIN&exchange=NSE'),
    message: 'Quote details retrieved successfully',
    pick: (b) => b.quoteDetails,
    shape: QUOTE_EQ,
  },
  {
    name: 'getQuote of an option (F&O fields)',
    send: () => get('/quote/getQuote?symbolName=NIFTY29DEC2626000PE&exchange=NFO'),
    message: 'Quote details retrieved successfully',
    pick: (b) => b.quoteDetails,
    shape: QUOTE_FO,
  },
  { name: 'multiQuote {NSE:[TCS]}', send: () => post('/quote/multiQuote', { NSE: ['TCS'] }), message: 'Multiquotes data retrieved successfully', pick: (b) => b.multiQuotes[0], shape: MULTI },
  {
    name: 'multiQuote of a derivative',
    send: () => post('/quote/multiQuote', { NFO: ['NIFTY29DEC2626000CE'] }),
    message: 'Multiquotes data retrieved successfully',
    pick: (b) => b.multiQuotes[0],
    shape: MULTI_FO,
  },
  { name: 'indexQuote Sensex', send: () => get('/quote/indexQuote?indexName=Sensex'), message: 'Index Quote details retrieved successfully', pick: (b) => b.indexDetails[0], shape: INDEX },
  {
    name: 'marketDepth {exchange:BFO, symbolName}',
    send: () => post('/marketDepth', { exchange: 'NFO', symbolName: 'NIFTY29DEC2625800PE' }),
    message: 'Market depth data retrieved successfully',
    pick: (b) => b.MarketDepthDetails.marketDepth,
    shape: DEPTH,
  },
  {
    name: 'eqDervSearch BFO prefix',
    send: () => get('/eqDervSearch/search?exchange=BFO&searchSymbolName=SENSEX'),
    message: 'Request successful',
    pick: (b) => b.searchResults[0],
    shape: strings('exchange', 'tradingSymbol', 'quantityInLots', 'instrument'),
  },
  {
    name: 'optionChain NIFTY expiry/strike/type',
    send: () => get('/option/optionChain?searchSymbolName=NIFTY&exchange=NFO&expiryDate=2026-12-29&strikePrice=26000&optionType=PE'),
    message: 'OptionChain details retrived successfully. ',
    pick: (b) => b.optionChainDetails[0],
    shape: OPTION,
  },
  {
    name: 'futureChain SENSEX BFO',
    send: () => get('/future/futureChain?searchSymbolName=SENSEX&exchange=BFO'),
    message: 'Future chain details retrived successfully. ',
    pick: (b) => b.futureChainDetails[0],
    shape: FUTURE,
  },
  {
    name: 'intraday candleData with %20/%3A-encoded dates',
    send: () => get('/intraday/candleData?symbolName=SBIN&exchange=NSE&fromDate=2026-12-01%2009%3A15%3A00&toDate=2026-12-01%2015%3A30%3A00&interval=5'),
    message: 'Request successful',
    pick: (b) => b.intradayCandleData[0],
    shape: INTRADAY,
  },
  {
    name: 'intraday indexCandleData (one-digit hour)',
    send: () => get('/intraday/indexCandleData?indexName=NIFTY%2050&fromDate=2026-12-01%209:28:00'),
    message: 'Index details retrieved successfully.',
    pick: (b) => b.indexIntraDayCandleData[0],
    shape: INTRADAY,
  },
  {
    name: 'history candleData',
    send: () => get('/history/candleData?symbolName=SBIN&exchange=NSE&fromDate=2026-11-01&toDate=2026-12-01'),
    message: 'Request successful',
    pick: (b) => b.historicalCandleData[0],
    shape: DAILY,
  },
  {
    name: 'history indexCandleData',
    send: () => get('/history/indexCandleData?indexName=SENSEX&fromDate=2026-11-01'),
    message: 'Index details retrieved successfully.',
    pick: (b) => b.indexCandleData[0],
    shape: DAILY,
  },
  {
    name: 'indexData (chapter 06 Personal Index): indexData, every value a string',
    send: () => get('/indexData'),
    message: 'Index Data retrieved successfully',
    pick: (b) => ({ ...b.indexData, ...b.indexData.indexData }),
    shape: {
      ...strings('indexName', 'networth', 'index', 'indexChange', 'indexChangePercentage', 'latestTime', 'networthChange', 'networthChangePercentage', 'fundReceipt'),
      indexData: 'object',
    },
  },
  {
    name: 'contractsAnalyser {exchange, contracts: Buy + SELL, targetDate} (strategyInfo)',
    send: () => post('/contractsAnalyser', ANALYSER_BODY),
    message: 'Contracts analysis report is successfully generated.',
    pick: (b) => b.analyseReport.strategyInfo,
    shape: ANALYSER,
  },
  {
    name: 'contractsAnalyser: a strategy leg',
    send: () => post('/contractsAnalyser', ANALYSER_BODY),
    message: 'Contracts analysis report is successfully generated.',
    pick: (b) => b.analyseReport.strategyInfo.strategyLegs[1],
    shape: ANALYSER_LEG,
  },
  {
    name: 'contractsAnalyser: a payoff point (JSON integers)',
    send: () => post('/contractsAnalyser', ANALYSER_BODY),
    message: 'Contracts analysis report is successfully generated.',
    pick: (b) => b.analyseReport.strategyInfo.plDataByPricePointPayoffChart[0],
    shape: numbers('pricePoint', 'pricePointProfitLoss', 'pricePointProfitLossOnUserExpiry'),
  },
];

describe('the published samples of chapters 07 and 12 (our data, their shapes)', () => {
  beforeAll(async () => {
    // Trades during the session, so that intraday candles exist.
    h.domain.market.setPrice('NSE', 'SBIN', 814.5, 20);
    h.domain.market.setIndexValue('NIFTY 50', 26130);
  });

  it.each(TABLE)('$name', async ({ send, message, pick, shape }) => {
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'Success', statusMessage: message });
    sameShape(pick(res.body), shape);
  });
});

describe('market data reads the one price source', () => {
  it('a price set by the control API shows in getQuote, multiQuote, depth, the chain and the candles alike', async () => {
    h.domain.market.setPrice('NFO', 'NIFTY29DEC2626000CE', 333.35, 65);
    const quote = (await get('/quote/getQuote?symbolName=nifty29dec2626000ce&exchange=NFO')).body.quoteDetails;
    const multi = (await post('/quote/multiQuote', { NFO: ['NIFTY29DEC2626000CE'] })).body.multiQuotes[0];
    const depth = (await post('/marketDepth', { exchange: 'NFO', symbolName: 'NIFTY29DEC2626000CE' })).body.MarketDepthDetails.marketDepth;
    const chain = (await get('/option/optionChain?searchSymbolName=NIFTY&strikePrice=26000.00&optionType=CE')).body.optionChainDetails;
    const candles = (await get('/intraday/candleData?symbolName=NIFTY29DEC2626000CE&exchange=NFO&fromDate=2026-12-01%2009:15:00')).body.intradayCandleData;
    expect(quote.lastTradedPrice).toBe('333.35');
    expect(multi.lastTradePrice).toBe('333.35');
    expect(depth.bestFiveBid[0].bidPrice).toBe('333.30');
    expect(depth.bestFiveAsk[0].askPrice).toBe('333.40');
    expect(chain).toHaveLength(1);
    expect(chain[0].lastTradedPrice).toBe(333.35);
    expect(candles.at(-1).close).toBe('333.35');
  });

  it('multiQuote lists what does not resolve in invalidSymbol and still succeeds; indices by name', async () => {
    const res = await post('/quote/multiQuote', { NSE: ['TCS', 'NOSUCH'], INDEX: ['NIFTY 50', 'NIFTY UNKNOWN'] });
    expect(res.status).toBe(200);
    expect(res.body.invalidSymbol).toEqual(['NOSUCH', 'NIFTY UNKNOWN']);
    expect(res.body.multiQuotes.map((q: Json) => q.symbol)).toEqual(['11536_NSE', '-21']);
    expect(res.body.multiQuotes[1]).toMatchObject({ lotSize: '-', tickSize: '-' });
  });

  it('an unknown symbol is the published 400 without msgId, on every call that names one', async () => {
    for (const res of [
      await post('/marketDepth', { exchange: 'BFO', symbolName: 'BANKEX2450656000CE' }),
      await get('/quote/getQuote?symbolName=NOSUCH'),
      await get('/quote/indexQuote?indexName=NOSUCH'),
      await get('/option/optionChain?searchSymbolName=NOSUCH'),
      await get('/history/candleData?symbolName=NOSUCH&fromDate=2026-11-01'),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        serverTime: expect.stringMatching(/^\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d$/),
        status: 'Failure',
        statusMessage: 'No Symbol found for the provided symbol name and exchange.',
      });
    }
  });

  it('contractsAnalyser: missing contracts or an unknown one is the published 400 without msgId; no analysis[] key', async () => {
    for (const body of [
      { exchange: 'NFO', targetDate: '2026-12-11' },
      { ...ANALYSER_BODY, contracts: [{ tradingSymbol: 'HDFCBANK24OCT1510CE', transactionType: 'Buy', price: '152.75', lot: '2' }] },
    ]) {
      const res = await post('/contractsAnalyser', body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(['serverTime', 'status', 'statusMessage']);
      expect(res.body.statusMessage).toBe('No Symbol found for the provided symbol name and exchange.');
    }
    const ok = await post('/contractsAnalyser', ANALYSER_BODY);
    const info = ok.body.analyseReport.strategyInfo;
    expect(Object.keys(ok.body.analyseReport)).toEqual(['strategyInfo']);
    expect(info).toMatchObject({ symbol: '-21', symbolName: 'NIFTY', exchange: 'NSE', noOfStrategyLegs: 2, targetExpiryDate: '29 Dec 26', lotSize: '65' });
    expect(info.strategyLegs.map((l: Json) => [l.strategyLegType, l.quantity, l.avgPrc])).toEqual([
      ['LONG CALL', '130', '310.50'],
      ['SHORT CALL', '130', '296.65'],
    ]);
    // A net debit of 310.50 - 296.65 = 13.85 x 130 = 1,800.50 is the most it loses; it gains at most (200 - 13.85) x 130 = 24,199.50.
    expect([info.maxProfit, info.maxLoss, info.breakeven1, info.breakeven2]).toEqual(['24,200', '1,801', '26013.85', 'NA']);
    expect(info.sRRRatio).toBe(`1: ${(24200 / 1801).toFixed(2)}`);
  });

  it('candles refuse malformed dates and unknown intervals; empty chains filters give an empty list', async () => {
    expect((await get('/intraday/candleData?symbolName=SBIN&fromDate=2026-12-01')).status).toBe(400);
    expect((await get('/intraday/candleData?symbolName=SBIN&fromDate=2026-12-01%2009:15:00&interval=7')).body.statusMessage).toMatch(/interval/);
    expect((await get('/option/optionChain?searchSymbolName=NIFTY&strikePrice=1')).body.optionChainDetails).toEqual([]);
  });

  it('serves the ScripMaster with Samco columns, no authentication', async () => {
    const res = await h.app.request('/doc/ScripMaster.csv');
    const lines = (await res.text()).trim().split('\n');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(lines[0]).toBe('exchange,exchangeSegment,symbolCode,tradingSymbol,name,lastPrice,instrument,lotSize,strikePrice,expiryDate,tickSize');
    expect(lines).toContain('NSE,NSE,3045_NSE,SBIN-EQ,SBIN,812.40,EQ,1,0,,0.05');
    expect(lines.some((l) => l.startsWith('INDEX,NSE,-21,NIFTY 50,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('MFO,MFO,438612_MFO,CRUDEOIL26DECFUT,'))).toBe(true);
  });

  it('the control API replays a CSV of ticks and walks prices; candles follow', async () => {
    const replay = await h.request('POST', '/__sandbox/market/replay', { body: { csv: 'exchange,symbolName,price,volume\nNSE,ITC,456.1,10\nNSE,ITC,457.3,5\nINDEX,SENSEX,85600.5\n' } });
    expect(replay.body).toMatchObject({ status: 'Success', lines: 3, trades: 3 });
    const bad = await h.request('POST', '/__sandbox/market/replay', { body: { csv: 'NSE,ITC,458\nNSE,NOSUCH,1\n' } });
    expect(bad.status).toBe(400);
    expect(bad.body.statusMessage).toMatch(/Line 2/);
    expect(h.domain.market.ltp(h.domain.market.find('NSE', 'ITC')!)).toBe(457.3);
    const day = (await get('/intraday/candleData?symbolName=ITC&fromDate=2026-12-01%2009:15:00')).body.intradayCandleData;
    expect(day.at(-1)).toMatchObject({ high: '457.3', low: '456.1', close: '457.3', volume: '15' });
    const walk = await h.request('POST', '/__sandbox/market/walk', { body: { action: 'start', intervalMs: 60_000, symbols: ['1660_NSE'] } });
    expect(walk.body.walk).toMatchObject({ running: true, symbols: ['1660_NSE'], phase: 'open' });
    expect((await h.request('POST', '/__sandbox/market/walk', { body: { action: 'stop' } })).body.walk.running).toBe(false);
  });
});
