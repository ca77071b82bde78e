import { z } from '@hono/zod-openapi';
import { ServerTime, success } from './envelope.js';
import { Numeric, ORDER_EXCHANGES, orBlank, Str } from './orders.js';

const GTT_EXCHANGES = [...ORDER_EXCHANGES, 'MFO'] as const;
const Id = z.union([z.string().regex(/^\d{1,18}$/), z.number().int().min(0)]).openapi({ description: "A number or a string of digits (Samco's clients send both)", example: '140954' });
const CreatedAt = Str('2024-05-30 11:42:25', 'IST, yyyy-MM-dd HH:mm:ss');

const common = {
  exchange: orBlank(z.enum(GTT_EXCHANGES)).openapi({ description: 'NSE when absent; in BFO only SENSEX and BANKEX; MFO is accepted by the schema but has no instruments in the sandbox' }),
  symbolName: z.string().min(1).max(60).openapi({ description: 'Equity: the scrip name; derivatives: the trading symbol', example: 'IDEA' }),
  transactionType: z.enum(['BUY', 'SELL']),
  quantity: Numeric,
  productType: z.string().openapi({ description: 'CNC or NRML; derivatives NRML', example: 'CNC' }),
  orderType: z.string().openapi({ description: 'MKT or L', example: 'L' }),
  marketProtection: orBlank(Numeric).openapi({ description: 'MKT only: the percentage the placed order may go beyond the last traded price (3 when absent or "")' }),
};

export const AddGttRequest = z
  .object({
    ...common,
    triggerPrice: Numeric.openapi({ example: '13.50' }),
    limitPrice: orBlank(Numeric).openapi({ description: 'Required for L', example: '13.25' }),
  })
  .openapi('AddGttRequest');

export const ModifyGttRequest = AddGttRequest.extend({ gttSummaryId: Id }).openapi('ModifyGttRequest');

export const AddOcoRequest = z
  .object({
    ...common,
    targetTriggerPrice: Numeric,
    targetLimitPrice: orBlank(Numeric).openapi({ description: 'Required for L' }),
    stoplossTriggerPrice: Numeric.openapi({ description: 'Marked optional in the addOco table, sent by every sample and required by modifyOco: the sandbox requires it' }),
    stoplossLimitPrice: orBlank(Numeric).openapi({ description: 'Required for L' }),
  })
  .openapi('AddOcoRequest');

export const ModifyOcoRequest = AddOcoRequest.extend({ gttSummaryId: Id }).openapi('ModifyOcoRequest');

export const DeleteGttRequest = z.object({ gttSummaryId: Id }).openapi('DeleteGttRequest');
export const GttIdQuery = z.object({
  gttSummaryId: Id.optional().openapi({ param: { name: 'gttSummaryId', in: 'query' }, description: "The id as a query parameter, as Samco's Java SDK sends it (the chapter sends a JSON body)" }),
});

export const AddGttResponse = success('AddGttResponse', {
  gttSummaryId: Str('140954'),
  orderDetails: z.strictObject({
    productType: Str('NRML'),
    orderType: Str('L'),
    triggerPrice: Str('1180', 'As the request sent it'),
    marketProtection: Str('', '"" for L, the percentage for MKT'),
    transactionType: Str('BUY'),
    triggerId: Str('177902'),
    symbol: Str('146465_NFO', '<listing id>_<exchange>'),
    symbolName: Str('WIPRO24JUN585PE'),
    createdAt: CreatedAt,
  }),
});

export const ModifyGttDetails = z
  .strictObject({
    productType: Str('NRML'),
    orderType: Str('MKT'),
    triggerPrice: Str('124.7'),
    marketProtection: Str('12'),
    transactionType: Str('BUY'),
    limitPrice: Str('', '"" for MKT'),
    symbol: Str('146465_NFO'),
    symbolName: Str('WIPRO24JUN585PE'),
    quantity: Str('500'),
  })
  .openapi('ModifyGttDetails');

export const ModifyGttResponse = success('ModifyGttResponse', { gttSummaryId: Str('945510', 'The NEW id: the old one is dead'), orderDetails: ModifyGttDetails });

