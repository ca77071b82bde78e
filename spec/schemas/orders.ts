import { z } from '@hono/zod-openapi';
import { ServerTime, success } from './envelope.js';

/** Samco's exchanges; NSE when a request leaves `exchange` out. */
export const ORDER_EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS'] as const;

export const Numeric = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().min(0)]).openapi({ description: 'A number, or a string of digits as the SDKs send it', example: '1' });
/** An optional field may also come as "" (Samco's own Node client sends disclosedQuantity: ""): it counts as absent. */
export const orBlank = <T extends z.ZodType>(schema: T) => z.union([schema, z.literal('')]).optional();
/** Every value of the order-book family is a string: amounts with two decimals, quantities as digits. */
export const Str = (example: string, description?: string) => z.string().openapi({ example, ...(description ? { description } : {}) });

export const orderFields = {
  orderType: z.string().openapi({ description: 'L (Limit) or SL (Stop Loss Limit); MKT and SL-M are refused since v3.2', example: 'L' }),
  quantity: Numeric.openapi({ description: 'A whole number of units, a multiple of the lot size for derivatives' }),
  disclosedQuantity: orBlank(Numeric).openapi({ description: 'If provided, at least 10% of quantity (and no more than it); "" counts as absent' }),
  price: orBlank(Numeric).openapi({ description: 'Required (> 0) for L and SL; a multiple of the tick size', example: '13.40' }),
  triggerPrice: orBlank(Numeric).openapi({ description: 'Required (> 0) for SL: a BUY triggers when the last traded price reaches it or above, a SELL at it or below', example: '14.9' }),
  orderValidity: z.enum(['DAY', 'IOC']).openapi({ description: 'DAY stays until filled or cancelled; IOC cancels what does not fill at once' }),
};

export const PlaceOrderRequest = z
  .object({
    symbolName: z.string().min(1).max(60).openapi({ description: 'The ScripMaster name for equity cash (IDEA), the trading symbol for derivatives (NIFTY26DECFUT)', example: 'IDEA' }),
    exchange: orBlank(z.enum(ORDER_EXCHANGES)).openapi({ description: 'NSE when absent (or ""); in BFO only SENSEX and BANKEX contracts' }),
    transactionType: z.enum(['BUY', 'SELL']),
    ...orderFields,
    productType: z.enum(['CNC', 'MIS', 'NRML']),
    afterMarketOrderFlag: orBlank(z.enum(['YES', 'NO'])),
  })
  .openapi('PlaceOrderRequest');

export const ModifyOrderRequest = z
  .object({
    orderType: orBlank(orderFields.orderType),
    quantity: orBlank(orderFields.quantity),
    disclosedQuantity: orderFields.disclosedQuantity,
    price: orderFields.price,
    triggerPrice: orderFields.triggerPrice,
    orderValidity: orderFields.orderValidity.openapi({ description: 'Required, as the published table marks it' }),
  })
  .openapi('ModifyOrderRequest', { description: 'The attributes to change; the others stay as they are' });

const ORDER_STATES = ['PENDING', 'OPEN', 'COMPLETE', 'CANCELLED', 'REJECTED'] as const;
export const ExchangeOrderStatus = z.enum(ORDER_STATES).openapi('ExchangeOrderStatus');

/** placeOrder's orderDetails, as the 2024 samples show it: quantities as numbers, transactionType B or S. */
export const PlacedOrderDetails = z
  .strictObject({
    pendingQuantity: z.number().int(),
    avgExecutionPrice: Str('0.00'),
    orderPlacedBy: Str('--'),
    tradingSymbol: Str('IDEA-EQ'),
    triggerPrice: Str('0.00'),
    exchange: Str('NSE'),
    totalQuantity: z.number().int(),
    transactionType: z.enum(['B', 'S']),
    productType: Str('CNC'),
    orderType: Str('L'),
    quantity: z.number().int(),
    filledQuantity: z.number().int(),
    orderPrice: Str('13.40'),
    filledPrice: Str('0.00'),
    orderValidity: Str('DAY'),
    orderTime: Str('22/05/2024 17:17:15', 'IST, dd/MM/yyyy HH:mm:ss'),
  })
  .openapi('PlacedOrderDetails');

