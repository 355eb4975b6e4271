import { expect, test } from 'vitest';
import { canPost } from './guard';
test('regular users can post', async () => expect(await canPost('alice')).toBe(true));
test('banned users cannot', async () => expect(await canPost('mallory')).toBe(false));
