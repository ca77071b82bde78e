import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';

export const ORDER_EXCHANGES = ['NSE', 'BSE', 'NFO', 'MCX', 'CDS'] as const;
const Numeric = z.union([z.string().regex(/^\d+(\.\d+)?$/), z.number().min(0)]).openapi({ description: 'A number, or a string of digits as the SDKs send it', example: '1' });

export const PlaceOrderRequest = z
  .object({
    symbolName: z.string().min(1).max(50).openapi({ example: 'INFY' }),
    exchange: z.enum(ORDER_EXCHANGES),
    transactionType: z.enum(['BUY', 'SELL']),
    orderType: z.enum(['L', 'MKT', 'SL', 'SL-M']),
    quantity: Numeric,
    disclosedQuantity: Numeric.optional(),
    price: Numeric.optional().openapi({ description: 'Required (> 0) for L and SL; 0 or absent for MKT and SL-M' }),
    triggerPrice: Numeric.optional().openapi({ description: 'Required (> 0) for SL and SL-M' }),
    orderValidity: z.enum(['DAY', 'IOC']),
    productType: z.enum(['CNC', 'MIS', 'NRML']),
    afterMarketOrderFlag: z.enum(['YES', 'NO']).optional(),
  })
  .openapi('PlaceOrderRequest');

export const OrderStatus = z.enum(['PENDING', 'EXECUTED', 'CANCELLED']).openapi('OrderStatus');

export const OrderDetails = z
  .strictObject({
    orderNumber: z.string(),
    symbolName: z.string(),
    exchange: z.enum(ORDER_EXCHANGES),
    transactionType: z.enum(['BUY', 'SELL']),
    orderType: z.enum(['L', 'MKT', 'SL', 'SL-M']),
    quantity: z.string(),
    disclosedQuantity: z.string(),
    pendingQuantity: z.string(),
    filledQuantity: z.string(),
    price: z.string(),
    triggerPrice: z.string(),
    averagePrice: z.string(),
    productType: z.enum(['CNC', 'MIS', 'NRML']),
    orderValidity: z.enum(['DAY', 'IOC']),
    afterMarketOrderFlag: z.enum(['YES', 'NO']),
    orderStatus: OrderStatus,
    orderTime: z.string().openapi({ description: 'IST, dd/MM/yy HH:mm:ss' }),
  })
  .openapi('OrderDetails');

export const PlaceOrderResponse = success('PlaceOrderResponse', {
  orderNumber: z.string(),
  exchangeOrderStatus: OrderStatus,
  orderDetails: OrderDetails,
});
export const OrderBookResponse = success('OrderBookResponse', { orderBookDetails: z.array(OrderDetails) });
export const OrderStatusResponse = success('OrderStatusResponse', { orderNumber: z.string(), orderStatus: OrderStatus, orderDetails: OrderDetails });
export const CancelOrderResponse = success('CancelOrderResponse', { orderNumber: z.string() });
export const OrderNumberQuery = z.object({
  orderNumber: z.string().min(1).max(40).openapi({ param: { name: 'orderNumber', in: 'query' }, example: '250101000000001' }),
});
