import { createRoute } from '@hono/zod-openapi';
import { DashboardLoginRequest, DashboardLoginResponse, DashboardMeResponse } from '../schemas/dashboard.js';
import { AppIdParams, AppListResponse, AppResponse, ChallengeIdParams, CreateAppRequest, EditAppRequest, VerifiedActionResponse } from '../schemas/apps.js';
import { ChallengeResponse, VerifyOtpRequest } from '../schemas/otp.js';
import { SuccessEnvelope } from '../schemas/envelope.js';
import { DeleteStaticIpRequest, SetStaticIpRequest, StaticIpsResponse } from '../schemas/static-ips.js';
import { BODY_ERRORS, failures, jsonBody, okJson } from '../responses.js';
import type { ErrorCode } from '../errors.js';

/** The dashboard's pages as JSON endpoints; the sandbox chose the paths under /app/api. */
const PREFIX = '/app/api';
const tags = ['Dashboard'];
const security = [{ dashboardToken: [] }];
const OTP_SENT = 'OTP sent to your registered mobile and email.';

export const dashboardLogin = createRoute({
  operationId: 'dashboardLogin',
  method: 'post',
  path: `${PREFIX}/login`,
  tags,
  summary: 'Sign in to the dashboard',
  description: 'User id and password, as at /app/login. Returns a dashboard token for x-dashboard-token, valid 12 hours (the sandbox chose the lifetime).',
  request: { body: jsonBody(DashboardLoginRequest) },
  responses: { ...okJson(DashboardLoginResponse, 'Signed in'), ...failures(...BODY_ERRORS, 'INVALID_CREDENTIALS', 'SIGN_IN_THROTTLED') },
});

export const dashboardLogout = createRoute({
  operationId: 'dashboardLogout',
  method: 'post',
  path: `${PREFIX}/logout`,
  tags,
  security,
  summary: 'Sign out of the dashboard',
  responses: { ...okJson(SuccessEnvelope, 'Signed out'), ...failures('DASHBOARD_AUTH_REQUIRED') },
});

export const dashboardMe = createRoute({
  operationId: 'dashboardMe',
  method: 'get',
  path: `${PREFIX}/me`,
  tags,
  security,
  summary: 'The signed-in account and "Your IP"',
  responses: { ...okJson(DashboardMeResponse, 'Account'), ...failures('DASHBOARD_AUTH_REQUIRED') },
});

export const listApps = createRoute({
  operationId: 'listApps',
  method: 'get',
  path: `${PREFIX}/apps`,
  tags,
  security,
  summary: 'Registered Apps table',
  responses: { ...okJson(AppListResponse, 'Apps of the account, oldest first'), ...failures('DASHBOARD_AUTH_REQUIRED') },
});

export const createApp = createRoute({
  operationId: 'createApp',
  method: 'post',
  path: `${PREFIX}/apps`,
  tags,
  security,
  summary: 'Create an OAuth app (asks for an OTP)',
  description:
    'Checks the rules, then sends an OTP to the registered mobile and e-mail. Verify the returned challenge to create the app: the API Secret is returned once, the API Key is e-mailed. The rules are checked again on verify.',
  request: { body: jsonBody(CreateAppRequest) },
  responses: {
    ...okJson(ChallengeResponse, OTP_SENT),
    ...failures(...BODY_ERRORS, 'DASHBOARD_AUTH_REQUIRED', 'APP_LIMIT_REACHED', 'APP_NAME_TAKEN', 'INVALID_APP_NAME', 'INVALID_REDIRECT_URL', 'OTP_RATE_LIMITED'),
  },
});

export const getApp = createRoute({
  operationId: 'getApp',
  method: 'get',
  path: `${PREFIX}/apps/{appId}`,
  tags,
  security,
  summary: 'One app',
  request: { params: AppIdParams },
  responses: { ...okJson(AppResponse, 'The app'), ...failures('VALIDATION', 'DASHBOARD_AUTH_REQUIRED', 'APP_NOT_FOUND') },
});

export const editApp = createRoute({
  operationId: 'editApp',
  method: 'patch',
  path: `${PREFIX}/apps/{appId}`,
  tags,
  security,
  summary: 'Edit App Name and/or Redirect URL (asks for an OTP)',
  description: 'Same rules as create. Scope and credentials are unchanged.',
  request: { params: AppIdParams, body: jsonBody(EditAppRequest) },
  responses: {
    ...okJson(ChallengeResponse, OTP_SENT),
    ...failures(...BODY_ERRORS, 'DASHBOARD_AUTH_REQUIRED', 'APP_NOT_FOUND', 'APP_NAME_TAKEN', 'INVALID_APP_NAME', 'INVALID_REDIRECT_URL', 'NOTHING_TO_CHANGE', 'OTP_RATE_LIMITED'),
  },
});

export const deleteApp = createRoute({
  operationId: 'deleteApp',
  method: 'delete',
  path: `${PREFIX}/apps/{appId}`,
  tags,
  security,
  summary: 'Not supported: apps cannot be deleted',
  description: 'The dashboard has no delete. Always refused; deactivate the app instead (its slot stays counted).',
  request: { params: AppIdParams },
  responses: { ...failures('VALIDATION', 'DASHBOARD_AUTH_REQUIRED', 'APP_DELETE_UNSUPPORTED') },
});

function appAction(operationId: string, action: string, summary: string, description: string, codes: ErrorCode[]) {
  return createRoute({
    operationId,
    method: 'post',
    path: `${PREFIX}/apps/{appId}/${action}`,
    tags,
    security,
    summary: `${summary} (asks for an OTP)`,
    description,
    request: { params: AppIdParams },
    responses: { ...okJson(ChallengeResponse, OTP_SENT), ...failures('VALIDATION', 'DASHBOARD_AUTH_REQUIRED', 'APP_NOT_FOUND', 'OTP_RATE_LIMITED', ...codes) },
  });
}

