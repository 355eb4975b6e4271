import { expect, test } from 'vitest';
import { makePost } from './post';
test('keeps the title', () => expect(makePost('  Big News  ')).toEqual({ title: '  Big News  ', slug: 'big-news' }));
