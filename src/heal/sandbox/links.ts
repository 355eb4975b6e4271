import { lstat, mkdir, readdir, stat, symlink } from 'node:fs/promises';
import path from 'node:path';
import { git } from '../git.js';

/**
 * Cache directories tools write inside node_modules (vite/vitest, babel, eslint...). The sandbox
 * gets its own, so a test run in the worktree never writes into the user's node_modules.
 */
const NODE_MODULES_CACHES = new Set(['.vite', '.vitest', '.cache', '.tmp', '.eslintcache']);

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

/**
 * Makes the user's dependency directories visible in the worktree. node_modules becomes a real
 * directory of per-package symlinks (minus tool caches) so caches land in the sandbox; others are
 * linked whole. Returns the linked repository-relative paths.
 */
export async function linkDependencyDirs(userRoot: string, worktree: string, dirs: string[]): Promise<string[]> {
  const linked: string[] = [];
  for (const rel of dirs) {
    const from = path.join(userRoot, rel);
    const to = path.join(worktree, rel);
    if (await exists(to)) continue; // tracked content already checked out there
    await mkdir(path.dirname(to), { recursive: true });
    if (path.basename(rel) === 'node_modules') {
      await mkdir(to);
      for (const entry of await readdir(from)) {
        if (NODE_MODULES_CACHES.has(entry)) continue;
        await symlink(path.join(from, entry), path.join(to, entry));
      }
    } else {
      await symlink(from, to);
    }
    linked.push(rel);
  }
  return linked;
}

async function exists(p: string): Promise<boolean> {
  try {
    await lstat(p);
    return true;
  } catch {
    return false;
  }
}
