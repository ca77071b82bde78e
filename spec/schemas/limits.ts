import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';

const Amount = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .openapi({ example: '125000.00' });

/** An account's opening balances of a segment, as a fixture gives them; the day's trading moves marginUsed and netAvailableMargin. */
export const OpeningLimit = z
  .strictObject({
    grossAvailableMargin: Amount,
    payInToday: Amount,
    notionalCash: Amount,
    collateralMarginAgainstShares: Amount.optional().openapi({ description: 'Margin against pledged shares (default 0.00)' }),
    marginUsed: Amount,
    netAvailableMargin: Amount,
  })
  .openapi('OpeningLimit');

export const Limit = z
  .strictObject({
    grossAvailableMargin: Amount,
    payInToday: Amount,
    notionalCash: Amount,
    collateralMarginAgainstShares: Amount.optional().openapi({
      description: 'In the published table, not in its sample, so not required here: the sandbox sends it, a client must not rely on it live',
    }),
    marginUsed: Amount.openapi({ description: "The opening margin used, plus what open orders block and the day's positions use" }),
    netAvailableMargin: Amount.openapi({ description: 'grossAvailableMargin + payInToday + notionalCash + collateralMarginAgainstShares - marginUsed + realised P&L' }),
  })
  .openapi('Limit');

export const LimitsResponse = success('LimitsResponse', { equityLimit: Limit, commodityLimit: Limit });
