import { z } from '@hono/zod-openapi';

/** AutoTrader Web (Stocks Developer): its own envelope, enums and records, as its client libraries read them. */

export const AT_EXCHANGES = ['NSE', 'BSE', 'MCX', 'NFO', 'BFO', 'CDS'] as const;
export const AT_TRADE_TYPES = ['BUY', 'SELL'] as const;
export const AT_ORDER_TYPES = ['LIMIT', 'MARKET', 'STOP_LOSS', 'SL_MARKET'] as const;
export const AT_PRODUCT_TYPES = ['INTRADAY', 'DELIVERY', 'NORMAL', 'MTF'] as const;
export const AT_ORDER_STATUSES = ['OPEN', 'COMPLETE', 'CANCELLED', 'REJECTED', 'TRIGGER_PENDING', 'UNKNOWN'] as const;
export const AT_VARIETIES = ['REGULAR', 'BO', 'CO', 'AT_BO', 'AT_CO'] as const;
export const AT_VALIDITIES = ['DAY', 'IOC'] as const;
export const AT_POSITION_CATEGORIES = ['DAY', 'NET'] as const;
export const AT_POSITION_TYPES = ['MIS', 'NRML', 'CNC', 'BO', 'CO'] as const;

/** Every AutoTrader response has exactly these four keys: the Python client builds its response from them. */
function atEnvelope<T extends z.ZodType>(name: string, result: T, description: string) {
  return z
    .strictObject({
      result: result.openapi({ description: 'The payload' }),
      message: z.string().nullable().openapi({ description: 'null on success (a business-level "no" may carry one)' }),
      status: z.literal(true),
      commandId: z.string().nullable().openapi({ description: 'A UUID for the command (may be null)' }),
    })
    .openapi(name, { description });
}

export const AtFailure = z
  .strictObject({
    result: z.null(),
    message: z.string().openapi({ description: 'The reason' }),
    status: z.literal(false),
    commandId: z.null(),
  })
  .openapi('AtFailure', {
    description:
      'status false, result null, the reason in message. Business refusals (a pseudo account that is not live, an order breaking a price or quantity rule, an unknown platform id, order id or symbol, an order that cannot be cancelled or modified in its state) come as HTTP 200, because the official clients read the body only on a 2xx answer. A missing, wrong or replaced api-key or a disabled user is HTTP 403; too many requests 429; malformed requests the clients never send keep their 4xx.',
  });

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
    variety: z.enum(AT_VARIETIES),
    validity: z.enum(AT_VALIDITIES),
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
    parentOrderId: NullableString.openapi({ description: 'The platform id of the bracket or cover order a child leg (stop-loss or target) belongs to; null otherwise' }),
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
    type: z.enum(AT_POSITION_TYPES),
    pnl: Num,
    atPnl: Num,
    mtm: Num,
    buyValue: Num,
    sellValue: Num,
    netValue: Num,
    buyAvgPrice: Num,
    sellAvgPrice: Num,
    ...whereFields,
    category: z
      .enum(AT_POSITION_CATEGORIES)
      .openapi({ description: "The sandbox has no overnight positions, so its DAY and NET positions are the same: it lists them once, as NET (the sandbox's choice)" }),
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

export const AtHolding = z
  .strictObject({
    id: z.number().int(),
    isin: NullableString,
    collateralType: NullableString,
    instrumentToken: NullableString,
    product: z.string(),
    quantity: z.number().int(),
    collateralQty: z.number().int(),
    t1Qty: z.number().int(),
    pnl: Num,
    haircut: Num,
    avgPrice: Num,
    pseudoAccount: z.string(),
    tradingAccount: z.string(),
    stockBroker: z.string(),
    exchange: z.enum(AT_EXCHANGES),
    symbol: z.string(),
    platform: z.string(),
    ltp: Num,
    currentValue: Num,
    totalQty: z.number().int(),
  })
  .openapi('AtHolding', {
    description:
      "The reference does not list the holding model: these are the constructor parameters of the official Python client's PlatformHolding, in its order (the C# client has the first seventeen). " +
      "The sandbox's choices: one holding per exchange and symbol from the account's DELIVERY fills (bought less sold), id a 1-based number, isin, collateralType and instrumentToken null, product CNC, " +
      'the whole quantity in quantity (t1Qty, collateralQty and haircut 0), pnl (ltp - avgPrice) x quantity, currentValue ltp x quantity, totalQty quantity + t1Qty + collateralQty.',
  });

