import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { ORDER_EXCHANGES } from './orders.js';
import { BASKET_RULES } from './baskets-rules.js';

/** Ids come as JSON numbers in some published samples and as strings in others (and in Samco's Java client): both are taken. */
export const BasketIdValue = z.union([z.string().regex(/^\d{1,12}$/), z.number().int().min(0)]).openapi({ description: 'A number, or a string of digits', example: '6' });
const Numeric = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().min(0)]).openapi({ description: 'A number, or a string of digits as the samples send it', example: '100' });
const Str = (example: string, description?: string) => z.string().openapi({ example, ...(description ? { description } : {}) });
const Num = (example: number, description?: string) => z.number().openapi({ example, ...(description ? { description } : {}) });
/** An optional field may come as "" (the chapter's own createOrder sample sends disclosedQuantity ""): it counts as absent. */
const orBlank = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('')]).optional();

/** The fields of an order in a basket: placeOrder's, and placeOrderBO's for a bracket order. "" counts as absent. */
const basketOrderFields = {
  symbolName: orBlank(z.string().min(1).max(60)).openapi({ description: 'The ScripMaster name for equity cash, the trading symbol for derivatives', example: 'INFY' }),
  exchange: orBlank(z.enum(ORDER_EXCHANGES)).openapi({ description: 'NSE when absent; in BFO only SENSEX and BANKEX contracts; BO not on BSE' }),
  transactionType: orBlank(z.enum(['BUY', 'SELL'])),
  orderType: orBlank(z.string()).openapi({ description: 'L or SL (BO and CO: L)', example: 'L' }),
  orderValidity: orBlank(z.enum(['DAY', 'IOC'])),
  productType: orBlank(z.enum(BASKET_RULES.products)),
  quantity: orBlank(Numeric),
  disclosedQuantity: orBlank(Numeric).openapi({ description: 'If sent, at least 10% of quantity' }),
  price: orBlank(Numeric).openapi({ description: 'Required (> 0): L and SL are limit orders', example: '1800' }),
  triggerPrice: orBlank(Numeric).openapi({ description: 'SL: the trigger; CO: the stop-loss price (below price for a BUY, above for a SELL); ignored for L', example: '1925.30' }),
  priceType: orBlank(z.enum(['LTP', 'ATP'])).openapi({ description: 'BO only; LTP when absent' }),
  squareOffValue: orBlank(Numeric).openapi({ description: 'BO only, required there: the target distance from the entry price' }),
  stopLossValue: orBlank(Numeric).openapi({ description: 'BO only, required there: the stop-loss distance from the entry price' }),
  valueType: orBlank(z.enum(['Absolute', 'Ticks'])).openapi({ description: 'BO only; Absolute when absent' }),
  trailingStopLoss: orBlank(Numeric).openapi({ description: 'BO only; 0 when absent' }),
};

export const BasketOrder = z.object(basketOrderFields).openapi('BasketOrder', { description: "An order of a basket (Samco's Java and Node clients send these in an `orders` array)" });

export const CreateBasketRequest = z
  .object({
    basketName: z
      .string()
      .max(200)
      .openapi({ description: `Letters, digits, hyphen and space; 1-${BASKET_RULES.nameMax} characters; unique among the account's baskets (case-insensitive)`, example: 'NIFTY FO' }),
    orders: z.array(BasketOrder).max(BASKET_RULES.maxOrders).optional().openapi({ description: "Samco's Java and Node clients: orders added to the new basket, all or none" }),
  })
  .openapi('CreateBasketRequest');

const BasketDetails = z.strictObject({ basketId: Num(64), basketName: Str('NIFTY FO') });
export const CreateBasketResponse = success('CreateBasketResponse', { basketDetails: BasketDetails });

export const ModifyBasketRequest = z.object({ basketName: CreateBasketRequest.shape.basketName, basketId: BasketIdValue }).openapi('ModifyBasketRequest');
export const ModifyBasketResponse = success('ModifyBasketResponse', { basketDetails: BasketDetails });

export const DeleteBasketRequest = z
  .object({
    basketId: z
      .union([BasketIdValue, z.array(BasketIdValue).min(1).max(BASKET_RULES.maxBaskets)])
      .optional()
      .openapi({ description: 'One id, or a list of ids deleted together' }),
  })
  .openapi('DeleteBasketRequest');
