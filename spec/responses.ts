import { z } from '@hono/zod-openapi';
import { ERRORS, envelopeOf, type ErrorCode, type FailureEnvelopeKind } from './errors.js';
import { ErrorEnvelope, FailureEnvelope, FailureWithoutMsgId } from './schemas/envelope.js';
import { AtFailure } from './schemas/autotrader.js';
import { OAuthError, OAuthFailure } from './schemas/oauth.js';
import { BareFailure, ValidationFailure } from './schemas/session.js';

const EXAMPLE_TIME = '17/12/25 10:01:56';
const EXAMPLE_MSG_ID = '6b2e7b9f-df86-4b96-932e-8028cbf766cc';

/** Refusals any JSON body can meet before the operation runs. */
export const BODY_ERRORS = ['VALIDATION', 'MALFORMED_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'JSON_CONTENT_TYPE_MISSING', 'PAYLOAD_TOO_LARGE'] as const satisfies readonly ErrorCode[];
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
  429: 'Too many requests',
  500: 'Server error',
};

type JsonResponse = { description: string; content: { 'application/json': { schema: z.ZodType; examples?: Record<string, { summary: string; value: unknown }> } } };

export function okJson<T extends z.ZodType>(schema: T, description: string) {
  return { 200: { description, content: { 'application/json': { schema } } } };
}

type Example = { summary: string; value: unknown };

/** Groups refusals by HTTP status, each code an example built by `body`, all with one schema. */
function grouped(codes: readonly ErrorCode[], schema: z.ZodType, body: (message: string, errorCode: string | undefined, code: ErrorCode) => unknown) {
  const out: Record<number, JsonResponse> = {};
  for (const code of new Set(codes)) {
    const declared = ERRORS[code];
    const errorCode = 'errorCode' in declared ? declared.errorCode : undefined;
    const entry = (out[declared.http] ??= {
      description: DESCRIPTIONS[declared.http] ?? 'Failure',
      content: { 'application/json': { schema, examples: {} } },
    });
    entry.content['application/json'].examples![code] = { summary: code.toLowerCase().replaceAll('_', ' '), value: body(declared.message, errorCode, code) } satisfies Example;
  }
  return out;
}

/**
 * The Failure responses of a Samco operation, grouped by HTTP status, each code an example. An
 * Error (500) is always possible. Typed as `{}` so that handlers are type-checked against the
 * Success body only; failures all go through one helper that builds them from spec/errors.ts.
 */
export function failures(...codes: readonly ErrorCode[]): {} {
  const usual = codes.filter((code) => !envelopeOf(code));
  const out = grouped(usual, FailureEnvelope, (statusMessage, errorCode) => ({
    serverTime: EXAMPLE_TIME,
    msgId: EXAMPLE_MSG_ID,
    status: 'Failure',
    statusMessage,
    ...(errorCode ? { errorCode } : {}),
  }));
  addSpecialEnvelopes(out, codes);
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

/** The same for an AutoTrader operation: its own four-key envelope, status false. */
export function atFailures(...codes: readonly ErrorCode[]): {} {
  return grouped([...codes, 'INTERNAL'], AtFailure, (message) => ({ result: null, message, status: false, commandId: null }));
}

/** The same for an OAuth endpoint: Samco's `{status, message, errorCode}`; an Error is `{status, message}`. */
export function oauthFailures(...codes: readonly ErrorCode[]): {} {
  const out = grouped(codes, OAuthFailure, (message, errorCode) => ({ status: 'Failure', message, ...(errorCode ? { errorCode } : {}) }));
  out[500] = {
    description: DESCRIPTIONS[500]!,
    content: { 'application/json': { schema: OAuthError, examples: { INTERNAL: { summary: 'internal error', value: { status: 'Error', message: ERRORS.INTERNAL.message } } } } },
  };
  return out;
}

/** The same for /session/token: its published failure samples carry only status, statusMessage and errorCode. */
export function bareFailures(...codes: readonly ErrorCode[]): {} {
  return grouped([...codes, 'INTERNAL'], BareFailure, (statusMessage, errorCode, code) => ({
    status: code === 'INTERNAL' ? 'Error' : 'Failure',
    statusMessage,
    ...(errorCode ? { errorCode } : {}),
  }));
}

/** The same for Login Code validation: Samco's `{serverTime, status, validationErrors}`. */
export function validationFailures(...codes: readonly ErrorCode[]): {} {
  return grouped([...codes, 'INTERNAL'], ValidationFailure, (message, _errorCode, code) => ({
    serverTime: EXAMPLE_TIME,
    status: code === 'INTERNAL' ? 'Error' : 'Failure',
    validationErrors: [message],
  }));
}

export const FORM = 'application/x-www-form-urlencoded';

export function formBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { [FORM]: { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } };
}

const SPECIAL_SCHEMAS: Record<FailureEnvelopeKind, z.ZodType> = { validation: ValidationFailure, noMsgId: FailureWithoutMsgId };

/**
 * The refusals whose published sample has another shape (spec/errors.ts `envelope`): added to the
 * response of their status, whose schema becomes the union of the shapes it can then hold.
 */
function addSpecialEnvelopes(out: Record<number, JsonResponse>, codes: readonly ErrorCode[]) {
  for (const code of new Set(codes)) {
    const kind = envelopeOf(code);
    if (!kind) continue;
    const { http, message } = ERRORS[code];
    const value = kind === 'validation' ? { serverTime: EXAMPLE_TIME, status: 'Failure', validationErrors: [message] } : { serverTime: EXAMPLE_TIME, status: 'Failure', statusMessage: message };
    const entry = (out[http] ??= { description: DESCRIPTIONS[http] ?? 'Failure', content: { 'application/json': { schema: SPECIAL_SCHEMAS[kind], examples: {} } } });
    const content = entry.content['application/json'];
    const schemas = content.schema instanceof z.ZodUnion ? [...(content.schema.options as z.ZodType[])] : [content.schema];
    if (!schemas.includes(SPECIAL_SCHEMAS[kind])) content.schema = schemas.length === 0 ? SPECIAL_SCHEMAS[kind] : z.union([...schemas, SPECIAL_SCHEMAS[kind]]);
    content.examples![code] = { summary: code.toLowerCase().replaceAll('_', ' '), value };
  }
}
