import { z } from '@hono/zod-openapi';
import { Formats } from './market-data.js';

/** The streaming chapter (13): what a client sends (one JSON object per line) and the two tick shapes. */
export const StreamRequest = z
  .object({
    request: z.object({
      streaming_type: z.string().openapi({ description: 'quote or quote2 (marketdata and marketDepth are accepted as quote2)' }),
      data: z.object({ symbols: z.array(z.object({ symbol: z.string() })) }),
      request_type: z.string().openapi({ description: 'subscribe or unsubscribe, any case' }),
      response_format: z.string().optional(),
    }),
  })
  .openapi('StreamRequest');

const s = z.string();
const dec = z.string().regex(/^-?\d+(\.\d+)?$/);
const int = z.string().regex(/^\d+$/);
const slashed = Formats.slashed;

export const QuoteTickData = z
  .strictObject({
    sym: s,
    ltp: dec,
    ltq: int,
    o: dec,
    h: dec,
    l: dec,
    c: dec.openapi({ description: 'The previous close (ch = ltp - c), as in the published sample' }),
    ch: dec,
    chPer: dec,
    avgPr: dec,
    vol: int,
    ttv: dec,
    tBQ: int,
    tSQ: int,
    bPr: dec,
    bSz: int,
    aPr: dec,
    aSz: int,
    oI: z.union([int, z.literal('')]),
    oIChg: z.union([dec, z.literal('')]),
    yH: dec,
    yL: dec,
    lTrdT: Formats.ampm,
    ltt: Formats.ampm,
    lttUTC: Formats.ampm,
  })
  .openapi('QuoteTickData');

const Level = z.strictObject({ no: int, price: dec, qty: int });
export const Quote2TickData = z
  .strictObject({ symbol: s, bidValues: z.array(Level), askValues: z.array(Level), tbq: int, taq: int, delta: dec, gamma: dec, theta: dec, vega: dec, iv: dec, ltt: slashed, lttUTC: slashed })
  .openapi('Quote2TickData');

export const QuoteTick = z.strictObject({ response: z.strictObject({ data: QuoteTickData, streaming_type: z.literal('quote') }) }).openapi('QuoteTick');
export const Quote2Tick = z.strictObject({ response: z.strictObject({ data: Quote2TickData, streaming_type: z.literal('quote2') }) }).openapi('Quote2Tick');
