import { createRoute } from '@hono/zod-openapi';
import { LOGIN_CODE_RULES, LoginCodeResponse, LoginCodeValidationRequest, LoginCodeValidationResponse, LogoutResponse, SessionTokenRequest, SessionTokenResponse } from '../schemas/session.js';
import { BODY_ERRORS, SESSION_ERRORS, bareFailures, failures, jsonBody, okJson, validationFailures } from '../responses.js';

const IPS = 'srcIp is the address the sandbox sees; primaryIp and secondaryIp are the static IPs registered for the app, "" where none is (v3.2).';

export const sessionToken = createRoute({
  operationId: 'sessionToken',
  method: 'post',
  path: '/session/token',
  tags: ['Session'],
  summary: 'Generate a session token from an API key and secret',
  description: `Returns a session token (JWT) valid until 08:00 IST the next day. Checked in Samco's published order: both fields (400), the key (EOAUTH001: unknown "Invalid API key", deactivated app "Invalid or inactive API key"), the secret (EOAUTH008: not hex in whole AES blocks after an IV "Invalid API secret format", else "Invalid API secret"), the account's standing (403 not subscribed, 403 blocked), then the trading backend (401 "Unable to start your trading session..." when it cannot start one). Unknown request keys are ignored and "" counts as absent. Failures carry only status, statusMessage and errorCode, as Samco's samples show. Static IPs are not checked here (order calls check them). ${IPS}`,
  request: { body: jsonBody(SessionTokenRequest) },
  responses: {
    ...okJson(SessionTokenResponse, 'Session token generated successfully'),
    ...bareFailures(
      ...BODY_ERRORS,
      'API_CREDENTIALS_REQUIRED',
      'INVALID_API_KEY',
      'INACTIVE_API_KEY',
      'INVALID_API_SECRET_FORMAT',
      'INVALID_API_SECRET',
      'ACCOUNT_NOT_SUBSCRIBED',
      'ACCOUNT_BLOCKED',
      'TRADING_SESSION_FAILED',
    ),
  },
});

export const logout = createRoute({
  operationId: 'logout',
  method: 'delete',
  path: '/logout',
  tags: ['Session'],
  summary: 'End the session',
  description:
    'Ends the session of the x-session-token ("Request successful"); the token is refused afterwards. An OAuth access token ends alone here (POST /oauth/revoke ends its whole OAuth session). DELETE only, as published.',
  security: [{ sessionToken: [] }],
  responses: { ...okJson(LogoutResponse, 'Request successful'), ...failures(...SESSION_ERRORS) },
});

const CODE_SECONDS = LOGIN_CODE_RULES.ttlMs / 1000;

export const webSecretCode = createRoute({
  operationId: 'webSecretCode',
  method: 'get',
  path: '/webSecretCode',
  tags: ['Session'],
  summary: 'Login Code: a one-time code to sign in with',
  description: `A code of ${LOGIN_CODE_RULES.letters} capital letters and ${LOGIN_CODE_RULES.digits} digits, valid ${CODE_SECONDS} seconds, for the account of the session ("Secret code genererated successfully." [sic]). Single use; a new code replaces the account's earlier one (the sandbox's choice).`,
  security: [{ sessionToken: [] }],
  responses: { ...okJson(LoginCodeResponse, 'Secret code genererated successfully.'), ...failures(...SESSION_ERRORS) },
});

export const webSecretCodeValidation = createRoute({
  operationId: 'webSecretCodeValidation',
  method: 'post',
  path: '/webSecretCodeValidation',
  tags: ['Session'],
  summary: 'Login Code validation: a session from the code',
  description: `The code alone (no session token) gives a login-style answer with a new session token for the code's account, of the app of the session that asked for the code (so the same static IPs apply); it ends at 08:00 IST like every session. ${IPS} As in Samco's sample the answer has no msgId. An expired code gets "OTP expired. Please enter valid OTP."; a wrong, used or replaced one "Invalid OTP. Please enter valid OTP." (the sandbox's wording): 400 {serverTime, status, validationErrors}.`,
  request: { body: jsonBody(LoginCodeValidationRequest) },
  responses: {
    ...okJson(LoginCodeValidationResponse, 'Login session token generated successfully'),
    ...validationFailures(...BODY_ERRORS, 'LOGIN_CODE_INVALID', 'LOGIN_CODE_EXPIRED'),
  },
});
