import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRelative } from './paths.js';

const root = mkdtempSync(path.join(tmpdir(), 'suture-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const f of ['src/a.ts', 'index.js', 'test/deep/b.test.ts']) {
  mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
  writeFileSync(path.join(root, f), '//\n');
}

describe('repoRelative', () => {
  it('makes paths under the root relative, and refuses ones that climb out', () => {
    expect(repoRelative(path.join(root, 'src/a.ts'), root)).toBe('src/a.ts');
    expect(repoRelative(`file://${root}/src/a.ts`, root)).toBe('src/a.ts');
    expect(repoRelative('./src/../src/a.ts', root)).toBe('src/a.ts');
    expect(repoRelative('../elsewhere.ts', root)).toBeUndefined();
    expect(repoRelative('', root)).toBeUndefined();
  });

  it("maps another machine's checkout into this one by the longest tail that names a file here", () => {
    expect(repoRelative('/home/runner/work/app/app/test/deep/b.test.ts', root)).toBe('test/deep/b.test.ts');
    // The prefix that worked is remembered, so a file at the top of the repository maps too...
    expect(repoRelative('/home/runner/work/app/app/index.js', root)).toBe('index.js');
    // ...but a bare file name under an unknown prefix never matches by chance,
    expect(repoRelative('/usr/lib/index.js', root)).toBeUndefined();
    // and a tail naming nothing here stays outside.
    expect(repoRelative('/home/runner/work/app/app/src/gone.ts', root)).toBeUndefined();
    expect(repoRelative('/usr/lib/node/internal/x.js', root)).toBeUndefined();
  });
});
