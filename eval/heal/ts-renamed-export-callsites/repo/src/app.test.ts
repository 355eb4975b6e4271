import { expect, test } from 'vitest';
import { greet } from './greet';
import { auditLine } from './audit';
test('greets', () => expect(greet(1)).toBe('hello ada'));
test('audits', () => expect(auditLine(2, 'login')).toBe('grace login'));
