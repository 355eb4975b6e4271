import { lstat, mkdir, readdir, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../git.js';

/**
 * Cache directories tools write inside node_modules (vite/vitest, babel, eslint...). The sandbox
 * gets its own, so a test run in the worktree never writes into the user's node_modules.
 */
export const NODE_MODULES_CACHES = new Set(['.vite', '.vitest', '.cache', '.tmp', '.eslintcache']);

/** Pathspec that keeps every dependency directory (at any depth) out of snapshots and patches. */
export function dependencyExcludes(linkDirs: string[]): string[] {
  // The directory's content, and the path itself when it is a symlink (a file to git).
  return linkDirs.flatMap((d) => [`:(exclude,glob)**/${d}/**`, `:(exclude,glob)**/${d}`]);
}

/**
 * Untracked (usually ignored) dependency directories of the user's tree, repository-relative:
 * `node_modules`, `packages/a/node_modules`, `.venv`. Tests need them; they are never in a commit.
 */
export async function findDependencyDirs(root: string, linkDirs: string[]): Promise<string[]> {
  const names = new Set(linkDirs);
  const out = await git(root, ['ls-files', '-z', '--others', '--directory', '--no-empty-directory']);
  const found: string[] = [];
  for (const p of out.split('\0')) {
    const rel = p.endsWith('/') ? p.slice(0, -1) : p;
    if (!names.has(path.posix.basename(rel))) continue;
    // A directory (`dir/`), or a symlink to one (git lists a symlink as a file: `node_modules -> ../shared`).
    if (p.endsWith('/') || (await isDirLink(path.join(root, rel)))) found.push(rel);
  }
  return found;
}

async function isDirLink(p: string): Promise<boolean> {
  try {
    return (await lstat(p)).isSymbolicLink() && (await stat(p)).isDirectory();
  } catch {
    return false; // a dangling link: nothing to make available
  }
}

export interface LinkedDependencies {
  /** Repository-relative dependency paths made available in the worktree (never part of a patch). */
  linked: string[];
  /** node_modules directories of the worktree that are real directories the sandbox owns (see DependencyEntries). */
  owned: Array<{ rel: string; from: string }>;
}

/**
 * Makes the user's dependency directories visible in the worktree, never writable through it by
 * a tool that writes its cache into `<project>/node_modules` (vite, babel, eslint...):
 *
 * - the root `node_modules` costs three links, whatever its size: `<home>/node_modules` (the worktree's
 *   parent, suture's own directory) links to the user's, and the worktree gets a real `node_modules`
 *   holding only `.bin`. Node, TypeScript, jest and vite resolve a package by walking up the
 *   directories, so they find every package one level up, while caches land in the worktree's own
 *   directory. (Per-package links cost one file creation each: 0.3 s for 370 packages in a slow temp dir.)
 * - a nested `node_modules` (a workspace package) becomes a real directory of per-package links;
 * - anything else (`.venv`) is linked whole.
 */
export async function linkDependencyDirs(userRoot: string, worktree: string, dirs: string[], home?: string): Promise<LinkedDependencies> {
  const out: LinkedDependencies = { linked: [], owned: [] };
  for (const rel of dirs) {
    const from = path.join(userRoot, rel);
    const to = path.join(worktree, rel);
    if (await exists(to)) continue; // tracked content already checked out there
    await mkdir(path.dirname(to), { recursive: true });
    if (path.basename(rel) !== 'node_modules') {
      await symlink(from, to);
    } else if (rel === 'node_modules' && home && path.dirname(worktree) === home) {
      await symlink(from, path.join(home, 'node_modules'));
      await mkdir(to);
      if (await exists(path.join(from, '.bin'))) await symlink(path.join(from, '.bin'), path.join(to, '.bin'));
      out.owned.push({ rel, from });
    } else {
      await mkdir(to);
      for (const entry of await readdir(from)) {
        if (NODE_MODULES_CACHES.has(entry)) continue;
        await symlink(path.join(from, entry), path.join(to, entry));
      }
      out.owned.push({ rel, from });
    }
    out.linked.push(rel);
  }
  return out;
}

export async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}
