import { expect, test } from 'vitest';
import { shippingFor } from './shipping.js';
test('free from 50', () => expect(shippingFor(50)).toBe(0));
test('flat below', () => expect(shippingFor(10)).toBe(4.95));
