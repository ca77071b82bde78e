import { groupedAmount } from '../domain/money.js';
import type { AnalysedLeg, ContractsAnalysis } from '../domain/market/contracts-analyser.js';
import { isIndex, isOption, symbolCodeOf } from '../domain/market/instruments.js';
import type { Market } from '../domain/market/market.js';
import { formats, px } from './market-data-present.js';

/** How POST /contractsAnalyser prints an analysis: the sample's strings, numbers and groupings. */
// Made on first use: a number format loads ICU's locale data, which start-up does not need.
let whole: Intl.NumberFormat | undefined;
/** `13,49,308` (whole rupees, Indian grouping), or "Unlimited". */
const rupees = (n: number | null) => (n === null ? 'Unlimited' : (whole ??= new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 })).format(Math.round(n) || 0));
const withShare = (n: number | null, margin: number) => (n === null ? 'Unlimited' : `${rupees(n)}(${margin > 0 ? Math.round((n / margin) * 100) : 0}%)`);
const six = (n: number) => (Math.round(n * 1e6) === 0 ? 0 : n).toFixed(6);
const EXPIRY_TYPES = ['Current expiry', 'Next expiry'] as const;

function legJson(market: Market, leg: AnalysedLeg) {
  const i = leg.instrument;
  const state = market.state(i);
  const book = market.book(i, state);
  const band = market.band(i, state.prevClose);
  const p = (n: number) => px(n, i.tickSize);
  const long = leg.side === 'BUY';
  const kind = isOption(i) ? (i.optionType === 'CE' ? 'CALL' : 'PUT') : 'FUTURE';
  return {
    tradingSymbol: i.tradingSymbol,
    symName: i.underlying,
    symbol: symbolCodeOf(i),
    optionType: i.optionType ?? ('XX' as const),
    instrument: i.instrument as 'OPTIDX' | 'OPTSTK' | 'FUTIDX' | 'FUTSTK',
    expiry: formats.ddMonYy(i.expiry!),
    lotSize: String(i.lotSize),
    quantity: String(leg.quantity),
    lTP: p(state.ltp),
    avgPrc: p(leg.price),
    askPrice: p(book.asks[0]?.price ?? 0),
    bidPrice: p(book.bids[0]?.price ?? 0),
    openInterest: String(state.oi),
    strategyLegType: `${long ? 'LONG' : 'SHORT'} ${kind}` as 'LONG CALL',
    strategyExpiryType: EXPIRY_TYPES[leg.expiryRank] ?? ('Far expiry' as const),
    upperCktLimit: p(band.upperBand),
    lowerCktLimit: p(band.lowerBand),
    tickSize: p(i.tickSize),
  };
}

export function strategyInfoJson(market: Market, a: ContractsAnalysis) {
  const u = market.state(a.underlying);
  const change = u.ltp - u.prevClose;
  const breakeven = (n: number | null) => (n === null ? 'NA' : n.toFixed(2));
  const ratio = a.maxProfit === null || a.maxLoss === null || Math.round(a.maxLoss) === 0 ? 'NA' : `1: ${(Math.round(a.maxProfit) / Math.round(a.maxLoss)).toFixed(2)}`;
  return {
    symbol: symbolCodeOf(a.underlying),
    symbolName: a.underlyingName,
    change: px(change),
    changePer: px(u.prevClose === 0 ? 0 : (change / u.prevClose) * 100),
    exchange: isIndex(a.underlying) ? a.underlying.exchange : ('NSE' as const),
    noOfStrategyLegs: a.legs.length,
    strategyLegs: a.legs.map((l) => legJson(market, l)),
    breakeven1: breakeven(a.breakevens[0]),
    breakeven2: breakeven(a.breakevens[1]),
    maxProfit: rupees(a.maxProfit),
    sMaxProfit: withShare(a.maxProfit, a.estimatedMargin),
    maxLoss: rupees(a.maxLoss),
    sMaxLoss: withShare(a.maxLoss, a.estimatedMargin),
    sNetTheta: six(a.net.theta),
    sNetDelta: six(a.net.delta),
    sNetGamma: six(a.net.gamma),
    sNetVega: six(a.net.vega),
    sRRRatio: ratio,
    estimatedMargin: groupedAmount(a.estimatedMargin),
    targetExpiryDate: formats.ddMonYy(a.targetExpiry),
    lotSize: String(a.legs[0]!.instrument.lotSize),
    plDataByPricePointPayoffChart: a.payoff,
  };
}
