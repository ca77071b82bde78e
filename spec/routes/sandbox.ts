import { createRoute } from '@hono/zod-openapi';
import {
  CreateAccountResponse,
  CreateAtUserResponse,
  InfoQuery,
  InfoResponse,
  LoadFixturesResponse,
  OutboxQuery,
  OutboxResponse,
  ResetRequest,
  ClockRequest,
  ClockResponse,
  ResetResponse,
  AccountStandingParams,
  AccountStandingRequest,
  AccountStandingResponse,
  TradingBackendRequest,
  TradingBackendResponse,
  MarketResponse,
  SetPriceRequest,
  SetPriceResponse,
  JournalQuery,
  JournalResponse,
} from '../schemas/sandbox.js';
import { FixtureAccount, FixtureAtUser, FixtureSet } from '../schemas/fixtures.js';
import { BODY_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const tags = ['Sandbox'];
/** Loopback callers need nothing; others need the configured token (x-sandbox-token). */
const security: Array<Record<string, string[]>> = [{}, { sandboxToken: [] }];

export const sandboxInfo = createRoute({
  operationId: 'sandboxInfo',
  method: 'get',
  path: '/__sandbox/info',
  tags,
  security,
  summary: 'What the sandbox holds now, and its memory',
  request: { query: InfoQuery },
  responses: { ...okJson(InfoResponse, 'Sandbox info'), ...failures('VALIDATION', 'CONTROL_FORBIDDEN') },
});

export const sandboxOutbox = createRoute({
  operationId: 'sandboxOutbox',
  method: 'get',
  path: '/__sandbox/outbox',
  tags,
  security,
  summary: 'Read the SMS and e-mails the real service would have sent',
  description: 'Like a mail catcher: OTPs, API keys and legacy secret keys appear here, newest last.',
  request: { query: OutboxQuery },
  responses: { ...okJson(OutboxResponse, 'Messages, oldest first'), ...failures('VALIDATION', 'CONTROL_FORBIDDEN') },
});

export const sandboxReset = createRoute({
  operationId: 'sandboxReset',
  method: 'post',
  path: '/__sandbox/reset',
  tags,
  security,
  summary: 'Reset all state',
  description:
    'Drops every account, app, OTP, session and message, then loads the start-up fixture set again (or nothing, with mode empty). The clock goes back to the real time, running: a reset is the one way back in time.',
  request: { body: { required: false, content: { 'application/json': { schema: ResetRequest } } } },
  responses: { ...okJson(ResetResponse, 'Reset'), ...failures(...BODY_ERRORS, 'CONTROL_FORBIDDEN') },
});

export const sandboxLoadFixtures = createRoute({
  operationId: 'sandboxLoadFixtures',
  method: 'post',
  path: '/__sandbox/fixtures',
  tags,
  security,
  summary: 'Load a fixture set',
  description: 'Adds the accounts and apps of a fixture set (the format of fixtures/*.json). All or nothing: a user id that already exists refuses the whole set.',
  request: { body: jsonBody(FixtureSet) },
  responses: { ...okJson(LoadFixturesResponse, 'Loaded'), ...failures(...BODY_ERRORS, 'ACCOUNT_EXISTS', 'INVALID_FIXTURE', 'CONTROL_FORBIDDEN') },
});

export const sandboxCreateAccount = createRoute({
  operationId: 'sandboxCreateAccount',
  method: 'post',
  path: '/__sandbox/accounts',
  tags,
  security,
  summary: 'Open a trading account',
  description: 'Adds one account (optionally with apps), as a fixture entry.',
  request: { body: jsonBody(FixtureAccount) },
  responses: { ...okJson(CreateAccountResponse, 'Created'), ...failures(...BODY_ERRORS, 'ACCOUNT_EXISTS', 'INVALID_FIXTURE', 'CONTROL_FORBIDDEN') },
});

export const sandboxCreateAtUser = createRoute({
  operationId: 'sandboxCreateAtUser',
  method: 'post',
  path: '/__sandbox/autotrader/users',
  tags,
  security,
  summary: 'Register an AutoTrader Web user',
  description: 'An API key is created at registration (or the given one is used). It is not returned: view it with the password at /autotrader/settings/api-key/view.',
  request: { body: jsonBody(FixtureAtUser) },
  responses: { ...okJson(CreateAtUserResponse, 'Registered'), ...failures(...BODY_ERRORS, 'AT_USER_EXISTS', 'INVALID_FIXTURE', 'CONTROL_FORBIDDEN') },
});

export const sandboxClock = createRoute({
  operationId: 'sandboxClock',
  method: 'get',
  path: '/__sandbox/clock',
  tags,
  security,
  summary: 'Read the sandbox clock',
  description: 'Every rule reads this clock: OTP expiry, the 08:00 IST token expiry, the 7-day IP rule.',
  responses: { ...okJson(ClockResponse, 'The clock'), ...failures('CONTROL_FORBIDDEN') },
});

export const sandboxSetClock = createRoute({
  operationId: 'sandboxSetClock',
  method: 'post',
  path: '/__sandbox/clock',
  tags,
  security,
  summary: 'Set or advance the sandbox clock',
  description:
    'E.g. {"set":"2030-01-02T02:29:00Z"} (07:59 IST, frozen), then {"advanceMs":60000} to reach 08:00 IST: every session, OTP, code and cooldown already issued is judged at the new time. The clock moves forward only, like a test clock: a set (or {"real":true}) before where it stands is refused with 400, so what expired stays expired; {"frozen":false} lets it run from where it stands, and POST /__sandbox/reset starts over at the real time.',
  request: { body: jsonBody(ClockRequest) },
  responses: { ...okJson(ClockResponse, 'The clock'), ...failures(...BODY_ERRORS, 'CONTROL_FORBIDDEN', 'CLOCK_OUT_OF_RANGE', 'CLOCK_BACKWARDS') },
});

export const sandboxSetStanding = createRoute({
  operationId: 'sandboxSetStanding',
  method: 'put',
  path: '/__sandbox/accounts/{uid}/standing',
  tags,
  security,
  summary: 'Put an account into a standing: active, not subscribed, blocked, or trading backend unavailable',
  description:
    'Each standing gives its published answer at /session/token and in the OAuth flow: not-subscribed and blocked 403, backend-unavailable 401 "Unable to start your trading session..." (EOAUTH999 at /oauth/token). Also settable per account in a fixture file (standing).',
  request: { params: AccountStandingParams, body: jsonBody(AccountStandingRequest) },
  responses: { ...okJson(AccountStandingResponse, 'Standing set'), ...failures(...BODY_ERRORS, 'UNKNOWN_USER', 'CONTROL_FORBIDDEN') },
});

export const sandboxTradingBackend = createRoute({
  operationId: 'sandboxTradingBackend',
  method: 'put',
  path: '/__sandbox/trading-backend',
  tags,
  security,
  summary: 'Make the trading backend slow',
  description:
    'A delay on the step where the trading backend starts a session (after the credentials are accepted, at /session/token and /oauth/token). While one exchange of a code waits there, a second exchange of the same code gets EOAUTH030. Reset sets it back to 0.',
  request: { body: jsonBody(TradingBackendRequest) },
  responses: { ...okJson(TradingBackendResponse, 'Delay set'), ...failures(...BODY_ERRORS, 'CONTROL_FORBIDDEN') },
});

export const sandboxMarket = createRoute({
  operationId: 'sandboxMarket',
  method: 'get',
  path: '/__sandbox/market',
  tags,
  security,
  summary: 'The simulated market: every instrument with its last traded price and price band',
  responses: { ...okJson(MarketResponse, 'Market'), ...failures('CONTROL_FORBIDDEN') },
});

export const sandboxSetPrice = createRoute({
  operationId: 'sandboxSetPrice',
  method: 'put',
  path: '/__sandbox/market/prices',
  tags,
  security,
  summary: 'Trade an instrument at a price: open orders it crosses fill',
  description:
    "Sets the last traded price of one instrument. Every open order of Samco's and AutoTrader's APIs that the price crosses triggers or fills, oldest first, within `volume` when given (partial fills). Positions, holdings, limits and the trade book follow.",
  request: { body: jsonBody(SetPriceRequest) },
  responses: { ...okJson(SetPriceResponse, 'Price set'), ...failures(...BODY_ERRORS, 'MARKET_SYMBOL_NOT_FOUND', 'MARKET_PRICE_OUT_OF_BAND', 'CONTROL_FORBIDDEN') },
});

export const sandboxRequests = createRoute({
  operationId: 'sandboxRequests',
  method: 'get',
  path: '/__sandbox/requests',
  tags,
  security,
  summary: 'The request journal: the last requests the sandbox answered, newest first',
  description:
    'Method, path (never the query string), status, duration, the account the credentials named and the source IP of each of the last requests (500 by default; the journalSize option of createSandbox), what a client actually sent and what it got. Never a body, a header value or a token. Reads of this endpoint are not recorded. The page at /__sandbox/journal shows it.',
  request: { query: JournalQuery },
  responses: { ...okJson(JournalResponse, 'Requests, newest first'), ...failures('VALIDATION', 'CONTROL_FORBIDDEN') },
});
