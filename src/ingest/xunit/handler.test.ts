import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../xml/collect.js';
import { xunitParser } from './parser.js';

const FILE = fileURLToPath(new URL('../../../test/fixtures/reports/xml-edge/dotnet/xunit.xml', import.meta.url));

describe('xUnit.net v2', () => {
  it('reads theories, skips, source locations; an assertion fails, another exception errors; a cleanup error stands alone', async () => {
    const { results, totals, error } = await collect(xunitParser, FILE, '/repo', { chunkSize: 71 });
    expect(error).toBeUndefined();
    expect(results.map((r) => [r.test_id, r.status])).toEqual([
      ['Test collection for App.Tests.DbTests::(test-collection-cleanup)', 'errored'],
      ['App.Tests.CalcTests::Adds(a: 1, b: 2, expected: 3)', 'passed'],
      ['App.Tests.CalcTests::Adds(a: 2, b: 2, expected: 5)', 'failed'],
      ['App.Tests.CalcTests::Divides by zero throws', 'errored'],
      ['App.Tests.CalcTests::Multiplies', 'skipped'],
      ['App.Tests.CalcTests::Subtracts', 'passed'],
    ]);
    expect(results[2]).toEqual({
      kind: 'test',
      framework: 'xunit',
      test_id: 'App.Tests.CalcTests::Adds(a: 2, b: 2, expected: 5)',
      status: 'failed',
      name: 'Adds(a: 2, b: 2, expected: 5)',
      suite: 'App.Tests.CalcTests',
      duration_ms: 2,
      message: 'Assert.Equal() Failure\nExpected: 5\nActual:   4',
      error_class: 'Xunit.Sdk.EqualException',
      stack: 'at App.Tests.CalcTests.Adds(Int32 a, Int32 b, Int32 expected) in /repo/tests/App.Tests/CalcTests.cs:line 15',
      file: 'tests/App.Tests/CalcTests.cs',
      line: 12, // source-file/source-line attributes win over the stack
      repro_cmd: 'dotnet test --filter FullyQualifiedName=App.Tests.CalcTests.Adds',
    });
    expect(results[3]).toMatchObject({ error_class: 'System.DivideByZeroException', message: 'Attempted to divide by zero.', file: 'tests/App.Tests/CalcTests.cs', line: 22, repro_cmd: 'dotnet test --filter FullyQualifiedName=App.Tests.CalcTests.Divides' });
    expect(results[4]).toMatchObject({ message: 'not written yet' });
    expect(totals).toEqual({ tests: 5, failures: 2, skipped: 1 });
  });
});
