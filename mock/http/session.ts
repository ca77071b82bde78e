import { session, trade } from '../../spec/routes/index.js';
import { TRADING_LISTS } from '../domain/sessions.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { sourceIp } from './source-ip.js';

export function sessionRoutes(app: SandboxApp, { domain, reply }: HttpDeps) {
  app.openapi(session.sessionToken, (c) => {
    const { apiKey, apiSecret } = c.req.valid('json');
    const result = domain.sessions.fromApiKey(apiKey, apiSecret, sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, session: s, account } = result.value;
    return c.json(
      reply.success('Session token generated successfully', {
        sessionToken,
        tokenId: s.tokenId,
        accountID: account.uid,
        accountName: account.name,
        ...TRADING_LISTS,
        srcIp: s.srcIp,
        primaryIp: null,
        secondaryIp: null,
      }),
      200,
    );
  });

  for (const route of [session.logout, session.logoutPost]) {
    app.openapi(route, (c) => {
      const result = domain.sessions.logout(c.req.header('x-session-token'));
      if (!result.ok) return reply.fail(c, result.error);
      return c.json(reply.success('Logged out successfully', {}), 200);
    });
  }

  app.openapi(trade.getLimits, (c) => {
    const auth = domain.sessions.authenticate(c.req.header('x-session-token'));
    if (!auth.ok) return reply.fail(c, auth.error);
    return c.json(reply.success('Request successful', auth.value.account.limits), 200);
  });
}