export const PlaceOrderResponse = success('PlaceOrderResponse', {
  orderNumber: Str('240522000162545', 'yyMMdd of the IST day, then 9 digits'),
  exchangeOrderStatus: ExchangeOrderStatus,
  rejectionReason: Str('', '"" unless the order was rejected'),
  orderDetails: PlacedOrderDetails,
});

/** getOrderStatus's orderDetails, as its sample shows it: every value a string, transactionType BUY or SELL. */
export const OrderStatusDetails = z
  .strictObject({
    pendingQuantity: Str('0'),
    avgExecutionPrice: Str('1193.00'),
    orderPlacedBy: Str('DV9999'),
    tradingSymbol: Str('RELIANCE'),
    triggerPrice: Str('0.00'),
    exchange: Str('BSE'),
    totalQuantity: Str('1'),
    expiry: Str('--', '"--" for equity, dd MMM yy for a derivative'),
    transactionType: z.enum(['BUY', 'SELL']),
    productType: Str('MIS'),
    orderType: Str('L'),
    quantity: Str('1'),
    filledQuantity: Str('1'),
    orderPrice: Str('1240.00'),
    filledPrice: Str('1240.00'),
    exchangeOrderNo: Str('1565067682526005486', '"--" until the order reaches the exchange'),
    orderValidity: Str('DAY'),
    orderTime: Str('12/12/2019 16:20:09', 'IST, dd/MM/yyyy HH:mm:ss'),
  })
  .openapi('OrderStatusDetails');

/** As published, getOrderStatus has no `status` field. */
export const OrderStatusResponse = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    orderNumber: z.string(),
    orderStatus: z.enum(ORDER_STATES).openapi({ description: 'The order\'s state at the exchange, as the published table says (the published sample shows "Success" there)' }),
    statusMessage: Str('Requested MIS Order placed successfully'),
    orderDetails: OrderStatusDetails,
  })
  .openapi('OrderStatusResponse');

/** The fields the order book and the trade book records share, in their samples' order. */
const bookFields = {
  orderNumber: Str('191206000000079'),
  exchange: Str('BSE'),
  tradingSymbol: Str('RELIANCE'),
  symbolDescription: Str('RELIANCE INDUSTRIES LTD.'),
  transactionType: z.enum(['BUY', 'SELL']),
  productCode: Str('MIS'),
  orderType: Str('L'),
  orderPrice: Str('1560.15'),
  quantity: Str('13'),
  disclosedQuantity: Str('1'),
  triggerPrice: Str('0.00'),
  marketProtection: Str('3'),
  orderValidity: Str('DAY'),
};

export const OrderBookEntry = z
  .strictObject({
    ...bookFields,
    orderStatus: z.enum(['Pending', 'Trigger Pending', 'Open', 'Complete', 'Cancelled', 'Rejected']),
    orderValue: Str('20281.95'),
    instrumentName: Str('NA'),
    orderTime: Str('06-Dec-2019 13:47:04', 'IST, dd-MMM-yyyy HH:mm:ss'),
    userId: Str('DV99999'),
    filledQuantity: Str('13'),
    fillPrice: Str('1560.15', 'The price of the last fill'),
    averagePrice: Str('1560.15'),
    unfilledQuantity: Str('0'),
    exchangeOrderId: Str('1575608622401000995'),
    rejectionReason: Str('NA'),
    exchangeConfirmationTime: Str('06-Dec-2019 14:14:47'),
    cancelledQuantity: Str('0'),
    referenceLimitPrice: Str('0.00'),
    coverOrderPercentage: Str('0.00'),
    orderRemarks: Str('--'),
    exchangeOrderNumber: Str('1575608622401000995'),
    symbol: Str('500325_BSE', '<listing id>_<exchange>'),
    displayStrikePrice: Str('0.00'),
    displayNetQuantity: Str('13'),
    status: z.enum(['pending', 'trigger pending', 'open', 'complete', 'cancelled', 'rejected']),
    exchangeStatus: z.enum(['pending', 'trigger pending', 'open', 'complete', 'cancelled', 'rejected']),
    expiry: Str('--'),
    pendingQuantity: Str('0'),
    instrument: Str('--'),
    scripName: Str('--'),
    totalQuanity: Str('13', "Spelled as Samco's sample and official client spell it"),
    optionType: Str('--'),
    orderPlaceBy: Str('DV99999', "Spelled as Samco's sample and official client spell it"),
    lotQuantity: Str('1'),
    parentOrderId: Str('--'),
  })
  .openapi('OrderBookEntry');

