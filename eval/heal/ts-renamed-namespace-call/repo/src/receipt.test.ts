import { expect, test } from 'vitest';
import { receiptLine } from './receipt';
test('formats a line', () => expect(receiptLine('Tea', 350)).toBe('Tea: 3.50 EUR'));
