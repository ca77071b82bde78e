import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpecValidator } from '../../contracts/verify/spec-validator.js';
import { generateFixtureSet } from '../../fixtures/generator.js';
import { appNameKey } from '../../mock/domain/rules.js';
import { createSandbox } from '../../mock/server.js';
import { failureShape } from '../../mock/http/surface.js';
import { arbitraryFor, resolve } from './schema-arbitrary.js';

/**
 * Property test over every operation of the spec: requests built from its schemas, valid and
 * deliberately broken, against one long-lived in-process sandbox (response checking on, so a
 * body that drifts from the spec would be a 500). After each: no 5xx, a spec-valid envelope, and
 * the domain's invariants hold.
 */
const RUNS = 10_500;
/** About 14 s alone, 30 s on a loaded 2-core machine: the budget leaves a wide margin over both. */
const BUDGET_MS = 180_000;
const validator = new SpecValidator();
const doc = validator.doc as unknown as Record<string, any>;
type Operation = { id: string; method: string; path: string; op: Record<string, any> };
const operations: Operation[] = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ id: op.operationId, method: method.toUpperCase(), path, op })),
);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
/** Not generated: fault rules exist to give 5xx and no answer at all, and the journal's event stream never ends by design (both have their own tests). */
const NOT_FUZZED = new Set(['sandboxAddFaults', 'sandboxJournalStream']);

/** The spec component of a failure on a path no operation matches (404/405). */
const FAILURE_COMPONENT = { autotrader: 'AtFailure', oauth: 'OAuthFailure', bare: 'BareFailure', validation: 'ValidationFailure', samco: 'FailureEnvelope' } as const;

type Request = { method: string; path: string; headers: Record<string, string>; body?: string; operation: Operation | null; variant: string };

async function world() {
  const fixtures = generateFixtureSet({ seed: 5, accounts: 4, autotraderUsers: 2 });
  const { app, domain } = createSandbox({ seed: 'fuzz', fixtures });
  const uids = new Set(fixtures.accounts.map((a) => a.uid));
  const activeApps = fixtures.accounts.flatMap((a) => (a.apps ?? []).filter((x) => x.status === 'Active'));
  const dashboardTokens = fixtures.accounts.slice(0, 2).map((a) => {
    const login = domain.accounts.dashboardLogin(a.uid, a.password);
    if (!login.ok) throw new Error('fixture login failed');
    return login.value.token;
  });
  const sessionTokens = await Promise.all(
    activeApps.slice(0, 2).map(async (x) => {
      const s = await domain.sessions.fromApiKey(x.apiKey, x.apiSecret, '127.0.0.1');
      if (!s.ok) throw new Error('fixture session failed');
      return s.value.sessionToken;
    }),
  );
  const pools: Record<string, string[]> = {
    dashboardToken: [...dashboardTokens, 'not-a-token'],
    sessionToken: [...sessionTokens, 'eyJ.bogus.token'],
    atApiKey: [...(fixtures.autotraderUsers ?? []).map((u) => u.apiKey!), '00000000-0000-4000-8000-000000000000'],
    appId: fixtures.accounts.flatMap((a) => (a.apps ?? []).map((x) => x.appId!)),
    uid: [...uids],
    pseudoAccount: (fixtures.autotraderUsers ?? []).flatMap((u) => u.accounts.map((a) => a.pseudoAccount)),
  };
  // OAuth apps: a fixture app's key, secret and redirect URL, so that generated OAuth requests get past the first checks.
  clients.push(...activeApps.slice(0, 2).map((x) => ({ api_key: x.apiKey!, api_secret: x.apiSecret!, redirect_url: x.redirectUrl })));
  return { app, domain, uids, pools };
}

