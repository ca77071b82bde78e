import { createRoute, z } from '@hono/zod-openapi';
import {
  AtApiKeyResult,
  AtBooleanResult,
  AtCredentials,
  AtFailure,
  AtHoldingsResult,
  AtMarginsResult,
  AtOrderIdResult,
  AtOrdersResult,
  AtPositionsResult,
  AtPseudoAccountsResult,
  AtTradingAccountsResult,
  ModifyOrderForm,
  PlaceAdvancedOrderForm,
  PlaceBracketOrderForm,
  PlaceCoverOrderForm,
  PlaceRegularOrderForm,
  PlatformIdForm,
  PseudoAccountForm,
  SquareOffPortfolioForm,
  SquareOffPositionForm,
} from '../schemas/autotrader.js';
import { atFailures, BODY_ERRORS, formBody, jsonBody, okJson } from '../responses.js';
import type { ErrorCode } from '../errors.js';

const tags = ['AutoTrader'];
const security = [{ atApiKey: [] }];
const KEY_ERRORS = ['AT_KEY_INVALID', 'AT_USER_DISABLED', 'AT_RATE_LIMITED'] as const satisfies readonly ErrorCode[];
/** What every function naming a pseudo account can meet: a malformed form (400, 413, 415: the clients never send one), the key and rate checks, an account that is not live. */
const ACCOUNT_ERRORS = [...BODY_ERRORS, ...KEY_ERRORS, 'AT_ACCOUNT_NOT_LIVE'] as const satisfies readonly ErrorCode[];
const ORDER_RULES = 'AT_INVALID_ORDER';

type JsonResponse = { description: string; content: { 'application/json': { schema: z.ZodType; examples?: Record<string, { summary: string; value: unknown }> } } };

/**
 * The responses of an AutoTrader function: its 200 is the success envelope or, for a business
 * refusal, the status:false envelope (the official clients read the body only on a 2xx answer);
 * the other refusals keep their HTTP status. `example` is the success example.
 */
function atResponses<T extends z.ZodType>(success: T, description: string, example: unknown, ...codes: readonly ErrorCode[]) {
  const refusals = atFailures(...codes) as Record<number, JsonResponse>;
  const business = refusals[200]?.content['application/json'].examples ?? {};
  delete refusals[200];
  return {
    200: {
      description: `${description}; or a business refusal (status false, the reason in message)`,
      content: {
        'application/json': {
          schema: z.union([success, AtFailure]),
          examples: { SUCCESS: { summary: 'done', value: { result: example, message: null, status: true, commandId: '0b4f3a52-6f7e-4d25-9a0c-3a8f3f7d2c11' } }, ...business },
        },
      },
    },
    ...(refusals as {}),
  };
}

const ORDER_ID = '5f6c9a1e-2d3b-4c5d-8e7f-9a0b1c2d3e4f';

export const atFetchAllTradingAccounts = createRoute({
  operationId: 'atFetchAllTradingAccounts',
  method: 'get',
  path: '/account/fetchAllTradingAccounts',
  tags,
  security,
  summary: 'Every trading account of the user (never its credentials)',
  responses: atResponses(AtTradingAccountsResult, 'Trading accounts', [], ...KEY_ERRORS),
});

export const atFetchLivePseudoAccounts = createRoute({
  operationId: 'atFetchLivePseudoAccounts',
  method: 'get',
  path: '/account/fetchLivePseudoAccounts',
  tags,
  security,
  summary: 'Names of the live pseudo accounts',
  responses: atResponses(AtPseudoAccountsResult, 'Pseudo accounts', ['ACC_1'], ...KEY_ERRORS),
});

