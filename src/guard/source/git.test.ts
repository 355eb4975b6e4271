import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffWorktree, readBlobs, resolveRev } from './git.js';

let dir: string;
const git = (...a: string[]): string =>
  execFileSync('git', a, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@x', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@x' } });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'suture-git-'));
  git('init', '-q');
  mkdirSync(path.join(dir, 'many'));
  for (let i = 0; i < 60; i++) writeFileSync(path.join(dir, 'many', `f${i}.txt`), `file ${i}\n`);
  writeFileSync(path.join(dir, 'bin.dat'), Buffer.from([0, 1, 2, 0]));
  writeFileSync(path.join(dir, 'with space.txt'), 'spaced\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('git content', () => {
  it('reads many blobs in one batch, by blob id, with missing and binary files as undefined', async () => {
    const paths = [...Array.from({ length: 60 }, (_, i) => `many/f${i}.txt`), 'bin.dat', 'nope.txt', 'with space.txt'];
    const m = await readBlobs(dir, 'HEAD', paths);
    expect(m.get('many/f0.txt')).toBe('file 0\n');
    expect(m.get('many/f59.txt')).toBe('file 59\n');
    expect(m.get('with space.txt')).toBe('spaced\n');
    expect(m.has('bin.dat') && m.get('bin.dat')).toBe(undefined);
    expect(m.has('nope.txt') && m.get('nope.txt')).toBe(undefined);
    expect((await readBlobs(dir, 'HEAD', ['many/f1.txt', 'missing'])).get('many/f1.txt')).toBe('file 1\n');
  });

  it('diffs the working tree with untracked files, never .suture/', async () => {
    writeFileSync(path.join(dir, 'many', 'f1.txt'), 'changed\n');
    writeFileSync(path.join(dir, 'new.txt'), 'a\nb');
    mkdirSync(path.join(dir, '.suture'), { recursive: true });
    writeFileSync(path.join(dir, '.suture', 'suture.db'), 'x');
    try {
      const diff = await diffWorktree(dir, 'HEAD');
      expect(diff).toContain('+++ b/many/f1.txt');
      expect(diff).toContain('diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file\n');
      expect(diff).not.toContain('.suture');
    } finally {
      git('checkout', '--', 'many/f1.txt');
      rmSync(path.join(dir, 'new.txt'));
      rmSync(path.join(dir, '.suture'), { recursive: true });
    }
  });

  it('names an unknown revision', async () => {
    await expect(resolveRev(dir, 'no-such')).rejects.toThrow("unknown revision 'no-such'");
  });
});