function requestArb(pools: Record<string, string[]>): fc.Arbitrary<Request> {
  const pick = (name: string) => fc.constantFrom(...pools[name]!);
  const operation = fc.constantFrom(...operations.filter((o) => !NOT_FUZZED.has(o.id)));
  const valid = operation.chain((o) => {
    const params: Array<Record<string, any>> = o.op.parameters ?? [];
    const pathParams: fc.Arbitrary<Record<string, unknown>> = fc.record(
      Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, fc.oneof(p.name === 'appId' ? pick('appId') : fc.uuid({ version: 4 }), arbitraryFor(p.schema, doc))])),
    );
    const query: fc.Arbitrary<Record<string, unknown>> = fc.record(
      Object.fromEntries(
        params
          .filter((p) => p.in === 'query')
          .map((p) => [
            p.name,
            p.name === 'pseudoAccount'
              ? fc.oneof(pick('pseudoAccount'), arbitraryFor(p.schema, doc))
              : clients[0]?.[p.name]
                ? fc.oneof(fc.constant(clients[0][p.name]), arbitraryFor(p.schema, doc))
                : arbitraryFor(p.schema, doc),
          ]),
      ),
      {
        requiredKeys: params.filter((p) => p.in === 'query' && p.required).map((p) => p.name) as never[],
      },
    );
    const content = o.op.requestBody?.content ?? {};
    const media = Object.keys(content)[0];
    const body = media ? arbitraryFor(content[media].schema, doc).map((b) => withPools(b as Record<string, unknown>, pools)) : fc.constant(undefined);
    const security: Array<Record<string, unknown>> = o.op.security ?? [];
    const schemes = security.flatMap((s) => Object.keys(s));
    const headers = fc.record(Object.fromEntries(schemes.map((s) => [headerOf(s), pools[s] ? pick(s) : fc.string()])), { requiredKeys: [] });
    return fc.tuple(pathParams, query, body, headers, fc.constantFrom(media ?? '')).map(([pp, q, b, h, m]) => {
      const path = o.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(pp[name])));
      const qs = new URLSearchParams(
        Object.entries(q)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, String(v)]),
      ).toString();
      const encoded = b === undefined ? undefined : m.includes('form') ? formOf(b as Record<string, unknown>) : JSON.stringify(b);
      return {
        method: o.method,
        path: qs ? `${path}?${qs}` : path,
        headers: { ...(h as Record<string, string>), ...(m ? { 'content-type': m } : {}) },
        body: encoded,
        operation: o,
        variant: 'valid',
      } satisfies Request;
    });
  });
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 5, arbitrary: fc.tuple(valid, breakage()).map(([req, breakIt]) => breakIt(req)) });
}

/** Ways to break a request: each keeps the rest of it. */
function breakage(): fc.Arbitrary<(r: Request) => Request> {
  const onBody = (f: (body: Record<string, unknown>) => unknown, variant: string) => (r: Request) => {
    if (!r.body || !r.headers['content-type']?.includes('json')) return { ...r, variant: `${variant} (no json body)` };
    return { ...r, body: JSON.stringify(f(JSON.parse(r.body))), variant };
  };
  return fc.oneof(
    fc.constant(onBody((b) => dropOne(b), 'missing field')),
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })).map(([k, v]) => onBody((b) => ({ ...b, [`x${k}`]: v }), 'extra field')),
    fc.jsonValue({ maxDepth: 2 }).map((v) => onBody((b) => replaceOne(b, v), 'wrong type')),
    fc.string({ unit: 'binary', maxLength: 300 }).map((s) => onBody((b) => replaceOne(b, s), 'unicode')),
    fc.constant(onBody((b) => replaceOne(b, 'x'.repeat(70_000)), 'huge string')),
    fc
      .constantFrom('{', '{"a":', 'null', '[1,2', '"str"', '\u0000', '{"uid":"AB1234"}}')
      .map((text) => (r: Request) => ({ ...r, body: text, headers: { ...r.headers, 'content-type': 'application/json' }, variant: 'bad json' })),
    fc
      .constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json')
      .map((type) => (r: Request) => ({ ...r, headers: { ...r.headers, 'content-type': type }, body: r.body ?? 'a=1', variant: 'content type' })),
    fc.constantFrom(...METHODS).map((method) => (r: Request) => ({ ...r, method, variant: 'method' })),
    fc.webPath().map((p) => (r: Request) => ({ ...r, path: `/${p.replace(/^\/+/, '')}x`, operation: null, variant: 'unknown path' })),
  );
}

