import { expect, test } from 'vitest';
import { describeOrder } from './report';
test('describes', () => expect(describeOrder({ id: 'o1', quantity: 2, unitPrice: 5 })).toBe('o1: 2 x 5'));
