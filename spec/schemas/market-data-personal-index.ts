import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';

/** GET /indexData (chapter 06, "Personal Index"): every value a string, as the sample prints it. */
const dec = (example: string, description: string) =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .openapi({ example, description });

export const PersonalIndexData = z
  .strictObject({
    index: dec('100.04', 'The index now: 100 at the previous close of the IST day, moved by the day’s trading P&L relative to yesterday’s networth'),
    indexChange: dec('0.04', 'index less 100'),
    indexChangePercentage: dec('0.04', 'The day’s trading P&L as a percentage of yesterday’s networth'),
    latestTime: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      .openapi({ example: '2024-04-04 11:21:00', description: 'IST, yyyy-MM-dd HH:mm:ss: the start of the current minute' }),
    networthChange: dec('2.15', 'networth less yesterday’s networth (fundReceipt included)'),
    networthChangePercentage: dec('1.04', 'networthChange as a percentage of yesterday’s networth'),
    fundReceipt: dec('0.00', 'The day’s pay-in (payInToday of both segments)'),
  })
  .openapi('PersonalIndexData');

export const PersonalIndex = z
  .strictObject({
    indexName: z.string().openapi({ example: 'MXXXXXXD IXXXx', description: 'The account holder’s first name and "Index", each word masked as in the sample' }),
    networth: dec('209.52', 'Opening balances + pay-in + holdings at the last price + the day’s P&L'),
    indexData: PersonalIndexData,
  })
  .openapi('PersonalIndex');

export const PersonalIndexResponse = success('PersonalIndexResponse', { indexData: PersonalIndex });
