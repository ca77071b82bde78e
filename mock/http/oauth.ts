import type { Context } from 'hono';
import { oauth as routes } from '../../spec/routes/index.js';
import { oauthErrorOf, ERRORS } from '../../spec/errors.js';
import type { AuthorizeOutcome, AuthorizeParams } from '../domain/oauth.js';
import { basicCredentials } from './basic-auth.js';
import { consentPage, refusalPage } from './consent-page.js';
import type { HttpDeps, SandboxApp, SandboxEnv } from './deps.js';
import { header } from './header.js';

/** The consent page is for browsers: HTML when the Accept header names it, JSON for everything else. */
const wantsHtml = (c: Context<SandboxEnv>) => (header(c, 'accept') ?? '').includes('text/html');

export function oauthRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  // RFC 6749 5.1: responses carrying tokens or credentials must not be cached; every OAuth answer is treated so.
  app.use('/oauth/*', async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('Pragma', 'no-cache');
  });

  /** A redirect back to the client, the consent page, or a refusal shown to the user. */
  const answer = (c: Context<SandboxEnv>, outcome: AuthorizeOutcome, params: AuthorizeParams) => {
    if (outcome.kind === 'redirect') return c.redirect(outcome.location, 302);
    if (wantsHtml(c)) {
      // RFC 6749 10.13: a consent page must not be framed (clickjacking); it loads nothing from anywhere.
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
      c.header('X-Frame-Options', 'DENY');
    }
    if (outcome.kind === 'refused') {
      if (!wantsHtml(c)) return reply.fail(c, outcome.error);
      const { code, message } = outcome.error;
      const description = message ?? ERRORS[code].message;
      const retry = code === 'OAUTH_CONSENT_SECRET' ? domain.oauth.authorize(params) : null;
      const html = retry?.kind === 'consent' ? consentPage(retry.request, params, description) : refusalPage(oauthErrorOf(code), description);
      return c.html(html, ERRORS[code].http as 400 | 401);
    }
    const { app: client, redirectUri, state } = outcome.request;
    if (wantsHtml(c)) return c.html(consentPage(outcome.request, params), 200);
    return c.json(
      {
        appName: client.name,
        clientId: params.client_id!,
        redirectUri,
        scope: 'all' as const,
        state,
        consent: 'POST the parameters of this request to /oauth/authorize (form-encoded) with api_secret, and decision approve or deny.',
      },
      200,
    );
  };

  app.openapi(routes.oauthMetadata, (c) => {
    const issuer = new URL(c.req.url).origin;
    const clientAuth = ['client_secret_basic' as const, 'client_secret_post' as const];
    return c.json(
      {
        issuer,
        authorization_endpoint: `${issuer}/oauth/authorize`,
        token_endpoint: `${issuer}/oauth/token`,
        revocation_endpoint: `${issuer}/oauth/revoke`,
        response_types_supported: ['code' as const],
        grant_types_supported: ['authorization_code' as const, 'refresh_token' as const],
        code_challenge_methods_supported: ['S256' as const],
        token_endpoint_auth_methods_supported: clientAuth,
        revocation_endpoint_auth_methods_supported: clientAuth,
        scopes_supported: ['all' as const],
      },
      200,
    );
  });

  app.openapi(routes.oauthAuthorize, (c) => {
    const params = c.req.valid('query');
    return answer(c, domain.oauth.authorize(params), params) as never;
  });

  app.openapi(routes.oauthConsent, (c) => {
    const { api_secret: apiSecret, decision, ...params } = c.req.valid('form');
    return answer(c, domain.oauth.consent(params, { apiSecret, decision }), params) as never;
  });

  app.openapi(routes.oauthToken, (c) => {
    const params = { ...c.req.valid('json'), ...c.req.valid('form') };
    const result = domain.oauth.token(params, basicCredentials(header(c, 'authorization')), sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const tokens = result.value;
    return c.json(
      {
        access_token: tokens.accessToken,
        token_type: 'Bearer' as const,
        expires_in: tokens.expiresIn,
        refresh_token: tokens.refreshToken,
        refresh_token_expires_in: tokens.refreshExpiresIn,
        scope: 'all' as const,
      },
      200,
    );
  });

  app.openapi(routes.oauthRevoke, (c) => {
    const params = { ...c.req.valid('json'), ...c.req.valid('form') };
    const result = domain.oauth.revoke(params, basicCredentials(header(c, 'authorization')));
    if (!result.ok) return reply.fail(c, result.error);
    return c.body(null, 200);
  });
}
