import { expect, test } from 'vitest';
import { pageCount, pageSlice } from './paging.js';
test('exact pages', () => expect(pageCount(20, 10)).toBe(2));
test('partial last page', () => expect(pageCount(21, 10)).toBe(3));
test('slice', () => expect(pageSlice([1, 2, 3], 2, 2)).toEqual([3]));
