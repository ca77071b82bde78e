import { createRoute } from '@hono/zod-openapi';
import {
  CancelOrderResponse,
  ModifyOrderFailure,
  ModifyOrderRequest,
  ModifyOrderResponse,
  OrderBookResponse,
  OrderNumberPath,
  OrderNumberQuery,
  OrderStatusResponse,
  PlaceOrderRequest,
  PlaceOrderResponse,
  TriggerOrdersResponse,
} from '../schemas/orders.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import { MARGIN_RULES_TEXT, PRICE_BAND_PERCENT } from '../schemas/market-rules.js';

const tags = ['Orders'];
const security = [{ sessionToken: [] }];
const WRITE = 'An order call that changes an order: from an IP that is not registered for the session\'s app it is refused with 403 "The IP is not the registered static IP" (EOAUTH009).';
const READ = 'A read-only order call: the static IP is not checked (Samco says only that "order-related" calls are; the sandbox checks the calls that place, modify or cancel).';
const WRITE_ERRORS = [...SESSION_ERRORS, 'IP_NOT_REGISTERED'] as const;
const MARKET = `The order is checked, then passes the sandbox's RMS: a price (or trigger) outside previous close ± ${PRICE_BAND_PERCENT}% is rejected, and so is an order the account's limits cannot cover (${MARGIN_RULES_TEXT}) or a CNC sell of more than the account can deliver; a rejected order keeps its order number, with status REJECTED and the reason in rejectionReason. An accepted order rests at the exchange of the simulated market: a BUY limit fills when the last traded price is at or below its price, a SELL at or above, at the last traded price (at once if the market is already there); an SL order waits for its trigger (a BUY at or above it, a SELL at or below) and then acts as a limit order. Fills may be partial when a price change offers less volume (PUT /__sandbox/market/prices). IOC cancels what does not fill at once. afterMarketOrderFlag is recorded; market hours are not simulated yet.`;

function withOrderNumberFailures(responses: Record<number, { content: Record<string, { schema: unknown }> }>) {
  for (const [status, response] of Object.entries(responses)) if (Number(status) < 500) response.content['application/json']!.schema = ModifyOrderFailure;
  return responses;
}

export const placeOrder = createRoute({
  operationId: 'placeOrder',
  method: 'post',
  path: '/order/placeOrder',
  tags,
  summary: 'Place order',
  description: `${WRITE} L and SL only; NSE when exchange is absent; in BFO only SENSEX and BANKEX; disclosedQuantity, when sent, at least 10% of quantity; quantity a multiple of the lot size, prices multiples of the tick size (sandbox checks, worded by the sandbox); CNC is for equity cash. ${MARKET} The answer follows the 2024 samples: orderDetails quantities are numbers and transactionType is B or S; statusMessage "<productType> Order request placed successfully" even when the order was rejected (the status is in exchangeOrderStatus).`,
  security,
  request: { body: jsonBody(PlaceOrderRequest) },
  responses: {
    ...okJson(PlaceOrderResponse, 'CNC Order request placed successfully'),
    ...failures(...BODY_ERRORS, ...WRITE_ERRORS, 'ORDER_INVALID', 'ORDER_TYPE_NOT_ALLOWED', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND'),
  },
});

export const modifyOrder = createRoute({
  operationId: 'modifyOrder',
  method: 'put',
  path: '/order/modifyOrder/{orderNumber}',
  tags,
  summary: 'Modify order',
  description: `${WRITE} Only a PENDING or OPEN order; the attributes sent replace the order's and are checked as for a new order (a quantity must stay above what is filled), the others stay. The RMS checks again; a modification it refuses is answered 400 and the order stays as it was. The answer's key is ordernumber (lower-case n) and the message "Order  modified successfully." (two spaces), as published; an unknown number is 400 "Invalid Order number." with ordernumber echoed.`,
  security,
  request: { params: OrderNumberPath, body: jsonBody(ModifyOrderRequest) },
  responses: {
    ...okJson(ModifyOrderResponse, 'Order  modified successfully.'),
    ...withOrderNumberFailures(failures(...BODY_ERRORS, ...WRITE_ERRORS, 'ORDER_NOT_FOUND', 'ORDER_NOT_MODIFIABLE', 'ORDER_INVALID', 'ORDER_TYPE_NOT_ALLOWED', 'ORDER_MODIFY_REJECTED') as never),
  },
});

export const cancelOrder = createRoute({
  operationId: 'cancelOrder',
  method: 'delete',
  path: '/order/cancelOrder',
  tags,
  summary: 'Cancel order',
  description: `${WRITE} A PENDING or OPEN order: what is not filled is cancelled ("Order cancellation request placed successfully"). A COMPLETE, CANCELLED or REJECTED one is refused with 400 (the sandbox's wording).`,
  security,
  request: { query: OrderNumberQuery },
  responses: {
    ...okJson(CancelOrderResponse, 'Order cancellation request placed successfully'),
    ...failures('VALIDATION', ...WRITE_ERRORS, 'ORDER_NOT_FOUND', 'ORDER_NOT_CANCELLABLE'),
  },
});

export const getOrderStatus = createRoute({
  operationId: 'getOrderStatus',
  method: 'get',
  path: '/order/getOrderStatus',
  tags,
  summary: 'Order status',
  description: `${READ} As published: no status field, orderDetails values all strings, transactionType BUY or SELL, statusMessage "Requested <productType> Order placed successfully". orderStatus holds the order's exchange state as the published table describes it (PENDING, OPEN, COMPLETE, CANCELLED, REJECTED), not the sample's "Success".`,
  security,
  request: { query: OrderNumberQuery },
  responses: { ...okJson(OrderStatusResponse, 'Requested CNC Order placed successfully'), ...failures('VALIDATION', ...SESSION_ERRORS, 'ORDER_NOT_FOUND') },
});

export const orderBook = createRoute({
  operationId: 'orderBook',
  method: 'get',
  path: '/order/orderBook',
  tags,
  summary: 'Order book',
  description: `${READ} Every order of the account, oldest first, in the order-book record shape of the published sample (its spellings totalQuanity and orderPlaceBy included; orderStatus Pending, Trigger Pending, Open, Complete, Cancelled or Rejected; status and exchangeStatus the same in lower case). An empty book is a Success with an empty list (the sandbox's choice).`,
  security,
  responses: { ...okJson(OrderBookResponse, 'Request successful'), ...failures(...SESSION_ERRORS) },
});

export const getTriggerOrders = createRoute({
  operationId: 'getTriggerOrders',
  method: 'get',
  path: '/order/getTriggerOrders',
  tags,
  summary: 'Trigger orders of a bracket or cover order',
  description: `${READ} The stop-loss legs of a bracket or cover order ("SubOrder details retrieved successfully."); a regular order has none, so its list is empty.`,
  security,
  request: { query: OrderNumberQuery },
  responses: { ...okJson(TriggerOrdersResponse, 'SubOrder details retrieved successfully.'), ...failures('VALIDATION', ...SESSION_ERRORS, 'ORDER_NOT_FOUND') },
});
