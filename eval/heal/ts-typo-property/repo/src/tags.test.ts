import { expect, test } from 'vitest';
import { tagCount } from './tags';
test('counts hashtags', () => expect(tagCount('#a b #c')).toBe(2));
