import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SandboxClock } from '../../mock/domain/clock.js';
import { SandboxDomain } from '../../mock/domain/domain.js';
import { MemoryStore } from '../../mock/store/memory.js';
import { istDay } from '../../mock/domain/ist.js';
import { intradayCandles } from '../../mock/domain/market/candles.js';
import { candleStart, isTradingDay, marketPhase } from '../../mock/domain/market/hours.js';
import { findBySymbolCode, generateInstruments, INDICES, INSTRUMENTS, symbolCodeOf } from '../../mock/domain/market/instruments.js';

/** Tuesday 1 December 2026, 10:00 IST. */
const OPEN = Date.UTC(2026, 11, 1, 4, 30, 0);
const MIN = 60_000;

function market(seed: string | null = 'market', at = OPEN) {
  const clock = new SandboxClock();
  clock.set(at);
  const domain = new SandboxDomain({ seed, clock, store: new MemoryStore() });
  return { domain, clock, market: domain.market };
}

describe('the ScripMaster', () => {
  it('keeps the 21 instruments orders were built on, adds option series, and is the same for the same seed', () => {
    expect(INSTRUMENTS.length).toBeGreaterThan(21);
    expect(INSTRUMENTS.slice(0, 21).map((i) => i.symbolName)).toContain('NIFTY29DEC2626000CE');
    expect(generateInstruments(42)).toEqual(INSTRUMENTS);
    expect(generateInstruments(7).map((i) => i.listingId)).not.toEqual(INSTRUMENTS.map((i) => i.listingId));
    const codes = [...INSTRUMENTS, ...INDICES].map(symbolCodeOf);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names listings as the stream does: 3045_NSE, 438612_MFO for the commodity segment, a bare -21 for an index', () => {
    expect(findBySymbolCode('3045_NSE')).toMatchObject({ symbolName: 'SBIN', exchange: 'NSE' });
    expect(findBySymbolCode('438612_MFO')).toMatchObject({ symbolName: 'CRUDEOIL26DECFUT' });
    expect(findBySymbolCode('-21')).toMatchObject({ name: 'NIFTY 50' });
    expect(findBySymbolCode('-21_NSE')).toBeUndefined();
  });

  it('gives every derivative its expiry, lot and tick size and a freeze quantity; options a strike', () => {
    for (const i of INSTRUMENTS.filter((x) => x.instrument !== 'EQ')) {
      expect(i.expiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(i.lotSize).toBeGreaterThan(0);
      expect(i.freezeQuantity).toBeGreaterThan(0);
      if (i.optionType) expect(i.strike).toBeGreaterThan(0);
    }
  });
});

describe('market hours', () => {
  it('pre-open 09:00, open 09:15-15:30 IST on weekdays, closed on weekends', () => {
    expect(marketPhase(Date.UTC(2026, 11, 1, 3, 35))).toBe('pre-open');
    expect(marketPhase(Date.UTC(2026, 11, 1, 3, 45))).toBe('open');
    expect(marketPhase(Date.UTC(2026, 11, 1, 9, 59))).toBe('open');
    expect(marketPhase(Date.UTC(2026, 11, 1, 10, 0))).toBe('closed');
    expect(marketPhase(Date.UTC(2026, 11, 5, 5, 0))).toBe('closed');
    expect(isTradingDay(istDay(Date.UTC(2026, 11, 5, 5, 0)))).toBe(false);
  });

  it('counts candles from the open: 5-minute candles start at 09:15, 09:20, ...', () => {
    expect(candleStart(Date.UTC(2026, 11, 1, 3, 52, 30), 5)).toBe(Date.UTC(2026, 11, 1, 3, 50));
    expect(candleStart(Date.UTC(2026, 11, 1, 4, 44, 0), 60)).toBe(Date.UTC(2026, 11, 1, 3, 45));
  });
});

describe('the price source', () => {
  it('one trade moves the day: open, high, low, volume, value, the last trade; the band stays on the previous close', () => {
    const { market: m, clock } = market();
    const sbin = m.find('NSE', 'SBIN')!;
    expect(m.setPrice('NSE', 'SBIN', 815, 10).ok).toBe(true);
    clock.advance(MIN);
    expect(m.setPrice('NSE', 'SBIN', 810, 5).ok).toBe(true);
    const s = m.state(sbin);
    expect(s).toMatchObject({ ltp: 810, prevClose: 812.4, open: 815, high: 815, low: 810, volume: 15, value: 815 * 10 + 810 * 5, ltq: 5, seq: 2 });
    expect(m.quote(sbin)).toMatchObject({ ltp: 810, previousClose: 812.4 });
  });

  it('rolls over at the next IST day: the last price becomes the previous close, the day starts empty', () => {
    const { market: m, clock } = market();
    const sbin = m.find('NSE', 'SBIN')!;
    m.setPrice('NSE', 'SBIN', 820, 3);
    clock.advance(24 * 60 * MIN);
    expect(m.state(sbin)).toMatchObject({ ltp: 820, prevClose: 820, open: null, volume: 0 });
  });

  it('publishes one price change per listing after the trade, to every listener until it stops', () => {
    const { market: m } = market();
    const seen: string[] = [];
    const stop = m.onPriceChange((c) => seen.push(`${c.key}@${m.state(c.listing).ltp}`));
    m.setPrice('NSE', 'SBIN', 813);
    m.setIndexValue('nifty 50', 26200);
    stop();
    m.setPrice('NSE', 'SBIN', 814);
    expect(seen).toEqual(['NSE:SBIN@813', 'INDEX:NIFTY 50@26200']);
  });

  it('the book is five levels each side, a tick apart around the last price, bids descending and asks ascending', () => {
    const { market: m } = market();
    const sbin = m.find('NSE', 'SBIN')!;
    const { bids, asks } = m.book(sbin);
    expect(bids.map((l) => l.price)).toEqual([812.35, 812.3, 812.25, 812.2, 812.15]);
    expect(asks.map((l) => l.price)).toEqual([812.45, 812.5, 812.55, 812.6, 812.65]);
  });

  it('walks only while the market is open, the same steps for the same seed, inside the band', () => {
    const run = (seed: string) => {
      const { market: m, clock } = market(seed);
      const listings = [m.find('NSE', 'SBIN')!, m.findIndex('NIFTY 50')!];
      const prices: number[] = [];
      for (let i = 0; i < 50; i++) {
        m.walk(listings);
        clock.advance(1000);
        prices.push(...listings.map((l) => m.state(l).ltp));
      }
      return prices;
    };
    expect(run('a')).toEqual(run('a'));
    expect(run('a')).not.toEqual(run('b'));
    const { market: closed } = market('a', Date.UTC(2026, 11, 5, 5, 0));
    expect(closed.walk([closed.find('NSE', 'SBIN')!])).toBe(0);
  });

  it('option Greeks come from the last price and the underlying index', () => {
    const { market: m } = market();
    const ce = m.find('NFO', 'NIFTY29DEC2626000CE')!;
    const g = m.greeks(ce);
    expect(g.iv).toBeGreaterThan(0);
    expect(g.delta).toBeGreaterThan(0);
    expect(g.delta).toBeLessThan(1);
    expect(m.greeks(m.find('NFO', 'NIFTY29DEC2626000PE')!).delta).toBeLessThan(0);
  });
});

describe('candles (property)', () => {
  const tick = fc.record({ afterMs: fc.integer({ min: 0, max: 7 * MIN }), moveTicks: fc.integer({ min: -40, max: 40 }), volume: fc.integer({ min: 1, max: 500 }) });

  it('every candle contains its ticks, the last close is the current price, and the same seed gives the same series', () => {
    fc.assert(
      fc.property(fc.array(tick, { minLength: 1, maxLength: 60 }), fc.constantFrom(1, 5, 10, 15, 30, 60), (ticks, interval) => {
        const series = () => {
          const { market: m, clock } = market('prop', Date.UTC(2026, 11, 1, 3, 45));
          const sbin = m.find('NSE', 'SBIN')!;
          const trades: Array<{ at: number; price: number }> = [];
          for (const t of ticks) {
            clock.advance(t.afterMs);
            if (m.phase() !== 'open') break;
            const price = Math.max(700, Math.min(900, m.ltp(sbin) + t.moveTicks * 0.05));
            const result = m.setPrice('NSE', 'SBIN', price, t.volume);
            if (result.ok) trades.push({ at: clock.now(), price: result.value.quote.ltp });
          }
          return { candles: m.intraday(sbin, 0, Number.MAX_SAFE_INTEGER, interval), trades, ltp: m.ltp(sbin) };
        };
        const a = series();
        expect(series()).toEqual(a);
        for (const trade of a.trades) {
          const candle = a.candles.find((c) => c.at <= trade.at && trade.at < c.at + interval * MIN);
          expect(candle).toBeDefined();
          expect(candle!.low).toBeLessThanOrEqual(trade.price);
          expect(candle!.high).toBeGreaterThanOrEqual(trade.price);
        }
        if (a.trades.length > 0) expect(a.candles.at(-1)!.close).toBe(a.ltp);
      }),
      { numRuns: 60 },
    );
  });

  it('coarser candles are the finer ones merged', () => {
    const bars = [0, 1, 2, 7, 12].map((n, k) => ({ at: Date.UTC(2026, 11, 1, 3, 45 + n), open: 10 + k, high: 12 + k, low: 9 + k, close: 11 + k, volume: 1 }));
    const five = intradayCandles(bars, 5);
    expect(five.map((c) => [c.open, c.high, c.low, c.close, c.volume])).toEqual([
      [10, 14, 9, 13, 3],
      [13, 15, 12, 14, 1],
      [14, 16, 13, 15, 1],
    ]);
  });

  it('daily history: the generated days end at the previous close, today closes at the current price, weekends are skipped', () => {
    const { market: m } = market();
    const sbin = m.find('NSE', 'SBIN')!;
    m.setPrice('NSE', 'SBIN', 816.5, 7);
    const today = istDay(OPEN);
    const days = m.daily(sbin, today - 20, today);
    expect(days.every((d) => isTradingDay(d.day))).toBe(true);
    expect(days.at(-2)!.close).toBe(812.4);
    expect(days.at(-1)).toMatchObject({ day: today, close: 816.5, volume: 7 });
    for (const d of days) expect(d.low <= Math.min(d.open, d.close) && d.high >= Math.max(d.open, d.close)).toBe(true);
    expect(market().market.daily(sbin, today - 20, today - 1)).toEqual(days.slice(0, -1));
  });
});
