import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpen, type PlaceOrderInput } from '../../mock/domain/orders.js';
import type { SandboxDomain } from '../../mock/domain/domain.js';
import { makeDomain, T0 } from '../helpers.js';
import { istDay } from '../../mock/domain/ist.js';
import { round2 } from '../../mock/domain/money.js';

const DAY = 24 * 3600 * 1000;

function setup(holdings: Array<{ exchange: 'NSE' | 'BSE'; symbolName: string; quantity: number; averagePrice: number }> = []) {
  const domain = makeDomain();
  const loaded = domain.load({ accounts: [{ uid: 'AB1234', name: 'Holder', password: 'pw', yob: '1990', mobile: '9876543210', email: 'ab@example.com', holdings }] });
  if (!loaded.ok) throw new Error(loaded.error.code);
  const account = () => domain.accounts.get('AB1234')!;
  const place = (input: Partial<PlaceOrderInput>) => {
    const result = domain.orders.place(account(), { symbolName: 'IDEA', transactionType: 'BUY', orderType: 'L', quantity: '10', orderValidity: 'DAY', productType: 'CNC', price: '13.30', ...input });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const order = (n: string) => domain.store.getOrder('AB1234', n)!;
  const price = (symbolName: string, p: number, volume?: number, exchange = 'NSE') => {
    const r = domain.market.setPrice(exchange, symbolName, p, volume ?? null);
    if (!r.ok) throw new Error(r.error.code);
    return r.value.fills;
  };
  return { domain, account, place, order, price };
}

const errorOf = (domain: SandboxDomain, input: Partial<PlaceOrderInput>) => {
  const r = domain.orders.place(domain.accounts.get('AB1234')!, {
    symbolName: 'IDEA',
    transactionType: 'BUY',
    orderType: 'L',
    quantity: '10',
    orderValidity: 'DAY',
    productType: 'CNC',
    price: '13.30',
    ...input,
  });
  return r.ok ? `placed ${r.value.status}` : r.error.code;
};

describe('Samco orders on the simulated market', () => {
  it('a limit below the market rests PENDING, then fills when the price crosses it, at the traded price', () => {
    const { place, order, price } = setup();
    const o = place({});
    expect(o).toMatchObject({ status: 'PENDING', filledQuantity: 0, exchange: 'NSE', openOn: 'NSE:IDEA' });
    expect(o.orderNumber).toMatch(/^251217\d{9}$/);
    expect(o.exchangeOrderNo).toMatch(/^\d{19}$/);
    expect(price('IDEA', 13.35)).toBe(0);
    expect(price('IDEA', 13.25)).toBe(1);
    expect(order(o.orderNumber)).toMatchObject({ status: 'COMPLETE', filledQuantity: 10, averagePrice: 13.25, openOn: null });
  });

  it('a marketable limit fills at once at the last traded price; a SELL limit above the market waits', () => {
    const { place, price, order } = setup([{ exchange: 'NSE', symbolName: 'IDEA', quantity: 100, averagePrice: 10 }]);
    expect(place({ price: '13.50' })).toMatchObject({ status: 'COMPLETE', averagePrice: 13.4 });
    const sell = place({ transactionType: 'SELL', price: '13.60' });
    expect(sell.status).toBe('PENDING');
    price('IDEA', 13.6);
    expect(order(sell.orderNumber).status).toBe('COMPLETE');
  });

  it('fills partly within the volume a price change offers, oldest order first', () => {
    const { place, price, order } = setup();
    const first = place({});
    const second = place({});
    price('IDEA', 13.2, 14);
    expect(order(first.orderNumber)).toMatchObject({ status: 'COMPLETE', filledQuantity: 10 });
    expect(order(second.orderNumber)).toMatchObject({ status: 'OPEN', filledQuantity: 4, fills: [{ quantity: 4, price: 13.2 }] });
    price('IDEA', 13.2, 100);
    expect(order(second.orderNumber)).toMatchObject({ status: 'COMPLETE', filledQuantity: 10, averagePrice: 13.2 });
  });

  it('an SL order waits for its trigger, then acts as a limit order', () => {
    const { place, price, order } = setup();
    const o = place({ orderType: 'SL', price: '14.00', triggerPrice: '13.90' });
    expect(o).toMatchObject({ status: 'PENDING', triggered: false });
    price('IDEA', 13.85);
    expect(order(o.orderNumber).triggered).toBe(false);
    price('IDEA', 14.2);
    expect(order(o.orderNumber)).toMatchObject({ triggered: true, status: 'PENDING' });
    price('IDEA', 13.95);
    expect(order(o.orderNumber)).toMatchObject({ status: 'COMPLETE', averagePrice: 13.95 });
  });

  it('IOC cancels what does not fill at once', () => {
    const { place } = setup();
    expect(place({ orderValidity: 'IOC' })).toMatchObject({ status: 'CANCELLED', cancelledQuantity: 10, openOn: null });
  });

  it('refuses what the chapter forbids, with the rule named', () => {
    const { domain } = setup();
    expect(errorOf(domain, { orderType: 'MKT' })).toBe('ORDER_TYPE_NOT_ALLOWED');
    expect(errorOf(domain, { orderType: 'SL-M' })).toBe('ORDER_TYPE_NOT_ALLOWED');
    expect(errorOf(domain, { symbolName: 'NOPE' })).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(errorOf(domain, { exchange: 'BFO', symbolName: 'RELIANCE26DECFUT', productType: 'NRML', quantity: '500', price: '2962' })).toBe('ORDER_BFO_NOT_ALLOWED');
    expect(errorOf(domain, { exchange: 'BFO', symbolName: 'SENSEX26DECFUT', productType: 'NRML', quantity: '20', price: '85000' })).toMatch(/^placed /);
    expect(errorOf(domain, { quantity: '100', disclosedQuantity: '9' })).toBe('ORDER_INVALID');
    expect(errorOf(domain, { quantity: '100', disclosedQuantity: '10' })).toBe('placed PENDING');
    expect(errorOf(domain, { price: '13.305' })).toBe('ORDER_INVALID');
    expect(errorOf(domain, { price: undefined })).toBe('ORDER_INVALID');
    expect(errorOf(domain, { orderType: 'SL', triggerPrice: undefined })).toBe('ORDER_INVALID');
    expect(errorOf(domain, { exchange: 'NFO', symbolName: 'NIFTY26DECFUT', productType: 'NRML', quantity: '10', price: '26000' })).toBe('ORDER_INVALID');
    expect(errorOf(domain, { exchange: 'NFO', symbolName: 'NIFTY26DECFUT', productType: 'CNC', quantity: '65', price: '26000' })).toBe('ORDER_INVALID');
  });

  it('the RMS rejects outside the price band, beyond the limits, and CNC sells of shares not held: the order keeps its number', () => {
    const { place } = setup([{ exchange: 'NSE', symbolName: 'SBIN', quantity: 5, averagePrice: 700 }]);
    expect(place({ price: '20.00' })).toMatchObject({ status: 'REJECTED', rejectionReason: "Order price is out of the day's price band (10.72 - 16.08).", exchangeOrderNo: null });
    expect(place({ symbolName: 'RELIANCE', quantity: '100', price: '2950.50' }).rejectionReason).toBe('RMS:Margin Exceeds, Required:295050.00, Available:100000.00');
    expect(place({ symbolName: 'RELIANCE', quantity: '100', price: '2950.50', productType: 'MIS' }).status).toBe('COMPLETE');
    expect(place({ symbolName: 'SBIN', transactionType: 'SELL', quantity: '6', price: '812.40' }).rejectionReason).toBe('RMS:Short sell is not allowed in CNC: sellable quantity 5.');
    expect(place({ symbolName: 'SBIN', transactionType: 'SELL', quantity: '5', price: '812.40' }).status).toBe('COMPLETE');
  });

  it('modify replaces what is sent and re-checks it; cancel leaves the filled part', () => {
    const { domain, account, place, price } = setup();
    const o = place({});
    price('IDEA', 13.3, 4);
    const modified = domain.orders.modify(account(), o.orderNumber, { price: '13.10', orderValidity: 'DAY' });
    expect(modified).toMatchObject({ ok: true, value: { price: 13.1, quantity: 10, filledQuantity: 4, status: 'OPEN' } });
    expect(domain.orders.modify(account(), o.orderNumber, { quantity: '4', orderValidity: 'DAY' })).toMatchObject({ ok: false, error: { code: 'ORDER_INVALID' } });
    expect(domain.orders.modify(account(), '999', { orderValidity: 'DAY' })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    expect(domain.orders.cancel('AB1234', o.orderNumber)).toMatchObject({ ok: true, value: { status: 'CANCELLED', filledQuantity: 4, cancelledQuantity: 6 } });
    expect(domain.orders.cancel('AB1234', o.orderNumber)).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_CANCELLABLE' } });
    expect(domain.orders.modify(account(), o.orderNumber, { orderValidity: 'DAY' })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_MODIFIABLE' } });
  });

  it('fills move positions, limits and (the next IST day) holdings', () => {
    const { domain, account, place, price } = setup();
    place({ price: '13.50' });
    price('IDEA', 14);
    const [day] = domain.portfolio.positions(account(), 'DAY');
    expect(day).toMatchObject({ buyQuantity: 10, netQuantity: 10, averagePrice: 13.4, ltp: 14, unrealised: 6, realised: 0 });
    expect(domain.portfolio.limits(account()).equityLimit).toMatchObject({ marginUsed: 134, netAvailableMargin: 99866 });
    expect(domain.portfolio.holdings(account())).toEqual([]);
    domain.clock.set(T0 + DAY);
    expect(domain.portfolio.positions(account(), 'DAY')).toEqual([]);
    expect(domain.portfolio.positions(account(), 'NET')[0]).toMatchObject({ carryForwardQuantity: 10, netQuantity: 10 });
    expect(domain.portfolio.holdings(account())[0]).toMatchObject({ quantity: 10, averagePrice: 13.4, sellable: 10 });
  });

  it("the account's live orders (what the RMS reads, an index of the store) follow fills, cancels and a rolled-back unit of work", async () => {
    const { domain, place, price } = setup();
    price('IDEA', 13.5);
    const first = place({ price: '13.20' });
    const second = place({ price: '13.10' });
    const live = () => domain.orders.live('AB1234').map((o) => o.orderNumber);
    expect(live()).toEqual([first.orderNumber, second.orderNumber]);
    price('IDEA', 13.2);
    expect(live()).toEqual([second.orderNumber]);
    await expect(
      domain.uow.run(() => {
        expect(domain.orders.cancel('AB1234', second.orderNumber).ok).toBe(true);
        expect(live()).toEqual([]);
        throw new Error('fault');
      }),
    ).rejects.toThrow('fault');
    expect(live()).toEqual([second.orderNumber]);
    // The day's sums of fills (an index too) come back with a rolled-back fill.
    const today = istDay(domain.clock.now());
    const before = domain.store.dayPositionTotals('AB1234', today);
    expect(before).toEqual([{ exchange: 'NSE', symbolName: 'IDEA', productType: 'CNC', buyQuantity: 10, sellQuantity: 0, buyValue: 132, sellValue: 0 }]);
    await expect(
      domain.uow.run(() => {
        price('IDEA', 13.1);
        expect(domain.store.dayPositionTotals('AB1234', today)[0]).toMatchObject({ buyQuantity: 20, buyValue: 263 });
        throw new Error('fault');
      }),
    ).rejects.toThrow('fault');
    expect(domain.store.dayPositionTotals('AB1234', today)).toEqual(before);
    expect(domain.orders.cancel('AB1234', second.orderNumber).ok).toBe(true);
    expect(live()).toEqual([]);
  });

  it('property: whatever the price path, no order fills beyond its quantity, and every fill respects its limit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1300, max: 1380 }), fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined })), { maxLength: 25 }), (path) => {
        const { domain, place, order, price } = setup([{ exchange: 'NSE', symbolName: 'IDEA', quantity: 1000, averagePrice: 10 }]);
        const orders = [place({ price: '13.20' }), place({ transactionType: 'SELL', price: '13.60', quantity: '20' }), place({ orderType: 'SL', price: '13.70', triggerPrice: '13.65' })];
        for (const [paise, volume] of path) price('IDEA', paise / 100, volume);
        for (const placed of orders) {
          const o = order(placed.orderNumber);
          expect(o.filledQuantity + o.cancelledQuantity).toBeLessThanOrEqual(o.quantity);
          expect(o.fills.reduce((t, f) => t + f.quantity, 0)).toBe(o.filledQuantity);
          for (const f of o.fills) expect(o.transactionType === 'BUY' ? f.price <= o.price : f.price >= o.price).toBe(true);
          expect(o.openOn === null).toBe(o.status === 'COMPLETE' || o.status === 'CANCELLED' || o.status === 'REJECTED');
        }
        expect(domain.store.ordersOpenOn('NSE:IDEA').every((o) => o.status === 'PENDING' || o.status === 'OPEN')).toBe(true);
        expect(domain.orders.live('AB1234')).toEqual(domain.orders.book('AB1234').filter(isOpen));
        // The store's per-day sums of fills (what the margin check reads) agree with the positions computed from every fill.
        const totals = domain.store.dayPositionTotals('AB1234', istDay(domain.clock.now()));
        const positions = domain.portfolio.positions(domain.accounts.get('AB1234')!, 'DAY');
        expect(totals.map((t) => [t.exchange, t.symbolName, t.productType, t.buyQuantity, t.sellQuantity, round2(t.buyValue), round2(t.sellValue)])).toEqual(
          positions.map((p) => [p.instrument.exchange, p.instrument.symbolName, p.productType, p.buyQuantity, p.sellQuantity, p.buyValue, p.sellValue]),
        );
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});
