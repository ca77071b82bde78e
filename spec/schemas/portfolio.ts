import { z } from '@hono/zod-openapi';
import { ServerTime, success } from './envelope.js';

const Str = (example: string, description?: string) => z.string().openapi({ example, ...(description ? { description } : {}) });

export const PositionsQuery = z.object({
  positionType: z
    .enum(['DAY', 'NET'])
    .optional()
    .openapi({ param: { name: 'positionType', in: 'query' }, description: "DAY: the day's positions; NET: with what is carried forward. Required.", example: 'DAY' }),
});

const Summary = {
  gainingTodayCount: Str('2'),
  losingTodayCount: Str('2'),
  totalGainAndLossAmount: Str('0.00'),
  dayGainAndLossAmount: Str('-4910.00'),
};

export const PositionDetail = z
  .strictObject({
    averagePrice: Str('1560.15'),
    exchange: Str('BSE'),
    markToMarketPrice: Str('-182.70'),
    lastTradedPrice: Str('1,550.00', 'Indian digit grouping'),
    previousClose: Str('1552.55'),
    productCode: Str('CNC'),
    symbolDescription: Str('RELIANCE INDUSTRIES LTD.'),
    tradingSymbol: Str('RELIANCE'),
    calculatedNetQuantity: Str('18.0', 'One decimal'),
    averageBuyPrice: Str('1560.15'),
    averageSellPrice: Str('0.00'),
    boardLotQuantity: Str('1'),
    boughtPrice: Str('28082.70', 'The value bought (quantity x price), as the published sample has it'),
    buyQuantity: Str('18'),
    carryForwardQuantity: Str('0'),
    carryForwardValue: Str('0.00'),
    multiplier: Str('1'),
    netPositionValue: Str('-182.70'),
    netQuantity: Str('18'),
    netValue: Str('-182.70'),
    positionType: z.enum(['DAY', 'NET']),
    positionConversions: Str('MIS, NRML', 'A comma-separated string, as the published sample has it: the products the position can be converted to'),
    soldValue: Str('0.00'),
    transactionType: z.enum(['BUY', 'SELL']),
    realizedGainAndLoss: Str('0.00'),
    unrealizedGainAndLoss: Str('-182.70'),
    companyName: Str('RELIANCE INDUSTRIES LTD.'),
    expiryDate: Str('--'),
    optionType: Str('--'),
  })
  .openapi('PositionDetail');

export const PositionsResponse = success('PositionsResponse', {
  positionSummary: z.strictObject(Summary),
  positionDetails: z.array(PositionDetail),
});

export const HoldingDetail = z
  .strictObject({
    averagePrice: Str('1560.15'),
    exchange: Str('BSE'),
    markToMarketPrice: Str('-182.70', "The day's change: quantity x (last traded price - previous close)"),
    lastTradedPrice: Str('1,550.00', 'Indian digit grouping'),
    previousClose: Str('1552.55'),
    productCode: Str('CNC'),
    symbolDescription: Str('RELIANCE INDUSTRIES LTD.'),
    tradingSymbol: Str('RELIANCE'),
    totalGainAndLoss: Str('0.00'),
    calculatedNetQuantity: Str('18.0', "One decimal: the quantity left after the day's CNC trades"),
    holdingsQuantity: Str('3'),
    collateralQuantity: Str('0'),
    holdingsValue: Str('436.46'),
    isin: Str('INE002A01018'),
    sellableQuantity: Str('1'),
    totalMarketToMarketPrice: Str('0'),
  })
  .openapi('HoldingDetail');

export const HoldingsResponse = success('HoldingsResponse', {
  holdingSummary: z.strictObject({ ...Summary, portfolioValue: Str('343.80') }),
  holdingDetails: z.array(HoldingDetail),
});

// Portfolio actions (issue 18b): convertPosition and squareOff, with their published envelopes.
const Quantity = z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).openapi({ description: 'A whole number, or a string of digits as the samples send it', example: '2' });
const PRODUCTS = ['CNC', 'MIS', 'NRML'] as const;

export const ConvertPositionRequest = z
  .object({
    symbolName: z.string().min(1).max(60).openapi({ example: 'RELIANCE' }),
    exchange: z.enum(['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS']).optional().openapi({ description: 'NSE when absent' }),
    transactionType: z.enum(['BUY', 'SELL']).openapi({ description: 'The side of the position: BUY for a long position, SELL for a short one' }),
    positionType: z.enum(['DAY', 'NET']),
    netQuantity: Quantity.openapi({ description: "The position's net quantity (without sign), as getPositions shows it" }),
    quantityToConvert: Quantity.openapi({ description: 'From 1 to netQuantity, a multiple of the lot size' }),
    fromProductType: z.enum(PRODUCTS),
    toProductType: z.enum(PRODUCTS),
  })
  .openapi('ConvertPositionRequest');

/** As published: statusMsg, not statusMessage. */
export const ConvertPositionResponse = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    status: z.literal('Success'),
    statusMsg: Str('Position Conversion from MIS to CNC successful'),
  })
  .openapi('ConvertPositionResponse');

export const SquareOffItem = z
  .object({
    exchange: z.enum(['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS']).optional().openapi({ description: 'NSE when absent' }),
    symbolName: z.string().min(1).max(60).openapi({ example: 'TCS' }),
    productType: z.enum(PRODUCTS),
    netQuantity: Quantity.openapi({ description: 'The quantity to close, at most the open quantity' }),
    transactionType: z.enum(['BUY', 'SELL']).openapi({ description: 'The side of the open position (BUY: long, closed by a SELL)' }),
  })
  .openapi('PositionSquareOffRequestItem');

export const SquareOffRequest = z
  .object({
    positionSquareOffRequestList: z.array(SquareOffItem).min(1).max(50).optional(),
    positionSquareOffList: z.array(SquareOffItem).min(1).max(50).optional().openapi({ description: "The older client model's name for the same list" }),
  })
  .openapi('PositionSquareOffRequest', { description: 'positionSquareOffRequestList (or positionSquareOffList) is required' });

/** As published: no top-level status; each position's answer carries its own serverTime, msgId, status and statusMessage. */
export const SquareOffResponse = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    positionSquareOffResponseList: z.array(
      z.strictObject({ serverTime: ServerTime, msgId: z.uuid(), status: z.enum(['Success', 'Failure']), statusMessage: Str('Request successful') }).openapi('PositionSquareOffResponseItem'),
    ),
  })
  .openapi('PositionSquareOffResponse');