const MARKET =
  "Orders trade on the sandbox's simulated market (the same prices as Samco's side; set through the control API): MARKET fills at once at the ltp; LIMIT fills when the ltp crosses it (BUY when ltp <= price, SELL when ltp >= price), at the ltp, at placement too when already marketable; STOP_LOSS and SL_MARKET wait in TRIGGER_PENDING until the ltp crosses triggerPrice (BUY when ltp >= triggerPrice, SELL when ltp <= triggerPrice, at placement too), then trade as LIMIT and MARKET. A price change fills open orders oldest first within the volume it offers (partial fills stay OPEN). Rules (a break is a business refusal, HTTP 200 with status false): LIMIT needs price > 0 and triggerPrice 0; MARKET price 0 and triggerPrice 0; STOP_LOSS price and triggerPrice > 0, price at or beyond the trigger (BUY price >= triggerPrice, SELL price <= triggerPrice); SL_MARKET triggerPrice > 0 and price 0; prices within the instrument's band (previous close ± 20%); quantity a multiple of the lot size; the symbol must exist on its exchange.";
const LEGS =
  "When the entry is done filling, its legs are placed on the other side for the filled quantity, with parentOrderId = the entry's id: a stop-loss (SL_MARKET, TRIGGER_PENDING) and, for a bracket order, a target (LIMIT, OPEN). When one leg fills, the other waits for no more than what is left, and is cancelled when the first is complete. cancelChildOrdersByPlatformId exits them (the stop-loss leg executes at market, the other is cancelled). BO and CO are intraday: their productType is INTRADAY and their positions have type BO or CO. AT_BO and AT_CO (AutoTrader-managed) behave as BO and CO in the sandbox.";

export const atPlaceRegularOrder = createRoute({
  operationId: 'atPlaceRegularOrder',
  method: 'post',
  path: '/trading/placeRegularOrder',
  tags,
  security,
  summary: 'Place a regular order',
  description: MARKET,
  request: { body: formBody(PlaceRegularOrderForm) },
  responses: atResponses(AtOrderIdResult, 'Order placed', ORDER_ID, ...ACCOUNT_ERRORS, 'AT_SYMBOL_NOT_FOUND', ORDER_RULES),
});

export const atPlaceCoverOrder = createRoute({
  operationId: 'atPlaceCoverOrder',
  method: 'post',
  path: '/trading/placeCoverOrder',
  tags,
  security,
  summary: 'Place a cover order (an entry with a compulsory stop-loss leg)',
  description: `The entry is LIMIT or MARKET; triggerPrice is the stop-loss leg's trigger, an absolute price below the entry for a BUY and above it for a SELL (the entry is price for LIMIT, the ltp for MARKET). ${LEGS} ${MARKET}`,
  request: { body: formBody(PlaceCoverOrderForm) },
  responses: atResponses(AtOrderIdResult, 'Order placed', ORDER_ID, ...ACCOUNT_ERRORS, 'AT_SYMBOL_NOT_FOUND', ORDER_RULES),
});

export const atPlaceBracketOrder = createRoute({
  operationId: 'atPlaceBracketOrder',
  method: 'post',
  path: '/trading/placeBracketOrder',
  tags,
  security,
  summary: 'Place a bracket order (an entry with target and stop-loss legs)',
  description: `target and stoploss are distances (> 0) from the entry's fill price: for a BUY the target leg is a SELL LIMIT at fill + target and the stop-loss leg a SELL SL_MARKET triggered at fill - stoploss (mirrored for a SELL), rounded to the tick. trailingStoploss is recorded, not trailed. ${LEGS} ${MARKET}`,
  request: { body: formBody(PlaceBracketOrderForm) },
  responses: atResponses(AtOrderIdResult, 'Order placed', ORDER_ID, ...ACCOUNT_ERRORS, 'AT_SYMBOL_NOT_FOUND', ORDER_RULES),
});

