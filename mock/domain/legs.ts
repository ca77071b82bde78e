/**
 * The rules of a bracket or cover order's legs, shared by Samco's BO/CO (bracket-cover.ts) and
 * AutoTrader's BO/CO (autotrader/): where the legs go, how a stop trails, what one leg's fill
 * does to the other, which leg an exit executes. Plain values in, plain values out: each family
 * keeps its own records and applies the decision to them.
 */
import { toTick } from './triggers.js';

export type Side = 'BUY' | 'SELL';
export type LegRole = 'TARGET' | 'STOPLOSS';

export const opposite = (side: Side): Side => (side === 'BUY' ? 'SELL' : 'BUY');
/** +1 when a higher price favours the entry's side (a BUY), -1 otherwise. */
export const favour = (side: Side) => (side === 'BUY' ? 1 : -1);

/** A distance as a price: Absolute values are rupees, Ticks are multiples of the instrument's tick size. */
export const distance = (value: number, unit: 'Absolute' | 'Ticks', tickSize: number) => (unit === 'Ticks' ? value * tickSize : value);

/**
 * Where a bracket's legs go from the entry's fill price: the target at fill ± target distance
 * (limit, the favourable side), the stop-loss trigger at fill ∓ stop distance; both on the tick.
 */
export function bracketLegPrices(entrySide: Side, fill: number, distances: { target: number; stoploss: number }, tickSize: number) {
  const f = favour(entrySide);
  return { target: toTick(fill + f * distances.target, tickSize), stopTrigger: toTick(fill - f * distances.stoploss, tickSize) };
}

/** Legs are placed once the entry is done filling (complete, or cancelled after a part filled), and only once. */
export const legsDue = (entry: { open: boolean; filledQuantity: number; hasLegs: boolean }) => !entry.open && entry.filledQuantity > 0 && !entry.hasLegs;

/**
 * A trailing stop: each time the market moves a whole `step` beyond the best price seen so far
 * (`anchor`, the fill price at first) in the entry's favour, the stop's trigger follows by as many
 * steps; it never moves back. Returns null when nothing moves.
 */
export function trailedStop(entrySide: Side, stop: { trigger: number; anchor: number }, ltp: number, step: number, tickSize: number): { trigger: number; anchor: number } | null {
  if (!(step > 0)) return null;
  const f = favour(entrySide);
  const gained = (ltp - stop.anchor) * f;
  const steps = Math.floor(gained / step + 1e-9);
  if (steps < 1) return null;
  return { trigger: toTick(stop.trigger + f * steps * step, tickSize), anchor: toTick(stop.anchor + f * steps * step, tickSize) };
}

/**
 * What one leg's fill does to its sibling: when the leg is complete the sibling is cancelled;
 * a part fill shrinks what the sibling still waits for to what this leg still waits for. Null: no change.
 */
export function siblingAfterFill(leg: { complete: boolean; pending: number }, sibling: { open: boolean; pending: number }): 'CANCEL' | { pending: number } | null {
  if (!sibling.open) return null;
  if (leg.complete) return 'CANCEL';
  return sibling.pending > leg.pending ? { pending: leg.pending } : null;
}

/** An exit executes the stop-loss leg at the market (else the target), and cancels the other open legs. */
export function exitLeg<T extends { role: LegRole | null }>(openLegs: readonly T[]): T | undefined {
  return openLegs.find((l) => l.role === 'STOPLOSS') ?? openLegs[0];
}
