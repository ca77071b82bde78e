import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BasketOrderInput, ExecutionType } from '../../mock/domain/baskets.js';
import { ok } from '../../mock/domain/result.js';
import { makeDomain } from '../helpers.js';

function setup() {
  const domain = makeDomain();
  const loaded = domain.load({ accounts: [{ uid: 'AB1234', name: 'Holder', password: 'pw', yob: '1990', mobile: '9876543210', email: 'ab@example.com' }] });
  if (!loaded.ok) throw new Error(loaded.error.code);
  const account = () => domain.accounts.get('AB1234')!;
  const basket = (name = 'Pair Trade') => {
    const r = domain.baskets.create(account(), name);
    if (!r.ok) throw new Error(r.error.code);
    return r.value.basketId;
  };
  const add = (basketId: number, input: BasketOrderInput) => {
    const r = domain.baskets.addOrders(account(), basketId, [{ exchange: 'NSE', transactionType: 'BUY', orderType: 'L', orderValidity: 'DAY', productType: 'MIS', quantity: '1', ...input }]);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value.basketOrderId;
  };
  const execute = (basketId: number, type: ExecutionType = 'allatonce') => domain.baskets.execute(account(), basketId, type);
  const states = (basketId: number) => domain.baskets.view(account(), basketId).map((v) => [v.item.symbolName, v.state]);
  return { domain, account, basket, add, execute, states };
}

