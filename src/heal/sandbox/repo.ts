import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError } from '../../errors.js';
import { git } from '../git.js';

/** The user's repository as the sandbox sees it. */
export interface RepoInfo {
  /** Absolute, symlink-resolved top level of the working tree. */
  root: string;
  /** Absolute path of the common git dir (shared by all worktrees). */
  commonDir: string;
  /** HEAD commit, or undefined in a repository with no commits yet. */
  /** The user's index file (never written; copied to build snapshots). */
  indexFile: string;
  head: string | undefined;
}

/** Finds the repository containing `dir`; outside one, a clear EnvironmentError (suture stops). */
export async function openRepo(dir: string): Promise<RepoInfo> {
  const abs = path.resolve(dir);
  try {
    if (!(await stat(abs)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new EnvironmentError(`${abs} is not a directory`, { code: 'E_NOT_A_DIRECTORY', hint: 'Run suture heal inside your repository or pass its path.' });
  }
  // The usual case in one call: top level, common git dir, index path and HEAD (an unborn HEAD, a bare
  // repository or no repository at all makes it fail: then the step-by-step path below says which).
  const quick = await git(abs, ['rev-parse', '--show-toplevel', '--git-common-dir', '--git-path', 'index', 'HEAD^{commit}']).then((o) => o.trim().split('\n'), () => []);
  if (quick.length === 4 && quick[0] && /^[0-9a-f]{40,64}$/.test(quick[3]!)) {
    return { root: await realpath(quick[0]), commonDir: await realpath(path.resolve(abs, quick[1]!)), indexFile: path.resolve(abs, quick[2]!), head: quick[3] };
  }
  let top: string;
  let common: string;
  let index: string;
  try {
    // One call: the top level, the common git dir and the index path (the last two relative to `abs`).
    [top = '', common = '.git', index = '.git/index'] = (await git(abs, ['rev-parse', '--show-toplevel', '--git-common-dir', '--git-path', 'index'])).trim().split('\n');
  } catch (err) {
    const msg = (err as Error).message;
    if (/not a git repository/i.test(msg)) {
      throw new EnvironmentError(`${abs} is not inside a git repository`, {
        code: 'E_NOT_GIT_REPO',
        hint: 'suture makes its fixes in an isolated git worktree; run it inside a git checkout (a new project: `git init && git add -A && git commit -m init`).',
      });
    }
    if (/ENOENT|spawn git/i.test(msg)) {
      throw new EnvironmentError('git is not installed or not on PATH', { code: 'E_GIT_MISSING', hint: 'Install git and retry.' });
    }
    throw new EnvironmentError(`git failed in ${abs}: ${msg.trim().split('\n')[0]}`, { code: 'E_GIT', cause: err });
  }
  if (top === '') {
    throw new EnvironmentError(`${abs} is inside a bare repository or a .git directory`, { code: 'E_NOT_GIT_REPO', hint: 'Run suture in a working tree.' });
  }
  const root = await realpath(top);
  const commonDir = await realpath(path.resolve(abs, common));
  let head: string | undefined;
  try {
    head = (await git(root, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])).trim() || undefined;
  } catch {
    head = undefined;
  }
  return { root, commonDir, indexFile: path.resolve(abs, index), head };
}
