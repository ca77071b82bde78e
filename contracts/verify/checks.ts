import { SpecValidator } from './spec-validator.js';

/**
 * The read-only contract checks: requests that change nothing on any backend (reads with a
 * session, and refusals of made-up credentials), each judged against spec/openapi.json and the
 * published texts. `tradeapi-sandbox verify` runs them against any base URL; the repo's contract
 * suite runs the same checks against the sandbox.
 */

export type Json = Record<string, any>;

export type Check = {
  id: string;
  operationId: string;
  title: string;
  /** Needs a session token (the backend's own): skipped without one. */
  session?: boolean;
  /** Leaves out what the spec requires (a validating proxy answers it itself, before the backend). */
  breaksSpec?: boolean;
  method: string;
  path: string;
  body?: Json;
  headers?: Record<string, string>;
  status: number;
  /** Published texts and codes the answer must carry, beyond its schema. */
  expect?: (body: Json) => string[];
};

export type CheckResult = {
  check: Check;
  outcome: 'passed' | 'failed' | 'skipped';
  status?: number;
  problems: string[];
  /** A curl line that reproduces the request (the session token as an environment variable, never its value). */
  curl: string;
  ms: number;
};

const field = (name: string, expected: unknown) => (body: Json) => (body[name] === expected ? [] : [`${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(body[name])}`]);
const all =
  (...fns: Array<(body: Json) => string[]>) =>
  (body: Json) =>
    fns.flatMap((f) => f(body));

const SESSION_MANDATORY = "Unauthorized - Session token is mandatory. Please provide session token in 'x-session-token' header";