export const AtOrderIdResult = atEnvelope('AtOrderIdResult', z.string(), 'result: the platform id of the new order');
export const AtBooleanResult = atEnvelope('AtBooleanResult', z.boolean(), 'result: true when done');
export const AtOrdersResult = atEnvelope('AtOrdersResult', z.array(AtOrder), 'result: the orders of the pseudo account');
export const AtPositionsResult = atEnvelope('AtPositionsResult', z.array(AtPosition), 'result: the positions of the pseudo account');
export const AtMarginsResult = atEnvelope('AtMarginsResult', z.array(AtMargin), 'result: the margins of the pseudo account');
export const AtHoldingsResult = atEnvelope('AtHoldingsResult', z.array(AtHolding), 'result: the holdings of the pseudo account');
export const AtTradingAccountsResult = atEnvelope('AtTradingAccountsResult', z.array(AtTradingAccount), 'result: every trading account of the user');
export const AtPseudoAccountsResult = atEnvelope('AtPseudoAccountsResult', z.array(z.string()), 'result: names of the live pseudo accounts');
export const AtApiKeyResult = atEnvelope('AtApiKeyResult', z.strictObject({ apiKey: z.uuid() }), 'result: the API key');

/**
 * An optional request field where "" counts as absent, as on every AutoTrader operation (clients
 * send empty values for parameters they leave out). The spec shows the field's own type.
 */
export function blank<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

const PseudoAccount = z.string().min(1).max(64).openapi({ description: 'A pseudo account of the user; it must be live', example: 'ACC_1' });
// Form values are text: coerced to numbers (the spec shows the number, not the coercion's null).
const Price = z.coerce.number().min(0).max(10_000_000).openapi({ type: 'number', minimum: 0, maximum: 10_000_000 });
const Quantity = z.coerce.number().int().min(1).max(10_000_000).openapi({ type: 'integer', minimum: 1, maximum: 10_000_000 });
/** true/false in any case (the Python client sends True/False). */
const FormBoolean = z
  .string()
  .regex(/^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$/, 'must be true or false')
  .transform((v) => v.toLowerCase() === 'true');
const AtSymbol = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_&.-]*$/, 'must be a broker-independent symbol such as SBIN or BANKNIFTY_25-JUN-2020_FUT')
  .openapi({ description: "AutoTrader's broker-independent symbol; an unknown symbol on its exchange is a business refusal (HTTP 200, status false)", example: 'SBIN' });

const orderFields = {
  pseudoAccount: PseudoAccount,
  exchange: z.enum(AT_EXCHANGES),
  symbol: AtSymbol,
  tradeType: z.enum(AT_TRADE_TYPES),
  orderType: z.enum(AT_ORDER_TYPES),
  quantity: Quantity,
  price: Price.openapi({ description: '0 for MARKET and SL_MARKET' }),
};
const OPTIONAL = 'Optional: absent or "" means 0.';
const legFields = {
  target: Price.openapi({ description: 'Distance of the target leg from the fill price (> 0)' }),
  stoploss: Price.openapi({ description: 'Distance of the stop-loss leg from the fill price (> 0)' }),
  trailingStoploss: blank(Price).openapi({
    description: `Trailing stop-loss step (a price distance): each time the market moves a whole step beyond the best price since the entry's fill, the stop-loss leg's trigger follows by that step, never back (the same rule as Samco's BO). ${OPTIONAL}`,
  }),
};

export const PlaceRegularOrderForm = z
  .object({
    ...orderFields,
    productType: z.enum(AT_PRODUCT_TYPES),
    triggerPrice: blank(Price).openapi({ description: `Required (> 0) for STOP_LOSS and SL_MARKET. ${OPTIONAL}` }),
  })
  .openapi('PlaceRegularOrderForm');

