import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BRACKET_RULES } from '../../spec/schemas/market-rules.js';
import type { BracketInput } from '../../mock/domain/bracket-cover.js';
import { isOpen } from '../../mock/domain/orders.js';
import { makeDomain, openAccount, T0 } from '../helpers.js';

function setup() {
  const domain = makeDomain();
  const account = openAccount(domain);
  const order = (n: string) => domain.store.getOrder(account.uid, n)!;
  const price = (p: number, symbol = 'SBIN') => {
    const r = domain.market.setPrice('NSE', symbol, p);
    if (!r.ok) throw new Error(r.error.code);
  };
  const bo = (input: Partial<BracketInput> = {}) => {
    const r = domain.bracketCover.placeBO(account, { symbolName: 'SBIN', transactionType: 'BUY', quantity: '10', price: '812.40', squareOffValue: '5', stopLossValue: '5', ...input });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const legs = (n: string) => domain.bracketCover.legsOf(order(n));
  return { domain, account, order, price, bo, legs };
}

describe('bracket orders', () => {
  it('places a target and a stop-loss leg at the distances from the fill, linked by parentOrderId', () => {
    const { bo, legs } = setup();
    const entry = bo();
    expect(entry.status).toBe('COMPLETE');
    const [stop, target] = legs(entry.orderNumber);
    expect(stop).toMatchObject({ leg: 'STOPLOSS', orderType: 'SL-M', transactionType: 'SELL', triggerPrice: 807.4, quantity: 10, parentOrderId: entry.orderNumber, productType: 'BO' });
    expect(target).toMatchObject({ leg: 'TARGET', orderType: 'L', transactionType: 'SELL', price: 817.4, quantity: 10, parentOrderId: entry.orderNumber });
  });

  it('measures in ticks with valueType Ticks', () => {
    const { bo, legs } = setup();
    const [stop, target] = legs(bo({ squareOffValue: '20', stopLossValue: '10', valueType: 'Ticks' }).orderNumber);
    expect(stop!.triggerPrice).toBe(811.9);
    expect(target!.price).toBe(813.4);
  });

  it('the target filling cancels the stop-loss; the exit is then refused as published', () => {
    const { domain, account, bo, legs, price } = setup();
    const entry = bo();
    price(818);
    const [stop, target] = legs(entry.orderNumber);
    expect(target!.status).toBe('COMPLETE');
    expect(stop!.status).toBe('CANCELLED');
    const exit = domain.bracketCover.exit(account, 'BO', entry.orderNumber);
    expect(exit.ok || exit.error.code).toBe('EXIT_SUBORDER_EXECUTED');
  });

  it('trails the stop by whole steps and never back', () => {
    const { bo, legs, price } = setup();
    const entry = bo({ trailingStopLoss: '1', squareOffValue: '50' });
    price(814.5);
    expect(legs(entry.orderNumber)[0]!.triggerPrice).toBe(809.4);
    price(813);
    expect(legs(entry.orderNumber)[0]!.triggerPrice).toBe(809.4);
    price(809.4);
    expect(legs(entry.orderNumber)[0]!.status).toBe('COMPLETE');
  });

  it('exits a filled bracket at the market: stop leg executes, target cancelled', () => {
    const { domain, account, bo, legs, price } = setup();
    const entry = bo();
    price(810);
    expect(domain.bracketCover.exit(account, 'BO', entry.orderNumber).ok).toBe(true);
    const [stop, target] = legs(entry.orderNumber);
    expect(stop).toMatchObject({ status: 'COMPLETE', averagePrice: 810 });
    expect(target!.status).toBe('CANCELLED');
  });

  it('exit cancels a pending entry; a partly filled entry is cancelled and its filled part closed', () => {
    const { domain, account, bo, legs, order } = setup();
    const pending = bo({ price: '800' });
    expect(domain.bracketCover.exit(account, 'BO', pending.orderNumber).ok).toBe(true);
    expect(order(pending.orderNumber).status).toBe('CANCELLED');
    expect(legs(pending.orderNumber)).toEqual([]);
    const partly = bo({ price: '800', quantity: '10' });
    domain.market.setPrice('NSE', 'SBIN', 799, 4);
    expect(order(partly.orderNumber)).toMatchObject({ status: 'OPEN', filledQuantity: 4 });
    expect(domain.bracketCover.exit(account, 'BO', partly.orderNumber).ok).toBe(true);
    const [stop] = legs(partly.orderNumber);
    expect(stop).toMatchObject({ quantity: 4, status: 'COMPLETE' });
  });

  it('refuses BSE, regular numbers at exitBO, and cancelOrder on a bracket', () => {
    const { domain, account, bo } = setup();
    const r = domain.bracketCover.placeBO(account, { symbolName: 'SBIN', exchange: 'BSE', transactionType: 'BUY', quantity: '1', price: '812', squareOffValue: '5', stopLossValue: '5' });
    expect(r.ok || r.error.code).toBe('BRACKET_INVALID');
    const entry = bo({ price: '800' });
    const cancel = domain.orders.cancel(account.uid, entry.orderNumber);
    expect(cancel.ok || cancel.error.code).toBe('ORDER_USE_EXIT');
    const co = domain.bracketCover.exit(account, 'CO', entry.orderNumber);
    expect(co.ok || co.error.code).toBe('EXIT_NOT_BRACKET');
  });

  it('rejects a new entry in the half hour before the close, with the published reason', () => {
    const { domain, bo } = setup();
    const closeUtcMinutes = BRACKET_RULES.closeAt.NSE - 330;
    domain.clock.set(Date.UTC(2025, 11, 17, 0, closeUtcMinutes - 10));
    const entry = bo();
    expect(entry).toMatchObject({ status: 'REJECTED', rejectionReason: BRACKET_RULES.squareOffBlockReason });
    domain.clock.set(T0);
  });

  it('property: after any price path, a bracket never has both legs open once one executed', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 790, max: 835 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (path, trail) => {
        const { bo, legs, price } = setup();
        const entry = bo({ trailingStopLoss: String(trail) });
        for (const p of path) {
          price(p);
          const all = legs(entry.orderNumber);
          const executed = all.some((l) => l.status === 'COMPLETE');
          if (executed) expect(all.filter(isOpen)).toEqual([]);
          expect(all.filter((l) => l.status === 'COMPLETE').length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('cover orders', () => {
  it('places one stop-loss leg at the absolute trigger; refuses a stop on the wrong side', () => {
    const { domain, account, legs } = setup();
    const r = domain.bracketCover.placeCO(account, {
      symbolName: 'SBIN',
      transactionType: 'BUY',
      orderType: 'L',
      quantity: '5',
      price: '812.40',
      orderValidity: 'DAY',
      productType: 'CO',
      triggerPrice: '800',
    });
    if (!r.ok) throw new Error(r.error.code);
    const [stop, ...rest] = legs(r.value.orderNumber);
    expect(rest).toEqual([]);
    expect(stop).toMatchObject({ leg: 'STOPLOSS', triggerPrice: 800, transactionType: 'SELL', quantity: 5 });
    const wrong = domain.bracketCover.placeCO(account, {
      symbolName: 'SBIN',
      transactionType: 'BUY',
      orderType: 'L',
      quantity: '5',
      price: '812.40',
      orderValidity: 'DAY',
      productType: 'CO',
      triggerPrice: '820',
    });
    expect(wrong.ok || wrong.error.code).toBe('BRACKET_INVALID');
    expect(domain.bracketCover.exit(account, 'CO', r.value.orderNumber).ok).toBe(true);
    expect(legs(r.value.orderNumber)[0]!.status).toBe('COMPLETE');
  });
});

describe('intraday square-off', () => {
  it('squares an open bracket at the first price change from the half hour before the close', () => {
    const { domain, bo, legs, price } = setup();
    const entry = bo();
    domain.clock.set(Date.UTC(2025, 11, 17, 0, BRACKET_RULES.closeAt.NSE - 330 - BRACKET_RULES.squareOffBlockMinutes));
    price(813);
    const [stop, target] = legs(entry.orderNumber);
    expect(stop).toMatchObject({ status: 'COMPLETE', averagePrice: 813 });
    expect(target!.status).toBe('CANCELLED');
  });
});
