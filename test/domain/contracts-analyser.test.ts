import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../mock/domain/clock.js';
import { SandboxDomain } from '../../mock/domain/domain.js';
import { istDay } from '../../mock/domain/ist.js';
import { analyseContracts, gridStep, type AnalyserContract } from '../../mock/domain/market/contracts-analyser.js';
import { MemoryStore } from '../../mock/store/memory.js';

/** Tuesday 1 December 2026, 10:00 IST; the NIFTY options expire on 29 December. */
const OPEN = Date.UTC(2026, 11, 1, 4, 30, 0);

function setup() {
  const clock = new SandboxClock();
  clock.set(OPEN);
  const domain = new SandboxDomain({ seed: 'analyser', clock, store: new MemoryStore() });
  const analyse = (contracts: AnalyserContract[], exchange = 'NFO', targetDay = istDay(OPEN) + 7) => analyseContracts(domain.market, domain.bulk, clock.now(), exchange, contracts, targetDay);
  return { domain, analyse };
}

/** A bull call spread, two lots (65 each): buy 26000 CE at 300, sell 26200 CE at 200; a net debit of 100 x 130 = 13,000. */
const BULL_CALL: AnalyserContract[] = [
  { tradingSymbol: 'NIFTY29DEC2626000CE', side: 'BUY', price: 300, lots: 2 },
  { tradingSymbol: 'nifty29dec2626200ce', side: 'SELL', price: 200, lots: 2 },
];

describe('POST /contractsAnalyser: the strategy of the contracts', () => {
  it('a bull call spread: payoff at expiry by hand, one breakeven at 26,100, max profit and loss 13,000', () => {
    const r = setup().analyse(BULL_CALL);
    if (!r.ok) throw new Error(r.error.code);
    const a = r.value;
    expect(a.legs.map((l) => [l.quantity, l.expiryRank])).toEqual([
      [130, 0],
      [130, 0],
    ]);
    const at = (s: number) => a.payoff.find((p) => p.pricePoint === s)!.pricePointProfitLoss;
    // Below 26000 both calls expire worthless: -13,000. Above 26200: (200 - 100) x 130 = +13,000. At 26,000: still -13,000.
    expect(at(25000)).toBe(-13000);
    expect(at(26000)).toBe(-13000);
    expect(at(26200)).toBe(13000);
    expect(at(27000)).toBe(13000);
    expect(a.breakevens).toEqual([26100, null]);
    expect(a.maxProfit).toBeCloseTo(13000, 6);
    expect(a.maxLoss).toBeCloseTo(13000, 6);
    expect(a.targetExpiry).toBe('2026-12-29');
    // A week before expiry the legs keep time value at the strikes; valued on the expiry day, both curves agree.
    expect(a.payoff.find((p) => p.pricePoint === 26000)!.pricePointProfitLossOnUserExpiry).not.toBe(-13000);
    const onExpiry = setup().analyse(BULL_CALL, 'NFO', istDay(Date.UTC(2026, 11, 29, 4, 30)));
    if (!onExpiry.ok) throw new Error(onExpiry.error.code);
    for (const p of onExpiry.value.payoff) expect(p.pricePointProfitLossOnUserExpiry).toBe(p.pricePointProfitLoss);
    // Long the lower strike: a net positive delta; the margin is the span calculator's.
    expect(a.net.delta).toBeGreaterThan(0);
    const span = setup().domain.bulk.spanMargin([
      { exchange: 'NFO', tradingSymbol: 'NIFTY29DEC2626000CE', qty: 130, transactionType: 'BUY', price: 300, productType: 'NRML' },
      { exchange: 'NFO', tradingSymbol: 'NIFTY29DEC2626200CE', qty: 130, transactionType: 'SELL', price: 200, productType: 'NRML' },
    ]);
    expect(span.ok && a.estimatedMargin).toBe(span.ok ? span.value.total : -1);
  });

  it('a long straddle: two breakevens, the strikes ± the premium paid; profit unlimited', () => {
    const r = setup().analyse([
      { tradingSymbol: 'NIFTY29DEC2626000CE', side: 'BUY', price: 310, lots: 1 },
      { tradingSymbol: 'NIFTY29DEC2626000PE', side: 'BUY', price: 140, lots: 1 },
    ]);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.breakevens).toEqual([25550, 26450]);
    expect(r.value.maxProfit).toBeNull();
    expect(r.value.maxLoss).toBeCloseTo(450 * 65, 6);
  });

  it('a naked short call: loss unlimited', () => {
    const r = setup().analyse([{ tradingSymbol: 'NIFTY29DEC2626000CE', side: 'SELL', price: 310, lots: 1 }]);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.maxLoss).toBeNull();
    expect(r.value.maxProfit).toBeCloseTo(310 * 65, 6);
    expect(r.value.breakevens).toEqual([26310, null]);
  });

  it('finds no symbol for no contracts, an unknown one, an equity, another exchange or two underlyings', () => {
    const { analyse } = setup();
    const code = (r: ReturnType<typeof analyse>) => (r.ok ? 'ok' : r.error.code);
    expect(code(analyse([]))).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(code(analyse([{ tradingSymbol: 'NIFTY29DEC2699999CE', side: 'BUY', price: 1, lots: 1 }]))).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(code(analyse([{ tradingSymbol: 'SBIN', side: 'BUY', price: 1, lots: 1 }], 'NSE'))).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(code(analyse(BULL_CALL, 'BFO'))).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(code(analyse([BULL_CALL[0]!, { tradingSymbol: 'BANKNIFTY26DECFUT', side: 'SELL', price: 59800, lots: 1 }]))).toBe('MARKET_SYMBOL_NOT_FOUND');
  });

  it('charts in whole steps of 1, 2, 5, 10, ...', () => {
    expect(gridStep(26000)).toBe(200);
    expect(gridStep(812)).toBe(5);
    expect(gridStep(100)).toBe(1);
  });
});
