/**
 * Every refusal the sandbox can answer with: its HTTP status and the statusMessage the real
 * service uses (or, where the real text is unpublished, the sandbox's own wording). The domain
 * returns these codes; the HTTP layer and the spec's examples read this one table.
 */
export type FailureEnvelopeKind = 'validation' | 'noMsgId';

const TRADING_SESSION_MESSAGE = 'Unable to start your trading session. Please open the SAMCO mobile app, sign in once, and then retry.';

export const ERRORS = {
  VALIDATION: { http: 400, message: 'Invalid request: appName: Too small: expected string to have >=3 characters' },
  MALFORMED_JSON: { http: 400, message: "Malformed JSON in request body: line 3, column 3: expected ',' or '}' after a property value." },
  // Samco's servers are silent on a JSON body without its content type (an Express-style parser would ignore the body and report the fields missing); the sandbox names the header instead.
  JSON_CONTENT_TYPE_MISSING: { http: 415, message: 'The body is JSON but was sent without a Content-Type header: send the header Content-Type: application/json.' },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, message: 'Unsupported Media Type: send the body as application/json.' },
  PAYLOAD_TOO_LARGE: { http: 413, message: 'Request body too large.' },
  ROUTE_NOT_FOUND: { http: 404, message: 'No such endpoint: GET /no/such/path' },
  METHOD_NOT_ALLOWED: { http: 405, message: 'Method not allowed: PUT /session/token (allowed: POST)' },
  UNKNOWN_USER: { http: 400, message: 'Invalid user id.' },
  LEGACY_OTP_FAILED: { http: 400, message: 'Failed to genererate otp for user' },
  INVALID_OTP: { http: 400, message: 'Invalid OTP.' },
  OTP_ATTEMPTS_EXCEEDED: { http: 400, message: 'Too many invalid OTP attempts. Request a new OTP.' },
  OTP_RATE_LIMITED: { http: 429, message: 'Too many OTP requests: at most 20 in 10 minutes for one user. Try again later.' },
  INVALID_CREDENTIALS: { http: 401, message: 'Invalid credentials' },
  DASHBOARD_AUTH_REQUIRED: { http: 401, message: 'Sign in first: the x-dashboard-token header is missing, invalid or expired.' },
  // Samco's two published texts for a missing header and for a value that is not a session token.
  SESSION_REQUIRED: { http: 401, message: "Unauthorized - Session token is mandatory. Please provide session token in 'x-session-token' header" },
  SESSION_INVALID: { http: 401, message: 'Unauthorized - Invalid token. sessId missing.' },
  SESSION_EXPIRED: { http: 401, message: 'Session expired. Generate a new session token.' },
  SESSION_REVOKED: { http: 401, message: 'Session revoked: the app was deactivated or its API key or secret was regenerated.' },
  // /session/token and the OAuth flow share Samco's published texts and errorCodes (one error-handling block covers both).
  API_CREDENTIALS_REQUIRED: { http: 400, message: 'apiKey and apiSecret are required' },
  INVALID_API_KEY: { http: 401, message: 'Invalid API key', errorCode: 'EOAUTH001' },
  INACTIVE_API_KEY: { http: 401, message: 'Invalid or inactive API key', errorCode: 'EOAUTH001' },
  INVALID_API_SECRET_FORMAT: { http: 401, message: 'Invalid API secret format', errorCode: 'EOAUTH008' },
  INVALID_API_SECRET: { http: 401, message: 'Invalid API secret', errorCode: 'EOAUTH008' },
  ACCOUNT_NOT_SUBSCRIBED: { http: 403, message: 'User not subscribed. Please subscribe to access trade API' },
  ACCOUNT_BLOCKED: { http: 403, message: 'User account is blocked' },
  TRADING_SESSION_FAILED: { http: 401, message: TRADING_SESSION_MESSAGE },
  LOGIN_CODE_INVALID: { http: 400, message: 'Invalid OTP. Please enter valid OTP.' },
  LOGIN_CODE_EXPIRED: { http: 400, message: 'OTP expired. Please enter valid OTP.' },
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
  IP_SECONDARY_FIRST: { http: 400, message: 'Delete the SECONDARY IP before the PRIMARY IP.' },
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
  // Orders: Samco publishes one failure ("Invalid Order number.", 400); the other texts and statuses are the sandbox's.
  ORDER_INVALID: { http: 400, message: 'price is required (> 0) for a limit order (L).' },
  ORDER_TYPE_NOT_ALLOWED: { http: 400, message: 'Invalid orderType: only L (Limit) and SL (Stop Loss Limit) orders are accepted.' },
  ORDER_BFO_NOT_ALLOWED: { http: 400, message: 'In the BFO exchange, only SENSEX and BANKEX trades are allowed.' },
  ORDER_NOT_FOUND: { http: 400, message: 'Invalid Order number.' },
  ORDER_NOT_MODIFIABLE: { http: 400, message: 'Order cannot be modified: it is COMPLETE.' },
  ORDER_MODIFY_REJECTED: { http: 400, message: 'RMS:Margin Exceeds, Required:2950.50, Available:1000.00' },
  ORDER_NOT_CANCELLABLE: { http: 400, message: 'Order cannot be cancelled: it is COMPLETE.' },
  POSITION_TYPE_REQUIRED: { http: 400, message: 'positionType is required: DAY or NET.' },
  AT_KEY_INVALID: { http: 403, message: 'Invalid API key.' },
  AT_USER_DISABLED: { http: 403, message: 'User is disabled.' },
  AT_RATE_LIMITED: { http: 429, message: 'Too Many Requests: at most 60 requests per 5 seconds for a pseudo account.' },
  AT_PASSWORD_INVALID: { http: 401, message: 'Invalid username or password.' },
  AT_ACCOUNT_NOT_LIVE: { http: 200, message: 'Pseudo account [ACC_1] is not live.' },
  AT_INVALID_ORDER: { http: 200, message: 'price must be 0 for a MARKET order.' },
  AT_ORDER_NOT_FOUND: { http: 200, message: 'Order [AT-1] not found in pseudo account [ACC_1].' },
  AT_ORDER_NOT_CANCELLABLE: { http: 200, message: 'Order [AT-1] cannot be cancelled: it is COMPLETE.' },
  AT_USER_EXISTS: { http: 409, message: 'An AutoTrader user with this username already exists.' },
  CLOCK_OUT_OF_RANGE: {
    http: 400,
    message: 'Clock out of range: the sandbox clock stays between the Unix epoch and a year before the last date with a four-digit year, so that every date it answers with can be written.',
  },
  CLOCK_BACKWARDS: {
    http: 400,
    message:
      'The sandbox clock moves forward only: 2025-12-18T02:29:00.000Z is before where it stands, 2026-12-02T02:29:00.000Z, and what expired stays expired. POST /__sandbox/reset starts over at the real time.',
  },
  SIGN_IN_THROTTLED: { http: 429, message: 'Too many failed sign-ins for this account. Try again after the time in the Retry-After header.' },
  REQUEST_TIMEOUT: { http: 408, message: 'Request timed out: the whole request did not arrive in time.' },
  HEADERS_TOO_LARGE: { http: 431, message: 'Request headers too large.' },
  MALFORMED_HTTP: { http: 400, message: 'Malformed HTTP request (for example conflicting Content-Length and Transfer-Encoding headers).' },
  AT_SYMBOL_NOT_FOUND: { http: 200, message: 'Symbol [ABC] not found on exchange [NSE].' },
  AT_ORDER_NOT_MODIFIABLE: { http: 200, message: 'Order [AT-1] cannot be modified: it is COMPLETE.' },
  AT_NO_CHILD_ORDERS: { http: 200, message: 'Order [AT-1] has no open child orders to exit.' },
  AT_POSITION_NOT_FOUND: { http: 200, message: 'No open MIS position in [NSE] [SBIN] in pseudo account [ACC_1].' },
  // Samco's OAuth 2.1 flow: {status:"Failure", message, errorCode}. Samco publishes the codes and some texts, not the HTTP statuses: these are the sandbox's.
  OAUTH_API_KEY_REQUIRED: { http: 400, message: 'api_key is required', errorCode: 'EOAUTH001' },
  OAUTH_REDIRECT_REQUIRED: { http: 400, message: 'redirect_url is required', errorCode: 'EOAUTH002' },
  OAUTH_REDIRECT_MISMATCH: { http: 400, message: 'redirect_url does not match the redirect URL registered for the app', errorCode: 'EOAUTH002' },
  OAUTH_INVALID_SCOPES: { http: 400, message: 'Requested scopes are not a subset of the scopes registered for the app', errorCode: 'EOAUTH003' },
  OAUTH_API_SECRET_REQUIRED: { http: 400, message: 'api_secret is required', errorCode: 'EOAUTH008' },
  OAUTH_IP_NOT_ALLOWED: { http: 403, message: 'Request IP is not registered as a static IP for this app', errorCode: 'EOAUTH009' },
  OAUTH_CODE_REQUIRED: { http: 400, message: 'code is required', errorCode: 'EOAUTH010' },
  OAUTH_CODE_NOT_FOUND: { http: 400, message: 'Invalid authorization code', errorCode: 'EOAUTH011' },
  OAUTH_CODE_USED: { http: 400, message: 'Authorization code already used. All tokens revoked for security.', errorCode: 'EOAUTH012' },
  OAUTH_CODE_EXPIRED: { http: 400, message: 'Authorization code has expired', errorCode: 'EOAUTH013' },
  OAUTH_REFRESH_REQUIRED: { http: 400, message: 'refresh_token is required', errorCode: 'EOAUTH015' },
  OAUTH_REFRESH_INVALID: { http: 401, message: 'Invalid or inactive refresh token', errorCode: 'EOAUTH016' },
  OAUTH_REFRESH_EXPIRED: { http: 401, message: 'Refresh token has expired', errorCode: 'EOAUTH017' },
  OAUTH_EXCHANGE_IN_PROGRESS: { http: 409, message: 'Concurrent token exchange in progress. Please retry.', errorCode: 'EOAUTH030' },
  OAUTH_BACKEND_UNAVAILABLE: { http: 401, message: TRADING_SESSION_MESSAGE, errorCode: 'EOAUTH999' },
  OAUTH_GRANT_TYPE: { http: 400, message: 'grant_type must be authorization_code or refresh_token' },
  OAUTH_TOKEN_REQUIRED: { http: 400, message: 'token is required' },
  OAUTH_TOKEN_TYPE: { http: 400, message: 'token_type must be access_token or refresh_token' },
  MARKET_SYMBOL_NOT_FOUND: { http: 400, message: 'No Symbol found for the provided symbol name and exchange.' },
  MARKET_PRICE_OUT_OF_BAND: { http: 400, message: 'The price must be within 649.90 and 974.90 (previous close 812.4 ± 20%).' },
  // Bracket, cover, bulk, span margin, GTT and OCO (issue 18a). Published texts where Samco publishes one, else the sandbox's wording.
  ORDER_USE_EXIT: { http: 400, message: 'A bracket or cover order (entry or leg) is cancelled or exited with exitBO / exitCO: cancelOrder is for CNC, MIS and NRML orders.' },
  BRACKET_INVALID: { http: 400, message: 'Bracket orders are not allowed on BSE.' },
  EXIT_SUBORDER_EXECUTED: { http: 400, message: 'SubOrder is in Executed status. Cannot exit/cancel such orders.' },
  EXIT_NOT_BRACKET: { http: 400, message: 'Order 240522000162545 is not a bracket order entry: exitBO takes the orderNumber placeOrderBO answered.' },
  EXIT_NOT_OPEN: { http: 400, message: 'Order cannot be exited: it is REJECTED.' },
  GTT_INVALID: { http: 400, message: 'limitPrice is required (> 0) for a limit (L) GTT.' },
  GTT_NOT_FOUND: { http: 400, message: 'TRIGGER DOES NOT EXIST' },
  GTT_TRIGGERED: { http: 400, message: 'The GTT has been triggered: a triggered GTT cannot be deleted.' },
  GTT_CNC_BUY: { http: 400, message: 'EQ delivery buy orders are not allowed in GTT' },
  GTT_LIST_TYPE: { http: 400, message: ' Enter a valid listType ( active / triggered / expired).' },
  // Baskets, portfolio actions and trade analytics (issue 18b). Texts Samco publishes are kept to the character
  // (trailing and leading spaces included); the others are the sandbox's. `envelope` names a published failure
  // shape other than the usual one: 'validation' {serverTime, status, validationErrors[]}, 'noMsgId' {serverTime, status, statusMessage}.
  BASKET_NOT_FOUND: { http: 400, message: 'No such Basket found' },
  BASKET_NOT_FOUND_NO_MSG_ID: { http: 400, message: 'No such Basket found', envelope: 'noMsgId' },
  BASKET_IDS_INVALID: { http: 400, message: 'The provided BasketIds are invalid: [65]' },
  BASKET_ORDER_INVALID: { http: 400, message: 'Invalid basket order id or BasketId ' },
  BASKET_NAME_TAKEN: { http: 400, message: 'Basket name already exists' },
  BASKET_NAME_INVALID: { http: 400, message: 'Basket name can only contain alphabets, numbers, hyphen, and space (1-50 characters).' },
  BASKET_LIMIT_REACHED: { http: 400, message: 'You have reached the maximum order limit of 50 orders. Please remove existing orders and try again.' },
  BASKET_LIST_TYPE_INVALID: { http: 400, message: ' Please enter a valid listType - ALL / EXECUTED / NOT EXECUTED ', envelope: 'validation' },
  BASKET_ID_REQUIRED: { http: 400, message: 'basketId is required: send it in the JSON body or as a query parameter.' },
  BASKET_NOTHING_TO_EXECUTE: { http: 400, message: 'No basket order to execute: the basket is empty, or every order in it has been sent already.' },
  BASKET_ORDER_SENT: { http: 400, message: 'Basket order already sent to the exchange: only an order not sent yet, or one that was rejected, can be modified.' },
  BASKET_PRODUCT_UNAVAILABLE: { http: 400, message: 'Bracket (BO) and cover (CO) orders cannot be placed on the simulated market yet.' },
  POSITION_NOT_FOUND: { http: 400, message: 'No open MIS BUY position in RELIANCE on BSE.' },
  POSITION_QUANTITY_MISMATCH: { http: 400, message: "netQuantity 18 does not match the position's net quantity (20)." },
  CONVERSION_NOT_ALLOWED: { http: 400, message: 'Position conversion from MIS to NRML is not allowed for RELIANCE: it can be converted to CNC.' },
  CONVERSION_QUANTITY_INVALID: { http: 400, message: 'quantityToConvert must be a whole number from 1 to the net quantity (18), a multiple of the lot size (1).' },
  CONVERSION_REJECTED: { http: 400, message: 'RMS:Margin Exceeds, Required:2950.50, Available:1000.00' },
  SQUARE_OFF_QUANTITY_INVALID: { http: 400, message: 'netQuantity must be a whole number from 1 to the open quantity (250), a multiple of the lot size (1).' },
  ANALYTICS_DURATION_INVALID: { http: 400, message: ' Please enter a valid duration - ALL / 1Y / 6M / 1M / 1D ', envelope: 'validation' },
  ANALYTICS_FILTER_INVALID: { http: 400, message: ' Please enter a valid filter - strategy / market cap / sector ', envelope: 'validation' },
  ANALYTICS_STATUS_INVALID: { http: 400, message: ' Please enter a valid status - open / close ', envelope: 'validation' },
  ANALYTICS_DATES_INVALID: { http: 400, message: ' Please enter fromDate and toDate as yyyy-MM-dd, fromDate not after toDate ', envelope: 'validation' },
  INTERNAL: { http: 500, message: 'Internal error. Nothing was changed.' },
} as const satisfies Record<string, { http: number; message: string; errorCode?: string; envelope?: FailureEnvelopeKind }>;

