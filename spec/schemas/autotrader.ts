import { z } from '@hono/zod-openapi';

/** AutoTrader Web (Stocks Developer): its own envelope, enums and records, as its client libraries read them. */

export const AT_EXCHANGES = ['NSE', 'BSE', 'MCX', 'NFO', 'BFO', 'CDS'] as const;
export const AT_TRADE_TYPES = ['BUY', 'SELL'] as const;
export const AT_ORDER_TYPES = ['LIMIT', 'MARKET', 'STOP_LOSS', 'SL_MARKET'] as const;
export const AT_PRODUCT_TYPES = ['INTRADAY', 'DELIVERY', 'NORMAL', 'MTF'] as const;
export const AT_ORDER_STATUSES = ['OPEN', 'COMPLETE', 'CANCELLED', 'REJECTED', 'TRIGGER_PENDING', 'UNKNOWN'] as const;

/** Every AutoTrader response has exactly these four keys: the Python client builds its response from them. */
function atEnvelope<T extends z.ZodType>(name: string, result: T, description: string) {
  return z
    .strictObject({
      result: result.nullable().openapi({ description: 'The payload on success; null on failure' }),
      message: z.string().nullable().openapi({ description: 'null on success; the reason on failure' }),
      status: z.boolean(),
      commandId: z.string().nullable().openapi({ description: 'A UUID for the command (may be null)' }),
    })
    .openapi(name, { description });
}

export const AtFailure = atEnvelope('AtFailure', z.null(), 'status false, result null, the reason in message. A missing, wrong or replaced api-key is HTTP 403; too many requests 429.');

const Num = z.number();

/** Where an order or position lives: its accounts, broker and instrument, in both their forms. */
const whereFields = {
  pseudoAccount: z.string(),
  tradingAccount: z.string(),
  stockBroker: z.string(),
  exchange: z.enum(AT_EXCHANGES),
  symbol: z.string(),
  independentExchange: z.enum(AT_EXCHANGES),
  independentSymbol: z.string(),
};
const NullableString = z.string().nullable();

export const AtOrder = z
  .strictObject({
    id: z.string().openapi({ description: 'The platform id: cancel and modify take it' }),
    tradeType: z.enum(AT_TRADE_TYPES),
    orderType: z.enum(AT_ORDER_TYPES),
    productType: z.enum(AT_PRODUCT_TYPES),
    variety: z.literal('REGULAR'),
    validity: z.enum(['DAY', 'IOC']),
    quantity: z.number().int(),
    disclosedQuantity: z.number().int(),
    price: Num,
    triggerPrice: Num,
    amo: z.boolean(),
    statusMessage: NullableString,
    publisherId: NullableString,
    ...whereFields,
    modifiedTime: z.number().int().openapi({ description: 'epoch milliseconds' }),
    createdTime: z.number().int(),
    parentOrderId: NullableString,
    exchangeOrderId: NullableString,
    averagePrice: Num,
    clientId: NullableString,
    rawStatus: NullableString,
    platformTime: z.number().int(),
    exchangeTime: z.number().int().nullable(),
    pendingQuantity: z.number().int(),
    filledQuantity: z.number().int(),
    platform: z.string(),
    status: z.enum(AT_ORDER_STATUSES),
    nestRequestId: NullableString,
  })
  .openapi('AtOrder', { description: 'Every field is present in every item: the Python client builds orders positionally.' });

export const AtPosition = z
  .strictObject({
    id: z.string(),
    buyQuantity: z.number().int(),
    sellQuantity: z.number().int(),
    netQuantity: z.number().int(),
    type: z.enum(['MIS', 'NRML', 'CNC', 'BO', 'CO']),
    pnl: Num,
    atPnl: Num,
    mtm: Num,
    buyValue: Num,
    sellValue: Num,
    netValue: Num,
    buyAvgPrice: Num,
    sellAvgPrice: Num,
    ...whereFields,
    category: z.enum(['DAY', 'NET']),
    ltp: Num,
    platform: z.string(),
    accountId: z.string(),
    overnightQuantity: z.number().int(),
    multiplier: z.number().int(),
    realisedPnl: Num,
    unrealisedPnl: Num,
    state: z.enum(['OPEN', 'CLOSED']),
    direction: z.enum(['LONG', 'SHORT', 'NEUTRAL']),
  })
  .openapi('AtPosition');

