import { z } from '@hono/zod-openapi';
import { loginAccountFields, publishedIps } from './common.js';

/**
 * Samco's OAuth 2.1 authorization-code flow, as its docs publish it (not RFC-shaped): the API key
 * and redirect URL identify the app, the user consents with the app's API secret, the code alone
 * is the credential at the token exchange. Numbers shared by the spec's texts and the domain.
 */
export const OAUTH_RULES = {
  /** Codes: 32 random bytes, base64url, single use, 10 minutes. */
  codeBytes: 32,
  codeTtlMs: 10 * 60 * 1000,
  /** What `expires_in` reports; the session still ends at 08:00 IST like every session. */
  accessExpiresInS: 86_400,
  refreshTtlMs: 7 * 24 * 60 * 60 * 1000,
  /** The scopes an app is registered with: every app of the dashboard has exactly `all`. */
  appScopes: ['all'],
  defaultScopes: 'all',
  nextAction: '/oauth/authenticate',
} as const;

const REFRESH_DAYS = OAUTH_RULES.refreshTtlMs / 86_400_000;

// Requests are plain objects: unknown keys are ignored as the real service does, and every field
// is an optional string so that a missing one gets Samco's errorCode instead of a schema error.
const param = (description: string, example?: string) =>
  z
    .string()
    .optional()
    .openapi({ description, ...(example ? { example } : {}) });

const authorizeFields = {
  api_key: param('The API key of the app, exactly as e-mailed (an AES ciphertext: paste as is)', '3f1c0a7e9b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f'),
  redirect_url: param('Must equal the redirect URL registered for the app: scheme, host, port and path', 'https://tradeapi.samco.in/app/callback'),
  state: param('Opaque CSRF value, echoed unchanged', 'af0ifjsldkj'),
  scopes: param("Comma-separated; a subset of the app's scopes (every app has all). Default all.", 'all'),
};

export const AuthorizeQuery = z.object(authorizeFields);

export const AuthenticateRequest = z
  .object({
    ...authorizeFields,
    api_secret: param('The API secret of the app, exactly as shown once by the dashboard (~96 hex characters)'),
  })
  .openapi('OAuthAuthenticateRequest');

export const TokenRequest = z
  .object({
    grant_type: param('authorization_code or refresh_token', 'authorization_code'),
    code: param('authorization_code: the code from the redirect'),
    refresh_token: param('refresh_token: the newest refresh token of the session'),
  })
  .openapi('OAuthTokenRequest');

export const RevokeRequest = z
  .object({
    token: param('An access_token or refresh_token'),
    token_type: param('access_token or refresh_token; optional: both kinds are looked up', 'access_token'),
  })
  .openapi('OAuthRevokeRequest');

export const AuthorizeResponse = z
  .strictObject({
    status: z.literal('Success'),
    message: z.string().openapi({ example: 'Authorization request validated. Continue with POST /oauth/authenticate to complete login and consent.' }),
    data: z.strictObject({
      appName: z.string(),
      apiKey: z.string().openapi({ description: 'The api_key of the request, echoed' }),
      redirectUrl: z.string().openapi({ description: 'The redirect_url of the request, echoed' }),
      state: z.string().openapi({ description: 'The state of the request, echoed ("" when none was sent)' }),
      scopes: z.string().openapi({ description: 'The resolved scopes', example: 'all' }),
      clientUid: z.string().openapi({ description: 'The client code of the account that owns the app', example: 'DV99999' }),
      nextAction: z.literal(OAUTH_RULES.nextAction),
    }),
  })
  .openapi('OAuthAuthorizeResponse');

export const AuthenticateResponse = z
  .strictObject({
    status: z.literal('Success'),
    data: z.strictObject({
      redirectTo: z.string().openapi({
        description: 'The redirect URL with code (and state, when one was sent); the consent page navigates there',
        example: 'https://tradeapi.samco.in/app/callback?code=k6Yc7QxZ8m3pR2sT9vW1yA4bC6dE8fG0hJ2kL4mN6oP&state=af0ifjsldkj',
      }),
    }),
  })
  .openapi('OAuthAuthenticateResponse');

export const TokenResponse = z
  .strictObject({
    status: z.literal('Success'),
    data: z.strictObject({
      access_token: z.string().openapi({ description: 'A JWT: send it as the x-session-token header. Ends at 08:00 IST like every session, whatever expires_in says.' }),
      token_type: z.literal('Bearer'),
      expires_in: z.literal(OAUTH_RULES.accessExpiresInS).openapi({ description: 'Always 86400, as published; the session still ends at the next 08:00 IST' }),
      refresh_token: z.string().openapi({ description: `Opaque base64url; single use (each refresh returns a new one); valid ${REFRESH_DAYS} days` }),
      refresh_token_expires_in: z.literal(OAUTH_RULES.refreshTtlMs / 1000),
      session_id: z.string().openapi({ description: 'The OAuth session: the same across refreshes; revoking either token ends it', example: '9c3f5e7a1b2d4f6e8a0c2e4f6a8b0d2e' }),
      user_id: z.string().openapi({ description: "The account's client code, the same as accountID" }),
      scopes: z.string().openapi({ example: 'all' }),
      ...loginAccountFields,
      ...publishedIps,
    }),
  })
  .openapi('OAuthTokenResponse');

export const RevokeResponse = z.strictObject({ status: z.literal('Success'), message: z.literal('Token revoked successfully') }).openapi('OAuthRevokeResponse');

export const OAuthFailure = z
  .strictObject({
    status: z.literal('Failure'),
    message: z.string(),
    errorCode: z.string().optional().openapi({ description: 'EOAUTH0xx where Samco publishes one', example: 'EOAUTH011' }),
  })
  .openapi('OAuthFailure', { description: 'Refused. Nothing was changed, except that a replayed code (EOAUTH012) revokes every token of the app for the user.' });

export const OAuthError = z.strictObject({ status: z.literal('Error'), message: z.string() }).openapi('OAuthError', { description: 'The sandbox failed; nothing was changed.' });
