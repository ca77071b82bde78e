import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { IsoTime, Uid } from './common.js';
import { AccountStanding } from './fixtures.js';
import { FiredFault } from './faults.js';

/** Paging by id: only the items after `since`, the newest `limit` of them. */
const sinceQuery = (items: string) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ param: { name: 'since', in: 'query' }, description: `Only ${items} with id greater than this` });
const newestQuery = (items: string, byDefault: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(1000)
    .optional()
    .openapi({ param: { name: 'limit', in: 'query' }, description: `Newest N ${items} (default ${byDefault})` });

export const OUTBOX_KINDS = ['otp-sms', 'otp-email', 'api-key-email', 'secret-key-email'] as const;
export const OutboxKind = z.enum(OUTBOX_KINDS).openapi('OutboxKind');

export const OutboxMessage = z
  .strictObject({
    id: z.number().int().openapi({ description: 'Increasing sequence number' }),
    uid: Uid,
    kind: OutboxKind,
    channel: z.enum(['sms', 'email']),
    to: z.string().openapi({ description: 'Masked mobile number or e-mail address' }),
    subject: z.string(),
    body: z.string(),
    sentAt: IsoTime,
    otp: z.string().nullable(),
    apiKey: z.string().nullable(),
    secretApiKey: z.string().nullable(),
    appId: z.uuid().nullable(),
    appName: z.string().nullable(),
    challengeId: z.uuid().nullable(),
  })
  .openapi('OutboxMessage', { description: 'An SMS or e-mail the real service would have sent; the only place an OTP or API key can be read.' });

export const OutboxQuery = z.strictObject({
  uid: Uid.optional().openapi({ param: { name: 'uid', in: 'query' } }),
  kind: OutboxKind.optional().openapi({ param: { name: 'kind', in: 'query' } }),
  since: sinceQuery('messages'),
  limit: newestQuery('messages', 100),
});

export const OutboxResponse = success('OutboxResponse', { messages: z.array(OutboxMessage) });

export const ResetRequest = z
  .strictObject({
    mode: z.enum(['fixtures', 'empty']).optional().openapi({ description: 'fixtures (default): back to the start-up fixture set; empty: no accounts at all' }),
  })
  .openapi('ResetRequest');

export const StateCounts = z.strictObject({
  accounts: z.number().int(),
  apps: z.number().int(),
  activeSessions: z.number().int(),
  outbox: z.number().int(),
  autotraderUsers: z.number().int(),
});

export const ResetResponse = success('ResetResponse', { counts: StateCounts });
export const LoadFixturesResponse = success('LoadFixturesResponse', {
  accountsLoaded: z.number().int(),
  appsLoaded: z.number().int(),
  autotraderUsersLoaded: z.number().int(),
  counts: StateCounts,
});
export const CreateAccountResponse = success('CreateAccountResponse', { uid: Uid, apps: z.number().int() });
export const CreateAtUserResponse = success('CreateAtUserResponse', { username: z.string(), accounts: z.number().int() });

export const InfoQuery = z.strictObject({
  gc: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'gc', in: 'query' }, description: 'true: collect garbage before reading memory (only when node runs with --expose-gc)' }),
});

export const InfoResponse = success('InfoResponse', {
  name: z.literal('tradeapi-sandbox'),
  version: z.string(),
  seeded: z.boolean().openapi({ description: 'Whether OTPs, keys and ids come from a fixed seed' }),
  now: IsoTime,
  counts: StateCounts,
  memory: z.strictObject({
    rssBytes: z.number().int().openapi({ description: 'Resident memory of the sandbox process' }),
    heapUsedBytes: z.number().int().openapi({ description: 'V8 heap in use' }),
  }),
});

export const ClockRequest = z
  .strictObject({
    set: IsoTime.optional().openapi({ description: 'Move the clock to this instant' }),
    advanceMs: z
      .number()
      .int()
      .min(0)
      .max(366 * 24 * 3600 * 1000)
      .optional()
      .openapi({ description: 'Move the clock forward by this many milliseconds' }),
    frozen: z.boolean().optional().openapi({ description: 'true: time stands still (default with set); false: it runs on from where it is' }),
    real: z.literal(true).optional().openapi({ description: 'Back to the real time, running' }),
  })
  .openapi('ClockRequest', { description: 'One of set, advanceMs or real; frozen may go with set or alone.' });

export const ClockResponse = success('ClockResponse', {
  now: IsoTime,
  serverTime: z.string().openapi({ description: 'The same instant as the envelopes write it (IST)' }),
  frozen: z.boolean(),
});

export const AccountStandingParams = z.strictObject({
  uid: Uid.openapi({ param: { name: 'uid', in: 'path' } }),
});

