import { expect, test } from 'vitest';
import { calculateSubtotal, invoiceTotal } from './invoice';
test('subtotal', () => expect(calculateSubtotal([{ qty: 2, price: 10 }])).toBe(20));
test('total with shipping', () => expect(invoiceTotal([{ qty: 2, price: 10 }])).toBe(24.95));