export const atPlaceAdvancedOrder = createRoute({
  operationId: 'atPlaceAdvancedOrder',
  method: 'post',
  path: '/trading/placeAdvancedOrder',
  tags,
  security,
  summary: 'Place an order of any variety with every parameter',
  description: `variety REGULAR follows placeRegularOrder, BO and AT_BO placeBracketOrder, CO and AT_CO placeCoverOrder. disclosedQuantity must not exceed quantity; validity IOC fills what it can at once and cancels the rest; amo and publisherId are kept on the order; strategyId and comments are accepted and not kept. ${LEGS} ${MARKET}`,
  request: { body: formBody(PlaceAdvancedOrderForm) },
  responses: atResponses(AtOrderIdResult, 'Order placed', ORDER_ID, ...ACCOUNT_ERRORS, 'AT_SYMBOL_NOT_FOUND', ORDER_RULES),
});

export const atModifyOrderByPlatformId = createRoute({
  operationId: 'atModifyOrderByPlatformId',
  method: 'post',
  path: '/trading/modifyOrderByPlatformId',
  tags,
  security,
  summary: 'Modify an open order (order type, quantity, price, trigger price)',
  description: `Only an OPEN or TRIGGER_PENDING order (a child leg too); what is given changes, the order rules are checked again on the result (quantity must stay above what has filled), and the order meets the market's price at once. ${MARKET}`,
  request: { body: formBody(ModifyOrderForm) },
  responses: atResponses(AtBooleanResult, 'Modified', true, ...ACCOUNT_ERRORS, 'AT_ORDER_NOT_FOUND', 'AT_ORDER_NOT_MODIFIABLE', ORDER_RULES),
});

export const atCancelOrderByPlatformId = createRoute({
  operationId: 'atCancelOrderByPlatformId',
  method: 'post',
  path: '/trading/cancelOrderByPlatformId',
  tags,
  security,
  summary: 'Cancel an open order',
  description: 'Only an OPEN or TRIGGER_PENDING order. A bracket or cover entry that had filled in part places its legs for that part.',
  request: { body: formBody(PlatformIdForm) },
  responses: atResponses(AtBooleanResult, 'Cancelled', true, ...ACCOUNT_ERRORS, 'AT_ORDER_NOT_FOUND', 'AT_ORDER_NOT_CANCELLABLE'),
});

export const atCancelChildOrdersByPlatformId = createRoute({
  operationId: 'atCancelChildOrdersByPlatformId',
  method: 'post',
  path: '/trading/cancelChildOrdersByPlatformId',
  tags,
  security,
  summary: "Exit a bracket or cover order's position through its child legs",
  description:
    "platformId is the entry's (a leg's id counts as its entry's). Its open stop-loss leg (else its target leg) executes at once at the ltp for what it still waits for; the other open leg is cancelled. An order with no open child legs is a business refusal.",
  request: { body: formBody(PlatformIdForm) },
  responses: atResponses(AtBooleanResult, 'Exited', true, ...ACCOUNT_ERRORS, 'AT_ORDER_NOT_FOUND', 'AT_NO_CHILD_ORDERS'),
});

export const atCancelAllOrders = createRoute({
  operationId: 'atCancelAllOrders',
  method: 'post',
  path: '/trading/cancelAllOrders',
  tags,
  security,
  summary: 'Cancel every open order of a pseudo account',
  description: 'Every OPEN and TRIGGER_PENDING order, child legs included; none is fine (result true).',
  request: { body: formBody(PseudoAccountForm) },
  responses: atResponses(AtBooleanResult, 'Cancelled', true, ...ACCOUNT_ERRORS),
});

export const atSquareOffPosition = createRoute({
  operationId: 'atSquareOffPosition',
  method: 'post',
  path: '/trading/squareOffPosition',
  tags,
  security,
  summary: 'Square off one position',
  description:
    "A MARKET order on the other side for the net quantity (product from type: MIS INTRADAY, NRML NORMAL, CNC DELIVERY), filled at the ltp; a BO or CO position exits through its child legs. The sandbox has no overnight positions, so category DAY and NET find the same positions (the sandbox's choice). No open position of that type, exchange and symbol is a business refusal.",
  request: { body: formBody(SquareOffPositionForm) },
  responses: atResponses(AtBooleanResult, 'Squared off', true, ...ACCOUNT_ERRORS, 'AT_POSITION_NOT_FOUND'),
});

