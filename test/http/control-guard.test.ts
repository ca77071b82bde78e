import { describe, expect, it } from 'vitest';
import { harness } from './harness.js';

/** A request as @hono/node-server hands it over: the socket's peer and Node's header object. */
const via = (remoteAddress: string, headers: Record<string, string> = {}) => ({ incoming: { socket: { remoteAddress }, headers } }) as never;

describe('control API behind a local proxy (issue 13, item 1)', () => {
  const TOKEN = 'ct-0123456789';

  it('a loopback socket carrying a forwarded non-loopback caller is not local: the token is needed', async () => {
    const h = harness({ trustProxy: true, controlToken: TOKEN });
    const cases: Array<Record<string, string>> = [{ 'x-forwarded-for': '203.0.113.9' }, { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' }, { forwarded: 'for=203.0.113.9;proto=https' }];
    for (const forwarded of cases) {
      const res = await h.app.request('/__sandbox/info', {}, via('127.0.0.1', forwarded));
      expect(res.status, JSON.stringify(forwarded)).toBe(403);
      expect(await res.json()).toMatchObject({ status: 'Failure', statusMessage: expect.stringContaining('loopback') });
      expect((await h.app.request('/__sandbox/info', {}, via('127.0.0.1', { ...forwarded, 'x-sandbox-token': TOKEN }))).status).toBe(200);
    }
    expect((await h.app.request('/__sandbox/info', {}, via('::1', { 'x-forwarded-for': '127.0.0.1, ::1' }))).status).toBe(200);
    expect((await h.app.request('/__sandbox/info', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(403);
  });

  it('without a token configured, a forwarded remote caller is refused too', async () => {
    const h = harness({ trustProxy: true });
    expect((await h.app.request('/__sandbox/info', {}, via('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }))).status).toBe(403);
    expect((await h.app.request('/__sandbox/info', {}, via('127.0.0.1'))).status).toBe(200);
  });

  it('a wrong token is refused from anywhere, loopback included', async () => {
    const h = harness({ controlToken: TOKEN });
    expect((await h.app.request('/__sandbox/info', {}, via('127.0.0.1', { 'x-sandbox-token': 'wrong' }))).status).toBe(403);
    expect((await h.app.request('/__sandbox/info', { headers: { 'x-sandbox-token': `${TOKEN}x` } })).status).toBe(403);
    expect((await h.app.request('/__sandbox/info', {}, via('127.0.0.1', { 'x-sandbox-token': TOKEN }))).status).toBe(200);
    expect((await h.app.request('/__sandbox/info', {}, via('127.0.0.1'))).status).toBe(200);
  });
});
