import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { ExchangeOrderStatus, Numeric, ORDER_EXCHANGES, OrderStatusDetails, orBlank, orderFields, Str } from './orders.js';

/** placeOrderBO: the chapter's table plus orderType, orderValidity and productType, which every published client sends. */
export const PlaceOrderBORequest = z
  .object({
    symbolName: z.string().min(1).max(60).openapi({ description: 'The ScripMaster name for equity cash, the trading symbol for derivatives', example: 'INFY' }),
    exchange: orBlank(z.enum(ORDER_EXCHANGES)).openapi({ description: 'NSE when absent; not BSE (bracket orders are not allowed there); in BFO only SENSEX and BANKEX' }),
    transactionType: z.enum(['BUY', 'SELL']),
    quantity: orderFields.quantity,
    disclosedQuantity: orderFields.disclosedQuantity,
    price: Numeric.openapi({ description: "The entry's limit price", example: '1520.00' }),
    priceType: orBlank(z.enum(['LTP', 'ATP'])).openapi({ description: "LTP (default) or ATP: recorded; the legs are measured from the entry's fill price either way" }),
    squareOffValue: Numeric.openapi({ description: "The target leg's distance from the entry (entry 300, target 305: 5), in valueType units", example: '5' }),
    stopLossValue: Numeric.openapi({ description: "The stop-loss leg's distance from the entry, in valueType units", example: '5' }),
    valueType: orBlank(z.enum(['Absolute', 'Ticks'])).openapi({ description: 'Absolute (rupees, default) or Ticks: the unit of squareOffValue, stopLossValue and trailingStopLoss' }),
    trailingStopLoss: orBlank(Numeric).openapi({ description: 'The trailing step in valueType units; 0 or absent: no trailing', example: '1' }),
    orderType: orBlank(z.string()).openapi({ description: 'L only (the default)' }),
    orderValidity: orBlank(z.string()).openapi({ description: 'DAY only (the default)' }),
    productType: orBlank(z.string()).openapi({ description: 'BO only (the default)' }),
  })
  .openapi('PlaceOrderBORequest');

export const PlaceOrderCORequest = z
  .object({
    symbolName: z.string().min(1).max(60).openapi({ example: 'SBIN' }),
    exchange: orBlank(z.enum(ORDER_EXCHANGES)).openapi({ description: 'NSE when absent; BSE allowed; in BFO only SENSEX and BANKEX' }),
    transactionType: z.enum(['BUY', 'SELL']),
    orderType: z.string().openapi({ description: 'L only', example: 'L' }),
    quantity: orderFields.quantity,
    disclosedQuantity: orderFields.disclosedQuantity,
    price: Numeric.openapi({ description: "The entry's limit price", example: '679.00' }),
    orderValidity: z.string().openapi({ description: 'DAY only', example: 'DAY' }),
    productType: z.string().openapi({ description: 'CO only', example: 'CO' }),
    triggerPrice: Numeric.openapi({
      description: "The stop-loss leg's absolute trigger price: below price for a BUY, above for a SELL (the table marks it optional; every sample sends it, the sandbox requires it)",
      example: '646.00',
    }),
    afterMarketOrderFlag: orBlank(z.enum(['YES', 'NO'])),
  })
  .openapi('PlaceOrderCORequest');

/** BO and CO answers: the placeOrder family with getOrderStatus's all-string orderDetails, as their samples. */
export const BracketOrderResponse = success('BracketOrderResponse', {
  orderNumber: Str('240522000162545'),
  exchangeOrderStatus: ExchangeOrderStatus,
  rejectionReason: Str('--', '"--" unless the order was rejected'),
  orderDetails: OrderStatusDetails,
});

export const ExitOrderResponse = success('ExitOrderResponse', { orderNumber: Str('240522000162545', "The entry's order number") });