export const OrderBookResponse = success('OrderBookResponse', { orderBookDetails: z.array(OrderBookEntry) });

const legFields = { orderStatus: z.string(), orderPrice: z.string(), triggerPrice: z.string() };
/** A bracket's or cover's leg: the chapter's sample keys the stop-loss leg stopLossOrderNo; the Java and stocknote models also key a target leg targetOrderNo. */
export const TriggerOrder = z.union([z.strictObject({ stopLossOrderNo: z.string(), ...legFields }), z.strictObject({ targetOrderNo: z.string(), ...legFields })]).openapi('TriggerOrder');

export const TriggerOrdersResponse = success('TriggerOrdersResponse', {
  triggerOrders: z.array(TriggerOrder).openapi({ description: 'The legs of a bracket or cover entry (stop-loss first); empty for a regular order or before the entry filled' }),
});

export const CancelOrderResponse = success('CancelOrderResponse', { orderNumber: z.string() });

/** Modify answers `ordernumber` (lower-case n), on success and on failure, as both published samples do. */
export const ModifyOrderResponse = success('ModifyOrderResponse', { ordernumber: z.string() });

export const ModifyOrderFailure = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    status: z.literal('Failure'),
    statusMessage: z.string(),
    ordernumber: z.string().optional().openapi({ description: 'The order number of the path, echoed' }),
    errorCode: z.string().optional(),
  })
  .openapi('ModifyOrderFailure');

export const OrderNumberQuery = z.object({
  orderNumber: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'orderNumber', in: 'query' }, example: '240522000162545' }),
});

export const OrderNumberPath = z.object({
  orderNumber: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: 'orderNumber', in: 'path' }, example: '240522000162545' }),
});

export const TradeBookEntry = z
  .strictObject({
    ...bookFields,
    orderStatus: z.enum(['Open', 'Complete', 'Cancelled']),
    orderValue: Str('20281.95'),
    instrumentName: Str('NA'),
    orderTime: Str('06-Dec-2019 13:47:04', 'IST, dd-MMM-yyyy HH:mm:ss'),
    userId: Str('DV99999'),
    filledQuantity: Str('13', 'The quantity of this trade'),
    unfilledQuantity: Str('0'),
    exchangeConfirmationTime: Str('14:14:47', 'IST, HH:mm:ss'),
    coverOrderPercentage: Str('%'),
    exchangeOrderNumber: Str('1571202357797000054'),
    tradeNumber: Str('195300'),
    tradePrice: Str('1560.15'),
    tradeDate: Str('06DEC2019', 'IST, ddMMMyyyy'),
    tradeTime: Str('02:14:47 PM', 'IST, hh:mm:ss AM/PM'),
    strikePrice: Str('0.00'),
    optionType: Str('XX'),
    lastTradePrice: Str('2,077.00', 'Indian digit grouping'),
    expiry: Str('NA'),
  })
  .openapi('TradeBookEntry');

export const TradeBookResponse = success('TradeBookResponse', { tradeBookDetails: z.array(TradeBookEntry) });