describe('basket execution', () => {
  it('sends one real order per basket order, in the basket sequence, each in the order book', () => {
    const { domain, basket, add, execute } = setup();
    const id = basket();
    const first = add(id, { symbolName: 'SBIN', price: '800' });
    const second = add(id, { symbolName: 'ITC', price: '450' });
    const third = add(id, { symbolName: 'INFY', price: '1500' });
    expect(domain.baskets.rearrange(domain.accounts.get('AB1234')!, id, [third, first]).ok).toBe(true);
    const sent = execute(id);
    expect(sent.ok).toBe(true);
    const book = domain.orders.book('AB1234');
    expect(book.map((o) => o.symbolName)).toEqual(['INFY', 'SBIN', 'ITC']);
    const items = domain.baskets.items('AB1234', id);
    expect(items.map((i) => i.basketOrderId)).toEqual([third, first, second]);
    expect(items.map((i) => i.orderNumber)).toEqual(book.map((o) => o.orderNumber));
    expect(new Set(book.map((o) => o.orderNumber)).size).toBe(3);
    expect(domain.store.getBasket('AB1234', id)!.executedAt).not.toBeNull();
  });

  it('allatonce sends every order whatever the RMS says; chronologically stops at the first rejection and leaves the rest not sent', () => {
    const { basket, add, execute, states } = setup();
    for (const type of ['allatonce', 'chronologically'] as const) {
      const id = basket(`Run ${type}`);
      add(id, { symbolName: 'SBIN', price: '800' });
      // Outside SBIN's band (812.40 +- 20%): rejected by the RMS.
      add(id, { symbolName: 'SBIN', price: '1000' });
      add(id, { symbolName: 'ITC', price: '450' });
      expect(execute(id, type).ok).toBe(true);
      expect(states(id)).toEqual(
        type === 'allatonce'
          ? [
              ['SBIN', 'pending'],
              ['SBIN', 'rejected'],
              ['ITC', 'pending'],
            ]
          : [
              ['SBIN', 'pending'],
              ['SBIN', 'rejected'],
              ['ITC', 'notSentToExchange'],
            ],
      );
    }
  });

  it('a later execution sends only what was not sent; with nothing left it is refused', () => {
    const { domain, account, basket, add, execute } = setup();
    const id = basket();
    add(id, { symbolName: 'SBIN', price: '800' });
    expect(execute(id).ok).toBe(true);
    expect(execute(id)).toMatchObject({ ok: false, error: { code: 'BASKET_NOTHING_TO_EXECUTE' } });
    add(id, { symbolName: 'ITC', price: '450' });
    expect(execute(id).ok).toBe(true);
    expect(domain.orders.book('AB1234').map((o) => o.symbolName)).toEqual(['SBIN', 'ITC']);
    expect(domain.baskets.execute(account(), 999, 'allatonce')).toMatchObject({ ok: false, error: { code: 'BASKET_NOT_FOUND' } });
  });

  it('a sent order can be modified only after a rejection, which makes it sendable again', () => {
    const { account, domain, basket, add, execute, states } = setup();
    const id = basket();
    const resting = add(id, { symbolName: 'SBIN', price: '800' });
    const refused = add(id, { symbolName: 'ITC', price: '1000' });
    execute(id);
    expect(domain.baskets.modifyOrder(account(), id, resting, { price: '801' })).toMatchObject({ ok: false, error: { code: 'BASKET_ORDER_SENT' } });
    const fixed = domain.baskets.modifyOrder(account(), id, refused, { price: '451' });
    expect(fixed).toMatchObject({ ok: true, value: { price: 451, orderNumber: null, symbolName: 'ITC', quantity: 1 } });
    expect(states(id)).toEqual([
      ['SBIN', 'pending'],
      ['ITC', 'notSentToExchange'],
    ]);
    execute(id);
    expect(states(id)).toEqual([
      ['SBIN', 'pending'],
      ['ITC', 'pending'],
    ]);
  });

  it('bracket and cover orders are placed as placeOrderBO and placeOrderCO place them; another placer can be registered', () => {
    const { domain, account, basket, add, execute, states } = setup();
    const id = basket();
    add(id, { symbolName: 'RELIANCE', productType: 'BO', price: '2950', squareOffValue: '5', stopLossValue: '5' });
    add(id, { symbolName: 'SBIN', productType: 'CO', price: '800', triggerPrice: '790' });
    execute(id);
    expect(states(id)).toEqual([
      ['RELIANCE', 'pending'],
      ['SBIN', 'pending'],
    ]);
    const byNumber = new Map(domain.orders.book('AB1234').map((o) => [o.orderNumber, o]));
    expect(domain.baskets.items('AB1234', id).map((i) => byNumber.get(i.orderNumber!)?.productType)).toEqual(['BO', 'CO']);

    const placed: string[] = [];
    domain.baskets.usePlacer('CO', (acc, item) => {
      placed.push(`${acc.uid} ${item.symbolName} ${item.triggerPrice}`);
      return domain.orders.place(acc, {
        symbolName: item.symbolName,
        transactionType: item.transactionType,
        orderType: 'L',
        quantity: item.quantity,
        price: item.price,
        orderValidity: 'DAY',
        productType: 'MIS',
      });
    });
    const second = domain.baskets.create(account(), 'Covers');
    if (!second.ok) throw new Error(second.error.code);
    add(second.value.basketId, { symbolName: 'SBIN', productType: 'CO', price: '800', triggerPrice: '795' });
    execute(second.value.basketId);
    expect(placed).toEqual(['AB1234 SBIN 795']);
  });

  it('checks orders as placeOrder does, and BO and CO terms of their own', () => {
    const { account, domain, basket } = setup();
    const id = basket();
    const refusal = (input: BasketOrderInput) => {
      const r = domain.baskets.addOrders(account(), id, [
        { symbolName: 'SBIN', transactionType: 'BUY', orderType: 'L', orderValidity: 'DAY', productType: 'MIS', quantity: '1', price: '800', ...input },
      ]);
      return r.ok ? 'added' : r.error.code;
    };
    expect(refusal({})).toBe('added');
    expect(refusal({ symbolName: 'NOPE' })).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(refusal({ orderType: 'MKT' })).toBe('ORDER_TYPE_NOT_ALLOWED');
    expect(refusal({ quantity: '0' })).toBe('ORDER_INVALID');
    expect(refusal({ price: '800.01' })).toBe('ORDER_INVALID');
    expect(refusal({ symbolName: 'NIFTY26DECFUT', exchange: 'NFO', productType: 'CNC', quantity: '65', price: '26000' })).toBe('ORDER_INVALID');
    expect(refusal({ productType: 'BO' })).toBe('ORDER_INVALID');
    expect(refusal({ productType: 'BO', squareOffValue: '5', stopLossValue: '5', exchange: 'BSE' })).toBe('ORDER_INVALID');
    expect(refusal({ productType: 'BO', squareOffValue: '5', stopLossValue: '5' })).toBe('added');
    expect(refusal({ productType: 'CO' })).toBe('ORDER_INVALID');
    expect(refusal({ productType: 'CO', triggerPrice: '810' })).toBe('ORDER_INVALID');
    expect(refusal({ productType: 'CO', triggerPrice: '790' })).toBe('added');
  });
});

