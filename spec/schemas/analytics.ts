import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';

const Str = (example: string, description?: string) => z.string().openapi({ example, ...(description ? { description } : {}) });
const DateText = z.string().max(20).optional().openapi({ description: 'yyyy-MM-dd', example: '2024-10-24' });

/** Inputs are read by the operation, not by the schema: an unknown value is answered in Samco's validationErrors shape. */
export const AnalyticsSummaryRequest = z
  .object({
    duration: z.string().max(20).optional().openapi({ description: "ALL (when absent), 1Y, 6M, 1M; 1D too (Samco's Java and Node clients send it)", example: 'ALL' }),
    fromDate: DateText.openapi({ description: "yyyy-MM-dd: with toDate, the window instead of duration (Samco's Java and Node clients)" }),
    toDate: DateText,
  })
  .openapi('AnalyticsSummaryRequest');

export const AnalyticsDetailsRequest = z
  .object({
    ...AnalyticsSummaryRequest.shape,
    filter: z
      .union([z.string().max(40), z.record(z.string(), z.unknown())])
      .optional()
      .openapi({ description: "strategy (when absent), market cap or sector; Samco's Java client sends an object, read as strategy" }),
  })
  .openapi('AnalyticsDetailsRequest');

export const GainLossRequest = z
  .object({
    status: z.string().max(20).optional().openapi({ description: 'open (when absent) or close', example: 'close' }),
    fromDate: DateText.openapi({ description: 'yyyy-MM-dd; required with toDate unless duration is sent' }),
    toDate: DateText,
    duration: z.string().max(20).optional().openapi({ description: "Samco's Java and Node clients send a duration instead of the dates: ALL, 1Y, 6M, 1M or 1D" }),
  })
  .openapi('GainLossRequest');

const Insight = z.strictObject({ AndekhaSach: Str('Your Samco Trade Score is <b>0.13</b> over <b>67</b> closed trades.'), ActionSuggested: Str('Cut losing trades early with a stop loss.') });

export const AnalyticsSummaryResponse = success('AnalyticsSummaryResponse', {
  analyticsSummary: z.strictObject({
    insightMessage: z.array(Insight).openapi({ description: "Texts built from the figures below (the sandbox's wording), with <b> tags as published" }),
    samcoSucessProbabilityRatio: Str('0.13', 'Spelled as published (Sucess)'),
    strikeRateWinningTrade: Str('37.31'),
    strikeRateLosingTrade: Str('62.69'),
    averageWinSize: Str('2.13'),
    averageLossSize: Str('23.76'),
    averageHoldingWinningTrade: Str('14', 'Whole days'),
    averageHoldingLosingTrade: Str('15', 'Whole days'),
    averageGainPercentage: Str('3.35'),
    averageLossPercentage: Str('15.74'),
    startDate: Str('2022-12-30', 'yyyy-MM-dd'),
    endDate: Str('2024-10-29', 'yyyy-MM-dd'),
  }),
});

export const StrategyEntry = z
  .strictObject({
    strategy: Str('Long Intraday'),
    averagePL: Str('-0.15'),
    plContribution: Str('0.00'),
    winningTradesPercentage: Str('0.00'),
    losingTradesPercentage: Str('100.00'),
    sspRatio: Str('0.00'),
    strikeRateWinningTrades: Str('0.00'),
    strikeRateLosingTrades: Str('100.00'),
    averageGainPercentage: Str('0.00'),
    averageLossPercentage: Str('0.99'),
    strikeRatePercentage: Str('0.00'),
    averageWinSize: Str('0.00'),
    averageLossSize: Str('0.15'),
    holdingPeriodWinners: Str('0'),
    holdingPeriodLossers: Str('0', 'Spelled as published (Lossers)'),
    avgHoldingPeriodWin: Str('0'),
    avgHoldingPeriodLoss: Str('0'),
    totalTransaction: z.number().int().openapi({ example: 2, description: 'JSON number: the fills (an opening and a closing trade are two)' }),
  })
  .openapi('AnalyticsStrategyEntry');

export const AnalyticsDetailsResponse = success('AnalyticsDetailsResponse', {
  analyticsDetails: z.strictObject({
    averageWinSize: Str('0.00'),
    averageLossSize: Str('0.15'),
    samcoSuccessProbabilityRatio: Str('0.00', 'Spelled right here, unlike the summary'),
    strikeRateWinningTrades: Str('0.00'),
    strikeRateLosingTrades: Str('100.00'),
    averageHoldingPeriodWin: Str('0'),
    averageHoldingPeriodLoss: Str('0'),
    startDate: Str('2024-09-29'),
    endDate: Str('2024-10-29'),
    averageGainPercentage: Str('0.00'),
    averageLossPercentage: Str('0.99'),
    strategyList: z.array(z.strictObject({ groupName: Str('Equity-Cash Market'), strategywiseList: z.array(StrategyEntry) })),
  }),
});

export const GainLossResponse = success('GainLossResponse', { gainLossValue: z.strictObject({ realizedGL: Str('-905.38'), unrealizedGL: Str('0.00') }) });
