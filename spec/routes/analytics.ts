import { createRoute } from '@hono/zod-openapi';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import { AnalyticsDetailsRequest, AnalyticsDetailsResponse, AnalyticsSummaryRequest, AnalyticsSummaryResponse, GainLossRequest, GainLossResponse } from '../schemas/analytics.js';

const tags = ['Trade View analytics'];
const security = [{ sessionToken: [] }];
const SOURCE =
  "Read-only (the static IP is not checked). Computed from the sandbox's own trade book, so every figure can be checked by hand: the account's fills (and its opening holdings, as buys at their average price on the day the account was opened) are matched per instrument into round trips, first in first out; a round trip's P&L is (exit - entry) x quantity for a long one, (entry - exit) x quantity for a short one, its percentage that P&L over the entry value, its holding period the IST calendar days from entry to exit. A round trip counts in a window when it was closed (IST) between startDate and endDate, both included. A trip that made nothing counts as a loser.";
const WINDOW =
  "duration: ALL (when absent) from the day of the account's first trade, 1Y, 6M, 1M (calendar months back from today, IST) or 1D (yesterday and today; Samco's Java and Node clients send it); with fromDate and toDate (yyyy-MM-dd, Samco's Java and Node clients) those days instead. Another duration, or malformed dates, are refused in Samco's validationErrors shape (the chapter publishes no failure).";
const FIGURES =
  'strikeRate winning / losing: the share of winners / losers, %; averageWinSize / averageLossSize: the average rupee gain of a winner / loss of a loser; averageGainPercentage / averageLossPercentage: the same in % of the entry value; the success ratio (Samco Trade Score) = (winning % x average gain %) / (losing % x average loss %), "0.00" when there is no loss to divide by; holding periods are whole days (averages rounded). Amounts and ratios are strings with two decimals, as published.';

export const analyticsSummary = createRoute({
  operationId: 'analyticsSummary',
  method: 'post',
  path: '/tradeview/analyticsSummary',
  tags,
  summary: 'Analytics summary',
  description: `${SOURCE} ${WINDOW} ${FIGURES} samcoSucessProbabilityRatio is spelled as published. insightMessage: a few texts built from the same figures (the sandbox's wording, with <b> tags as published): the score, the win rate against the sizes of gains and losses, and the best and worst strategy when there are several.`,
  security,
  request: { body: jsonBody(AnalyticsSummaryRequest) },
  responses: {
    ...okJson(AnalyticsSummaryResponse, 'Analytics summary retrieved successfully.'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'ANALYTICS_DURATION_INVALID', 'ANALYTICS_DATES_INVALID'),
  },
});

export const analyticsDetails = createRoute({
  operationId: 'analyticsDetails',
  method: 'post',
  path: '/tradeview/analyticsDetails',
  tags,
  summary: 'Analytics details',
  description: `${SOURCE} ${WINDOW} ${FIGURES} The whole window's figures, then strategyList grouped by filter: strategy (when absent; Samco's Java client sends an object, read so) groups by segment (Equity-Cash Market, Equity-Futures, Equity-Options, Commodity-Futures, Currency-Futures); market cap and sector group by the sandbox's classification of the underlyings (Large Cap / Mid Cap / Index / Others; Banking, IT, Oil & Gas, Telecom, FMCG, Index, Others), in the same keys (Samco publishes no sample for them). Within a group, one entry per strategy: the side of the opening trade and its product (Long/Short with Intraday for MIS, Delivery for CNC, Positional for NRML). averagePL: the average P&L of its round trips; plContribution: its share of the window's gains, %; winningTradesPercentage, strikeRateWinningTrades and strikeRatePercentage: its winning %; holdingPeriodWinners / holdingPeriodLossers (spelled as published): total holding days; totalTransaction: a JSON number, the fills taking part (an opening and a closing trade are two).`,
  security,
  request: { body: jsonBody(AnalyticsDetailsRequest) },
  responses: {
    ...okJson(AnalyticsDetailsResponse, 'Analytics Details retrieved successfully.'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'ANALYTICS_DURATION_INVALID', 'ANALYTICS_DATES_INVALID', 'ANALYTICS_FILTER_INVALID'),
  },
});

export const gainLoss = createRoute({
  operationId: 'gainLoss',
  method: 'post',
  path: '/tradeview/gainLoss',
  tags,
  summary: 'Gain and loss',
  description: `${SOURCE} status close: realizedGL is the P&L of the round trips closed between fromDate and toDate, unrealizedGL "0.00"; status open (when absent): unrealizedGL values the lots still open that were opened between fromDate and toDate at the last traded price, realizedGL "0.00". fromDate and toDate (yyyy-MM-dd, fromDate not after toDate) are required, unless duration is sent instead (Samco's Java and Node clients do); the statusMessage is the one published, shared with analyticsDetails. Refusals in Samco's validationErrors shape (the chapter publishes none).`,
  security,
  request: { body: jsonBody(GainLossRequest) },
  responses: {
    ...okJson(GainLossResponse, 'Analytics Details retrieved successfully.'),
    ...failures(...BODY_ERRORS, ...SESSION_ERRORS, 'ANALYTICS_STATUS_INVALID', 'ANALYTICS_DATES_INVALID', 'ANALYTICS_DURATION_INVALID'),
  },
});
