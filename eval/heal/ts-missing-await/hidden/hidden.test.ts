import { expect, test } from 'vitest';
import { canPost } from './guard';
test('another regular user', async () => expect(await canPost('bob')).toBe(true));
