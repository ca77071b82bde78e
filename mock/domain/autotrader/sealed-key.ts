import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { SealedKey } from './types.js';

// A light scrypt: the sealing key is derived on View and Re-generate only, never per API call.
const SCRYPT = { N: 4096, r: 8, p: 1 } as const;

function derive(password: string, salt: Buffer): Buffer {
  return scryptSync(password, salt, 32, SCRYPT);
}

/** Seals the API key with AES-256-GCM under a key derived from the login password. */
export function seal(apiKey: string, password: string): SealedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(password, salt), iv);
  const data = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  return { salt: salt.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function unseal(sealed: SealedKey, password: string): string {
  const decipher = createDecipheriv('aes-256-gcm', derive(password, Buffer.from(sealed.salt, 'base64')), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}
