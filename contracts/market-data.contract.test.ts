import { once } from 'node:events';
import { describe, inject, it } from 'vitest';
import WebSocket from 'ws';
import { call, requires } from './client.js';
import { createApp, newAccount, openSession, signIn } from './flows.js';
import type { Target } from './targets.js';

/**
 * Market data (chapter 07), candles (12) and the stream (13) on every target: on the sandbox
 * against its state (a price set through the control API shows in every view and on the stream),
 * on Prism's mock shape-only (every answer of every operation valid against the spec). Requests
 * are the published samples' (symbols changed to the sandbox's ScripMaster). The market is one
 * per run, shared by every suite: these steps move ITC, NIFTY options and NIFTY 50 only.
 */
type Body = Record<string, any>;

async function sessionHeaders(target: Target): Promise<Record<string, string>> {
  const account = await newAccount(target);
  const auth = await signIn(target, account);
  const { apiKey, apiSecret } = await createApp(target, account, auth, 'Market Desk');
  return { 'x-session-token': await openSession(target, apiKey, apiSecret), Accept: 'application/json' };
}

const TODAY = () => new Date(Date.now() + 5.5 * 3600_000).toISOString().slice(0, 10);

/** Every market-data and candle operation with the published samples' request (our symbols). */
const INPUTS: Record<string, { query?: Record<string, string>; body?: Body }> = {
  getQuote: { query: { symbolName: 'SBIN', exchange: 'NSE' } },
  multiQuote: { body: { NSE: ['TCS'], INDEX: ['NIFTY 50'] } },
  indexQuote: { query: { indexName: 'NIFTY 50' } },
  marketDepth: { body: { exchange: 'NFO', symbolName: 'NIFTY29DEC2626000CE' } },
  eqDervSearch: { query: { exchange: 'NFO', searchSymbolName: 'NIFTY29DEC26' } },
  optionChain: { query: { searchSymbolName: 'NIFTY', exchange: 'NFO', expiryDate: '2026-12-29', strikePrice: '26000' } },
  futureChain: { query: { searchSymbolName: 'NIFTY', exchange: 'NFO' } },
  intradayCandleData: { query: { symbolName: 'ITC', exchange: 'NSE', fromDate: '2026-12-01 09:15:00', interval: '5' } },
  indexIntradayCandleData: { query: { indexName: 'NIFTY 50', fromDate: '2026-12-01 09:15:00' } },
  historicalCandleData: { query: { symbolName: 'ITC', exchange: 'NSE', fromDate: '2026-11-02' } },
  indexHistoricalCandleData: { query: { indexName: 'SENSEX', fromDate: '2026-11-02' } },
  indexData: {},
  contractsAnalyser: {
    body: {
      exchange: 'NFO',
      contracts: [
        { tradingSymbol: 'NIFTY29DEC2626000CE', transactionType: 'Buy', price: '310.50', lot: '2' },
        { tradingSymbol: 'NIFTY29DEC2626200CE', transactionType: 'SELL', price: '296.65', lot: '2' },
      ],
      targetDate: '2026-12-11',
    },
  },
};

