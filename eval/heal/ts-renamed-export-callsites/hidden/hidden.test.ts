import { expect, test } from 'vitest';
import { greet } from './greet';
import { auditLine } from './audit';
test('unknown users', () => {
  expect(greet(9)).toBe('hello stranger');
  expect(auditLine(9, 'x')).toBe('#9 x');
});