export const BasketIdQuery = z.object({
  basketId: z
    .string()
    .max(12)
    .optional()
    .openapi({ param: { name: 'basketId', in: 'query' }, description: "Samco's Java client sends the id here (the chapter sends a JSON body)", example: '6' }),
});
export const PlainBasketResponse = (name: string) => success(name, {});

export const ListBasketQuery = z.object({
  listType: z
    .string()
    .max(40)
    .optional()
    .openapi({ param: { name: 'listType', in: 'query' }, description: 'ALL (when absent), EXECUTED or NOT EXECUTED (encode the space)', example: 'NOT EXECUTED' }),
});

export const BasketListEntry = z
  .strictObject({
    basketId: Num(64),
    basketName: Str('NIFTY FO'),
    totalOrders: Num(0),
    maxOrders: Num(BASKET_RULES.maxOrders, `The sandbox's limit (${BASKET_RULES.maxOrders}, as the published refusal says; the list sample shows 100)`),
    executedOrders: Num(0, 'Orders of the basket whose order executed'),
    displayOrder: Num(64),
    requiredMargin: Str('0.00', 'maxMargin of the basket'),
    finalMargin: Str('0.00', 'finalMargin of the basket (after the hedge benefit)'),
    isreArranged: z.boolean().openapi({ description: 'Spelled as published: whether rearrangeBasketOrder has run' }),
    deletedContracts: Num(0),
    createdAt: Str('2024-08-08 19:06:22', 'IST, yyyy-MM-dd HH:mm:ss'),
    updatedAt: Str('', '"" until the basket changes'),
    basketStatus: z.enum(['NOT EXECUTED', 'EXECUTED']),
    chronologicalView: z.boolean().openapi({ description: 'Whether the orders still run in the order they were added (false after a rearrange)' }),
  })
  .openapi('BasketListEntry');
export const ListBasketResponse = success('ListBasketResponse', { basketList: z.array(BasketListEntry) });

export const CreateBasketOrderRequest = z
  .object({
    basketID: BasketIdValue.optional().openapi({ description: 'Spelled as the chapter spells it here (basketId is taken too)' }),
    basketId: BasketIdValue.optional(),
    ...basketOrderFields,
    orders: z.array(BasketOrder).min(1).max(BASKET_RULES.maxOrders).optional().openapi({ description: "Samco's Java and Node clients: the orders to add, all or none (the answer names the first)" }),
  })
  .openapi('CreateBasketOrderRequest', { description: 'basketID (or basketId) and the order: symbolName, transactionType, orderType, orderValidity, productType, quantity and price are required' });

export const CreateBasketOrderResponse = success('CreateBasketOrderResponse', {
  basketDetails: z.strictObject({
    clientId: Str('RM37283'),
    basketId: Num(88),
    basketOrderId: Num(39),
    displayOrder: Num(39),
    exchange: Str('NSE'),
    tradingSymbol: Str('INFY-EQ'),
    transactionType: z.enum(['BUY', 'SELL']),
    productCode: z.enum(BASKET_RULES.products),
    orderType: Str('L'),
    quantity: Num(150),
    orderPrice: Num(1800),
    triggerPrice: Str('1925.30', 'SL and CO orders only').optional(),
    stoplossValue: Str('1190', 'BO only').optional(),
    squareOffValue: Str('1300', 'BO only').optional(),
    trailingStopLoss: Str('10', 'BO only').optional(),
    createdAt: Str('2024-12-26 16:21:38', 'IST, yyyy-MM-dd HH:mm:ss'),
  }),
});

export const ModifyBasketOrderRequest = z
  .object({
    basketId: BasketIdValue,
    basketOrderId: BasketIdValue.optional(),
    orderId: BasketIdValue.optional().openapi({ description: "Samco's Java and Node clients' name for basketOrderId" }),
    ...basketOrderFields,
    orders: z.array(BasketOrder).length(1).optional().openapi({ description: "Samco's Java and Node clients: the new order, as a one-element list" }),
  })
  .openapi('ModifyBasketOrderRequest', { description: 'basketId, basketOrderId (or orderId), and the fields to change' });

export const DeleteBasketOrderRequest = z
  .object({ basketId: BasketIdValue.optional(), basketOrderId: BasketIdValue.optional(), orderId: BasketIdValue.optional() })
  .openapi('DeleteBasketOrderRequest');
