import { describe, expect, it } from 'vitest';
import type { ConvertInput } from '../../mock/domain/portfolio-actions.js';
import type { PlaceOrderInput } from '../../mock/domain/orders.js';
import { makeDomain } from '../helpers.js';

const DAY = 24 * 3600 * 1000;

function setup(holdings: Array<{ exchange: 'NSE' | 'BSE'; symbolName: string; quantity: number; averagePrice: number }> = []) {
  const domain = makeDomain();
  const loaded = domain.load({ accounts: [{ uid: 'AB1234', name: 'Holder', password: 'pw', yob: '1990', mobile: '9876543210', email: 'ab@example.com', holdings }] });
  if (!loaded.ok) throw new Error(loaded.error.code);
  const account = () => domain.accounts.get('AB1234')!;
  const place = (input: Partial<PlaceOrderInput>) => {
    const r = domain.orders.place(account(), { symbolName: 'SBIN', transactionType: 'BUY', orderType: 'L', quantity: '10', orderValidity: 'DAY', productType: 'MIS', price: '812.40', ...input });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  const convert = (input: Partial<ConvertInput>) =>
    domain.portfolioActions.convert(account(), {
      symbolName: 'SBIN',
      exchange: 'NSE',
      transactionType: 'BUY',
      positionType: 'DAY',
      netQuantity: '10',
      quantityToConvert: '4',
      fromProductType: 'MIS',
      toProductType: 'CNC',
      ...input,
    });
  const position = (product: string, type: 'DAY' | 'NET' = 'DAY', symbol = 'SBIN') =>
    domain.portfolio.positions(account(), type).find((p) => p.instrument.symbolName === symbol && p.productType === product);
  return { domain, account, place, convert, position };
}

describe('convertPosition', () => {
  it('moves part of a position to another product at its average price; the CNC part settles into holdings the next day', () => {
    const { domain, account, place, convert, position } = setup();
    expect(place({}).status).toBe('COMPLETE');
    const before = domain.portfolio.limits(account()).equityLimit.marginUsed;
    expect(convert({})).toEqual({ ok: true, value: { from: 'MIS', to: 'CNC' } });
    expect(position('MIS')).toMatchObject({ netQuantity: 6, averageBuyPrice: 812.4, realised: 0 });
    expect(position('CNC')).toMatchObject({ netQuantity: 4, averagePrice: 812.4 });
    // 4 x 812.40 moved from the MIS rate (20%) to the CNC rate (100%): 2599.68 more margin used.
    expect(domain.portfolio.limits(account()).equityLimit.marginUsed).toBeCloseTo(before + 4 * 812.4 * 0.8, 2);
    domain.clock.advance(DAY);
    expect(domain.portfolio.holdings(account())).toMatchObject([{ quantity: 4, averagePrice: 812.4 }]);
  });

  it('refuses what getPositions does not offer, a stale netQuantity, a quantity out of range, and a position that is not there', () => {
    const { place, convert } = setup();
    place({});
    place({ symbolName: 'SBIN26DECFUT', exchange: 'NFO', quantity: '750', price: '815.60', productType: 'NRML' });
    const code = (input: Partial<ConvertInput>) => {
      const r = convert(input);
      return r.ok ? 'converted' : `${r.error.code}${r.error.message ? `: ${r.error.message}` : ''}`;
    };
    expect(code({ toProductType: 'MIS' })).toBe('CONVERSION_NOT_ALLOWED: Position conversion from MIS to MIS is not allowed for SBIN-EQ: it can be converted to CNC or NRML.');
    expect(code({ symbolName: 'SBIN26DECFUT', exchange: 'NFO', netQuantity: '750', quantityToConvert: '750', fromProductType: 'NRML', toProductType: 'CNC' })).toMatch(
      /^CONVERSION_NOT_ALLOWED: .* it can be converted to MIS\.$/,
    );
    expect(code({ netQuantity: '18' })).toBe("POSITION_QUANTITY_MISMATCH: netQuantity 18 does not match the position's net quantity (10).");
    expect(code({ quantityToConvert: '11' })).toBe('CONVERSION_QUANTITY_INVALID: quantityToConvert must be a whole number from 1 to the net quantity (10), a multiple of the lot size (1).');
    expect(code({ quantityToConvert: '0' })).toMatch(/^CONVERSION_QUANTITY_INVALID/);
    expect(code({ symbolName: 'SBIN26DECFUT', exchange: 'NFO', netQuantity: '750', quantityToConvert: '30', fromProductType: 'NRML', toProductType: 'MIS' })).toMatch(
      /multiple of the lot size \(750\)/,
    );
    expect(code({ transactionType: 'SELL' })).toBe('POSITION_NOT_FOUND: No open MIS SELL position in SBIN-EQ on NSE.');
    expect(code({ symbolName: 'ITC' })).toBe('POSITION_NOT_FOUND: No open MIS BUY position in ITC-EQ on NSE.');
    expect(code({ symbolName: 'NOPE' })).toBe('MARKET_SYMBOL_NOT_FOUND');
    expect(code({ symbolName: 'SBIN26DECFUT', exchange: 'NFO', netQuantity: '750', quantityToConvert: '750', fromProductType: 'NRML', toProductType: 'MIS' })).toBe('converted');
  });

  it("the RMS refuses a conversion the account's margin cannot cover, and a short to CNC without shares to deliver", () => {
    const { convert, place } = setup();
    // 100 x 812.40 MIS uses 16248.00 of 100000; as CNC it would need 81240.00, 64992.00 more than MIS: there is 83752.00 left.
    place({ quantity: '100' });
    expect(convert({ netQuantity: '100', quantityToConvert: '100' }).ok).toBe(true);
    place({ symbolName: 'ITC', quantity: '100', price: '455.30' });
    const refused = convert({ symbolName: 'ITC', netQuantity: '100', quantityToConvert: '100' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONVERSION_REJECTED' } });
    expect(!refused.ok && refused.error.message).toMatch(/^RMS:Margin Exceeds, Required:36424\.00, Available:\d+\.\d\d$/);
    place({ symbolName: 'INFY', transactionType: 'SELL', quantity: '5', price: '1520.15' });
    expect(convert({ symbolName: 'INFY', transactionType: 'SELL', netQuantity: '5', quantityToConvert: '5' })).toMatchObject({
      ok: false,
      error: { code: 'CONVERSION_REJECTED', message: 'RMS:Short sell is not allowed in CNC: sellable quantity 0.' },
    });
  });
});

describe('squareOff', () => {
  it('closes a long position with a SELL at the last traded price: a regular order and trade; the realised P&L is checkable by hand', () => {
    const { domain, account, place, position } = setup();
    place({});
    expect(domain.market.setPrice('NSE', 'SBIN', 820).ok).toBe(true);
    const done = domain.portfolioActions.squareOff(account(), { exchange: 'NSE', symbolName: 'SBIN', productType: 'MIS', netQuantity: '10', transactionType: 'BUY' });
    expect(done).toMatchObject({ ok: true, value: { quantity: 10, order: { transactionType: 'SELL', status: 'COMPLETE', price: 820, averagePrice: 820 } } });
    // (820 - 812.40) x 10
    expect(position('MIS')).toMatchObject({ netQuantity: 0, realised: 76 });
    expect(domain.orders.book('AB1234')).toHaveLength(2);
  });

  it('closes part of a short position with a BUY; more than the open quantity, or the wrong side, is refused', () => {
    const { domain, account, place, position } = setup();
    place({ transactionType: 'SELL' });
    const square = (netQuantity: string, transactionType: 'BUY' | 'SELL') => domain.portfolioActions.squareOff(account(), { symbolName: 'SBIN', productType: 'MIS', netQuantity, transactionType });
    expect(square('11', 'SELL')).toMatchObject({ ok: false, error: { code: 'SQUARE_OFF_QUANTITY_INVALID' } });
    expect(square('4', 'BUY')).toMatchObject({ ok: false, error: { code: 'POSITION_NOT_FOUND', message: 'No open MIS BUY position in SBIN-EQ on NSE.' } });
    expect(square('4', 'SELL')).toMatchObject({ ok: true, value: { order: { transactionType: 'BUY', status: 'COMPLETE' } } });
    expect(position('MIS')).toMatchObject({ netQuantity: -6 });
  });

  it('a square-off blocks no margin: it goes through when the limits are used up', () => {
    const { domain, account, place } = setup();
    // 600 x 812.40 at 20% = 97488.00 of 100000.
    place({ quantity: '600' });
    expect(domain.orders.place(account(), { symbolName: 'SBIN', transactionType: 'SELL', orderType: 'L', quantity: '600', orderValidity: 'DAY', productType: 'MIS', price: '812.40' })).toMatchObject({
      ok: true,
      value: { status: 'REJECTED' },
    });
    const done = domain.portfolioActions.squareOff(account(), { symbolName: 'SBIN', productType: 'MIS', netQuantity: '600', transactionType: 'BUY' });
    expect(done).toMatchObject({ ok: true, value: { order: { status: 'COMPLETE' } } });
  });
});
