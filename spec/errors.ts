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
  INVALID_FIXTURE: { http: 400, message: 'Invalid fixture set: accounts.0.uid: Invalid string' },
  AT_KEY_INVALID: { http: 403, message: 'Invalid API key.' },
  AT_USER_DISABLED: { http: 403, message: 'User is disabled.' },
  AT_RATE_LIMITED: { http: 429, message: 'Too Many Requests: at most 60 requests per 5 seconds for a pseudo account.' },
  AT_PASSWORD_INVALID: { http: 401, message: 'Invalid username or password.' },
  AT_ACCOUNT_NOT_LIVE: { http: 400, message: 'Pseudo account [ACC_1] is not live.' },
  AT_INVALID_ORDER: { http: 400, message: 'price must be 0 for a MARKET order.' },
  AT_ORDER_NOT_FOUND: { http: 404, message: 'Order [AT-1] not found in pseudo account [ACC_1].' },
  AT_ORDER_NOT_CANCELLABLE: { http: 409, message: 'Order [AT-1] cannot be cancelled: it is COMPLETE.' },
  AT_USER_EXISTS: { http: 409, message: 'An AutoTrader user with this username already exists.' },
  INTERNAL: { http: 500, message: 'Internal error. Nothing was changed.' },
} as const satisfies Record<string, { http: number; message: string; errorCode?: string }>;

export type ErrorCode = keyof typeof ERRORS;
