import { createRoute, z } from '@hono/zod-openapi';
import { AuthorizationServerMetadata, AuthorizeQuery, ConsentForm, ConsentRequest, OAUTH_RULES, RevokeForm, TokenForm, TokenResponse } from '../schemas/oauth.js';
import { BODY_ERRORS, formBody, formOrJsonBody, oauthFailures } from '../responses.js';
import type { ErrorCode } from '../errors.js';

const tags = ['OAuth'];
const CODE_MINUTES = OAUTH_RULES.codeTtlMs / 60_000;

const redirect = {
  302: {
    description: 'Back to the client: `code` and `state` on success; `error`, `error_description` and `state` otherwise (RFC 6749 4.1.2)',
    headers: { Location: { description: 'The registered redirect URI with the parameters added', schema: { type: 'string' as const } } },
  },
};

/** The refusals of the pages a browser shows: HTML when the Accept header names text/html, JSON otherwise. */
function pageFailures(...codes: ErrorCode[]): {} {
  const out = oauthFailures(...codes) as Record<number, { content: Record<string, { schema: z.ZodType }> }>;
  for (const [status, response] of Object.entries(out)) if (Number(status) < 500) response.content['text/html'] = { schema: z.string() };
  return out;
}

const NOT_REDIRECTED = 'Refused without a redirect, because the client or its redirect URI cannot be trusted (RFC 6749 4.1.2.1): unknown or inactive client_id, missing or mismatched redirect_uri.';

export const oauthAuthorize = createRoute({
  operationId: 'oauthAuthorize',
  method: 'get',
  path: '/oauth/authorize',
  tags,
  summary: 'Start an authorization: the consent page',
  description: `OAuth 2.1 authorization code with PKCE. client_id is the app's API key; redirect_uri must equal its registered Redirect URL exactly; code_challenge_method must be S256. Answers the consent page: HTML when the Accept header names text/html, JSON otherwise. The user consents with POST /oauth/authorize. ${NOT_REDIRECTED} Every other error is redirected.`,
  request: { query: AuthorizeQuery },
  responses: {
    200: {
      description: 'The consent page',
      content: { 'application/json': { schema: ConsentRequest }, 'text/html': { schema: z.string() } },
    },
    ...redirect,
    ...pageFailures('OAUTH_INVALID_REQUEST', 'OAUTH_UNKNOWN_CLIENT', 'OAUTH_REDIRECT_MISMATCH'),
  },
});

export const oauthConsent = createRoute({
  operationId: 'oauthConsent',
  method: 'post',
  path: '/oauth/authorize',
  tags,
  summary: 'The user\'s consent: authorise with the app\'s API secret',
  description: `The consent step as an HTTP call: the parameters of the authorization request again, api_secret, and decision. Approved with the right secret, it redirects with a single-use code valid ${CODE_MINUTES} minutes; denied, with error=access_denied. A wrong API secret is answered 401 and the user may try again. ${NOT_REDIRECTED}`,
  request: { body: formBody(ConsentForm) },
  responses: {
    ...redirect,
    ...pageFailures(...BODY_ERRORS, 'OAUTH_INVALID_REQUEST', 'OAUTH_UNKNOWN_CLIENT', 'OAUTH_REDIRECT_MISMATCH', 'OAUTH_CONSENT_SECRET'),
  },
});

// Either HTTP Basic or credentials in the body (the empty requirement): both are client authentication.
const clientSecurity: Array<Record<string, string[]>> = [{ oauthClient: [] }, {}];

const CLIENT_AUTH = 'The client authenticates with HTTP Basic (client_id = API key, client_secret = API secret, each form-encoded) or with client_id and client_secret in the body, not both.';

export const oauthToken = createRoute({
  operationId: 'oauthToken',
  method: 'post',
  path: '/oauth/token',
  tags,
  security: clientSecurity,
  summary: 'Exchange a code, or refresh',
  description: `grant_type=authorization_code: code and code_verifier (PKCE), redirect_uri optional. A code works once; presented again it revokes every token issued from it. grant_type=refresh_token: refresh_token; each refresh returns a new refresh token and the old one dies; a used one presented again revokes the whole authorization. ${CLIENT_AUTH} The body is form-encoded (RFC 6749); a JSON object with the same parameters is accepted too, as Samco's docs send one. The access_token is a session: send it as x-session-token; it ends at 08:00 IST like every session, and with the app's deactivation or key or secret regeneration. Static IPs are not checked here (as /session/token; order calls check them). Answered with Cache-Control: no-store.`,
  request: { body: formOrJsonBody(TokenForm) },
  responses: {
    200: { description: 'Tokens issued', content: { 'application/json': { schema: TokenResponse } } },
    ...oauthFailures(...BODY_ERRORS, 'OAUTH_INVALID_REQUEST', 'OAUTH_INVALID_CLIENT', 'OAUTH_INVALID_GRANT', 'OAUTH_INVALID_SCOPE', 'OAUTH_UNSUPPORTED_GRANT_TYPE'),
  },
});

export const oauthRevoke = createRoute({
  operationId: 'oauthRevoke',
  method: 'post',
  path: '/oauth/revoke',
  tags,
  security: clientSecurity,
  summary: 'Revoke a token (RFC 7009)',
  description: `An access token ends alone; a refresh token ends with its whole authorization (every access token issued from it). An unknown or already dead token is answered 200 as well; a token of another client is refused. ${CLIENT_AUTH}`,
  request: { body: formOrJsonBody(RevokeForm) },
  responses: {
    200: { description: 'The token no longer works (empty body)' },
    ...oauthFailures(...BODY_ERRORS, 'OAUTH_INVALID_REQUEST', 'OAUTH_INVALID_CLIENT', 'OAUTH_FOREIGN_TOKEN'),
  },
});

export const oauthMetadata = createRoute({
  operationId: 'oauthMetadata',
  method: 'get',
  path: '/.well-known/oauth-authorization-server',
  tags,
  summary: 'Authorization server metadata (RFC 8414)',
  description: 'The endpoints and what they support, for client libraries that discover them. The issuer is the origin the request was sent to.',
  responses: { 200: { description: 'The metadata', content: { 'application/json': { schema: AuthorizationServerMetadata } } }, ...oauthFailures() },
});
