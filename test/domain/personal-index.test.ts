import { describe, expect, it } from 'vitest';
import { maskWords } from '../../mock/domain/mask.js';
import { personalIndex } from '../../mock/domain/personal-index.js';
import { makeDomain } from '../helpers.js';

function setup(payInToday = '0.00') {
  const domain = makeDomain();
  const limits = {
    equityLimit: { grossAvailableMargin: '100000.00', payInToday, notionalCash: '0.00', marginUsed: '0.00', netAvailableMargin: '100000.00' },
    commodityLimit: { grossAvailableMargin: '0.00', payInToday: '0.00', notionalCash: '0.00', marginUsed: '0.00', netAvailableMargin: '0.00' },
  };
  const loaded = domain.load({
    accounts: [
      {
        uid: 'PI0001',
        name: 'Mahesh Rao',
        password: 'pw',
        yob: '1990',
        mobile: '9876543210',
        email: 'pi@example.com',
        limits,
        holdings: [{ exchange: 'NSE', symbolName: 'SBIN', quantity: 10, averagePrice: 700 }],
      },
    ],
  });
  if (!loaded.ok) throw new Error(loaded.error.code);
  const account = () => domain.accounts.get('PI0001')!;
  const sbin = domain.market.find('NSE', 'SBIN')!;
  const prevClose = domain.market.state(sbin).prevClose;
  return { domain, account, prevClose, index: () => personalIndex(domain.portfolio, domain.market, account()) };
}

describe('the personal index (GET /indexData)', () => {
  it('starts the day at 100 with yesterday’s networth: opening balance + holdings at the previous close', () => {
    const { index, prevClose } = setup();
    expect(index()).toMatchObject({ networth: 100000 + 10 * prevClose, previousNetworth: 100000 + 10 * prevClose, networthChange: 0, index: 100, indexChange: 0, fundReceipt: 0 });
  });

  it('moves with the holdings’ price by the trading P&L over yesterday’s networth', () => {
    const { domain, index, prevClose } = setup();
    const up = Math.round((prevClose + 10) * 20) / 20;
    expect(domain.market.setPrice('NSE', 'SBIN', up).ok).toBe(true);
    const gain = 10 * (up - prevClose);
    const before = 100000 + 10 * prevClose;
    const pct = Math.round((gain / before) * 100 * 100) / 100;
    expect(index()).toMatchObject({ networthChange: Math.round(gain * 100) / 100, networthChangePercentage: pct, indexChangePercentage: pct, index: Math.round((100 + pct) * 100) / 100 });
  });

  it('counts a deposit in networth and fundReceipt but not in the index', () => {
    const { index } = setup('5000.00');
    expect(index()).toMatchObject({ fundReceipt: 5000, networthChange: 5000, indexChange: 0, index: 100 });
    expect(index().networthChangePercentage).toBeGreaterThan(0);
  });

  it('masks the owner as the sample does: first and last letter of each word', () => {
    expect(maskWords('Mahesh Index')).toBe('MXXXXh IXXXx');
    expect(maskWords('Al Index')).toBe('Al IXXXx');
  });
});
