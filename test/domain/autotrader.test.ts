import { MemoryStore } from '../../mock/store/memory.js';
import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../mock/domain/rate-limit.js';
import { seal, unseal } from '../../mock/domain/autotrader/sealed-key.js';
import { views, type PlaceInput } from '../../mock/domain/autotrader/autotrader.js';
import { placeInput } from '../../mock/domain/autotrader/orders.js';
import { makeDomain, openAccount } from '../helpers.js';

const user = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  password: 'pw',
  name: 'N',
  accounts: [{ pseudoAccount: 'ACC', tradingAccount: 'T1', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-01' }],
  ...extra,
});

describe('AutoTrader key lifecycle', () => {
  it('registration creates a key; the given key is kept when a fixture names one', () => {
    const domain = makeDomain();
    expect(domain.load({ accounts: [], autotraderUsers: [user('a@x.in'), user('b@x.in', { apiKey: '22222222-2222-4222-8222-222222222222' })] }).ok).toBe(true);
    const a = domain.autotrader.viewKey('a@x.in', 'pw');
    expect(a).toMatchObject({ ok: true, value: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(domain.autotrader.viewKey('b@x.in', 'pw')).toEqual({ ok: true, value: '22222222-2222-4222-8222-222222222222' });
    expect(domain.autotrader.authenticate(a.ok ? a.value : '').ok).toBe(true);
  });

  it('a wrong password neither shows nor changes the key', () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [user('a@x.in')] });
    const before = domain.store.getAtUser('a@x.in');
    expect(domain.autotrader.viewKey('a@x.in', 'nope')).toMatchObject({ error: { code: 'AT_PASSWORD_INVALID' } });
    expect(domain.autotrader.regenerateKey('a@x.in', 'nope')).toMatchObject({ error: { code: 'AT_PASSWORD_INVALID' } });
    expect(domain.autotrader.viewKey('ghost@x.in', 'pw')).toMatchObject({ error: { code: 'AT_PASSWORD_INVALID' } });
    expect(domain.store.getAtUser('a@x.in')).toBe(before);
  });

  it('regeneration retires the old key at once', () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [user('a@x.in')] });
    const old = domain.autotrader.viewKey('a@x.in', 'pw');
    const fresh = domain.autotrader.regenerateKey('a@x.in', 'pw');
    if (!old.ok || !fresh.ok) throw new Error();
    expect(domain.autotrader.authenticate(old.value)).toMatchObject({ error: { code: 'AT_KEY_INVALID' } });
    expect(domain.autotrader.authenticate(fresh.value).ok).toBe(true);
    expect(domain.autotrader.viewKey('a@x.in', 'pw')).toEqual({ ok: true, value: fresh.value });
  });

  it('the sealed key opens only with the password', () => {
    const sealed = seal('33333333-3333-4333-8333-333333333333', 'right');
    expect(unseal(sealed, 'right')).toBe('33333333-3333-4333-8333-333333333333');
    expect(() => unseal(sealed, 'wrong')).toThrow();
    expect(JSON.stringify(sealed)).not.toContain('33333333');
  });

  it('a fixture set with a taken username loads nothing, not even its Samco accounts', () => {
    const domain = makeDomain();
    domain.load({ accounts: [], autotraderUsers: [user('a@x.in')] });
    const set = { accounts: [{ uid: 'NEW111', name: 'N', password: 'p', yob: '1990', mobile: '9876543210', email: 'n@example.com' }], autotraderUsers: [user('a@x.in')] };
    expect(domain.load(set)).toMatchObject({ ok: false, error: { code: 'AT_USER_EXISTS' } });
    expect(domain.accounts.get('NEW111')).toBeUndefined();
    openAccount(domain, 'NEW111');
  });
});

