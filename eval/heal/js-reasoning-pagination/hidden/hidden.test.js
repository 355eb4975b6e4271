import { expect, test } from 'vitest';
import { pageCount } from './paging.js';
test('empty', () => expect(pageCount(0, 10)).toBe(0));
test('one item', () => expect(pageCount(1, 10)).toBe(1));
test('big', () => expect(pageCount(1001, 100)).toBe(11));
