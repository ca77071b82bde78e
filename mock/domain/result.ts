import type { ErrorCode } from '../../spec/errors.js';

export type DomainError = { code: ErrorCode; message?: string };
export type Failure = { ok: false; error: DomainError };
export type Result<T> = { ok: true; value: T } | Failure;

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message?: string): Failure => ({ ok: false, error: { code, message } });