describe('sliding-window limiter', () => {
  const limiterOnStore = () => {
    const store = new MemoryStore();
    return new SlidingWindowLimiter(() => store, 'test');
  };
  const limits = [{ windowMs: 5000, max: 3 }];

  it('allows max per window, refuses the next, and frees the slot exactly one window after the oldest', () => {
    const limiter = limiterOnStore();
    const take = (t: number) => limiter.take([{ key: 'k', limits }], t);
    expect([take(0), take(1000), take(2000)]).toEqual([null, null, null]);
    expect(take(4999)).toMatchObject({ key: 'k', limit: { max: 3 } });
    expect(take(5000)).toBeNull();
    expect(take(5001)).not.toBeNull();
  });

  it('counts a request only when every key has room', () => {
    const limiter = limiterOnStore();
    const both = (t: number) =>
      limiter.take(
        [
          { key: 'user', limits: [{ windowMs: 5000, max: 5 }] },
          { key: 'acc', limits },
        ],
        t,
      );
    expect([both(0), both(0), both(0)]).toEqual([null, null, null]);
    expect(both(0)).toMatchObject({ key: 'acc' });
    expect(limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }], 0)).toBeNull();
    expect(limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }], 0)).toBeNull();
    expect(limiter.take([{ key: 'user', limits: [{ windowMs: 5000, max: 5 }] }], 0)).toMatchObject({ key: 'user' });
  });
});

/* ---------------------------------------------------------------------------------------------
 * Trading: the order state machine and its fill rules, on the simulated market. Prices move with
 * domain.market.setPrice(exchange, Samco symbolName, price, volume?). SBIN on NSE: previous close
 * 812.4, band 649.9 - 974.9, tick 0.05.
 * ------------------------------------------------------------------------------------------- */

const BASE: PlaceInput = placeInput('REGULAR', { pseudoAccount: 'ACC', exchange: 'NSE', symbol: 'SBIN', tradeType: 'BUY', orderType: 'LIMIT', quantity: 10, price: 800 });

