import { z } from '@hono/zod-openapi';

/** `dd/MM/yy HH:mm:ss` in IST, as the real service writes it. */
export const ServerTime = z
  .string()
  .regex(/^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/)
  .openapi({ description: 'Server time, IST, dd/MM/yy HH:mm:ss', example: '17/12/25 10:02:41' });

const envelopeFields = {
  serverTime: ServerTime,
  msgId: z.uuid().openapi({ description: 'A fresh UUID for every response', example: '73d115fd-ed3a-47f2-ae04-f40083c3bccf' }),
  statusMessage: z.string().openapi({ description: 'Human-readable outcome' }),
};

/** The four fields every Samco response carries; operation fields sit beside them. */
export const Envelope = z.strictObject({ ...envelopeFields, status: z.enum(['Success', 'Failure', 'Error']) }).openapi('Envelope');

export const SuccessEnvelope = z.strictObject({ ...envelopeFields, status: z.literal('Success') }).openapi('SuccessEnvelope');

export const FailureEnvelope = z
  .strictObject({
    ...envelopeFields,
    status: z.literal('Failure'),
    errorCode: z.string().optional().openapi({ description: 'Machine-readable code, where the real service sends one (e.g. EOAUTH001)', example: 'EOAUTH001' }),
  })
  .openapi('FailureEnvelope', { description: 'The request was refused; statusMessage says why. Nothing was changed.' });

export const ErrorEnvelope = z.strictObject({ ...envelopeFields, status: z.literal('Error') }).openapi('ErrorEnvelope', { description: 'The server failed; nothing was changed.' });

/**
 * A Success envelope with operation-specific fields beside the four envelope fields. Built flat,
 * not with `.extend()` of the registered SuccessEnvelope: that renders as an `allOf` of two
 * closed objects, which no body can satisfy.
 */
export function success<T extends z.ZodRawShape>(name: string, fields: T) {
  return z.strictObject({ ...envelopeFields, status: z.literal('Success'), ...fields }).openapi(name);
}

export type EnvelopeBody = z.infer<typeof Envelope>;

/** A Failure without msgId, as a few published samples show it (the basket margin calculator's "No such Basket found"). */
export const FailureWithoutMsgId = z
  .strictObject({ serverTime: ServerTime, status: z.literal('Failure'), statusMessage: z.string() })
  .openapi('FailureWithoutMsgId', { description: 'Refused; nothing was changed. The shape of the published samples that carry no msgId.' });
