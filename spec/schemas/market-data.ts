import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';

/**
 * The market-data chapter (07) and the personal index's neighbours: each field in the type and
 * format Samco's samples print (strings where the samples quote, JSON numbers where they do not).
 */
export const MARKET_DATA_EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'MFO', 'CDS'] as const;

const dec = (example: string, description?: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .openapi({ example, ...(description ? { description } : {}) });
const int = (example: string, description?: string) =>
  z
    .string()
    .regex(/^-?\d+$/)
    .openapi({ example, ...(description ? { description } : {}) });
const str = (example: string, description?: string) => z.string().openapi({ example, ...(description ? { description } : {}) });
const fmt = (re: RegExp, example: string, description: string) => z.string().regex(re).openapi({ example, description });

export const Formats = {
  /** getQuote lastTradedTime. */
  slashed: fmt(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/, '04/04/2024 15:29:58', 'IST, dd/MM/yyyy HH:mm:ss'),
  /** getQuote expiryDate, multiQuote expiry. */
  ddMonYy: fmt(/^\d{2} [A-Z][a-z]{2} \d{2}$/, '25 Apr 24', 'dd Mon yy'),
  isoDate: fmt(/^\d{4}-\d{2}-\d{2}$/, '2024-10-03', 'yyyy-MM-dd'),
  /** indexQuote lastTradedTime. */
  indexTime: fmt(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d$/, '2024-04-04 14:34:12.0', 'IST, yyyy-MM-dd HH:mm:ss.S'),
  /** multiQuote lastTradeTime, stream quote lTrdT/ltt/lttUTC. */
  ampm: fmt(/^\d{2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2} (AM|PM)$/, '28 Mar 2024, 07:11:43 PM', 'dd Mon yyyy, hh:mm:ss AM/PM'),
  /** Intraday candle dateTime. */
  candleTime: fmt(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.0$/, '2020-04-27 11:50:00.0', 'IST, yyyy-MM-dd HH:mm:ss.0 (as every SDK sample prints it)'),
};

const exchangeParam = (defaultExchange: string, description = '') =>
  z
    .string()
    .optional()
    .openapi({ description: `${MARKET_DATA_EXCHANGES.join(', ')}; ${defaultExchange} when absent (or ""). MCX and MFO name the same commodity segment.${description}`, example: defaultExchange });

const Level = z.strictObject({ number: int('1', 'Orders at the level'), quantity: int('1250'), price: dec('812.35') });

// GET /quote/getQuote
export const GetQuoteQuery = z.object({
  symbolName: z.string().min(1).openapi({ description: 'The ScripMaster name for equity (SBIN), the trading symbol for derivatives; case-insensitive', example: 'SBIN' }),
  exchange: exchangeParam('NSE'),
});

export const QuoteDetails = z
  .strictObject({
    symbolName: str('SBIN'),
    tradingSymbol: str('SBIN-EQ'),
    exchange: str('NSE'),
    companyName: str('STATE BANK OF INDIA').optional(),
    lastTradedTime: Formats.slashed,
    lastTradedPrice: dec('812.40'),
    previousClose: dec('812.40'),
    changeValue: dec('0.00'),
    changePercentage: dec('0.00'),
    lastTradedQuantity: int('1'),
    lowerCircuitLimit: dec('649.95'),
    upperCircuitLimit: dec('974.90'),
    averagePrice: dec('812.40'),
    openValue: dec('812.40'),
    highValue: dec('812.40'),
    lowValue: dec('812.40'),
    closeValue: dec('812.40', 'The previous close (as in the published sample)'),
    totalBuyQuantity: int('125000'),
    totalSellQuantity: int('98000'),
    totalTradedValue: fmt(/^\d+(\.\d+)? \((Lacs|Crs)\)$/, '31.4211200 (Lacs)', 'With its unit: Lacs below one crore, Crs above'),
    totalTradedVolume: int('38675'),
    yearlyHighPrice: dec('912.00'),
    yearlyLowPrice: dec('600.65'),
    tickSize: dec('0.05'),
    bestBids: z.array(Level),
    bestAsks: z.array(Level),
    listingId: str('3045_NSE'),
    openInterest: int('125000').optional(),
    openInterestChange: int('1500').optional(),
    oIChangePer: dec('1.21').optional(),
    instrument: str('FUTSTK').optional(),
    expiryDate: Formats.ddMonYy.optional(),
    spotPrice: dec('812.40').optional(),
    lotQuantity: int('750').optional(),
  })
  .openapi('QuoteDetails');

export const GetQuoteResponse = success('GetQuoteResponse', { quoteDetails: QuoteDetails });

// POST /quote/multiQuote
export const MultiQuoteRequest = z
  .object(
    Object.fromEntries([...MARKET_DATA_EXCHANGES, 'INDEX'].map((k) => [k, z.array(z.string()).optional()])) as Record<
      (typeof MARKET_DATA_EXCHANGES)[number] | 'INDEX',
      z.ZodOptional<z.ZodArray<z.ZodString>>
    >,
  )
  .openapi('MultiQuoteRequest', { example: { NSE: ['TCS'], INDEX: ['NIFTY 50'] } });

export const MultiQuoteItem = z
  .strictObject({
    exchange: str('NSE'),
    symbolName: str('TCS'),
    tradingSymbol: str('TCS-EQ'),
    companyName: str('TATA CONSULTANCY SERV LT'),
    isin: str('INE467B01029'),
    lotSize: str('1', '"-" for an index'),
    averagePrice: dec('3890.00'),
    totalTradeVolume: int('1200'),
    symbol: str('11536_NSE', 'A bare negative id for an index: "-21"'),
    lastTradeTime: Formats.ampm,
    lastTradeQuantity: int('1'),
    lastTradePrice: dec('3890.00'),
    misMultiplier: dec('5.00'),
    change: dec('0.00'),
    changePercent: dec('0.00'),
    open: dec('3890.00'),
    close: dec('3890.00', 'The previous close'),
    previousClose: dec('3890.00'),
    low: dec('3890.00'),
    high: dec('3890.00'),
    tickSize: str('0.05', '"-" for an index'),
    bidSize: int('10'),
    bidPrice: dec('3889.95'),
    totalTradedValue: dec('4668000.00'),
    askSize: int('12'),
    askPrice: dec('3890.05'),
    iv: dec('0.00'),
    optionType: str('CE').optional(),
    instrumentType: str('OPTIDX').optional(),
    strikePrice: dec('26000.0000').optional(),
    expiry: Formats.ddMonYy.optional(),
    multiplier: str('1').optional(),
    openInterest: int('125000').optional(),
    previousOpenInterest: int('120000').optional(),
    delta: dec('0.52').optional(),
    vega: dec('18.20').optional(),
    theta: dec('-9.10').optional(),
    gamma: dec('0.0004').optional(),
  })
  .openapi('MultiQuoteItem');

export const MultiQuoteResponse = success('MultiQuoteResponse', {
  multiQuotes: z.array(MultiQuoteItem),
  invalidSymbol: z.array(z.string()).openapi({ description: 'The inputs that did not resolve (the call still succeeds)' }),
});

// GET /quote/indexQuote
export const IndexQuoteQuery = z.object({ indexName: z.string().min(1).openapi({ description: 'NIFTY 50, NIFTY NEXT 50, NIFTY BANK, SENSEX, BANKEX; case-insensitive', example: 'NIFTY 50' }) });

const num = (example: number, description?: string) => z.number().openapi({ example, ...(description ? { description } : {}) });
export const IndexDetails = z
  .strictObject({
    indexName: str('Nifty 50', "The exchange's spelling"),
    listingId: str('-21', 'The bare negative id (the stream symbol)'),
    lastTradedTime: Formats.indexTime,
    spotPrice: num(26110.35),
    changePercentage: num(0),
    averagePrice: num(0),
    openValue: num(26110.35),
    highValue: num(26110.35),
    lowValue: num(26110.35),
    closeValue: num(26110.35, 'The previous close'),
    totalBuyQuantity: z.number().int().openapi({ example: 0 }),
    totalSellQuantity: z.number().int().openapi({ example: 0 }),
    totalTradedValue: z.number().int().openapi({ example: 0 }),
    totalTradedVolume: z.number().int().openapi({ example: 0 }),
    change: num(0),
  })
  .openapi('IndexDetails');

export const IndexQuoteResponse = success('IndexQuoteResponse', { indexDetails: z.array(IndexDetails) });

// POST /marketDepth
export const MarketDepthRequest = z
  .object({
    exchange: exchangeParam('NSE', ' Needed for every non-NSE symbol.'),
    symbolName: z.string().min(1).openapi({ description: 'Equity name or F&O trading symbol', example: 'NIFTY29DEC2626000CE' }),
  })
  .openapi('MarketDepthRequest');

export const MarketDepth = z
  .strictObject({
    tradingSymbol: str('NIFTY29DEC2626000CE'),
    symbol: str('61234_NFO'),
    exc: str('NFO'),
    tBuyQty: int('125000'),
    tSellQty: int('98000'),
    iv: dec('13.80'),
    atmIV: dec('11.70'),
    delta: dec('-0.19'),
    gamma: dec('0.0010'),
    theta: dec('-15.53'),
    vega: dec('5.05'),
    bestFiveBid: z.array(z.strictObject({ bidNumber: int('3'), bidSize: int('650'), bidPrice: dec('310.45') })),
    bestFiveAsk: z.array(z.strictObject({ askNumber: int('2'), askSize: int('325'), askPrice: dec('310.55') })),
  })
  .openapi('MarketDepth');

export const MarketDepthResponse = success('MarketDepthResponse', { MarketDepthDetails: z.strictObject({ marketDepth: MarketDepth }) });

/** The one published market-data refusal (marketDepth, contractsAnalyser): no msgId. */
export const NoSymbolFailure = z
  .strictObject({ serverTime: z.string(), status: z.literal('Failure'), statusMessage: z.string() })
  .openapi('NoSymbolFailure', { description: 'As published: serverTime, status, statusMessage, no msgId' });

// GET /eqDervSearch/search
export const SearchQuery = z.object({
  exchange: exchangeParam('NSE'),
  searchSymbolName: z.string().min(1).openapi({ description: 'Matched as a prefix of the equity name or trading symbol, case-insensitively (as every sample behaves)', example: 'NIFTY29DEC26' }),
});

export const SearchResult = z
  .strictObject({
    exchange: str('NFO'),
    tradingSymbol: str('NIFTY29DEC2626000CE'),
    quantityInLots: int('65', 'The lot size'),
    instrument: str('OPTIDX'),
    scripDescription: str('NIFTY 29 DEC 2026 CE 26000'),
    isin: str('--'),
    bodLotQuantity: int('65'),
    tickSize: dec('0.05'),
  })
  .openapi('SearchResult');

export const SearchResponse = success('SearchResponse', { searchResults: z.array(SearchResult) });

// GET /option/optionChain
export const OptionChainQuery = z.object({
  searchSymbolName: z.string().min(1).openapi({ description: 'The underlying (NIFTY, SBIN); case-insensitive', example: 'NIFTY' }),
  exchange: exchangeParam('NFO'),
  expiryDate: z.string().optional().openapi({ description: 'yyyy-MM-dd; all expiries when absent', example: '2026-12-29' }),
  strikePrice: z.string().optional().openapi({ description: 'One strike ("26000" or "26000.00")', example: '26000' }),
  optionType: z.string().optional().openapi({ description: 'CE or PE', example: 'CE' }),
});

const Book = z.strictObject({ number: z.number().int().openapi({ example: 1 }), quantity: int('650'), price: dec('310.45') });

export const OptionChainItem = z
  .strictObject({
    tradingSymbol: str('NIFTY29DEC2626000CE'),
    exchange: str('NFO'),
    symbol: str('61234_NFO'),
    strikePrice: fmt(/^\d+\.\d{4}$/, '26000.0000', '4 decimals'),
    expiryDate: Formats.isoDate,
    instrument: str('OPTIDX'),
    optionType: str('CE'),
    underLyingSymbol: str('NIFTY'),
    spotPrice: dec('26110.35'),
    lastTradedPrice: num(310.5),
    openInterest: z.number().int(),
    openInterestInLot: z.number().int(),
    openInterestChange: z.number().int(),
    openInterestChangeInLot: z.number().int(),
    oichangePer: str('7.79', '"Infinity" when the previous open interest is 0'),
    volume: z.number().int(),
    impliedVolatility: dec('13.1337'),
    delta: dec('0.52'),
    gamma: dec('0.0004'),
    theta: dec('-9.10'),
    vega: dec('18.20'),
    bestBids: z.array(Book),
    bestAsks: z.array(Book),
  })
  .openapi('OptionChainItem');

export const OptionChainResponse = success('OptionChainResponse', { optionChainDetails: z.array(OptionChainItem) });

// GET /future/futureChain
export const FutureChainQuery = z.object({
  searchSymbolName: z.string().min(1).openapi({ description: 'The underlying (NIFTY, SBIN); case-insensitive', example: 'NIFTY' }),
  exchange: exchangeParam('NFO'),
  expiryDate: z.string().optional().openapi({ description: 'yyyy-MM-dd; all expiries when absent', example: '2026-12-29' }),
});

export const FutureChainItem = z
  .strictObject({
    tradingSymbol: str('NIFTY26DECFUT'),
    exchange: str('NFO'),
    symbol: str('52310_NFO'),
    expiryDate: Formats.isoDate,
    instrument: str('FUTIDX'),
    underLyingSymbol: str('NIFTY'),
    spotPrice: num(26110.35, 'A JSON number here (a string in the option chain), as published'),
    lastTradedPrice: dec('26150.00', 'A string here (a number in the option chain), as published'),
    openInterest: z.number().int(),
    openInterestInLot: z.number().int(),
    openInterestChange: z.number().int(),
    openInterestChangeInLot: z.number().int(),
    oichangePer: str('1.25'),
    volume: z.number().int(),
    impliedVolatility: str('0'),
    delta: str('0'),
    gamma: str('0'),
    theta: str('0'),
    vega: str('0'),
    bestBids: z.array(Book),
    bestAsks: z.array(Book),
  })
  .openapi('FutureChainItem');

export const FutureChainResponse = success('FutureChainResponse', { futureChainDetails: z.array(FutureChainItem) });
