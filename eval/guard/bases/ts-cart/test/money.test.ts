import { describe, expect, it } from 'vitest';
import { formatCents, parsePrice, percentOf } from '../src/money.js';

describe('parsePrice', () => {
  it.each([
    ['$1.50', 150],
    ['2', 200],
    ['0.5', 50],
    ['$10.05', 1005],
  ])('parses %s', (text, cents) => {
    expect(parsePrice(text)).toBe(cents);
  });

  it('rejects garbage', () => {
    expect(() => parsePrice('abc')).toThrow('not a price: abc');
  });
});

describe('formatCents', () => {
  it('formats positive and negative amounts', () => {
    expect(formatCents(150)).toBe('$1.50');
    expect(formatCents(-5)).toBe('-$0.05');
  });
});

describe('percentOf', () => {
  it('rounds to the nearest cent', () => {
    expect(percentOf(999, 10)).toBe(100);
  });
});
