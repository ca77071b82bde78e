import { blackScholes, normCdf } from './instruments.js';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export type Greeks = { iv: number; delta: number; gamma: number; theta: number; vega: number };
export const NO_GREEKS: Greeks = { iv: 0, delta: 0, gamma: 0, theta: 0, vega: 0 };

/** The volatility at which Black-Scholes gives `price` (bisection; 0 when the price is below intrinsic value). */
export function impliedVolatility(type: 'CE' | 'PE', spot: number, strike: number, years: number, price: number): number {
  if (years <= 0 || price <= blackScholes(type, spot, strike, years, 0.0001)) return 0;
  let lo = 0.0001;
  let hi = 5;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (blackScholes(type, spot, strike, years, mid) > price) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/**
 * An option's Greeks at its last price: the implied volatility (in %), delta, gamma, theta (per
 * calendar day) and vega (per volatility point), Black-Scholes without rates or dividends.
 */
export function optionGreeks(type: 'CE' | 'PE', spot: number, strike: number, expiresAt: number, now: number, price: number): Greeks {
  const years = (expiresAt - now) / YEAR_MS;
  const vol = impliedVolatility(type, spot, strike, years, price);
  if (vol === 0) return { ...NO_GREEKS, delta: type === 'CE' ? (spot > strike ? 1 : 0) : spot < strike ? -1 : 0 };
  const sqrtT = Math.sqrt(years);
  const d1 = (Math.log(spot / strike) + (vol * vol * years) / 2) / (vol * sqrtT);
  const pdf = Math.exp((-d1 * d1) / 2) / Math.sqrt(2 * Math.PI);
  return {
    iv: vol * 100,
    delta: type === 'CE' ? normCdf(d1) : normCdf(d1) - 1,
    gamma: pdf / (spot * vol * sqrtT),
    theta: -(spot * pdf * vol) / (2 * sqrtT) / 365,
    vega: (spot * pdf * sqrtT) / 100,
  };
}
