import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../testing/temp-repo.js';
import { EnvironmentError } from '../../errors.js';
import { openRepo, openSandbox } from './index.js';

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

function dirtyRepo(): TempRepo {
  const repo = makeRepo({ 'src/a.txt': 'committed\n', 'src/b.txt': 'b\n', 'gone.txt': 'x\n' }, { gitignore: 'ignored.log\nnode_modules/\n.suture/\n' });
  repos.push(repo);
  repo.write('src/a.txt', 'staged\n');
  repo.git('add', 'src/a.txt');
  repo.write('src/a.txt', 'staged then edited\n');
  repo.write('src/b.txt', 'unstaged\n');
  repo.write('new.txt', 'untracked\n');
  repo.write('ignored.log', 'ignored\n');
  repo.write('.suture/report.md', 'old output\n');
  repo.write('node_modules/dep/index.js', 'module.exports = 1;\n');
  repo.git('rm', '-q', '--cached', 'gone.txt');
  return repo;
}

describe('sandbox', () => {
  it('snapshots HEAD + staged + unstaged + untracked into a worktree outside the tree, leaving the user state untouched', async () => {
    const repo = dirtyRepo();
    const before = repo.fingerprint();
    const s = await openSandbox(repo.root, { runId: 't1', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      const wt = s.sandbox.dir;
      expect(wt.startsWith(repo.root)).toBe(false);
      expect(readFileSync(path.join(wt, 'src/a.txt'), 'utf8')).toBe('staged then edited\n');
      expect(readFileSync(path.join(wt, 'src/b.txt'), 'utf8')).toBe('unstaged\n');
      expect(readFileSync(path.join(wt, 'new.txt'), 'utf8')).toBe('untracked\n');
      expect(existsSync(path.join(wt, 'ignored.log'))).toBe(false);
      expect(existsSync(path.join(wt, '.suture'))).toBe(false);
      // gone.txt was removed from the index but is still on disk: the working tree wins.
      expect(existsSync(path.join(wt, 'gone.txt'))).toBe(true);
      // dependencies resolve as in the user's tree (Node walks up to the sandbox's link), never part of the snapshot
      expect(realpathSync(createRequire(path.join(wt, 'src/a.js')).resolve('dep'))).toBe(path.join(repo.root, 'node_modules/dep/index.js'));
      expect(readdirSync(path.join(wt, 'node_modules'))).toEqual([]); // the worktree's own: caches land here
      expect(repo.git('ls-tree', '-r', '--name-only', s.snapshot.commit)).not.toContain('node_modules');
      expect(repo.git('for-each-ref', 'refs/suture/')).toBe(''); // the snapshot needs no ref
      expect(await s.userTreeChanged()).toBe(false);
      expect(repo.fingerprint()).toEqual(before);
    } finally {
      await s.dispose();
    }
    expect(repo.git('for-each-ref', 'refs/suture/')).toBe('');
    expect(repo.git('worktree', 'list')).not.toContain('suture-wt-');
    expect(repo.fingerprint()).toEqual(before);
  });

  it('makes a node_modules that is itself a symlink available, ignored or not, and keeps it out of the snapshot', async () => {
    for (const gitignore of ['node_modules\n', '']) {
      const shared = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'suture-shared-deps-')));
      writeFileSync(path.join(shared, 'marker.js'), 'module.exports = 1;\n');
      const repo = makeRepo({ 'a.txt': 'a\n' }, { gitignore });
      repos.push(repo);
      symlinkSync(shared, path.join(repo.root, 'node_modules'));
      const before = repo.fingerprint(['node_modules']);
      const s = await openSandbox(repo.root, { runId: `sl${gitignore.length}`, linkDirs: ['node_modules'], exclude: ['.suture'] });
      try {
        expect(readFileSync(path.join(s.sandbox.dir, '..', 'node_modules/marker.js'), 'utf8')).toBe('module.exports = 1;\n');
        // The worktree's own directory: a cache a tool writes lands in the sandbox, not in the shared directory.
        expect(lstatSync(path.join(s.sandbox.dir, 'node_modules')).isDirectory()).toBe(true);
        writeFileSync(path.join(s.sandbox.dir, 'node_modules/.cache'), 'cache');
        expect(repo.git('ls-tree', '-r', '--name-only', s.snapshot.commit)).not.toContain('node_modules');
        expect(await s.sandbox.diff()).toBeUndefined();
        expect(await s.userTreeChanged()).toBe(false);
      } finally {
        await s.dispose();
      }
      expect(repo.fingerprint(['node_modules'])).toEqual(before);
      expect(readdirSync(shared)).toEqual(['marker.js']);
      rmSync(shared, { recursive: true, force: true });
    }
  });

  it('turns edits in the worktree into a Patch, resets between attempts and stacks verified patches', async () => {
    const repo = dirtyRepo();
    const s = await openSandbox(repo.root, { runId: 't2', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      const wt = s.sandbox.dir;
      expect(await s.sandbox.diff()).toBeUndefined();
      writeFileSync(path.join(wt, 'src/b.txt'), 'fixed\n');
      writeFileSync(path.join(wt, 'added.txt'), 'one\ntwo\n');
      writeFileSync(path.join(wt, 'node_modules/.eslintcache'), '{}'); // a tool's cache: not a change of the repo
      const patch = (await s.sandbox.diff())!;
      expect(patch.files.map((f) => [f.path, f.status, f.linesAdded, f.linesRemoved]).sort()).toEqual([
        ['added.txt', 'added', 2, 0],
        ['src/b.txt', 'modified', 1, 1],
      ]);
      expect(patch.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(patch.diff).toContain('+fixed');

      await s.sandbox.reset();
      expect(readFileSync(path.join(wt, 'src/b.txt'), 'utf8')).toBe('unstaged\n');
      expect(existsSync(path.join(wt, 'added.txt'))).toBe(false);
      expect(existsSync(path.join(wt, 'node_modules/.eslintcache'))).toBe(true);
      expect(existsSync(path.join(wt, '../node_modules/dep/index.js'))).toBe(true);

      const base0 = s.sandbox.base;
      await s.sandbox.advance(patch, 'suture: fix one');
      expect(s.sandbox.base).not.toBe(base0);
      await s.sandbox.reset();
      expect(readFileSync(path.join(wt, 'src/b.txt'), 'utf8')).toBe('fixed\n');
      expect(await s.sandbox.diff()).toBeUndefined();
      writeFileSync(path.join(wt, 'added.txt'), 'one\ntwo\nthree\n');
      const second = (await s.sandbox.diff())!;
      expect(second.files).toEqual([{ path: 'added.txt', status: 'modified', linesAdded: 1, linesRemoved: 0 }]);
    } finally {
      await s.dispose();
    }
    rmCleanup(repo);
  });

  it("a package a fixer links into the sandbox's node_modules lasts for its attempt, or for good once its patch joins the base", async () => {
    const repo = dirtyRepo();
    repo.write('node_modules/.bin/tool', '#!/bin/sh\n');
    const installed = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'suture-installed-')));
    writeFileSync(path.join(installed, 'index.js'), 'module.exports = 2;\n');
    const s = await openSandbox(repo.root, { runId: 't7', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      const nm = path.join(s.sandbox.dir, 'node_modules');
      expect(readdirSync(nm)).toEqual(['.bin']);
      const attempt = async (file: string): Promise<void> => {
        s.sandbox.touch();
        symlinkSync(installed, path.join(nm, 'extra'));
        writeFileSync(path.join(s.sandbox.dir, file), 'needs extra\n');
      };
      await attempt('one.txt');
      expect(createRequire(path.join(s.sandbox.dir, 'x.js')).resolve('extra')).toBe(path.join(installed, 'index.js'));
      await s.sandbox.reset();
      expect(readdirSync(nm)).toEqual(['.bin']); // the attempt's package went with it
      s.sandbox.touch();
      symlinkSync(installed, path.join(nm, 'extra'));
      await s.sandbox.settle(); // a package alone (no file changed) still makes the sandbox dirty
      await s.sandbox.reset();
      expect(readdirSync(nm)).toEqual(['.bin']);
      await attempt('two.txt');
      const patch = (await s.sandbox.diff())!;
      expect(patch.files.map((f) => f.path)).toEqual(['two.txt']); // never part of a patch
      await s.sandbox.advance(patch, 'suture: needs extra');
      await s.sandbox.reset();
      expect(readdirSync(nm).sort()).toEqual(['.bin', 'extra']);
      expect(existsSync(path.join(s.sandbox.dir, 'two.txt'))).toBe(true);
      expect(readdirSync(path.join(repo.root, 'node_modules')).sort()).toEqual(['.bin', 'dep']); // the user's: untouched
    } finally {
      await s.dispose();
    }
    expect(readFileSync(path.join(installed, 'index.js'), 'utf8')).toBe('module.exports = 2;\n'); // links removed, not their targets
    rmSync(installed, { recursive: true, force: true });
  });

  it('settle() skips the next reset only when nothing was left behind', async () => {
    const repo = dirtyRepo();
    const s = await openSandbox(repo.root, { runId: 't6', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      const junk = path.join(s.sandbox.dir, 'junk.txt');
      s.sandbox.touch();
      writeFileSync(junk, 'left by a fixer that passed\n');
      await s.sandbox.settle();
      await s.sandbox.reset();
      expect(existsSync(junk)).toBe(false);
      s.sandbox.touch();
      await s.sandbox.settle(); // nothing changed: clean again
      writeFileSync(junk, 'written after settle\n');
      await s.sandbox.reset(); // skipped, so the file written afterwards is still there
      expect(existsSync(junk)).toBe(true);
    } finally {
      await s.dispose();
    }
  });

  it('notices when the user edits files during the run', async () => {
    const repo = dirtyRepo();
    const s = await openSandbox(repo.root, { runId: 't3', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      repo.write('.suture/other.md', 'outputs do not count\n');
      expect(await s.userTreeChanged()).toBe(false);
      repo.write('src/b.txt', 'edited by the user meanwhile\n');
      expect(await s.userTreeChanged()).toBe(true);
    } finally {
      await s.dispose();
    }
  });

  it('cleans worktrees and refs left by a run killed with SIGKILL', async () => {
    const repo = dirtyRepo();
    const before = repo.fingerprint();
    const script = `
      import { openSandbox } from ${JSON.stringify(new URL('./index.ts', import.meta.url).pathname)};
      const s = await openSandbox(process.argv[1], { runId: 'killed', linkDirs: ['node_modules'], exclude: ['.suture'] });
      process.stdout.write(s.sandbox.dir + '\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, repo.root], { stdio: ['ignore', 'pipe', 'inherit'] });
    const dir = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (d) => resolve(String(d).trim()));
      child.once('exit', (code) => reject(new Error(`sandbox child exited early (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(dir)).toBe(true);
    expect(repo.git('worktree', 'list')).toContain(dir);
    expect(repo.fingerprint()).toEqual(before);

    const next = await openSandbox(repo.root, { runId: 'next', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      expect(next.cleaned).toBe(1);
      expect(existsSync(dir)).toBe(false);
      expect(existsSync(path.dirname(dir))).toBe(false); // suture's directory around it (the dependency link) too
      expect(repo.git('worktree', 'list')).not.toContain(dir);
      expect(repo.git('for-each-ref', 'refs/suture/')).toBe('');
    } finally {
      await next.dispose();
    }
    expect(repo.fingerprint()).toEqual(before);
  });

  it('says so and stops outside a git repository', async () => {
    const err = await openRepo(os.tmpdir()).catch((e) => e);
    expect(err).toBeInstanceOf(EnvironmentError);
    expect(err.code).toBe('E_NOT_GIT_REPO');
  });

  it('uses HEAD itself as the snapshot when nothing is uncommitted (no objects written, the index untouched)', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' }, { gitignore: 'node_modules/\n.suture/\n' });
    repos.push(repo);
    repo.write('.suture/old.md', 'outputs are not part of the state\n');
    const head = repo.git('rev-parse', 'HEAD').trim();
    const objects = repo.git('count-objects', '-v');
    const before = repo.fingerprint();
    const s = await openSandbox(repo.root, { runId: 'clean', linkDirs: ['node_modules'], exclude: ['.suture'] });
    try {
      expect(s.snapshot.commit).toBe(head);
      expect(s.snapshot.tree).toBe(repo.git('rev-parse', 'HEAD^{tree}').trim());
      expect(await s.userTreeChanged()).toBe(false);
      expect(repo.git('count-objects', '-v')).toBe(objects);
      expect(repo.fingerprint()).toEqual(before);
      repo.write('a.txt', 'edited meanwhile\n');
      expect(await s.userTreeChanged()).toBe(true);
    } finally {
      await s.dispose();
    }
  });

  it('works in a repository with no commits yet', async () => {
    const repo = makeRepo({ 'a.txt': 'a\n' }, { commit: false });
    repos.push(repo);
    const s = await openSandbox(repo.root, { runId: 't5', linkDirs: [], exclude: ['.suture'] });
    try {
      expect(readFileSync(path.join(s.sandbox.dir, 'a.txt'), 'utf8')).toBe('a\n');
    } finally {
      await s.dispose();
    }
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: repo.root, encoding: 'utf8' })).toBe('?? a.txt\n');
  });
});

function rmCleanup(repo: TempRepo): void {
  expect(repo.git('worktree', 'list').split('\n').filter(Boolean)).toHaveLength(1);
}
