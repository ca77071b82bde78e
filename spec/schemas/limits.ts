import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';

const Amount = z.string().regex(/^-?\d+(\.\d+)?$/).openapi({ example: '125000.00' });

export const Limit = z
  .strictObject({
    grossAvailableMargin: Amount,
    payInToday: Amount,
    notionalCash: Amount,
    marginUsed: Amount,
    netAvailableMargin: Amount,
  })
  .openapi('Limit');

export const LimitsResponse = success('LimitsResponse', { equityLimit: Limit, commodityLimit: Limit });
