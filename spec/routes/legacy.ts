import { createRoute } from '@hono/zod-openapi';
import { GenerateOtpRequest, GenerateOtpResponse, SecretKeyRequest, SecretKeyResponse } from '../schemas/otp.js';
import { BODY_ERRORS, failures, jsonBody, okJson } from '../responses.js';

const LEGACY = 'Deprecated: part of the legacy 2FA / API-key flow. Use the Web Dashboard (OAuth apps) instead.';

export const generateOtp = createRoute({
  operationId: 'generateOtp',
  method: 'post',
  path: '/otp/generateOtp',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'Generate OTP (legacy)',
  description: `${LEGACY} Sends an OTP to the registered mobile and e-mail (see the sandbox outbox). A new OTP replaces the previous one. The real path is not published; the sandbox follows the SDK's GenerateOtpApi.`,
  request: { body: jsonBody(GenerateOtpRequest) },
  responses: { ...okJson(GenerateOtpResponse, 'OTP sent to your mobile and email.'), ...failures(...BODY_ERRORS, 'UNKNOWN_USER') },
});

export const secretKeyGenerator = createRoute({
  operationId: 'secretKeyGenerator',
  method: 'post',
  path: '/otp/secretKeyGenerator',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'Generate Secret API Key (legacy)',
  description: `${LEGACY} With the OTP from Generate OTP, e-mails a secret API key (see the outbox). The key never expires; running the OTP flow again issues a new one. A wrong, used or expired OTP fails with "Invalid OTP."; after 5 wrong tries the OTP is dead.`,
  request: { body: jsonBody(SecretKeyRequest) },
  responses: {
    ...okJson(SecretKeyResponse, 'The secret API key has been sent to your email.'),
    ...failures(...BODY_ERRORS, 'INVALID_OTP', 'OTP_ATTEMPTS_EXCEEDED', 'UNKNOWN_USER'),
  },
});
