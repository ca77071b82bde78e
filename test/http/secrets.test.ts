import { AT_REST, type TableName } from '../../mock/domain/store.js';
import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

describe('secrets', () => {
  it('no password, OTP, key, secret or token reaches the log or the stored state', async () => {
    const h = harness();
    const who = await h.account('AB1234', 'hunter2-password');
    await h.request('POST', '/otp/generateOtp', { body: { uid: who.uid } });
    const legacyOtp = (await h.outbox(`uid=${who.uid}&kind=otp-sms`)).at(-1)!.otp;
    await h.request('POST', '/otp/secretKeyGenerator', { body: { uid: who.uid, otp: legacyOtp } });
    const secretKey = (await h.outbox(`uid=${who.uid}&kind=secret-key-email`)).at(-1)!.secretApiKey;
    const { apiKey, apiSecret, otp } = await h.createApp(who, 'Secret App');
    const session = await h.request('POST', '/session/token', { body: { apiKey, apiSecret } });
    await h.request('GET', '/limit/getLimits', { headers: { 'x-session-token': session.body.sessionToken } });
    await h.request('GET', `/__sandbox/outbox?uid=${who.uid}`);
    const atUser = { username: 'at@example.com', password: 'at-password-9', name: 'A', accounts: [] };
    await h.request('POST', '/__sandbox/autotrader/users', { body: atUser });
    const atKey = (await h.request('POST', '/autotrader/settings/api-key/view', { body: { username: atUser.username, password: atUser.password } })).body.result.apiKey;
    await h.request('GET', '/account/fetchAllTradingAccounts', { headers: { 'api-key': atKey } });

    const secrets = [who.password, who.auth['x-dashboard-token']!, legacyOtp, otp, secretKey, apiKey, apiSecret, session.body.sessionToken, atUser.password, atKey];
    expect(h.logs.length).toBeGreaterThan(5);
    const log = h.logs.join('\n');
    // Every row as a state file or a shared database would hold it: the outbox without the secrets it carried.
    const rows = [...h.domain.store.rows()];
    expect(rows.some((r) => r.table === 'outbox')).toBe(true);
    const state = JSON.stringify(rows.map(({ table, row }) => AT_REST[table as TableName]?.(row) ?? row));
    for (const secret of secrets) {
      expect(secret).toBeTruthy();
      expect(log).not.toContain(secret);
      expect(state).not.toContain(secret);
    }
  });
});
