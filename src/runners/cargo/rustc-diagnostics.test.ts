import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRustcErrors } from './rustc-diagnostics.js';

const captured = (f: string) => readFileSync(new URL(`../../../test/fixtures/projects/captured/cargo/${f}`, import.meta.url), 'utf8');

describe('parseRustcErrors on real cargo output', () => {
  it('reads the compile error with code, location and the compiler help, not the summary lines', () => {
    const errs = parseRustcErrors(captured('check-errors.log'), { root: '/tmp/exp/cbroken', pkgDir: '.' }, 'build');
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({
      kind: 'build',
      framework: 'rustc',
      status: 'failed',
      file: 'src/lib.rs',
      line: 6,
      column: 9,
      error_code: 'E0425',
      message: 'cannot find value `c` in this scope',
      suggestion: 'a local variable with a similar name exists',
      test_id: 'rustc:src/lib.rs:E0425:cannot find value `c` in this scope',
    });
    expect(errs[0]!.stack).toContain('6 |     a - c');
  });

  it('reads the same error out of a failed cargo test', () => {
    const errs = parseRustcErrors(captured('test-compile-error.log'), { root: '/tmp/exp/cbroken', pkgDir: '.' });
    expect(errs.map((e) => [e.file, e.line, e.error_code])).toEqual([['src/lib.rs', 6, 'E0425']]);
  });

  it('numbers identical diagnostics instead of merging them', () => {
    const text = 'error: oops\n --> src/a.rs:1:1\nerror: oops\n --> src/a.rs:9:1\n';
    expect(parseRustcErrors(text, { root: '/r', pkgDir: '.' }).map((e) => e.test_id)).toEqual(['rustc:src/a.rs::oops', 'rustc:src/a.rs::oops#2']);
  });
});
