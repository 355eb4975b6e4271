import { expect, test } from 'vitest';
import { mean, range } from './stats';
test('mean', () => expect(mean([1, 2, 3])).toBe(2));
test('range', () => expect(range([4, 1, 9])).toBe(8));
