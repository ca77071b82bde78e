import { createRoute } from '@hono/zod-openapi';
import {
  AtApiKeyResult,
  AtBooleanResult,
  AtCredentials,
  AtMarginsResult,
  AtOrderIdResult,
  AtOrdersResult,
  AtPositionsResult,
  AtPseudoAccountsResult,
  AtTradingAccountsResult,
  PlaceRegularOrderForm,
  PlatformIdForm,
  PseudoAccountForm,
} from '../schemas/autotrader.js';
import { atFailures, BODY_ERRORS, formBody, jsonBody, okJson } from '../responses.js';
import type { ErrorCode } from '../errors.js';

const tags = ['AutoTrader'];
const security = [{ atApiKey: [] }];
const KEY_ERRORS = ['AT_KEY_INVALID', 'AT_USER_DISABLED', 'AT_RATE_LIMITED'] as const satisfies readonly ErrorCode[];

export const atFetchAllTradingAccounts = createRoute({
  operationId: 'atFetchAllTradingAccounts',
  method: 'get',
  path: '/account/fetchAllTradingAccounts',
  tags,
  security,
  summary: 'Every trading account of the user (never its credentials)',
  responses: { ...okJson(AtTradingAccountsResult, 'Trading accounts'), ...atFailures(...KEY_ERRORS) },
});

export const atFetchLivePseudoAccounts = createRoute({
  operationId: 'atFetchLivePseudoAccounts',
  method: 'get',
  path: '/account/fetchLivePseudoAccounts',
  tags,
  security,
  summary: 'Names of the live pseudo accounts',
  responses: { ...okJson(AtPseudoAccountsResult, 'Pseudo accounts'), ...atFailures(...KEY_ERRORS) },
});

export const atPlaceRegularOrder = createRoute({
  operationId: 'atPlaceRegularOrder',
  method: 'post',
  path: '/trading/placeRegularOrder',
  tags,
  security,
  summary: 'Place a regular order',
  description: 'LIMIT needs price > 0; MARKET needs price 0; STOP_LOSS needs price and triggerPrice > 0; SL_MARKET needs triggerPrice > 0 and price 0. In the sandbox a MARKET order fills at once (COMPLETE) and moves the position; other orders stay OPEN (TRIGGER_PENDING for stop-loss).',
  request: { body: formBody(PlaceRegularOrderForm) },
  responses: { ...okJson(AtOrderIdResult, 'Order placed'), ...atFailures(...BODY_ERRORS, ...KEY_ERRORS, 'AT_ACCOUNT_NOT_LIVE', 'AT_INVALID_ORDER') },
});

export const atCancelOrderByPlatformId = createRoute({
  operationId: 'atCancelOrderByPlatformId',
  method: 'post',
  path: '/trading/cancelOrderByPlatformId',
  tags,
  security,
  summary: 'Cancel an open order',
  request: { body: formBody(PlatformIdForm) },
  responses: {
    ...okJson(AtBooleanResult, 'Cancelled'),
    ...atFailures(...BODY_ERRORS, ...KEY_ERRORS, 'AT_ACCOUNT_NOT_LIVE', 'AT_ORDER_NOT_FOUND', 'AT_ORDER_NOT_CANCELLABLE'),
  },
});

type ReadName = 'readPlatformOrders' | 'readPlatformPositions' | 'readPlatformMargins';
const READS: Record<ReadName, { result: typeof AtOrdersResult | typeof AtPositionsResult | typeof AtMarginsResult; what: string }> = {
  readPlatformOrders: { result: AtOrdersResult, what: 'orders' },
  readPlatformPositions: { result: AtPositionsResult, what: 'positions' },
  readPlatformMargins: { result: AtMarginsResult, what: 'margins' },
};

/** The read calls come as GET with a query (Python client) or as POST with a form (Java, C#). */
function readRoutes<N extends ReadName>(name: N, result: (typeof READS)[N]['result']) {
  const common = {
    path: `/trading/${name}`,
    tags,
    security,
    summary: `Read the ${READS[name].what} of a pseudo account`,
    responses: { ...okJson(result, READS[name].what), ...atFailures('VALIDATION', ...KEY_ERRORS, 'AT_ACCOUNT_NOT_LIVE') },
  };
  return {
    get: createRoute({ ...common, operationId: `at${name[0]!.toUpperCase()}${name.slice(1)}`, method: 'get', request: { query: PseudoAccountForm } }),
    post: createRoute({
      ...common,
      operationId: `at${name[0]!.toUpperCase()}${name.slice(1)}Post`,
      method: 'post',
      request: { body: formBody(PseudoAccountForm) },
      responses: { ...common.responses, ...atFailures(...BODY_ERRORS, ...KEY_ERRORS, 'AT_ACCOUNT_NOT_LIVE') },
    }),
  };
}

const orders = readRoutes('readPlatformOrders', AtOrdersResult);
const positions = readRoutes('readPlatformPositions', AtPositionsResult);
const margins = readRoutes('readPlatformMargins', AtMarginsResult);
export const atReadPlatformOrders = orders.get;
export const atReadPlatformOrdersPost = orders.post;
export const atReadPlatformPositions = positions.get;
export const atReadPlatformPositionsPost = positions.post;
export const atReadPlatformMargins = margins.get;
export const atReadPlatformMarginsPost = margins.post;

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
