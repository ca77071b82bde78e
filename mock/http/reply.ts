import type { Context } from 'hono';
import { ERRORS, oauthErrorOfStatus } from '../../spec/errors.js';
import type { DomainError } from '../domain/result.js';
import type { SandboxDomain } from '../domain/domain.js';
import { formatServerTime } from '../domain/ist.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isAutoTraderPath, isOAuthPath } from './surface.js';

type FailureStatus = (typeof ERRORS)[keyof typeof ERRORS]['http'];

/** Builds the envelopes: every response of the emulated API goes through here. */
export class Reply {
  constructor(private readonly domain: SandboxDomain) {}

  private second = -1;
  private serverTime = '';

  /** serverTime has a resolution of one second: formatted once per second, not per response. */
  private head() {
    const second = Math.floor(this.domain.clock.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.serverTime = formatServerTime(second * 1000);
    }
    return { serverTime: this.serverTime, msgId: this.domain.random.uuid('msg-id') };
  }

  success<T extends object>(statusMessage: string, fields: T) {
    return { ...this.head(), status: 'Success' as const, statusMessage, ...fields };
  }

  failureBody(statusMessage: string, errorCode?: string) {
    return { ...this.head(), status: 'Failure' as const, statusMessage, ...(errorCode ? { errorCode } : {}) };
  }

  errorBody(statusMessage: string = ERRORS.INTERNAL.message) {
    return { ...this.head(), status: 'Error' as const, statusMessage };
  }

  /** AutoTrader's envelope: always the four keys its clients build their response from. */
  atSuccess<T>(result: T) {
    return { result, message: null, status: true, commandId: this.domain.random.uuid('at-command-id') };
  }

  /** The refusal of a domain error, from the one table in spec/errors.ts, in the envelope of the path's API. */
  fail(c: Context, error: DomainError): never {
    const entry = ERRORS[error.code];
    const errorCode = 'errorCode' in entry ? entry.errorCode : undefined;
    const oauthError = 'oauth' in entry ? entry.oauth : undefined;
    if (error.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    return this.failWith(c, entry.http as FailureStatus, error.message ?? entry.message, errorCode, oauthError);
  }

  failWith(c: Context, http: ContentfulStatusCode, message: string, errorCode?: string, oauthError?: string): never {
    if (isAutoTraderPath(c.req.path)) return c.json({ result: null, message, status: false, commandId: null }, http) as never;
    if (isOAuthPath(c.req.path)) {
      const error = oauthError ?? oauthErrorOfStatus(http);
      // RFC 6749 5.2: a 401 names the authentication scheme the client should use.
      if (http === 401 && error === 'invalid_client') c.header('WWW-Authenticate', 'Basic realm="tradeapi-sandbox", charset="UTF-8"');
      return c.json({ error, error_description: message }, http) as never;
    }
    const body = http >= 500 ? this.errorBody(message) : this.failureBody(message, errorCode);
    return c.json(body, http) as never;
  }
}