export const AccountStandingRequest = z
  .strictObject({ standing: AccountStanding })
  .openapi('AccountStandingRequest', { description: "What Samco's backend says of the account from now on; sessions already issued are not touched" });

export const AccountStandingResponse = success('AccountStandingResponse', { uid: Uid, standing: AccountStanding });

export const TradingBackendRequest = z
  .strictObject({
    delayMs: z.number().int().min(0).max(60_000).openapi({ description: 'How long the trading backend takes to start a session (at /session/token and /oauth/token); 0 (the default) for no delay' }),
  })
  .openapi('TradingBackendRequest');

export const TradingBackendResponse = success('TradingBackendResponse', { delayMs: z.number().int() });

export const MarketInstrument = z
  .strictObject({
    exchange: z.string(),
    symbolName: z.string().openapi({ description: 'What placeOrder takes' }),
    tradingSymbol: z.string(),
    autotraderSymbol: z.string().openapi({ description: "AutoTrader's broker-independent symbol" }),
    instrument: z.string(),
    lotSize: z.number().int(),
    tickSize: z.number(),
    previousClose: z.number(),
    lastTradedPrice: z.number(),
    lowerBand: z.number(),
    upperBand: z.number(),
  })
  .openapi('MarketInstrument');

export const MarketResponse = success('MarketResponse', { instruments: z.array(MarketInstrument) });

export const SetPriceRequest = z
  .strictObject({
    exchange: z.string().optional().openapi({ description: 'NSE when absent', example: 'NSE' }),
    symbolName: z.string().min(1).max(60).openapi({ example: 'SBIN' }),
    price: z.number().positive().openapi({ description: "The new last traded price: rounded to the tick, within the day's band", example: 815.5 }),
    volume: z.number().int().positive().optional().openapi({ description: 'At most this many units trade at the price (partial fills, oldest orders first); unlimited when absent' }),
  })
  .openapi('SetPriceRequest');

export const SetPriceResponse = success('SetPriceResponse', {
  instrument: MarketInstrument,
  fills: z.number().int().openapi({ description: 'How many fills the price change made (Samco and AutoTrader orders)' }),
});

export const JournalQuery = z.strictObject({
  method: z
    .enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'])
    .optional()
    .openapi({ param: { name: 'method', in: 'query' } }),
  path: z
    .string()
    .max(200)
    .optional()
    .openapi({ param: { name: 'path', in: 'query' }, description: 'Only requests whose path contains this text' }),
  status: z
    .enum(['2xx', '3xx', '4xx', '5xx'])
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  uid: z
    .string()
    .max(64)
    .optional()
    .openapi({ param: { name: 'uid', in: 'query' }, description: 'Only requests whose credentials named this account (or AutoTrader user)' }),
  control: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'control', in: 'query' }, description: 'false: leave out requests to the control API (/__sandbox/...). Default true.' }),
  since: sinceQuery('requests'),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ param: { name: 'before', in: 'query' }, description: 'Paging back: only requests with an id smaller than this (the smallest id of the page before)' }),
  faulted: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'faulted', in: 'query' }, description: 'true: only requests a fault rule fired on' }),
  limit: newestQuery('requests', 200),
});

export const JournalEntry = z
  .strictObject({
    id: z.number().int().openapi({ description: 'Increasing sequence number' }),
    at: IsoTime,
    method: z.string(),
    path: z.string().openapi({ description: 'The path, without the query string (its fields are in query)' }),
    status: z.number().int().openapi({ description: 'The HTTP status sent; 0 when a fault reset the connection or gave no answer' }),
    durationMs: z.number().openapi({ description: 'Time from the request reaching the app to its response, in milliseconds' }),
    uid: z.string().nullable().openapi({ description: 'The account (or AutoTrader user) its credentials named; null without valid credentials' }),
    srcIp: z.string().openapi({ description: 'The source IP the sandbox saw' }),
    query: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The query fields, every secret, token and OTP redacted ("[REDACTED]", a scheme such as Bearer kept)' }),
    body: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'The JSON or form body fields as the operation read them, redacted the same way; null without one, or over 16 KiB' }),
    fault: FiredFault.nullable().openapi({ description: 'The fault rule that fired on this request' }),
    didYouMean: z.string().nullable().openapi({ description: 'For a request no operation serves (404): the nearest documented operation, e.g. POST /order/placeOrder' }),
  })
  .openapi('JournalEntry', { description: 'One request the sandbox answered: never a header value, a token, a secret or an OTP' });

export const JournalResponse = success('JournalResponse', { size: z.number().int().openapi({ description: 'How many requests the journal keeps' }), requests: z.array(JournalEntry) });
