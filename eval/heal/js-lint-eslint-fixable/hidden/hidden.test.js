import { expect, test } from 'vitest';
import { cartTotal } from './cart.js';
test('empty', () => expect(cartTotal([])).toBe(0));
test('two items', () => expect(cartTotal([{ price: 2, qty: 2 }, { price: 0.5, qty: 1 }])).toBe(4.5));
