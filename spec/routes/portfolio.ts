import { createRoute } from '@hono/zod-openapi';
import { TradeBookResponse } from '../schemas/orders.js';
import { HoldingsResponse, PositionsQuery, PositionsResponse } from '../schemas/portfolio.js';
import { SESSION_ERRORS, failures, okJson } from '../responses.js';

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
