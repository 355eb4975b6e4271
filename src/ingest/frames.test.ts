import { describe, expect, it } from 'vitest';
import { firstRepoFrame, parseFrames } from './frames.js';

const root = '/home/ci/repo';

describe('stack frames', () => {
  it('finds the first in-repo V8 frame, skipping node internals and node_modules', () => {
    const stack = [
      'AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:',
      '    at assert (node:internal/assert:14:11)',
      '    at Object.<anonymous> (/home/ci/repo/node_modules/chai/index.js:1:1)',
      '    at TestContext.<anonymous> (file:///home/ci/repo/test/math.test.js:7:10)',
      '    at /home/ci/repo/src/other.js:1:1',
    ].join('\n');
    expect(firstRepoFrame(stack, root)).toEqual({ file: 'test/math.test.js', line: 7, column: 10, func: 'TestContext.<anonymous>' });
  });

  it('reads Python, .NET, JVM, Go and Rust frames', () => {
    expect(parseFrames('  File "/home/ci/repo/pkg/mod.py", line 12, in compute')[0]).toEqual({ file: '/home/ci/repo/pkg/mod.py', line: 12, func: 'compute' });
    expect(parseFrames('   at Calc.Tests.AddTest() in /home/ci/repo/Calc.Tests/AddTest.cs:line 21')[0]).toMatchObject({ file: '/home/ci/repo/Calc.Tests/AddTest.cs', line: 21, func: 'Calc.Tests.AddTest()' });
    expect(parseFrames('\tat com.acme.FooTest.bar(FooTest.java:42)')[0]).toMatchObject({ file: 'FooTest.java', line: 42, func: 'com.acme.FooTest.bar' });
    expect(parseFrames('    calc_test.go:12: got 3 want 4')[0]).toMatchObject({ file: 'calc_test.go', line: 12 });
    expect(parseFrames('  --> src/main.rs:2:5')[0]).toEqual({ file: 'src/main.rs', line: 2, column: 5, func: undefined });
  });

  it("reads vitest's ❯ location lines and Mono's .NET frames (one place for every frame format)", () => {
    expect(parseFrames(' ❯ test/calc.test.js:16:12')[0]).toEqual({ file: 'test/calc.test.js', line: 16, column: 12, func: undefined });
    expect(parseFrames(' ❯ divide src/calc.js:11:22')[0]).toEqual({ file: 'src/calc.js', line: 11, column: 22, func: 'divide' });
    expect(parseFrames('  at Calc.Tests.AddTest () [0x00001] in /home/ci/repo/Calc.Tests/AddTest.cs:21')[0]).toEqual({ file: '/home/ci/repo/Calc.Tests/AddTest.cs', line: 21, column: undefined, func: 'Calc.Tests.AddTest ()' });
    expect(firstRepoFrame('RangeError: division by zero\n ❯ divide src/calc.js:11:22\n ❯ test/calc.test.js:16:12', root)).toMatchObject({ file: 'src/calc.js', line: 11 });
  });

  it('returns undefined when no frame is inside the repository', () => {
    expect(firstRepoFrame('    at x (/usr/lib/node/y.js:1:1)', root)).toBeUndefined();
    expect(firstRepoFrame(undefined, root)).toBeUndefined();
  });
});
