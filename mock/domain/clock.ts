/**
 * The instants the sandbox clock may stand at: from the Unix epoch (JWT times are seconds since
 * it) to a year before ISO 8601's last four-digit year, so every lifetime added to the clock
 * (sessions, codes, refresh tokens, cooldowns) still has a date the answers can write.
 */
export const CLOCK_RANGE = { from: Date.parse('1970-01-01T00:00:00.000Z'), until: Date.parse('9999-01-01T00:00:00.000Z') } as const;

export const inClockRange = (ms: number) => ms >= CLOCK_RANGE.from && ms < CLOCK_RANGE.until;

export type ClockState = { offset: number; frozenAt: number | null };

/** Time for every rule (OTP expiry, 08:00 IST token expiry, cooldowns) comes from here. */
export interface Clock {
  now(): number;
}

/**
 * Wall-clock time that a test can move: `set` pins it to an instant, `advance` moves it forward,
 * `resume` lets it run again from where it stands. The control API moves it forward only (see
 * `isBackward`), like a test clock: what has expired stays expired.
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

  /** Where the clock stands, relative to the real time: what a state file keeps across restarts. */
  snapshot(): ClockState {
    return { offset: this.offset, frozenAt: this.frozenAt };
  }

  restore(state: ClockState): void {
    this.offset = state.offset;
    this.frozenAt = state.frozenAt;
  }

  /** The real time, whatever the clock shows. */
  realNow(): number {
    return this.source();
  }

  /** Whether standing at `ms` would take the clock back in time: things that expired would live again. */
  isBackward(ms: number): boolean {
    return ms < this.now();
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }
}
