import { expect, test } from 'vitest';
import { finalPrice } from './pricing';
test('no discounts', () => expect(finalPrice(100, 0, 0)).toBe(100));
test('member discount, then voucher', () => expect(finalPrice(100, 10, 20)).toBe(70));
