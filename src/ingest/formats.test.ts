import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsers } from './formats.js';
import { detectFormat, MIN_CONFIDENCE } from './detect.js';
import { HEAD_BYTES } from './input/head.js';

const fixture = (p: string): string => fileURLToPath(new URL(`../../test/fixtures/${p}`, import.meta.url));
const corpus = (p: string): string => fixture(`corpus/test-reports/${p}`);

/**
 * Real files of each registered format. A newly registered parser must add its fixtures here: the
 * conformance test below fails for a format with none.
 */
const FORMAT_FIXTURES: Record<string, string[]> = {
  'jest-json': [fixture('reports/jest/report.json')],
  'vitest-json': [fixture('reports/vitest/report.json')],
  'mocha-json': [fixture('reports/mocha/report.json'), corpus('dorny+test-reporter/__tests__/fixtures/mocha-json.json')],
  'go-json': [fixture('reports/go/report.json'), corpus('gotestyourself+gotestsum/testjson/testdata/input/go-test-json.out')],
  'go-text': [fixture('reports/go/report.txt'), corpus('jstemmer+go-junit-report/testdata/012-subtests.txt')],
  tap: [fixture('reports/node-test/report.tap'), corpus('test-summary+action/test/resources/tap/09-node-tap.tap')],
  'dart-json': [corpus('dorny+test-reporter/__tests__/fixtures/dart-json.json')],
  'rspec-json': [corpus('dorny+test-reporter/__tests__/fixtures/rspec-json.json')],
  tsc: [fixture('reports/tsc/tsc.log'), fixture('reports/tsc/tsc-pretty.log')],
  'eslint-json': [fixture('reports/eslint/eslint.json')],
  eslint: [fixture('reports/eslint/eslint-stylish.log')],
  npm: [fixture('reports/npm/npm-install-e404.log'), fixture('reports/npm/node-cannot-find-module.log'), fixture('reports/npm/node-err-module-not-found.log')],
  'pytest-collection': [fixture('reports/pytest/collection-error.log')],
  'python-traceback': ['missing_module', 'syntax_error', 'name_error', 'attribute_error', 'import_error', 'nested_error'].map((n) => fixture(`reports/python/${n}.log`)),
  junit: ['jest', 'vitest', 'mocha', 'node-test', 'pytest'].map((d) => fixture(`reports/${d}/junit.xml`)),
  trx: [fixture('reports/xml-edge/dotnet/mstest-data-driven.trx')],
  nunit: [fixture('reports/xml-edge/dotnet/nunit3.xml'), fixture('reports/xml-edge/dotnet/nunit2.xml')],
  xunit: [fixture('reports/xml-edge/dotnet/xunit.xml')],
};

const head = (file: string): string => readFileSync(file).subarray(0, HEAD_BYTES).toString('utf8').replace(/^\uFEFF/, '');

describe('the format registry', () => {
  it('gives every parser a unique format name', () => {
    const names = parsers.map((p) => p.format);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has fixtures for every registered format', () => {
    const missing = parsers.map((p) => p.format).filter((f) => !FORMAT_FIXTURES[f]?.length);
    expect(missing, 'add the fixtures of these formats to FORMAT_FIXTURES in src/ingest/formats.test.ts').toEqual([]);
  });

  for (const p of parsers) {
    for (const file of FORMAT_FIXTURES[p.format] ?? []) {
      it(`${p.format} claims ${file.split('/fixtures/')[1]} and no other parser claims it more`, () => {
        const h = head(file);
        const own = p.sniff(h, file);
        expect(own).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
        for (const other of parsers) if (other !== p) expect(other.sniff(h, file), `${other.format} on a ${p.format} file`).toBeLessThan(own);
        expect(detectFormat(h, file)).toBe(p.format);
      });
    }
  }
});
