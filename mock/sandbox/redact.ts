/** Field names whose values are credentials: secrets, passwords, tokens, OTPs, keys, authorization codes. */
const SECRET_NAME = /secret|password|passwd|token|otp|api[-_]?key|apikey|^code$|pin$|^yob$|authorization|cookie/i;

/** Names that describe a credential without holding one (token_type). */
const NOT_SECRET = /type$/i;

export const REDACTED = '[REDACTED]';

export const isSecretName = (name: string) => SECRET_NAME.test(name) && !NOT_SECRET.test(name);

/** "Bearer abc" keeps its scheme ("Bearer [REDACTED]"); any other value becomes [REDACTED]. */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*)\s+\S/.exec(value);
    return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
  }
  return value === null || value === undefined ? value : REDACTED;
}

/** A copy of a request's fields with every credential redacted, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) ? redactValue(v) : redact(v)]));
  }
  return value;
}
