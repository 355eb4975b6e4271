import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planEdits, writePlan } from './apply.js';

let dir: string;
let outside: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'suture-apply-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'suture-outside-'));
  await mkdir(path.join(dir, 'src'));
  await writeFile(path.join(dir, 'src', 'a.ts'), 'export function f() {\n  return 1;\n}\nexport function g() {\n  return 1;\n}\n');
  await writeFile(path.join(dir, 'src', 'win.ts'), 'const a = 1;  \r\nconst b = 2;\r\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('planEdits', () => {
  it('applies exact edits in memory, writes them, and measures their size', async () => {
    const plan = await planEdits(dir, [
      { file: 'src/a.ts', search: 'function f() {\n  return 1;', replace: 'function f() {\n  return 2;' },
      { file: 'src/new.ts', search: '', replace: 'export const n = 1;\n' },
    ]);
    expect(plan.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/new.ts']);
    expect(plan.size).toBe(3);
    // Nothing is written until asked.
    expect(await readFile(path.join(dir, 'src', 'a.ts'), 'utf8')).toContain('return 1;\n}\nexport function g');
    await writePlan(plan);
    expect(await readFile(path.join(dir, 'src', 'a.ts'), 'utf8')).toBe('export function f() {\n  return 2;\n}\nexport function g() {\n  return 1;\n}\n');
    expect(await readFile(path.join(dir, 'src', 'new.ts'), 'utf8')).toBe('export const n = 1;\n');
  });

  it('refuses ambiguous and missing SEARCH text, and lists every problem', async () => {
    await expect(
      planEdits(dir, [
        { file: 'src/a.ts', search: '  return 1;\n', replace: '  return 3;\n' },
        { file: 'src/a.ts', search: 'return 42;', replace: 'x' },
        { file: 'src/a.ts', search: '', replace: 'x' },
      ]),
    ).rejects.toThrow(/edit 1 \(src\/a.ts\): the SEARCH text occurs 2 times.*edit 2 \(src\/a.ts\): the SEARCH text is not in the file.*edit 3 \(src\/a.ts\): an empty SEARCH only creates new files/);
  });

  it('tolerates trailing whitespace differences and keeps CRLF line endings', async () => {
    const plan = await planEdits(dir, [{ file: 'src/win.ts', search: 'const a = 1;\nconst b = 2;\n', replace: 'const a = 1;\nconst b = 3;\n' }]);
    await writePlan(plan);
    expect(await readFile(path.join(dir, 'src', 'win.ts'), 'utf8')).toBe('const a = 1;\r\nconst b = 3;\r\n');
  });

  it.each([
    ['../escape.ts', /outside the repository/],
    ['src/../../escape.ts', /outside the repository/],
    ['/etc/passwd', /absolute paths are not allowed/],
    ['.git/hooks/pre-commit', /under .git/],
  ])('rejects %s', async (file, why) => {
    await expect(planEdits(dir, [{ file, search: '', replace: 'x' }])).rejects.toThrow(why);
  });

  it('rejects a path through a symlink that leads out of the worktree', async () => {
    await symlink(outside, path.join(dir, 'link'));
    await expect(planEdits(dir, [{ file: 'link/evil.ts', search: '', replace: 'x' }])).rejects.toThrow(/link that leads outside/);
  });

  it('replaces a whole file for a JSON "content" change', async () => {
    const plan = await planEdits(dir, [{ file: 'src/a.ts', search: '', replace: 'export const a = 1;\n', whole: true }]);
    expect(plan.files[0]!.after).toBe('export const a = 1;\n');
  });

  it('refuses edits that change nothing', async () => {
    await expect(planEdits(dir, [{ file: 'src/a.ts', search: 'function g', replace: 'function g' }])).rejects.toThrow(/change nothing/);
  });
});
