import { z } from '@hono/zod-openapi';

/**
 * The OAuth 2.1 authorization-code rules, shared by the spec's descriptions and the domain.
 * Codes live 10 minutes (the longest RFC 6749 recommends, and what Samco's docs state); refresh
 * tokens 7 days (Samco's refresh_token_expires_in); access tokens, like every session, until
 * 08:00 IST the next day.
 */
export const OAUTH_RULES = {
  codeTtlMs: 10 * 60 * 1000,
  refreshTtlMs: 7 * 24 * 60 * 60 * 1000,
  scope: 'all',
  /** RFC 7636: 43-128 unreserved characters. */
  verifier: /^[A-Za-z0-9._~-]{43,128}$/,
  /** BASE64URL(SHA-256(verifier)) without padding: always 43 characters. */
  challenge: /^[A-Za-z0-9_-]{43}$/,
} as const;

// OAuth requests are plain objects, not strict ones: RFC 6749 section 3.2 says unrecognised
// parameters MUST be ignored. Every parameter is an optional string here so that a missing one
// gets the OAuth error the protocol prescribes (and, at authorize, a redirect), not a schema error.
const param = (description: string, example?: string) => z.string().optional().openapi({ description, ...(example ? { example } : {}) });

const authorizeFields = {
  response_type: param('Must be code', 'code'),
  client_id: param('The API key of an active app', 'sandbox-app-key'),
  redirect_uri: param('Must equal the Redirect URL registered for the app exactly: scheme, host, port and path', 'https://tradeapi.samco.in/app/callback'),
  state: param('Opaque value returned unchanged with the code or the error', 'af0ifjsldkj'),
  code_challenge: param('PKCE: BASE64URL(SHA-256(code_verifier)), 43 characters. Required.', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'),
  code_challenge_method: param('Must be S256 (plain is refused)', 'S256'),
  scope: param('Optional; the only scope is all', 'all'),
};

export const AuthorizeQuery = z.object(authorizeFields);

export const ConsentForm = z
  .object({
    ...authorizeFields,
    api_secret: param('The app\'s API Secret: the user authorises the request with it'),
    decision: z.enum(['approve', 'deny']).optional().openapi({ description: 'approve (default) or deny; deny sends error=access_denied back to the client' }),
  })
  .openapi('OAuthConsentForm');

export const ConsentRequest = z
  .strictObject({
    appName: z.string(),
    clientId: z.string(),
    redirectUri: z.string(),
    scope: z.literal(OAUTH_RULES.scope),
    state: z.string().nullable(),
    consent: z.string().openapi({ description: 'How to grant it: POST these parameters to /oauth/authorize with api_secret' }),
  })
  .openapi('OAuthConsentRequest', { description: 'The consent page as JSON (Accept: application/json): what the user is asked to authorise' });

export const TokenForm = z
  .object({
    grant_type: param('authorization_code or refresh_token', 'authorization_code'),
    code: param('authorization_code: the code from the redirect'),
    code_verifier: param('authorization_code: the PKCE verifier (43-128 characters of A-Z a-z 0-9 - . _ ~)'),
    redirect_uri: param('authorization_code: optional; when sent it must equal the one of the authorization request'),
    refresh_token: param('refresh_token: the newest refresh token of the authorization'),
    scope: param('refresh_token: optional; must be all'),
    client_id: param('client_secret_post: the API key (else use HTTP Basic)'),
    client_secret: param('client_secret_post: the API secret (else use HTTP Basic)'),
  })
  .openapi('OAuthTokenForm');

export const RevokeForm = z
  .object({
    token: param('An access token or refresh token of this client'),
    token_type_hint: param('access_token or refresh_token (a hint only: both kinds are looked up)'),
    client_id: param('client_secret_post: the API key (else use HTTP Basic)'),
    client_secret: param('client_secret_post: the API secret (else use HTTP Basic)'),
  })
  .openapi('OAuthRevokeForm');

export const TokenResponse = z
  .strictObject({
    access_token: z.string().openapi({ description: 'Send it as the x-session-token header; valid until 08:00 IST the next day' }),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int().nonnegative().openapi({ description: 'Seconds until the access token expires (08:00 IST the next day)', example: 64800 }),
    refresh_token: z.string().openapi({ description: `Single use: each refresh returns a new one. Valid ${OAUTH_RULES.refreshTtlMs / 86_400_000} days.` }),
    refresh_token_expires_in: z.number().int().nonnegative().openapi({ example: 604800 }),
    scope: z.literal(OAUTH_RULES.scope),
  })
  .openapi('OAuthTokenResponse');

export const OAUTH_ERROR_CODES = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unsupported_grant_type',
  'unsupported_response_type',
  'invalid_scope',
  'access_denied',
  'server_error',
] as const;

export const OAuthError = z
  .strictObject({
    error: z.enum(OAUTH_ERROR_CODES),
    error_description: z.string(),
  })
  .openapi('OAuthError', { description: 'RFC 6749 section 5.2: the OAuth error body. Nothing was changed, except that a replayed code or refresh token revokes its authorization.' });

export const AuthorizationServerMetadata = z
  .strictObject({
    issuer: z.string().openapi({ example: 'http://127.0.0.1:4010' }),
    authorization_endpoint: z.string(),
    token_endpoint: z.string(),
    revocation_endpoint: z.string(),
    response_types_supported: z.array(z.literal('code')),
    grant_types_supported: z.array(z.enum(['authorization_code', 'refresh_token'])),
    code_challenge_methods_supported: z.array(z.literal('S256')),
    token_endpoint_auth_methods_supported: z.array(z.enum(['client_secret_basic', 'client_secret_post'])),
    revocation_endpoint_auth_methods_supported: z.array(z.enum(['client_secret_basic', 'client_secret_post'])),
    scopes_supported: z.array(z.literal(OAUTH_RULES.scope)),
  })
  .openapi('OAuthServerMetadata', { description: 'RFC 8414 authorization server metadata, so that OAuth client libraries can discover the endpoints' });
