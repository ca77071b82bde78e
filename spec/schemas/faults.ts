import { z } from '@hono/zod-openapi';
import { ERRORS, type ErrorCode } from '../errors.js';
import { success } from './envelope.js';
import { IsoTime } from './common.js';

const ERROR_CODES = Object.keys(ERRORS) as [ErrorCode, ...ErrorCode[]];

/** Where a fault strikes: before the operation runs (nothing applied) or after it committed (fully applied). */
const Stage = z.enum(['before', 'after']).openapi({
  description:
    'before (default): the operation never runs, so nothing is applied (an order the answer never reached does not exist). after: the operation runs and its change is committed before the answer is replaced (the order exists, fully).',
});

export const FaultMatch = z
  .strictObject({
    method: z
      .string()
      .regex(/^(\*|[A-Za-z]+)$/)
      .optional()
      .openapi({
        description:
          'HTTP method, or * (the default) for any HTTP method; WS matches the live stream instead (path /, where the WebSocket is served): a WS rule never matches an HTTP request and an HTTP rule never the stream',
        example: 'POST',
      }),
    path: z
      .string()
      .min(1)
      .max(300)
      .regex(/^[/*]/)
      .openapi({ description: 'Path pattern: exact text, {name} for one path segment, * for any run of characters (/order/* matches every order call)', example: '/order/placeOrder' }),
    account: z.string().min(1).max(40).optional().openapi({ description: 'Only requests whose credentials name this account (user id, case-insensitive)' }),
    app: z.string().min(1).max(60).optional().openapi({ description: 'Only requests whose session was issued to this app (appId)' }),
    streamEvent: z.enum(['open', 'tick']).optional().openapi({
      description:
        'WS rules only: what the rule counts and strikes. tick (the default): each tick about to go to one connection (the snapshot after a subscribe included), in the order the stream sends them; open: each connection, once its upgrade succeeded',
    }),
  })
  .openapi('FaultMatch');

export const FaultWhen = z
  .strictObject({
    probability: z.number().gt(0).max(1).optional().openapi({ description: "Fires with this probability, drawn from the sandbox's seed (a stream of its own: faults never shift ids or OTPs)" }),
    nth: z.number().int().min(1).optional().openapi({ description: 'Fires on the Nth matching request only (1 = the first)' }),
    from: IsoTime.optional().openapi({ description: 'Fires only from this instant of the sandbox clock' }),
    until: IsoTime.optional().openapi({ description: 'Fires only before this instant of the sandbox clock' }),
    times: z.number().int().min(1).optional().openapi({ description: 'Fires at most this many times' }),
  })
  .openapi('FaultWhen', { description: 'All given conditions must hold; with none, the rule fires on every matching request' });

const symbolFields = {
  exchange: z.string().min(1).max(10).optional().openapi({ description: 'NSE when absent' }),
  symbolName: z.string().min(1).max(60).openapi({ description: 'As placeOrder takes it', example: 'IDEA' }),
};

export const ExchangeEvent = z
  .discriminatedUnion('kind', [
    z
      .strictObject({ kind: z.literal('reject-next-order'), ...symbolFields, reason: z.string().min(1).max(300).openapi({ example: 'RMS:Blocked for trading in Scrip' }) })
      .openapi({ description: 'The next order placed in the symbol (any account) is rejected by the exchange with this reason: it is kept, REJECTED, with rejectionReason' }),
    z
      .strictObject({ kind: z.literal('halt'), ...symbolFields, reason: z.string().min(1).max(300).optional() })
      .openapi({ description: 'Trading in the symbol halts: every new order is rejected (REJECTED, with the reason) and modifications are refused, until resume' }),
    z.strictObject({ kind: z.literal('resume'), ...symbolFields }).openapi({ description: 'Ends a halt' }),
    z
      .strictObject({ kind: z.literal('partial-fill'), ...symbolFields, quantity: z.number().int().min(1).openapi({ description: 'At most this many units trade at the last traded price' }) })
      .openapi({ description: 'A trade of `quantity` units at the last traded price: open orders at that price fill, oldest first, partly when the quantity runs out' }),
    z
      .strictObject({ kind: z.literal('end-session'), uid: z.string().min(1).max(40).openapi({ description: 'The account whose sessions end' }) })
      .openapi({ description: "The trading day ends early for the account: every session of its apps ends as at 08:00 IST (401 'Session expired')" }),
  ])
  .openapi('ExchangeEvent');
export type ExchangeEventData = z.infer<typeof ExchangeEvent>;

const LatencyDistribution = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('uniform'), minMs: z.number().int().min(0), maxMs: z.number().int().min(0).max(120_000) }),
    z.strictObject({ kind: z.literal('exponential'), meanMs: z.number().int().min(1).max(60_000), capMs: z.number().int().min(1).max(120_000) }),
  ])
  .openapi('LatencyDistribution', { description: 'Seeded: the same seed and request order give the same delays' });

export const FaultEffect = z
  .discriminatedUnion('effect', [
    z
      .strictObject({
        effect: z.literal('latency'),
        ms: z.number().int().min(0).max(120_000).optional().openapi({ description: 'A fixed delay' }),
        distribution: LatencyDistribution.optional(),
      })
      .openapi({ description: 'Delays the request before the operation runs (real time; the sandbox clock is not moved); then it is served as usual' }),
    z
      .strictObject({
        effect: z.literal('failure'),
        code: z
          .enum(ERROR_CODES)
          .optional()
          .openapi({ description: "A refusal the operation documents (its spec responses list it), e.g. TRADING_SESSION_FAILED; INTERNAL (the default) is Samco's Error envelope, HTTP 500" }),
        stage: Stage.optional(),
      })
      .openapi({ description: "The real API's own failure answer for the operation, in its envelope" }),
    z
      .strictObject({ effect: z.literal('gateway'), status: z.union([z.literal(502), z.literal(503), z.literal(504)]), stage: Stage.optional() })
      .openapi({ description: 'What a gateway in front of the service sends: an HTML (not JSON) body with 502, 503 or 504' }),
    z
      .strictObject({ effect: z.literal('rate-limit'), retryAfterSeconds: z.number().int().min(0).max(3600) })
      .openapi({ description: "A gateway's 429 with Retry-After and an HTML body, before the operation runs" }),
    z.strictObject({ effect: z.literal('reset'), stage: Stage.optional() }).openapi({ description: 'The connection is reset (TCP RST) before any byte of the answer' }),
    z
      .strictObject({ effect: z.literal('cut') })
      .openapi({ description: 'The operation runs and commits; the answer is cut halfway: headers (with the full Content-Length) and half the body, then the connection closes' }),
    z.strictObject({ effect: z.literal('hang'), stage: Stage.optional() }).openapi({ description: 'No answer at all until the client gives up and closes the connection' }),
    z.strictObject({ effect: z.literal('event'), event: ExchangeEvent }).openapi({ description: 'A market or exchange event happens just before the operation runs, which is then served as usual' }),
    // The stream's effects (method WS): what a network or feed failure does to a WebSocket consumer; the market and other connections never notice.
    z.strictObject({ effect: z.literal('drop') }).openapi({
      description:
        "Stream: the connection is lost as a network failure loses it: the socket ends without a close frame (the client sees 1006, abnormal closure) and without the tick that fired it; the session stays valid and a reconnect works (Samco's SDKs reconnect on close)",
    }),
    z.strictObject({ effect: z.literal('pause'), ms: z.number().int().min(1).max(120_000).openapi({ description: 'How long, in real time (the sandbox clock is not moved)' }) }).openapi({
      description:
        "Stream: the connection receives nothing for ms (the tick that fired it included); the market goes on and other connections keep their ticks. The ticks of the pause are not delivered: when it ends, the connection gets each subscribed symbol's newest tick once, as a consumer that fell behind does (each tick is the symbol's whole state), never the backlog",
    }),
    z.strictObject({ effect: z.literal('duplicate') }).openapi({ description: 'Stream: the tick is sent twice, the same bytes (Samco ticks carry no sequence number to tell them apart)' }),
    z.strictObject({ effect: z.literal('out-of-order') }).openapi({
      description:
        'Stream: after the tick, the connection gets again the previous tick it was sent for the same symbol and type: an older state after a newer one (its ltt is older), as a feed fanned out through several gateways can deliver; the client keeps the stale state until the next tick. Nothing is re-sent when the connection had no earlier tick of that symbol (the journal says so)',
    }),
  ])
  .openapi('FaultEffect');

export const FaultRuleInput = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,40}$/)
      .optional()
      .openapi({ description: 'A name for the rule (f1, f2, ... when absent); it appears in the request journal' }),
    match: FaultMatch,
    when: FaultWhen.optional(),
    do: FaultEffect,
  })
  .openapi('FaultRuleInput');
export type FaultRuleInputData = z.infer<typeof FaultRuleInput>;

export const FaultProfile = z.strictObject({ rules: z.array(FaultRuleInput).max(100) }).openapi('FaultProfile', { description: 'A chaos profile: the format of --faults FILE' });
export type FaultProfileData = z.infer<typeof FaultProfile>;

export const FaultRule = z
  .strictObject({
    id: z.string(),
    match: FaultMatch,
    when: FaultWhen,
    do: FaultEffect,
    matched: z.number().int().openapi({ description: 'Requests it matched so far' }),
    fired: z.number().int().openapi({ description: 'Times it fired so far' }),
    fromProfile: z.boolean().openapi({ description: 'Loaded from --faults FILE (a reset brings it back)' }),
  })
  .openapi('FaultRule');

export const FaultsResponse = success('FaultsResponse', { rules: z.array(FaultRule) });
export const FaultIdParams = z.strictObject({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'f1' }) });
export const ExchangeEventRequest = z.strictObject({ event: ExchangeEvent }).openapi('ExchangeEventRequest');

export const ExchangeEventResponse = success('ExchangeEventResponse', {
  event: ExchangeEvent,
  fills: z.number().int().optional().openapi({ description: 'partial-fill: how many fills the trade made' }),
  sessionsEnded: z.number().int().optional().openapi({ description: 'end-session: how many sessions ended' }),
});

/** The journal's record of a fault that fired on a request. */
export const FiredFault = z.strictObject({ rule: z.string().openapi({ description: 'The id of the rule that fired' }), effect: z.string(), detail: z.string().optional() }).openapi('FiredFault');
export type FiredFaultData = z.infer<typeof FiredFault>;

export const JournalVerifyRequest = z
  .strictObject({
    method: z.string().optional().openapi({ example: 'POST' }),
    path: z.string().min(1).max(300).openapi({ description: 'Path pattern, as in fault rules', example: '/order/placeOrder' }),
    account: z.string().optional(),
    fields: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .optional()
      .openapi({ description: 'Body (or query) fields the request must carry with these values', example: { symbolName: 'IDEA', transactionType: 'BUY' } }),
    exactly: z.number().int().min(0).optional(),
    atLeast: z.number().int().min(0).optional(),
    atMost: z.number().int().min(0).optional(),
    since: z.number().int().min(0).optional().openapi({ description: 'Only journal entries with an id greater than this' }),
  })
  .openapi('JournalVerifyRequest', { description: 'Send exactly one of exactly, atLeast, atMost' });

export const JournalVerifyResponse = success('JournalVerifyResponse', {
  verified: z.boolean(),
  count: z.number().int().openapi({ description: 'How many journal entries matched' }),
  expected: z.string().openapi({ example: 'exactly 1' }),
  requestIds: z.array(z.number().int()).openapi({ description: 'The ids of the matching entries, oldest first' }),
  complete: z.boolean().openapi({ description: 'False when the journal has dropped older entries, so a count may be short' }),
});

/** The rejection reason of an order in a halted symbol when the halt names none (Samco publishes no text for it: the sandbox's wording). */
export const haltReason = (symbolName: string, exchange: string) => `Trading in ${symbolName} is halted on ${exchange}: the exchange accepts no orders in it.`;
