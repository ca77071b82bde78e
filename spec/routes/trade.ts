import { createRoute } from '@hono/zod-openapi';
import { LimitsResponse } from '../schemas/limits.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import { WhoAmIResponse } from '../schemas/static-ips.js';
import { CancelOrderResponse, OrderBookResponse, OrderNumberQuery, OrderStatusResponse, PlaceOrderRequest, PlaceOrderResponse } from '../schemas/orders.js';

export const getLimits = createRoute({
  operationId: 'getLimits',
  method: 'get',
  path: '/limit/getLimits',
  tags: ['Trade API'],
  summary: 'User limits',
  description: 'Equity and commodity limits of the session\'s account. Not an order call: the static IP is not checked.',
  security: [{ sessionToken: [] }],
  responses: { ...okJson(LimitsResponse, 'Limits'), ...failures(...SESSION_ERRORS) },
});

export const whoAmI = createRoute({
  operationId: 'whoAmI',
  method: 'get',
  path: '/ip/whoami',
  tags: ['Trade API'],
  summary: 'Which IP the server sees, and whether it is registered',
  description: 'Compares the source IP with the static IPs of the session\'s app (the account\'s legacy IPs for a legacy session). Never counts as an IP change.',
  security: [{ sessionToken: [] }],
  responses: { ...okJson(WhoAmIResponse, 'Calling from registered PRIMARY IP (49.36.10.20).'), ...failures(...SESSION_ERRORS) },
});

const ORDER_CALL = 'An order call: from an IP that is not registered for the session\'s app it is refused with 403 "The IP is not the registered static IP".';
const ORDER_ERRORS = [...SESSION_ERRORS, 'IP_NOT_REGISTERED'] as const;

export const placeOrder = createRoute({
  operationId: 'placeOrder',
  method: 'post',
  path: '/order/placeOrder',
  tags: ['Trade API'],
  summary: 'Place order',
  description: `${ORDER_CALL} In the sandbox a MKT order executes at once; L, SL and SL-M orders stay PENDING.`,
  security: [{ sessionToken: [] }],
  request: { body: jsonBody(PlaceOrderRequest) },
  responses: { ...okJson(PlaceOrderResponse, 'MIS Order request placed successfully'), ...failures(...BODY_ERRORS, ...ORDER_ERRORS, 'ORDER_INVALID') },
});

export const orderBook = createRoute({
  operationId: 'orderBook',
  method: 'get',
  path: '/order/orderBook',
  tags: ['Trade API'],
  summary: 'Order book',
  description: ORDER_CALL,
  security: [{ sessionToken: [] }],
  responses: { ...okJson(OrderBookResponse, 'Orders, oldest first'), ...failures(...ORDER_ERRORS) },
});

export const getOrderStatus = createRoute({
  operationId: 'getOrderStatus',
  method: 'get',
  path: '/order/getOrderStatus',
  tags: ['Trade API'],
  summary: 'Order status',
  description: ORDER_CALL,
  security: [{ sessionToken: [] }],
  request: { query: OrderNumberQuery },
  responses: { ...okJson(OrderStatusResponse, 'Order status'), ...failures('VALIDATION', ...ORDER_ERRORS, 'ORDER_NOT_FOUND') },
});

export const cancelOrder = createRoute({
  operationId: 'cancelOrder',
  method: 'delete',
  path: '/order/cancelOrder',
  tags: ['Trade API'],
  summary: 'Cancel order',
  description: ORDER_CALL,
  security: [{ sessionToken: [] }],
  request: { query: OrderNumberQuery },
  responses: { ...okJson(CancelOrderResponse, 'Order cancelled successfully'), ...failures('VALIDATION', ...ORDER_ERRORS, 'ORDER_NOT_FOUND', 'ORDER_NOT_CANCELLABLE') },
});
