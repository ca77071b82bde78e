import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatServerTime, IST_OFFSET_MS, next0800Ist } from '../../mock/domain/ist.js';

const ist = (y: number, mo: number, d: number, h: number, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h, mi, s) - IST_OFFSET_MS;

describe('IST time', () => {
  it('formats serverTime as dd/MM/yy HH:mm:ss in IST', () => {
    expect(formatServerTime(Date.UTC(2025, 11, 17, 4, 32, 41))).toBe('17/12/25 10:02:41');
    expect(formatServerTime(Date.UTC(2025, 11, 31, 18, 30, 0))).toBe('01/01/26 00:00:00');
  });

  it('expires a token at the next 08:00 IST', () => {
    expect(next0800Ist(ist(2025, 12, 17, 10, 2))).toBe(ist(2025, 12, 18, 8));
    expect(next0800Ist(ist(2025, 12, 17, 7, 59, 59))).toBe(ist(2025, 12, 17, 8));
    expect(next0800Ist(ist(2025, 12, 17, 8))).toBe(ist(2025, 12, 18, 8));
    expect(next0800Ist(ist(2025, 12, 31, 23, 59))).toBe(ist(2026, 1, 1, 8));
  });

  it('no token outlives the next 08:00 IST, and none is born expired', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (now) => {
        const expiry = next0800Ist(now);
        expect(expiry).toBeGreaterThan(now);
        expect(expiry - now).toBeLessThanOrEqual(24 * 3600 * 1000);
        expect(formatServerTime(expiry).endsWith(' 08:00:00')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
