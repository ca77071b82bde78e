import { createRoute } from '@hono/zod-openapi';
import { AuthenticateRequest, AuthenticateResponse, AuthorizeQuery, AuthorizeResponse, OAUTH_RULES, RevokeRequest, RevokeResponse, TokenRequest, TokenResponse } from '../schemas/oauth.js';
import { BODY_ERRORS, jsonBody, oauthFailures, okJson } from '../responses.js';

const tags = ['OAuth'];
const CODE_MINUTES = OAUTH_RULES.codeTtlMs / 60_000;
const REFRESH_DAYS = OAUTH_RULES.refreshTtlMs / 86_400_000;

const FLOW =
  "Samco's OAuth 2.1 authorization-code flow as published (no client_id, no PKCE, no client authentication, no discovery document): the app sends the browser to /app/oauth/authorize?api_key=&redirect_url=&state=&scopes=; that page calls GET /oauth/authorize, then POST /oauth/authenticate with the API secret the user pastes, and navigates to data.redirectTo.";
const STATUSES =
  'Failures are {status:"Failure", message, errorCode}; Samco publishes the errorCodes, not the HTTP statuses: the sandbox answers 400 for a missing or wrong parameter, 401 for a bad key, secret or refresh token, 403 for an IP or an account standing, 409 for EOAUTH030.';
const STANDING = "An account that is not subscribed or is blocked gets /session/token's 403 texts (no errorCode is published for them).";

const AUTHORIZE_CHECKS =
  "api_key (missing, unknown or deactivated app: EOAUTH001), redirect_url (missing or not equal to the registered URL in scheme, host, port, path and query: EOAUTH002), scopes (comma-separated, each one of the app's; every app has exactly all; default all: EOAUTH003)";

export const oauthAuthorize = createRoute({
  operationId: 'oauthAuthorize',
  method: 'get',
  path: '/oauth/authorize',
  tags,
  summary: 'Validate an authorization request (called by the consent page)',
  description: `${FLOW} Checks ${AUTHORIZE_CHECKS}, and answers what the consent page shows; state is echoed ("" when none was sent). ${STATUSES}`,
  request: { query: AuthorizeQuery },
  responses: {
    ...okJson(AuthorizeResponse, 'The request is valid: continue with POST /oauth/authenticate'),
    ...oauthFailures('OAUTH_API_KEY_REQUIRED', 'INVALID_API_KEY', 'INACTIVE_API_KEY', 'OAUTH_REDIRECT_REQUIRED', 'OAUTH_REDIRECT_MISMATCH', 'OAUTH_INVALID_SCOPES'),
  },
});

export const oauthAuthenticate = createRoute({
  operationId: 'oauthAuthenticate',
  method: 'post',
  path: '/oauth/authenticate',
  tags,
  summary: "Consent with the app's API secret: a single-use code",
  description: `Checks in Samco's published order: ${AUTHORIZE_CHECKS.split(', scopes')[0]}, api_secret (missing, not of the ciphertext form ("Invalid API secret format") or wrong: EOAUTH008), the app's static IPs when it has any registered (EOAUTH009), scopes (EOAUTH003); then the account's standing. ${STANDING} Success: a code of ${OAUTH_RULES.codeBytes} random bytes in base64url (43 characters), single use, valid ${CODE_MINUTES} minutes, in data.redirectTo = redirect_url with code (and state when one was sent) added to its query. JSON, not a 302 (the current contract). ${STATUSES}`,
  request: { body: jsonBody(AuthenticateRequest) },
  responses: {
    ...okJson(AuthenticateResponse, 'Authorised: navigate to data.redirectTo'),
    ...oauthFailures(
      ...BODY_ERRORS,
      'OAUTH_API_KEY_REQUIRED',
      'INVALID_API_KEY',
      'INACTIVE_API_KEY',
      'OAUTH_REDIRECT_REQUIRED',
      'OAUTH_REDIRECT_MISMATCH',
      'OAUTH_API_SECRET_REQUIRED',
      'INVALID_API_SECRET_FORMAT',
      'INVALID_API_SECRET',
      'OAUTH_IP_NOT_ALLOWED',
      'OAUTH_INVALID_SCOPES',
      'ACCOUNT_NOT_SUBSCRIBED',
      'ACCOUNT_BLOCKED',
    ),
  },
});

export const oauthToken = createRoute({
  operationId: 'oauthToken',
  method: 'post',
  path: '/oauth/token',
  tags,
  summary: 'Exchange the code for tokens, or refresh',
  description: `JSON, no client credentials (the code is the credential). grant_type=authorization_code with code: missing EOAUTH010, unknown EOAUTH011 (also a code whose app was deactivated or had its key or secret regenerated since), already exchanged EOAUTH012 (a replay: every token issued under that api_key for that user is revoked, direct session tokens included), expired after ${CODE_MINUTES} minutes EOAUTH013, exchanged while another exchange of the same code is still in progress EOAUTH030 (retry once; nothing is revoked). grant_type=refresh_token with refresh_token: missing EOAUTH015, unknown, already used or revoked EOAUTH016 (nothing else is revoked), older than ${REFRESH_DAYS} days EOAUTH017; each refresh returns a new pair in the same session_id, the old refresh token is inactive at once, and the sandbox also ends the previous access token of that session (Samco tells clients to discard the previous values; the sandbox holds them to it). Both grants enforce the app's static IPs when it has any (EOAUTH009) and the account's standing (${STANDING.split(' gets')[0]}: 403); then the trading backend starts the session: when it cannot, EOAUTH999 with /session/token's text, and the code stays unused. expires_in is always ${OAUTH_RULES.accessExpiresInS} as published, yet the access token, like every session, ends at the next 08:00 IST, and with the app's deactivation or key or secret regeneration. ${STATUSES}`,
  request: { body: jsonBody(TokenRequest) },
  responses: {
    ...okJson(TokenResponse, 'Tokens issued'),
    ...oauthFailures(
      ...BODY_ERRORS,
      'OAUTH_GRANT_TYPE',
      'OAUTH_CODE_REQUIRED',
      'OAUTH_CODE_NOT_FOUND',
      'OAUTH_CODE_USED',
      'OAUTH_CODE_EXPIRED',
      'OAUTH_EXCHANGE_IN_PROGRESS',
      'OAUTH_REFRESH_REQUIRED',
      'OAUTH_REFRESH_INVALID',
      'OAUTH_REFRESH_EXPIRED',
      'OAUTH_IP_NOT_ALLOWED',
      'ACCOUNT_NOT_SUBSCRIBED',
      'ACCOUNT_BLOCKED',
      'OAUTH_BACKEND_UNAVAILABLE',
    ),
  },
});

export const oauthRevoke = createRoute({
  operationId: 'oauthRevoke',
  method: 'post',
  path: '/oauth/revoke',
  tags,
  summary: 'Revoke a token (logout)',
  description: `Either token of an OAuth session ends the whole session (every access and refresh token of its session_id); a /session/token session token ends that session. Idempotent: an unknown or already revoked token gets the same answer. token is required; token_type is optional (both kinds are looked up; "" counts as absent) but, when sent, must be access_token or refresh_token (the sandbox's choice). ${STATUSES}`,
  request: { body: jsonBody(RevokeRequest) },
  responses: {
    ...okJson(RevokeResponse, 'Revoked (or already dead)'),
    ...oauthFailures(...BODY_ERRORS, 'OAUTH_TOKEN_REQUIRED', 'OAUTH_TOKEN_TYPE'),
  },
});
