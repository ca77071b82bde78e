import { createRoute } from '@hono/zod-openapi';
import { BulkOrderRequest, BulkOrderResponse, SpanMarginRequest, SpanMarginResponse } from '../schemas/bulk.js';
import { BRACKET_RULES, EQUITY_FREEZE_QUANTITY, FREEZE_QUANTITIES, MARGIN_RULES_TEXT, SPAN_RULES } from '../schemas/market-rules.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const security = [{ sessionToken: [] }];
const FREEZE = Object.entries(FREEZE_QUANTITIES)
  .map(([u, q]) => `${u} ${q}`)
  .join(', ');

export const bulkOrder = createRoute({
  operationId: 'bulkOrder',
  method: 'post',
  path: '/order/bulkOrder',
  tags: ['Orders'],
  summary: 'Bulk order',
  description: `An order call: from an IP that is not registered for the session's app it is refused with 403 (EOAUTH009). Accepts the chapter's body (one placeOrder-shaped order) and the Java/Node SDKs' body ({orders: [...]}, several orders). Each order is checked as placeOrder checks it; any refusal refuses the whole request and places nothing. Then each order is sliced at its instrument's freeze quantity (Samco publishes none; the sandbox's, per underlying, in units: ${FREEZE}; equity cash ${EQUITY_FREEZE_QUANTITY} shares), and each slice is an order of its own with its own number, accepted or rejected on its own (RMS: ${MARGIN_RULES_TEXT}): one entry per slice in orders[], in the chapter's shape (quantities as numbers, transactionType BUY/SELL), plus statusMessage "Bulk order processed" (the SDKs' text). MIS slices are REJECTED in the ${BRACKET_RULES.squareOffBlockMinutes} minutes before the close with the sample's reason. productType CO and BO are refused (they need their own fields: use placeOrderCO / placeOrderBO).`,
  security,
  request: { body: jsonBody(BulkOrderRequest) },
  responses: {
    ...okJson(BulkOrderResponse, 'Bulk order processed'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'IP_NOT_REGISTERED', 'ORDER_INVALID', 'ORDER_TYPE_NOT_ALLOWED', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND', 'BRACKET_INVALID'),
  },
});

export const spanMargin = createRoute({
  operationId: 'spanMargin',
  method: 'post',
  path: '/spanMargin',
  tags: ['Orders'],
  summary: 'Span margin calculator',
  description: `A calculator: the static IP is not checked. Body {request: [{exchange, tradingSymbol, qty, transactionType?, price?, productType?, orderType?}]}; only exchange, tradingSymbol and qty are required (Samco's Java and Python clients send only those). Rates are the sandbox's (Samco publishes none): futures span ${SPAN_RULES.spanRate * 100}% and exposure ${SPAN_RULES.exposureRate * 100}% of the value; an option sell the same on strike x qty; an option buy its premium; equity its RMS rate as exposure. transactionType SELL when absent; price the last traded price when absent. Opposite exposures on one underlying (futures or calls bought against puts bought or futures/calls sold) offset: the smaller side's span is spreadBenefit. Brokerage ${SPAN_RULES.brokeragePerOrder}.00 per item; expenses GST ${SPAN_RULES.gstRate * 100}% on it plus exchange charges. Both published sets of answer names are filled.`,
  security,
  request: { body: jsonBody(SpanMarginRequest) },
  responses: { ...okJson(SpanMarginResponse, 'Span margin calculated'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'ORDER_INVALID', 'MARKET_SYMBOL_NOT_FOUND') },
});
