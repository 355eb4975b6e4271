import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticIds } from '../results/ids.js';
import { cleanLines } from './text.js';
import { eslintStylishExtractor } from './eslint-stylish.js';
import { eslintJsonExtractor } from './eslint-json.js';

const read = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/eslint/${name}`, import.meta.url), 'utf8');
const opts = { repoRoot: '/work/main/test/fixtures/reports/eslint/project' };

describe('ESLint output (real, ESLint 10)', () => {
  it('reads stylish errors (warnings are not failures) with rule ids and positions', () => {
    const results = eslintStylishExtractor.extract(cleanLines(read('eslint-stylish.log')), opts, new DiagnosticIds());
    expect(results.map((r) => `${r.file}:${r.line}:${r.column} ${r.error_code ?? '-'} ${r.message}`)).toEqual([
      "src/app.js:1:10 no-unused-vars 'readFileSync' is defined but never used",
      "src/app.js:4:7 prefer-const 'text' is never reassigned. Use 'const' instead",
      "src/app.js:4:14 no-undef 'readFile' is not defined",
      'src/broken.js:3:1 - Parsing error: Unexpected token',
    ]);
    expect(results[2]).toMatchObject({ kind: 'lint', framework: 'eslint', status: 'errored', test_id: "eslint:src/app.js:no-undef:'readFile' is not defined", repro_cmd: 'npx eslint src/app.js' });
    expect(results[3]).toMatchObject({ error_class: 'SyntaxError' });
  });

  it('reads the JSON formatter to the same diagnostics and the same ids', () => {
    const json = eslintJsonExtractor.extract(cleanLines(read('eslint.json')), opts, new DiagnosticIds());
    const stylish = eslintStylishExtractor.extract(cleanLines(read('eslint-stylish.log')), opts, new DiagnosticIds());
    expect(json.map((r) => r.test_id)).toEqual(stylish.map((r) => r.test_id));
    expect(json.map((r) => [r.file, r.line, r.column, r.error_code])).toEqual(stylish.map((r) => [r.file, r.line, r.column, r.error_code]));
    expect(json[0]!.message).toBe("'readFileSync' is defined but never used.");
  });

  it('tells the two formats apart', () => {
    expect(eslintJsonExtractor.sniff(read('eslint.json'))).toBeGreaterThan(0.9);
    expect(eslintJsonExtractor.sniff(read('eslint-stylish.log'))).toBe(0);
    expect(eslintStylishExtractor.sniff(read('eslint-stylish.log'))).toBeGreaterThan(0.8);
  });
});
