import { expect, test } from 'vitest';
import { formatMoney } from './money';
import { receiptLine } from './receipt';
test('API keeps its new name', () => expect(formatMoney(5)).toBe('0.05 EUR'));
test('zero', () => expect(receiptLine('Free', 0)).toBe('Free: 0.00 EUR'));
