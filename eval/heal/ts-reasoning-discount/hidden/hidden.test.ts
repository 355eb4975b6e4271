import { expect, test } from 'vitest';
import { finalPrice } from './pricing';
test('voucher bigger than price', () => expect(finalPrice(10, 50, 20)).toBe(0));
test('only voucher', () => expect(finalPrice(30, 0, 5)).toBe(25));
test('only member', () => expect(finalPrice(80, 25, 0)).toBe(60));
test('member first', () => expect(finalPrice(200, 50, 40)).toBe(60));
