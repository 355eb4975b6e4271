import type { Coupon } from './cart.js';

const COUPONS: Coupon[] = [
  { code: 'WELCOME10', percent: 10, minTotal: 0 },
  { code: 'BIG20', percent: 20, minTotal: 10_000 },
];

export function findCoupon(code: string): Coupon | undefined {
  const normalized = code.trim().toUpperCase();
  return COUPONS.find((c) => c.code === normalized);
}

export function isEligible(coupon: Coupon, subtotal: number): boolean {
  return subtotal >= coupon.minTotal;
}
