import { describe, it } from 'vitest';
import { checkFramework } from './run-fixtures.js';

describe('suture runs real JavaScript test frameworks', { timeout: 180_000 }, () => {
  it('vitest', () =>
    checkFramework({
      fixture: 'vitest',
      rerun: true,
      runner: 'vitest',
      failure: {
        test_id: 'test/calc.test.js::calc > multiplies',
        suite: 'calc',
        name: 'multiplies',
        file: 'test/calc.test.js',
        line: 13,
        error_class: 'AssertionError',
        message: 'expected 13 to be 12 // Object.is equality',
        repro_cmd: "./node_modules/.bin/vitest run test/calc.test.js -t '^calc multiplies$'",
      },
      flaky: { test_id: 'test/calc.test.js::network > retries once', file: 'test/calc.test.js', line: 24 },
      passing: 'test/calc.test.js::calc > edge > adds zero',
      reproFailed: /Tests\s+1 failed \| 4 skipped/,
      reproPassed: /Tests\s+1 passed \| 4 skipped/,
    }));

  it('jest', () =>
    checkFramework({
      fixture: 'jest',
      reruns: 1,
      runner: 'jest',
      failure: {
        test_id: 'test/calc.test.js::calc > multiplies',
        suite: 'calc',
        name: 'multiplies',
        file: 'test/calc.test.js',
        line: 12,
        repro_cmd: "./node_modules/.bin/jest --runTestsByPath test/calc.test.js -t '^calc multiplies$'",
      },
      flaky: { test_id: 'test/calc.test.js::network > retries once', file: 'test/calc.test.js' },
      passing: 'test/calc.test.js::calc > edge > adds zero',
      reproFailed: /Tests:\s+1 failed, 4 skipped, 5 total/,
      reproPassed: /Tests:\s+4 skipped, 1 passed, 5 total/,
    }));

  it('mocha', () =>
    checkFramework({
      fixture: 'mocha',
      reruns: 1,
      runner: 'mocha',
      failure: {
        test_id: 'test/calc.spec.js::calc > multiplies',
        suite: 'calc',
        name: 'multiplies',
        file: 'test/calc.spec.js',
        line: 13,
        repro_cmd: "./node_modules/.bin/mocha --grep '^calc multiplies$'",
      },
      flaky: { test_id: 'test/calc.spec.js::network > retries once', file: 'test/calc.spec.js' },
      passing: 'test/calc.spec.js::calc > adds',
      reproFailed: /\b0 passing[^]*\b1 failing/,
      reproPassed: /\b1 passing\b(?![^]*failing)/,
    }));

  it('node:test', () =>
    checkFramework({
      fixture: 'node-test',
      reruns: 1,
      runner: 'node-test',
      failure: {
        // node's JUnit reporter names no file: ingest finds it from the titles in the test files, so the
        // id is the one node's TAP and a passing run give too (docs/ingest.md, test_id).
        test_id: 'test/calc.test.mjs::calc > multiplies',
        suite: 'calc',
        name: 'multiplies',
        file: 'test/calc.test.mjs',
        line: 14,
        repro_cmd: "node --test '--test-name-pattern=^multiplies$' test/calc.test.mjs",
      },
      flaky: { test_id: 'test/calc.test.mjs::network > retries once', file: 'test/calc.test.mjs', repro_cmd: "node --test '--test-name-pattern=^retries once$' test/calc.test.mjs" },
      passing: 'test/calc.test.mjs::calc > adds',
      reproFailed: /# pass 0\n# fail 1\n/,
      reproPassed: /# pass 1\n# fail 0\n/,
    }));
});
