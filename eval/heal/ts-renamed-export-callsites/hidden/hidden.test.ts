import { expect, test } from 'vitest';
import { greet } from './greet';
import { auditLine } from './audit';
import * as users from './users';
test('unknown users', () => {
  expect(greet(9)).toBe('hello stranger');
  expect(auditLine(9, 'x')).toBe('#9 x');
});
test('the rename stays', () => expect(Object.keys(users)).toEqual(['findUser']));
