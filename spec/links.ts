/**
 * OpenAPI links: which value of an answer feeds which next call, so that a stateful fuzzer
 * (Schemathesis, RESTler-style tools) walks the flows as a client does: place order -> status
 * -> modify -> cancel; create app -> verify OTP -> session token -> trade calls; OAuth token ->
 * refresh -> revoke; the legacy chain; AutoTrader place -> modify -> cancel. Runtime
 * expressions as OpenAPI 3.1 defines them; a header parameter is named `header.<name>`.
 */
type Link = { operationId: string; description: string; parameters?: Record<string, string>; requestBody?: unknown };

const SESSION = { 'header.x-session-token': '$response.body#/sessionToken' };
const withSession = (operationId: string, description: string): Link => ({ operationId, description, parameters: SESSION });
const DASHBOARD = '$response.body#/dashboardToken';

export const LINKS: Record<string, Record<string, Link>> = {
  placeOrder: {
    OrderStatus: { operationId: 'getOrderStatus', description: 'The status of the order just placed', parameters: { orderNumber: '$response.body#/orderNumber' } },
    ModifyOrder: { operationId: 'modifyOrder', description: 'Modify the order just placed', parameters: { orderNumber: '$response.body#/orderNumber' } },
    CancelOrder: { operationId: 'cancelOrder', description: 'Cancel the order just placed', parameters: { orderNumber: '$response.body#/orderNumber' } },
    TriggerOrders: { operationId: 'getTriggerOrders', description: 'Its trigger orders', parameters: { orderNumber: '$response.body#/orderNumber' } },
  },
  getOrderStatus: {
    ModifyOrder: { operationId: 'modifyOrder', description: 'Modify the order read', parameters: { orderNumber: '$response.body#/orderNumber' } },
    CancelOrder: { operationId: 'cancelOrder', description: 'Cancel the order read', parameters: { orderNumber: '$response.body#/orderNumber' } },
  },
  modifyOrder: {
    OrderStatus: { operationId: 'getOrderStatus', description: 'The status after the modification', parameters: { orderNumber: '$request.path.orderNumber' } },
    CancelOrder: { operationId: 'cancelOrder', description: 'Cancel the modified order', parameters: { orderNumber: '$request.path.orderNumber' } },
  },
  cancelOrder: {
    OrderStatus: { operationId: 'getOrderStatus', description: 'The status after the cancellation', parameters: { orderNumber: '$request.query.orderNumber' } },
  },
  dashboardLogin: {
    CreateApp: { operationId: 'createApp', description: 'Create an app with the dashboard token', parameters: { 'header.x-dashboard-token': DASHBOARD } },
    ListApps: { operationId: 'listApps', description: 'List the apps', parameters: { 'header.x-dashboard-token': DASHBOARD } },
    StaticIps: { operationId: 'listStaticIps', description: 'The static IPs and yourIp', parameters: { 'header.x-dashboard-token': DASHBOARD } },
  },
  createApp: {
    VerifyOtp: { operationId: 'verifyChallenge', description: 'Verify the OTP sent for the new app (read it from the outbox)', parameters: { challengeId: '$response.body#/challenge/challengeId' } },
    ResendOtp: { operationId: 'resendChallenge', description: 'Send the OTP again', parameters: { challengeId: '$response.body#/challenge/challengeId' } },
  },
  setStaticIp: {
    VerifyOtp: { operationId: 'verifyChallenge', description: 'Verify the OTP of the IP change', parameters: { challengeId: '$response.body#/challenge/challengeId' } },
  },
  verifyChallenge: {
    SessionToken: {
      operationId: 'sessionToken',
      description: 'A session from the app just created: the secret shown once here, the key from the e-mail in the outbox',
      requestBody: { apiSecret: '$response.body#/apiSecret' },
    },
    GetApp: { operationId: 'getApp', description: 'The app the OTP acted on', parameters: { appId: '$response.body#/app/appId' } },
  },
  sessionToken: {
    Limits: withSession('getLimits', 'Limits with the new session'),
    WhoAmI: withSession('whoAmI', 'The IP the server sees'),
    PlaceOrder: withSession('placeOrder', 'Place an order with the new session'),
    OrderBook: withSession('orderBook', 'The order book'),
    LoginCode: withSession('webSecretCode', 'A Login Code'),
    Logout: withSession('logout', 'End the session'),
  },
  webSecretCode: {
    Validate: { operationId: 'webSecretCodeValidation', description: 'Exchange the Login Code for a session', requestBody: { otp: '$response.body#/data/OTP' } },
  },
  oauthToken: {
    Refresh: {
      operationId: 'oauthToken',
      description: 'Refresh: a new pair, the old refresh token inactive',
      requestBody: { grant_type: 'refresh_token', refresh_token: '$response.body#/data/refresh_token' },
    },
    Revoke: { operationId: 'oauthRevoke', description: 'Revoke the access token (ends the session)', requestBody: { token: '$response.body#/data/access_token', token_type: 'access_token' } },
    Limits: { operationId: 'getLimits', description: 'A Trade API call with the access token', parameters: { 'header.x-session-token': '$response.body#/data/access_token' } },
  },
  generateOtp: {
    SecretKey: { operationId: 'secretKeyGenerator', description: 'The secret key, with the OTP sent (read it from the outbox)', requestBody: { uid: '$request.body#/uid' } },
  },
  accessToken: {
    Login: { operationId: 'legacyLogin', description: 'The legacy login with the access token', requestBody: { userId: '$request.body#/uid', accessToken: '$response.body#/accessToken' } },
  },
  legacyLogin: {
    Limits: withSession('getLimits', 'Limits with the legacy session'),
  },
  atPlaceRegularOrder: {
    Modify: {
      operationId: 'atModifyOrderByPlatformId',
      description: 'Modify the order just placed',
      requestBody: { pseudoAccount: '$request.body#/pseudoAccount', platformId: '$response.body#/result' },
    },
    Cancel: {
      operationId: 'atCancelOrderByPlatformId',
      description: 'Cancel the order just placed',
      requestBody: { pseudoAccount: '$request.body#/pseudoAccount', platformId: '$response.body#/result' },
    },
  },
};

type Operation = { operationId?: string; responses?: Record<string, { links?: Record<string, unknown> }> };

/** Puts the links on each source operation's 200 answer; throws when the table names an operation the spec lacks. */
export function addLinks<T extends { paths?: object }>(doc: T): T {
  const byId = new Map<string, Operation>();
  for (const methods of Object.values((doc.paths ?? {}) as Record<string, Record<string, Operation>>)) for (const op of Object.values(methods)) if (op.operationId) byId.set(op.operationId, op);
  for (const [source, links] of Object.entries(LINKS)) {
    const op = byId.get(source);
    if (!op?.responses?.['200']) throw new Error(`links: no operation ${source} with a 200 answer`);
    for (const link of Object.values(links)) if (!byId.has(link.operationId)) throw new Error(`links: no operation ${link.operationId}`);
    op.responses['200'].links = links;
  }
  return doc;
}
