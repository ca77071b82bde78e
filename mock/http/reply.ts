import type { Context } from 'hono';
import { ERRORS } from '../../spec/errors.js';
import type { DomainError } from '../domain/result.js';
import type { SandboxDomain } from '../domain/domain.js';
import { formatServerTime } from '../domain/ist.js';

type FailureStatus = (typeof ERRORS)[keyof typeof ERRORS]['http'];

/** Builds the envelopes: every response of the emulated API goes through here. */
export class Reply {
  constructor(private readonly domain: SandboxDomain) {}

  private head() {
    return { serverTime: formatServerTime(this.domain.clock.now()), msgId: this.domain.random.uuid('msg-id') };
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

  /** The Failure envelope and HTTP status of a domain refusal, from the one table in spec/errors.ts. */
  fail(c: Context, error: DomainError): never {
    const entry = ERRORS[error.code];
    const errorCode = 'errorCode' in entry ? entry.errorCode : undefined;
    return c.json(this.failureBody(error.message ?? entry.message, errorCode), entry.http as FailureStatus) as never;
  }
}
