import { expect, test } from 'vitest';
import { cartTotal } from './cart.js';
test('total', () => expect(cartTotal([{ price: 1.1, qty: 3 }])).toBe(3.3));
