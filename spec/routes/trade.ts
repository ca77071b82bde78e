import { createRoute } from '@hono/zod-openapi';
import { LimitsResponse } from '../schemas/limits.js';
import { SESSION_ERRORS, failures, okJson } from '../responses.js';
import { WhoAmIResponse } from '../schemas/static-ips.js';

export const getLimits = createRoute({
  operationId: 'getLimits',
  method: 'get',
  path: '/limit/getLimits',
  tags: ['Trade API'],
  summary: 'User limits',
  description:
    'Equity and commodity limits of the session\'s account ("User Limit details retrieved successfully"), computed from its opening balances and the day\'s trading on the simulated market: open orders block their margin, positions use theirs, realised P&L comes back. collateralMarginAgainstShares is in the published table but not in its sample: the sandbox sends it. Not an order call: the static IP is not checked.',
  security: [{ sessionToken: [] }],
  responses: { ...okJson(LimitsResponse, 'Limits'), ...failures(...SESSION_ERRORS) },
});

export const whoAmI = createRoute({
  operationId: 'whoAmI',
  method: 'get',
  path: '/ip/whoami',
  tags: ['Trade API'],
  summary: 'Which IP the server sees, and whether it is registered',
  description:
    'Compares the source IP with the static IPs of the session\'s app (the account\'s legacy IPs for a legacy session); "" where none is registered. Never counts as an IP change, never refused for the IP.',
  security: [{ sessionToken: [] }],
  responses: { ...okJson(WhoAmIResponse, 'Calling from registered PRIMARY IP (49.36.10.20).'), ...failures(...SESSION_ERRORS) },
});
