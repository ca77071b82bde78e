import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GttInput, OcoInput } from '../../mock/domain/gtt.js';
import { makeDomain, openAccount } from '../helpers.js';

function setup() {
  const domain = makeDomain();
  const account = openAccount(domain);
  const price = (p: number, symbol = 'SBIN') => {
    const r = domain.market.setPrice('NSE', symbol, p);
    if (!r.ok) throw new Error(r.error.code);
  };
  const gtt = (input: Partial<GttInput> = {}) => {
    const r = domain.gtts.addGtt(account.uid, { symbolName: 'SBIN', transactionType: 'BUY', quantity: '2', productType: 'CNC', orderType: 'L', triggerPrice: '800', limitPrice: '801', ...input });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const oco = (input: Partial<OcoInput> = {}) => {
    const r = domain.gtts.addOco(account.uid, {
      symbolName: 'SBIN',
      transactionType: 'SELL',
      quantity: '2',
      productType: 'CNC',
      orderType: 'L',
      targetTriggerPrice: '830',
      targetLimitPrice: '829',
      stoplossTriggerPrice: '795',
      stoplossLimitPrice: '794',
      ...input,
    });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const get = (id: string) => domain.store.getGtt(account.uid, id)!;
  return { domain, account, price, gtt, oco, get };
}

describe('GTT', () => {
  it('stays off the order book until the price reaches the trigger from its side, then places its order', () => {
    const { domain, account, price, gtt, get } = setup();
    const g = gtt();
    expect(g.legs[0]).toMatchObject({ direction: 'DOWN', ltpAtCreation: 812.4 });
    price(805);
    expect(domain.orders.book(account.uid)).toEqual([]);
    price(799.5);
    const fired = get(g.gttSummaryId);
    expect(fired.state).toBe('triggered');
    const order = domain.store.getOrder(account.uid, fired.legs[0]!.orderNumber)!;
    expect(order).toMatchObject({ transactionType: 'BUY', price: 801, quantity: 2, status: 'COMPLETE', productType: 'CNC' });
    expect(domain.gtts.list(account.uid, 'triggered').map((x) => x.gttSummaryId)).toEqual([g.gttSummaryId]);
    const del = domain.gtts.delete(account.uid, g.gttSummaryId, 'GTT');
    expect(del.ok || del.error.code).toBe('GTT_TRIGGERED');
  });

  it('MKT places a limit at ltp ± marketProtection', () => {
    const { domain, account, price, gtt, get } = setup();
    const g = gtt({ orderType: 'MKT', limitPrice: undefined, triggerPrice: '820', marketProtection: '' });
    price(820);
    const order = domain.store.getOrder(account.uid, get(g.gttSummaryId).legs[0]!.orderNumber)!;
    expect(order.price).toBe(844.6);
  });

  it('modify issues a new id; the old one is refused and never fires', () => {
    const { domain, account, price, gtt, get } = setup();
    const g = gtt();
    const m = domain.gtts.modifyGtt(account.uid, Number(g.gttSummaryId), {
      symbolName: 'SBIN',
      transactionType: 'BUY',
      quantity: '3',
      productType: 'CNC',
      orderType: 'L',
      triggerPrice: '790',
      limitPrice: '790',
    });
    if (!m.ok) throw new Error(m.error.code);
    expect(m.value.gttSummaryId).not.toBe(g.gttSummaryId);
    const again = domain.gtts.modifyGtt(account.uid, g.gttSummaryId, {
      symbolName: 'SBIN',
      transactionType: 'BUY',
      quantity: '3',
      productType: 'CNC',
      orderType: 'L',
      triggerPrice: '790',
      limitPrice: '790',
    });
    expect(again.ok || again.error.code).toBe('GTT_NOT_FOUND');
    price(795);
    expect(get(g.gttSummaryId).state).toBe('replaced');
    expect(get(m.value.gttSummaryId).state).toBe('active');
    expect(domain.gtts.list(account.uid, 'active').map((x) => x.gttSummaryId)).toEqual([m.value.gttSummaryId]);
  });

  it('delete moves it to expired; refusals for product and limit', () => {
    const { domain, account, gtt } = setup();
    const g = gtt();
    expect(domain.gtts.delete(account.uid, g.gttSummaryId, 'GTT').ok).toBe(true);
    expect(domain.gtts.list(account.uid, 'expired')).toHaveLength(1);
    const bad = domain.gtts.addGtt(account.uid, {
      symbolName: 'NIFTY26DECFUT',
      exchange: 'NFO',
      transactionType: 'BUY',
      quantity: '65',
      productType: 'CNC',
      orderType: 'L',
      triggerPrice: '26000',
      limitPrice: '26000',
    });
    expect(bad.ok || bad.error.code).toBe('GTT_INVALID');
    const noLimit = domain.gtts.addGtt(account.uid, { symbolName: 'SBIN', transactionType: 'BUY', quantity: '1', productType: 'CNC', orderType: 'L', triggerPrice: '800' });
    expect(noLimit.ok || noLimit.error.code).toBe('GTT_INVALID');
  });
});

describe('OCO', () => {
  it('the first leg to fire cancels the other; CNC BUY is refused', () => {
    const { domain, account, price, oco, get } = setup();
    const o = oco();
    price(831);
    const after = get(o.gttSummaryId);
    expect(after.legs.map((l) => l.status)).toEqual(['TRIGGERED', 'CANCELLED']);
    price(790);
    expect(domain.orders.book(account.uid)).toHaveLength(1);
    const buy = domain.gtts.addOco(account.uid, {
      symbolName: 'SBIN',
      transactionType: 'BUY',
      quantity: '1',
      productType: 'CNC',
      orderType: 'MKT',
      targetTriggerPrice: '790',
      stoplossTriggerPrice: '830',
    });
    expect(buy.ok || buy.error.code).toBe('GTT_CNC_BUY');
  });

  it("property: over random price paths an OCO never fires both legs, and a modified GTT's old id never fires", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 7800, max: 8500 }), { minLength: 1, maxLength: 40 }), (path) => {
        const { domain, account, price, gtt, oco, get } = setup();
        const o = oco({ productType: 'NRML', transactionType: 'SELL', orderType: 'MKT', targetLimitPrice: undefined, stoplossLimitPrice: undefined });
        const old = gtt({ triggerPrice: '820', limitPrice: '820' });
        const m = domain.gtts.modifyGtt(account.uid, old.gttSummaryId, {
          symbolName: 'SBIN',
          transactionType: 'BUY',
          quantity: '2',
          productType: 'CNC',
          orderType: 'L',
          triggerPrice: '805',
          limitPrice: '805',
        });
        if (!m.ok) throw new Error(m.error.code);
        for (const p of path) {
          price(p / 10);
          expect(get(o.gttSummaryId).legs.filter((l) => l.status === 'TRIGGERED').length).toBeLessThanOrEqual(1);
          expect(get(old.gttSummaryId).legs[0]!.status).toBe('');
        }
      }),
      { numRuns: 60 },
    );
  });
});
