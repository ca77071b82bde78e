import type { ErrorCode } from '../../spec/errors.js';

/** `retryAfterMs`: when a throttled caller may try again (sent as Retry-After). */
export type DomainError = { code: ErrorCode; message?: string; retryAfterMs?: number };
export type Failure = { ok: false; error: DomainError };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message?: string, retryAfterMs?: number): Failure => ({
  ok: false,
  error: { code, message, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
});
