import { z } from '@hono/zod-openapi';
import { FailureEnvelope } from '../schemas/envelope.js';
import { NoSymbolFailure } from '../schemas/market-data.js';
import { MARKET_HOURS } from '../schemas/market-data-rules.js';
import { failures } from '../responses.js';
import { ERRORS, type ErrorCode } from '../errors.js';

/** What the market-data and candle operations share: the market's description, the no-symbol refusal, the ScripMaster's columns. */
const hm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** What every market-data description says about the simulated market behind it. */
export const MARKET_TEXT = `Every answer reads the simulated market's one price source (the same one orders fill against and the stream sends): the last traded price, the day's open, high, low, volume and value, the previous close, open interest and a five-level book one tick apart. Market hours follow the sandbox clock: pre-open ${hm(MARKET_HOURS.preOpen)}, open ${hm(MARKET_HOURS.open)}-${hm(MARKET_HOURS.close)} IST, Monday to Friday (no holiday calendar), the same hours for every segment; outside them prices move only through the control API. Before the day's first trade, open, high and low are the last price and lastTradedTime is the previous session's close. Not IP-restricted (Samco restricts only order writes).`;

export const NO_SYMBOL_BODY = `answered 400 {serverTime, status:"Failure", statusMessage:"${ERRORS.MARKET_SYMBOL_NOT_FOUND.message}"} without msgId`;
export const NO_SYMBOL = `An unknown symbol (or exchange) is answered 400 {serverTime, status:"Failure", statusMessage:"${ERRORS.MARKET_SYMBOL_NOT_FOUND.message}"} without msgId, the one market-data refusal Samco publishes (marketDepth, contractsAnalyser); the sandbox uses it wherever Samco is silent.`;

/** The refusals of a market-data call; its 400s: input errors in the usual envelope, the unknown symbol in the published no-msgId shape. Typed `{}` like failures(). */
export function failuresWithNoSymbol(...codes: readonly ErrorCode[]): {} {
  const out = failures(...codes, 'MARKET_SYMBOL_NOT_FOUND') as Record<
    number,
    { description: string; content: { 'application/json': { schema: unknown; examples: Record<string, { summary: string; value: unknown }> } } }
  >;
  const bad = out[400]!.content['application/json'];
  bad.schema = z.union([FailureEnvelope, NoSymbolFailure]);
  bad.examples.MARKET_SYMBOL_NOT_FOUND = {
    summary: 'no such symbol (as published: no msgId)',
    value: { serverTime: '14/05/24 13:49:07', status: 'Failure', statusMessage: ERRORS.MARKET_SYMBOL_NOT_FOUND.message },
  };
  out[400]!.description = 'Bad request: invalid input, or no such symbol';
  return out;
}

export const SCRIPMASTER_COLUMNS = ['exchange', 'exchangeSegment', 'symbolCode', 'tradingSymbol', 'name', 'lastPrice', 'instrument', 'lotSize', 'strikePrice', 'expiryDate', 'tickSize'] as const;
