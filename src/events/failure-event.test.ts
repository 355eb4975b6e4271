import { describe, expect, it } from 'vitest';
import { failureEventSchema, STACK_MAX_CHARS } from './failure-event.js';
import { toFailureEvent, type TestResult } from './test-result.js';

const stamp = { run_id: 'r1', ts: '2026-11-21T10:00:00.000Z', commit: 'abc123' };

describe('FailureEvent v1', () => {
  it('builds a valid event from a failed result, dropping empty optional fields', () => {
    const r: TestResult = {
      kind: 'test',
      framework: 'vitest',
      test_id: 'src/a.test.ts > adds',
      status: 'failed',
      file: 'src/a.test.ts',
      line: 12,
      message: 'expected 3 to be 4',
      error_class: 'AssertionError',
      suite: '',
    };
    const ev = toFailureEvent(r, stamp)!;
    expect(failureEventSchema.parse(ev)).toEqual({
      v: 1,
      kind: 'test',
      run_id: 'r1',
      ts: '2026-11-21T10:00:00.000Z',
      framework: 'vitest',
      test_id: 'src/a.test.ts > adds',
      message: 'expected 3 to be 4',
      status: 'failed',
      file: 'src/a.test.ts',
      line: 12,
      error_class: 'AssertionError',
      commit: 'abc123',
    });
  });

  it('returns no event for passed and skipped results', () => {
    for (const status of ['passed', 'skipped'] as const) {
      expect(toFailureEvent({ kind: 'test', framework: 'x', test_id: 't', status }, stamp)).toBeUndefined();
    }
  });

  it('caps stacks at 4000 characters', () => {
    const ev = toFailureEvent({ kind: 'test', framework: 'x', test_id: 't', status: 'errored', stack: 'x'.repeat(10_000) }, stamp)!;
    expect(ev.stack!.length).toBe(STACK_MAX_CHARS);
    expect(failureEventSchema.safeParse(ev).success).toBe(true);
  });

  it('rejects unknown keys, bad kinds and non-UTC timestamps', () => {
    const ok = toFailureEvent({ kind: 'lint', framework: 'eslint', test_id: 'a.ts:1:1:no-undef', status: 'failed', message: 'm' }, stamp)!;
    expect(failureEventSchema.safeParse({ ...ok, extra: 1 }).success).toBe(false);
    expect(failureEventSchema.safeParse({ ...ok, kind: 'banana' }).success).toBe(false);
    expect(failureEventSchema.safeParse({ ...ok, ts: '2026-11-21T10:00:00+02:00' }).success).toBe(false);
    expect(failureEventSchema.safeParse({ ...ok, v: 2 }).success).toBe(false);
  });
});
