import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { CANDLE_RULES } from './market-data-rules.js';
import { Formats, MARKET_DATA_EXCHANGES } from './market-data.js';

/** The candle chapter (12): rows of strings, prices without fixed precision, volume an integer string. */
const price = z
  .string()
  .regex(/^\d+(\.\d+)?$/)
  .openapi({ example: '812.4' });
const volume = z.string().regex(/^\d+$/).openapi({ example: '3250', description: '"0" for an index' });

const intradayTime = (what: string) => z.string().openapi({ description: `${what}: yyyy-MM-dd HH:mm:ss, IST (a one-digit hour is accepted, as one sample sends)`, example: '2026-12-01 09:15:00' });
const isoDay = (what: string) => z.string().openapi({ description: `${what}: yyyy-MM-dd`, example: '2026-11-02' });
const interval = z
  .string()
  .optional()
  .openapi({ description: `Minutes per candle: ${CANDLE_RULES.intervals.join(', ')}; ${CANDLE_RULES.defaultInterval} when absent`, example: '5' });
const exchange = z
  .string()
  .optional()
  .openapi({ description: `${MARKET_DATA_EXCHANGES.join(', ')}; NSE when absent`, example: 'NSE' });
const symbolName = z.string().min(1).openapi({ description: 'Equity name or F&O trading symbol; case-insensitive', example: 'SBIN' });
const indexName = z.string().min(1).openapi({ description: 'The index name (NIFTY 50, SENSEX, ...); case-insensitive', example: 'NIFTY 50' });

export const IntradayCandleQuery = z.object({ symbolName, exchange, fromDate: intradayTime('From'), toDate: intradayTime('To, now when absent').optional(), interval });
export const IndexIntradayCandleQuery = z.object({ indexName, fromDate: intradayTime('From'), toDate: intradayTime('To, now when absent').optional(), interval });
export const HistoricalCandleQuery = z.object({ symbolName, exchange, fromDate: isoDay('From'), toDate: isoDay('To, today when absent').optional() });
export const IndexHistoricalCandleQuery = z.object({ indexName, fromDate: isoDay('From'), toDate: isoDay('To, today when absent').optional() });

export const IntradayCandle = z.strictObject({ dateTime: Formats.candleTime, open: price, high: price, low: price, close: price, volume }).openapi('IntradayCandle');
export const HistoricalCandle = z.strictObject({ date: Formats.isoDate, open: price, high: price, low: price, close: price, ltp: price, volume }).openapi('HistoricalCandle');

export const IntradayCandleResponse = success('IntradayCandleResponse', { intradayCandleData: z.array(IntradayCandle) });
export const IndexIntradayCandleResponse = success('IndexIntradayCandleResponse', { indexIntraDayCandleData: z.array(IntradayCandle) });
export const HistoricalCandleResponse = success('HistoricalCandleResponse', { historicalCandleData: z.array(HistoricalCandle) });
export const IndexHistoricalCandleResponse = success('IndexHistoricalCandleResponse', { indexCandleData: z.array(HistoricalCandle) });
