import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets, OTPs, passwords and tokens are kept only as keyed hashes (HMAC-SHA-256 with a
 * per-sandbox pepper) and compared in constant time. A keyed fast hash, not a slow password
 * hash: loading 100,000 fixture accounts must stay quick, and the pepper never leaves memory.
 */
export class SecretHasher {
  constructor(private pepper: Buffer = randomBytes(32)) {}

  /** Takes the pepper of a state made elsewhere (a replica that wrote first): only before anything was hashed here. */
  adopt(pepper: Buffer) {
    this.pepper = pepper;
  }

  /** The pepper, for the state that keeps these hashes (base64). */
  pepperBase64(): string {
    return this.pepper.toString('base64');
  }

  hash(value: string): string {
    return createHmac('sha256', this.pepper).update(value, 'utf8').digest('base64url');
  }

  matches(hash: string, value: string): boolean {
    const a = Buffer.from(hash);
    const b = Buffer.from(this.hash(value));
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