export const AtMargin = z
  .strictObject({
    category: z.enum(['EQUITY', 'COMMODITY', 'ALL']),
    funds: Num,
    utilized: Num,
    available: Num,
    total: Num,
    net: Num,
    span: Num,
    exposure: Num,
    collateral: Num,
    payin: Num,
    payout: Num,
    adhoc: Num,
    realisedMtm: Num,
    unrealisedMtm: Num,
    pseudoAccount: z.string(),
    tradingAccount: z.string(),
    stockBroker: z.string(),
  })
  .openapi('AtMargin');

export const AtTradingAccount = z
  .strictObject({
    loginId: z.string(),
    pseudoAccName: z.string(),
    broker: z.string(),
    platform: z.string(),
    licenseExpiryDate: z.string().openapi({ example: '2026-12-31' }),
    live: z.boolean(),
    systemId: z.string(),
    systemIdOfPseudoAcc: z.string(),
    licenseDaysLeft: z.number().int(),
  })
  .openapi('AtTradingAccount', { description: 'Never carries broker credentials.' });

export const AtOrderIdResult = atEnvelope('AtOrderIdResult', z.string(), 'result: the platform id of the new order');
export const AtBooleanResult = atEnvelope('AtBooleanResult', z.boolean(), 'result: true when done');
export const AtOrdersResult = atEnvelope('AtOrdersResult', z.array(AtOrder), 'result: the orders of the pseudo account');
export const AtPositionsResult = atEnvelope('AtPositionsResult', z.array(AtPosition), 'result: the positions of the pseudo account');
export const AtMarginsResult = atEnvelope('AtMarginsResult', z.array(AtMargin), 'result: the margins of the pseudo account');
export const AtTradingAccountsResult = atEnvelope('AtTradingAccountsResult', z.array(AtTradingAccount), 'result: every trading account of the user');
export const AtPseudoAccountsResult = atEnvelope('AtPseudoAccountsResult', z.array(z.string()), 'result: names of the live pseudo accounts');
export const AtApiKeyResult = atEnvelope('AtApiKeyResult', z.strictObject({ apiKey: z.uuid() }), 'result: the API key');

const PseudoAccount = z.string().min(1).max(64).openapi({ description: 'A pseudo account of the user; it must be live', example: 'ACC_1' });
const Price = z.coerce.number().min(0).max(10_000_000);

export const PlaceRegularOrderForm = z
  .strictObject({
    pseudoAccount: PseudoAccount,
    exchange: z.enum(AT_EXCHANGES),
    symbol: z.string().min(1).max(100).regex(/^[A-Z0-9][A-Z0-9_&.-]*$/, 'must be a broker-independent symbol such as SBIN or BANKNIFTY_25-JUN-2020_FUT'),
    tradeType: z.enum(AT_TRADE_TYPES),
    orderType: z.enum(AT_ORDER_TYPES),
    productType: z.enum(AT_PRODUCT_TYPES),
    quantity: z.coerce.number().int().min(1).max(10_000_000),
    price: Price.openapi({ description: '0 for MARKET and SL_MARKET' }),
    triggerPrice: Price.optional().openapi({ description: 'Required (> 0) for STOP_LOSS and SL_MARKET; default 0' }),
  })
  .openapi('PlaceRegularOrderForm');

export const PlatformIdForm = z
  .strictObject({ pseudoAccount: PseudoAccount, platformId: z.string().min(1).max(64) })
  .openapi('PlatformIdForm');

export const PseudoAccountForm = z.strictObject({ pseudoAccount: PseudoAccount }).openapi('PseudoAccountForm');

export const AtCredentials = z
  .strictObject({
    username: z.string().min(1).max(100).openapi({ example: 'trader@example.com' }),
    password: z.string().min(1).max(128).openapi({ description: 'The AutoTrader login password' }),
  })
  .openapi('AtCredentials');
