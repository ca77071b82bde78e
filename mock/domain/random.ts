import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Where the reset epoch is kept among the persisted stream positions (no stream name has a '#'). */
const EPOCH = '#reset-epoch';

/**
 * Streams that start over after a reset, so a seeded test can reset and see the same OTPs and
 * ids again. Every other stream (session, dashboard, access and OAuth tokens, keys, secrets, the
 * signing key, and any stream added later) folds in the reset epoch: a credential drawn before a
 * reset never comes back after it.
 */
const REPLAYED_AFTER_RESET = new Set(['otp', 'challenge-id', 'msg-id', 'app-id', 'order-number', 'at-order-id', 'at-exchange-id', 'at-command-id', 'oauth-grant', 'faults', 'fault-latency']);

/**
 * Randomness by named stream. With a seed every stream is a deterministic SHA-256 counter
 * sequence, so the same seed gives the same OTPs, keys and ids; streams are independent, so
 * adding a read-only call (which draws a msgId) does not shift the OTPs.
 */
export class Random {
  private readonly counters = new Map<string, number>();
  private epoch = 0;

  constructor(readonly seed: string | null = null) {}

  /** Where every seeded stream stands: persisted with the state, so a restart does not repeat ids. */
  snapshot(): Record<string, number> {
    return { ...Object.fromEntries(this.counters), ...(this.epoch > 0 ? { [EPOCH]: this.epoch } : {}) };
  }

  restore(counters: Record<string, number>): void {
    this.counters.clear();
    this.epoch = counters[EPOCH] ?? 0;
    for (const [stream, n] of Object.entries(counters)) if (stream !== EPOCH) this.counters.set(stream, n);
  }

  /** After a reset: every stream from its beginning, in a new epoch (see REPLAYED_AFTER_RESET). */
  restart(): void {
    this.counters.clear();
    this.epoch++;
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
      // Epoch 0 hashes exactly as before: a fresh process with the same seed gives the same run.
      const epoch = this.epoch > 0 && !REPLAYED_AFTER_RESET.has(stream) ? `\0${this.epoch}` : '';
      const block = createHash('sha256').update(`${this.seed}\0${stream}${epoch}\0${counter}`).digest();
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
