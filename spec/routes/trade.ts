import { createRoute } from '@hono/zod-openapi';
import { LimitsResponse } from '../schemas/limits.js';
import { SESSION_ERRORS, failures, okJson } from '../responses.js';

export const getLimits = createRoute({
  operationId: 'getLimits',
  method: 'get',
  path: '/limit/getLimits',
  tags: ['Trade API'],
  summary: 'User limits',
  description: 'Equity and commodity limits of the session\'s account. Not an order call: the static IP is not checked.',
  security: [{ sessionToken: [] }],
  responses: { ...okJson(LimitsResponse, 'Limits'), ...failures(...SESSION_ERRORS) },
});