export const PlaceCoverOrderForm = z
  .object({
    ...orderFields,
    triggerPrice: Price.openapi({ description: 'The trigger price of the stop-loss leg (an absolute price, below the entry for a BUY, above it for a SELL)' }),
  })
  .openapi('PlaceCoverOrderForm');

export const PlaceBracketOrderForm = z
  .object({
    ...orderFields,
    triggerPrice: blank(Price).openapi({ description: `Required (> 0) for a STOP_LOSS or SL_MARKET entry. ${OPTIONAL}` }),
    ...legFields,
  })
  .openapi('PlaceBracketOrderForm');

export const PlaceAdvancedOrderForm = z
  .object({
    variety: z.enum(AT_VARIETIES),
    ...orderFields,
    productType: z.enum(AT_PRODUCT_TYPES),
    triggerPrice: blank(Price).openapi({ description: `As for the variety's own function. ${OPTIONAL}` }),
    target: blank(Price).openapi({ description: `BO, AT_BO: distance of the target leg from the fill price (> 0). ${OPTIONAL}` }),
    stoploss: blank(Price).openapi({ description: `BO, AT_BO: distance of the stop-loss leg from the fill price (> 0). ${OPTIONAL}` }),
    trailingStoploss: legFields.trailingStoploss,
    disclosedQuantity: blank(z.coerce.number().int().min(0).max(10_000_000).openapi({ type: 'integer', minimum: 0, maximum: 10_000_000 })).openapi({ description: `At most quantity. ${OPTIONAL}` }),
    validity: blank(z.enum(AT_VALIDITIES)).openapi({ description: 'DAY (default) or IOC: an IOC order fills what it can at once and the rest is cancelled' }),
    amo: blank(FormBoolean).openapi({ description: 'After-market order: recorded; default false' }),
    strategyId: blank(z.string().max(100)).openapi({ description: 'Accepted and not kept by the sandbox' }),
    comments: blank(z.string().max(500)).openapi({ description: 'Accepted and not kept by the sandbox' }),
    publisherId: blank(z.string().max(100)).openapi({ description: "Kept in the order's publisherId" }),
  })
  .openapi('PlaceAdvancedOrderForm');

export const ModifyOrderForm = z
  .object({
    pseudoAccount: PseudoAccount,
    platformId: z.string().min(1).max(64),
    orderType: blank(z.enum(AT_ORDER_TYPES)),
    quantity: blank(Quantity),
    price: blank(Price).openapi({ description: 'Absent: unchanged (0 when the new orderType is MARKET or SL_MARKET)' }),
    triggerPrice: blank(Price).openapi({ description: 'Absent: unchanged (0 when the new orderType is LIMIT or MARKET)' }),
  })
  .openapi('ModifyOrderForm', { description: 'Pass only what changes ("" counts as absent).' });

export const PlatformIdForm = z.object({ pseudoAccount: PseudoAccount, platformId: z.string().min(1).max(64) }).openapi('PlatformIdForm');

export const PseudoAccountForm = z.object({ pseudoAccount: PseudoAccount }).openapi('PseudoAccountForm');

export const SquareOffPositionForm = z
  .object({
    pseudoAccount: PseudoAccount,
    category: z.enum(AT_POSITION_CATEGORIES),
    type: z.enum(AT_POSITION_TYPES),
    exchange: z.enum(AT_EXCHANGES),
    symbol: AtSymbol,
  })
  .openapi('SquareOffPositionForm');

export const SquareOffPortfolioForm = z.object({ pseudoAccount: PseudoAccount, category: z.enum(AT_POSITION_CATEGORIES) }).openapi('SquareOffPortfolioForm');

export const AtCredentials = z
  .object({
    username: z.string().min(1).max(100).openapi({ example: 'trader@example.com' }),
    password: z.string().min(1).max(128).openapi({ description: 'The AutoTrader login password' }),
  })
  .openapi('AtCredentials');
