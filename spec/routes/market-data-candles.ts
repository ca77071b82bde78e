import { createRoute } from '@hono/zod-openapi';
import {
  HistoricalCandleQuery,
  HistoricalCandleResponse,
  IndexHistoricalCandleQuery,
  IndexHistoricalCandleResponse,
  IndexIntradayCandleQuery,
  IndexIntradayCandleResponse,
  IntradayCandleQuery,
  IntradayCandleResponse,
} from '../schemas/market-data-candles.js';
import { SESSION_ERRORS, okJson } from '../responses.js';
import { failuresWithNoSymbol, MARKET_TEXT } from './market-data-shared.js';

const tags = ['Candles'];
const security = [{ sessionToken: [] }];

const INTRADAY = `Candles of the session minutes only (09:15-15:30 IST), counted from 09:15 (a 5-minute candle starts at 09:15, 09:20, ...), built from the trades of the simulated market: a candle's high and low bound every trade in it and the last candle's close is the current price. Minutes without trades have no candle (the sandbox invents no trades). dateTime is printed "yyyy-MM-dd HH:mm:ss.0", as every SDK sample prints it (the docs' own sample omits ".0"); values are strings, prices without padding. fromDate is required; toDate defaults to now; interval defaults to 1. A date that is not yyyy-MM-dd HH:mm:ss, or an interval not in the list, is a 400 validation failure.`;
const DAILY = `One candle per trading day (Monday to Friday) from fromDate to toDate (today when absent: the docs say both "yesterday" and "today"; the sandbox includes today once it has traded). Days the simulated market traded are built from its trades (today's close is the current price); earlier days are generated from the seed, walking back from each listing's previous close, so the same seed gives the same history; a trading day without trades after that is a flat candle at the previous close with volume 0. ltp equals close. Dates are yyyy-MM-dd.`;

export const intradayCandleData = createRoute({
  operationId: 'intradayCandleData',
  method: 'get',
  path: '/intraday/candleData',
  tags,
  summary: 'Intraday candles of a scrip',
  description: `${INTRADAY} ${MARKET_TEXT}`,
  security,
  request: { query: IntradayCandleQuery },
  responses: { ...okJson(IntradayCandleResponse, 'Request successful'), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const indexIntradayCandleData = createRoute({
  operationId: 'indexIntradayCandleData',
  method: 'get',
  path: '/intraday/indexCandleData',
  tags,
  summary: 'Intraday candles of an index',
  description: `The docs' payload key indexIntraDayCandleData (the Java SDK reads intradayCandleData and sees an empty list); volume "0". ${INTRADAY} ${MARKET_TEXT}`,
  security,
  request: { query: IndexIntradayCandleQuery },
  responses: { ...okJson(IndexIntradayCandleResponse, 'Index details retrieved successfully.'), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const historicalCandleData = createRoute({
  operationId: 'historicalCandleData',
  method: 'get',
  path: '/history/candleData',
  tags,
  summary: 'Daily candles of a scrip',
  description: `${DAILY} ${MARKET_TEXT}`,
  security,
  request: { query: HistoricalCandleQuery },
  responses: { ...okJson(HistoricalCandleResponse, 'Request successful'), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const indexHistoricalCandleData = createRoute({
  operationId: 'indexHistoricalCandleData',
  method: 'get',
  path: '/history/indexCandleData',
  tags,
  summary: 'Daily candles of an index',
  description: `Payload key indexCandleData; volume "0". ${DAILY} ${MARKET_TEXT}`,
  security,
  request: { query: IndexHistoricalCandleQuery },
  responses: { ...okJson(IndexHistoricalCandleResponse, 'Index details retrieved successfully.'), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});
