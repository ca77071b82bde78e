import type { Context, MiddlewareHandler, Next } from 'hono';
import type { SandboxDomain } from '../domain/domain.js';
import type { DomainError } from '../domain/result.js';
import { authenticationRefusal } from './auth-first.js';
import { dropBlankFields } from './blank-fields.js';
import { readBody, TOO_LARGE } from './body-limit.js';
import type { SandboxEnv } from './deps.js';
import { jsonBodyRefusal } from './json-body.js';
import type { Reply } from './reply.js';
import { responseChecker } from './response-check.js';
import type { RouteTable } from './route-table.js';
import { isSandboxDesignedPath } from './surface.js';

export type IntakeOptions = { maxBodyBytes: number; maxFixtureBytes: number; checkResponses: boolean; log: (line: string) => void };

const FIXTURES_PATH = '/__sandbox/fixtures';

/**
 * What every request goes through before its operation's validators, in this order, as one step
 * (one middleware instead of five: each layer of hono's chain costs a promise per request):
 * 1. the body is read once, and refused (413) over the size limit;
 * 2. Samco's and AutoTrader's operations take "" as absent (the sandbox's own JSON APIs, the
 *    dashboard's and the control API, keep their strict reading);
 * 3. every JSON answer of a spec operation is checked against its schema (when switched on);
 * 4. authentication, before anything looks at the input: a caller without credentials never
 *    hears about its input;
 * 5. JSON bodies sent without a JSON content type are refused, naming the header.
 */
export function intake(routes: RouteTable, domain: SandboxDomain, reply: Reply, options: IntakeOptions): MiddlewareHandler<SandboxEnv> {
  const check = options.checkResponses ? responseChecker(reply, options.log) : null;
  // A refusal is returned as it is, not in a promise: hono's chain awaits whatever a step returns.
  const refuse = (c: Context<SandboxEnv>, error: DomainError) => reply.fail(c, error) as unknown as Promise<void>;

  const afterBody = (c: Context<SandboxEnv>, next: Next, read: string | undefined | typeof TOO_LARGE): Promise<void> => {
    if (read === TOO_LARGE) return refuse(c, { code: 'PAYLOAD_TOO_LARGE' });
    const path = c.req.path;
    const text = read !== undefined && !isSandboxDesignedPath(path) ? dropBlankFields(c, read) : read;
    const route = routes.find(c.req.method, path);
    if (check && route) check(c, route);
    const refusal = authenticationRefusal(route, domain, c) ?? jsonBodyRefusal(route, c, text);
    return refusal ? refuse(c, refusal) : next();
  };

  return (c, next) => {
    const read = readBody(c, c.req.path === FIXTURES_PATH ? options.maxFixtureBytes : options.maxBodyBytes);
    return read instanceof Promise ? read.then((body) => afterBody(c, next, body)) : afterBody(c, next, read);
  };
}
