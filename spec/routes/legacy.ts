import { createRoute } from '@hono/zod-openapi';
import { GenerateOtpRequest, GenerateOtpResponse, SecretKeyRequest, SecretKeyResponse } from '../schemas/otp.js';
import { BODY_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import { AccessTokenRequest, AccessTokenResponse, LegacyLoginRequest, LegacyLoginResponse } from '../schemas/session.js';
import { LegacyIpRequest, LegacyIpResponse } from '../schemas/static-ips.js';

const LEGACY = 'Deprecated: part of the legacy 2FA / API-key flow. Use the Web Dashboard (OAuth apps) instead.';

export const generateOtp = createRoute({
  operationId: 'generateOtp',
  method: 'post',
  path: '/otp/generateOtp',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'Generate OTP (legacy)',
  description: `${LEGACY} Sends an OTP to the registered mobile and e-mail (see the sandbox outbox). A new OTP replaces the previous one. An unknown user id gets Samco's published failure "Failed to genererate otp for user" [sic]. The real path is not published; the sandbox follows the SDK's GenerateOtpApi.`,
  request: { body: jsonBody(GenerateOtpRequest) },
  responses: { ...okJson(GenerateOtpResponse, 'OTP sent to your mobile and email.'), ...failures(...BODY_ERRORS, 'LEGACY_OTP_FAILED', 'OTP_RATE_LIMITED') },
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

export const accessToken = createRoute({
  operationId: 'accessToken',
  method: 'post',
  path: '/accessToken/token',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'Generate Access Token (legacy)',
  description: `${LEGACY} From the uid and the secret API key (which never expires), an access token valid until 08:00 IST the next day. Use it in Login.`,
  request: { body: jsonBody(AccessTokenRequest) },
  responses: { ...okJson(AccessTokenResponse, 'Access token'), ...failures(...BODY_ERRORS, 'UNKNOWN_USER', 'SECRET_KEY_MISMATCH') },
});

export const legacyLogin = createRoute({
  operationId: 'legacyLogin',
  method: 'post',
  path: '/login',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'Login (legacy)',
  description: `${LEGACY} User id, password, year of birth (checked when given) and access token give a session token. Legacy sessions follow the same x-session-token, static IP (the account's legacy IPs) and 08:00 IST rules as v3.2 sessions.`,
  request: { body: jsonBody(LegacyLoginRequest) },
  responses: {
    ...okJson(LegacyLoginResponse, 'Login session token generated successfully'),
    ...failures(...BODY_ERRORS, 'LEGACY_INVALID_PASSWORD', 'SIGN_IN_THROTTLED', 'LEGACY_INVALID_YOB', 'ACCESS_TOKEN_INVALID'),
  },
});

const IP_RULES = "Public IPv4 only; an IP another client holds is refused. The IPs are the account's legacy (app-less) IPs, stored with the dashboard's and under the same rules.";

export const ipRegistration = createRoute({
  operationId: 'ipRegistration',
  method: 'post',
  path: '/ip/ipRegistration',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'IP Register (legacy)',
  description: `${LEGACY} Registers the primary (and optional secondary) static IP with the trading password. ${IP_RULES}`,
  request: { body: jsonBody(LegacyIpRequest) },
  responses: {
    ...okJson(LegacyIpResponse, 'Client IPs registered successfully'),
    ...failures(...BODY_ERRORS, 'INCORRECT_PASSWORD', 'SIGN_IN_THROTTLED', 'IP_NOT_PUBLIC', 'IP_TAKEN', 'IP_DUPLICATE', 'IP_ALREADY_REGISTERED'),
  },
});

export const ipUpdate = createRoute({
  operationId: 'ipUpdate',
  method: 'post',
  path: '/ip/ipUpdate',
  tags: ['Legacy'],
  deprecated: true,
  summary: 'IP Update (legacy)',
  description: `${LEGACY} Changes the registered IPs, at most once per calendar week (IST, Monday to Sunday) counting every IP change of the account. ${IP_RULES}`,
  request: { body: jsonBody(LegacyIpRequest) },
  responses: {
    ...okJson(LegacyIpResponse, 'Client IPs updated successfully'),
    ...failures(...BODY_ERRORS, 'INCORRECT_PASSWORD', 'SIGN_IN_THROTTLED', 'IP_NOT_PUBLIC', 'IP_TAKEN', 'IP_DUPLICATE', 'IP_NONE_REGISTERED', 'IP_WEEKLY_LIMIT'),
  },
});
