import { oauth as routes } from '../../spec/routes/index.js';
import { OAUTH_RULES } from '../../spec/schemas/oauth.js';
import { loginFields } from './present.js';
import type { HttpDeps, SandboxApp } from './deps.js';

/** Samco's OAuth endpoints: thin, every rule is in the domain's OAuth. */
export function oauthRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  // Answers that carry codes or tokens must not be cached.
  app.use('/oauth/*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });

  app.openapi(routes.oauthAuthorize, (c) => {
    const result = domain.oauth.authorize(c.req.valid('query'));
    if (!result.ok) return reply.fail(c, result.error);
    const { app: client, apiKey, redirectUrl, state, scopes } = result.value;
    return c.json(
      {
        status: 'Success' as const,
        message: `Authorization request validated. Continue with POST ${OAUTH_RULES.nextAction} to complete login and consent.`,
        data: { appName: client.name, apiKey, redirectUrl, state, scopes, clientUid: client.uid, nextAction: OAUTH_RULES.nextAction },
      },
      200,
    );
  });

  app.openapi(routes.oauthAuthenticate, (c) => {
    const result = domain.oauth.authenticate(c.req.valid('json'), sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json({ status: 'Success' as const, data: { redirectTo: result.value.redirectTo } }, 200);
  });

  app.openapi(routes.oauthToken, async (c) => {
    const result = await domain.oauth.token(c.req.valid('json'), sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { accessToken, refreshToken, grant, session, account } = result.value;
    return c.json(
      {
        status: 'Success' as const,
        data: {
          access_token: accessToken,
          token_type: 'Bearer' as const,
          expires_in: OAUTH_RULES.accessExpiresInS,
          refresh_token: refreshToken,
          refresh_token_expires_in: OAUTH_RULES.refreshTtlMs / 1000,
          session_id: grant.id,
          user_id: account.uid,
          scopes: grant.scopes,
          ...loginFields(account, session.srcIp, domain.staticIps.match(account.uid, grant.appId, session.srcIp)),
        },
      },
      200,
    );
  });

  app.openapi(routes.oauthRevoke, (c) => {
    const result = domain.oauth.revoke(c.req.valid('json'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json({ status: 'Success' as const, message: 'Token revoked successfully' as const }, 200);
  });
}
