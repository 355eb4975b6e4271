import { realpathSync } from 'node:fs';
import path from 'node:path';
import { repoRelative } from '../../events/paths.js';

/**
 * Resolves an event's `file` (repository-relative, absolute or file:// URL) to an absolute path inside
 * the worktree, or undefined when it points elsewhere. A fixer writes only where this says it may.
 */
export function resolveInWorktree(worktree: string, file: string | undefined, originalRoot?: string): string | undefined {
  if (!file) return undefined;
  // Absolute paths from the user's checkout (stacks printed there) map onto the worktree.
  let rel = originalRoot ? repoRelative(file, originalRoot) : undefined;
  rel ??= repoRelative(file, worktree);
  if (rel === undefined) rel = repoRelative(file, safeRealpath(worktree));
  if (rel === undefined) return undefined;
  const abs = path.resolve(worktree, rel);
  if (!isInside(worktree, abs)) return undefined;
  return abs;
}

/** True when `p` is `root` itself or below it (lexically; symlinked dependency folders are not followed). */
export function isInside(root: string, p: string): boolean {
  const r = path.resolve(root);
  const a = path.resolve(p);
  return a === r || a.startsWith(r + path.sep);
}

/** Repository-relative, forward-slash form of an absolute path under the worktree. */
export function toWorktreeRelative(worktree: string, abs: string): string {
  return path.relative(worktree, abs).split(path.sep).join('/');
}

function safeRealpath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
