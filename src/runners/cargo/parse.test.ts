import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCargoTest, suiteFlags, targetOf } from './parse.js';

const captured = (f: string) => readFileSync(new URL(`../../../test/fixtures/projects/captured/cargo/${f}`, import.meta.url), 'utf8');

describe('parseCargoTest on real cargo output', () => {
  const results = parseCargoTest(captured('test-failures.log'), { root: '/tmp/fixture-cargo', pkgDir: '.' });

  it('reads every test of every target with its status', () => {
    expect(results.map((r) => [r.suite, r.name, r.status])).toEqual([
      ['lib', 'tests::adds', 'passed'],
      ['lib', 'tests::edge::adds_zero', 'passed'],
      ['lib', 'tests::subtracts', 'passed'],
      ['lib', 'tests::multiplies', 'failed'],
      ['test network', 'joins_words', 'passed'],
      ['test network', 'retries_once', 'failed'],
    ]);
  });

  it('takes location and message from the panic', () => {
    const mul = results.find((r) => r.name === 'tests::multiplies')!;
    expect(mul).toMatchObject({
      test_id: 'src/lib.rs::tests::multiplies',
      file: 'src/lib.rs',
      line: 30,
      column: 9,
      error_class: 'panic',
      message: 'assertion `left == right` failed\n  left: 13\n right: 12',
      framework: 'cargo',
    });
    const flaky = results.find((r) => r.name === 'retries_once')!;
    expect(flaky).toMatchObject({ test_id: 'tests/network.rs::retries_once', file: 'tests/network.rs', line: 20, message: 'first attempt fails' });
  });

  it("reads older rustc's quoted panics, a multi-line assert_eq message included (Debian's rustc 1.63)", () => {
    const old = parseCargoTest(captured('test-failures-rust-1.63.log'), { root: '/tmp/oldcargo', pkgDir: '.' });
    expect(old.filter((r) => r.status === 'failed').map((r) => [r.test_id, r.file, r.line, r.column, r.error_class, r.message])).toEqual([
      ['src/lib.rs::tests::multiplies', 'src/lib.rs', 30, 9, 'panic', 'assertion failed: `(left == right)`\n  left: `13`,\n right: `12`'],
      ['tests/network.rs::retries_once', 'tests/network.rs', 20, 5, 'panic', 'first attempt fails'],
    ]);
  });

  it('prefixes paths with the package dir in a workspace', () => {
    const inWs = parseCargoTest(captured('test-failures.log'), { root: '/tmp', pkgDir: 'fixture-cargo' });
    expect(inWs.find((r) => r.name === 'tests::multiplies')).toMatchObject({ test_id: 'fixture-cargo/src/lib.rs::tests::multiplies', file: 'fixture-cargo/src/lib.rs', package: 'fixture-cargo' });
  });

  it('finds no test in a build that failed to compile', () => {
    expect(parseCargoTest(captured('test-compile-error.log'), { root: '/tmp/exp/cbroken', pkgDir: '.' })).toEqual([]);
  });
});

describe('cargo targets', () => {
  it('maps Running lines to the flags that select the binary', () => {
    expect(targetOf('unittests', 'src/lib.rs', '/t/debug/deps/fx-74007eb2936c18e4', '.').flag).toEqual(['--lib']);
    expect(targetOf('unittests', 'src/main.rs', '/t/debug/deps/tool-74007eb2936c18e4', '.').flag).toEqual(['--bin', 'tool']);
    expect(targetOf(undefined, 'tests/network.rs', '/t/debug/deps/network-d3e884601154d24e', '.').flag).toEqual(['--test', 'network']);
    expect(targetOf(undefined, 'benches/speed.rs', '/t/debug/deps/speed-d3e884601154d24e', '.').flag).toEqual(['--bench', 'speed']);
  });

  it('turns a suite back into flags', () => {
    expect(suiteFlags('lib')).toEqual(['--lib']);
    expect(suiteFlags('test network')).toEqual(['--test', 'network']);
    expect(suiteFlags(undefined)).toEqual([]);
  });
});
