import { createRoute } from '@hono/zod-openapi';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import {
  BasketIdQuery,
  BasketOrderQuery,
  CreateBasketOrderRequest,
  CreateBasketOrderResponse,
  CreateBasketRequest,
  CreateBasketResponse,
  DeleteBasketOrderRequest,
  DeleteBasketRequest,
  ExecuteBasketOrderRequest,
  ListBasketOrderResponse,
  ListBasketQuery,
  ListBasketResponse,
  ModifyBasketOrderRequest,
  ModifyBasketRequest,
  ModifyBasketResponse,
  PlainBasketResponse,
  RearrangeBasketOrderRequest,
  RearrangeBasketOrderResponse,
  SpanCalculatorRequest,
  SpanCalculatorResponse,
} from '../schemas/baskets.js';
import { BASKET_RULES } from '../schemas/baskets-rules.js';
import { MARGIN_RULES_TEXT } from '../schemas/market-rules.js';

const tags = ['Baskets'];
const security = [{ sessionToken: [] }];
const NO_IP = 'The static IP is not checked: a basket call other than executeBasketOrder places nothing at the exchange (Samco says only that "order-related" calls are checked).';
const ORDER_ERRORS = ['ORDER_INVALID', 'ORDER_TYPE_NOT_ALLOWED', 'ORDER_BFO_NOT_ALLOWED', 'MARKET_SYMBOL_NOT_FOUND'] as const;
const ORDER_CHECKS = `The order is checked as placeOrder checks it (L or SL; quantity a multiple of the lot size; prices on the tick; disclosedQuantity at least 10%; CNC for equity cash only; in BFO only SENSEX and BANKEX); a BO also needs squareOffValue and stopLossValue (> 0; distances from the entry price, as placeOrderBO takes them) and is refused on BSE; a CO needs triggerPrice, its stop-loss price (below price for a BUY, above for a SELL). The RMS (price band, margin, holdings) runs when the basket is executed, not here.`;
const MARGIN = `Margins: each order's value at the sandbox's margin rate of its product (${MARGIN_RULES_TEXT}; BO and CO at the MIS rate) makes maxMargin; finalMargin applies a hedge benefit: for the derivative orders of one underlying only the larger of the BUY side's and the SELL side's margin counts (option buys pay their premium and offset nothing), cash equity has none. So finalMargin is never above maxMargin (the published sample has it the other way round).`;
const optionalJson = <T>(schema: T, description: string) => ({ required: false, description, content: { 'application/json': { schema } } });

