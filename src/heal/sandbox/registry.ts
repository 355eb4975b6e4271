import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { git } from '../git.js';
import { REF_NAMESPACE } from './snapshot.js';

/**
 * suture's own record of the sandboxes it made for a repository (one JSON file each under
 * <git-common-dir>/suture/sandboxes/). A run killed with SIGKILL leaves its entry behind; the next
 * run sees the owner is gone and removes the worktree, its directory and its refs.
 */
export interface SandboxEntry {
  pid: number;
  host: string;
  /** The worktree. */
  dir: string;
  /** suture's directory around it (links, scratch files); absent in entries of older versions. */
  home?: string;
  refs: string[];
  createdAt: string;
}

function registryDir(commonDir: string): string {
  return path.join(commonDir, 'suture', 'sandboxes');
}

export async function register(commonDir: string, name: string, entry: SandboxEntry): Promise<void> {
  const dir = registryDir(commonDir);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.json`);
  await writeFile(`${file}.tmp`, JSON.stringify(entry));
  await rename(`${file}.tmp`, file);
}

export async function unregister(commonDir: string, name: string): Promise<void> {
  await rm(path.join(registryDir(commonDir), `${name}.json`), { force: true });
}

function isAlive(entry: SandboxEntry): boolean {
  if (entry.host !== os.hostname()) return true; // another machine's run on a shared disk: leave it
  try {
    process.kill(entry.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what dead runs left: their worktrees (directory + git admin entry), their refs under
 * refs/suture/, then `git worktree prune` for anything git still lists without a directory.
 * Returns how many sandboxes were cleaned.
 */
export async function cleanupLeftovers(root: string, commonDir: string): Promise<number> {
  const dir = registryDir(commonDir);
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    names = [];
  }
  let cleaned = 0;
  for (const name of names) {
    const file = path.join(dir, name);
    let entry: SandboxEntry;
    try {
      entry = JSON.parse(await readFile(file, 'utf8')) as SandboxEntry;
    } catch {
      await rm(file, { force: true }); // half-written by a killed run: nothing else to find
      continue;
    }
    if (isAlive(entry)) continue;
    await removeWorktree(root, entry.dir, entry.home);
    for (const ref of entry.refs) await deleteRef(root, ref);
    await rm(file, { force: true });
    cleaned++;
  }
  // Only after a dead run: drops git's admin entries whose directories are gone.
  if (cleaned > 0) await git(root, ['worktree', 'prune']).catch(() => undefined);
  return cleaned;
}

export async function removeWorktree(root: string, dir: string, home?: string): Promise<void> {
  if (dir !== '') {
    await git(root, ['worktree', 'remove', '--force', '--force', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
  // fs.rm removes symlinks themselves (lstat), never what they point to: the user's node_modules is safe.
  if (home) await rm(home, { recursive: true, force: true });
}

export async function deleteRef(root: string, ref: string): Promise<void> {
  if (!ref.startsWith(`${REF_NAMESPACE}/`)) throw new Error(`refusing to delete ${ref}: outside ${REF_NAMESPACE}/`);
  await git(root, ['update-ref', '-d', ref]).catch(() => undefined);
}
