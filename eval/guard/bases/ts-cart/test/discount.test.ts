import { describe, expect, it } from 'vitest';
import { findCoupon, isEligible } from '../src/discount.js';

describe('coupons', () => {
  it('finds a coupon case-insensitively', () => {
    expect(findCoupon(' welcome10 ')?.percent).toBe(10);
  });

  it('returns undefined for an unknown code', () => {
    expect(findCoupon('NOPE')).toBeUndefined();
  });

  it('checks the minimum total', () => {
    const big = findCoupon('BIG20')!;
    expect(isEligible(big, 9_999)).toBe(false);
    expect(isEligible(big, 10_000)).toBe(true);
  });
});