export const deactivateApp = appAction(
  'deactivateApp',
  'deactivate',
  'Deactivate an app',
  'On verify: every session and token of the app is revoked at once, its API key and secret stop working. The slot stays counted and the name stays taken.',
  ['APP_ALREADY_DEACTIVATED'],
);
export const activateApp = appAction('activateApp', 'activate', 'Activate a deactivated app', 'On verify: the key and secret work again. Sessions revoked by the deactivation stay revoked.', [
  'APP_ALREADY_ACTIVE',
]);
export const regenerateKey = appAction(
  'regenerateKey',
  'regenerate-key',
  'Regenerate the API key',
  'On verify: a new key is e-mailed (outbox), the old key stops working, every session of the app is revoked.',
  [],
);
export const regenerateSecret = appAction(
  'regenerateSecret',
  'regenerate-secret',
  'Regenerate the API secret',
  'On verify: the new secret is returned once, the old one stops working, every session of the app is revoked.',
  [],
);

export const verifyChallenge = createRoute({
  operationId: 'verifyChallenge',
  method: 'post',
  path: `${PREFIX}/challenges/{challengeId}/verify`,
  tags,
  security,
  summary: 'Verify OTP: carry out the pending action',
  description:
    "Single use. OTPs expire after 5 minutes; after 5 wrong OTPs the challenge is dead. The action's rules are checked again: a failure changes nothing. For create and regenerate-secret, apiSecret is returned this once.",
  request: { params: ChallengeIdParams, body: jsonBody(VerifyOtpRequest) },
  responses: {
    ...okJson(VerifiedActionResponse, 'Done'),
    ...failures(
      ...BODY_ERRORS,
      'DASHBOARD_AUTH_REQUIRED',
      'CHALLENGE_NOT_FOUND',
      'INVALID_OTP',
      'OTP_ATTEMPTS_EXCEEDED',
      'APP_NOT_FOUND',
      'APP_LIMIT_REACHED',
      'APP_NAME_TAKEN',
      'APP_ALREADY_ACTIVE',
      'APP_ALREADY_DEACTIVATED',
      'IP_NOT_PUBLIC',
      'IP_TAKEN',
      'IP_CHANGE_COOLDOWN',
      'IP_APP_INACTIVE',
    ),
  },
});

export const resendChallenge = createRoute({
  operationId: 'resendChallenge',
  method: 'post',
  path: `${PREFIX}/challenges/{challengeId}/resend`,
  tags,
  security,
  summary: 'Request a new OTP for a pending action',
  description: 'Sends a new OTP; the previous one stops working and the 5-minute expiry starts again.',
  request: { params: ChallengeIdParams },
  responses: { ...okJson(ChallengeResponse, OTP_SENT), ...failures('VALIDATION', 'DASHBOARD_AUTH_REQUIRED', 'CHALLENGE_NOT_FOUND', 'OTP_RATE_LIMITED') },
});

export const listStaticIps = createRoute({
  operationId: 'listStaticIps',
  method: 'get',
  path: `${PREFIX}/static-ips`,
  tags,
  security,
  summary: 'Static IPs page: the IPs of every app',
  responses: { ...okJson(StaticIpsResponse, 'Static IPs'), ...failures('DASHBOARD_AUTH_REQUIRED') },
});

export const setStaticIp = createRoute({
  operationId: 'setStaticIp',
  method: 'post',
  path: `${PREFIX}/static-ips`,
  tags,
  security,
  summary: 'Register or change a static IP (asks for an OTP)',
  description:
    "Public IPv4 only; an IP another client holds is refused; a SECONDARY needs a PRIMARY. Adding a new address or editing one is a change, allowed once every 7 days from the account's last IP change (SEBI); re-using an address already whitelisted on another of the account's apps, or re-adding the one its last change deleted, is free (no check, the 7 days do not restart). Checked again on verify. Deactivating an app deregisters its IPs.",
  request: { body: jsonBody(SetStaticIpRequest) },
  responses: {
    ...okJson(ChallengeResponse, OTP_SENT),
    ...failures(
      ...BODY_ERRORS,
      'DASHBOARD_AUTH_REQUIRED',
      'APP_NOT_FOUND',
      'IP_NOT_PUBLIC',
      'IP_TAKEN',
      'IP_PRIMARY_FIRST',
      'IP_DUPLICATE',
      'IP_CHANGE_COOLDOWN',
      'IP_APP_INACTIVE',
      'NOTHING_TO_CHANGE',
      'OTP_RATE_LIMITED',
    ),
  },
});

export const deleteStaticIp = createRoute({
  operationId: 'deleteStaticIp',
  method: 'delete',
  path: `${PREFIX}/static-ips`,
  tags,
  security,
  summary: 'Delete a static IP (asks for an OTP)',
  description:
    'Frees the address at once on verify (the same address may be registered again straight away, free). A delete is a change for the 7-day rule; the SECONDARY goes before the PRIMARY. Checked again on verify.',
  request: { body: jsonBody(DeleteStaticIpRequest) },
  responses: {
    ...okJson(ChallengeResponse, OTP_SENT),
    ...failures(...BODY_ERRORS, 'DASHBOARD_AUTH_REQUIRED', 'APP_NOT_FOUND', 'IP_SECONDARY_FIRST', 'IP_CHANGE_COOLDOWN', 'NOTHING_TO_CHANGE', 'OTP_RATE_LIMITED'),
  },
});
