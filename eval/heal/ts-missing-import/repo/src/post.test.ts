import { expect, test } from 'vitest';
import { makePost } from './post';
test('slug from title', () => expect(makePost('Hello, World!').slug).toBe('hello-world'));
