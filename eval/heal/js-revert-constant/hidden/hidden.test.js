import { expect, test } from 'vitest';
import { shippingFor } from './shipping.js';
test('just under', () => expect(shippingFor(49.99)).toBe(4.95));
test('well over', () => expect(shippingFor(120)).toBe(0));
test('between 50 and 75 is free', () => expect(shippingFor(60)).toBe(0));
