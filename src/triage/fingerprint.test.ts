import { describe, expect, it } from 'vitest';
import type { FailureEvent } from '../events/index.js';
import { fingerprint, fingerprintParts, FINGERPRINT_VERSION } from './fingerprint.js';

const base: FailureEvent = { v: 1, kind: 'test', run_id: 'r1', ts: '2024-05-01T10:00:00Z', framework: 'jest', test_id: 'src/cart.test.js::cart > adds', message: '', status: 'failed' };

function ev(over: Partial<FailureEvent>): FailureEvent {
  return { ...base, ...over };
}

describe('fingerprint', () => {
  it('is versioned', () => {
    expect(fingerprint(ev({ message: 'x' }))).toMatch(new RegExp(`^${FINGERPRINT_VERSION}:[0-9a-f]{20}$`));
  });

  it('is the same across runs, machines and commits (paths, line numbers, values differ)', () => {
    const a = ev({ run_id: 'r1', message: "TypeError: Cannot read properties of undefined (reading 'total')", stack: "TypeError: Cannot read properties of undefined (reading 'total')\n    at sumCart (/home/runner/work/shop/shop/src/cart.js:12:18)\n    at Object.<anonymous> (/home/runner/work/shop/shop/src/cart.test.js:5:10)" });
    const b = ev({ run_id: 'r2', message: "TypeError: Cannot read properties of undefined (reading 'total')", stack: "TypeError: Cannot read properties of undefined (reading 'total')\n    at sumCart (/builds/team/shop/src/cart.js:14:18)\n    at Object.<anonymous> (/builds/team/shop/src/cart.test.js:7:10)" });
    expect(fingerprint(a)).toBe(fingerprint(b));
  });

  it('groups tests that fail in the same code under test, and separates different code', () => {
    const stack = (fn: string, test: string) => `TypeError: x is not a function\n    at ${fn} (/w/src/lib/pricing.js:3:5)\n    at Object.<anonymous> (/w/src/${test}.test.js:4:1)`;
    const a = ev({ test_id: 't1', message: 'TypeError: x is not a function', stack: stack('applyDiscount', 'a') });
    const b = ev({ test_id: 't2', message: 'TypeError: x is not a function', stack: stack('applyDiscount', 'b') });
    const c = ev({ test_id: 't3', message: 'TypeError: x is not a function', stack: stack('applyTax', 'c') });
    expect(fingerprint(a)).toBe(fingerprint(b));
    expect(fingerprint(a)).not.toBe(fingerprint(c));
    expect(fingerprintParts(a).frames).toEqual(['lib/pricing:applyDiscount']);
  });

  it('keeps assertion failures of different tests apart when only the test file is on the stack', () => {
    const a = ev({ test_id: 'a', message: 'expect(received).toBe(expected)\nExpected: 3\nReceived: 4', stack: 'at Object.<anonymous> (/w/src/x.test.js:4:1)' });
    const b = ev({ test_id: 'b', message: 'expect(received).toBe(expected)\nExpected: 5\nReceived: 6', stack: 'at Object.<anonymous> (/w/src/x.test.js:9:1)' });
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });

  it('uses the file for diagnostics and the code, so two TS errors in one file differ by message', () => {
    const d = (msg: string, code: string) => ev({ kind: 'typecheck', framework: 'tsc', test_id: msg, file: 'src/a.ts', error_code: code, message: msg });
    expect(fingerprint(d("Cannot find name 'foo'.", 'TS2304'))).not.toBe(fingerprint(d("Cannot find name 'bar'.", 'TS2304')));
    expect(fingerprint({ ...d("Cannot find name 'foo'.", 'TS2304'), line: 3 })).toBe(fingerprint({ ...d("Cannot find name 'foo'.", 'TS2304'), line: 30 }));
  });

  it('applies config rules: a named group, frames ignored, extra split fields, replacements', () => {
    const a = ev({ message: 'tenant t-1 quota exceeded' });
    const b = ev({ message: 'tenant t-2 quota exceeded', test_id: 'other' });
    expect(fingerprint(a, [{ match: { message: 'quota exceeded' }, group: 'quota' }])).toBe(`${FINGERPRINT_VERSION}:rule:quota`);
    const replaced = [{ match: { message: 'quota' }, replace: [{ pattern: 't-\\d+', with: '<tenant>' }] }];
    expect(fingerprintParts(a, replaced).message).toBe('tenant <tenant> quota exceeded');
    const diag = { ...a, kind: 'build' as const, framework: 'npm', file: 'package.json' };
    expect(fingerprint(diag, [{ match: { framework: 'npm' }, split_by: ['test_id'] }])).not.toBe(fingerprint({ ...diag, test_id: 'zzz' }, [{ match: { framework: 'npm' }, split_by: ['test_id'] }]));
  });
});
