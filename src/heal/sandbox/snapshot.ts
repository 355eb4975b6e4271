import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { git, SUTURE_IDENTITY } from '../git.js';
import type { RepoInfo } from './repo.js';

/** suture's own ref namespace: nothing outside it is ever created, moved or deleted (today it creates none). */
export const REF_NAMESPACE = 'refs/suture';

export interface Snapshot {
  /** A commit whose tree is the user's current state (HEAD + staged + unstaged + untracked-not-ignored). */
  commit: string;
  tree: string;
}

/**
 * Pathspecs for "everything but these repository-relative paths" (and what is below them).
 * `git add` refuses a literal pathspec that names an ignored path, so each path is written with its
 * last character as a one-character class (`.sutur[e]`): the same match, but a pattern, which git
 * accepts whether or not the path exists or is ignored.
 */
export function excludePathspecs(exclude: string[]): string[] {
  const escape = (s: string) => s.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
  const pattern = (p: string) => {
    const clean = p.replace(/\/+$/, '');
    const last = clean.slice(-1);
    return `${escape(clean.slice(0, -1))}[${last === ']' || last === '\\' ? `\\${last}` : last}]`;
  };
  return ['.', ...exclude.filter((p) => p.replace(/\/+$/, '') !== '').flatMap((p) => [`:(exclude)${pattern(p)}`, `:(exclude)${pattern(p)}/*`])];
}

/**
 * Hashes the user's working tree into a tree object using a TEMPORARY index (a copy of theirs, so
 * unchanged files are not re-read), leaving their index, working tree and refs untouched.
 * `pathspecs` select what counts (suture's output and dependency directories are excluded).
 */
export async function currentTree(repo: RepoInfo, pathspecs: string[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'suture-index-'));
  const index = path.join(dir, 'index');
  try {
    await copyFile(repo.indexFile, index).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err; // a fresh repository has no index yet
    });
    const env = { GIT_INDEX_FILE: index };
    await git(repo.root, ['add', '-A', '--', ...pathspecs], { env });
    return (await git(repo.root, ['write-tree'], { env })).trim();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Records the user's current state as a commit object (parent: HEAD); no ref is created or moved.
 * A tree with nothing uncommitted is HEAD itself: no objects are written, and a bisection from the
 * sandbox does not spend a test run on a commit identical to HEAD.
 */
export async function snapshotState(repo: RepoInfo, pathspecs: string[]): Promise<Snapshot> {
  if (repo.head) {
    // --no-optional-locks: status never rewrites the user's index (no stat refresh), it only reads.
    const [status, headTree] = await Promise.all([
      git(repo.root, ['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--', ...pathspecs]),
      git(repo.root, ['rev-parse', `${repo.head}^{tree}`]),
    ]);
    if (status === '') return { commit: repo.head, tree: headTree.trim() };
  }
  const tree = await currentTree(repo, pathspecs);
  const parents = repo.head ? ['-p', repo.head] : [];
  const commit = (await git(repo.root, ['commit-tree', tree, ...parents, '-m', 'suture: snapshot of the working tree'], { env: SUTURE_IDENTITY })).trim();
  return { commit, tree };
}

/**
 * Did the user's state move away from the snapshot? A snapshot that is HEAD itself (nothing was
 * uncommitted) is still current when HEAD has not moved and a read-only status is empty; otherwise
 * the current state is hashed (temporary index) and compared with the snapshot's tree.
 */
export async function treeChangedSince(repo: RepoInfo, snapshot: Snapshot, pathspecs: string[]): Promise<boolean> {
  if (snapshot.commit === repo.head) {
    const [status, head] = await Promise.all([
      git(repo.root, ['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=all', '--', ...pathspecs]),
      git(repo.root, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => ''),
    ]);
    if (status === '' && head.trim() === snapshot.commit) return false;
  }
  return (await currentTree(repo, pathspecs)) !== snapshot.tree;
}
