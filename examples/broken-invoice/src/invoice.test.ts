import { describe, expect, it } from 'vitest';
import { calculateSubtotal, invoiceTotal } from './invoice';

const invoice = {
  country: 'NL',
  lines: [
    { description: 'Coffee beans', quantity: 2, unitPrice: 12.5 },
    { description: 'Filter papers', quantity: 1, unitPrice: 3.99 },
  ],
};

describe('invoice', () => {
  it('adds up the lines', () => {
    expect(calculateSubtotal(invoice.lines)).toBe(28.99);
  });

  it('adds VAT to the total', () => {
    expect(invoiceTotal(invoice)).toBe(35.08);
  });
});
