import { describe, expect, it } from 'vitest';
import { Random } from '../../mock/domain/random.js';

describe('seeded randomness', () => {
  it('same seed, same values; another seed, other values', () => {
    const a = new Random('s1');
    const b = new Random('s1');
    const c = new Random('s2');
    const draw = (r: Random) => [r.digits('otp', 6), r.token('api-key', 32), r.uuid('app-id')];
    expect(draw(a)).toEqual(draw(b));
    expect(draw(new Random('s1'))).not.toEqual(draw(c));
  });

  it('streams are independent: drawing msgIds does not shift OTPs', () => {
    const a = new Random('s');
    const b = new Random('s');
    for (let i = 0; i < 10; i++) b.uuid('msg-id');
    expect(a.digits('otp', 6)).toBe(b.digits('otp', 6));
  });

  it('restart replays every stream from its beginning', () => {
    const r = new Random('s');
    const first = r.digits('otp', 6);
    r.digits('otp', 6);
    r.restart();
    expect(r.digits('otp', 6)).toBe(first);
  });

  it('makes well-formed values', () => {
    const r = new Random('s');
    expect(r.uuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.digits('x', 6)).toMatch(/^\d{6}$/);
    expect(r.token('x', 48)).toMatch(/^[A-Za-z0-9]{48}$/);
  });

  it('covers every digit evenly enough', () => {
    const r = new Random('even');
    const counts = new Array(10).fill(0);
    for (const d of r.digits('otp', 20_000)) counts[Number(d)]++;
    for (const n of counts) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });
});
