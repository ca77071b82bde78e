import { createRoute } from '@hono/zod-openapi';
import { TradeBookResponse } from '../schemas/orders.js';
import { ConvertPositionRequest, ConvertPositionResponse, HoldingsResponse, PositionsQuery, PositionsResponse, SquareOffRequest, SquareOffResponse } from '../schemas/portfolio.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const tags = ['Portfolio'];
const security = [{ sessionToken: [] }];
const READ = "Read-only: the static IP is not checked. Computed from the account's fills on the simulated market; prices are the market's last traded prices.";
const EMPTY = "None yet is a Success with an empty list and zero summary (the sandbox's choice: Samco publishes no empty answer).";

export const getPositions = createRoute({
  operationId: 'getPositions',
  method: 'get',
  path: '/position/getPositions',
  tags,
  summary: 'Positions',
  description: `${READ} One position per instrument and product: DAY from the day's fills (IST), NET with what earlier days carried forward (carryForwardQuantity). unrealizedGainAndLoss = netQuantity x (last traded price - averagePrice); realizedGainAndLoss = the matched quantity x (average sell - average buy); markToMarketPrice and netValue/netPositionValue = their sum. Summary counts: positions with a gain or a loss. lastTradedPrice uses Indian digit grouping and calculatedNetQuantity one decimal, as published. positionType is required: without it, 400. ${EMPTY}`,
  security,
  request: { query: PositionsQuery },
  responses: { ...okJson(PositionsResponse, 'Request successful'), ...failures('VALIDATION', ...SESSION_ERRORS, 'POSITION_TYPE_REQUIRED') },
});

export const getHoldings = createRoute({
  operationId: 'getHoldings',
  method: 'get',
  path: '/holding/getHoldings',
  tags,
  summary: 'Holdings',
  description: `${READ} Equity held: a fixture's opening holdings, plus CNC trades of earlier IST days (the day's CNC buys settle into holdings the next day, T+1). sellableQuantity = held + the day's CNC buys - the day's CNC sells - open CNC sell orders; calculatedNetQuantity = what is left after the day's CNC trades; markToMarketPrice the day's change (quantity x (last traded price - previous close)); totalGainAndLoss against the average price; collateralQuantity 0 (no pledges in the sandbox). ${EMPTY}`,
  security,
  responses: { ...okJson(HoldingsResponse, 'Request successful'), ...failures(...SESSION_ERRORS) },
});

export const tradeBook = createRoute({
  operationId: 'tradeBook',
  method: 'get',
  path: '/trade/tradeBook',
  tags,
  summary: 'Trade book',
  description: `${READ} One entry per fill (a partly filled order has one per trade), oldest first, in the published record shape and formats: orderTime dd-MMM-yyyy HH:mm:ss, tradeDate ddMMMyyyy, tradeTime hh:mm:ss AM/PM, exchangeConfirmationTime HH:mm:ss, lastTradePrice with Indian digit grouping, coverOrderPercentage "%", optionType "XX" and expiry "NA" for equity. filledQuantity is the trade's quantity. ${EMPTY}`,
  security,
  responses: { ...okJson(TradeBookResponse, 'Request successful'), ...failures(...SESSION_ERRORS) },
});

// Portfolio actions (issue 18b).
const ACTION = 'An order-related call: from an IP that is not registered for the session\'s app it is refused with 403 "The IP is not the registered static IP" (EOAUTH009).';

export const convertPosition = createRoute({
  operationId: 'convertPosition',
  method: 'post',
  path: '/position/convertPosition',
  tags,
  summary: 'Convert a position to another product',
  description: `${ACTION} Moves quantityToConvert of the open position (the DAY or NET view, as positionType says; transactionType is its side) from fromProductType to toProductType, at the position's average price: getPositions then shows the quantity under the new product, and CNC buys settle into holdings the next IST day. Allowed: the products getPositions lists in positionConversions (equity CNC, MIS, NRML among themselves; derivatives MIS and NRML). netQuantity must be the position's net quantity (a stale one is refused: the sandbox's choice); quantityToConvert from 1 to it, a multiple of the lot size. The RMS refuses a conversion the account's margin cannot cover (the new product's margin beyond the old one's), or a short converted to CNC without the shares to deliver. The success key is statusMsg, not statusMessage, as published ("Position Conversion from MIS to CNC successful"); refusals use the usual Failure envelope with statusMessage (Samco publishes none).`,
  security,
  request: { body: jsonBody(ConvertPositionRequest) },
  responses: {
    ...okJson(ConvertPositionResponse, 'Position Conversion from MIS to CNC successful'),
    ...failures(
      ...BODY_ERRORS,
      ...SESSION_ERRORS,
      'IP_NOT_REGISTERED',
      'MARKET_SYMBOL_NOT_FOUND',
      'CONVERSION_NOT_ALLOWED',
      'POSITION_NOT_FOUND',
      'POSITION_QUANTITY_MISMATCH',
      'CONVERSION_QUANTITY_INVALID',
      'CONVERSION_REJECTED',
    ),
  },
});

export const squareOffPosition = createRoute({
  operationId: 'squareOffPosition',
  method: 'post',
  path: '/position/squareOff',
  tags,
  summary: 'Square off positions',
  description: `${ACTION} Each entry closes netQuantity (at most the open quantity) of the open position of its product on the side transactionType names (BUY: a long position, closed by a SELL) with an opposite limit order at the last traded price, which fills at once on the simulated market: a regular order and trade in the order book and trade book (the order type Samco uses is unpublished). The answer has no top-level status, as published: one entry per request entry, in order, each with its own serverTime, msgId, status and statusMessage ("Request successful", the chapter's text; the SDK READMEs show "Position square off successful -<symbol> NetQty:<n>"). The closing order blocks no margin (the RMS checks the price band, and CNC delivery for a CNC sell). An entry that cannot be squared off (no such position on that side, a quantity above it or not a multiple of the lot size) is a Failure entry with the reason; the others still go through. positionSquareOffList (the older client model's key) is taken too.`,
  security,
  request: { body: jsonBody(SquareOffRequest) },
  responses: { ...okJson(SquareOffResponse, 'Request successful'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'IP_NOT_REGISTERED') },
});