export const CHECKS: Check[] = [
  {
    id: 'limits',
    operationId: 'getLimits',
    title: "limits of the session's account",
    session: true,
    method: 'GET',
    path: '/limit/getLimits',
    status: 200,
    expect: field('statusMessage', 'User Limit details retrieved successfully'),
  },
  { id: 'whoami', operationId: 'whoAmI', title: 'the IP the server sees', session: true, method: 'GET', path: '/ip/whoami', status: 200, expect: field('status', 'Success') },
  { id: 'order-book', operationId: 'orderBook', title: 'order book', session: true, method: 'GET', path: '/order/orderBook', status: 200, expect: field('status', 'Success') },
  { id: 'trade-book', operationId: 'tradeBook', title: 'trade book', session: true, method: 'GET', path: '/trade/tradeBook', status: 200, expect: field('status', 'Success') },
  {
    id: 'positions-day',
    operationId: 'getPositions',
    title: 'DAY positions',
    session: true,
    method: 'GET',
    path: '/position/getPositions?positionType=DAY',
    status: 200,
    expect: field('statusMessage', 'Request successful'),
  },
  {
    id: 'positions-net',
    operationId: 'getPositions',
    title: 'NET positions',
    session: true,
    method: 'GET',
    path: '/position/getPositions?positionType=NET',
    status: 200,
    expect: field('statusMessage', 'Request successful'),
  },
  { id: 'holdings', operationId: 'getHoldings', title: 'holdings', session: true, method: 'GET', path: '/holding/getHoldings', status: 200, expect: field('statusMessage', 'Request successful') },
  {
    id: 'order-status-unknown',
    operationId: 'getOrderStatus',
    title: 'an order number that does not exist',
    session: true,
    method: 'GET',
    path: '/order/getOrderStatus?orderNumber=000000000000000',
    status: 400,
    expect: field('statusMessage', 'Invalid Order number.'),
  },
  {
    id: 'no-session',
    operationId: 'getLimits',
    title: 'no x-session-token',
    breaksSpec: true,
    method: 'GET',
    path: '/limit/getLimits',
    status: 401,
    expect: field('statusMessage', SESSION_MANDATORY),
  },
  {
    id: 'not-a-session',
    operationId: 'getLimits',
    title: 'a value that is not a session token',
    method: 'GET',
    path: '/limit/getLimits',
    headers: { 'x-session-token': 'not-a-session-token' },
    status: 401,
    expect: field('statusMessage', 'Unauthorized - Invalid token. sessId missing.'),
  },
  {
    id: 'session-no-credentials',
    operationId: 'sessionToken',
    title: 'session token without credentials',
    method: 'POST',
    path: '/session/token',
    body: {},
    status: 400,
    expect: field('statusMessage', 'apiKey and apiSecret are required'),
  },
  {
    id: 'session-unknown-key',
    operationId: 'sessionToken',
    title: 'session token with a made-up API key',
    method: 'POST',
    path: '/session/token',
    body: { apiKey: '0'.repeat(64), apiSecret: '0'.repeat(96) },
    status: 401,
    expect: all(field('statusMessage', 'Invalid API key'), field('errorCode', 'EOAUTH001')),
  },
  {
    id: 'oauth-authorize-unknown-key',
    operationId: 'oauthAuthorize',
    title: 'OAuth authorize with a made-up api_key',
    method: 'GET',
    path: `/oauth/authorize?api_key=${'0'.repeat(64)}&redirect_url=https%3A%2F%2Fexample.com%2Fcb`,
    status: 401,
    expect: field('errorCode', 'EOAUTH001'),
  },
  {
    id: 'oauth-token-no-code',
    operationId: 'oauthToken',
    title: 'token exchange without a code',
    method: 'POST',
    path: '/oauth/token',
    body: { grant_type: 'authorization_code' },
    status: 400,
    expect: all(field('status', 'Failure'), field('errorCode', 'EOAUTH010')),
  },
  {
    id: 'oauth-token-unknown-code',
    operationId: 'oauthToken',
    title: 'token exchange with a made-up code',
    method: 'POST',
    path: '/oauth/token',
    body: { grant_type: 'authorization_code', code: 'made-up-code' },
    status: 400,
    expect: all(field('status', 'Failure'), field('errorCode', 'EOAUTH011')),
  },
  {
    id: 'oauth-refresh-unknown',
    operationId: 'oauthToken',
    title: 'refresh with a made-up refresh token',
    method: 'POST',
    path: '/oauth/token',
    body: { grant_type: 'refresh_token', refresh_token: 'made-up' },
    status: 401,
    expect: field('errorCode', 'EOAUTH016'),
  },
  {
    id: 'oauth-revoke-unknown',
    operationId: 'oauthRevoke',
    title: 'revoke of an unknown token (idempotent)',
    method: 'POST',
    path: '/oauth/revoke',
    body: { token: 'made-up-token', token_type: 'access_token' },
    status: 200,
    expect: field('message', 'Token revoked successfully'),
  },
  // Baskets and trade analytics (issue 18b): reads, and refusals of a basket that does not exist.
  {
    id: 'baskets',
    operationId: 'listBasket',
    title: "the account's baskets",
    session: true,
    method: 'GET',
    path: '/basket/listBasket?listType=ALL',
    status: 200,
    expect: field('statusMessage', 'List of Baskets fetched successfully'),
  },
  {
    id: 'basket-list-type',
    operationId: 'listBasket',
    title: 'baskets with a listType Samco does not list',
    session: true,
    method: 'GET',
    path: '/basket/listBasket?listType=SOME',
    status: 400,
    expect: (body) =>
      JSON.stringify(body.validationErrors) === JSON.stringify([' Please enter a valid listType - ALL / EXECUTED / NOT EXECUTED '])
        ? []
        : [`validationErrors: got ${JSON.stringify(body.validationErrors)}`],
  },
  {
    id: 'basket-orders-unknown',
    operationId: 'listBasketOrder',
    title: 'the orders of a basket that does not exist',
    session: true,
    method: 'GET',
    path: '/basket/listBasketOrder?basketId=999999999',
    status: 400,
    expect: field('statusMessage', 'No such Basket found'),
  },
  {
    id: 'analytics-summary',
    operationId: 'analyticsSummary',
    title: 'trade analytics summary',
    session: true,
    method: 'POST',
    path: '/tradeview/analyticsSummary',
    body: { duration: 'ALL' },
    status: 200,
    expect: field('statusMessage', 'Analytics summary retrieved successfully.'),
  },
];

const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

function curlOf(base: string, check: Check, sessionHeader: boolean): string {
  const parts = ['curl -s', `-X ${check.method}`, shellQuote(`${base}${check.path}`)];
  if (check.body) parts.push("-H 'content-type: application/json'", `-d ${shellQuote(JSON.stringify(check.body))}`);
  for (const [name, value] of Object.entries(check.headers ?? {})) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (sessionHeader) parts.push('-H "x-session-token: $SAMCO_SESSION_TOKEN"');
  return parts.join(' ');
}

export type VerifyOptions = { target: string; sessionToken?: string; only?: string[]; timeoutMs?: number };

