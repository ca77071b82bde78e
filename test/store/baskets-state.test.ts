import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandbox } from '../../mock/server.js';

const dir = mkdtempSync(join(tmpdir(), 'baskets-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ACCOUNT = { uid: 'BK1234', name: 'Basket Holder', password: 'pw', yob: '1990', mobile: '9876543210', email: 'bk@example.com' };
const ORDER = { symbolName: 'SBIN', transactionType: 'BUY', orderType: 'L', orderValidity: 'DAY', productType: 'MIS', quantity: '2', price: '812.40' } as const;

describe('baskets, basket orders and position conversions in a state file (--state)', () => {
  it('survive a restart, rows and sequences alike', async () => {
    const state = join(dir, 'state.db');
    const first = await openSandbox({ state, seed: 'baskets' });
    const d1 = first.domain;
    await d1.uow.run(() => {
      d1.load({ accounts: [ACCOUNT] });
      const account = d1.accounts.get('BK1234')!;
      const basket = d1.baskets.create(account, 'Kept');
      if (!basket.ok) throw new Error(basket.error.code);
      d1.baskets.addOrders(account, basket.value.basketId, [ORDER, { ...ORDER, symbolName: 'ITC', price: '455.30' }]);
      d1.baskets.execute(account, basket.value.basketId, 'allatonce');
      const converted = d1.portfolioActions.convert(account, {
        symbolName: 'SBIN',
        transactionType: 'BUY',
        positionType: 'DAY',
        netQuantity: '2',
        quantityToConvert: '1',
        fromProductType: 'MIS',
        toProductType: 'CNC',
      });
      if (!converted.ok) throw new Error(converted.error.code);
    });
    await first.close();

    const second = await openSandbox({ state, seed: 'baskets' });
    const d2 = second.domain;
    const account = d2.accounts.get('BK1234')!;
    const [basket] = d2.store.basketsOf('BK1234');
    expect(basket).toMatchObject({ basketName: 'Kept', executionType: 'allatonce' });
    const items = d2.baskets.items('BK1234', basket!.basketId);
    expect(items.map((i) => [i.symbolName, i.orderNumber === null])).toEqual([
      ['SBIN', false],
      ['ITC', false],
    ]);
    expect(
      d2.portfolio
        .positions(account, 'DAY')
        .map((p) => [p.instrument.symbolName, p.productType, p.netQuantity])
        .sort(),
    ).toEqual([
      ['ITC', 'MIS', 2],
      ['SBIN', 'CNC', 1],
      ['SBIN', 'MIS', 1],
    ]);
    await d2.uow.run(() => {
      const next = d2.baskets.create(account, 'Next');
      expect(next.ok && next.value.basketId).toBe(basket!.basketId + 1);
      const added = d2.baskets.addOrders(account, basket!.basketId, [ORDER]);
      expect(added.ok && added.value.basketOrderId).toBe(Math.max(...items.map((i) => i.basketOrderId)) + 1);
    });
    await second.close();
  });
});
