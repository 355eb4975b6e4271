import { expect, test } from 'vitest';
import { orderValue } from './order';
test('value', () => expect(orderValue({ id: 'a', quantity: 3, unitPrice: 2 })).toBe(6));
