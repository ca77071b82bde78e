/**
 * Every refusal the sandbox can answer with: its HTTP status and the statusMessage the real
 * service uses (or, where the real text is unpublished, the sandbox's own wording). The domain
 * returns these codes; the HTTP layer and the spec's examples read this one table.
 */
export const ERRORS = {
  VALIDATION: { http: 400, message: 'Invalid request: appName: Too small: expected string to have >=3 characters' },
  MALFORMED_JSON: { http: 400, message: 'Malformed JSON in request body.' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, message: 'Unsupported Media Type: send the body as application/json.' },
  PAYLOAD_TOO_LARGE: { http: 413, message: 'Request body too large.' },
  ROUTE_NOT_FOUND: { http: 404, message: 'No such endpoint: GET /no/such/path' },
  METHOD_NOT_ALLOWED: { http: 405, message: 'Method not allowed: PUT /session/token (allowed: POST)' },
  UNKNOWN_USER: { http: 400, message: 'Invalid user id.' },
  INVALID_OTP: { http: 400, message: 'Invalid OTP.' },
  OTP_ATTEMPTS_EXCEEDED: { http: 400, message: 'Too many invalid OTP attempts. Request a new OTP.' },
  OTP_RATE_LIMITED: { http: 429, message: 'Too many OTP requests: at most 20 in 10 minutes for one user. Try again later.' },
  INVALID_CREDENTIALS: { http: 401, message: 'Invalid credentials' },
  DASHBOARD_AUTH_REQUIRED: { http: 401, message: 'Sign in first: the x-dashboard-token header is missing, invalid or expired.' },
  SESSION_REQUIRED: { http: 401, message: 'The x-session-token header is required.' },
  SESSION_INVALID: { http: 401, message: 'Invalid session token.' },
  SESSION_EXPIRED: { http: 401, message: 'Session expired. Generate a new session token.' },
  SESSION_REVOKED: { http: 401, message: 'Session revoked: the app was deactivated or its API key or secret was regenerated.' },
  // The three /session/token refusals and their errorCodes follow Samco's public Trade API docs.
  INVALID_API_KEY: { http: 401, message: 'Invalid API key', errorCode: 'EOAUTH001' },
  INACTIVE_API_KEY: { http: 401, message: 'Invalid or inactive API key', errorCode: 'EOAUTH001' },
  INVALID_API_SECRET: { http: 401, message: 'Invalid API secret', errorCode: 'EOAUTH008' },
  APP_NOT_FOUND: { http: 404, message: 'App not found.' },
  APP_LIMIT_REACHED: { http: 409, message: 'App limit reached: an account can have at most 5 apps, deactivated apps included (apps cannot be deleted).' },
  APP_NAME_TAKEN: { http: 409, message: 'App name already in use by another of your apps (compared case-insensitively after trimming; deactivated apps keep their name).' },
  INVALID_APP_NAME: { http: 400, message: 'App name must not contain control characters.' },
  INVALID_REDIRECT_URL: { http: 400, message: 'Redirect URL must be an HTTPS URL without a fragment (http is allowed only on 127.0.0.1 for local testing).' },
  NOTHING_TO_CHANGE: { http: 400, message: 'Nothing to change: send appName and/or redirectUrl with a new value.' },
  APP_ALREADY_ACTIVE: { http: 409, message: 'The app is already active.' },
  APP_ALREADY_DEACTIVATED: { http: 409, message: 'The app is already deactivated.' },
  APP_DELETE_UNSUPPORTED: { http: 405, message: 'Deleting an app is not supported. Deactivate it instead; its slot still counts toward the 5-app limit.' },
  CHALLENGE_NOT_FOUND: { http: 404, message: 'OTP request not found.' },
  ACCOUNT_EXISTS: { http: 409, message: 'An account with this user id already exists.' },
  CONTROL_FORBIDDEN: { http: 403, message: 'The control API answers only on loopback; from elsewhere, send the configured x-sandbox-token.' },
  INVALID_FIXTURE: { http: 400, message: 'Invalid fixture set: accounts.0.uid: Invalid string' },
  IP_NOT_PUBLIC: { http: 400, message: 'Invalid IP address: 10.0.0.1 is private (RFC 1918) (10.0.0.0/8), not a public address. Only a public IPv4 address can be registered.' },
  IP_TAKEN: { http: 409, message: 'The IP is already registered to another client.' },
  IP_PRIMARY_FIRST: { http: 400, message: 'Register a PRIMARY IP before a SECONDARY IP.' },
  IP_DUPLICATE: { http: 400, message: 'PRIMARY and SECONDARY IPs must differ.' },
  IP_CHANGE_COOLDOWN: { http: 400, message: 'An IP change is allowed once every 7 days from the last change (SEBI); the next change is allowed from 2025-12-24T04:30:00.000Z.' },
  IP_WEEKLY_LIMIT: { http: 400, message: 'IP update allowed only once per calendar week' },
  IP_ALREADY_REGISTERED: { http: 409, message: 'Both primary and secondary IP already registered' },
  IP_NONE_REGISTERED: { http: 400, message: 'No IPs registered yet: register them with /ip/ipRegistration first.' },
  IP_APP_INACTIVE: { http: 409, message: 'Activate the app before registering its static IPs.' },
  IP_NOT_REGISTERED: { http: 403, message: 'The IP is not the registered static IP', errorCode: 'EOAUTH009' },
  INCORRECT_PASSWORD: { http: 401, message: 'Incorrect Password' },
  LEGACY_INVALID_PASSWORD: { http: 400, message: 'Invalid Password' },
  LEGACY_INVALID_YOB: { http: 400, message: 'Invalid year of birth' },
  SECRET_KEY_MISMATCH: { http: 400, message: 'Secret key does not match' },
  ACCESS_TOKEN_INVALID: { http: 400, message: 'Invalid or expired access token. Generate a new one with /accessToken/token.' },
  ORDER_INVALID: { http: 400, message: 'price is required for a limit order (L).' },
  ORDER_NOT_FOUND: { http: 404, message: 'Order not found.' },
  ORDER_NOT_CANCELLABLE: { http: 409, message: 'Order cannot be cancelled: it is EXECUTED.' },
  AT_KEY_INVALID: { http: 403, message: 'Invalid API key.' },
  AT_USER_DISABLED: { http: 403, message: 'User is disabled.' },
  AT_RATE_LIMITED: { http: 429, message: 'Too Many Requests: at most 60 requests per 5 seconds for a pseudo account.' },
  AT_PASSWORD_INVALID: { http: 401, message: 'Invalid username or password.' },
  AT_ACCOUNT_NOT_LIVE: { http: 400, message: 'Pseudo account [ACC_1] is not live.' },
  AT_INVALID_ORDER: { http: 400, message: 'price must be 0 for a MARKET order.' },
  AT_ORDER_NOT_FOUND: { http: 404, message: 'Order [AT-1] not found in pseudo account [ACC_1].' },
  AT_ORDER_NOT_CANCELLABLE: { http: 409, message: 'Order [AT-1] cannot be cancelled: it is COMPLETE.' },
  AT_USER_EXISTS: { http: 409, message: 'An AutoTrader user with this username already exists.' },
  CLOCK_OUT_OF_RANGE: { http: 400, message: 'Clock out of range: the sandbox clock stays between the Unix epoch and a year before the last date with a four-digit year, so that every date it answers with can be written.' },
  SIGN_IN_THROTTLED: { http: 429, message: 'Too many failed sign-ins for this account. Try again after the time in the Retry-After header.' },
  REQUEST_TIMEOUT: { http: 408, message: 'Request timed out: the whole request did not arrive in time.' },
  HEADERS_TOO_LARGE: { http: 431, message: 'Request headers too large.' },
  MALFORMED_HTTP: { http: 400, message: 'Malformed HTTP request (for example conflicting Content-Length and Transfer-Encoding headers).' },
  // OAuth 2.1 (RFC 6749 section 5.2 and 4.1.2.1): `oauth` is the `error` of the OAuth error body.
  OAUTH_INVALID_REQUEST: { http: 400, message: 'code_verifier is required (PKCE).', oauth: 'invalid_request' },
  OAUTH_UNKNOWN_CLIENT: { http: 400, message: 'Unknown or inactive client_id: it must be the API key of an active app.', oauth: 'invalid_request' },
  OAUTH_REDIRECT_MISMATCH: { http: 400, message: 'redirect_uri does not match the Redirect URL registered for the app (scheme, host, port and path must be equal).', oauth: 'invalid_request' },
  OAUTH_UNSUPPORTED_RESPONSE_TYPE: { http: 400, message: 'response_type must be code.', oauth: 'unsupported_response_type' },
  OAUTH_INVALID_SCOPE: { http: 400, message: 'scope must be all (the only scope of a Trade API app).', oauth: 'invalid_scope' },
  OAUTH_ACCESS_DENIED: { http: 400, message: 'The user denied the authorization request.', oauth: 'access_denied' },
  OAUTH_CONSENT_SECRET: { http: 401, message: 'Invalid API secret: the authorization was not granted. Try again.', oauth: 'access_denied' },
  OAUTH_INVALID_CLIENT: { http: 401, message: 'Client authentication failed: unknown client_id, inactive app or wrong client_secret.', oauth: 'invalid_client' },
  OAUTH_INVALID_GRANT: { http: 400, message: 'The authorization code has expired.', oauth: 'invalid_grant' },
  OAUTH_UNSUPPORTED_GRANT_TYPE: { http: 400, message: 'grant_type must be authorization_code or refresh_token.', oauth: 'unsupported_grant_type' },
  OAUTH_FOREIGN_TOKEN: { http: 400, message: 'The token was issued to another client.', oauth: 'invalid_request' },
  INTERNAL: { http: 500, message: 'Internal error. Nothing was changed.' },
} as const satisfies Record<string, { http: number; message: string; errorCode?: string; oauth?: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The RFC 6749 `error` of a refusal on the OAuth endpoints: from the table, else by HTTP status. */
export function oauthErrorOf(code: ErrorCode): string {
  const entry = ERRORS[code];
  return 'oauth' in entry ? entry.oauth : oauthErrorOfStatus(entry.http);
}

/** The `error` of a refusal the table has no OAuth code for (a body, routing or server failure). */
export function oauthErrorOfStatus(http: number): string {
  if (http >= 500) return 'server_error';
  return http === 401 ? 'invalid_client' : 'invalid_request';
}