export const BasketOrderQuery = z.object({
  basketId: BasketIdQuery.shape.basketId,
  basketOrderId: z
    .string()
    .max(12)
    .optional()
    .openapi({ param: { name: 'basketOrderId', in: 'query' }, example: '12' }),
  orderId: z
    .string()
    .max(12)
    .optional()
    .openapi({ param: { name: 'orderId', in: 'query' }, description: "Samco's Java client: the basket order id, with basketId, as query parameters", example: '12' }),
});

export const ExecuteBasketOrderRequest = z
  .object({
    basketId: BasketIdValue,
    executionType: z.enum(BASKET_RULES.executionTypes).optional().openapi({ description: "allatonce (when absent, as Samco's Java and Node clients send no executionType) or chronologically" }),
  })
  .openapi('ExecuteBasketOrderRequest');

const itemStr = (example: string) => Str(example);
export const BasketOrderEntry = z
  .strictObject({
    client_id: itemStr('RM37283'),
    basketId: Num(6),
    basketOrderId: Num(12),
    symName: itemStr('INFY'),
    symbol: itemStr('1594_NSE'),
    instrumentType: itemStr('EQ'),
    transactionSide: z.enum(['BUY', 'SELL']),
    orderPrice: itemStr('1800.00'),
    validity: itemStr('DAY'),
    orderType: itemStr('L'),
    quantity: itemStr('150'),
    productCode: itemStr('MIS'),
    disclosedQuantity: itemStr('0'),
    marginBlocked: itemStr('0.00'),
    marginRequired: itemStr('54000.00'),
    incrementalMargin: itemStr('54000.00'),
    filledQuantity: itemStr('0'),
    tradingSymbol: itemStr('INFY-EQ'),
    dispCompanyName: itemStr('INFOSYS LIMITED'),
    companyName: itemStr('INFOSYS LIMITED'),
    dispExpiryDate: itemStr('--'),
    expiry: itemStr('--'),
    instrument: itemStr('--'),
    dispExc: itemStr('NSE'),
    dispInstType: itemStr('EQ'),
    orderStatus: z.enum(['NOT SENT', 'PENDING', 'EXECUTED', 'REJECTED']),
    stopPrice: itemStr('0.00'),
    sSLVal: itemStr('0'),
    sLtpOrAtp: itemStr('LTP'),
    sSLAbsOrTicks: itemStr('Absolute'),
    sSqrOffVal: itemStr('0'),
    sSqroffLtpOrAtp: itemStr('LTP'),
    sSqrOffAbsOrTicks: itemStr('Absolute'),
    sTrailingSL: itemStr('0'),
    sTrailingSLTicks: itemStr('0'),
    rmsOrder: itemStr('--'),
  })
  .openapi('BasketOrderEntry', { description: 'One order of a basket. The chapter lists these fields without a sample: every value a string except the two ids' });

export const ListBasketOrderResponse = success('ListBasketOrderResponse', {
  basketDetails: z.strictObject({
    deletedContracts: Num(0),
    finalMargin: Str('0.00'),
    maxMargin: Str('0.00'),
    estimatedCharges: Str('0.00', 'The sandbox charges no brokerage or taxes'),
    notSentToExchange: z.array(BasketOrderEntry),
    executed: z.array(BasketOrderEntry),
    pending: z.array(BasketOrderEntry),
    rejected: z.array(BasketOrderEntry),
  }),
});

export const RearrangeBasketOrderRequest = z
  .object({
    basketId: BasketIdValue,
    basketOrderId: z
      .union([BasketIdValue, z.array(BasketIdValue).min(1).max(BASKET_RULES.maxOrders)])
      .openapi({ description: 'One id (moved to the front) or ids in their new order (first; the others after them, as they were)' }),
  })
  .openapi('RearrangeBasketOrderRequest');
export const RearrangeBasketOrderResponse = success('RearrangeBasketOrderResponse', {
  rearrangeOrderList: z.strictObject({ basketId: Num(6), orders: z.array(z.strictObject({ basketOrderId: Num(4), sequence: Num(1) })) }),
});

export const SpanCalculatorRequest = z.object({ basketId: BasketIdValue }).openapi('BasketSpanCalculatorRequest');
export const SpanCalculatorResponse = success('BasketSpanCalculatorResponse', {
  spanDetails: z.strictObject({ maxMargin: Num(11.56, "JSON number: every order's margin added up"), finalMargin: Num(11.56, 'JSON number: after the hedge benefit (never above maxMargin)') }),
});