export const createBasket = createRoute({
  operationId: 'createBasket',
  method: 'post',
  path: '/basket/createBasket',
  tags,
  summary: 'Create basket',
  description: `${NO_IP} A name of letters, digits, hyphen and space ("Basket name can only contain alphabets, numbers, hyphen, and space", as the chapter warns), 1-${BASKET_RULES.nameMax} characters, unique among the account's baskets compared case-insensitively ("Basket name already exists"). basketId is a JSON number, from one sequence across accounts. An account holds at most ${BASKET_RULES.maxBaskets} baskets: the ${BASKET_RULES.maxBaskets + 1}st is refused with the published 400 text of this operation ("You have reached the maximum order limit of 50 orders..."). Samco's Java and Node clients may send description and newPosition (ignored) and orders[], which are added to the new basket (all or none, checked as createOrder checks them).`,
  security,
  request: { body: jsonBody(CreateBasketRequest) },
  responses: {
    ...okJson(CreateBasketResponse, 'Basket created successfully'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_NAME_INVALID', 'BASKET_NAME_TAKEN', 'BASKET_LIMIT_REACHED', ...ORDER_ERRORS),
  },
});

export const modifyBasket = createRoute({
  operationId: 'modifyBasket',
  method: 'put',
  path: '/basket/modifyBasket',
  tags,
  summary: 'Rename basket',
  description: `${NO_IP} Renames the basket (the only thing it changes; orders[] from Samco's Node client is ignored); the name rules of createBasket apply ("Basket name already exists"). An unknown basketId: "No such Basket found" (the sandbox's choice: the chapter publishes no failure for it). updatedAt is set.`,
  security,
  request: { body: jsonBody(ModifyBasketRequest) },
  responses: { ...okJson(ModifyBasketResponse, 'Basket name updated successfully'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_NAME_INVALID', 'BASKET_NAME_TAKEN', 'BASKET_NOT_FOUND') },
});

export const deleteBasket = createRoute({
  operationId: 'deleteBasket',
  method: 'delete',
  path: '/basket/deleteBasket',
  tags,
  summary: 'Delete basket',
  description: `${NO_IP} The id comes in a JSON body on DELETE (the chapter) or as ?basketId= (Samco's Java client); a list of ids is deleted together. The basket goes with its orders (orders it already sent stay at the exchange). Any id that is not one of the account's baskets: nothing is deleted, "The provided BasketIds are invalid: [<ids>]".`,
  security,
  request: { query: BasketIdQuery, body: optionalJson(DeleteBasketRequest, 'Or ?basketId= (Java client)') },
  responses: { ...okJson(PlainBasketResponse('DeleteBasketResponse'), 'Baskets Deleted Successfully'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_ID_REQUIRED', 'BASKET_IDS_INVALID') },
});

export const listBasket = createRoute({
  operationId: 'listBasket',
  method: 'get',
  path: '/basket/listBasket',
  tags,
  summary: 'List baskets',
  description: `${NO_IP} The account's baskets, oldest first. listType ALL (when absent, as Samco's Java client sends none), EXECUTED (executeBasketOrder has run on it) or NOT EXECUTED; another value is refused in the published validationErrors shape. totalOrders counts the orders in the basket, executedOrders those whose order executed; requiredMargin and finalMargin are the basket's maxMargin and finalMargin (see spanCalculator); maxOrders is the sandbox's limit of ${BASKET_RULES.maxOrders}; displayOrder is the basketId; isreArranged tells whether rearrangeBasketOrder has run, chronologicalView the opposite; updatedAt "" until the basket or its orders change.`,
  security,
  request: { query: ListBasketQuery },
  responses: { ...okJson(ListBasketResponse, 'List of Baskets fetched successfully'), ...failures(...SESSION_ERRORS, 'BASKET_LIST_TYPE_INVALID') },
});

export const createBasketOrder = createRoute({
  operationId: 'createBasketOrder',
  method: 'post',
  path: '/basket/createOrder',
  tags,
  summary: 'Add an order to a basket',
  description: `${NO_IP} basketID (spelled so in the chapter; basketId is taken too) and one order; Samco's Java and Node clients send basketId and orders[] instead (all added, or none; the answer names the first). ${ORDER_CHECKS} At most ${BASKET_RULES.maxOrders} orders per basket ("You have reached the maximum order limit of 50 orders. Please remove existing orders and try again."). The answer's quantity and orderPrice are JSON numbers; stoplossValue, squareOffValue and trailingStopLoss (strings) only for a BO, triggerPrice only for SL and CO; displayOrder is the order's place in the basket (its basketOrderId until a rearrange). Adding to an executed basket is allowed: the new order is sent by the next executeBasketOrder. An unknown basket: "No such Basket found".`,
  security,
  request: { body: jsonBody(CreateBasketOrderRequest) },
  responses: {
    ...okJson(CreateBasketOrderResponse, 'Order Added Successfully'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_ID_REQUIRED', 'BASKET_NOT_FOUND', 'BASKET_LIMIT_REACHED', ...ORDER_ERRORS),
  },
});

export const modifyBasketOrder = createRoute({
  operationId: 'modifyBasketOrder',
  method: 'put',
  path: '/basket/modifyBasketOrder',
  tags,
  summary: 'Modify an order of a basket',
  description: `${NO_IP} The order is replaced in place (same id, same position): the fields sent over the old ones (Samco's Java and Node clients: orderId and a one-element orders[]), checked as createOrder checks them. An order already sent can be modified only if it was rejected, which makes it sendable again; otherwise 400 (the sandbox's wording). An unknown basket or basket order: "Invalid basket order id or BasketId " (with its trailing space, as published).`,
  security,
  request: { body: jsonBody(ModifyBasketOrderRequest) },
  responses: {
    ...okJson(PlainBasketResponse('ModifyBasketOrderResponse'), 'Basket Order Data Updated Successfully'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_ORDER_INVALID', 'BASKET_ORDER_SENT', ...ORDER_ERRORS),
  },
});

export const deleteBasketOrder = createRoute({
  operationId: 'deleteBasketOrder',
  method: 'delete',
  path: '/basket/deleteBasketOrder',
  tags,
  summary: 'Delete an order of a basket',
  description: `${NO_IP} basketId and basketOrderId in a JSON body on DELETE (the chapter, numbers or strings) or as query parameters (Samco's Java client: ?basketId=&orderId=). An order it already sent stays at the exchange; the basket's deletedContracts counts the deletion. An unknown basket: "The provided BasketIds are invalid: [<id>]" (as published); an unknown order of a known basket: "Invalid basket order id or BasketId ".`,
  security,
  request: { query: BasketOrderQuery, body: optionalJson(DeleteBasketOrderRequest, 'Or the query parameters (Java client)') },
  responses: {
    ...okJson(PlainBasketResponse('DeleteBasketOrderResponse'), 'Basket Order Deleted Successfully'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_ID_REQUIRED', 'BASKET_IDS_INVALID', 'BASKET_ORDER_INVALID'),
  },
});

export const executeBasketOrder = createRoute({
  operationId: 'executeBasketOrder',
  method: 'post',
  path: '/basket/executeBasketOrder',
  tags,
  summary: 'Execute a basket',
  description: `An order-related call: from an IP that is not registered for the session's app it is refused with 403 "The IP is not the registered static IP" (EOAUTH009). Answers "Basket Order Initiated Successfully" (no payload, as published) after sending every order of the basket not sent yet as one real order of its product, through placeOrder's rules and RMS, in the basket's sequence (displayOrder; see rearrangeBasketOrder): each lands in the order book with its own order number (listBasketOrder's rmsOrder). executionType allatonce (also when absent: Samco's Java and Node clients send none) sends them all, each accepted or rejected on its own; chronologically stops at the first order rejected (by the RMS or refused outright), leaving the rest not sent (the sandbox's choice: the chapter says only "in sequence"). The basket is EXECUTED from then on; a later call sends only orders added (or modified after a rejection) since. Nothing left to send: 400 (the sandbox's wording). BO and CO orders are placed as placeOrderBO and placeOrderCO place them (squareOffValue and stopLossValue as distances); a refusal of theirs puts the order in listBasketOrder's rejected list. An unknown basket: "No such Basket found" (the sandbox's choice).`,
  security,
  request: { body: jsonBody(ExecuteBasketOrderRequest) },
  responses: {
    ...okJson(PlainBasketResponse('ExecuteBasketOrderResponse'), 'Basket Order Initiated Successfully'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'IP_NOT_REGISTERED', 'BASKET_NOT_FOUND', 'BASKET_NOTHING_TO_EXECUTE'),
  },
});

export const listBasketOrder = createRoute({
  operationId: 'listBasketOrder',
  method: 'get',
  path: '/basket/listBasketOrder',
  tags,
  summary: 'List the orders of a basket',
  description: `${NO_IP} The basket's orders in execution order, grouped: notSentToExchange (not sent yet), executed (the order completed, or was cancelled after a partial fill), pending (resting at the exchange), rejected (rejected by the RMS, cancelled unfilled, or refused before reaching the exchange). Without basketId (Samco's Java client sends none) every basket of the account is listed together. The fields are those the chapter lists (it publishes no sample of an order): every value a string except the two ids; orderStatus NOT SENT, PENDING, EXECUTED or REJECTED; rmsOrder the order number once sent ("--" before); marginRequired the order's margin, incrementalMargin the same (no portfolio offset), marginBlocked the margin its unfilled part blocks while pending. ${MARGIN} estimatedCharges "0.00": the sandbox charges no brokerage or taxes. An unknown basket: "No such Basket found".`,
  security,
  request: { query: BasketIdQuery },
  responses: { ...okJson(ListBasketOrderResponse, 'Basket order listed successfully'), ...failures(...SESSION_ERRORS, 'BASKET_NOT_FOUND') },
});

export const rearrangeBasketOrder = createRoute({
  operationId: 'rearrangeBasketOrder',
  method: 'post',
  path: '/basket/rearrangeBasketOrder',
  tags,
  summary: 'Rearrange the orders of a basket',
  description: `${NO_IP} basketOrderId: one id, moved to the front, or a list of ids in their new order; the ids listed come first, in that order, and the basket's other orders follow in their old order (the sandbox's reading of "reposition"). Sequences become 1..n; the answer lists every order of the basket with its sequence. The same set of orders stays in the basket. An unknown basket: "No such Basket found"; an id not in the basket, or one listed twice: "Invalid basket order id or BasketId ".`,
  security,
  request: { body: jsonBody(RearrangeBasketOrderRequest) },
  responses: { ...okJson(RearrangeBasketOrderResponse, 'Basket orders rearranged successfully'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_NOT_FOUND', 'BASKET_ORDER_INVALID') },
});

export const basketSpanCalculator = createRoute({
  operationId: 'basketSpanCalculator',
  method: 'post',
  path: '/basket/spanCalculator',
  tags,
  summary: 'Basket margin calculator',
  description: `${NO_IP} ${MARGIN} Both are JSON numbers, as published, over every order of the basket (sent or not). An unknown basket: "No such Basket found" without msgId, as published.`,
  security,
  request: { body: jsonBody(SpanCalculatorRequest) },
  responses: { ...okJson(SpanCalculatorResponse, 'Peak Margin and Final Margin Calculated Successfully'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'BASKET_NOT_FOUND_NO_MSG_ID') },
});
