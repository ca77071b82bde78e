import { ANALYSER_RULES, MARKET_HOURS } from '../../../spec/schemas/market-data-rules.js';
import type { Bulk } from '../bulk.js';
import { fail, ok, type Result } from '../result.js';
import { istInstant } from './hours.js';
import { blackScholes, findInstrument, indexOfUnderlying, isOption, type Instrument, type Listing } from './instruments.js';
import type { Market } from './market.js';

/** One contract of POST /contractsAnalyser, parsed: what was bought or sold, at what price, how many lots. */
export type AnalyserContract = { tradingSymbol: string; side: 'BUY' | 'SELL'; price: number; lots: number };

export type AnalysedLeg = {
  instrument: Instrument;
  side: 'BUY' | 'SELL';
  price: number;
  lots: number;
  quantity: number;
  /** 0 for the underlying's nearest live expiry, 1 for the next, 2 and more beyond. */
  expiryRank: number;
};

export type PayoffPoint = { pricePoint: number; pricePointProfitLoss: number; pricePointProfitLossOnUserExpiry: number };

/** The analysis in numbers; `null` for an unlimited profit or loss, and for a breakeven that does not exist. */
export type ContractsAnalysis = {
  underlying: Listing;
  underlyingName: string;
  legs: AnalysedLeg[];
  breakevens: [number | null, number | null];
  maxProfit: number | null;
  maxLoss: number | null;
  net: { theta: number; delta: number; gamma: number; vega: number };
  estimatedMargin: number;
  targetExpiry: string;
  payoff: PayoffPoint[];
};

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** A leg's value per unit when the underlying is at `spot` at instant `at`: intrinsic at or after expiry, Black-Scholes at its implied volatility before. */
export function legValue(instrument: Instrument, spot: number, at: number, expiresAt: number, ivPercent: number): number {
  if (!isOption(instrument) || instrument.strike === null || !instrument.optionType) return spot;
  const strike = instrument.strike;
  const intrinsic = instrument.optionType === 'CE' ? Math.max(0, spot - strike) : Math.max(0, strike - spot);
  if (at >= expiresAt || ivPercent <= 0 || spot <= 0) return intrinsic;
  return blackScholes(instrument.optionType, spot, strike, (expiresAt - at) / YEAR_MS, ivPercent / 100);
}

/** The strategy's P&L (rupees) for an underlying price, each leg valued by `value`. */
export function strategyPnl(legs: readonly AnalysedLeg[], value: (leg: AnalysedLeg) => number): number {
  return legs.reduce((sum, leg) => sum + (leg.side === 'BUY' ? 1 : -1) * leg.quantity * (value(leg) - leg.price), 0);
}

/** Where a function of the price crosses zero in [0, top]: a dense scan then bisection, rounded to paise. */
export function zeroCrossings(f: (s: number) => number, top: number, steps = ANALYSER_RULES.breakevenScanSteps): number[] {
  const out: number[] = [];
  let a = 0;
  let fa = f(a);
  for (let i = 1; i <= steps; i++) {
    const b = (top * i) / steps;
    const fb = f(b);
    if (fa === 0 && a > 0) out.push(a);
    else if (fa * fb < 0) {
      let lo = a;
      let hi = b;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (f(lo) * f(mid) <= 0) hi = mid;
        else lo = mid;
      }
      out.push(Math.round(((lo + hi) / 2) * 100) / 100);
    }
    a = b;
    fa = fb;
  }
  return out;
}

/** The payoff grid's step: the smallest of 1, 2, 5, 10, 20, 50, ... that keeps the band around the spot within ANALYSER_RULES.gridPoints points. */
export function gridStep(spot: number): number {
  const wanted = (2 * ANALYSER_RULES.gridBand * spot) / ANALYSER_RULES.gridPoints;
  for (let magnitude = 1; ; magnitude *= 10) for (const m of [1, 2, 5]) if (m * magnitude >= wanted) return m * magnitude;
}

/**
 * POST /contractsAnalyser: the strategy the contracts make, on the simulated market. Every leg must
 * be an option or future of `exchange`, all on one underlying; anything else is the published
 * MARKET_SYMBOL_NOT_FOUND. `targetDate` is an IST day (yyyy-MM-dd), valued at its close.
 */
