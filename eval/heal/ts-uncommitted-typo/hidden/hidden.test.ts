import { expect, test } from 'vitest';
import { range } from './stats';
test('negative values', () => expect(range([-5, 5])).toBe(10));
test('single value', () => expect(range([3])).toBe(0));
