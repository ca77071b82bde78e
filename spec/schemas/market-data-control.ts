import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { STREAM_RULES, WALK_RULES } from './market-data-rules.js';

/** The control API's market driving: the random walk, CSV replays, index values, the stream's figures. */
export const WalkRequest = z
  .strictObject({
    action: z.enum(['start', 'stop']),
    intervalMs: z
      .number()
      .int()
      .min(WALK_RULES.minIntervalMs)
      .max(WALK_RULES.maxIntervalMs)
      .optional()
      .openapi({ description: `Milliseconds between steps (real time), ${WALK_RULES.minIntervalMs}-${WALK_RULES.maxIntervalMs}; 1000 when absent`, example: 250 }),
    symbols: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Stream symbols to move (3045_NSE, -21); every instrument and index when absent', example: ['3045_NSE', '-21'] }),
  })
  .openapi('WalkRequest');

export const WalkState = z
  .strictObject({ running: z.boolean(), intervalMs: z.number().int().nullable(), symbols: z.array(z.string()), steps: z.number().int(), phase: z.enum(['pre-open', 'open', 'closed']) })
  .openapi('WalkState');
export const WalkResponse = success('WalkResponse', { walk: WalkState });

export const ReplayRequest = z
  .strictObject({
    csv: z
      .string()
      .min(1)
      .max(1024 * 1024)
      .openapi({
        description: 'Lines `exchange,symbolName,price[,volume]` (a header line starting with "exchange" is skipped); exchange INDEX moves an index by its name',
        example: 'exchange,symbolName,price,volume\nNSE,SBIN,813.5,100\nINDEX,NIFTY 50,26120.5\n',
      }),
    intervalMs: z.number().int().min(0).max(WALK_RULES.maxIntervalMs).optional().openapi({ description: 'Milliseconds between lines; 0 or absent: every line now, in order' }),
  })
  .openapi('ReplayRequest');
export const ReplayResponse = success('ReplayResponse', {
  lines: z.number().int().openapi({ description: 'Ticks read from the CSV' }),
  trades: z.number().int().openapi({ description: 'Ticks applied now (all of them without intervalMs; the rest follow on the timer)' }),
  fills: z.number().int(),
});

export const IndexValueRequest = z
  .strictObject({ indexName: z.string().min(1).openapi({ example: 'NIFTY 50' }), value: z.number().positive().openapi({ example: 26150.25 }) })
  .openapi('IndexValueRequest');
export const IndexValueResponse = success('IndexValueResponse', { indexName: z.string(), value: z.number() });

export const StreamStats = z
  .strictObject({
    connections: z.number().int(),
    subscriptions: z.number().int(),
    ticksSent: z.number().int(),
    ticksDropped: z
      .number()
      .int()
      .openapi({ description: `Ticks not sent to a consumer whose unsent data exceeded ${STREAM_RULES.maxBufferedBytes} bytes` }),
  })
  .openapi('StreamStats');
export const StreamStatsResponse = success('StreamStatsResponse', { stream: StreamStats });
