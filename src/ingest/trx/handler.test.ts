import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../xml/collect.js';
import { trxParser } from './parser.js';

const FILE = fileURLToPath(new URL('../../../test/fixtures/reports/xml-edge/dotnet/mstest-data-driven.trx', import.meta.url));

describe('TRX', () => {
  it('joins results to definitions, reports data rows, and treats a missing outcome as an error', async () => {
    const { results, totals, error } = await collect(trxParser, FILE, '/repo', { chunkSize: 61 });
    expect(error).toBeUndefined();
    expect(results.map((r) => [r.test_id, r.status, r.duration_ms])).toEqual([
      ['App.Tests.MathTests::AddsRows (Data Row 0)', 'passed', 10],
      ['App.Tests.MathTests::AddsRows (Data Row 1)', 'failed', 20],
      ['App.Tests.MathTests::Divides', 'errored', 1500],
      ['App.Tests.OrphanTests::HasNoDefinition', 'passed', 1], // no definition: the class comes from the name
      ['App.Tests.MathTests::Divides', 'errored', 0], // no outcome at all
    ]);
    expect(results[1]).toEqual({
      kind: 'test',
      framework: 'mstest',
      test_id: 'App.Tests.MathTests::AddsRows (Data Row 1)',
      status: 'failed',
      name: 'AddsRows (Data Row 1)',
      suite: 'App.Tests.MathTests',
      duration_ms: 20,
      message: 'Assert.AreEqual failed. Expected:<4>. Actual:<5>.',
      stack: 'at App.Tests.MathTests.AddsRows() in /repo/tests/App.Tests/MathTests.cs:line 21',
      file: 'tests/App.Tests/MathTests.cs',
      line: 21,
      repro_cmd: 'dotnet test --filter FullyQualifiedName=App.Tests.MathTests.AddsRows',
    });
    expect(results[2]).toMatchObject({ message: 'Attempted to divide by zero.', error_class: 'System.DivideByZeroException', file: 'tests/App.Tests/MathTests.cs', line: 30 });
    expect(totals).toEqual({ tests: 5, failures: 2, errors: 1, skipped: 0 });
  });

  it('holds results written before their definitions and hands them out joined', async () => {
    const { results } = await collect(trxParser, fileURLToPath(new URL('../../../test/fixtures/corpus/test-reports/dorny+test-reporter/__tests__/fixtures/dotnet-trx.trx', import.meta.url)), '/repo');
    expect(results).toHaveLength(11);
    expect(results.every((r) => r.framework === 'xunit' && r.suite === 'DotnetTests.XUnitTests.CalculatorTests')).toBe(true);
    expect(results.find((r) => r.name === 'Should be even number(i: 3)')).toMatchObject({
      test_id: 'DotnetTests.XUnitTests.CalculatorTests::Should be even number(i: 3)',
      status: 'failed',
      message: 'Assert.True() Failure\nExpected: True\nActual:   False',
      repro_cmd: 'dotnet test --filter FullyQualifiedName=DotnetTests.XUnitTests.CalculatorTests.Theory_With_Custom_Name',
    });
  });
});
