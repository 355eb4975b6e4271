import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringLiterals, testFileIndex } from './test-files.js';

const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'suture-test-files-'));
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));
const write = (rel: string, text: string): void => {
  fs.mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
  fs.writeFileSync(path.join(repo, rel), text);
};
write('test/calc.test.js', "describe('calc', () => {\n  describe(\"add\", () => { it(`adds two numbers`, () => {}); });\n  it('has a \\'quoted\\' name', () => {});\n  it('works', () => {});\n});\n");
write('test/other.spec.ts', "describe('calc add', () => { it('adds two numbers', () => {}); });\nit('works', () => {});\n");
write('packages/api/test/route.test.js', "it('finds about', () => {});\n");
write('node_modules/dep/test/x.test.js', "it('finds about', () => {});\n");
write('src/calc.js', "export const label = 'only in source';\n");
write('pkg-a/tests/test_report.py', 'def test_a(): pass\n');
write('pkg-b/tests/test_other.py', 'def test_b(): pass\n');
write('pkg-c/tests/test_other.py', 'def test_b(): pass\n');

describe('string literals of a test file', () => {
  it('reads quoted and template strings, unescaped; skips templates with substitutions', () => {
    expect([...stringLiterals("it('a \\'b\\'', f); it(\"c\\\"d\", f); it(`e\nf`, f); it(`x ${y}`, f); const u = '\\u00e9';")]).toEqual(["a 'b'", 'c"d', 'e\nf', 'é']);
  });
});

describe('finding the test file of a test the report names no file for', () => {
  const index = testFileIndex(repo, undefined);

  it('by titles: the one test file holding them all, else nothing (never a guess)', () => {
    expect(index.byTitles(['calc', 'add', 'adds two numbers'])).toBe('test/calc.test.js');
    expect(index.byTitles(["has a 'quoted' name"])).toBe('test/calc.test.js');
    expect(index.byTitles(['works'])).toBeUndefined(); // in two files
    expect(index.byTitles(['only in source'])).toBeUndefined(); // not a test file
    expect(index.byTitles(['finds about'])).toBe('packages/api/test/route.test.js'); // node_modules skipped
  });

  it('by a space-joined full name (jest-junit): the file and its split into titles', () => {
    expect(index.byFullName('calc add adds two numbers')).toBeUndefined(); // both files spell it
    expect(index.byFullName('calc add adds two numbers', ['test/calc.test.js'])).toEqual({ file: 'test/calc.test.js', titles: ['calc', 'add', 'adds two numbers'] });
    expect(index.splitIn('test/other.spec.ts', 'calc add adds two numbers')).toEqual(['calc add', 'adds two numbers']);
    expect(index.byFullName("calc has a 'quoted' name")).toEqual({ file: 'test/calc.test.js', titles: ['calc', "has a 'quoted' name"] });
    expect(index.byFullName('calc nothing like this')).toBeUndefined();
  });

  it('pytest: a rootdir-relative module found in exactly one package', () => {
    expect(index.bySuffix('tests/test_report.py')).toBe('pkg-a/tests/test_report.py');
    expect(index.bySuffix('tests/test_other.py')).toBeUndefined(); // two packages have it
  });

  it('within a workspace package only, and nothing at all where there is no repository', () => {
    expect(testFileIndex(repo, 'packages/api').byTitles(['finds about'])).toBe('packages/api/test/route.test.js');
    expect(testFileIndex(repo, 'packages/api').byTitles(['calc'])).toBeUndefined();
    expect(testFileIndex('/no/such/repository', undefined).byTitles(['calc'])).toBeUndefined();
  });

  it('sees a test file edited or added since the last report (each report walks the tree again)', () => {
    write('test/edited.test.js', "it('before the edit', () => {});\n");
    expect(testFileIndex(repo, undefined).byTitles(['before the edit'])).toBe('test/edited.test.js');
    write('test/edited.test.js', "it('after the edit', () => {});\n");
    fs.utimesSync(path.join(repo, 'test/edited.test.js'), new Date(), new Date(Date.now() + 5000));
    const again = testFileIndex(repo, undefined);
    expect(again.byTitles(['before the edit'])).toBeUndefined();
    expect(again.byTitles(['after the edit'])).toBe('test/edited.test.js');
    write('test/added.test.js', "it('a new test', () => {});\n");
    expect(testFileIndex(repo, undefined).byTitles(['a new test'])).toBe('test/added.test.js');
  });
});
