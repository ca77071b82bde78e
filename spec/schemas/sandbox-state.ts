import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { Ip, IsoTime, Uid } from './common.js';

/** The control API's read-only views of one account's state: paged, filterable, never a secret, token or code. */
const pageParam = (name: string, description: string, max?: number) => {
  const base = z.coerce
    .number()
    .int()
    .min(name === 'limit' ? 1 : 0);
  return (max ? base.max(max) : base).optional().openapi({ param: { name, in: 'query' }, description });
};
const PAGE = { limit: pageParam('limit', 'At most this many rows (default 100, at most 1000)', 1000), offset: pageParam('offset', 'Skip this many rows first (default 0)') };
const q = <T extends z.ZodType>(name: string, schema: T, description: string) => schema.optional().openapi({ param: { name, in: 'query' }, description });

export const StateParams = z.strictObject({ uid: Uid.openapi({ param: { name: 'uid', in: 'path' } }) });
const page = { total: z.number().int().openapi({ description: 'Rows that match the filters, before paging' }), offset: z.number().int(), limit: z.number().int() };
const Liveness = z.enum(['active', 'expired', 'revoked']).openapi('Liveness');
const RevokeReason = z.string().nullable().openapi({ description: 'logout, app-deactivated, key-regenerated, secret-regenerated, token-revoked, code-reused or refreshed' });

export const StateAppsQuery = z.strictObject({ ...PAGE, status: q('status', z.enum(['Active', 'Deactivated']), 'Only apps in this status') });
export const StateApp = z
  .strictObject({ id: z.uuid(), uid: Uid, name: z.string(), redirectUrl: z.string(), status: z.enum(['Active', 'Deactivated']), createdAt: IsoTime, updatedAt: IsoTime })
  .openapi('StateApp', { description: 'An app without its API key or secret (the sandbox keeps only their hashes).' });
export const StateAppsResponse = success('StateAppsResponse', { ...page, apps: z.array(StateApp) });

export const StateStaticIpsQuery = z.strictObject({ ...PAGE });
export const StateStaticIpRow = z
  .strictObject({ appId: z.uuid().nullable().openapi({ description: 'null: the legacy, app-less IPs' }), primaryIp: Ip.nullable(), secondaryIp: Ip.nullable(), updatedAt: IsoTime })
  .openapi('StateStaticIpRow');
export const StateStaticIpsResponse = success('StateStaticIpsResponse', {
  ...page,
  lastIpChangeAt: IsoTime.nullable(),
  nextChangeAllowedAt: IsoTime.nullable().openapi({ description: 'When the next IP change (a new address) is allowed; null: now' }),
  staticIps: z.array(StateStaticIpRow),
});

const livenessFilter = { appId: q('appId', z.uuid(), 'Only this app'), state: q('state', Liveness, 'Only active, expired or revoked ones') };
export const StateSessionsQuery = z.strictObject({ ...PAGE, ...livenessFilter });
export const StateSession = z
  .strictObject({
    tokenId: z.string().openapi({ description: 'The id of the session token (its jti), never the token' }),
    uid: Uid,
    appId: z.uuid().nullable(),
    grantId: z.string().optional().openapi({ description: 'The OAuth session_id that issued it' }),
    state: Liveness,
    srcIp: Ip,
    createdAt: IsoTime,
    expiresAt: IsoTime,
    revokedAt: IsoTime.nullable(),
    revokedReason: RevokeReason,
  })
  .openapi('StateSession');
export const StateSessionsResponse = success('StateSessionsResponse', { ...page, sessions: z.array(StateSession) });

export const StateGrantsQuery = z.strictObject({ ...PAGE, ...livenessFilter });
export const StateGrant = z
  .strictObject({
    id: z.string().openapi({ description: 'The OAuth session_id; its code and tokens are not shown' }),
    uid: Uid,
    appId: z.uuid(),
    redirectUrl: z.string(),
    scopes: z.string(),
    state: Liveness,
    createdAt: IsoTime,
    codeExpiresAt: IsoTime,
    codeUsedAt: IsoTime.nullable(),
    expiresAt: IsoTime,
    revokedAt: IsoTime.nullable(),
    revokedReason: RevokeReason,
  })
  .openapi('StateGrant');
export const StateGrantsResponse = success('StateGrantsResponse', { ...page, grants: z.array(StateGrant) });

const OrderState = z.enum(['PENDING', 'OPEN', 'COMPLETE', 'CANCELLED', 'REJECTED']);
export const StateOrdersQuery = z.strictObject({ ...PAGE, status: q('status', OrderState, 'Only orders in this state'), symbolName: q('symbolName', z.string(), 'Only orders of this symbol') });
export const StateOrder = z
  .strictObject({
    orderNumber: z.string(),
    exchange: z.string(),
    symbolName: z.string(),
    transactionType: z.enum(['BUY', 'SELL']),
    orderType: z.enum(['L', 'SL', 'SL-M']).openapi({ description: 'SL-M only for a bracket or cover stop-loss leg' }),
    productType: z.string(),
    orderValidity: z.enum(['DAY', 'IOC']),
    parentOrderId: z.string().nullable().openapi({ description: "A bracket or cover leg's entry order number; null otherwise" }),
    quantity: z.number(),
    disclosedQuantity: z.number(),
    price: z.number(),
    triggerPrice: z.number(),
    status: OrderState,
    filledQuantity: z.number(),
    averagePrice: z.number(),
    cancelledQuantity: z.number(),
    rejectionReason: z.string(),
    exchangeOrderNo: z.string().nullable(),
    fills: z.array(z.strictObject({ tradeNumber: z.string(), quantity: z.number(), price: z.number(), at: IsoTime })),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  })
  .openapi('StateOrder');
export const StateOrdersResponse = success('StateOrdersResponse', { ...page, orders: z.array(StateOrder) });

export const StatePositionsQuery = z.strictObject({ ...PAGE, positionType: q('positionType', z.enum(['DAY', 'NET']), 'DAY: today’s fills; NET (default): with what earlier days carried') });
export const StatePosition = z
  .strictObject({
    exchange: z.string(),
    symbolName: z.string(),
    tradingSymbol: z.string(),
    productType: z.string(),
    positionType: z.enum(['DAY', 'NET']),
    buyQuantity: z.number(),
    sellQuantity: z.number(),
    carryForwardQuantity: z.number(),
    netQuantity: z.number(),
    averagePrice: z.number(),
    lastTradedPrice: z.number(),
    realised: z.number(),
    unrealised: z.number(),
  })
  .openapi('StatePosition');
export const StatePositionsResponse = success('StatePositionsResponse', { ...page, positions: z.array(StatePosition) });
