import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { Formats } from './market-data.js';

/** POST /contractsAnalyser (chapter 07): the request as documented, the answer in the sample's types (strings, except noOfStrategyLegs and the payoff points). */
const dec = (example: string, description?: string) =>
  z
    .string()
    .regex(/^-?\d+\.\d{2}$/)
    .openapi({ example, ...(description ? { description } : {}) });
const int = (example: string, description?: string) =>
  z
    .string()
    .regex(/^\d+$/)
    .openapi({ example, ...(description ? { description } : {}) });
/** `13,49,308`, or "Unlimited". */
const grouped = /^(-?\d{1,3}(,\d{2})*(,\d{3})?|-?\d{1,3}|Unlimited)$/;

export const AnalyserContract = z
  .object({
    tradingSymbol: z.string().min(1).openapi({ example: 'NIFTY29DEC2626000CE', description: 'An option or future of the exchange (ScripMaster tradingSymbol)' }),
    transactionType: z
      .string()
      .regex(/^([Bb][Uu][Yy]|[Ss][Ee][Ll][Ll])$/)
      .openapi({ example: 'Buy', description: 'Buy or Sell, any case (the sample sends "Buy" and "SELL")' }),
    price: z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .openapi({ example: '152.75', description: 'The price the contract is (to be) traded at' }),
    lot: z
      .string()
      .regex(/^[1-9]\d*$/)
      .openapi({ example: '2', description: 'The number of lots' }),
  })
  .openapi('AnalyserContract');

export const ContractsAnalyserRequest = z
  .object({
    exchange: z.string().min(1).openapi({ example: 'NFO', description: 'NFO or BFO (any case); another exchange finds no symbol' }),
    contracts: z.array(AnalyserContract).optional().openapi({ description: 'Required by the docs; missing or empty is the published 400 "No Symbol found ..."' }),
    targetDate: Formats.isoDate,
  })
  .openapi('ContractsAnalyserRequest');

export const StrategyLeg = z
  .strictObject({
    tradingSymbol: z.string().openapi({ example: 'HDFCBANK24OCT1510CE' }),
    symName: z.string().openapi({ example: 'HDFCBANK', description: 'The underlying' }),
    symbol: z.string().openapi({ example: '107396_NFO' }),
    optionType: z.enum(['CE', 'PE', 'XX']).openapi({ description: 'XX for a future (the exchanges’ code)' }),
    instrument: z.enum(['OPTIDX', 'OPTSTK', 'FUTIDX', 'FUTSTK']),
    expiry: Formats.ddMonYy,
    lotSize: int('550'),
    quantity: int('1100', 'lotSize x lot'),
    lTP: dec('165.55'),
    avgPrc: dec('152.75', 'The request’s price'),
    askPrice: dec('0.00'),
    bidPrice: dec('0.00'),
    openInterest: int('0'),
    strategyLegType: z.enum(['LONG CALL', 'SHORT CALL', 'LONG PUT', 'SHORT PUT', 'LONG FUTURE', 'SHORT FUTURE']),
    strategyExpiryType: z.enum(['Current expiry', 'Next expiry', 'Far expiry']),
    upperCktLimit: dec('16555.00'),
    lowerCktLimit: dec('0.05'),
    tickSize: dec('0.05'),
  })
  .openapi('StrategyLeg');

export const PayoffPoint = z
  .strictObject({
    pricePoint: z.number().int().openapi({ example: 1380 }),
    pricePointProfitLoss: z.number().int().openapi({ example: 1310536, description: 'P&L at targetExpiryDate (the first leg’s expiry)' }),
    pricePointProfitLossOnUserExpiry: z.number().int().openapi({ example: 1309155, description: 'P&L at the close of the request’s targetDate' }),
  })
  .openapi('PayoffPoint');

const greek = z
  .string()
  .regex(/^-?\d+\.\d{6}$/)
  .openapi({ example: '0.000000' });
const breakeven = z
  .string()
  .regex(/^(\d+\.\d{2}|NA)$/)
  .openapi({ example: 'NA' });

export const StrategyInfo = z
  .strictObject({
    symbol: z.string().openapi({ example: '1333_NSE', description: 'The underlying: <listingId>_NSE for a stock, the bare negative id for an index ("-21")' }),
    symbolName: z.string().openapi({ example: 'HDFCBANK' }),
    change: dec('2.45'),
    changePer: dec('0.15'),
    exchange: z.enum(['NSE', 'BSE']),
    noOfStrategyLegs: z.number().int().openapi({ example: 2 }),
    strategyLegs: z.array(StrategyLeg),
    breakeven1: breakeven,
    breakeven2: breakeven,
    maxProfit: z.string().regex(grouped).openapi({ example: '13,49,308' }),
    sMaxProfit: z
      .string()
      .regex(/^(-?[\d,]+\(-?\d+%\)|Unlimited)$/)
      .openapi({ example: '13,49,308(1265%)' }),
    maxLoss: z.string().regex(grouped).openapi({ example: '13,10,536' }),
    sMaxLoss: z
      .string()
      .regex(/^(-?[\d,]+\(-?\d+%\)|Unlimited)$/)
      .openapi({ example: '13,10,536(1229%)' }),
    sNetTheta: greek,
    sNetDelta: greek,
    sNetGamma: greek,
    sNetVega: greek,
    sRRRatio: z
      .string()
      .regex(/^(1: \d+\.\d{2}|NA)$/)
      .openapi({ example: '1: 1.03' }),
    estimatedMargin: z
      .string()
      .regex(/^[\d,]+\.\d{2}$/)
      .openapi({ example: '1,06,632.57' }),
    targetExpiryDate: Formats.ddMonYy,
    lotSize: int('550'),
    plDataByPricePointPayoffChart: z.array(PayoffPoint),
  })
  .openapi('StrategyInfo');

export const ContractsAnalyserResponse = success('ContractsAnalyserResponse', { analyseReport: z.strictObject({ strategyInfo: StrategyInfo }) });
