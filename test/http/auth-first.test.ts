import type { RouteConfig } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { allRoutes } from '../../spec/routes/index.js';
import { harness } from './harness.js';

/** Samco and dashboard operations that need a token: each must refuse a caller without one before looking at the input. */
const SCHEMES: Record<string, { header: string; code: RegExp }> = {
  dashboardToken: { header: 'x-dashboard-token', code: /Sign in first/ },
  sessionToken: { header: 'x-session-token', code: /Session token is mandatory|Invalid token. sessId missing/ },
};
const guarded = (allRoutes as RouteConfig[]).flatMap((route) => {
  const scheme = Object.keys(route.security?.[0] ?? {})[0];
  return scheme && SCHEMES[scheme] ? [{ route, scheme: SCHEMES[scheme] }] : [];
});

describe('authentication before validation (issue 13, item 7)', () => {
  it('an unauthenticated POST /app/api/apps with a broken body is a 401, not a 400 naming the field', async () => {
    const h = harness();
    const res = await h.request('POST', '/app/api/apps', { body: { appName: 1 } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ status: 'Failure', statusMessage: expect.stringMatching(/Sign in first/) });
  });

  it.each(guarded.map(({ route, scheme }) => [route.operationId, route, scheme] as const))('%s: no token or a wrong one, with broken input, is a 401', async (_id, route, scheme) => {
    const h = harness();
    const path = route.path.replace(/\{[^}]+\}/g, 'not-a-uuid') + (route.request?.query ? '?orderNumber=&junk=1' : '');
    const body = route.request?.body ? { raw: '{"broken": ', contentType: 'application/json' } : {};
    for (const headers of [{}, { [scheme.header]: 'not-a-token' }]) {
      const res = await h.request(route.method.toUpperCase(), path, { ...body, headers });
      expect(res.status, `${route.operationId} ${JSON.stringify(headers)}: ${res.body.statusMessage}`).toBe(401);
      expect(res.body.statusMessage).toMatch(scheme.code);
    }
  });

  it('an authenticated caller still gets the field named', async () => {
    const h = harness();
    const who = await h.account();
    const res = await h.request('POST', '/app/api/apps', { headers: who.auth, body: { appName: 1 } });
    expect(res.status).toBe(400);
    expect(res.body.statusMessage).toMatch(/body\.appName/);
  });
});
