import { z } from '@hono/zod-openapi';

/**
 * The API key and API secret Samco issues are AES ciphertexts written in hex, and clients send
 * them exactly as received. The sandbox issues the same form: a 64-hex-character key and a
 * 96-hex-character secret (an IV and two AES blocks). A secret that is not hex in whole 16-byte
 * blocks after its IV cannot be decrypted: Samco answers "Invalid API secret format".
 */
export const CREDENTIAL_RULES = {
  apiKeyHexLength: 64,
  apiSecretHexLength: 96,
  /** An IV and at least one AES block, each 16 bytes (32 hex characters). */
  secretFormat: /^(?:[0-9a-fA-F]{32}){2,}$/,
} as const;

export const ApiKey = z
  .string()
  .regex(new RegExp(`^[0-9a-f]{${CREDENTIAL_RULES.apiKeyHexLength}}$`), `must be ${CREDENTIAL_RULES.apiKeyHexLength} lowercase hex characters`)
  .openapi({ description: `The API key as e-mailed: ${CREDENTIAL_RULES.apiKeyHexLength} hex characters (an AES ciphertext)` });

export const ApiSecret = z
  .string()
  .regex(new RegExp(`^[0-9a-f]{${CREDENTIAL_RULES.apiSecretHexLength}}$`), `must be ${CREDENTIAL_RULES.apiSecretHexLength} lowercase hex characters`)
  .openapi({ description: `The API secret as shown once: ${CREDENTIAL_RULES.apiSecretHexLength} hex characters (an AES ciphertext)` });