function dropOne(b: Record<string, unknown>) {
  const keys = Object.keys(b ?? {});
  if (!keys.length || typeof b !== 'object') return b;
  const { [keys[0]!]: _, ...rest } = b;
  return rest;
}
function replaceOne(b: Record<string, unknown>, v: unknown) {
  const keys = Object.keys(b ?? {});
  if (!keys.length || typeof b !== 'object') return v;
  return { ...b, [keys[keys.length - 1]!]: v };
}
const clients: Array<Record<string, string>> = [];

function withPools(body: Record<string, unknown>, pools: Record<string, string[]>) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out = { ...body };
  if ('api_key' in out && Math.random() < 0.5) for (const [key, value] of Object.entries(clients[0]!)) if (key in out) out[key] = value;
  for (const key of ['uid', 'userId', 'clientId']) if (key in out && Math.random() < 0.5) out[key] = pools.uid![0];
  if ('appId' in out && Math.random() < 0.5) out.appId = pools.appId![0];
  if ('pseudoAccount' in out && Math.random() < 0.5) out.pseudoAccount = pools.pseudoAccount![0];
  return out;
}
function formOf(b: Record<string, unknown>) {
  return new URLSearchParams(Object.entries(b ?? {}).map(([k, v]) => [k, String(v)])).toString();
}
function headerOf(scheme: string) {
  return (resolve(`#/components/securitySchemes/${scheme}`, doc) as { name: string }).name;
}

describe('fuzzing every operation', () => {
  it(`${RUNS} generated requests: no 5xx, spec-valid envelopes, invariants kept`, { timeout: BUDGET_MS }, async () => {
    const { app, domain, uids, pools } = await world();
    const seen: Record<string, number> = {};
    const variants: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(requestArb(pools), async (req) => {
        const res = await app.request(req.path, { method: req.method, headers: req.headers, body: req.method === 'GET' ? undefined : req.body });
        seen[`${res.status}`] = (seen[`${res.status}`] ?? 0) + 1;
        variants[req.variant] = (variants[req.variant] ?? 0) + 1;
        const text = await res.text();
        expect(res.status, `${req.variant} ${req.method} ${req.path}: ${text.slice(0, 300)}`).toBeLessThan(500);
        if (!res.headers.get('content-type')?.includes('application/json')) return;
        const body = JSON.parse(text);
        const path = req.path.split('?')[0]!;
        const matched = operations.find((o) => o.method === req.method && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
        const problems = matched ? validator.check(matched.id, res.status, body) : validator.checkComponent(FAILURE_COMPONENT[failureShape(path)], body);
        expect(problems, `${req.variant} ${req.method} ${req.path}`).toEqual([]);
        if (matched?.id === 'sandboxCreateAccount' && res.status === 200) uids.add(body.uid);
        checkInvariants(domain, uids);
      }),
      { numRuns: RUNS, seed: 20261122 },
    );
    expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
    expect(seen['200']).toBeGreaterThan(300);
    if (process.env.FUZZ_REPORT) console.log(JSON.stringify({ statuses: seen, variants }));
  });
});

function checkInvariants(domain: ReturnType<typeof createSandbox>['domain'], uids: Set<string>) {
  const holders = new Map<string, string>();
  for (const uid of uids) {
    const apps = domain.store.appsOf(uid);
    expect(apps.length).toBeLessThanOrEqual(5);
    expect(new Set(apps.map((a) => appNameKey(a.name))).size).toBe(apps.length);
    for (const a of apps) {
      if (a.status === 'Deactivated') {
        expect(domain.store.sessionsOfApp(a.id).every((s) => s.revokedReason !== null)).toBe(true);
        expect(domain.store.grantsOfApp(a.id).every((g) => g.revokedAt !== null)).toBe(true);
        expect(domain.store.getIps(uid, a.id)).toBeUndefined();
      }
      const ips = domain.store.getIps(uid, a.id);
      for (const ip of [ips?.primaryIp, ips?.secondaryIp]) {
        if (!ip) continue;
        expect(holders.get(ip) ?? uid).toBe(uid);
        holders.set(ip, uid);
      }
    }
  }
}
