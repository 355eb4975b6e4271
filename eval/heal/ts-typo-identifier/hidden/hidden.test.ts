import { expect, test } from 'vitest';
import { invoiceTotal } from './invoice';
test('free shipping from 50', () => expect(invoiceTotal([{ qty: 5, price: 10 }])).toBe(50));
test('empty invoice pays shipping', () => expect(invoiceTotal([])).toBe(4.95));
