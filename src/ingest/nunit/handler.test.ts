import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../xml/collect.js';
import { nunitParser } from './parser.js';

const dir = (f: string): string => fileURLToPath(new URL(`../../../test/fixtures/reports/xml-edge/dotnet/${f}`, import.meta.url));

describe('NUnit', () => {
  it('NUnit 3: result, label and site; a fixture whose setup failed before any case; explicit and ignored tests', async () => {
    const { results, totals, error } = await collect(nunitParser, dir('nunit3.xml'), '/repo', { chunkSize: 83 });
    expect(error).toBeUndefined();
    expect(results.map((r) => [r.test_id, r.status])).toEqual([
      ['App.Tests.CalcTests::Adds', 'passed'],
      ['App.Tests.CalcTests::Subtracts', 'failed'],
      ['App.Tests.CalcTests::Divides(4,2)', 'passed'],
      ['App.Tests.CalcTests::Divides(1,0)', 'errored'], // result="Failed" label="Error"
      ['App.Tests.CalcTests::Multiplies', 'skipped'],
      ['App.Tests.DatabaseTests::(suite setup)', 'errored'],
      ['App.Tests.SlowTests::Soak', 'skipped'],
    ]);
    expect(results[3]).toEqual({
      kind: 'test',
      framework: 'nunit',
      test_id: 'App.Tests.CalcTests::Divides(1,0)',
      status: 'errored',
      name: 'Divides(1,0)',
      suite: 'App.Tests.CalcTests',
      duration_ms: 2,
      message: 'Attempted to divide by zero.',
      error_class: 'System.DivideByZeroException',
      stack: 'at App.Calc.Divide(Int32 a, Int32 b) in /repo/src/App/Calc.cs:line 9\n   at App.Tests.CalcTests.Divides(Int32 a, Int32 b) in /repo/tests/App.Tests/CalcTests.cs:line 25',
      file: 'tests/App.Tests/CalcTests.cs',
      line: 25,
      repro_cmd: 'dotnet test --filter FullyQualifiedName=App.Tests.CalcTests.Divides',
    });
    expect(results[5]).toMatchObject({ message: 'database not reachable', error_class: 'System.InvalidOperationException', file: 'tests/App.Tests/DatabaseTests.cs', line: 12 });
    expect(results[4]).toMatchObject({ message: 'not written yet' });
    expect(totals).toEqual({ tests: 6, failures: 2, skipped: 2 });
  });

  it('NUnit 2: one result attribute, full names split into class and method', async () => {
    const { results, totals } = await collect(nunitParser, dir('nunit2.xml'), '/repo', { chunkSize: 83 });
    expect(results.map((r) => [r.test_id, r.status, r.message])).toEqual([
      ['App.Tests.CalcTests::Adds', 'passed', undefined],
      ['App.Tests.CalcTests::Subtracts', 'failed', 'Expected: 2\n  But was:  8'],
      ['App.Tests.CalcTests::Divides(1.5,0)', 'errored', 'Attempted to divide by zero.'],
      ['App.Tests.CalcTests::Multiplies', 'skipped', 'not written yet'],
      ['App.Tests.CalcTests::Soak', 'skipped', "Method Soak's signature is not correct: it must be a public method."],
    ]);
    expect(results[2]).toMatchObject({ repro_cmd: 'dotnet test --filter FullyQualifiedName=App.Tests.CalcTests.Divides', line: 25 });
    expect(totals).toEqual({ tests: 5, failures: 1, errors: 1, skipped: 2 });
  });
});