describe('basket bookkeeping', () => {
  it('names: letters, digits, hyphen and space, unique case-insensitively; at most 50 baskets and 50 orders each', () => {
    const { account, domain, basket, add } = setup();
    const create = (name: string) => {
      const r = domain.baskets.create(account(), name);
      return r.ok ? 'created' : r.error.code;
    };
    expect(create('NIFTY FO-1')).toBe('created');
    expect(create('nifty  fo-1')).toBe('BASKET_NAME_TAKEN');
    expect(create('Bad_name')).toBe('BASKET_NAME_INVALID');
    expect(create('   ')).toBe('BASKET_NAME_INVALID');
    expect(create('x'.repeat(51))).toBe('BASKET_NAME_INVALID');
    for (let i = 2; i <= 50; i++) expect(create(`B ${i}`)).toBe('created');
    expect(create('Fifty One')).toBe('BASKET_LIMIT_REACHED');
    domain.baskets.delete(account(), [domain.store.basketsOf('AB1234')[1]!.basketId]);
    const id = basket('Full');
    for (let i = 0; i < 50; i++) add(id, { symbolName: 'SBIN', price: '800' });
    expect(
      domain.baskets.addOrders(account(), id, [{ symbolName: 'SBIN', transactionType: 'BUY', orderType: 'L', orderValidity: 'DAY', productType: 'MIS', quantity: '1', price: '800' }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'BASKET_LIMIT_REACHED' },
    });
  });

  it('deletes baskets with their orders, all or none, naming the invalid ids; an order deleted counts in deletedContracts', () => {
    const { account, domain, basket, add } = setup();
    const a = basket('A');
    const b = basket('B');
    const item = add(a, { symbolName: 'SBIN', price: '800' });
    add(a, { symbolName: 'ITC', price: '450' });
    expect(domain.baskets.deleteOrder(account(), a, item).ok).toBe(true);
    expect(domain.store.getBasket('AB1234', a)!.deletedContracts).toBe(1);
    expect(domain.baskets.deleteOrder(account(), a, item)).toMatchObject({ ok: false, error: { code: 'BASKET_ORDER_INVALID' } });
    expect(domain.baskets.deleteOrder(account(), 77, item)).toMatchObject({ ok: false, error: { code: 'BASKET_IDS_INVALID', message: 'The provided BasketIds are invalid: [77]' } });
    expect(domain.baskets.delete(account(), [a, 88, 99])).toMatchObject({ ok: false, error: { message: 'The provided BasketIds are invalid: [88, 99]' } });
    expect(domain.store.getBasket('AB1234', a)).toBeDefined();
    expect(domain.baskets.delete(account(), [a, b])).toEqual(ok(2));
    expect(domain.store.basketsOf('AB1234')).toEqual([]);
    expect(domain.baskets.items('AB1234', a)).toEqual([]);
  });

  it("another account's basket is not found", () => {
    const { domain, basket } = setup();
    const id = basket();
    domain.load({ accounts: [{ uid: 'CD5678', name: 'Other', password: 'pw', yob: '1990', mobile: '9876543210', email: 'cd@example.com' }] });
    const other = domain.accounts.get('CD5678')!;
    expect(domain.baskets.get('CD5678', id).ok).toBe(false);
    expect(domain.baskets.execute(other, id, 'allatonce')).toMatchObject({ ok: false, error: { code: 'BASKET_NOT_FOUND' } });
    expect(domain.baskets.delete(other, [id])).toMatchObject({ ok: false, error: { code: 'BASKET_IDS_INVALID' } });
  });

  it('rearrange keeps the set of orders; the ids listed come first in their order, the rest after in their old order (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (n, picks) => {
        const { account, domain, basket, add } = setup();
        const id = basket();
        const ids = Array.from({ length: n }, () => add(id, { symbolName: 'SBIN', price: '800' }));
        const listed = [...new Set(picks.map((p) => ids[p % n]!))];
        const result = domain.baskets.rearrange(account(), id, listed);
        if (listed.length === 0) {
          expect(result.ok).toBe(false);
          return;
        }
        if (!result.ok) throw new Error(result.error.code);
        const order = domain.baskets.items('AB1234', id);
        expect(order.map((i) => i.basketOrderId).sort((x, y) => x - y)).toEqual(ids);
        expect(order.map((i) => i.sequence)).toEqual(ids.map((_, k) => k + 1));
        expect(order.map((i) => i.basketOrderId)).toEqual([...listed, ...ids.filter((x) => !listed.includes(x))]);
        expect(result.value.map((i) => i.basketOrderId)).toEqual(order.map((i) => i.basketOrderId));
      }),
      { numRuns: 60 },
    );
  });

  it('rearrange refuses an id not in the basket, or one listed twice, and changes nothing', () => {
    const { account, domain, basket, add } = setup();
    const id = basket();
    const a = add(id, { symbolName: 'SBIN', price: '800' });
    const b = add(id, { symbolName: 'ITC', price: '450' });
    expect(domain.baskets.rearrange(account(), id, [b, 999])).toMatchObject({ ok: false, error: { code: 'BASKET_ORDER_INVALID' } });
    expect(domain.baskets.rearrange(account(), id, [b, b])).toMatchObject({ ok: false, error: { code: 'BASKET_ORDER_INVALID' } });
    expect(domain.baskets.items('AB1234', id).map((i) => i.basketOrderId)).toEqual([a, b]);
    expect(domain.store.getBasket('AB1234', id)!.rearranged).toBe(false);
  });
});

