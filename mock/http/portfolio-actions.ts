import { portfolio } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { ERRORS } from '../../spec/errors.js';
import { orderAuth } from './order-auth.js';

/** The portfolio chapter's actions (convertPosition, squareOff), with their published envelopes. */
export function portfolioActionRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { writer } = orderAuth(deps);

  app.openapi(portfolio.convertPosition, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const converted = domain.portfolioActions.convert(auth.value.account, c.req.valid('json'));
    if (!converted.ok) return reply.fail(c, converted.error);
    const { from, to } = converted.value;
    // As published: statusMsg, not statusMessage.
    return c.json({ ...reply.head(), status: 'Success' as const, statusMsg: `Position Conversion from ${from} to ${to} successful` }, 200);
  });

  app.openapi(portfolio.squareOffPosition, (c) => {
    const auth = writer(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const body = c.req.valid('json');
    const list = body.positionSquareOffRequestList ?? body.positionSquareOffList;
    if (!list) return reply.fail(c, { code: 'VALIDATION', message: 'Invalid request: body.positionSquareOffRequestList: a list of at least one position is required.' });
    const results = list.map((entry) => {
      const done = domain.portfolioActions.squareOff(auth.value.account, entry);
      if (!done.ok) return { ...reply.head(), status: 'Failure' as const, statusMessage: done.error.message ?? ERRORS[done.error.code].message };
      const { order } = done.value;
      if (order.status === 'REJECTED') return { ...reply.head(), status: 'Failure' as const, statusMessage: order.rejectionReason };
      return { ...reply.head(), status: 'Success' as const, statusMessage: 'Request successful' };
    });
    // As published: no top-level status.
    return c.json({ ...reply.head(), positionSquareOffResponseList: results }, 200);
  });
}