export const atSquareOffPortfolio = createRoute({
  operationId: 'atSquareOffPortfolio',
  method: 'post',
  path: '/trading/squareOffPortfolio',
  tags,
  security,
  summary: 'Square off every open position of a pseudo account',
  description: 'As squareOffPosition for each open position; none is fine (result true). DAY and NET are the same in the sandbox.',
  request: { body: formBody(SquareOffPortfolioForm) },
  responses: atResponses(AtBooleanResult, 'Squared off', true, ...ACCOUNT_ERRORS),
});

type ReadName = 'readPlatformOrders' | 'readPlatformPositions' | 'readPlatformMargins' | 'readPlatformHoldings';
const READS = {
  readPlatformOrders: { result: AtOrdersResult, what: 'orders' },
  readPlatformPositions: { result: AtPositionsResult, what: 'positions' },
  readPlatformMargins: { result: AtMarginsResult, what: 'margins' },
  readPlatformHoldings: { result: AtHoldingsResult, what: 'holdings' },
} as const;

/** The read calls come as GET with a query (Python client) or as POST with a form (Java, C#). */
function readRoutes<N extends ReadName>(name: N) {
  const { result, what } = READS[name];
  const common = { path: `/trading/${name}`, tags, security, summary: `Read the ${what} of a pseudo account` };
  const id = `at${name[0]!.toUpperCase()}${name.slice(1)}`;
  return {
    get: createRoute({
      ...common,
      operationId: id,
      method: 'get',
      request: { query: PseudoAccountForm },
      responses: atResponses(result as (typeof READS)[N]['result'], what, [], 'VALIDATION', ...KEY_ERRORS, 'AT_ACCOUNT_NOT_LIVE'),
    }),
    post: createRoute({
      ...common,
      operationId: `${id}Post`,
      method: 'post',
      request: { body: formBody(PseudoAccountForm) },
      responses: atResponses(result as (typeof READS)[N]['result'], what, [], ...ACCOUNT_ERRORS),
    }),
  };
}

const orders = readRoutes('readPlatformOrders');
const positions = readRoutes('readPlatformPositions');
const margins = readRoutes('readPlatformMargins');
const holdings = readRoutes('readPlatformHoldings');
export const atReadPlatformOrders = orders.get;
export const atReadPlatformOrdersPost = orders.post;
export const atReadPlatformPositions = positions.get;
export const atReadPlatformPositionsPost = positions.post;
export const atReadPlatformMargins = margins.get;
export const atReadPlatformMarginsPost = margins.post;
export const atReadPlatformHoldings = holdings.get;
export const atReadPlatformHoldingsPost = holdings.post;

const SETTINGS = 'Stands in for Settings -> Security of the AutoTrader web UI (which has no public HTTP endpoint; the sandbox chose this path). Needs the AutoTrader login password.';

export const atViewApiKey = createRoute({
  operationId: 'atViewApiKey',
  method: 'post',
  path: '/autotrader/settings/api-key/view',
  tags,
  summary: 'View the API key (password-gated)',
  description: `${SETTINGS} The only endpoint that returns the key.`,
  request: { body: jsonBody(AtCredentials) },
  responses: { ...okJson(AtApiKeyResult, 'The key'), ...atFailures(...BODY_ERRORS, 'AT_PASSWORD_INVALID', 'SIGN_IN_THROTTLED') },
});

export const atRegenerateApiKey = createRoute({
  operationId: 'atRegenerateApiKey',
  method: 'post',
  path: '/autotrader/settings/api-key/regenerate',
  tags,
  summary: 'Re-generate the API key (password-gated)',
  description: `${SETTINGS} The old key stops working at once (403). A wrong password changes nothing.`,
  request: { body: jsonBody(AtCredentials) },
  responses: { ...okJson(AtApiKeyResult, 'The new key'), ...atFailures(...BODY_ERRORS, 'AT_PASSWORD_INVALID', 'SIGN_IN_THROTTLED') },
});
