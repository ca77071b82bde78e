import { z } from '@hono/zod-openapi';
import { ServerTime } from './envelope.js';
import { Numeric, ORDER_EXCHANGES, orBlank, orderFields, PlacedOrderDetails, Str } from './orders.js';

const BulkOrder = z
  .object({
    symbolName: z.string().min(1).max(60).openapi({ example: 'NIFTY29DEC2626000CE' }),
    exchange: orBlank(z.enum(ORDER_EXCHANGES)),
    transactionType: z.enum(['BUY', 'SELL']),
    ...orderFields,
    productType: z.enum(['CNC', 'NRML', 'MIS', 'CO', 'BO']).openapi({ description: 'CNC, NRML or MIS in the sandbox (CO and BO are refused: place them with placeOrderCO / placeOrderBO)' }),
    afterMarketOrderFlag: orBlank(z.enum(['YES', 'NO'])),
  })
  .openapi('BulkOrder');

/** The chapter sends one order; Samco's Java and Node SDKs send `{orders: [...]}`. Both are accepted. */
export const BulkOrderRequest = z.union([z.object({ orders: z.array(BulkOrder).min(1).max(50) }).openapi('BulkOrderList'), BulkOrder]).openapi('BulkOrderRequest');

export const BulkOrderDetails = z.strictObject({ ...PlacedOrderDetails.shape, transactionType: z.enum(['BUY', 'SELL']) }).openapi('BulkOrderDetails');

export const BulkOrderResponse = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    status: z.literal('Success'),
    statusMessage: Str('Bulk order processed', "The SDKs' text (the chapter's sample has no statusMessage)"),
    orders: z.array(
      z.strictObject({
        orderNumber: Str('240822000136560'),
        orderStatus: z.enum(['PENDING', 'OPEN', 'COMPLETE', 'CANCELLED', 'REJECTED']),
        rejectionReason: Str('', '"" unless the slice was rejected'),
        orderDetails: BulkOrderDetails,
      }),
    ),
  })
  .openapi('BulkOrderResponse');

const SpanItem = z
  .object({
    exchange: z.enum(ORDER_EXCHANGES),
    tradingSymbol: z.string().min(1).max(60).openapi({ example: 'NIFTY26DECFUT' }),
    qty: Numeric,
    transactionType: orBlank(z.enum(['BUY', 'SELL'])).openapi({ description: 'SELL when absent' }),
    price: orBlank(Numeric).openapi({ description: 'The last traded price when absent' }),
    productType: orBlank(z.string()).openapi({ description: "Optional (Samco's Java and Python clients do not send it): MIS counts equity at the intraday rate" }),
    orderType: orBlank(z.string()).openapi({ description: 'Optional, recorded only' }),
  })
  .openapi('SpanMarginItem');

export const SpanMarginRequest = z.object({ request: z.array(SpanItem).min(1).max(50) }).openapi('SpanMarginRequest');

const Amount = (example: string) =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .openapi({ example });
export const SpanMarginResponse = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    status: z.literal('Success'),
    statusMessage: Str('Span margin calculated'),
    spanDetails: z
      .strictObject({
        estimatedBrokerage: Amount('20.00'),
        estimatedExpenses: Amount('3.88'),
        estimatedOrderValue: Amount('1699750.00'),
        marginRequired: Amount('203970.00'),
        exposureMargin: Amount('50992.50'),
        totalMargin: Amount('203970.00'),
        totalRequirement: Amount('203970.00'),
        spanRequirement: Amount('152977.50'),
        spreadBenefit: Amount('0.00'),
      })
      .openapi({
        description:
          "Both published sets of names: the chapter's (estimated*, marginRequired, exposureMargin, totalMargin) and the SDKs' (totalRequirement, spanRequirement, exposureMargin, spreadBenefit)",
      }),
  })
  .openapi('SpanMarginResponse');
