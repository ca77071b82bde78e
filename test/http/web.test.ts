import { describe, expect, it } from 'vitest';
import { ASSETS, YOUR_IP_HINT } from '../../mock/web/pages.js';
import { harness } from './harness.js';

const PAGES = [
  '/app',
  '/app/login',
  '/app/api-keys',
  '/app/static-ips',
  '/app/oauth/authorize?api_key=k&redirect_url=https://example.com/cb',
  '/app/callback?code=abc&state=xyz',
  '/__sandbox/inbox',
  '/__sandbox/journal',
];

describe('web pages', () => {
  it('every page is HTML with a strict CSP, no framing, its own script and stylesheet, and the "Your IP" chip', async () => {
    const sandbox = harness();
    for (const path of PAGES) {
      const res = await sandbox.app.request(path, {}, { srcIp: '49.36.10.5' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const body = await res.text();
      // No inline script or style, and nothing loaded from elsewhere: every src and href is a path of this origin.
      expect(body).not.toMatch(/<script>|<script [^>]*>[^<]|<style|style="/);
      expect(body).not.toMatch(/(src|href)="(?!\/)/);
      expect(body).toContain('<link rel="stylesheet" href="/app/assets/web.css">');
      expect(body).toContain(`title="${YOUR_IP_HINT}"`);
      expect(body).toContain('<code id="your-ip">49.36.10.5</code>');
    }
  });

  it('serves every asset with its type; nothing else under /app/assets', async () => {
    const sandbox = harness();
    for (const file of ASSETS) {
      const res = await sandbox.app.request(`/app/assets/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    expect((await sandbox.app.request('/app/assets/..%2Fpages.ts')).status).toBe(404);
    expect((await sandbox.app.request('/app/assets/other.js')).status).toBe(404);
  });

  it('the callback page escapes what the query carries', async () => {
    const sandbox = harness();
    const res = await sandbox.app.request(`/app/callback?code=${encodeURIComponent('<img src=x onerror=alert(1)>')}&state=${encodeURIComponent('"><script>alert(1)</script>')}`);
    const body = await res.text();
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('<script>alert');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).toContain('Authorization code received');
    const failed = await (await sandbox.app.request('/app/callback?error=access_denied&errorMessage=User%20cancelled%20the%20login')).text();
    expect(failed).toContain('Authorization failed');
    expect(failed).toContain('User cancelled the login');
  });

  it('the inbox and the journal page follow the control API rule: not for remote callers', async () => {
    const sandbox = harness();
    const remote = { incoming: { socket: { remoteAddress: '49.36.10.5' } } } as never;
    expect((await sandbox.app.request('/__sandbox/inbox', {}, remote)).status).toBe(403);
    expect((await sandbox.app.request('/__sandbox/journal', {}, remote)).status).toBe(403);
  });
});

describe('request journal', () => {
  it('keeps method, path, status, account and source IP; never the query string; not its own reads; newest first; filterable', async () => {
    const { request, account } = harness();
    const { auth } = await account();
    await request('GET', '/app/api/apps', { headers: auth, srcIp: '49.36.10.9' });
    await request('GET', '/oauth/authorize?api_key=secret-looking&redirect_url=https://example.com/cb');
    await request('GET', '/__sandbox/requests');
    const all = (await request('GET', '/__sandbox/requests?limit=1000')).body;
    expect(all.size).toBe(500);
    const paths = all.requests.map((r: { path: string }) => r.path);
    expect(paths).not.toContain('/__sandbox/requests');
    expect(JSON.stringify(all)).not.toContain('secret-looking');
    expect(JSON.stringify(all)).not.toContain(auth['x-dashboard-token']);
    expect(all.requests[0]).toMatchObject({ method: 'GET', path: '/oauth/authorize', status: 401 });
    expect(all.requests[1]).toMatchObject({ method: 'GET', path: '/app/api/apps', status: 200, uid: 'AB1234', srcIp: '49.36.10.9' });
    expect(all.requests[0].id).toBeGreaterThan(all.requests[1].id);

    const mine = (await request('GET', '/__sandbox/requests?uid=ab1234')).body.requests;
    expect(mine.every((r: { uid: string }) => r.uid === 'AB1234')).toBe(true);
    expect((await request('GET', '/__sandbox/requests?status=4xx')).body.requests.every((r: { status: number }) => r.status >= 400 && r.status < 500)).toBe(true);
    expect((await request('GET', '/__sandbox/requests?path=/oauth/&method=GET')).body.requests).toHaveLength(1);
    expect((await request('GET', '/__sandbox/requests?control=false')).body.requests.some((r: { path: string }) => r.path.startsWith('/__sandbox/'))).toBe(false);
    expect((await request('GET', '/__sandbox/requests?status=9xx')).status).toBe(400);
  });

  it('keeps only the last N', async () => {
    const { request } = harness({ journalSize: 3 });
    for (let i = 0; i < 5; i++) await request('GET', '/__sandbox/info');
    const { body } = await request('GET', '/__sandbox/requests');
    expect(body.requests).toHaveLength(3);
    expect(body.size).toBe(3);
  });
});
