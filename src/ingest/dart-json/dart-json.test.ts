import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect } from '../input/collect.js';
import { dartJson } from './index.js';

// A real report from dorny/test-reporter's fixtures (copied in test/fixtures/corpus/test-reports), made on Windows.
const fixture = fileURLToPath(new URL('../../../test/fixtures/corpus/test-reports/dorny+test-reporter/__tests__/fixtures/dart-json.json', import.meta.url));
const repoRoot = 'C:/Users/Michal/Workspace/dorny/test-check/reports/dart';

describe('dart test --reporter json', () => {
  it('yields visible tests with status, location, duration and the first error', async () => {
    const { results, error } = await collect(dartJson, { path: fixture }, { repoRoot });
    expect(error).toBeUndefined();
    expect(results.map((r) => `${r.status} ${r.test_id}`)).toEqual([
      'errored test/second_test.dart::Timeout test',
      'skipped test/second_test.dart::Skipped test',
      'passed test/main_test.dart::Test 1 Passing test',
      'failed test/main_test.dart::Test 1 Test 1.1 Failing test',
      'errored test/main_test.dart::Test 1 Test 1.1 Exception in target unit',
      'errored test/main_test.dart::Test 2 Exception in test',
    ]);
    expect(results[0]).toMatchObject({ error_class: 'TimeoutException', message: 'TimeoutException after 0:00:00.000001: Test timed out after 0 seconds.', line: 5, duration_ms: 37 });
    expect(results[1]).toMatchObject({ message: 'skipped test' });
    expect(results[3]).toMatchObject({
      framework: 'dart',
      suite: 'Test 1 Test 1.1',
      name: 'Failing test',
      file: 'test/main_test.dart',
      line: 13,
      column: 9,
      error_class: 'TestFailure',
      message: 'Expected: <2>\n  Actual: <1>',
      repro_cmd: "dart test test/main_test.dart --plain-name 'Test 1 Test 1.1 Failing test'",
    });
    expect(results[4]).toMatchObject({ error_class: 'Exception', message: 'Exception: Some error', line: 17 });
  });

  it('reports a file that failed to load (a hidden loading test that errored) and a cut-off test', async () => {
    const lines = [
      { protocolVersion: '0.1.1', runnerVersion: '1.25.3', type: 'start', time: 0 },
      { suite: { id: 0, platform: 'vm', path: 'test/a_test.dart' }, type: 'suite', time: 0 },
      { test: { id: 1, name: 'loading test/a_test.dart', suiteID: 0, groupIDs: [] }, type: 'testStart', time: 1 },
      { testID: 1, error: "test/a_test.dart:3:1: Error: Expected ';' after this.", stackTrace: '', isFailure: false, type: 'error', time: 5 },
      { testID: 1, result: 'error', skipped: false, hidden: true, type: 'testDone', time: 6 },
      { test: { id: 2, name: 'runs forever', suiteID: 0, groupIDs: [], line: 9 }, type: 'testStart', time: 7 },
    ].map((l) => JSON.stringify(l));
    const { results } = await collect(dartJson, { text: ['Building flutter tool...', ...lines].join('\n') }, { repoRoot: '/r' });
    expect(results.map((r) => `${r.status} ${r.name}: ${r.message}`)).toEqual([
      "errored loading test/a_test.dart: test/a_test.dart:3:1: Error: Expected ';' after this.",
      'errored runs forever: the report ends before this test finished',
    ]);
  });
});
