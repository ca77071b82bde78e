import { createRoute } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import {
  StateAppsQuery,
  StateAppsResponse,
  StateGrantsQuery,
  StateGrantsResponse,
  StateOrdersQuery,
  StateOrdersResponse,
  StateParams,
  StatePositionsQuery,
  StatePositionsResponse,
  StateSessionsQuery,
  StateSessionsResponse,
  StateStaticIpsQuery,
  StateStaticIpsResponse,
} from '../schemas/sandbox-state.js';
import { failures, okJson } from '../responses.js';

const tags = ['Sandbox'];
/** Loopback callers need nothing; others need the configured token (x-sandbox-token). */
const security: Array<Record<string, string[]>> = [{}, { sandboxToken: [] }];

/** One read-only view of an account's state: GET /__sandbox/accounts/{uid}/<view>, paged with limit and offset. */
function view<Q extends z.ZodObject, R extends z.ZodType>(operationId: string, path: string, query: Q, response: R, summary: string, description: string) {
  return createRoute({
    operationId,
    method: 'get',
    path: `/__sandbox/accounts/{uid}/${path}`,
    tags,
    security,
    summary,
    description: `${description} Read-only; paged with limit (default 100) and offset; an unknown uid is 400 "Invalid user id.".`,
    request: { params: StateParams, query },
    responses: { ...okJson(response, summary), ...failures('VALIDATION', 'UNKNOWN_USER', 'CONTROL_FORBIDDEN') },
  });
}

export const sandboxStateApps = view('sandboxStateApps', 'apps', StateAppsQuery, StateAppsResponse, "An account's apps", 'Every app, oldest first, without its API key or secret.');
export const sandboxStateStaticIps = view(
  'sandboxStateStaticIps',
  'static-ips',
  StateStaticIpsQuery,
  StateStaticIpsResponse,
  "An account's static IPs",
  'The registered IPs of each app (and the legacy, app-less ones), with when the next IP change is allowed.',
);
export const sandboxStateSessions = view(
  'sandboxStateSessions',
  'sessions',
  StateSessionsQuery,
  StateSessionsResponse,
  "An account's sessions",
  'Sessions of its apps, newest first, by token id (never the token): active, expired or revoked, with why. Legacy (app-less) sessions are not listed.',
);
export const sandboxStateGrants = view(
  'sandboxStateGrants',
  'grants',
  StateGrantsQuery,
  StateGrantsResponse,
  "An account's OAuth grants",
  'OAuth sessions (session_id), newest first: when the code was used, when it ends, whether it was revoked. No code or token.',
);
export const sandboxStateOrders = view('sandboxStateOrders', 'orders', StateOrdersQuery, StateOrdersResponse, "An account's orders", 'Samco orders, newest first, with their fills.');
export const sandboxStatePositions = view(
  'sandboxStatePositions',
  'positions',
  StatePositionsQuery,
  StatePositionsResponse,
  "An account's positions",
  'Positions netted per instrument and product (positionType NET by default, or DAY).',
);