describe.each(inject('targets'))('Samco market data, candles and the stream on $name', (target) => {
  it('answers every market-data and candle operation in its published shape, from one price source', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const headers = await sessionHeaders(target);
    await call(target, 'sandboxSetPrice', { body: { exchange: 'NSE', symbolName: 'ITC', price: 456.55, volume: 10 } }).expectStatus(200);
    for (const [operationId, input] of Object.entries(INPUTS)) {
      await call(target, operationId, { ...input, headers })
        .expectStatus(200)
        .expectJsonLike({ status: 'Success' });
    }
    const quote = (await call(target, 'getQuote', { query: { symbolName: 'itc' }, headers }).expectStatus(200)).json as Body;
    ctx.expect(quote.quoteDetails).toMatchObject({ lastTradedPrice: '456.55', listingId: '1660_NSE', tradingSymbol: 'ITC-EQ' });
    const multi = (await call(target, 'multiQuote', { body: { NSE: ['ITC', 'NOSUCH'] }, headers }).expectStatus(200)).json as Body;
    ctx.expect(multi.multiQuotes[0].lastTradePrice).toBe('456.55');
    ctx.expect(multi.invalidSymbol).toEqual(['NOSUCH']);
    const daily = (await call(target, 'historicalCandleData', { query: { symbolName: 'ITC', fromDate: '2026-11-02', toDate: TODAY() }, headers }).expectStatus(200)).json as Body;
    ctx.expect(daily.historicalCandleData.length).toBeGreaterThan(0);
    const report = (await call(target, 'contractsAnalyser', { ...INPUTS.contractsAnalyser, headers }).expectStatus(200)).json as Body;
    ctx.expect(report.analyseReport.strategyInfo).toMatchObject({ symbol: '-21', noOfStrategyLegs: 2, breakeven1: '26013.85', maxLoss: '1,801', maxProfit: '24,200' });
    const own = (await call(target, 'indexData', { headers }).expectStatus(200)).json as Body;
    ctx.expect(own.indexData.indexData).toMatchObject({ index: '100.00', fundReceipt: '0.00' });
  });

  it('refuses an unknown symbol with the published 400 (no msgId)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control');
    const headers = await sessionHeaders(target);
    const res = await call(target, 'marketDepth', { body: { exchange: 'BFO', symbolName: 'BANKEX2450656000CE' }, headers }).expectStatus(400);
    ctx.expect(Object.keys(res.json as Body).sort()).toEqual(['serverTime', 'status', 'statusMessage']);
    ctx.expect(res.json).toMatchObject({ status: 'Failure', statusMessage: 'No Symbol found for the provided symbol name and exchange.' });
  });

  it('streams a quote tick after a price change to a ws client at the root path (Samco Node sample frame)', async (ctx) => {
    requires(ctx, target, 'stateful', 'control', 'raw');
    const headers = await sessionHeaders(target);
    const ws = new WebSocket(target.baseUrl!.replace(/^http/, 'ws'), { headers: { 'x-session-token': headers['x-session-token']! } });
    const ticks: Body[] = [];
    const waiting: Array<() => void> = [];
    ws.on('message', (data) => {
      ticks.push(JSON.parse(data.toString()));
      for (const w of waiting.splice(0)) w();
    });
    await once(ws, 'open');
    const frame = { request: { streaming_type: 'quote', data: { symbols: [{ symbol: '1660_NSE' }] }, request_type: 'subscribe', response_format: 'json' } };
    ws.send(`${JSON.stringify(frame)}\n`);
    const until = async (match: (t: Body) => boolean) => {
      while (!ticks.some(match)) await new Promise<void>((resolve) => waiting.push(resolve));
    };
    await until((t) => t.response?.data?.sym === '1660_NSE');
    await call(target, 'sandboxSetPrice', { body: { exchange: 'NSE', symbolName: 'ITC', price: 457.05 } }).expectStatus(200);
    await until((t) => t.response?.data?.sym === '1660_NSE' && t.response.data.ltp === '457.05');
    ctx.expect(ticks.at(-1)!.response.streaming_type).toBe('quote');
    ws.close(1000, 'client shutdown');
  });

  it("answers every market-data and candle operation in the spec's shapes (shape only)", async (ctx) => {
    requires(ctx, target, 'sandboxed');
    if (target.capabilities.includes('stateful')) ctx.skip(`${target.name} answers from state: the stateful steps check its responses against the spec`);
    const headers = { 'x-session-token': 'eyJhbGciOiJIUzI1NiJ9.e30.made-up' };
    for (const [operationId, input] of Object.entries(INPUTS)) {
      const res = await call(target, operationId, { ...input, headers }).expectStatus(200);
      ctx.expect(typeof (res.json as Body).statusMessage, operationId).toBe('string');
    }
  });
});
