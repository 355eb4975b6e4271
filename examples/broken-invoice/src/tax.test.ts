import { describe, expect, it } from 'vitest';
import { vatFor, vatRate } from './tax';

describe('tax', () => {
  it('knows the rates', () => {
    expect(vatRate('DE')).toBe(0.19);
  });

  it('computes VAT in cents', () => {
    expect(vatFor('FR', 10.55)).toBe(2.11);
  });
});
