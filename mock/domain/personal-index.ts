import { round2 } from './money.js';
import type { Market } from './market/market.js';
import type { Portfolio } from './portfolio.js';
import type { Account } from './types.js';

/** The personal index's base: the sandbox keeps no index history, so every IST day starts at 100. */
export const PERSONAL_INDEX_BASE = 100;

/** The account's own P&L index (GET /indexData), in numbers; the answer's formats are the handler's. */
export type PersonalIndex = {
  networth: number;
  previousNetworth: number;
  networthChange: number;
  networthChangePercentage: number;
  fundReceipt: number;
  index: number;
  indexChange: number;
  indexChangePercentage: number;
};

/**
 * The personal index from the account's limits, holdings and positions on the simulated market:
 * - yesterday's networth: the opening balances (grossAvailableMargin of both segments) plus the
 *   settled holdings at their previous close;
 * - today's networth: the opening balances, the day's pay-in (fundReceipt), the holdings at their
 *   last price, the day's positions' realised and unrealised P&L, and the moves since the previous
 *   close of derivative positions carried from earlier days;
 * - the index moves by the day's trading P&L only (networth change less fundReceipt) relative to
 *   yesterday's networth, from PERSONAL_INDEX_BASE; a networth of 0 yesterday leaves it at the base.
 */
export function personalIndex(portfolio: Portfolio, market: Market, account: Account): PersonalIndex {
  const n = (v: string | undefined) => Number(v ?? 0) || 0;
  const { equityLimit, commodityLimit } = account.limits;
  const opening = n(equityLimit.grossAvailableMargin) + n(commodityLimit.grossAvailableMargin);
  const fundReceipt = n(equityLimit.payInToday) + n(commodityLimit.payInToday);
  let holdingsNow = 0;
  let holdingsBefore = 0;
  for (const h of portfolio.holdings(account)) {
    holdingsNow += h.quantity * h.ltp;
    holdingsBefore += h.quantity * market.state(h.instrument).prevClose;
  }
  const dayPnl = portfolio.positions(account, 'DAY').reduce((sum, p) => sum + p.realised + p.unrealised, 0);
  // CNC carries become holdings (counted above); other carried positions move from the previous close.
  const carriedPnl = portfolio
    .positions(account, 'NET')
    .filter((p) => p.productType !== 'CNC' && p.carryForwardQuantity !== 0)
    .reduce((sum, p) => sum + p.carryForwardQuantity * (p.ltp - market.state(p.instrument).prevClose), 0);
  const previousNetworth = round2(opening + holdingsBefore);
  const networth = round2(opening + fundReceipt + holdingsNow + dayPnl + carriedPnl);
  const networthChange = round2(networth - previousNetworth);
  const percent = (part: number) => (previousNetworth > 0 ? round2((part / previousNetworth) * 100) : 0);
  const indexChangePercentage = percent(networthChange - fundReceipt);
  const index = round2(PERSONAL_INDEX_BASE * (1 + indexChangePercentage / 100));
  return {
    networth,
    previousNetworth,
    networthChange,
    networthChangePercentage: percent(networthChange),
    fundReceipt: round2(fundReceipt),
    index,
    indexChange: round2(index - PERSONAL_INDEX_BASE),
    indexChangePercentage,
  };
}
