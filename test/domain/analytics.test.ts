import { describe, expect, it } from 'vitest';
import { dayDate, groupTrips, matchTrades, metricsOf, parseDay, type TradeFill } from '../../mock/domain/analytics.js';
import { findInstrument } from '../../mock/domain/market/instruments.js';
import type { PlaceOrderInput } from '../../mock/domain/orders.js';
import { makeDomain, T0 } from '../helpers.js';

const DAY = 24 * 3600 * 1000;

/**
 * A small trade book, worked out by hand:
 *   day 1  BUY 10 IDEA CNC at 13.40; SELL 4 at 14.00       -> long 4:  +2.40 (2.40 / 53.60 = 4.4776%), held 0 days
 *   day 2  SELL 6 IDEA CNC at 13.00                         -> long 6:  -2.40 (2.40 / 80.40 = 2.9851%), held 1 day
 *   day 2  SELL 10 SBIN MIS at 812.40; BUY 10 at 800.00    -> short 10: +124.00 (124 / 8124 = 1.5263%), held 0 days
 * 3 trades: 2 winners (66.67%), 1 loser (33.33%); average win 63.20, average loss 2.40; average gain
 * (4.4776 + 1.5263) / 2 = 3.0020%, average loss 2.9851%; score (66.67 x 3.0020) / (33.33 x 2.9851) = 2.01.
 */
function tradeBook() {
  const domain = makeDomain();
  domain.load({ accounts: [{ uid: 'AB1234', name: 'Holder', password: 'pw', yob: '1990', mobile: '9876543210', email: 'ab@example.com' }] });
  const account = () => domain.accounts.get('AB1234')!;
  const place = (input: Partial<PlaceOrderInput>) => {
    const r = domain.orders.place(account(), { symbolName: 'IDEA', transactionType: 'BUY', orderType: 'L', quantity: '10', orderValidity: 'DAY', productType: 'CNC', price: '13.40', ...input });
    if (!r.ok || r.value.status !== 'COMPLETE') throw new Error(r.ok ? `${r.value.status} ${r.value.rejectionReason}` : r.error.code);
  };
  const price = (symbol: string, p: number) => domain.market.setPrice('NSE', symbol, p);
  place({});
  price('IDEA', 14);
  place({ transactionType: 'SELL', quantity: '4', price: '14.00' });
  domain.clock.advance(DAY);
  price('IDEA', 13);
  place({ transactionType: 'SELL', quantity: '6', price: '13.00' });
  place({ symbolName: 'SBIN', transactionType: 'SELL', productType: 'MIS', price: '812.40' });
  price('SBIN', 800);
  place({ symbolName: 'SBIN', productType: 'MIS', price: '800.00' });
  return { domain, account };
}

