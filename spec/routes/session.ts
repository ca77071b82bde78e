import { createRoute } from '@hono/zod-openapi';
import { LogoutResponse, SessionTokenRequest, SessionTokenResponse } from '../schemas/session.js';
import { BODY_ERRORS, SESSION_ERRORS, failures, jsonBody, okJson } from '../responses.js';

export const sessionToken = createRoute({
  operationId: 'sessionToken',
  method: 'post',
  path: '/session/token',
  tags: ['Session'],
  summary: 'Generate a session token from an API key and secret',
  description: 'Returns a session token (JWT) valid until 08:00 IST the next day. A deactivated app ("Invalid or inactive API key"), or a key or secret that was regenerated, is refused; the errorCode is EOAUTH001 for the key, EOAUTH008 for the secret. Static IPs are not checked here (the sandbox chose this; order calls check them).',
  request: { body: jsonBody(SessionTokenRequest) },
  responses: {
    ...okJson(SessionTokenResponse, 'Session token generated successfully'),
    ...failures(...BODY_ERRORS, 'INVALID_API_KEY', 'INACTIVE_API_KEY', 'INVALID_API_SECRET'),
  },
});

const LOGOUT = 'Ends the session of the x-session-token; the token is refused afterwards.';

function logoutRoute(operationId: string, method: 'delete' | 'post', description: string) {
  return createRoute({
    operationId,
    method,
    path: '/logout',
    tags: ['Session'],
    summary: 'End the session',
    description,
    security: [{ sessionToken: [] }],
    responses: { ...okJson(LogoutResponse, 'Logged out'), ...failures(...SESSION_ERRORS) },
  });
}

export const logout = logoutRoute('logout', 'delete', LOGOUT);
export const logoutPost = logoutRoute('logoutPost', 'post', `${LOGOUT} The legacy clients use POST.`);
