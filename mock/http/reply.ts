import type { Context } from 'hono';
import { ERRORS, envelopeOf, type FailureEnvelopeKind } from '../../spec/errors.js';
import type { DomainError } from '../domain/result.js';
import type { SandboxDomain } from '../domain/domain.js';
import { formatServerTime } from '../domain/ist.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { failureShape } from './surface.js';

type FailureStatus = (typeof ERRORS)[keyof typeof ERRORS]['http'];

/** Builds the envelopes: every response of the emulated API goes through here. */
export class Reply {
  constructor(private readonly domain: SandboxDomain) {}

  private second = -1;
  private formatted = '';

  /** serverTime has a resolution of one second: formatted once per second, not per response. */
  serverTime(): string {
    const second = Math.floor(this.domain.clock.now() / 1000);
    if (second !== this.second) {
      this.second = second;
      this.formatted = formatServerTime(second * 1000);
    }
    return this.formatted;
  }

  /** serverTime and a fresh msgId: for the published answers that carry them without `status`. */
  head() {
    return { serverTime: this.serverTime(), msgId: this.domain.random.uuid('msg-id') };
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
    return { result, message: null, status: true as const, commandId: this.domain.random.uuid('at-command-id') };
  }

  /** The refusal of a domain error, from the one table in spec/errors.ts, in the envelope of the path's API. */
  fail(c: Context, error: DomainError): never {
    const entry = ERRORS[error.code];
    const errorCode = 'errorCode' in entry ? entry.errorCode : undefined;
    c.set('refusal', error.code);
    if (error.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    const kind = envelopeOf(error.code);
    if (kind) return this.failIn(c, kind, entry.http as FailureStatus, error.message ?? entry.message);
    return this.failWith(c, entry.http as FailureStatus, error.message ?? entry.message, errorCode);
  }

  /** A refusal in one of the published special shapes (spec/errors.ts `envelope`): validationErrors, or no msgId. */
  private failIn(c: Context, kind: FailureEnvelopeKind, http: FailureStatus, message: string): never {
    if (kind === 'validation') return c.json({ serverTime: this.serverTime(), status: 'Failure' as const, validationErrors: [message] }, http) as never;
    return c.json({ serverTime: this.serverTime(), status: 'Failure' as const, statusMessage: message }, http) as never;
  }

  /** A Samco Failure envelope with fields of the operation beside it (modifyOrder echoes `ordernumber`). */
  failWithFields(c: Context, error: DomainError, fields: Record<string, string>): never {
    const entry = ERRORS[error.code];
    c.set('refusal', error.code);
    const errorCode = 'errorCode' in entry ? entry.errorCode : undefined;
    return c.json({ ...this.failureBody(error.message ?? entry.message, errorCode), ...fields }, entry.http as FailureStatus) as never;
  }

  failWith(c: Context, http: ContentfulStatusCode, message: string, errorCode?: string): never {
    const status = http >= 500 ? ('Error' as const) : ('Failure' as const);
    const code = errorCode ? { errorCode } : {};
    switch (failureShape(c.req.path)) {
      case 'autotrader':
        return c.json({ result: null, message, status: false, commandId: null }, http) as never;
      case 'oauth':
        return c.json({ status, message, ...(status === 'Failure' ? code : {}) }, http) as never;
      case 'bare':
        return c.json({ status, statusMessage: message, ...code }, http) as never;
      case 'validation':
        return c.json({ serverTime: this.serverTime(), status, validationErrors: [message] }, http) as never;
      default:
        return c.json(http >= 500 ? this.errorBody(message) : this.failureBody(message, errorCode), http) as never;
    }
  }
}
