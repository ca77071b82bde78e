import { z } from '@hono/zod-openapi';
import { ServerTime, success } from './envelope.js';
import { loginAccountFields, publishedIps } from './common.js';

/** Login Code: 4 letters and 4 digits (e.g. QOHG6854), valid 120 seconds, single use. */
export const LOGIN_CODE_RULES = { letters: 4, digits: 4, ttlMs: 120_000 } as const;

// Unknown keys are ignored and a missing or empty field gets Samco's "apiKey and apiSecret are required".
export const SessionTokenRequest = z
  .object({
    apiKey: z.string().optional().openapi({ description: 'The API key exactly as e-mailed (64 hex characters in the sandbox)' }),
    apiSecret: z.string().optional().openapi({ description: 'The API secret exactly as shown once (96 hex characters in the sandbox)' }),
  })
  .openapi('SessionTokenRequest');

export const SessionTokenResponse = success('SessionTokenResponse', {
  sessionToken: z.string().openapi({ description: 'A JWT; send it as x-session-token. Valid until 08:00 IST the next day.' }),
  tokenId: z.uuid(),
  ...loginAccountFields,
  ...publishedIps,
});

export const LogoutResponse = success('LogoutResponse', {});

export const LoginCodeResponse = success('LoginCodeResponse', {
  data: z.strictObject({
    timeRemainingInSeconds: z
      .number()
      .int()
      .openapi({ example: LOGIN_CODE_RULES.ttlMs / 1000 }),
    OTP: z.string().openapi({ description: `${LOGIN_CODE_RULES.letters} capital letters then ${LOGIN_CODE_RULES.digits} digits`, example: 'QOHG6854' }),
  }),
});

export const LoginCodeValidationRequest = z
  .object({ otp: z.string().optional().openapi({ description: 'The Login Code from GET /webSecretCode', example: 'NUWL3586' }) })
  .openapi('LoginCodeValidationRequest');

/** As published: serverTime, status, statusMessage and the login fields (no msgId in Samco's sample); the IPs since v3.2. */
export const LoginCodeValidationResponse = z
  .strictObject({
    serverTime: ServerTime,
    status: z.literal('Success'),
    statusMessage: z.string(),
    sessionToken: z.string(),
    ...loginAccountFields,
    ...publishedIps,
  })
  .openapi('LoginCodeValidationResponse');

export const ValidationFailure = z
  .strictObject({ serverTime: ServerTime, status: z.enum(['Failure', 'Error']), validationErrors: z.array(z.string()) })
  .openapi('ValidationFailure', { description: "Samco's input-error shape on Login Code validation: the reasons in validationErrors" });

/** Bare failures, as /session/token's published samples show them: no serverTime or msgId. */
export const BareFailure = z
  .strictObject({ status: z.enum(['Failure', 'Error']), statusMessage: z.string(), errorCode: z.string().optional().openapi({ example: 'EOAUTH001' }) })
  .openapi('BareFailure', { description: "Refused; nothing was changed. The shape of Samco's /session/token failure samples." });

export const AccessTokenRequest = z.object({ uid: z.string().min(1).max(20), secretApiKey: z.string().min(1).max(256) }).openapi('AccessTokenRequest');

/** As published: serverTime, msgId, status and the token, no statusMessage. */
export const AccessTokenResponse = z
  .strictObject({
    serverTime: ServerTime,
    msgId: z.uuid(),
    status: z.literal('Success'),
    accessToken: z.string().openapi({ description: 'Valid for one day: it expires at 08:00 IST the next day' }),
  })
  .openapi('AccessTokenResponse');

export const LegacyLoginRequest = z
  .object({
    userId: z.string().min(1).max(20),
    password: z.string().min(1).max(128),
    yob: z.string().max(4).optional().openapi({ description: 'Year of birth; checked when given' }),
    accessToken: z.string().min(1).max(256),
  })
  .openapi('LegacyLoginRequest');

export const LegacyLoginResponse = success('LegacyLoginResponse', {
  sessionToken: z.string(),
  ...loginAccountFields,
});
