import { createRoute, z } from '@hono/zod-openapi';
import {
  FutureChainQuery,
  FutureChainResponse,
  GetQuoteQuery,
  GetQuoteResponse,
  IndexQuoteQuery,
  IndexQuoteResponse,
  MarketDepthRequest,
  MarketDepthResponse,
  MultiQuoteRequest,
  MultiQuoteResponse,
  OptionChainQuery,
  OptionChainResponse,
  SearchQuery,
  SearchResponse,
} from '../schemas/market-data.js';
import { PersonalIndexResponse } from '../schemas/market-data-personal-index.js';
import { ContractsAnalyserRequest, ContractsAnalyserResponse } from '../schemas/contracts-analyser.js';
import { ANALYSER_RULES } from '../schemas/market-data-rules.js';
import { PRICE_BAND_PERCENT } from '../schemas/market-rules.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import { failuresWithNoSymbol, MARKET_TEXT, NO_SYMBOL, NO_SYMBOL_BODY, SCRIPMASTER_COLUMNS } from './market-data-shared.js';

const tags = ['Market data'];
const security = [{ sessionToken: [] }];
export const getQuote = createRoute({
  operationId: 'getQuote',
  method: 'get',
  path: '/quote/getQuote',
  tags,
  summary: 'Get quote',
  description: `The v3.2 answer: the quote wrapped in quoteDetails (docs, Python v3.2 sample, Java 3.2.2), every value a string. Equity answers carry companyName; derivatives add openInterest, openInterestChange, oIChangePer, instrument, expiryDate (dd Mon yy), spotPrice (the underlying's price) and lotQuantity. closeValue is the previous close, as in the sample. ${NO_SYMBOL} ${MARKET_TEXT}`,
  security,
  request: { query: GetQuoteQuery },
  responses: { ...okJson(GetQuoteResponse, 'Quote details retrieved successfully'), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const multiQuote = createRoute({
  operationId: 'multiQuote',
  method: 'post',
  path: '/quote/multiQuote',
  tags,
  summary: 'Multiple quotes',
  description: `Arrays of names keyed by segment (NSE, BSE, NFO, BFO, CDS, MCX, MFO, and INDEX for index names). Every name that resolves gets one item in multiQuotes (in the order sent); the others are listed in invalidSymbol and the call still succeeds. Index items print "-" for lotSize and tickSize and their bare negative id as symbol. ${MARKET_TEXT}`,
  security,
  request: { body: jsonBody(MultiQuoteRequest) },
  responses: { ...okJson(MultiQuoteResponse, 'Multiquotes data retrieved successfully'), ...failures(...BODY_ERRORS, ...SESSION_ERRORS) },
});

export const indexQuote = createRoute({
  operationId: 'indexQuote',
  method: 'get',
  path: '/quote/indexQuote',
  tags,
  summary: 'Index quote',
  description: `The v3.2 answer: indexDetails, one entry, values as JSON numbers (quantities and traded value 0 for an index), listingId the bare negative id ("-21") the stream takes. Index names are matched case-insensitively. ${NO_SYMBOL} ${MARKET_TEXT}`,
  security,
  request: { query: IndexQuoteQuery },
  responses: { ...okJson(IndexQuoteResponse, 'Index Quote details retrieved successfully'), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const marketDepth = createRoute({
  operationId: 'marketDepth',
  method: 'post',
  path: '/marketDepth',
  tags,
  summary: 'Market depth',
  description: `MarketDepthDetails.marketDepth (capital M, as published): five bids (descending) and asks (ascending), *Number the orders at the level and *Size the quantity, totals, and the Greeks at the last price for options (Black-Scholes, no rates; "0.00" otherwise; atmIV is the implied volatility of the strike nearest the spot). The answer is for the requested symbol (the published sample answers another one). ${NO_SYMBOL} ${MARKET_TEXT}`,
  security,
  request: { body: jsonBody(MarketDepthRequest) },
  responses: { ...okJson(MarketDepthResponse, 'Market depth data retrieved successfully'), ...failuresWithNoSymbol(...BODY_ERRORS, ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const search = createRoute({
  operationId: 'eqDervSearch',
  method: 'get',
  path: '/eqDervSearch/search',
  tags,
  summary: 'Search equity and derivatives',
  description: `searchResults (the docs' key; the READMEs print commodityValues or equityDertivativeValues). searchSymbolName matches the start of the equity name or trading symbol, case-insensitively, as every sample behaves (undocumented); no match is a Success with an empty list. ${MARKET_TEXT}`,
  security,
  request: { query: SearchQuery },
  responses: { ...okJson(SearchResponse, 'Request successful'), ...failures('VALIDATION', ...SESSION_ERRORS) },
});

export const optionChain = createRoute({
  operationId: 'optionChain',
  method: 'get',
  path: '/option/optionChain',
  tags,
  summary: 'Option chain',
  description: `Every option of the underlying on the exchange (NFO when absent, the parameter table's default), filtered by expiryDate, strikePrice and optionType when sent, ordered by expiry, strike, CE before PE. lastTradedPrice and the open-interest figures are JSON numbers, strikePrice has 4 decimals, as in the sample; the message keeps Samco's spelling and trailing space. An underlying with no options on the exchange is ${NO_SYMBOL_BODY}, as for an unknown symbol. Filters that match nothing give an empty list. ${MARKET_TEXT}`,
  security,
  request: { query: OptionChainQuery },
  responses: { ...okJson(OptionChainResponse, 'OptionChain details retrived successfully. '), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const futureChain = createRoute({
  operationId: 'futureChain',
  method: 'get',
  path: '/future/futureChain',
  tags,
  summary: 'Future chain',
  description: `Every future of the underlying on the exchange (NFO when absent), filtered by expiryDate when sent. Here spotPrice is a JSON number and lastTradedPrice a string (the reverse of the option chain), Greeks "0", as published. An underlying with no futures on the exchange is ${NO_SYMBOL_BODY}, as for an unknown symbol. ${MARKET_TEXT}`,
  security,
  request: { query: FutureChainQuery },
  responses: { ...okJson(FutureChainResponse, 'Future chain details retrived successfully. '), ...failuresWithNoSymbol('VALIDATION', ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});

export const scripMaster = createRoute({
  operationId: 'scripMaster',
  method: 'get',
  path: '/doc/ScripMaster.csv',
  tags,
  summary: 'The instrument master (ScripMaster.csv)',
  description: `The sandbox's own ScripMaster, generated from the fixtures' seed, at the real file's path (developers.stocknote.com/doc/ScripMaster.csv), no authentication. Columns: ${SCRIPMASTER_COLUMNS.join(',')} (the header third-party clients read; no Samco page lists it), no quoted fields. symbolCode is the stream symbol (<listingId>_<exchange>; MFO for the commodity segment); equity rows have instrument EQ and name the symbol placeOrder takes; derivatives have their trading symbol, lot size, strike (0 for futures) and expiry (yyyy-MM-dd); index rows have exchange INDEX, exchangeSegment NSE or BSE, instrument INDEX and their bare negative id as symbolCode. lastPrice is the previous close the market starts from. Freeze quantities are listed by GET /__sandbox/market, not in this file (Samco's columns have none).`,
  responses: { 200: { description: 'The CSV', content: { 'text/csv': { schema: z.string() } } }, ...failures() },
});

export const indexData = createRoute({
  operationId: 'indexData',
  method: 'get',
  path: '/indexData',
  tags,
  summary: 'Personal index',
  description:
    'The account’s own P&L index (chapter 06, "Personal Index"), with the sample’s key names (indexData, index, indexChange, indexChangePercentage; the schema table’s indexDataDetails/Index/IndexChange are not what the sample, the Node README or the Java model read). Every value a two-decimal string. Samco publishes no formula; the sandbox keeps no index history and computes, conservatively: yesterday’s networth = the opening balances (grossAvailableMargin of the equity and commodity segments) + settled holdings at their previous close; networth = opening balances + the day’s pay-in (fundReceipt = payInToday of both segments) + holdings at the last price + the day’s realised and unrealised P&L of every position + the move since the previous close of carried non-CNC positions. networthChange = networth − yesterday’s networth; the index starts every IST day at 100.00 and moves by the trading P&L only (networthChange − fundReceipt) as a percentage of yesterday’s networth (0 when yesterday’s networth is 0), so a deposit never moves it. latestTime is the start of the current minute (IST). indexName is the account holder’s first name and "Index", each word masked keeping its first and last letter (the sample prints "MXXXXXXD IXXXx").',
  security,
  responses: { ...okJson(PersonalIndexResponse, 'Index Data retrieved successfully'), ...failures(...SESSION_ERRORS) },
});

const R = ANALYSER_RULES;
export const contractsAnalyser = createRoute({
  operationId: 'contractsAnalyser',
  method: 'post',
  path: '/contractsAnalyser',
  tags,
  summary: 'Contracts analyser (strategy report)',
  description: `The strategy the contracts make, computed on the simulated market (chapter 07; the docs' request with contracts[], not the READMEs' {exchange, targetDate}; the answer never carries the Java model's analysis[]). Missing or empty contracts, an unknown symbol, a symbol that is not an option or future of the exchange (NFO or BFO, any case), or legs on different underlyings: ${NO_SYMBOL_BODY}. transactionType is Buy or Sell in any case (the sample mixes "Buy" and "SELL"). Samco publishes no method; the sandbox's, conservatively: legs are valued at expiry at their intrinsic value and before it by Black-Scholes (no rates) at each leg's implied volatility from its last price (the Greeks of marketDepth); pricePointProfitLoss is the P&L at targetExpiryDate (the first leg's expiry, so a later leg of a calendar spread keeps its time value), pricePointProfitLossOnUserExpiry at the close of targetDate (now when targetDate has passed). The chart spans the underlying's price ± ${R.gridBand * 100}% in whole steps of 1, 2, 5, 10, ... (about ${R.gridPoints} points); P&L and price points are JSON integers (rounded rupees), as in the sample. breakeven1 and breakeven2 are the first two prices where the P&L at targetExpiryDate crosses zero (searched over 0 to ${R.scanTop}x the underlying's price), "NA" when there is none. maxProfit and maxLoss (positive, Indian digit grouping, whole rupees; "0" when the strategy never gains or never loses) are taken over the same range; "Unlimited" when the payoff still rises (falls) beyond it; sMaxProfit/sMaxLoss add the percentage of estimatedMargin, as the sample's figures do (1265% = 13,49,308 / 1,06,632.57). sRRRatio is "1: maxProfit/maxLoss" ("NA" when either is unlimited or maxLoss is 0). sNet* are the position Greeks: the sum over legs of ± quantity x the leg's delta/gamma/theta (per day)/vega (per volatility point), a future's delta 1, 6 decimals. estimatedMargin is the span-margin calculator's total (span + exposure - spread benefit) for the legs at the request's prices. strategyExpiryType: the underlying's nearest live expiry on the exchange is "Current expiry", the next "Next expiry", later ones "Far expiry" (undocumented). Leg bid/ask are the best level of the book, upperCktLimit/lowerCktLimit the band orders are checked against (previous close ± ${PRICE_BAND_PERCENT}%), optionType "XX" for a future. The underlying is the index for index derivatives (symbol its bare negative id, symbolName the derivatives' underlying name, e.g. NIFTY) and the NSE stock for stock ones; change and changePer are its change since the previous close. lotSize is the first leg's. ${MARKET_TEXT}`,
  security,
  request: { body: jsonBody(ContractsAnalyserRequest) },
  responses: { ...okJson(ContractsAnalyserResponse, 'Contracts analysis report is successfully generated.'), ...failuresWithNoSymbol(...BODY_ERRORS, ...SESSION_ERRORS, 'MARKET_SYMBOL_NOT_FOUND') },
});
