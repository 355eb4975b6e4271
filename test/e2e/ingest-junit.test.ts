/**
 * The JUnit reports the real frameworks wrote for the fixture projects, read through the facade (the
 * JUnit parser is the XML work's; these fixtures are ingest's), checked against the same run's JSON or
 * TAP report: the same failures, at the same lines, with the same messages. Where a reporter loses
 * something, the test says so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TestResult } from '../../src/events/index.js';
import { extractBuildLog, openReport } from '../../src/ingest/index.js';
import { fixtureReport } from '../../src/ingest/testing/fixture-report.js';

const REPORTS = fileURLToPath(new URL('../fixtures/reports/', import.meta.url));
// Where the reports were generated (see each generate.sh); their absolute paths start there.
const root = (project: string) => `/work/main/test/fixtures/reports/${project}`;

async function read(report: string, project: string): Promise<{ format: string; results: TestResult[] }> {
  const { file, repoRoot } = fixtureReport(report, project);
  const opened = await openReport(file, { repoRoot });
  const results: TestResult[] = [];
  for await (const r of opened.results) results.push(r);
  return { format: opened.format, results };
}

/** What two reports of one run must agree on for each failure: where, and what it said (spacing aside). */
const failures = (rs: TestResult[]) =>
  rs
    .filter((r) => r.status === 'failed' || r.status === 'errored')
    .map((r) => `${r.file}:${r.line ?? '?'} ${(r.message ?? '').replace(/\s+/g, '').slice(0, 200)}`)
    .sort();

describe('JUnit reports of the fixture projects agree with their JSON/TAP twins', () => {
  it('vitest --reporter=junit', async () => {
    const junit = await read('vitest/junit.xml', 'vitest/project');
    const json = await read('vitest/report.json', 'vitest/project');
    expect(junit.format).toBe('junit');
    expect(junit.results).toHaveLength(json.results.length);
    // The file that failed to load: vitest's JUnit locates it at the import (line 3), its JSON does not.
    expect(failures(junit.results)).toEqual(failures(json.results).map((f) => f.replace('test/broken.test.js:?', 'test/broken.test.js:3')));
  });

  it('jest-junit: the same failures, except the test file that did not load', async () => {
    const junit = await read('jest/junit.xml', 'jest/project');
    const json = await read('jest/report.json', 'jest/project');
    expect(junit.format).toBe('junit');
    // jest-junit 17 writes no testcase for a suite that failed to run ("Cannot find module"): the JSON
    // report is the one to use when a whole file can break.
    const jsonWithoutBrokenFile = json.results.filter((r) => r.file !== 'test/broken.test.js');
    expect(failures(junit.results)).toEqual(failures(jsonWithoutBrokenFile));
    expect(junit.results.some((r) => r.file === 'test/broken.test.js')).toBe(false);
    // It also writes test.todo() as a plain testcase, so it reads as a pass; the JSON says todo (skipped).
    expect(junit.results.find((r) => r.name?.endsWith('computes a square root'))?.status).toBe('passed');
    expect(json.results.find((r) => r.name === 'computes a square root')?.status).toBe('skipped');
    expect(junit.results).toHaveLength(7);
  });

  it('mocha-junit-reporter (with the failing hook)', async () => {
    const junit = await read('mocha/junit.xml', 'mocha/project');
    const json = await read('mocha/report.json', 'mocha/project');
    expect(junit.format).toBe('junit');
    expect(failures(junit.results)).toEqual(failures(json.results));
  });

  it('node --test-reporter=junit vs --test-reporter=tap', async () => {
    const junit = await read('node-test/junit.xml', 'node-test/project');
    const tap = await read('node-test/report.tap', 'node-test/project');
    expect(junit.format).toBe('junit');
    expect(tap.format).toBe('tap');
    // node's JUnit reporter writes every failure as <failure>; TAP keeps the error's class, so suture
    // tells a TypeError (errored) from an assertion (failed) there. Compared with that folded away:
    const outcome = (r: TestResult) => `${r.status === 'errored' ? 'failed' : r.status} ${r.name}`;
    expect(junit.results.map(outcome).sort()).toEqual(tap.results.map(outcome).sort());
    expect(failures(junit.results)).toEqual(failures(tap.results));
  });

  it('pytest --junitxml, and its collection error read from the XML and from the log', async () => {
    const junit = await read('pytest/junit.xml', 'pytest/project');
    expect(junit.format).toBe('junit');
    expect(junit.results.map((r) => r.status).sort()).toEqual(['errored', 'failed', 'failed', 'failed', 'passed', 'passed', 'skipped']);
    expect(junit.results.find((r) => r.status === 'errored')).toMatchObject({ file: 'tests/test_calc.py', line: 31, error_class: 'ConnectionError' });
    const xml = await read('pytest/collection-error.xml', 'pytest/broken-project');
    const log = extractBuildLog(readFileSync(`${REPORTS}pytest/collection-error.log`, 'utf8'), { repoRoot: root('pytest/broken-project'), tool: 'pytest' });
    expect(xml.results).toHaveLength(1);
    expect(log).toHaveLength(1);
    expect([xml.results[0]!.file, xml.results[0]!.line, xml.results[0]!.status]).toEqual([log[0]!.file, log[0]!.line, log[0]!.status]);
    // The log says why; the XML only that collection failed.
    expect(log[0]).toMatchObject({ error_class: 'ModuleNotFoundError', message: "No module named 'calculator_that_does_not_exist'" });
  });
});