export function analyseContracts(market: Market, bulk: Bulk, now: number, exchange: string, contracts: readonly AnalyserContract[], targetDay: number): Result<ContractsAnalysis> {
  if (contracts.length === 0) return fail('MARKET_SYMBOL_NOT_FOUND');
  const segment = exchange.trim().toUpperCase();
  const instruments: Instrument[] = [];
  for (const c of contracts) {
    const instrument = segment === 'NFO' || segment === 'BFO' ? market.lookup(segment, c.tradingSymbol) : undefined;
    if (!instrument || instrument.instrument === 'EQ' || instrument.exchange !== segment) return fail('MARKET_SYMBOL_NOT_FOUND');
    instruments.push(instrument);
  }
  const underlyingName = instruments[0]!.underlying;
  if (instruments.some((i) => i.underlying !== underlyingName)) return fail('MARKET_SYMBOL_NOT_FOUND');
  const underlying: Listing | undefined = indexOfUnderlying(underlyingName) ?? findInstrument('NSE', underlyingName);
  if (!underlying) return fail('MARKET_SYMBOL_NOT_FOUND');
  const spot = market.state(underlying).ltp;

  const liveExpiries = [
    ...new Set(
      market
        .instruments()
        .filter((i) => i.exchange === segment && i.underlying === underlyingName && i.expiry && (market.expiresAt(i) ?? 0) > now)
        .map((i) => i.expiry!),
    ),
  ].sort();
  const legs: AnalysedLeg[] = contracts.map((c, n) => {
    const instrument = instruments[n]!;
    const rank = liveExpiries.indexOf(instrument.expiry!);
    return { instrument, side: c.side, price: c.price, lots: c.lots, quantity: c.lots * instrument.lotSize, expiryRank: rank < 0 ? liveExpiries.length : rank };
  });

  const expiries = legs.map((l) => market.expiresAt(l.instrument)!);
  const targetExpiresAt = Math.min(...expiries);
  const targetExpiry = legs[expiries.indexOf(targetExpiresAt)]!.instrument.expiry!;
  // A target date in the past is valued now.
  const userAt = Math.max(now, istInstant(targetDay, MARKET_HOURS.close));
  const greeks = legs.map((l) => market.greeks(l.instrument));
  const pnlAt = (s: number, at: number) => strategyPnl(legs, (leg) => legValue(leg.instrument, s, at, expiries[legs.indexOf(leg)]!, greeks[legs.indexOf(leg)]!.iv));
  const atExpiry = (s: number) => pnlAt(s, targetExpiresAt);

  const top = ANALYSER_RULES.scanTop * spot;
  const crossings = zeroCrossings(atExpiry, top);
  const strikes = legs.map((l) => l.instrument.strike).filter((k): k is number => k !== null);
  const probes = [0, ...strikes, ...Array.from({ length: ANALYSER_RULES.breakevenScanSteps + 1 }, (_, i) => (top * i) / ANALYSER_RULES.breakevenScanSteps)];
  const values = probes.map(atExpiry);
  // Beyond the scan the payoff is straight for expired legs (and all but straight for later ones): its slope says whether it is unbounded.
  const slope = atExpiry(2 * top) - atExpiry(top);
  const highest = Math.max(...values);
  const lowest = Math.min(...values);
  const maxProfit = slope > ANALYSER_RULES.flatSlope ? null : Math.max(0, highest);
  const maxLoss = slope < -ANALYSER_RULES.flatSlope ? null : Math.max(0, -lowest);

  const step = gridStep(spot);
  const from = Math.max(step, Math.floor((spot * (1 - ANALYSER_RULES.gridBand)) / step) * step);
  const to = Math.ceil((spot * (1 + ANALYSER_RULES.gridBand)) / step) * step;
  const payoff: PayoffPoint[] = [];
  for (let s = from; s <= to; s += step) payoff.push({ pricePoint: s, pricePointProfitLoss: Math.round(atExpiry(s)), pricePointProfitLossOnUserExpiry: Math.round(pnlAt(s, userAt)) });

  const net = { theta: 0, delta: 0, gamma: 0, vega: 0 };
  legs.forEach((leg, n) => {
    const sign = (leg.side === 'BUY' ? 1 : -1) * leg.quantity;
    const g = greeks[n]!;
    // A future moves one for one with the underlying.
    net.delta += sign * (isOption(leg.instrument) ? g.delta : 1);
    net.gamma += sign * g.gamma;
    net.theta += sign * g.theta;
    net.vega += sign * g.vega;
  });

  const margin = bulk.spanMargin(legs.map((l) => ({ exchange: segment, tradingSymbol: l.instrument.symbolName, qty: l.quantity, transactionType: l.side, price: l.price, productType: 'NRML' })));
  if (!margin.ok) return margin;

  return ok({
    underlying,
    underlyingName,
    legs,
    breakevens: [crossings[0] ?? null, crossings[1] ?? null],
    maxProfit,
    maxLoss,
    net,
    estimatedMargin: margin.value.total,
    targetExpiry,
    payoff,
  });
}