function trader(seed: string | null = 'unit') {
  const domain = makeDomain(seed);
  const accounts = [
    { pseudoAccount: 'ACC', tradingAccount: 'T1', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-01', funds: 500_000 },
    { pseudoAccount: 'OFF', tradingAccount: 'T2', broker: 'Zerodha', platform: 'KITE', live: false, licenseExpiryDate: '2031-01-01' },
  ];
  const loaded = domain.load({ accounts: [], autotraderUsers: [user('t@x.in', { accounts })] });
  if (!loaded.ok) throw new Error(loaded.error.code);
  const u = domain.store.getAtUser('t@x.in')!;
  const at = domain.autotrader;
  const place = (change: Partial<PlaceInput> = {}) => {
    const placed = at.place(u, { ...BASE, ...change });
    if (!placed.ok) throw new Error(`${placed.error.code}: ${placed.error.message}`);
    return placed.value.id;
  };
  const order = (id: string) => domain.store.getAtOrder('t@x.in', id)!;
  const price = (p: number, volume?: number, exchange = 'NSE', symbolName = 'SBIN') => {
    const set = domain.market.setPrice(exchange, symbolName, p, volume ?? null);
    if (!set.ok) throw new Error(set.error.code);
    return set.value.fills;
  };
  const read = <T>(view: (...args: any[]) => T) => {
    const r = at.read(u, 'ACC', view);
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  const legsOf = (parentId: string) => domain.store.atOrders('t@x.in', 'ACC').filter((o) => o.parentOrderId === parentId);
  return { domain, u, at, place, order, price, read, legsOf };
}

describe('AutoTrader orders on the simulated market', () => {
  it('MARKET fills at once at the market ltp', () => {
    const t = trader();
    const first = t.order(t.place({ orderType: 'MARKET', price: 0 }));
    expect(first).toMatchObject({ status: 'COMPLETE', averagePrice: 812.4, filledQuantity: 10, pendingQuantity: 0, openOn: null });
    t.price(820);
    expect(t.order(t.place({ orderType: 'MARKET', price: 0, tradeType: 'SELL' }))).toMatchObject({ status: 'COMPLETE', averagePrice: 820 });
  });

  it('LIMIT waits OPEN until the price crosses it (BUY ltp <= price, SELL ltp >= price) and fills at the ltp', () => {
    const t = trader();
    const buy = t.place({ price: 800 });
    const sell = t.place({ tradeType: 'SELL', price: 830 });
    expect(t.order(buy)).toMatchObject({ status: 'OPEN', openOn: 'NSE:SBIN', filledQuantity: 0, pendingQuantity: 10 });
    expect(t.price(805)).toBe(0);
    expect(t.order(buy).status).toBe('OPEN');
    expect(t.price(799.5)).toBe(1);
    expect(t.order(buy)).toMatchObject({ status: 'COMPLETE', averagePrice: 799.5, openOn: null });
    expect(t.price(829.95)).toBe(0);
    expect(t.price(831)).toBe(1);
    expect(t.order(sell)).toMatchObject({ status: 'COMPLETE', averagePrice: 831 });
  });

  it('a LIMIT already marketable at placement fills at once, at the ltp', () => {
    const t = trader();
    expect(t.order(t.place({ price: 820 }))).toMatchObject({ status: 'COMPLETE', averagePrice: 812.4 });
    expect(t.order(t.place({ tradeType: 'SELL', price: 805 }))).toMatchObject({ status: 'COMPLETE', averagePrice: 812.4 });
  });

  it('STOP_LOSS and SL_MARKET wait in TRIGGER_PENDING until the trigger is crossed, then trade as LIMIT and MARKET', () => {
    const t = trader();
    const buyStop = t.place({ orderType: 'STOP_LOSS', triggerPrice: 820, price: 821 });
    const sellStop = t.place({ orderType: 'SL_MARKET', tradeType: 'SELL', triggerPrice: 800, price: 0 });
    expect(t.order(buyStop)).toMatchObject({ status: 'TRIGGER_PENDING', openOn: 'NSE:SBIN' });
    expect(t.order(sellStop).status).toBe('TRIGGER_PENDING');
    t.price(819.95);
    expect(t.order(buyStop).status).toBe('TRIGGER_PENDING');
    // Crossed, but 823 is above its limit: it is now an OPEN limit order at 821.
    t.price(823);
    expect(t.order(buyStop)).toMatchObject({ status: 'OPEN', filledQuantity: 0 });
    t.price(821);
    expect(t.order(buyStop)).toMatchObject({ status: 'COMPLETE', averagePrice: 821 });
    t.price(800.05);
    expect(t.order(sellStop).status).toBe('TRIGGER_PENDING');
    t.price(799);
    expect(t.order(sellStop)).toMatchObject({ status: 'COMPLETE', averagePrice: 799 });
  });

  it('fills within the volume a price change offers, oldest order first; a partial fill stays OPEN', () => {
    const t = trader();
    const a = t.place({ quantity: 10 });
    const b = t.place({ quantity: 10 });
    expect(t.price(800, 15)).toBe(2);
    expect(t.order(a)).toMatchObject({ status: 'COMPLETE', filledQuantity: 10 });
    expect(t.order(b)).toMatchObject({ status: 'OPEN', filledQuantity: 5, pendingQuantity: 5, averagePrice: 800, openOn: 'NSE:SBIN' });
    t.price(799, 100);
    expect(t.order(b)).toMatchObject({ status: 'COMPLETE', filledQuantity: 10, averagePrice: 799.5 });
  });

  it('refuses, naming the problem: an unknown symbol, a pseudo account that is not live, price and quantity rules', () => {
    const t = trader();
    const refusal = (change: Partial<PlaceInput>) => {
      const r = t.at.place(t.u, { ...BASE, ...change });
      return r.ok ? null : r.error;
    };
    expect(refusal({ symbol: 'NOPE' })).toEqual({ code: 'AT_SYMBOL_NOT_FOUND', message: 'Symbol [NOPE] not found on exchange [NSE].' });
    expect(refusal({ exchange: 'NFO' })).toMatchObject({ code: 'AT_SYMBOL_NOT_FOUND', message: expect.stringContaining('[NFO]') });
    expect(refusal({ pseudoAccount: 'OFF' })).toMatchObject({ code: 'AT_ACCOUNT_NOT_LIVE' });
    expect(refusal({ pseudoAccount: 'GHOST' })).toMatchObject({ code: 'AT_ACCOUNT_NOT_LIVE' });
    expect(refusal({ price: 0 })?.message).toMatch(/LIMIT/);
    expect(refusal({ price: 600 })?.message).toMatch(/outside the price band/);
    expect(refusal({ orderType: 'STOP_LOSS', triggerPrice: 820, price: 815 })?.message).toMatch(/at or above triggerPrice/);
    expect(refusal({ orderType: 'SL_MARKET', triggerPrice: 0, price: 0 })?.message).toMatch(/triggerPrice/);
    expect(refusal({ exchange: 'NFO', symbol: 'NIFTY_29-DEC-2026_FUT', price: 26000, quantity: 10 })?.message).toMatch(/lot size .*\(65\)/);
    expect(refusal({ exchange: 'NFO', symbol: 'NIFTY_29-DEC-2026_FUT', price: 26000, quantity: 130 })).toBeNull();
    expect(refusal({ disclosedQuantity: 11 })?.message).toMatch(/disclosedQuantity/);
    expect(t.domain.store.atOrders('t@x.in', 'ACC')).toHaveLength(1);
  });

  it('trades each instrument on its own prices (NFO by its Samco symbolName)', () => {
    const t = trader();
    const fut = t.place({ exchange: 'NFO', symbol: 'NIFTY_29-DEC-2026_FUT', price: 26000, quantity: 65 });
    expect(t.order(fut)).toMatchObject({ status: 'OPEN', openOn: 'NFO:NIFTY26DECFUT' });
    t.price(790);
    expect(t.order(fut).status).toBe('OPEN');
    t.price(26000, undefined, 'NFO', 'NIFTY26DECFUT');
    expect(t.order(fut)).toMatchObject({ status: 'COMPLETE', averagePrice: 26000 });
  });

  it('IOC fills what it can at once and cancels the rest', () => {
    const t = trader();
    expect(t.order(t.place({ validity: 'IOC', price: 800 }))).toMatchObject({ status: 'CANCELLED', filledQuantity: 0, openOn: null });
    expect(t.order(t.place({ validity: 'IOC', price: 820 }))).toMatchObject({ status: 'COMPLETE', filledQuantity: 10 });
  });

  it('cancel: only OPEN or TRIGGER_PENDING orders; cancelAllOrders cancels every open one', () => {
    const t = trader();
    const open = t.place();
    const done = t.place({ orderType: 'MARKET', price: 0 });
    expect(t.at.cancelOrder(t.u, 'ACC', done)).toMatchObject({ error: { code: 'AT_ORDER_NOT_CANCELLABLE', message: `Order [${done}] cannot be cancelled: it is COMPLETE.` } });
    expect(t.at.cancelOrder(t.u, 'ACC', 'nope')).toMatchObject({ error: { code: 'AT_ORDER_NOT_FOUND' } });
    expect(t.at.cancelOrder(t.u, 'ACC', open).ok).toBe(true);
    expect(t.order(open)).toMatchObject({ status: 'CANCELLED', pendingQuantity: 0, openOn: null });
    t.price(790);
    expect(t.order(open).filledQuantity).toBe(0);
    const a = t.place({ price: 780 });
    const b = t.place({ orderType: 'SL_MARKET', price: 0, triggerPrice: 830 });
    expect(t.at.cancelAllOrders(t.u, 'ACC')).toEqual({ ok: true, value: 2 });
    expect([t.order(a).status, t.order(b).status]).toEqual(['CANCELLED', 'CANCELLED']);
    expect(t.domain.store.atOrdersOpenOn('NSE:SBIN')).toHaveLength(0);
  });

  it('modify: changes an open order, checks the rules again, and meets the price at once', () => {
    const t = trader();
    const id = t.place({ price: 800 });
    expect(t.at.modifyOrder(t.u, 'ACC', id, {})).toMatchObject({ error: { code: 'AT_INVALID_ORDER' } });
    expect(t.at.modifyOrder(t.u, 'ACC', id, { price: 500 })).toMatchObject({ error: { code: 'AT_INVALID_ORDER' } });
    expect(t.at.modifyOrder(t.u, 'ACC', id, { quantity: 20, price: 805 })).toMatchObject({ ok: true });
    expect(t.order(id)).toMatchObject({ status: 'OPEN', quantity: 20, pendingQuantity: 20, price: 805 });
    expect(t.at.modifyOrder(t.u, 'ACC', id, { orderType: 'SL_MARKET', triggerPrice: 830 })).toMatchObject({ ok: true });
    expect(t.order(id)).toMatchObject({ status: 'TRIGGER_PENDING', orderType: 'SL_MARKET', price: 0, triggerPrice: 830 });
    expect(t.at.modifyOrder(t.u, 'ACC', id, { orderType: 'MARKET' })).toMatchObject({ ok: true });
    expect(t.order(id)).toMatchObject({ status: 'COMPLETE', orderType: 'MARKET', price: 0, triggerPrice: 0, averagePrice: 812.4 });
    expect(t.at.modifyOrder(t.u, 'ACC', id, { price: 801 })).toMatchObject({ error: { code: 'AT_ORDER_NOT_MODIFIABLE', message: `Order [${id}] cannot be modified: it is COMPLETE.` } });
    const partial = t.place({ price: 800 });
    t.price(800, 4);
    expect(t.at.modifyOrder(t.u, 'ACC', partial, { quantity: 4 })).toMatchObject({ error: { message: 'quantity must be more than the 4 already filled.' } });
  });

  it('bracket order: the filled entry places a stop-loss and a target leg; the target filling cancels the stop-loss', () => {
    const t = trader();
    const parent = t.place({ variety: 'BO', price: 810, target: 10, stoploss: 5, trailingStoploss: 1 });
    expect(t.order(parent)).toMatchObject({ status: 'OPEN', variety: 'BO', productType: 'INTRADAY' });
    expect(t.legsOf(parent)).toHaveLength(0);
    t.price(810);
    expect(t.order(parent)).toMatchObject({ status: 'COMPLETE', averagePrice: 810 });
    const [stop, target] = t.legsOf(parent);
    expect(stop).toMatchObject({ tradeType: 'SELL', orderType: 'SL_MARKET', triggerPrice: 805, status: 'TRIGGER_PENDING', quantity: 10, variety: 'BO', parentOrderId: parent });
    expect(target).toMatchObject({ tradeType: 'SELL', orderType: 'LIMIT', price: 820, status: 'OPEN', quantity: 10, parentOrderId: parent });
    t.price(820, 4);
    expect(t.order(target!.id)).toMatchObject({ status: 'OPEN', filledQuantity: 4 });
    expect(t.order(stop!.id)).toMatchObject({ status: 'TRIGGER_PENDING', pendingQuantity: 6 });
    t.price(821);
    expect(t.order(target!.id)).toMatchObject({ status: 'COMPLETE', filledQuantity: 10, averagePrice: 820.6 });
    expect(t.order(stop!.id)).toMatchObject({ status: 'CANCELLED', openOn: null });
    const [position] = t.read(views.positions);
    expect(position).toMatchObject({ type: 'BO', netQuantity: 0, state: 'CLOSED', pnl: 106, realisedPnl: 106 });
  });

  it('bracket order: the stop-loss filling cancels the target; a SELL entry mirrors the legs', () => {
    const t = trader();
    const parent = t.place({ variety: 'AT_BO', tradeType: 'SELL', orderType: 'MARKET', price: 0, target: 12.4, stoploss: 7.6 });
    const [stop, target] = t.legsOf(parent);
    expect(stop).toMatchObject({ tradeType: 'BUY', triggerPrice: 820, variety: 'AT_BO' });
    expect(target).toMatchObject({ tradeType: 'BUY', price: 800 });
    t.price(821);
    expect(t.order(stop!.id)).toMatchObject({ status: 'COMPLETE', averagePrice: 821 });
    expect(t.order(target!.id).status).toBe('CANCELLED');
    expect(t.at.place(t.u, { ...BASE, variety: 'BO', target: 0, stoploss: 5 })).toMatchObject({ error: { code: 'AT_INVALID_ORDER' } });
  });

  it('cover order: one stop-loss leg at its triggerPrice; cancelChildOrders exits at market', () => {
    const t = trader();
    expect(t.at.place(t.u, { ...BASE, variety: 'CO', tradeType: 'SELL', orderType: 'MARKET', price: 0, triggerPrice: 800 })).toMatchObject({
      error: { code: 'AT_INVALID_ORDER', message: expect.stringMatching(/above the entry/) },
    });
    const parent = t.place({ variety: 'CO', tradeType: 'SELL', orderType: 'MARKET', price: 0, triggerPrice: 830 });
    expect(t.order(parent)).toMatchObject({ status: 'COMPLETE', averagePrice: 812.4, triggerPrice: 830 });
    const legs = t.legsOf(parent);
    expect(legs).toHaveLength(1);
    expect(legs[0]).toMatchObject({ tradeType: 'BUY', orderType: 'SL_MARKET', triggerPrice: 830, status: 'TRIGGER_PENDING', variety: 'CO' });
    t.price(815);
    expect(t.at.cancelChildOrders(t.u, 'ACC', parent)).toMatchObject({ ok: true });
    expect(t.order(legs[0]!.id)).toMatchObject({ status: 'COMPLETE', orderType: 'MARKET', averagePrice: 815, filledQuantity: 10 });
    expect(t.read(views.positions)[0]).toMatchObject({ type: 'CO', netQuantity: 0, pnl: -26 });
    expect(t.at.cancelChildOrders(t.u, 'ACC', parent)).toMatchObject({ error: { code: 'AT_NO_CHILD_ORDERS' } });
    expect(t.at.cancelChildOrders(t.u, 'ACC', t.place())).toMatchObject({ error: { code: 'AT_NO_CHILD_ORDERS' } });
  });

  it('positions, margins and holdings come from the fills; P&L from the market ltp', () => {
    const t = trader();
    t.place({ orderType: 'MARKET', price: 0, quantity: 10 });
    t.place({ orderType: 'MARKET', price: 0, quantity: 5, productType: 'DELIVERY' });
    t.place({ price: 700, quantity: 20 });
    t.price(830);
    const positions = t.read(views.positions);
    expect(positions.map((p) => [p.type, p.netQuantity, p.ltp, p.pnl])).toEqual([
      ['MIS', 10, 830, 176],
      ['CNC', 5, 830, 88],
    ]);
    const equity = t.read(views.margins).find((m) => m.category === 'EQUITY')!;
    expect(equity).toMatchObject({ funds: 500_000, utilized: 15 * 830 + 20 * 700, exposure: 15 * 830, unrealisedMtm: 264 });
    expect(equity.available).toBe(500_000 - equity.utilized);
    expect(t.read(views.holdings)).toEqual([
      expect.objectContaining({ id: 1, symbol: 'SBIN', exchange: 'NSE', product: 'CNC', quantity: 5, totalQty: 5, avgPrice: 812.4, ltp: 830, pnl: 88, currentValue: 4150 }),
    ]);
  });

  it('squareOffPosition closes one position at market; squareOffPortfolio closes them all', () => {
    const t = trader();
    t.place({ orderType: 'MARKET', price: 0, quantity: 10 });
    t.place({ orderType: 'MARKET', price: 0, quantity: 5, tradeType: 'SELL', productType: 'NORMAL' });
    const bo = t.place({ variety: 'BO', orderType: 'MARKET', price: 0, target: 10, stoploss: 10 });
    t.price(815);
    const key = { category: 'NET', type: 'CNC', exchange: 'NSE', symbol: 'SBIN' } as const;
    expect(t.at.squareOffPosition(t.u, 'ACC', key)).toMatchObject({ error: { code: 'AT_POSITION_NOT_FOUND', message: 'No open CNC position in [NSE] [SBIN] in pseudo account [ACC].' } });
    expect(t.at.squareOffPosition(t.u, 'ACC', { ...key, type: 'MIS', category: 'DAY' }).ok).toBe(true);
    const open = () =>
      t
        .read(views.positions)
        .filter((p) => p.netQuantity !== 0)
        .map((p) => [p.type, p.netQuantity]);
    expect(open()).toEqual([
      ['NRML', -5],
      ['BO', 10],
    ]);
    expect(t.at.squareOffPortfolio(t.u, 'ACC', 'NET')).toEqual({ ok: true, value: 2 });
    expect(open()).toEqual([]);
    expect(
      t
        .legsOf(bo)
        .map((l) => l.status)
        .sort(),
    ).toEqual(['CANCELLED', 'COMPLETE']);
    expect(t.at.squareOffPortfolio(t.u, 'ACC', 'NET')).toEqual({ ok: true, value: 0 });
  });

  it('is deterministic: the same seed and the same calls give the same ids and records', () => {
    const run = () => {
      const t = trader('same-seed');
      t.place({ variety: 'BO', price: 810, target: 10, stoploss: 5 });
      t.place({ orderType: 'MARKET', price: 0 });
      t.price(810, 7);
      t.price(809);
      return JSON.stringify(t.domain.store.atOrders('t@x.in', 'ACC'));
    };
    expect(run()).toBe(run());
  });
  it('bracket order: the stop-loss leg trails by whole trailingStoploss steps and never back (the shared rule of legs.ts)', () => {
    const t = trader();
    const parent = t.place({ variety: 'BO', price: 810, target: 30, stoploss: 5, trailingStoploss: 2 });
    t.price(810);
    const [stop] = t.legsOf(parent);
    expect(stop!.triggerPrice).toBe(805);
    t.price(815);
    expect(t.order(stop!.id).triggerPrice).toBe(809);
    t.price(812);
    expect(t.order(stop!.id).triggerPrice).toBe(809);
    t.price(809);
    expect(t.order(stop!.id)).toMatchObject({ status: 'COMPLETE', averagePrice: 809 });
  });
});
