import type { z } from '@hono/zod-openapi';
import { ERRORS, type ErrorCode } from './errors.js';
import { ErrorEnvelope, FailureEnvelope } from './schemas/envelope.js';

const EXAMPLE_TIME = '17/12/25 10:01:56';
const EXAMPLE_MSG_ID = '6b2e7b9f-df86-4b96-932e-8028cbf766cc';

/** Refusals any JSON body can meet before the operation runs. */
export const BODY_ERRORS = ['VALIDATION', 'MALFORMED_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE'] as const satisfies readonly ErrorCode[];
export const SESSION_ERRORS = ['SESSION_REQUIRED', 'SESSION_INVALID', 'SESSION_EXPIRED', 'SESSION_REVOKED'] as const satisfies readonly ErrorCode[];

const DESCRIPTIONS: Record<number, string> = {
  400: 'Bad request: invalid input, wrong OTP',
  401: 'Not authenticated',
  403: 'Refused',
  404: 'Not found',
  405: 'Not supported',
  409: 'Conflicts with the current state',
  413: 'Body too large',
  415: 'Wrong content type',
  500: 'Server error',
};

type JsonResponse = { description: string; content: { 'application/json': { schema: z.ZodType; examples?: Record<string, { summary: string; value: unknown }> } } };

export function okJson<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } } };
}

/**
 * The Failure responses of an operation, grouped by HTTP status, each code an example. An Error
 * (500) is always possible. Typed as `{}` so that handlers are type-checked against the Success
 * body only; failures all go through one helper that builds them from spec/errors.ts.
 */
export function failures(...codes: readonly ErrorCode[]): {} {
  const out: Record<number, JsonResponse> = {};
  for (const code of new Set(codes)) {
    const declared = ERRORS[code];
    const { http, message } = declared;
    const errorCode = 'errorCode' in declared ? { errorCode: declared.errorCode } : {};
    const entry = (out[http] ??= {
      description: DESCRIPTIONS[http] ?? 'Failure',
      content: { 'application/json': { schema: FailureEnvelope, examples: {} } },
    });
    entry.content['application/json'].examples![code] = {
      summary: code.toLowerCase().replaceAll('_', ' '),
      value: { serverTime: EXAMPLE_TIME, msgId: EXAMPLE_MSG_ID, status: 'Failure', statusMessage: message, ...errorCode },
    };
  }
  out[500] = {
    description: DESCRIPTIONS[500]!,
    content: {
      'application/json': {
        schema: ErrorEnvelope,
        examples: { INTERNAL: { summary: 'internal error', value: { serverTime: EXAMPLE_TIME, msgId: EXAMPLE_MSG_ID, status: 'Error', statusMessage: ERRORS.INTERNAL.message } } },
      },
    },
  };
  return out;
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}
