import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticIds } from '../results/ids.js';
import { cleanLines } from './text.js';
import { tscExtractor } from './tsc.js';

const read = (name: string): string => readFileSync(new URL(`../../../test/fixtures/reports/tsc/${name}`, import.meta.url), 'utf8');
const opts = { repoRoot: '/work/main/test/fixtures/reports/tsc/project' };
const extract = (text: string) => tscExtractor.extract(cleanLines(text), opts, new DiagnosticIds());

describe('tsc diagnostics (real output of TypeScript 5)', () => {
  it('reads every error of the plain format with codes, positions, chained messages and suggestions', () => {
    const results = extract(read('tsc.log'));
    expect(results.map((r) => `${r.file}:${r.line}:${r.column} ${r.error_code}`)).toEqual([
      'src/main.ts:2:25 TS2307',
      'src/main.ts:5:13 TS2552',
      'src/main.ts:6:7 TS2741',
      'src/main.ts:7:14 TS2322',
      'src/user.ts:7:25 TS2339',
      'src/user.ts:11:9 TS2322',
    ]);
    expect(results[1]).toEqual({
      kind: 'typecheck',
      framework: 'tsc',
      test_id: "tsc:src/main.ts:TS2552:Cannot find name 'mesage'. Did you mean 'message'?",
      status: 'errored',
      file: 'src/main.ts',
      line: 5,
      column: 13,
      error_code: 'TS2552',
      message: "Cannot find name 'mesage'. Did you mean 'message'?",
      suggestion: 'message',
      repro_cmd: 'npx tsc --noEmit -p tsconfig.json',
      package: undefined,
    });
    expect(results[3]!.message).toBe(
      "Type '(n: number) => string' is not assignable to type '(user: { name: string; email: string; }) => string'.\nTypes of parameters 'n' and 'user' are incompatible.\nType '{ name: string; email: string; }' is not assignable to type 'number'.",
    );
    expect(results[4]!.suggestion).toBeUndefined();
  });

  it('reads the --pretty format (colours, code frames, related locations) to the same results', () => {
    const strip = (r: { message?: string }) => ({ ...r });
    expect(extract(read('tsc-pretty.log')).map(strip)).toEqual(extract(read('tsc.log')).map(strip));
  });

  it('keeps ids stable when lines shift, and distinct for repeated identical errors', () => {
    const a = extract("src/a.ts(3,1): error TS2304: Cannot find name 'x'.\nsrc/a.ts(9,1): error TS2304: Cannot find name 'x'.\n");
    const b = extract("src/a.ts(30,1): error TS2304: Cannot find name 'x'.\nsrc/a.ts(90,1): error TS2304: Cannot find name 'x'.\n");
    expect(a.map((r) => r.test_id)).toEqual(["tsc:src/a.ts:TS2304:Cannot find name 'x'", "tsc:src/a.ts:TS2304:Cannot find name 'x'#2"]);
    expect(b.map((r) => r.test_id)).toEqual(a.map((r) => r.test_id));
  });

  it('reads errors without a file and ignores noise', () => {
    const r = extract("npm warn config\nerror TS5083: Cannot read file '/x/tsconfig.json'.\nFound 1 error.\n");
    expect(r).toEqual([expect.objectContaining({ error_code: 'TS5083', file: undefined, message: "Cannot read file '/x/tsconfig.json'." })]);
  });
});
