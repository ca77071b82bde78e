import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Randomness by named stream. With a seed every stream is a deterministic SHA-256 counter
 * sequence, so the same seed gives the same OTPs, keys and ids; streams are independent, so
 * adding a read-only call (which draws a msgId) does not shift the OTPs.
 */
export class Random {
  private readonly counters = new Map<string, number>();

  constructor(readonly seed: string | null = null) {}

  /** Where every seeded stream stands: persisted with the state, so a restart does not repeat ids. */
  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counters);
  }

  restore(counters: Record<string, number>): void {
    this.counters.clear();
    for (const [stream, n] of Object.entries(counters)) this.counters.set(stream, n);
  }

  /** Back to the start of every stream: after a reset the same seed gives the same values again. */
  restart(): void {
    this.counters.clear();
  }

  get seeded(): boolean {
    return this.seed !== null;
  }

  bytes(stream: string, n: number): Buffer {
    if (this.seed === null) return randomBytes(n);
    const out = Buffer.alloc(n);
    let filled = 0;
    while (filled < n) {
      const counter = this.counters.get(stream) ?? 0;
      this.counters.set(stream, counter + 1);
      const block = createHash('sha256').update(`${this.seed}\0${stream}\0${counter}`).digest();
      filled += block.copy(out, filled);
    }
    return out;
  }

  uuid(stream: string): string {
    if (this.seed === null) return randomUUID();
    const b = this.bytes(stream, 16);
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  /** `length` decimal digits, uniformly distributed. */
  digits(stream: string, length: number): string {
    let out = '';
    while (out.length < length) {
      for (const byte of this.bytes(stream, length)) {
        if (byte < 250 && out.length < length) out += String(byte % 10);
      }
    }
    return out;
  }

  /** A string of `length` characters from `alphabet`, uniformly distributed. */
  token(stream: string, length: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'): string {
    const limit = 256 - (256 % alphabet.length);
    let out = '';
    while (out.length < length) {
      for (const byte of this.bytes(stream, length)) {
        if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
      }
    }
    return out;
  }
}