describe('basket margins, by hand', () => {
  it('maxMargin adds every order; finalMargin keeps only the larger side of opposite derivative orders on one underlying', () => {
    const { account, domain, basket, add } = setup();
    const id = basket();
    // NIFTY future, 65 x 26150 at the NRML futures rate 12% = 203970.00, once bought and once sold.
    add(id, { symbolName: 'NIFTY26DECFUT', exchange: 'NFO', productType: 'NRML', quantity: '65', price: '26150' });
    add(id, { symbolName: 'NIFTY26DECFUT', exchange: 'NFO', productType: 'NRML', quantity: '65', price: '26150', transactionType: 'SELL' });
    // SBIN cash MIS: 10 x 800 at 20% = 1600.00, no benefit. A NIFTY call bought: 65 x 300 premium in full = 19500.00, not offset.
    add(id, { symbolName: 'SBIN', quantity: '10', price: '800' });
    add(id, { symbolName: 'NIFTY29DEC2626000CE', exchange: 'NFO', productType: 'NRML', quantity: '65', price: '300' });
    const margins = domain.baskets.margins(domain.baskets.view(account(), id));
    expect(margins).toEqual({ maxMargin: 203970 * 2 + 1600 + 19500, finalMargin: 203970 + 1600 + 19500 });
  });
});
