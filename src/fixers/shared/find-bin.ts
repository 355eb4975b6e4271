import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { childEnv } from '../../secrets/env.js';

async function isExecutable(p: string): Promise<boolean> {
  try {
    await access(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a project's own tool: `node_modules/.bin/<name>` in `fromDir` and each parent up to and
 * including `stopDir` (a monorepo package first, then the root), then PATH. Returns the absolute path
 * or undefined.
 */
export async function findProjectBin(name: string, fromDir: string, stopDir: string): Promise<string | undefined> {
  let dir = path.resolve(fromDir);
  const stop = path.resolve(stopDir);
  for (;;) {
    const candidate = path.join(dir, 'node_modules', '.bin', name);
    if (await isExecutable(candidate)) return candidate;
    if (dir === stop || !dir.startsWith(stop + path.sep)) break;
    dir = path.dirname(dir);
  }
  return findOnPath(name);
}

/** Looks a binary up on the PATH a child process would get (see childEnv). */
export async function findOnPath(name: string): Promise<string | undefined> {
  const dirs = (childEnv().PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const d of dirs) {
    const candidate = path.join(d, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}