export type ErrorCode = keyof typeof ERRORS;

/** The envelope of a refusal, where Samco's published sample differs from the usual Failure envelope. */
export function envelopeOf(code: ErrorCode): FailureEnvelopeKind | undefined {
  const entry = ERRORS[code];
  return 'envelope' in entry ? entry.envelope : undefined;
}

/** The texts of the refusals above that name what was sent (issue 18b): built here, so the domain writes no prose. */
export const BASKET_TEXTS = {
  idsInvalid: (ids: ReadonlyArray<string | number>) => `The provided BasketIds are invalid: [${ids.join(', ')}]`,
  positionNotFound: (product: string, side: string, tradingSymbol: string, exchange: string) => `No open ${product} ${side} position in ${tradingSymbol} on ${exchange}.`,
  quantityMismatch: (sent: number, actual: number) => `netQuantity ${sent} does not match the position's net quantity (${actual}).`,
  conversionNotAllowed: (from: string, to: string, tradingSymbol: string, allowed: readonly string[]) =>
    `Position conversion from ${from} to ${to} is not allowed for ${tradingSymbol}: it can be converted to ${allowed.join(' or ')}.`,
  conversionQuantity: (net: number, lot: number) => `quantityToConvert must be a whole number from 1 to the net quantity (${net}), a multiple of the lot size (${lot}).`,
  squareOffQuantity: (open: number, lot: number) => `netQuantity must be a whole number from 1 to the open quantity (${open}), a multiple of the lot size (${lot}).`,
  margin: (required: string, available: string) => `RMS:Margin Exceeds, Required:${required}, Available:${available}`,
} as const;