const OcoLeg = (type: 'TARGET' | 'STOPLOSS') =>
  z.strictObject({
    quantity: Str('1'),
    triggerPrice: Str('14.00'),
    limitPrice: Str('', '"" for MKT'),
    marketProtection: Str('3', '"" for L'),
    type: z.literal(type),
    triggerId: Str('1325141'),
  });
export const OcoDetails = z
  .strictObject({
    transactionType: Str('SELL'),
    symbol: Str('14366_NSE'),
    symbolName: Str('IDEA'),
    productType: Str('NRML'),
    orderType: Str('MKT'),
    target: OcoLeg('TARGET'),
    stopLoss: OcoLeg('STOPLOSS'),
  })
  .openapi('OcoDetails');

export const AddOcoResponse = success('AddOcoResponse', { gttSummaryId: Str('931721'), orderDetails: OcoDetails });
export const ModifyOcoResponse = success('ModifyOcoResponse', { gttSummaryId: Str('931722', 'The NEW id: the old one is dead'), orderDetails: OcoDetails });

export const DeleteGttResponse = success('DeleteGttResponse', { gttSummaryId: Str('136045'), orderDetails: z.strictObject({ userId: Str('RM1001') }) });

export const ListTypeQuery = z.object({
  listType: z
    .string()
    .optional()
    .openapi({ param: { name: 'listType', in: 'query' }, description: 'active (default), triggered or expired', example: 'active' }),
});

const TriggerEntry = z.strictObject({
  status: z
    .enum(['', 'TRIGGERED', 'CANCELLED'])
    .openapi({ description: '"" while waiting (the sample); TRIGGERED once its order was placed; CANCELLED: the other OCO leg fired (the sandbox\'s values)' }),
  triggeredAt: Str('', 'yyyy-MM-dd HH:mm:ss once triggered'),
  triggerId: Str('172714'),
  gttId: Str('172714'),
  quantity: Str('1'),
  limitPrice: Str('13.25'),
  marketProtection: Str(''),
  ltpAtCreation: Str('16.30'),
  triggerPrice: Str('13.50'),
  transactionType: Str('BUY'),
  rejectReason: Str(''),
  orderNumber: Str('', "The placed order's number once triggered"),
});

export const GttListEntry = z
  .strictObject({
    summary: z.strictObject({
      id: z.number().int(),
      userId: Str('RM1001'),
      symbol: Str('14366_NSE'),
      symbolName: Str('IDEA'),
      orderType: Str('L'),
      productType: Str('CNC'),
      gttType: z.enum(['SINGLE', 'OCO']).openapi({ description: "SINGLE as published; OCO for an OCO (unpublished: the sandbox's value)" }),
      validTill: z.literal('FOREVER'),
      createdAt: CreatedAt,
      deletedAt: Str('', 'yyyy-MM-dd HH:mm:ss once deleted'),
      gttSummaryId: Str('136027'),
      isExpired: z.boolean(),
    }),
    triggers: z.union([z.strictObject({ gtt: TriggerEntry }), z.strictObject({ target: TriggerEntry, stopLoss: TriggerEntry })]),
  })
  .openapi('GttListEntry');

export const ListGttOcoResponse = success('ListGttOcoResponse', { orderDetails: z.array(GttListEntry) });

/** addGtt's published failure has no msgId. */
export const GttBareFailure = z.strictObject({ serverTime: ServerTime, status: z.literal('Failure'), statusMessage: z.string() }).openapi('GttBareFailure');
/** modifyGtt's published failure echoes orderDetails. */
export const ModifyGttFailure = z
  .strictObject({ serverTime: ServerTime, msgId: z.uuid(), status: z.literal('Failure'), statusMessage: z.string(), orderDetails: z.union([ModifyGttDetails, OcoDetails]) })
  .openapi('ModifyGttFailure');
export const ListTypeFailure = z.strictObject({ serverTime: ServerTime, status: z.literal('Failure'), validationErrors: z.array(z.string()) }).openapi('ListTypeFailure');
