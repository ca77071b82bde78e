/**
 * When a price crosses a trigger: one rule for stop orders (Samco SL, AutoTrader STOP_LOSS and
 * SL_MARKET, BO/CO stop legs) and standing triggers (GTT, OCO legs). Plain functions of prices.
 */
export type Side = 'BUY' | 'SELL';

export const toTick = (price: number, tick: number) => Number((Math.round(price / tick) * tick).toFixed(4));

/** A stop order's trigger: a BUY stop fires when the price reaches it or above, a SELL stop at it or below. */
export const stopCrossed = (side: Side, ltp: number, trigger: number) => (side === 'BUY' ? ltp >= trigger : ltp <= trigger);

/** A limit is marketable when a BUY's price is at or above the market, a SELL's at or below. */
export const limitMarketable = (side: Side, ltp: number, price: number) => (side === 'BUY' ? ltp <= price : ltp >= price);

/** A standing trigger fires when the price reaches it from the side it was on: UP when it was below the trigger, DOWN when above. */
export type Direction = 'UP' | 'DOWN';

/** The direction a standing trigger waits in, from the price when it was set (at the trigger already: UP). */
export const directionFrom = (ltpAtCreation: number, trigger: number): Direction => (ltpAtCreation <= trigger ? 'UP' : 'DOWN');

export const reached = (direction: Direction, ltp: number, trigger: number) => (direction === 'UP' ? ltp >= trigger : ltp <= trigger);
