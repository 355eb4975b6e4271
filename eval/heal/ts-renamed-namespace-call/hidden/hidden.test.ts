import { expect, test } from 'vitest';
import { receiptLine } from './receipt';
test('cents', () => expect(receiptLine('Gum', 5)).toBe('Gum: 0.05 EUR'));
test('zero', () => expect(receiptLine('Free', 0)).toBe('Free: 0.00 EUR'));
