/** Time for every rule (OTP expiry, 08:00 IST token expiry, cooldowns) comes from here. */
export interface Clock {
  now(): number;
}

/**
 * Wall-clock time that a test can move: `set` pins it to an instant, `advance` moves it forward,
 * `resume` lets it run again from where it stands.
 */
export class SandboxClock implements Clock {
  private offset = 0;
  private frozenAt: number | null = null;

  constructor(private readonly source: () => number = Date.now) {}

  now(): number {
    return this.frozenAt ?? this.source() + this.offset;
  }

  set(ms: number, frozen = true): void {
    if (frozen) this.frozenAt = ms;
    else {
      this.frozenAt = null;
      this.offset = ms - this.source();
    }
  }

  advance(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offset += ms;
  }

  /** Stops time where it stands now. */
  freeze(): void {
    if (this.frozenAt === null) this.frozenAt = this.now();
  }

  /** Back to the real time, running. */
  realTime(): void {
    this.frozenAt = null;
    this.offset = 0;
  }

  resume(): void {
    if (this.frozenAt === null) return;
    this.offset = this.frozenAt - this.source();
    this.frozenAt = null;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }
}