/** Runs the checks one by one against the target; never throws for a backend's answer. */
export async function runChecks(options: VerifyOptions, validator = new SpecValidator()): Promise<CheckResult[]> {
  const base = options.target.replace(/\/+$/, '');
  const results: CheckResult[] = [];
  for (const check of CHECKS) {
    if (options.only && !options.only.includes(check.id) && !options.only.includes(check.operationId)) continue;
    const useSession = Boolean(check.session);
    const curl = curlOf(base, check, useSession);
    if (useSession && !options.sessionToken) {
      results.push({ check, outcome: 'skipped', problems: ['needs a session token: --session-token, SAMCO_SESSION_TOKEN, or --api-key and --api-secret'], curl, ms: 0 });
      continue;
    }
    const started = performance.now();
    const headers: Record<string, string> = { accept: 'application/json', ...check.headers };
    if (check.body) headers['content-type'] = 'application/json';
    if (useSession) headers['x-session-token'] = options.sessionToken!;
    const problems: string[] = [];
    let status: number | undefined;
    try {
      const res = await fetch(`${base}${check.path}`, {
        method: check.method,
        headers,
        body: check.body ? JSON.stringify(check.body) : undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      status = res.status;
      const text = await res.text();
      let body: Json | undefined;
      try {
        body = JSON.parse(text) as Json;
      } catch {
        problems.push(`the body is not JSON: ${text.slice(0, 120)}`);
      }
      if (status !== check.status) problems.push(`HTTP ${status}, expected ${check.status}`);
      if (body) {
        problems.push(...validator.check(check.operationId, status, body));
        if (status === check.status && check.expect) problems.push(...check.expect(body));
      }
    } catch (error) {
      problems.push(`no answer: ${(error as Error).message}`);
    }
    results.push({ check, outcome: problems.length ? 'failed' : 'passed', status, problems, curl, ms: performance.now() - started });
  }
  return results;
}

/** One line per check, the problems and a curl line under each failure, and the closing count. */
export function textReport(target: string, results: CheckResult[]): string {
  const lines = [`verify ${target}: ${results.length} checks against spec/openapi.json`];
  for (const r of results) {
    const mark = r.outcome === 'passed' ? 'PASS' : r.outcome === 'failed' ? 'FAIL' : 'SKIP';
    lines.push(`${mark} ${r.check.operationId.padEnd(16)} ${r.check.method.padEnd(6)} ${r.check.path.split('?')[0]!.padEnd(26)} ${r.check.title}${r.status ? ` (HTTP ${r.status})` : ''}`);
    if (r.outcome !== 'passed') for (const p of r.problems) lines.push(`     - ${p}`);
    if (r.outcome === 'failed') lines.push(`     reproduce: ${r.curl}`);
  }
  const count = (o: CheckResult['outcome']) => results.filter((r) => r.outcome === o).length;
  lines.push(`${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return lines.join('\n');
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** JUnit XML for CI: one testsuite per operation, one testcase per check. */
export function junitReport(target: string, results: CheckResult[]): string {
  const byOperation = new Map<string, CheckResult[]>();
  for (const r of results) byOperation.set(r.check.operationId, [...(byOperation.get(r.check.operationId) ?? []), r]);
  const suites = [...byOperation.entries()].map(([operationId, rs]) => {
    const cases = rs.map((r) => {
      const name = `${r.check.id}: ${r.check.title}`;
      const time = (r.ms / 1000).toFixed(3);
      if (r.outcome === 'skipped') return `    <testcase classname="${xml(operationId)}" name="${xml(name)}" time="${time}"><skipped message="${xml(r.problems.join('; '))}"/></testcase>`;
      if (r.outcome === 'failed')
        return `    <testcase classname="${xml(operationId)}" name="${xml(name)}" time="${time}"><failure message="${xml(r.problems[0] ?? 'failed')}">${xml([...r.problems, `reproduce: ${r.curl}`].join('\n'))}</failure></testcase>`;
      return `    <testcase classname="${xml(operationId)}" name="${xml(name)}" time="${time}"/>`;
    });
    const failures = rs.filter((r) => r.outcome === 'failed').length;
    const skipped = rs.filter((r) => r.outcome === 'skipped').length;
    return `  <testsuite name="${xml(operationId)}" tests="${rs.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`tradeapi-sandbox verify ${target}`)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
