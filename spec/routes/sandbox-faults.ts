import { createRoute, z } from '@hono/zod-openapi';
import { ExchangeEventRequest, ExchangeEventResponse, FaultIdParams, FaultProfile, FaultsResponse, JournalVerifyRequest, JournalVerifyResponse } from '../schemas/faults.js';
import { JournalQuery } from '../schemas/sandbox.js';
import { BODY_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const tags = ['Sandbox'];
const security: Array<Record<string, string[]>> = [{}, { sandboxToken: [] }];

export const sandboxFaults = createRoute({
  operationId: 'sandboxFaults',
  method: 'get',
  path: '/__sandbox/faults',
  tags,
  security,
  summary: 'The chaos profile: every fault rule, with how often it matched and fired',
  responses: { ...okJson(FaultsResponse, 'Rules, in the order they are tried'), ...failures('CONTROL_FORBIDDEN') },
});

export const sandboxAddFaults = createRoute({
  operationId: 'sandboxAddFaults',
  method: 'post',
  path: '/__sandbox/faults',
  tags,
  security,
  summary: 'Add fault rules: {rules:[...]}, the format of a --faults file',
  description:
    "Rules are tried in order; the first that fires decides the fault of a request. Each matches by method and path pattern, optionally account and app, and fires on every match, with a seeded probability, on the Nth match, within a window of the sandbox clock, at most N times. Effects and what a client finds afterwards: latency (then served as usual); failure (the operation's own documented refusal, or Samco's Error envelope with HTTP 500); gateway (HTML 502/503/504) and rate-limit (HTML 429 with Retry-After); reset (TCP reset, no byte); cut (headers and half the body); hang (no answer until the client closes); event (a market or exchange event, then served as usual). Stage before (the default): the operation never ran, nothing was applied. Stage after, and cut always: the operation ran and its change was committed before the answer was broken: the order exists, fully. A rule with method WS (path /) strikes the live stream instead, per connection (streamEvent open) or per tick to one connection (tick, the default): drop (the socket ends without a close frame: the client sees 1006, as on a lost network path), pause (no tick for ms, then each symbol's newest tick once: the ticks of the pause are lost, the market never waits), duplicate (the tick twice) or out-of-order (the previous tick of the symbol again, after the newer one); only that connection notices, and each fired one is journaled as WS / with its rule. A refused rule adds nothing (all or nothing).",
  request: { body: jsonBody(FaultProfile) },
  responses: { ...okJson(FaultsResponse, 'Every rule now'), ...failures(...BODY_ERRORS, 'CONTROL_FORBIDDEN', 'FAULT_RULE_INVALID') },
});

export const sandboxRemoveFault = createRoute({
  operationId: 'sandboxRemoveFault',
  method: 'delete',
  path: '/__sandbox/faults/{id}',
  tags,
  security,
  summary: 'Remove one fault rule',
  request: { params: FaultIdParams },
  responses: { ...okJson(FaultsResponse, 'Every rule now'), ...failures('CONTROL_FORBIDDEN', 'FAULT_RULE_NOT_FOUND') },
});

export const sandboxClearFaults = createRoute({
  operationId: 'sandboxClearFaults',
  method: 'delete',
  path: '/__sandbox/faults',
  tags,
  security,
  summary: 'Remove every fault rule (a reset brings back the --faults profile)',
  responses: { ...okJson(FaultsResponse, 'No rules'), ...failures('CONTROL_FORBIDDEN') },
});

export const sandboxExchangeEvent = createRoute({
  operationId: 'sandboxExchangeEvent',
  method: 'post',
  path: '/__sandbox/events',
  tags,
  security,
  summary: 'A market or exchange event now: reject the next order of a symbol, halt or resume a symbol, a partial fill, the session ending early',
  description:
    "reject-next-order: the next order placed in the symbol is kept REJECTED with the given rejectionReason (as an exchange rejection reaches a Samco client: the placeOrder answer carries it). halt: every new order in the symbol is rejected that way and modifications are refused (400, the reason as statusMessage) until resume; Samco publishes no text for a halted symbol, so the default reason is the sandbox's. partial-fill: a trade of that many units at the last traded price. end-session: every session of the account's apps ends as at 08:00 IST (401 'Session expired'); sessions of the legacy login are not touched. Held in memory: a reset ends halts and pending rejections.",
  request: { body: jsonBody(ExchangeEventRequest) },
  responses: { ...okJson(ExchangeEventResponse, 'Event applied'), ...failures(...BODY_ERRORS, 'CONTROL_FORBIDDEN', 'MARKET_SYMBOL_NOT_FOUND', 'UNKNOWN_USER') },
});

export const sandboxJournalVerify = createRoute({
  operationId: 'sandboxJournalVerify',
  method: 'post',
  path: '/__sandbox/journal/verify',
  tags,
  security,
  summary: 'Were requests matching a pattern received exactly / at least / at most N times?',
  description:
    'For client test suites that must prove "my bot sent one order, not two". Matches the request journal by method, path pattern ({name} one segment, * anything), account and body or query fields (compared as text, so "10" matches 10). The journal keeps the last requests only (journalSize): complete is false when older ones were dropped.',
  request: { body: jsonBody(JournalVerifyRequest) },
  responses: { ...okJson(JournalVerifyResponse, 'The verdict'), ...failures(...BODY_ERRORS, 'CONTROL_FORBIDDEN') },
});

export const sandboxJournalStream = createRoute({
  operationId: 'sandboxJournalStream',
  method: 'get',
  path: '/__sandbox/journal/stream',
  tags,
  security,
  summary: 'The request journal as server-sent events: one `request` event per request answered, as it is recorded',
  description:
    'Each event\'s data is one JournalEntry (JSON). The filters of /__sandbox/requests apply (since, to replay kept entries first). A comment line ": keep-alive" every 15 s holds idle connections open.',
  request: { query: JournalQuery },
  responses: {
    200: {
      description: 'An event stream',
      content: { 'text/event-stream': { schema: z.string().openapi({ example: 'event: request\nid: 42\ndata: {"id":42,"method":"POST","path":"/order/placeOrder",...}\n\n' }) } },
    },
    ...failures('VALIDATION', 'CONTROL_FORBIDDEN'),
  },
});
