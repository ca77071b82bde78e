import { createRoute } from '@hono/zod-openapi';
import { BracketOrderResponse, ExitOrderResponse, PlaceOrderBORequest, PlaceOrderCORequest } from '../schemas/bracket-cover.js';
import { OrderNumberQuery } from '../schemas/orders.js';
import { BRACKET_RULES, PRICE_BAND_PERCENT } from '../schemas/market-rules.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const tags = ['Orders'];
const security = [{ sessionToken: [] }];
const WRITE_ERRORS = [...SESSION_ERRORS, 'IP_NOT_REGISTERED'] as const;
const WRITE = 'An order call: from an IP that is not registered for the session\'s app it is refused with 403 "The IP is not the registered static IP" (EOAUTH009).';
const BLOCK = `Intraday: in the ${BRACKET_RULES.squareOffBlockMinutes} minutes before the exchange's close (IST: NSE, BSE, NFO, BFO 15:30; CDS 17:00; MCX 23:30) a new entry is REJECTED with the bulkOrder sample's reason ("...All MIS / BO / CO orders shall be rejected during square off block period."). From the same moment the RMS squares open legs: the sandbox has no timer, so it happens at the first price change of the instrument from then on (the stop-loss leg executes at that price, the target is cancelled).`;
const ENTRY = `The entry is a limit order (product ${'BO/CO'}), checked like placeOrder (lot, tick, disclosedQuantity ≥ 10%) and margined as MIS by the sandbox's RMS (price band ± ${PRICE_BAND_PERCENT}%); a rejected entry keeps its number with exchangeOrderStatus REJECTED. When the entry has filled (or is cancelled after a part filled), its legs are placed on the other side for the filled quantity, each an order in the order book with productCode of the entry and parentOrderId = the entry's number; getTriggerOrders lists them (stopLossOrderNo, targetOrderNo). The stop-loss leg is an SL-M order: once the market crosses its trigger it executes at the last traded price. When one leg executes completely the other is cancelled; a part fill shrinks the other to what is left. Leg prices may be changed with modifyOrder on the leg's number (price or triggerPrice only). cancelOrder refuses bracket and cover numbers.`;

export const placeOrderBO = createRoute({
  operationId: 'placeOrderBO',
  method: 'post',
  path: '/order/placeOrderBO',
  tags,
  summary: 'Place bracket order',
  description: `${WRITE} Not on BSE. squareOffValue and stopLossValue are DISTANCES from the entry's fill price (entry 300, target 305: 5), in rupees (valueType Absolute, default) or ticks (Ticks); the target leg is a limit at fill ± squareOffValue, the stop-loss trigger at fill ∓ stopLossValue. trailingStopLoss is a step in the same unit (the chapter calls it a percentage, the older model's example is in rupees: the sandbox uses valueType's unit): each time the market moves a whole step beyond the best price seen since the fill, the stop's trigger follows by that step, never back. priceType (LTP/ATP) is recorded; the legs are measured from the fill price. orderType, orderValidity and productType are optional and only L, DAY and BO are accepted. ${ENTRY} ${BLOCK} statusMessage "BO Order request placed successfully" (the chapter's text; the SDK READMEs show "Bracket Order request placed successfully").`,
  security,
  request: { body: jsonBody(PlaceOrderBORequest) },
  responses: {
    ...okJson(BracketOrderResponse, 'BO Order request placed successfully'),
    ...failures(...BODY_ERRORS, ...WRITE_ERRORS, 'ORDER_INVALID', 'ORDER_TYPE_NOT_ALLOWED', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND', 'BRACKET_INVALID'),
  },
});

export const placeOrderCO = createRoute({
  operationId: 'placeOrderCO',
  method: 'post',
  path: '/order/placeOrderCO',
  tags,
  summary: 'Place cover order',
  description: `${WRITE} orderType L, orderValidity DAY and productType CO only. triggerPrice is the stop-loss leg's ABSOLUTE price (required by the sandbox: every published sample sends it), below price for a BUY and above for a SELL. ${ENTRY} ${BLOCK} statusMessage "CO Order request placed successfully". orderDetails.triggerPrice echoes the stop.`,
  security,
  request: { body: jsonBody(PlaceOrderCORequest) },
  responses: {
    ...okJson(BracketOrderResponse, 'CO Order request placed successfully'),
    ...failures(...BODY_ERRORS, ...WRITE_ERRORS, 'ORDER_INVALID', 'ORDER_TYPE_NOT_ALLOWED', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND', 'BRACKET_INVALID'),
  },
});

const EXIT = `${WRITE} orderNumber is the ENTRY's number (a query parameter, as every client sends it). An entry with nothing filled is cancelled. A filled or partly filled entry is exited: what is unfilled is cancelled (legs are placed for the filled part), then the stop-loss leg executes at the last traded price for what it waits for and the target leg is cancelled, so the position closes. Once a leg has executed completely the exit is refused with "SubOrder is in Executed status. Cannot exit/cancel such orders."; a number that is not an entry of this family, or an entry with nothing left to exit (rejected, cancelled, exited), is refused with the sandbox's wording. statusMessage "Order cancellation request placed successfully" (the chapter's text; the SDK READMEs show "Bracket Order exited successfully" / "Cover Order <n> exited successfully").`;

export const exitBO = createRoute({
  operationId: 'exitBO',
  method: 'delete',
  path: '/order/exitBO',
  tags,
  summary: 'Exit bracket order',
  description: EXIT,
  security,
  request: { query: OrderNumberQuery },
  responses: {
    ...okJson(ExitOrderResponse, 'Order cancellation request placed successfully'),
    ...failures('VALIDATION', ...WRITE_ERRORS, 'ORDER_NOT_FOUND', 'EXIT_SUBORDER_EXECUTED', 'EXIT_NOT_BRACKET', 'EXIT_NOT_OPEN'),
  },
});

export const exitCO = createRoute({
  operationId: 'exitCO',
  method: 'delete',
  path: '/order/exitCO',
  tags,
  summary: 'Exit cover order',
  description: EXIT,
  security,
  request: { query: OrderNumberQuery },
  responses: {
    ...okJson(ExitOrderResponse, 'Order cancellation request placed successfully'),
    ...failures('VALIDATION', ...WRITE_ERRORS, 'ORDER_NOT_FOUND', 'EXIT_SUBORDER_EXECUTED', 'EXIT_NOT_BRACKET', 'EXIT_NOT_OPEN'),
  },
});
