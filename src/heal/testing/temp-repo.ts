// Test support (not used by the CLI). Helpers for heal tests: real git repositories in temp dirs, and a byte-level fingerprint of the
// user's state (every file's hash, the index, HEAD and refs) to prove suture never changed it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUTURE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test User',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test User',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export interface TempRepo {
  root: string;
  git(...args: string[]): string;
  write(rel: string, content: string): void;
  read(rel: string): string;
  /** Every file (outside .git and the given dirs) with its hash, plus the index, HEAD and every ref. */
  fingerprint(skip?: string[]): Record<string, string>;
  cleanup(): void;
}

export function makeRepo(files: Record<string, string>, opts: { commit?: boolean; nodeModules?: boolean; gitignore?: string } = {}): TempRepo {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'suture-heal-test-')));
  const run = (...args: string[]) => execFileSync('git', args, { cwd: root, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' });
  const write = (rel: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  };
  run('init', '-q', '-b', 'main');
  if (opts.gitignore !== undefined) write('.gitignore', opts.gitignore);
  for (const [rel, content] of Object.entries(files)) write(rel, content);
  if (opts.nodeModules) symlinkSync(path.join(SUTURE_ROOT, 'node_modules'), path.join(root, 'node_modules'));
  if (opts.commit !== false) {
    run('add', '-A');
    run('commit', '-q', '-m', 'initial');
  }
  return {
    root,
    git: run,
    write,
    read: (rel) => readFileSync(path.join(root, rel), 'utf8'),
    fingerprint: (skip = []) => fingerprint(root, run, skip),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

function fingerprint(root: string, run: (...a: string[]) => string, skip: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs);
      if (rel === '.git' || skip.includes(rel)) continue;
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out[rel] = `link:${readlinkSync(abs)}`;
      else if (st.isDirectory()) walk(abs);
      else out[rel] = `${st.mode.toString(8)}:${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
    }
  };
  walk(root);
  const gitDir = path.join(root, '.git');
  out['.git/index'] = safeHash(path.join(gitDir, 'index'));
  out['.git/HEAD'] = readFileSync(path.join(gitDir, 'HEAD'), 'utf8');
  out['refs'] = run('for-each-ref', '--format=%(refname) %(objectname)');
  // --no-optional-locks: a plain `git status` may rewrite the index's stat cache, which would change its hash.
  out['status'] = run('--no-optional-locks', 'status', '--porcelain=v1', '--untracked-files=all', '--ignored')
    .split('\n')
    .filter((l) => !skip.some((s) => l.slice(3).startsWith(s)))
    .join('\n');
  return out;
}

function safeHash(file: string): string {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return 'absent';
  }
}
