import { describe, expect, it } from 'vitest';
import { formatMoney, roundCents } from './money';

describe('money', () => {
  it('rounds to cents', () => {
    expect(roundCents(1.005 * 1000)).toBe(1005);
    expect(roundCents(2.346)).toBe(2.35);
    expect(roundCents(-2.346)).toBe(-2.35);
  });

  it('formats with a currency', () => {
    expect(formatMoney(12.5)).toBe('12.50 EUR');
  });
});
