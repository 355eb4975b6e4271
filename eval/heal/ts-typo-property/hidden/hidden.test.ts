import { expect, test } from 'vitest';
import { tagCount } from './tags';
test('no tags', () => expect(tagCount('plain words')).toBe(0));
test('three tags', () => expect(tagCount('#x #y #z')).toBe(3));
