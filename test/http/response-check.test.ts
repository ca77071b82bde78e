import { describe, expect, it, vi } from 'vitest';
import { harness } from './harness.js';

const USER = {
  username: 'drift@example.com',
  password: 'drift-pw-1',
  name: 'Drift Test',
  accounts: [{ pseudoAccount: 'ACC_1', tradingAccount: 'ZX1234', broker: 'Zerodha', platform: 'KITE', live: true, licenseExpiryDate: '2031-01-31' }],
};

describe('a response that drifts from its contract (issue 13, item 8)', () => {
  it("on an AutoTrader path is a 500 in AutoTrader's envelope, and logged", async () => {
    const h = harness();
    await h.request('POST', '/__sandbox/autotrader/users', { body: USER });
    const apiKey = (await h.request('POST', '/autotrader/settings/api-key/view', { body: { username: USER.username, password: USER.password } })).body.result.apiKey as string;
    vi.spyOn(h.domain.autotrader, 'tradingAccounts').mockReturnValue([{ loginId: 42 }] as never);
    const res = await h.request('GET', '/account/fetchAllTradingAccounts', { headers: { 'api-key': apiKey } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ result: null, message: expect.stringMatching(/^Response failed its contract/), status: false, commandId: null });
    expect(h.logs.some((l) => l.startsWith('contract drift GET /account/fetchAllTradingAccounts'))).toBe(true);
  });

  it("on a Samco path is a 500 in Samco's Error envelope", async () => {
    const h = harness();
    vi.spyOn(h.domain, 'counts').mockReturnValue({ accounts: 'many' } as never);
    const res = await h.request('GET', '/__sandbox/info');
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ status: 'Error', statusMessage: expect.stringMatching(/^Response failed its contract/) });
  });
});