describe('trade analytics from the trade book, by hand', () => {
  it('matches fills into round trips first in first out', () => {
    const { domain, account } = tradeBook();
    const trips = domain.analytics.trips(account(), domain.analytics.window(account(), 'ALL'));
    expect(trips.map((t) => [t.instrument.symbolName, t.side, t.productType, t.quantity, t.entryPrice, t.exitPrice, t.pnl, t.holdingDays])).toEqual([
      ['IDEA', 'Long', 'CNC', 4, 13.4, 14, 2.4, 0],
      ['IDEA', 'Long', 'CNC', 6, 13.4, 13, -2.4, 1],
      ['SBIN', 'Short', 'MIS', 10, 812.4, 800, 124, 0],
    ]);
  });

  it('the summary figures', () => {
    const { domain, account } = tradeBook();
    const m = metricsOf(domain.analytics.trips(account(), domain.analytics.window(account(), 'ALL')));
    expect(m).toMatchObject({
      trades: 3,
      winners: 2,
      losers: 1,
      averageWinSize: 63.2,
      averageLossSize: 2.4,
      averageHoldingWin: 0,
      averageHoldingLoss: 1,
      holdingWinners: 0,
      holdingLosers: 1,
      totalPnl: 124,
      transactions: 5,
    });
    expect(m.winRate.toFixed(2)).toBe('66.67');
    expect(m.lossRate.toFixed(2)).toBe('33.33');
    expect(m.averageGainPercentage.toFixed(2)).toBe('3.00');
    expect(m.averageLossPercentage.toFixed(2)).toBe('2.99');
    expect(m.successRatio.toFixed(2)).toBe('2.01');
  });

  it('groups by segment and strategy (side of the opening, product), with each strategy share of the gains', () => {
    const { domain, account } = tradeBook();
    const groups = groupTrips(domain.analytics.trips(account(), domain.analytics.window(account(), 'ALL')), 'strategy');
    expect(groups.map((g) => [g.groupName, g.strategies.map((s) => [s.strategy, s.metrics.trades, s.metrics.transactions, s.gainShare.toFixed(2)])])).toEqual([
      [
        'Equity-Cash Market',
        [
          // Gains: 2.40 of 126.40 = 1.90%; 124.00 of 126.40 = 98.10%. One buy and two sells; one sell and one buy.
          ['Long Delivery', 2, 3, '1.90'],
          ['Short Intraday', 1, 2, '98.10'],
        ],
      ],
    ]);
    const bySector = groupTrips(domain.analytics.trips(account(), domain.analytics.window(account(), 'ALL')), 'sector');
    expect(bySector.map((g) => g.groupName)).toEqual(['Telecom', 'Banking']);
  });

  it('windows: ALL from the first trade; 1M back a calendar month; only trips closed inside count', () => {
    const { domain, account } = tradeBook();
    const all = domain.analytics.window(account(), 'ALL');
    expect([dayDate(all.startDay), dayDate(all.endDay)]).toEqual(['2025-12-17', '2025-12-18']);
    const month = domain.analytics.window(account(), '1M');
    expect([dayDate(month.startDay), dayDate(month.endDay)]).toEqual(['2025-11-18', '2025-12-18']);
    const year = domain.analytics.window(account(), '1Y');
    expect(dayDate(year.startDay)).toBe('2024-12-18');
    const firstDay = { startDay: parseDay('2025-12-17')!, endDay: parseDay('2025-12-17')! };
    expect(domain.analytics.trips(account(), firstDay).map((t) => t.pnl)).toEqual([2.4]);
    expect(parseDay('2025-02-30')).toBeNull();
    expect(parseDay('17-12-2025')).toBeNull();
  });

  it('gainLoss: realised of the trips closed in the window; unrealised of the lots opened in it, at the last traded price', () => {
    const { domain, account } = tradeBook();
    const window = domain.analytics.window(account(), 'ALL');
    expect(domain.analytics.gainLoss(account(), 'close', window)).toEqual({ realized: 124, unrealized: 0 });
    const r = domain.orders.place(account(), { symbolName: 'ITC', transactionType: 'BUY', orderType: 'L', quantity: '5', orderValidity: 'DAY', productType: 'MIS', price: '455.30' });
    expect(r.ok && r.value.status).toBe('COMPLETE');
    domain.market.setPrice('NSE', 'ITC', 460);
    // 5 x (460 - 455.30)
    expect(domain.analytics.gainLoss(account(), 'open', window)).toEqual({ realized: 0, unrealized: 23.5 });
    const before = { startDay: parseDay('2025-01-01')!, endDay: parseDay('2025-01-31')! };
    expect(domain.analytics.gainLoss(account(), 'open', before)).toEqual({ realized: 0, unrealized: 0 });
  });

  it('opening holdings count as buys at their average price on the day the account was opened', () => {
    const domain = makeDomain();
    domain.load({
      accounts: [
        {
          uid: 'HD1234',
          name: 'Holder',
          password: 'pw',
          yob: '1990',
          mobile: '9876543210',
          email: 'hd@example.com',
          holdings: [{ exchange: 'NSE', symbolName: 'SBIN', quantity: 10, averagePrice: 700 }],
        },
      ],
    });
    const account = domain.accounts.get('HD1234')!;
    domain.clock.advance(3 * DAY);
    const r = domain.orders.place(account, { symbolName: 'SBIN', transactionType: 'SELL', orderType: 'L', quantity: '10', orderValidity: 'DAY', productType: 'CNC', price: '812.40' });
    expect(r.ok && r.value.status).toBe('COMPLETE');
    const [trip] = domain.analytics.trips(account, domain.analytics.window(account, 'ALL'));
    // (812.40 - 700) x 10, held 3 days.
    expect(trip).toMatchObject({ side: 'Long', pnl: 1124, holdingDays: 3, entryAt: T0 });
  });

  it('a fill larger than the open lots closes them and opens the rest on its own side', () => {
    const idea = findInstrument('NSE', 'IDEA')!;
    const fill = (id: string, transactionType: 'BUY' | 'SELL', quantity: number, price: number, at: number): TradeFill => ({
      id,
      instrument: idea,
      productType: 'MIS',
      transactionType,
      quantity,
      price,
      at,
    });
    const { trips, open } = matchTrades([fill('a', 'BUY', 3, 10, 1), fill('b', 'BUY', 2, 11, 2), fill('c', 'SELL', 7, 12, 3)]);
    expect(trips.map((t) => [t.entryFill, t.quantity, t.pnl])).toEqual([
      ['a', 3, 6],
      ['b', 2, 2],
    ]);
    expect(open).toEqual([{ instrument: idea, productType: 'MIS', side: 'Short', quantity: 2, entryPrice: 12, entryAt: 3, fill: 'c' }]);
  });
});
